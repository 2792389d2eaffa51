// Docker Compose in the tree: labels read from networks and containers, the grouping by project (with the partial
// and inconsistent cases under "Other networks" with a note, never dropped), services on a network.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeMemberOf, composeNetworkOf, composeWords, groupByProject, servicesOn } from '../../src/core/compose';
import { attachmentDescription, networkTooltip } from '../../src/core/format';
import { snapshotOf } from '../../src/core/rawState';
import type { RawContainer, RawNetwork } from '../../src/core/model';

const network = (Id: string, Name: string, Labels: Record<string, string> = {}): RawNetwork => ({ Id, Name, Driver: 'bridge', Scope: 'local', Labels, IPAM: { Config: [] } });
const composeNet = (Id: string, project: string, key: string): RawNetwork => network(Id, `${project}_${key}`, { 'com.docker.compose.project': project, 'com.docker.compose.network': key });
const container = (Id: string, name: string, nets: string[], labels: Record<string, string> = {}): RawContainer => ({
  Id, Names: [`/${name}`], Image: 'localbusybox:latest', State: 'running', Status: '', Ports: [], Labels: labels,
  NetworkSettings: { Networks: Object.fromEntries(nets.map((n, i) => [n, { NetworkID: n, IPAddress: `10.0.${i}.${Id.length}`, IPPrefixLen: 24 }])) },
});
const svc = (project: string, service: string, n?: number, oneoff = false): Record<string, string> => ({
  'com.docker.compose.project': project, 'com.docker.compose.service': service,
  ...(n !== undefined ? { 'com.docker.compose.container-number': String(n) } : {}), 'com.docker.compose.oneoff': oneoff ? 'True' : 'False',
});
const snap = (networks: RawNetwork[], containers: RawContainer[]) => snapshotOf({ networks, containers }, '1.51');

