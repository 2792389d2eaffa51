// The whole endpoint chain of the docker CLI, with Docker contexts, as a pure function of what it is handed:
//   1. the dockerNetworks.host setting, or the context chosen in the extension (dockerNetworks.context);
//   2. DOCKER_HOST, with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH;
//   3. DOCKER_CONTEXT;
//   4. currentContext in $DOCKER_CONFIG/config.json (default ~/.docker), read through the context store:
//      contexts/meta/<sha256(name)>/meta.json and contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem;
//   5. the platform's default socket (a named pipe on Windows);
//   6. Podman's sockets, when Docker's default socket does not exist.
// A context named "default" means no context: DOCKER_HOST, else the default socket (as `docker --context default`).
// Files are read only through the `readFile`/`exists`/`listDir` it is given (src/docker/endpointFiles.ts supplies them).
import * as l10n from '@vscode/l10n';

import { formatEndpoint, parseEndpointWith, type ExplainedEndpoint } from './endpoint';

import { messageOf, peekMeta, Resolver, withTls } from './contextStore';
import { ContextError, contextStoreId, DEFAULT_CONTEXT, type ContextSummary, type ResolveInput } from './contextTypes';

export * from './contextTypes';

export function resolveDockerEndpoint(input: ResolveInput): ExplainedEndpoint {
  const r = new Resolver(input);
  const hostSetting = input.setting?.trim();
  const contextSetting = input.contextSetting?.trim();
  if (hostSetting && contextSetting) {
    throw new ContextError('conflicting-settings', 'context-setting', contextSetting, undefined, l10n.t(
      'Both dockerNetworks.host ("{0}") and dockerNetworks.context ("{1}") are set, and they choose different engines. Clear one of the two settings (as the docker CLI refuses --host with --context).',
      hostSetting, contextSetting));
  }
  if (hostSetting) {
    const endpoint = parseEndpointWith(hostSetting, 'setting', { tls: false });
    return withTls({ endpoint, source: 'setting', display: formatEndpoint(endpoint), explain: l10n.t('from the dockerNetworks.host setting') }, { skipVerify: false });
  }
  if (contextSetting) {
    if (contextSetting !== DEFAULT_CONTEXT) return r.fromContext(contextSetting, 'context-setting');
    return r.fromDockerHost(l10n.t('the dockerNetworks.context setting selects the "default" context'))
      ?? r.fromDefault(l10n.t('the dockerNetworks.context setting selects the "default" context'));
  }
  const fromHost = r.fromDockerHost();
  if (fromHost) return fromHost;
  const envContext = input.env.DOCKER_CONTEXT?.trim();
  if (envContext) {
    return envContext === DEFAULT_CONTEXT
      ? r.fromDefault(l10n.t('the DOCKER_CONTEXT variable selects the "default" context'))
      : r.fromContext(envContext, 'DOCKER_CONTEXT');
  }
  const current = r.currentContext();
  if (current && current !== DEFAULT_CONTEXT) return r.fromContext(current, 'config-context');
  return r.fromDefault(current === DEFAULT_CONTEXT
    ? l10n.t('the current context in {0} is "default"', r.show(r.configFile))
    : undefined);
}

/** Every context in the store, plus "default" (first), for the "Switch Docker Context…" QuickPick. Never throws. */
export function listContexts(input: ResolveInput): ContextSummary[] {
  const r = new Resolver(input);
  const current = currentContextName(input, r);
  const entry = (name: string, description: string | undefined, host: string, error?: string): ContextSummary => ({
    name, ...(description ? { description } : {}), host, current: name === current, ...(error ? { error } : {}),
  });

  let defaultEntry: ContextSummary;
  try {
    const resolved = r.fromDockerHost() ?? r.fromDefault();
    defaultEntry = entry(DEFAULT_CONTEXT, l10n.t('DOCKER_HOST, else the default socket'), resolved.display);
  } catch (err) {
    defaultEntry = entry(DEFAULT_CONTEXT, l10n.t('DOCKER_HOST, else the default socket'), input.env.DOCKER_HOST?.trim() ?? '', messageOf(err));
  }

  // A meta.json too broken to give its Name is still named when a setting or variable asks for it by name.
  const asked = new Map<string, string>();
  for (const n of [current, input.contextSetting?.trim(), input.env.DOCKER_CONTEXT?.trim()]) {
    if (n) asked.set(contextStoreId(n), n);
  }
  const others: ContextSummary[] = [];
  const metaRoot = r.join(r.configDir, 'contexts', 'meta');
  for (const id of input.listDir(metaRoot) ?? []) {
    const metaFile = r.join(metaRoot, id, 'meta.json');
    if (!input.exists(metaFile)) continue;
    const peek = peekMeta(input.readFile(metaFile));
    const name = peek.name ?? asked.get(id) ?? id;
    if (name === DEFAULT_CONTEXT) continue;
    try {
      const resolved = r.fromContextId(name, id, 'context-setting', true);
      others.push(entry(name, peek.description, resolved.display));
    } catch (err) {
      others.push(entry(name, peek.description, peek.host ?? '', messageOf(err)));
    }
  }
  others.sort((a, b) => a.name.localeCompare(b.name));
  return [defaultEntry, ...others];
}

/** The context resolveDockerEndpoint would use with the same input; undefined when the host setting decides. */
function currentContextName(input: ResolveInput, r: Resolver): string | undefined {
  if (input.setting?.trim()) return undefined;
  const contextSetting = input.contextSetting?.trim();
  if (contextSetting) return contextSetting;
  if (input.env.DOCKER_HOST?.trim()) return DEFAULT_CONTEXT;
  const envContext = input.env.DOCKER_CONTEXT?.trim();
  if (envContext) return envContext;
  try {
    return r.currentContext() || DEFAULT_CONTEXT;
  } catch {
    return undefined;
  }
}
