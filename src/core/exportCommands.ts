// "Copy as Docker Commands": the network's wiring as the docker commands that make it again, built by the forms'
// own argv builders (./cli.ts) from the forms ./exportPlan.ts reads off the model: `docker network create`, then a
// `docker run -d` per container started on the network and a `docker network connect` per container that joined it
// later. What no command can say is a `#` comment line. Nothing here runs anything: the argv lists are the result,
// and the text is renderCommand's (quoted for a POSIX shell, to read and to paste).
import * as l10n from '@vscode/l10n';
import { connectArgv, createNetworkArgv, renderCommand, runArgv } from './cli';
import { emptyConnectForm, type ConnectForm } from './forms';
import type { NetworkView, Snapshot } from './model';
import { exportPlan, type ExtrasById, type Member } from './exportPlan';

export interface ExportedCommands {
  /** Comment lines and commands, one command per line group (continuations end in ` \`). */
  text: string;
  /** The commands as argv lists, in order (`docker` first). */
  argvs: string[][];
}

function connectFormOf(m: Extract<Member, { kind: 'connect' }>): ConnectForm {
  const form = emptyConnectForm();
  form.container = m.attachment.name;
  form.network = m.run.network === '' ? 'bridge' : m.run.network;
  form.ipv4Address = m.run.ipv4Address;
  form.ipv6Address = m.run.ipv6Address;
  form.aliases = m.run.aliases;
  form.gwPriority = m.run.gwPriority;
  form.links = m.links.join(', ');
  return form;
}

function comment(text: string): string {
  return text.split('\n').map((l) => `# ${l}`).join('\n');
}

/** The commands that make the network and wire its containers to it again (`extras`: see exportPlan). */
export function exportCommands(snapshot: Pick<Snapshot, 'containers'>, n: NetworkView, extras?: ExtrasById): ExportedCommands {
  const plan = exportPlan(snapshot, n, extras);
  const lines: string[] = [comment(l10n.t('{0}: the network and how each container is wired to it (image, command, fixed addresses, aliases, published ports). Environment, volumes and other settings are not part of it.', n.name))];
  const argvs: string[][] = [];
  const add = (argv: string[]): void => {
    argvs.push(argv);
    lines.push(renderCommand(argv, { wrap: 'options' }));
  };
  if (plan.create) add(createNetworkArgv(plan.create));
  else lines.push(comment(l10n.t('{0} is made by the engine itself: it is not created here.', n.name)));
  for (const m of plan.members) {
    if (m.kind === 'skipped') {
      lines.push(comment(l10n.t('Left out: {0}', m.why)));
    } else if (m.kind === 'run') {
      add(runArgv(m.run));
    } else {
      lines.push(comment(l10n.t('{0} was started on {1}: it joins {2} once it runs.', m.attachment.name, m.home, n.name)));
      add(connectArgv(connectFormOf(m)));
    }
  }
  return { text: `${lines.join('\n')}\n`, argvs };
}
