// The Connect Container form's words (src/webview/connect.ts). Labels are what the tests find fields by.
import * as l10n from '@vscode/l10n';

export function connectText() {
  return {
    intro: l10n.t('Attaches a running container to one more network. Checked against the engine as you type.'),
    submit: l10n.t('Connect'),
    what: l10n.t('What to connect'),
    container: l10n.t('Container'),
    chooseContainer: l10n.t('Choose a running container…'),
    containerHelp: l10n.t('Running containers with their own network stack (not host, none or container: mode).'),
    network: l10n.t('Network'),
    chooseNetwork: l10n.t('Choose a network…'),
    networkHelp: l10n.t('Networks the container is not on yet.'),
    endpoint: l10n.t('Endpoint on this network'),
    ipv4: l10n.t('IPv4 address'),
    ipv4Help: l10n.t('--ip. Inside the network\'s subnet and free. Empty: the engine picks one.'),
    ipv6: l10n.t('IPv6 address'),
    ipv6Help: l10n.t('--ip6. Only on a network with IPv6.'),
    nextFree: l10n.t('Next free address'),
    nextFreeTitle: l10n.t('Fill in the first free IPv4 address of the chosen network'),
    nextFree6: l10n.t('Next free IPv6 address'),
    nextFree6Title: l10n.t('Fill in the first free IPv6 address of the chosen network'),
    aliases: l10n.t('Aliases'),
    aliasesHelp: l10n.t('--alias. Other DNS names for the container on this network (comma or space separated).'),
    links: l10n.t('Links'),
    linksHelp: l10n.t('--link. Legacy links: container or container:alias, comma separated.'),
    linkLocal: l10n.t('Link-local IPs'),
    linkLocalHelp: l10n.t('--link-local-ip. Addresses in 169.254.0.0/16 or fe80::/10.'),
    driverOptions: l10n.t('Driver options'),
    driverOptionsHelp: l10n.t('--driver-opt key=value, passed to the network driver.'),
    /** {0}: row number. */
    optionKey: l10n.t('Option key #{0}'),
    optionValue: l10n.t('Option value #{0}'),
    optionRemove: l10n.t('Remove option #{0}'),
    optionAdd: l10n.t('Add option'),
  };
}