describe('compose labels', () => {
  test('a container made by Compose: project, service, replica; a one-off run; not made by Compose', () => {
    assert.deepEqual(composeMemberOf(svc('shop', 'web', 2)), { project: 'shop', service: 'web', replica: 2, oneoff: false });
    assert.deepEqual(composeMemberOf(svc('shop', 'web', undefined, true)), { project: 'shop', service: 'web', oneoff: true });
    assert.equal(composeMemberOf({ 'com.docker.compose.project': 'shop' }), undefined, 'a project without a service is not a member');
    assert.equal(composeMemberOf(null), undefined);
    assert.equal(composeMemberOf({ ...svc('shop', 'web'), 'com.docker.compose.container-number': 'x' })?.replica, undefined);
  });

  test('in words, and in the container row and the network tooltip', () => {
    assert.equal(composeWords({ project: 'p', service: 'web', replica: 3, oneoff: false }), 'web #3');
    assert.equal(composeWords({ project: 'p', service: 'web', oneoff: true }), 'web (one-off)');
    assert.equal(composeWords({ project: 'p', service: 'web', oneoff: false }), 'web');
    const s = snap([composeNet('n1', 'shop', 'default')], [container('c1', 'shop-web-1', ['n1'], svc('shop', 'web', 1))]);
    const n = s.networks[0];
    assert.deepEqual(composeNetworkOf(n), { project: 'shop', key: 'default' });
    assert.match(attachmentDescription(n.attachments[0]), /^10\.0\.0\.2\/24 · web #1$/);
    const tip = networkTooltip(n);
    assert.ok(tip.includes('Compose project') && tip.includes('`shop`') && tip.includes('Compose network') && tip.includes('`default`'), tip);
    assert.ok(!networkTooltip(snap([network('n2', 'plain')], []).networks[0]).includes('Compose project'));
  });
});

describe('grouping by compose project', () => {
  test("a project's own networks under it; built-in and hand-made networks under Other", () => {
    const g = groupByProject(snap(
      [composeNet('n1', 'shop', 'default'), composeNet('n2', 'shop', 'back'), composeNet('n3', 'blog', 'default'), network('b', 'bridge'), network('h', 'my-net')],
      [container('c1', 'shop-web-1', ['n1', 'n2'], svc('shop', 'web', 1)), container('c2', 'blog-app-1', ['n3'], svc('blog', 'app', 1)), container('c3', 'loose', ['h'])],
    ));
    assert.deepEqual(g.projects.map((p) => [p.project, p.networks.map((x) => x.network.name)]), [['blog', ['blog_default']], ['shop', ['shop_back', 'shop_default']]]);
    assert.deepEqual(g.other.map((o) => [o.network.name, o.note]), [['my-net', undefined], ['bridge', undefined]]);
  });

  test('a network only one project uses, made outside it, is that project’s, marked external', () => {
    const g = groupByProject(snap([composeNet('n1', 'shop', 'default'), network('e', 'shared-db')],
      [container('c1', 'shop-web-1', ['n1', 'e'], svc('shop', 'web', 1))]));
    assert.deepEqual(g.projects[0].networks.map((x) => [x.network.name, x.external]), [['shared-db', true], ['shop_default', false]]);
    assert.equal(g.other.length, 0);
  });

  test('a network shared by two projects goes under Other, with a note naming both', () => {
    const g = groupByProject(snap([composeNet('n1', 'shop', 'default'), composeNet('n3', 'blog', 'default'), network('e', 'shared-db')], [
      container('c1', 'shop-web-1', ['n1', 'e'], svc('shop', 'web', 1)), container('c2', 'blog-app-1', ['n3', 'e'], svc('blog', 'app', 1)),
    ]));
    assert.deepEqual(g.other.map((o) => [o.network.name, o.note]), [['shared-db', 'shared by the compose projects blog, shop']]);
    // made by shop, joined by blog's container: shared too
    const g2 = groupByProject(snap([composeNet('n1', 'shop', 'default'), composeNet('n3', 'blog', 'default')], [
      container('c1', 'shop-web-1', ['n1'], svc('shop', 'web', 1)), container('c2', 'blog-app-1', ['n3', 'n1'], svc('blog', 'app', 1)),
    ]));
    assert.deepEqual(g2.other.map((o) => [o.network.name, o.note]), [['shop_default', 'shared by the compose projects blog, shop']]);
    assert.deepEqual(g2.projects.map((p) => p.project), ['blog']);
  });

  test('a project with no network of its own is named on the networks it uses; a mix of project and other containers is Other', () => {
    const g = groupByProject(snap([network('b', 'bridge'), network('h', 'my-net')], [
      container('c1', 'solo-x-1', ['b'], svc('solo', 'x', 1)), container('c2', 'mix-a-1', ['h'], svc('mix', 'a', 1)), container('c3', 'hand', ['h']),
    ]));
    assert.deepEqual(g.projects, []);
    assert.deepEqual(g.other.map((o) => [o.network.name, o.note]), [
      ['my-net', 'used by the compose project mix, which has no network of its own'],
      ['bridge', 'used by the compose project solo, which has no network of its own'],
    ]);
  });

  test('partial label sets: a network with a compose key and no project, containers missing the service or the project, under Other with a note', () => {
    const g = groupByProject(snap([
      composeNet('n1', 'shop', 'default'), network('k', 'keyed', { 'com.docker.compose.network': 'back' }), network('h', 'half'),
      network('p', 'odd', { 'com.docker.compose.version': '2.40.3' }),
    ], [
      container('c1', 'shop-web-1', ['n1'], svc('shop', 'web', 1)),
      container('c2', 'no-service', ['h'], { 'com.docker.compose.project': 'shop' }),
      container('c3', 'no-project', ['h', 'k'], { 'com.docker.compose.service': 'db' }),
      // in a project's own network, a half-labelled container stays there (listed apart from the services)
      container('c4', 'stray', ['n1'], { 'com.docker.compose.service': 'x' }),
    ]));
    assert.deepEqual(g.projects.map((p) => [p.project, p.networks.map((x) => x.network.name)]), [['shop', ['shop_default']]]);
    assert.deepEqual(g.other.map((o) => [o.network.name, o.note]), [
      ['half', 'no-project has compose labels (service db but no project label): not counted as a compose container; no-service has compose labels (project shop but no service label): not counted as a compose container'],
      ['keyed', 'labelled by Compose (network key back) but with no project; no-project has compose labels (service db but no project label): not counted as a compose container'],
      ['odd', 'labelled by Compose (com.docker.compose.version) but with no project'],
    ].sort());
    assert.deepEqual(servicesOn(g.projects[0].networks[0].network).rest.map((a) => a.name), ['stray']);
    // every container is still on a network the grouping shows
    const shown = [...g.projects.flatMap((p) => p.networks.map((x) => x.network)), ...g.other.map((o) => o.network)].flatMap((n) => n.attachments.map((a) => a.name));
    assert.deepEqual([...new Set(shown)].sort(), ['no-project', 'no-service', 'shop-web-1', 'stray']);
  });

  test('a network only one project\'s containers use, but labelled by Compose without a project, is not taken as that project\'s', () => {
    const g = groupByProject(snap([composeNet('n1', 'shop', 'default'), network('k', 'keyed', { 'com.docker.compose.network': 'back' })],
      [container('c1', 'shop-web-1', ['n1', 'k'], svc('shop', 'web', 1))]));
    assert.deepEqual(g.projects[0].networks.map((x) => x.network.name), ['shop_default']);
    assert.deepEqual(g.other.map((o) => [o.network.name, o.note]), [['keyed', 'labelled by Compose (network key back) but with no project']]);
  });

  test('services on a network: replicas in order, one-off runs with them, other containers apart', () => {
    const s = snap([composeNet('n1', 'shop', 'default')], [
      container('c3', 'shop-web-2', ['n1'], svc('shop', 'web', 2)), container('c1', 'shop-web-1', ['n1'], svc('shop', 'web', 1)),
      container('c2', 'shop-db-1', ['n1'], svc('shop', 'db', 1)), container('c4', 'shop-web-run-1', ['n1'], svc('shop', 'web', undefined, true)),
      container('c5', 'hand', ['n1']),
    ]);
    const on = servicesOn(s.networks[0]);
    assert.deepEqual(on.services.map((x) => [x.service, x.members.map((a) => a.name)]).sort(), [['db', ['shop-db-1']], ['web', ['shop-web-run-1', 'shop-web-1', 'shop-web-2']]]);
    assert.deepEqual(on.rest.map((a) => a.name), ['hand']);
  });
});
