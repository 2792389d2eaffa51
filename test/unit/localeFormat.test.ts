import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, formatDateTime, formatDuration, setDisplayLocale } from '../../src/core/localeFormat';
import { formatAddressCount } from '../../src/core/ipamUsage';

describe('localeFormat: Intl in the display language', () => {
  it('writes a date and time the way each language does', () => {
    assert.equal(formatDateTime('2026-11-20T10:00:00.5Z', 'zh-cn', 'UTC'), '2026年11月20日 10:00:00');
    assert.equal(formatDateTime('2026-11-20T10:00:00.5Z', 'en', 'UTC'), 'Nov 20, 2026, 10:00:00 AM');
    assert.equal(formatDateTime('not a date', 'zh-cn'), 'not a date');
  });

  it('groups digits and words durations per language', () => {
    assert.equal(formatCount(65534, 'de'), '65.534');
    assert.equal(formatCount(1234567n, 'zh-cn'), '1,234,567');
    assert.equal(formatDuration(850, 'zh-cn'), '850毫秒');
    assert.equal(formatDuration(1500, 'en'), '1.5 sec');
  });

  it('core counts follow the display language the host sets', () => {
    setDisplayLocale('de');
    assert.equal(formatAddressCount(65534n), '65.534');
    setDisplayLocale('not a tag');
    assert.equal(formatAddressCount(65534n), '65,534');
  });
});
