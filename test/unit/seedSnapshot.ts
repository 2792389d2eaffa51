// A hand-made snapshot of the seed scenario (shaped like Engine API 1.41 list answers, joined by the real
// joinSnapshot), for the unit tests of the panels and the probe logic.
import { joinSnapshot } from '../../src/core/join';
import type { RawContainer, RawEndpoint, RawNetwork, RawPort, Snapshot } from '../../src/core/model';

export function hexId(seed: string): string {
  let h = '';
  for (let i = 0; h.length < 64; i += 1) h += ((seed.charCodeAt(i % seed.length) * 31 + i * 7) % 256).toString(16).padStart(2, '0');
  return h.slice(0, 64);
}

export function rawNetwork(name: string, spec: { driver?: string; subnet?: string; ipRange?: string; gateway?: string; options?: Record<string, string>; labels?: Record<string, string>; internal?: boolean } = {}): RawNetwork {
  const driver = spec.driver ?? (name === 'host' ? 'host' : name === 'none' ? 'null' : 'bridge');
  return {
    Name: name, Id: hexId(`net-${name}`), Scope: 'local', Driver: driver, Created: '2026-01-02T03:04:05.000000000Z',
    Internal: spec.internal ?? false, Attachable: false, Ingress: false, EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: spec.subnet ? [{ Subnet: spec.subnet, IPRange: spec.ipRange, Gateway: spec.gateway }] : [] },
    Options: spec.options ?? {}, Labels: spec.labels ?? {},
  };
}

export function rawContainer(name: string, on: Record<string, string>, more: { state?: string; mode?: string; ports?: RawPort[]; aliases?: Record<string, string[]> } = {}): RawContainer {
  const state = more.state ?? 'running';
  const networks: Record<string, RawEndpoint> = {};
  for (const [net, ip] of Object.entries(on)) {
    networks[net] = {
      NetworkID: hexId(`net-${net}`), EndpointID: ip ? hexId(`ep-${name}-${net}`) : '', IPAddress: ip, IPPrefixLen: ip ? 16 : 0,
      Gateway: ip ? ip.replace(/\.\d+$/, '.1') : '', MacAddress: ip ? '02:42:ac:11:00:02' : '', Aliases: more.aliases?.[net] ?? null,
    };
  }
  return {
    Id: hexId(`c-${name}`), Names: [`/${name}`], Image: 'localbusybox:latest', State: state,
    Status: state === 'running' ? 'Up 1 minute' : 'Exited (0) 1 minute ago', Ports: more.ports ?? [],
    HostConfig: { NetworkMode: more.mode ?? Object.keys(on)[0] ?? 'default' }, NetworkSettings: { Networks: networks },
  };
}

export const BRIDGE = rawNetwork('bridge', {
  subnet: '172.17.0.0/16', gateway: '172.17.0.1',
  options: { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'true', 'com.docker.network.bridge.name': 'docker0' },
});
export const MY_NET = rawNetwork('my-net', { subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', labels: { 'dev.dockernetworks.test': 'seed' } });

/** The seed: test1-3 on the default bridge, test1 also on my-net, test4 on my-net publishing 127.0.0.1:8080 → 80/tcp. */
export function seedSnapshot(extra: RawContainer[] = [], networks: RawNetwork[] = []): { snapshot: Snapshot; id: (name: string) => string; net: (name: string) => string } {
  const containers = [
    rawContainer('test1', { bridge: '172.17.0.2', 'my-net': '172.28.5.1' }, { mode: 'bridge' }),
    rawContainer('test2', { bridge: '172.17.0.3' }),
    rawContainer('test3', { bridge: '172.17.0.4' }),
    rawContainer('test4', { 'my-net': '172.28.5.10' }, { ports: [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }], aliases: { 'my-net': ['web', 'c0ffee'] } }),
    ...extra,
  ];
  const snapshot = joinSnapshot([BRIDGE, rawNetwork('host'), rawNetwork('none'), MY_NET, ...networks], containers);
  return {
    snapshot,
    id: (name) => {
      const c = containers.find((x) => x.Names[0] === `/${name}`);
      if (!c) throw new Error(`no container ${name}`);
      return c.Id;
    },
    net: (name) => hexId(`net-${name}`),
  };
}
