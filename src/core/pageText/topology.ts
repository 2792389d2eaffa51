// The topology map's words (src/webview/topology.ts, src/webview/topology/*). {0}, {1}: filled on the page (see
// common.ts).
import * as l10n from '@vscode/l10n';
import { pageCommonText } from './common';

export function topologyText() {
  return {
    ...pageCommonText(),
    waiting: l10n.t('Waiting for the engine…'),
    filterPlaceholder: l10n.t('name, image, subnet or key=value'),
    containers: l10n.t('Containers'),
    selectHint: l10n.t('Select a container to see what it can reach.'),
    reachable: l10n.t('Reachable containers'),
    showNetworking: l10n.t('Show Container Networking'),
    explain: l10n.t('Explain Reachability…'),
    mapRole: l10n.t('network map'),
    mapLabel: l10n.t('Topology map. Arrows pan, plus and minus zoom, 0 fits. Select containers from the list.'),
    /** {0} source, {1} target. */
    whyTitle: l10n.t('Explain why {0} cannot reach {1}'),
    why: l10n.t('why?'),
    title: l10n.t('Topology'),
    filter: l10n.t('Filter by name or label'),
    filterHelp: l10n.t('Every word must match a name, image, driver, subnet or label; key=value matches a label.'),
    onlyMatches: l10n.t('Hide what does not match'),
    collapse: l10n.t('Collapse built-in networks'),
    reachability: l10n.t('Reachability'),
    toolbar: l10n.t('Map'),
    fit: l10n.t('Fit'),
    fitTitle: l10n.t('Fit the map to the window (0)'),
    zoomIn: l10n.t('Zoom in (+)'),
    zoomOut: l10n.t('Zoom out (-)'),
    relayout: l10n.t('Re-layout'),
    relayoutTitle: l10n.t('Lay out what is shown again (hidden nodes keep their places)'),
    /** {0} engine, {1} networks, {2} containers (the two counts below). */
    engineLine: l10n.t('{0} · {1} · {2}'),
    networksOne: l10n.t('{0} network'),
    networksMany: l10n.t('{0} networks'),
    containersOne: l10n.t('{0} container'),
    containersMany: l10n.t('{0} containers'),
    /** {0} nodes, {1} edges, {2} how long it took ("850 ms"), {3} the layout's note (or nothing). */
    drawn: l10n.t('{0} nodes · {1} edges · drawn in {2}{3}'),
    layoutFull: l10n.t(' (full layout)'),
    layoutHubs: l10n.t(' (quick layout: containers around their networks; Re-layout for a force-directed one)'),
    layoutIncremental: l10n.t(' (new nodes placed)'),
    /** {0}: how long it took ("1.5 sec"). */
    laidOut: l10n.t('Laid out again in {0}'),
    /** {0}: the container. */
    workingOut: l10n.t('Working out what {0} can reach…'),
    selectTitle: l10n.t('Select {0}'),
    blocked: l10n.t('On a shared network, but blocked:'),
    /** {0}: how many. */
    listAll: l10n.t('Containers ({0})'),
    /** {0} shown, {1} all. */
    listSome: l10n.t('Containers ({0} of {1})'),
    /** {0} state, {1} how many networks. */
    stateNetworksOne: l10n.t('{0} · {1} network'),
    stateNetworksMany: l10n.t('{0} · {1} networks'),
    noContainers: l10n.t('No containers.'),
    noMatch: l10n.t('No container matches.'),
    /** {0} network, {1} how many containers are hidden. */
    collapsed: l10n.t('{0} ({1} hidden)'),
  };
}

export type TopologyText = ReturnType<typeof topologyText>;
