// Every command id, in one list. A host test checks this list against package.json both ways.
export const CommandIds = {
  refresh: 'dockerNetworks.refresh',
  switchContext: 'dockerNetworks.switchContext',
  inspectNetwork: 'dockerNetworks.inspectNetwork',
  inspectContainer: 'dockerNetworks.inspectContainer',
  copyId: 'dockerNetworks.copyId',
  copyIp: 'dockerNetworks.copyIp',
  disconnectContainer: 'dockerNetworks.disconnectContainer',
  removeNetwork: 'dockerNetworks.removeNetwork',
  pruneNetworks: 'dockerNetworks.pruneNetworks',
  createNetwork: 'dockerNetworks.createNetwork',
  createNetworkLike: 'dockerNetworks.createNetworkLike',
  connectContainer: 'dockerNetworks.connectContainer',
  runContainer: 'dockerNetworks.runContainer',
  showNetworkDetails: 'dockerNetworks.showNetworkDetails',
  showContainerNetworking: 'dockerNetworks.showContainerNetworking',
  checkConnectivity: 'dockerNetworks.checkConnectivity',
  showTopology: 'dockerNetworks.showTopology',
  explainReachability: 'dockerNetworks.explainReachability',
  showPorts: 'dockerNetworks.showPorts',
  copyAsCompose: 'dockerNetworks.copyAsCompose',
  copyAsCommands: 'dockerNetworks.copyAsCommands',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
