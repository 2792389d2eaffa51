// Network Details: header, IPAM, bridge interface, driver options, labels and the containers table, with buttons
// that run the extension's commands. Read-only: the host sends the whole picture on every change.
import type { NetworkDetailsState } from '../core/details';
import { append, h } from './lib/dom';
import { banner, code, flag, lines, muted, section, startView, table, terms, when, type ViewUi } from './lib/view';

function render(s: NetworkDetailsState, ui: ViewUi<'networkDetails'>): Node[] {
  const n = s.network;
  const gone = s.removed !== undefined;
  const header = h('header', { className: 'view-header' },
    h('h1', {}, n.name),
    h('p', { className: 'intro' }, `${n.driver} network · ${n.scope} scope · ${n.shortId}${n.builtin ? ' · built into the engine' : ''}`),
    h('p', { className: 'flags' },
      flag('Internal', n.internal), flag('Attachable', n.attachable), flag('Ingress', n.ingress),
      n.driver !== 'null' && n.driver !== 'host' ? flag('IPv4', n.enableIPv4) : undefined, flag('IPv6', n.enableIPv6),
      n.ipv6Only ? h('span', { className: 'flag flag-on', id: 'ipv6-only' }, 'IPv6-only network') : undefined,
      n.configOnly ? flag('Config only', true) : undefined));

  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Network actions' },
    ui.button('Connect Container…', { action: 'connectContainer' }, { id: 'act-connect', disabled: gone || s.cannotConnect !== undefined, title: s.cannotConnect }),
    ui.button('Create Network Like This…', { action: 'createLike' }, { id: 'act-create-like', disabled: gone || !s.canCreateLike }),
    ui.button('Open JSON', { action: 'openJson' }, { id: 'act-json', disabled: gone }),
    ui.button('Copy as Compose', { action: 'copyAsCompose' }, { id: 'act-copy-compose', title: 'The network and a service per container on it, as a Compose snippet' }),
    ui.button('Copy as Docker Commands', { action: 'copyAsCommands' }, { id: 'act-copy-commands', title: 'docker network create, then docker run or docker network connect per container' }),
    ui.button('Check all pairs', { action: 'checkAllPairs' }, {
      id: 'act-all-pairs', disabled: gone || s.runningCount < 2,
      title: `Probe every pair of running containers on ${n.name} (at most ${s.matrixCap} containers)`,
    }),
    ui.button('Remove', { action: 'remove' }, {
      id: 'act-remove', className: 'secondary danger', disabled: gone || !s.canRemove,
      title: s.canRemove ? `Remove ${n.name}` : `${n.name} is built into the engine: it is never removed`,
    }));

  const overview = section('overview', 'Overview', terms([
    ['ID', code(n.id)],
    ['Driver', code(n.driver)],
    ['Scope', n.scope],
    ['Created', n.created ? when(n.created) : undefined],
    ['Bridge interface', s.bridgeInterface ? h('span', {}, code(s.bridgeInterface), muted(` (ip link show ${s.bridgeInterface})`)) : undefined],
    ['IPAM driver', code(n.ipamDriver)],
    ...s.gatewayModes.map((g): [string, Node] => [`Gateway mode (${g.family})`, h('span', {}, code(g.mode), g.text ? muted(` — ${g.text}`) : '')]),
    ['Trusted host interfaces', s.trustedHostInterfaces.length ? lines(s.trustedHostInterfaces) : undefined],
    ['Config from', n.configFrom ? code(n.configFrom) : undefined],
    ['Engine', s.engine ? code(s.engine) : undefined],
  ], true));

  const ipam = section('ipam', 'IPAM', table('IP address management',
    ['Family', 'Subnet', 'IP range', 'Gateway', 'Auxiliary addresses', 'Addresses', 'In use by'],
    s.ipam.map((r) => [r.family, r.subnet ? code(r.subnet) : muted('—'), r.ipRange ? code(r.ipRange) : muted('—'),
      r.gateway ? code(r.gateway) : muted('—'), lines(r.auxAddresses),
      r.usage ? h('span', { title: r.usageSource === 'engine' ? 'As the engine counts them' : 'Counted from what the engine lists: reserved addresses, gateway, auxiliary addresses and containers' }, r.usage) : muted('—'),
      r.holders.length ? h('span', { className: 'lines holders' }, ...r.holders.flatMap((x, i) => [...(i > 0 ? [h('br')] : []), code(x.address), ` ${x.holder}`])) : muted('—')]),
    { empty: 'No IPAM configuration (the driver assigns no addresses).' }),
  s.ipamOptions.length ? h('p', {}, 'IPAM options: ', ...s.ipamOptions.map((o) => code(`${o.key}=${o.value}`))) : undefined);

  const kv = (id: string, title: string, rows: { key: string; value: string }[], none: string): HTMLElement =>
    section(id, title, table(title, ['Key', 'Value'], rows.map((r) => [code(r.key), code(r.value)]), { empty: none }));

  const containers = section('containers', `Containers (${s.containers.length})`, table(`Containers on ${n.name}`,
    ['Name', 'State', 'Health', 'IPv4', 'IPv6', 'MAC', 'Aliases', 'Ports', 'Actions'],
    s.containers.map((c) => [
      c.name,
      h('span', { className: `state state-${c.state}` }, c.state),
      c.health ? h('span', { className: `health health-${c.healthStatus ?? 'unknown'}` }, c.health) : muted('—'),
      c.ipv4 ? code(c.ipv4) : muted(c.sharesNamespaceOf ? `shares ${c.sharesNamespaceOf}` : '—'),
      c.ipv6 ? code(c.ipv6) : muted('—'),
      c.mac ? code(c.mac) : muted('—'),
      lines(c.aliases),
      lines(c.ports),
      h('span', { className: 'row-actions' },
        ui.button('Inspect', { action: 'inspectContainer', containerId: c.id }, { id: `inspect-${c.id}`, 'aria-label': `Inspect ${c.name}` }),
        ui.button('Networking', { action: 'showContainerNetworking', containerId: c.id }, { id: `networking-${c.id}`, 'aria-label': `Show container networking of ${c.name}` }),
        ui.button('Disconnect', { action: 'disconnect', containerId: c.id }, {
          id: `disconnect-${c.id}`, 'aria-label': `Disconnect ${c.name}`, disabled: gone || !c.canDisconnect,
          title: c.canDisconnect ? undefined : c.sharesNamespaceOf ? `${c.name} shares the network namespace of ${c.sharesNamespaceOf}` : `${c.name} cannot be disconnected from ${n.name}`,
        }),
        ui.button('Check Connectivity', { action: 'checkConnectivity', containerId: c.id }, {
          id: `probe-${c.id}`, 'aria-label': `Check connectivity from ${c.name}`, disabled: gone || !c.canProbe,
          title: c.canProbe ? `Probe another container from inside ${c.name}` : `${c.name} is not running`,
        })),
    ]),
    { empty: 'No container is attached to this network.' }));

  const out: Node[] = [header];
  if (gone) out.push(banner(`${n.name} was removed from the engine (noticed ${when(s.removed?.at ?? '')}). This page keeps its last known state; its actions are off.`));
  if (s.cannotConnect && !gone) out.push(h('p', { className: 'help' }, s.cannotConnect));
  for (const c of s.hostRoutes?.collisions ?? []) out.push(h('div', { className: 'banner banner-warning route-collision', role: 'alert' }, h('p', {}, c)));
  if (s.hostRoutes?.note) out.push(h('p', { className: 'help', id: 'host-routes-note' }, s.hostRoutes.note));
  out.push(toolbar, overview, ipam, containers, kv('options', 'Driver options', s.options, 'No driver options.'), kv('labels', 'Labels', s.labels, 'No labels.'));
  if (s.services.length > 0) {
    out.push(section('services', 'Swarm services', table('Swarm services', ['Service', 'Virtual IP', 'Mode'],
      s.services.map((v) => [v.name, v.vip ? code(v.vip) : muted('—'), v.mode]))));
  }
  const main = h('div', { className: gone ? 'view removed' : 'view' });
  append(main, ...out);
  return [main];
}

startView('networkDetails', render);
