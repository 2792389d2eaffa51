import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareNamespaceIds, describeNamespace, engineNamespaceDefaults, lookupFromMap, NAMESPACE_TYPES, namespaceModes,
  namespaceTitle, parseNsLink, withNamespaceIds,
  type ContainerInspectLike, type NamespaceRow, type NamespaceType,
} from '../../src/core/namespaces';

// HostConfig as Engine API 1.41 (docker 20.10, cgroup v2) reports it for `docker run -d busybox sleep 3600`:
// the daemon fills IpcMode and CgroupnsMode at create; PidMode, UTSMode and UsernsMode stay empty.
const WEB_ID = '4d2a6a1c8e3f5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d';
const DB_ID = '9b8a7c6d5e4f30211f2e3d4c5b6a79880a1b2c3d4e5f60718293a4b5c6d7e8f9';
const names = new Map([[WEB_ID, '/web'], [DB_ID, '/db']]);

function inspect(hostConfig: NonNullable<ContainerInspectLike['HostConfig']>): ContainerInspectLike {
  return {
    Id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', Name: '/probe',
    HostConfig: { NetworkMode: 'default', IpcMode: 'private', PidMode: '', UTSMode: '', UsernsMode: '', CgroupnsMode: 'private', ...hostConfig },
  };
}

function row(rows: NamespaceRow[], type: NamespaceType): NamespaceRow {
  const r = rows.find((x) => x.type === type);
  assert.ok(r, `no ${type} row`);
  return r;
}

function modes(rows: NamespaceRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.type, r.mode]));
}

