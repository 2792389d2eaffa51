// The Simplified Chinese translation is complete and sound: every English key of l10n/bundle.l10n.json and
// package.nls.json has a zh-cn entry with the same placeholders, and no entry is left in English unless it is a term
// that stays as written (below). When new strings arrive in code, the first test names them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BUNDLE, L10N_DIR, ROOT, readBundle, type Bundle } from '../../scripts/l10n';

/** Values that are the same in Chinese: names the engine and the kernel use (namespace kinds, network names, the
 * product), protocol words, and a pattern of placeholders only. */
const SAME_IN_CHINESE = new Set([
  'Cgroup', 'Docker', 'ID', 'IPAM', 'IPC', 'IPv4', 'IPv6', 'Ingress', 'MAC', 'MTU', 'PID', 'VIP {0}', 'host', 'none', '{0} — {1}',
  '{0} #{1}', '{0} · {1} · {2}',
]);

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

const lines = (text: string): number => text.split('\n').length;

function check(english: Bundle, chinese: Bundle): { untranslated: string[]; placeholders: string[]; english: string[]; lines: string[] } {
  const keys = Object.keys(english);
  return {
    untranslated: keys.filter((k) => typeof chinese[k] !== 'string' || chinese[k].trim() === ''),
    placeholders: keys.filter((k) => k in chinese && placeholders(chinese[k]).join() !== placeholders(english[k]).join()),
    english: keys.filter((k) => chinese[k] === english[k] && !SAME_IN_CHINESE.has(english[k])),
    // a list the English breaks into lines keeps its lines (an escaped "\\n" would show as two characters)
    lines: keys.filter((k) => k in chinese && lines(chinese[k]) !== lines(english[k])),
  };
}

const none = { untranslated: [], placeholders: [], english: [], lines: [] };

describe('zh-cn translation', () => {
  it('translates every string of the code, keeping its placeholders', () => {
    assert.deepEqual(check(readBundle(BUNDLE), readBundle(join(L10N_DIR, 'bundle.l10n.zh-cn.json'))), none);
  });

  it('translates every manifest text (commands, views, settings)', () => {
    assert.deepEqual(check(readBundle(join(ROOT, 'package.nls.json')), readBundle(join(ROOT, 'package.nls.zh-cn.json'))), none);
  });

  it('writes the Docker terms as Chinese users know them', () => {
    const zh = readBundle(join(L10N_DIR, 'bundle.l10n.zh-cn.json'));
    const terms: Array<[string, string]> = [
      ['Network', '网络'], ['Container', '容器'], ['Subnet', '子网'], ['Gateway', '网关'], ['IP range', 'IP 范围'],
      ['Driver', '驱动'], ['Image', '镜像'], ['Aliases', '别名'], ['Connectivity', '连通性'], ['Docker Topology', 'Docker 拓扑'],
      ['Docker engine', 'Docker 引擎'], ['Bridge interface', '桥接接口'], ['Do they share one network namespace?', '命名空间'],
    ];
    assert.deepEqual(terms.filter(([en, word]) => !zh[en]?.includes(word)), []);
  });
});
