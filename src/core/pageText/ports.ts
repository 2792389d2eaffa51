// Show Published Ports' words (src/webview/ports.ts). {0}, {1}: filled on the page (see common.ts).
import * as l10n from '@vscode/l10n';

export function portsText() {
  return {
    allInterfaces: l10n.t('All interfaces'),
    loopbackOnly: l10n.t('Loopback only'),
    oneAddress: l10n.t('One address'),
    title: l10n.t('Published Ports'),
    intro: l10n.t('Every port the engine publishes, host side first (host address:port → container:port/protocol).'),
    /** {0}: the engine. */
    introEngine: l10n.t('Every port the engine publishes, host side first (host address:port → container:port/protocol) · {0}.'),
    toolbar: l10n.t('Port actions'),
    refresh: l10n.t('Refresh'),
    refreshTitle: l10n.t('Read the engine and this machine\'s listening sockets again'),
    /** {0}: the containers. */
    unread: l10n.t('The requested ports of {0} could not be read (removed meanwhile, or the engine refused the inspect): they are left out. Refresh to try again.'),
    /** {0}: how many. */
    ports: l10n.t('Ports ({0})'),
    caption: l10n.t('Published ports'),
    host: l10n.t('Host'),
    container: l10n.t('Container'),
    state: l10n.t('State'),
    network: l10n.t('Network'),
    exposure: l10n.t('Exposure'),
    conflicts: l10n.t('Conflicts'),
    actions: l10n.t('Actions'),
    networkLabel: l10n.t('Network details of {0}'),
    networking: l10n.t('Networking'),
    networkingLabel: l10n.t('Show container networking of {0}'),
    empty: l10n.t('No container publishes a port.'),
  };
}