describe('namespaceModes', () => {
  test('a plain `docker run`: everything private except user (no userns-remap), one row per type in seed order', () => {
    const rows = namespaceModes(inspect({}), names);
    assert.deepEqual(rows.map((r) => r.type), ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts']);
    assert.deepEqual(NAMESPACE_TYPES, ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts']);
    assert.deepEqual(modes(rows), { cgroup: 'private', ipc: 'private', mnt: 'private', net: 'private', pid: 'private', user: 'host', uts: 'private' });
    assert.deepEqual(row(rows, 'ipc'), { type: 'ipc', mode: 'private', source: { field: 'HostConfig.IpcMode', value: 'private' }, fromDefault: false });
    assert.deepEqual(row(rows, 'pid'), { type: 'pid', mode: 'private', source: { field: 'HostConfig.PidMode', value: '' }, fromDefault: true });
    assert.deepEqual(row(rows, 'mnt'), { type: 'mnt', mode: 'private', fromDefault: false });
  });

  test('net: default, bridge and a network name are private; host; none; container:<id|name|prefix>', () => {
    for (const m of ['default', 'bridge', 'my-net', '']) assert.equal(row(namespaceModes(inspect({ NetworkMode: m })), 'net').mode, 'private', m);
    assert.equal(row(namespaceModes(inspect({ NetworkMode: 'host' })), 'net').mode, 'host');
    assert.equal(row(namespaceModes(inspect({ NetworkMode: 'none' })), 'net').mode, 'none');
    for (const ref of [WEB_ID, 'web', '/web', WEB_ID.slice(0, 12)]) {
      const net = row(namespaceModes(inspect({ NetworkMode: `container:${ref}` }), names), 'net');
      assert.deepEqual([net.mode, net.sharedWith], ['shared', { id: WEB_ID, name: 'web' }], ref);
    }
    const unknown = row(namespaceModes(inspect({ NetworkMode: 'container:gone' }), names), 'net');
    assert.deepEqual([unknown.mode, unknown.sharedWith], ['shared', { ref: 'gone' }]);
    assert.equal(row(namespaceModes(inspect({ NetworkMode: '' })), 'net').fromDefault, true);
  });

  test('ipc: private, shareable, host, none, container:<x>, and the engine default when empty', () => {
    const ipc = (IpcMode: string, engine = {}): NamespaceRow => row(namespaceModes(inspect({ IpcMode }), names, engine), 'ipc');
    assert.equal(ipc('private').mode, 'private');
    assert.equal(ipc('shareable').mode, 'shareable');
    assert.equal(ipc('host').mode, 'host');
    assert.equal(ipc('none').mode, 'none');
    assert.deepEqual([ipc(`container:${DB_ID}`).mode, ipc(`container:${DB_ID}`).sharedWith], ['shared', { id: DB_ID, name: 'db' }]);
    assert.deepEqual([ipc('').mode, ipc('').fromDefault], ['private', true], 'Docker ≥ 20.10 default');
    assert.deepEqual([ipc('', { ipc: 'shareable' }).mode, ipc('', { ipc: 'shareable' }).fromDefault], ['shareable', true]);
    assert.equal(ipc('private', { ipc: 'shareable' }).mode, 'private', 'an explicit mode wins over the default');
  });

  test('pid and uts: empty is private; host; container:<x>', () => {
    assert.deepEqual(modes(namespaceModes(inspect({ PidMode: 'host', UTSMode: 'host' }))).pid, 'host');
    assert.deepEqual(modes(namespaceModes(inspect({ PidMode: 'host', UTSMode: 'host' }))).uts, 'host');
    const pid = row(namespaceModes(inspect({ PidMode: 'container:web' }), names), 'pid');
    assert.deepEqual([pid.mode, pid.sharedWith], ['shared', { id: WEB_ID, name: 'web' }]);
    const uts = row(namespaceModes(inspect({ UTSMode: 'container:db' }), names), 'uts'); // Podman accepts this
    assert.deepEqual([uts.mode, uts.sharedWith], ['shared', { id: DB_ID, name: 'db' }]);
    assert.equal(row(namespaceModes(inspect({ NetworkMode: 'host' })), 'uts').mode, 'private', '--network host keeps its own UTS namespace');
  });

  test('mnt is always private, whatever else is shared', () => {
    const rows = namespaceModes(inspect({ NetworkMode: 'host', IpcMode: 'host', PidMode: 'host', UTSMode: 'host', CgroupnsMode: 'host', UsernsMode: 'host' }));
    assert.deepEqual(modes(rows), { cgroup: 'host', ipc: 'host', mnt: 'private', net: 'host', pid: 'host', user: 'host', uts: 'host' });
  });

  test('user: the host\'s without userns-remap; private with it; `host` opts out; joining net/ipc/pid joins the user namespace', () => {
    const user = (hc: NonNullable<ContainerInspectLike['HostConfig']>, usernsRemap: boolean): NamespaceRow =>
      row(namespaceModes(inspect(hc), names, { usernsRemap }), 'user');
    assert.deepEqual([user({}, false).mode, user({}, false).fromDefault], ['host', true]);
    assert.deepEqual([user({}, true).mode, user({}, true).fromDefault], ['private', true]);
    assert.equal(user({ UsernsMode: 'host' }, true).mode, 'host');
    assert.equal(user({ UsernsMode: 'host' }, false).mode, 'host');
    assert.deepEqual(user({ NetworkMode: 'container:web' }, true).sharedWith, { id: WEB_ID, name: 'web' });
    assert.equal(user({ NetworkMode: 'container:web' }, false).mode, 'host');
    // The engine sets up net, then ipc, then pid: the last joined wins.
    assert.deepEqual(user({ NetworkMode: 'container:web', PidMode: `container:${DB_ID}` }, true).sharedWith, { id: DB_ID, name: 'db' });
    assert.deepEqual(user({ NetworkMode: 'container:web', IpcMode: 'container:db' }, true).sharedWith, { id: DB_ID, name: 'db' });
    assert.equal(user({ UsernsMode: 'keep-id' }, false).mode, 'private', 'Podman');
    assert.deepEqual(user({ UsernsMode: 'ns:/proc/42/ns/user' }, false).sharedWith, { path: '/proc/42/ns/user' });
  });

  test('cgroup: private, host, and the engine default when empty (private on cgroup v2, host on v1)', () => {
    const cg = (CgroupnsMode: string, cgroupns?: 'private' | 'host'): NamespaceRow =>
      row(namespaceModes(inspect({ CgroupnsMode }), undefined, cgroupns ? { cgroupns } : {}), 'cgroup');
    assert.equal(cg('private').mode, 'private');
    assert.equal(cg('host').mode, 'host');
    assert.deepEqual([cg('').mode, cg('').fromDefault], ['private', true]);
    assert.deepEqual([cg('', 'host').mode, cg('', 'host').fromDefault], ['host', true]);
    assert.equal(cg('private', 'host').mode, 'private');
  });

  test('a missing HostConfig gives every default', () => {
    const rows = namespaceModes({ Id: 'x', HostConfig: null });
    assert.deepEqual(modes(rows), { cgroup: 'private', ipc: 'private', mnt: 'private', net: 'private', pid: 'private', user: 'host', uts: 'private' });
    assert.ok(rows.filter((r) => r.type !== 'mnt').every((r) => r.fromDefault));
  });

  test('a lookup function is used as given; without one, the reference is kept', () => {
    const lookup = (ref: string): { id: string; name: string } | undefined => (ref === 'x' ? { id: 'xid', name: 'ex' } : undefined);
    assert.deepEqual(row(namespaceModes(inspect({ PidMode: 'container:x' }), lookup), 'pid').sharedWith, { id: 'xid', name: 'ex' });
    assert.deepEqual(row(namespaceModes(inspect({ PidMode: 'container:x' })), 'pid').sharedWith, { ref: 'x' });
  });

  test('lookupFromMap: full id, name (with or without slash), unique prefix; an ambiguous prefix names nobody', () => {
    const twin = `${WEB_ID.slice(0, 4)}ffff${WEB_ID.slice(8)}`;
    const find = lookupFromMap(new Map([...names, [twin, '/twin']]));
    assert.deepEqual(find(WEB_ID), { id: WEB_ID, name: 'web' });
    assert.deepEqual(find('db'), { id: DB_ID, name: 'db' });
    assert.deepEqual(find('/db'), { id: DB_ID, name: 'db' });
    assert.deepEqual(find(WEB_ID.slice(0, 6)), { id: WEB_ID, name: 'web' });
    assert.equal(find(WEB_ID.slice(0, 4)), undefined);
    assert.equal(find('nobody'), undefined);
  });

  test('describeNamespace and namespaceTitle', () => {
    const rows = namespaceModes(inspect({ NetworkMode: 'container:web', IpcMode: 'shareable', PidMode: 'host' }), names);
    assert.deepEqual(rows.map(describeNamespace), [
      'private', 'private, shareable (other containers may join it)', 'private', 'shared with web', 'host', 'host (engine default)', 'private (engine default)',
    ]);
    assert.equal(describeNamespace(row(namespaceModes(inspect({ NetworkMode: 'none' })), 'net')), 'none (loopback only)');
    assert.equal(describeNamespace(row(namespaceModes(inspect({ IpcMode: 'none' })), 'ipc')), 'private, none (no /dev/shm)');
    assert.equal(describeNamespace(row(namespaceModes(inspect({ UsernsMode: 'ns:/run/userns' })), 'user')), 'shared: joins /run/userns');
    assert.deepEqual(NAMESPACE_TYPES.map(namespaceTitle), ['Cgroup', 'IPC', 'Mount', 'Network', 'PID', 'User', 'UTS (hostname)']);
  });
});

describe('engineNamespaceDefaults', () => {
  test('from docker info: cgroup version and userns security option', () => {
    assert.deepEqual(engineNamespaceDefaults({ CgroupVersion: '2', SecurityOptions: ['name=seccomp,profile=default', 'name=cgroupns'] }),
      { ipc: 'private', cgroupns: 'private', usernsRemap: false });
    assert.deepEqual(engineNamespaceDefaults({ CgroupVersion: '1', SecurityOptions: ['name=apparmor', 'name=userns'] }),
      { ipc: 'private', cgroupns: 'host', usernsRemap: true });
    assert.deepEqual(engineNamespaceDefaults({}), { ipc: 'private', cgroupns: 'private', usernsRemap: false });
  });
});

describe('namespace ids from /proc/<pid>/ns', () => {
  // `readlink /proc/<pid>/ns/*` for web, for a container started with --network container:web, and for pid 1.
  const web = {
    cgroup: 'cgroup:[4026532352]', ipc: 'ipc:[4026532278]', mnt: 'mnt:[4026532276]', net: 'net:[4026532281]',
    pid: 'pid:[4026532279]', pid_for_children: 'pid:[4026532279]', user: 'user:[4026531837]', uts: 'uts:[4026532277]',
  };
  const side = {
    cgroup: 'cgroup:[4026532420]', ipc: 'ipc:[4026532418]', mnt: 'mnt:[4026532416]', net: 'net:[4026532281]',
    pid: 'pid:[4026532419]', user: 'user:[4026531837]', uts: 'uts:[4026532417]',
  };

  test('parseNsLink', () => {
    assert.deepEqual(parseNsLink('net:[4026532281]'), { type: 'net', id: '4026532281' });
    assert.deepEqual(parseNsLink(' pid:[4026531836]\n'), { type: 'pid', id: '4026531836' });
    assert.deepEqual(parseNsLink('time_for_children:[4026531834]'), { type: 'time_for_children', id: '4026531834' });
    for (const bad of ['', 'net', 'net:[]', 'net:[abc]', '/proc/1/ns/net', 'net:4026532281']) assert.equal(parseNsLink(bad), undefined, bad);
  });

  test('compareNamespaceIds: the container: pair shares net and (no remap) user, nothing else', () => {
    const cmp = compareNamespaceIds(web, side);
    assert.deepEqual(cmp.find((c) => c.type === 'net'), { type: 'net', a: '4026532281', b: '4026532281', relation: 'same' });
    assert.deepEqual(cmp.map((c) => [c.type, c.relation]), [
      ['cgroup', 'different'], ['ipc', 'different'], ['mnt', 'different'], ['net', 'same'], ['pid', 'different'], ['user', 'same'], ['uts', 'different'],
    ]);
    assert.deepEqual(cmp.filter((c) => c.relation === 'same').map((c) => c.type), ['net', 'user']);
  });

  test('missing or unreadable ids are unknown; bare inode numbers are accepted; a link of another type is ignored', () => {
    const cmp = compareNamespaceIds({ net: '4026532281', pid: 'net:[1]', ipc: 'garbage' }, { net: 'net:[4026532281]', pid: 'pid:[1]' });
    assert.deepEqual(cmp.filter((c) => c.type === 'net' || c.type === 'pid' || c.type === 'ipc').map((c) => [c.type, c.relation]),
      [['ipc', 'unknown'], ['net', 'same'], ['pid', 'unknown']]);
    assert.ok(compareNamespaceIds({}, {}).every((c) => c.relation === 'unknown' && !('a' in c) && !('b' in c)));
  });

  test('withNamespaceIds fills nsId where the link was read', () => {
    const rows = withNamespaceIds(namespaceModes(inspect({})), { net: web.net, uts: 'bogus' });
    assert.equal(row(rows, 'net').nsId, '4026532281');
    assert.ok(!('nsId' in row(rows, 'uts')) && !('nsId' in row(rows, 'pid')));
  });
});
