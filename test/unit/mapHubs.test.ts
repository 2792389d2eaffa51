// The topology map's quick first layout: containers in rings around their network, hubs packed without overlap.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hubLayout } from '../../src/webview/topology/mapHubs';
import type { TopologyGraph } from '../../src/protocol/topology';

/** n networks, m containers, container j on network j % n and (every third) also on (j + 1) % n. */
function graph(n: number, m: number, lonelyNetworks = 0): TopologyGraph {
  const networks = Array.from({ length: n + lonelyNetworks }, (_, i) => ({ id: `net${i}`, name: `net${i}`, driver: 'bridge', scope: 'local', builtin: false, subnets: [] }));
  const containers = Array.from({ length: m }, (_, j) => ({ id: `c${j}`, name: `c${j}`, state: 'running', image: 'x', ports: [] }));
  const edges = containers.flatMap((c, j) => [{ n: `net${j % n}`, c: c.id }, ...(j % 3 === 0 ? [{ n: `net${(j + 1) % n}`, c: c.id }] : [])]);
  return { networks, containers, edges } as unknown as TopologyGraph;
}

const dist = (a: [number, number], b: [number, number]): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('topology hub layout', () => {
  test('every node with an edge gets a position; networks without any are left to the line-up', () => {
    const g = graph(5, 40, 2);
    const p = hubLayout(g);
    for (const c of g.containers) assert.ok(p.has(`c:${c.id}`), c.id);
    for (let i = 0; i < 5; i++) assert.ok(p.has(`n:net${i}`));
    assert.ok(!p.has('n:net5') && !p.has('n:net6'), 'networks without containers are not hubs');
  });

  test('a container sits around its home network: the busiest of its networks', () => {
    // c0 is on net0 (3 containers) and net1 (2): home net0
    const g = { networks: [{ id: 'a' }, { id: 'b' }], containers: [{ id: 'x' }, { id: 'y' }, { id: 'z' }], edges: [
      { n: 'a', c: 'x' }, { n: 'b', c: 'x' }, { n: 'a', c: 'y' }, { n: 'a', c: 'z' }, { n: 'b', c: 'z' },
    ] } as unknown as TopologyGraph;
    const p = hubLayout(g);
    for (const c of ['x', 'y', 'z']) assert.ok(dist(p.get(`c:${c}`)!, p.get('n:a')!) < dist(p.get(`c:${c}`)!, p.get('n:b')!), c);
  });

  test('no two nodes share a spot, and hubs do not overlap (300 networks, 1000 containers)', () => {
    const p = hubLayout(graph(300, 1000));
    const pts = [...p.values()];
    assert.equal(pts.length, 1300);
    const cells = new Map<string, [number, number][]>();
    const key = (x: number, y: number): string => `${Math.floor(x / 40)},${Math.floor(y / 40)}`;
    for (const q of pts) {
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        for (const o of cells.get(key(q[0] + dx * 40, q[1] + dy * 40)) ?? []) assert.ok(dist(o, q) >= 30, `nodes ${JSON.stringify(o)} and ${JSON.stringify(q)} overlap`);
      }
      const k = key(q[0], q[1]);
      cells.set(k, [...(cells.get(k) ?? []), q]);
    }
  });

  test('the busiest network comes first, and the drawing is about as wide as it is high', () => {
    const g = graph(30, 300);
    g.edges.push(...Array.from({ length: 50 }, (_, j) => ({ n: 'net7', c: `c${j}` })) as TopologyGraph['edges']);
    const p = hubLayout(g);
    const hubs = [...p.entries()].filter(([k]) => k.startsWith('n:'));
    // the first hub packed is the one in the top-left corner (smallest x + y of its centre)
    const first = hubs.reduce((a, b) => (b[1][0] + b[1][1] < a[1][0] + a[1][1] ? b : a));
    assert.equal(first[0], 'n:net7');
    const xs = [...p.values()].map((q) => q[0]);
    const ys = [...p.values()].map((q) => q[1]);
    const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    assert.ok(ratio > 0.5 && ratio < 3, `width / height ${ratio.toFixed(2)}`);
  });
});
