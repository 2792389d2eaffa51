// Binds every id in CommandIds to its handler. Handlers never throw into VS Code: see guarded().
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { CommandIds, type CommandId } from '../commandIds';
import { guarded } from './run';
import { connectionOf } from '../tree/nodes';
import { refresh } from './refresh';
import { switchContext } from './switchContext';
import { inspectNetwork } from './inspectNetwork';
import { inspectContainer } from './inspectContainer';
import { copyId } from './copyId';
import { copyIp } from './copyIp';
import { disconnectContainer } from './disconnectContainer';
import { removeNetwork } from './removeNetwork';
import { pruneNetworks } from './pruneNetworks';
import { createNetwork } from './createNetwork';
import { createNetworkLike } from './createNetworkLike';
import { connectContainer } from './connectContainer';
import { runContainer } from './runContainer';
import { showNetworkDetails } from './showNetworkDetails';
import { showContainerNetworking } from './showContainerNetworking';
import { checkConnectivity } from './checkConnectivity';
import { showTopology } from './showTopology';
import { explainReachability } from './explainReachability';
import { showPorts } from './showPorts';
import { copyAsCompose } from './copyAsCompose';
import { copyAsCommands } from './copyAsCommands';
import { isItemRef, resolveRef } from './refs';
import { pickEngine } from './pickers';

/** `node` is the clicked tree node, `selection` the whole multi-selection; both absent from the palette. */
type Handler = (ctx: CommandContext, node?: unknown, selection?: unknown) => Promise<void>;

/** Commands that act on no one engine (the palette never asks which). */
const ENGINELESS = new Set<CommandId>([CommandIds.refresh, CommandIds.switchContext]);

const handlers: Record<CommandId, Handler> = {
  [CommandIds.refresh]: refresh,
  [CommandIds.switchContext]: switchContext,
  [CommandIds.inspectNetwork]: inspectNetwork,
  [CommandIds.inspectContainer]: inspectContainer,
  [CommandIds.copyId]: copyId,
  [CommandIds.copyIp]: copyIp,
  [CommandIds.disconnectContainer]: disconnectContainer,
  [CommandIds.removeNetwork]: removeNetwork,
  [CommandIds.pruneNetworks]: pruneNetworks,
  [CommandIds.createNetwork]: createNetwork,
  [CommandIds.createNetworkLike]: createNetworkLike,
  [CommandIds.connectContainer]: connectContainer,
  [CommandIds.runContainer]: runContainer,
  [CommandIds.showNetworkDetails]: showNetworkDetails,
  [CommandIds.showContainerNetworking]: showContainerNetworking,
  [CommandIds.checkConnectivity]: checkConnectivity,
  [CommandIds.showTopology]: showTopology,
  [CommandIds.explainReachability]: explainReachability,
  [CommandIds.showPorts]: showPorts,
  [CommandIds.copyAsCompose]: copyAsCompose,
  [CommandIds.copyAsCommands]: copyAsCommands,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, guarded(async (arg?: unknown, selection?: unknown) => {
      // Ids instead of a node (`{ networkId, containerId, engine? }`, from a panel or another caller) become the tree's node.
      const node = await resolveRef(ctx, arg);
      if (node === undefined && isItemRef(arg)) return undefined; // the user cancelled the engine pick
      // A node carries its engine: the command acts there. Without one, side by side, the user says which.
      let connection = connectionOf(node);
      if (!connection && !ENGINELESS.has(id as CommandId)) connection = await pickEngine(ctx.engines);
      if (!connection && !ENGINELESS.has(id as CommandId)) return undefined;
      return handler(connection ? { ...ctx, connection } : ctx, node, selection);
    })),
  );
}
