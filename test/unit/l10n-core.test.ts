// The core layer speaks the display language once @vscode/l10n has the host's bundle (src/host/locale.ts hands it
// vscode.l10n.bundle at activation): here the zh-cn bundle itself, and real core functions. node --test runs each file
// in a process of its own, so this configuration reaches no other test.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { L10N_DIR, readBundle } from '../../scripts/l10n';
import { explainDaemonError } from '../../src/core/daemonErrors';
import { emptyCreateNetworkForm, type ValidationContext } from '../../src/core/forms';
import { validateCreateNetwork } from '../../src/core/validate';

const ctx: ValidationContext = { networks: [], containers: [], swarmManager: false, drivers: [] };

describe('core messages with the zh-cn bundle', () => {
  before(() => l10n.config({ contents: readBundle(join(L10N_DIR, 'bundle.l10n.zh-cn.json')) }));

  it('explains a daemon error in Chinese', () => {
    const explained = explainDaemonError('Error response from daemon: Pool overlaps with other one on this address space');
    assert.equal(explained?.cause, '该子网与此引擎上另一个网络的子网重叠。');
    assert.match(explained?.fix ?? '', /^请选择没有其他网络使用的子网/);
  });

  it('reports a field error of the Create Network form in Chinese, with the values filled in', () => {
    const errors = validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'bad name' }, ctx);
    assert.deepEqual(errors.find((e) => e.field === 'name')?.message,
      '“bad name”不是有效的网络名称：以字母或数字开头，其后只使用字母、数字、“_”、“.”和“-”。');
    const empty = validateCreateNetwork(emptyCreateNetworkForm(), ctx);
    assert.equal(empty.find((e) => e.field === 'name')?.message, '网络名称为必填项。');
  });
});
