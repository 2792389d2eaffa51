// A network with everything the exports read: subnets (IPv4 with range, gateway and aux address; IPv6), a bridge name,
// labels that need quoting; a container started on it with a fixed address, aliases and published ports (0.0.0.0
// and :: both); one started on the default bridge and connected later; one sharing another's namespace; a Swarm task.
import { joinSnapshot } from '../../src/core/join';
import type { RawContainer, RawNetwork, Snapshot } from '../../src/core/model';

export const NET_ID = 'a'.repeat(64);

export function exportSnapshot(patch: { network?: Partial<RawNetwork>; containers?: RawContainer[] } = {}): Snapshot {
  const network: RawNetwork = {
    Id: NET_ID, Name: 'my-net', Driver: 'bridge', Scope: 'local', EnableIPv6: true, Attachable: true,
    IPAM: {
      Driver: 'default',
      Config: [{ Subnet: '172.28.0.0/16', IPRange: '172.28.5.0/24', Gateway: '172.28.5.254', AuxiliaryAddresses: { router: '172.28.1.5' } }, { Subnet: 'fd00:28::/64' }],
    },
    Options: { 'com.docker.network.bridge.name': 'br-my', 'com.docker.network.driver.mtu': '1400', 'com.docker.network.enable_ipv6': 'true' },
    Labels: { team: 'net ops', on: 'yes' },
    ...patch.network,
  };
  const ep = (ip: string, more: object = {}) => ({ NetworkID: NET_ID, IPAddress: ip, IPPrefixLen: 16, ...more });
  const containers: RawContainer[] = patch.containers ?? [
    {
      Id: 'b'.repeat(64), Names: ['/web'], Image: 'busybox:latest', Command: 'sleep 3600', State: 'running', Status: 'Up',
      Ports: [
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' }, { PrivatePort: 443, Type: 'tcp' },
      ],
      HostConfig: { NetworkMode: 'my-net' },
      NetworkSettings: { Networks: { 'my-net': ep('172.28.0.10', { Aliases: ['www', 'bbbbbbbbbbbb', 'web'], IPAMConfig: { IPv4Address: '172.28.0.10' }, GwPriority: 10 }) } },
    },
    {
      Id: 'c'.repeat(64), Names: ['/db'], Image: 'busybox:latest', Command: 'sh -c "sleep 1"', State: 'exited', Status: 'Exited (0)', Ports: [],
      HostConfig: { NetworkMode: 'default' },
      NetworkSettings: { Networks: { 'my-net': { NetworkID: NET_ID, Aliases: ['database'], IPAMConfig: { IPv6Address: 'fd00:28::5' } } } },
    },
    { Id: 'd'.repeat(64), Names: ['/side'], Image: 'busybox', Command: 'sleep 9', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: 'container:web' }, NetworkSettings: { Networks: {} } },
    {
      Id: 'e'.repeat(64), Names: ['/svc.1.x'], Image: 'busybox', State: 'running', Status: 'Up', Ports: [], Labels: { 'com.docker.swarm.service.id': 'svc1' },
      HostConfig: { NetworkMode: 'default' }, NetworkSettings: { Networks: { 'my-net': ep('172.28.5.3') } },
    },
  ];
  return joinSnapshot([network], containers);
}
