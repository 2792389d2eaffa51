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
import { createHash } from 'node:crypto';
import * as nodePath from 'node:path';
import {
  EndpointConfigError, formatEndpoint, parseEndpointWith,
  type Endpoint, type EndpointOrigin, type EndpointSource, type ExplainedEndpoint, type TlsPaths,
} from './endpoint';

/** What the resolution may look at: the environment and a read-only view of the file system. */
export interface DockerMachine {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** The user's home folder (os.homedir()). */
  homeDir: string;
  /** A file's text, or undefined when it is missing or cannot be read. */
  readFile(path: string): string | undefined;
  /** Whether a file, folder or socket exists. */
  exists(path: string): boolean;
  /** The names in a folder, or undefined when it cannot be listed. Only listContexts uses it. */
  listDir(path: string): string[] | undefined;
}

/** The extension's own choice (both settings are machine-scoped strings; empty means unset). */
export interface EndpointSettings {
  /** dockerNetworks.host */
  setting?: string;
  /** dockerNetworks.context; "default" selects the default context explicitly. */
  contextSetting?: string;
}

export type ResolveInput = DockerMachine & EndpointSettings;

/** One row of the "Switch Docker Context…" QuickPick. */
export interface ContextSummary {
  name: string;
  description?: string;
  /** The Docker endpoint (canonical URI), or the raw text when it is not valid; '' when unknown. */
  host: string;
  /** The context the extension uses now (none when the dockerNetworks.host setting decides). */
  current: boolean;
  /** Why this context cannot be used, naming the fix. */
  error?: string;
}

export const DEFAULT_CONTEXT = 'default';
export const DOCKER_DEFAULT_SOCKET = '/var/run/docker.sock';
export const DOCKER_DEFAULT_PIPE = '//./pipe/docker_engine';
export const PODMAN_ROOTFUL_SOCKET = '/run/podman/podman.sock';

export type ContextProblem =
  | 'conflicting-settings' // dockerNetworks.host and dockerNetworks.context both set
  | 'not-found' // no contexts/meta/<sha256>/meta.json
  | 'unreadable' // meta.json or config.json exists but cannot be read
  | 'malformed' // meta.json is not the JSON the docker CLI writes
  | 'no-docker-endpoint' // the context has no Endpoints.docker.Host
  | 'invalid-host' // Endpoints.docker.Host is not an endpoint we accept
  | 'missing-tls-file' // a client certificate without its key, or a key without its certificate
  | 'malformed-config'; // config.json is not valid JSON, or currentContext is not a string

/** A Docker context (or the config that selects one) that cannot be used. The message names the fix. */
export class ContextError extends EndpointConfigError {
  override readonly name: string = 'ContextError';

  constructor(
    readonly problem: ContextProblem,
    origin: EndpointOrigin,
    /** The context concerned, when there is one. */
    readonly contextName: string | undefined,
    /** The file concerned, when there is one. */
    readonly path: string | undefined,
    message: string,
  ) {
    super(origin, contextName ?? path ?? '', problem, message);
  }
}

/** The folder name of a context in the store: the hex sha256 of its name (the docker CLI's digest.FromString). */
export function contextStoreId(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex');
}

/** $DOCKER_CONFIG, else ~/.docker (as the docker CLI's config.Dir()). */
export function dockerConfigDir(m: Pick<DockerMachine, 'env' | 'platform' | 'homeDir'>): string {
  const fromEnv = m.env.DOCKER_CONFIG?.trim();
  return fromEnv || paths(m.platform).join(m.homeDir, '.docker');
}

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

type ContextVia = Extract<EndpointSource, 'context-setting' | 'DOCKER_CONTEXT' | 'config-context'>;

class Resolver {
  readonly configDir: string;
  readonly configFile: string;
  private readonly p: nodePath.PlatformPath;

  constructor(private readonly m: ResolveInput) {
    this.p = paths(m.platform);
    this.configDir = dockerConfigDir(m);
    this.configFile = this.p.join(this.configDir, 'config.json');
  }

  join(...parts: string[]): string {
    return this.p.join(...parts);
  }

  /** A path as the user would type it: ~ for the home folder (not on Windows). */
  show(path: string): string {
    const home = this.m.homeDir.replace(/[\\/]+$/, '');
    if (this.m.platform === 'win32' || !home) return path;
    if (path === home) return '~';
    return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
  }

  /** Step 2: DOCKER_HOST (undefined when unset), with TLS from DOCKER_TLS_VERIFY and the files in DOCKER_CERT_PATH. */
  fromDockerHost(note?: string): ExplainedEndpoint | undefined {
    const raw = this.m.env.DOCKER_HOST?.trim();
    if (!raw) return undefined;
    // As resolveEndpoint: any non-empty DOCKER_TLS_VERIFY other than "0" turns TLS (with verification) on.
    const verifyText = this.m.env.DOCKER_TLS_VERIFY ?? '';
    const verify = verifyText !== '' && verifyText !== '0';
    const endpoint = parseEndpointWith(raw, 'DOCKER_HOST', { tls: verify });
    const base = { endpoint, source: 'DOCKER_HOST' as const, display: formatEndpoint(endpoint), contextName: DEFAULT_CONTEXT };
    const explain = (extra?: string): string => joinNotes(l10n.t('from the DOCKER_HOST variable'), extra, note);
    if (endpoint.kind !== 'tcp' || !endpoint.tls) return { ...base, explain: explain() };
    // The docker CLI reads DOCKER_CERT_PATH, else its config folder (~/.docker), when TLS is asked for.
    const certDir = this.m.env.DOCKER_CERT_PATH?.trim() || (verify ? this.configDir : undefined);
    if (!certDir) return { ...base, tls: { skipVerify: false }, explain: explain(l10n.t('with TLS')) };
    const files = this.tlsFilesIn(certDir, (present, missing) => new EndpointConfigError('DOCKER_HOST', missing, 'missing-tls-file', l10n.t(
      'DOCKER_HOST asks for TLS and {0} holds a client {1} but not its {2}: {3} is missing. Put it there, or point DOCKER_CERT_PATH at the folder that holds ca.pem, cert.pem and key.pem.',
      this.show(certDir), present === 'cert' ? l10n.t('certificate') : l10n.t('key'), present === 'cert' ? l10n.t('key') : l10n.t('certificate'), missing)));
    const anyFile = files.caPath ?? files.certPath ?? files.keyPath;
    return {
      ...base,
      tls: { ...files, skipVerify: false },
      explain: explain(anyFile ? l10n.t('with TLS certificates from {0}', this.show(certDir)) : l10n.t('with TLS')),
    };
  }

  /** Steps 5 and 6: the default socket or pipe, or Podman's socket when Docker's is absent. */
  fromDefault(note?: string): ExplainedEndpoint {
    const resolved = (endpoint: Endpoint, source: 'default' | 'podman', explain: string): ExplainedEndpoint =>
      ({ endpoint, source, display: formatEndpoint(endpoint), contextName: DEFAULT_CONTEXT, explain });
    const nothingElse = l10n.t('nothing else is set (no dockerNetworks setting, DOCKER_HOST, DOCKER_CONTEXT or current context)');
    const why = note ?? nothingElse;
    if (this.m.platform === 'win32') {
      return resolved({ kind: 'npipe', pipePath: DOCKER_DEFAULT_PIPE }, 'default', joinNotes(l10n.t("Docker's default pipe"), why));
    }
    if (this.m.exists(DOCKER_DEFAULT_SOCKET)) {
      return resolved({ kind: 'unix', socketPath: DOCKER_DEFAULT_SOCKET }, 'default', joinNotes(l10n.t("Docker's default socket"), why));
    }
    const candidates = podmanSockets(this.m.env);
    const podman = candidates.find((s) => this.m.exists(s));
    if (podman) {
      return resolved({ kind: 'unix', socketPath: podman }, 'podman', joinNotes(
        l10n.t("Podman's socket, because Docker's default socket {0} does not exist", DOCKER_DEFAULT_SOCKET), why));
    }
    return resolved({ kind: 'unix', socketPath: DOCKER_DEFAULT_SOCKET }, 'default', joinNotes(
      l10n.t("Docker's default socket"), why,
      l10n.t('it does not exist, and neither does a Podman socket ({0})', candidates.join(', '))));
  }

  /** currentContext from config.json: undefined when the file or the field is absent or empty. */
  currentContext(): string | undefined {
    const file = this.configFile;
    if (!this.m.exists(file)) return undefined;
    const text = this.m.readFile(file);
    const fix = l10n.t('Fix the file (the docker CLI ignores it with a warning), or set DOCKER_CONFIG to another folder.');
    if (text === undefined) {
      throw new ContextError('unreadable', 'config-context', undefined, file, l10n.t('The Docker CLI configuration {0} cannot be read. Check its permissions.', this.show(file)));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(stripBom(text));
    } catch (err) {
      throw new ContextError('malformed-config', 'config-context', undefined, file, l10n.t(
        'The Docker CLI configuration {0} is not valid JSON ({1}). {2}', this.show(file), messageOf(err), fix));
    }
    if (!isRecord(parsed)) {
      throw new ContextError('malformed-config', 'config-context', undefined, file, l10n.t(
        'The Docker CLI configuration {0} is not a JSON object. {1}', this.show(file), fix));
    }
    const current = parsed.currentContext;
    if (current === undefined || current === null) return undefined;
    if (typeof current !== 'string') {
      throw new ContextError('malformed-config', 'config-context', undefined, file, l10n.t(
        '"currentContext" in the Docker CLI configuration {0} is not a string. {1}', this.show(file), fix));
    }
    return current.trim() || undefined;
  }

  /** Steps 1 (context setting), 3 and 4: a named context from the store. */
  fromContext(name: string, via: ContextVia): ExplainedEndpoint {
    return this.fromContextId(name, contextStoreId(name), via);
  }

  /** `listing`: the context is being listed, not chosen; messages say where it is instead of who chose it. */
  fromContextId(name: string, id: string, via: ContextVia, listing = false): ExplainedEndpoint {
    const metaFile = this.join(this.configDir, 'contexts', 'meta', id, 'meta.json');
    const chosen = listing ? l10n.t('in {0}', this.show(this.join(this.configDir, 'contexts'))) : this.chosenBy(via);
    const fail = (problem: ContextProblem, path: string | undefined, message: string): never => {
      throw new ContextError(problem, via, name, path, message);
    };
    if (!this.m.exists(metaFile)) {
      fail('not-found', metaFile, l10n.t(
        'Docker context "{0}" ({1}) not found in {2}; `docker context ls` lists them. {3}',
        name, chosen, this.show(this.join(this.configDir, 'contexts')), this.notFoundFix(via)));
    }
    const text = this.m.readFile(metaFile);
    if (text === undefined) {
      fail('unreadable', metaFile, l10n.t('Docker context "{0}" ({1}): {2} cannot be read. Check its permissions.', name, chosen, this.show(metaFile)));
    }
    const recreate = l10n.t('Recreate it: `docker context rm {0}`, then `docker context create {0} --docker host=…`.', name);
    let meta: unknown;
    try {
      meta = JSON.parse(stripBom(text ?? ''));
    } catch (err) {
      return fail('malformed', metaFile, l10n.t('Docker context "{0}" ({1}): {2} is not valid JSON ({3}). {4}', name, chosen, this.show(metaFile), messageOf(err), recreate));
    }
    if (!isRecord(meta) || (meta.Endpoints !== undefined && !isRecord(meta.Endpoints))) {
      fail('malformed', metaFile, l10n.t('Docker context "{0}" ({1}): {2} is not a context description. {3}', name, chosen, this.show(metaFile), recreate));
    }
    const docker = isRecord(meta) && isRecord(meta.Endpoints) ? meta.Endpoints.docker : undefined;
    const host = isRecord(docker) && typeof docker.Host === 'string' ? docker.Host.trim() : '';
    if (!host) {
      fail('no-docker-endpoint', metaFile, l10n.t(
        'Docker context "{0}" ({1}) has no Docker endpoint (Endpoints.docker.Host in {2}). Give it one: `docker context update {0} --docker host=…`.',
        name, chosen, this.show(metaFile)));
    }
    const skipVerify = isRecord(docker) && docker.SkipTLSVerify === true;

    const tlsDir = this.join(this.configDir, 'contexts', 'tls', id, 'docker');
    const has = { ca: this.m.exists(this.join(tlsDir, 'ca.pem')), cert: this.m.exists(this.join(tlsDir, 'cert.pem')), key: this.m.exists(this.join(tlsDir, 'key.pem')) };
    // The docker CLI puts a TLS config on the client when the context has TLS files or SkipTLSVerify: tcp:// is then https.
    const tlsHint = has.ca || has.cert || has.key || skipVerify;
    let endpoint: Endpoint;
    try {
      endpoint = parseEndpointWith(host, via, { tls: tlsHint, ports: { plain: 80, tls: 443 } });
    } catch (err) {
      return fail('invalid-host', metaFile, l10n.t(
        'Docker context "{0}" ({1}) has an invalid Docker endpoint "{2}" in {3}: {4}. Fix it: `docker context update {0} --docker host=tcp://host:2376` (or unix://, ssh://, npipe://).',
        name, chosen, host, this.show(metaFile), err instanceof EndpointConfigError ? err.reason : messageOf(err)));
    }
    const explain = joinNotes(this.explainVia(via, name), skipVerify && endpoint.kind === 'tcp' && endpoint.tls
      ? l10n.t("without verifying the engine's certificate (the context says SkipTLSVerify)") : undefined);
    const base = { endpoint, source: via, display: formatEndpoint(endpoint), contextName: name, explain };
    if (endpoint.kind !== 'tcp' || !endpoint.tls) return base;
    const files = this.tlsFilesIn(tlsDir, (present, missing) => new ContextError('missing-tls-file', via, name, missing, l10n.t(
      'Docker context "{0}" ({1}) has a client {2} but not its {3}: {4} is missing. Put it there, or recreate the context with both: `docker context create {0} --docker host={5},ca=…,cert=…,key=…`.',
      name, chosen, present === 'cert' ? l10n.t('certificate') : l10n.t('key'), present === 'cert' ? l10n.t('key') : l10n.t('certificate'), missing, host)));
    return { ...base, tls: { ...files, skipVerify } };
  }

  /** ca.pem, cert.pem and key.pem in a folder, as paths of the files that exist; a cert without its key (or the reverse) is an error. */
  private tlsFilesIn(dir: string, missingPair: (present: 'cert' | 'key', missing: string) => EndpointConfigError): Omit<TlsPaths, 'skipVerify'> {
    const at = (file: string): string | undefined => {
      const path = this.join(dir, file);
      return this.m.exists(path) ? path : undefined;
    };
    const caPath = at('ca.pem');
    const certPath = at('cert.pem');
    const keyPath = at('key.pem');
    if (certPath && !keyPath) throw missingPair('cert', this.join(dir, 'key.pem'));
    if (keyPath && !certPath) throw missingPair('key', this.join(dir, 'cert.pem'));
    return { ...(caPath ? { caPath } : {}), ...(certPath ? { certPath } : {}), ...(keyPath ? { keyPath } : {}) };
  }

  private chosenBy(via: ContextVia): string {
    switch (via) {
      case 'context-setting': return l10n.t('chosen in the dockerNetworks.context setting');
      case 'DOCKER_CONTEXT': return l10n.t('chosen by the DOCKER_CONTEXT variable');
      case 'config-context': return l10n.t('the current context in {0}', this.show(this.configFile));
    }
  }

  private explainVia(via: ContextVia, name: string): string {
    switch (via) {
      case 'context-setting': return l10n.t('from the dockerNetworks.context setting (context "{0}")', name);
      case 'DOCKER_CONTEXT': return l10n.t('from the DOCKER_CONTEXT variable (context "{0}")', name);
      case 'config-context': return l10n.t('from the current context in {0} (context "{1}")', this.show(this.configFile), name);
    }
  }

  private notFoundFix(via: ContextVia): string {
    switch (via) {
      case 'context-setting': return l10n.t('Choose another with "Switch Docker Context…", or clear the dockerNetworks.context setting.');
      case 'DOCKER_CONTEXT': return l10n.t('Set DOCKER_CONTEXT to one of them, or unset it.');
      case 'config-context': return l10n.t('`docker context use default` resets the current context.');
    }
  }
}

function withTls(r: ExplainedEndpoint, tls: TlsPaths): ExplainedEndpoint {
  return r.endpoint.kind === 'tcp' && r.endpoint.tls ? { ...r, tls } : r;
}

/** $XDG_RUNTIME_DIR/podman/podman.sock (rootless), then /run/podman/podman.sock (rootful). */
function podmanSockets(env: Readonly<Record<string, string | undefined>>): string[] {
  const runtimeDir = env.XDG_RUNTIME_DIR?.trim();
  return [...(runtimeDir ? [nodePath.posix.join(runtimeDir, 'podman', 'podman.sock')] : []), PODMAN_ROOTFUL_SOCKET];
}

function paths(platform: NodeJS.Platform): nodePath.PlatformPath {
  return platform === 'win32' ? nodePath.win32 : nodePath.posix;
}

/** "from X, with Y; Z": the first part, then the notes that are set. */
function joinNotes(first: string, ...notes: (string | undefined)[]): string {
  const set = notes.filter((n): n is string => !!n);
  if (set.length === 0) return first;
  return `${first}: ${set.join('; ')}`;
}

/** Name, description and Host of a meta.json, as far as it can be read; for listing broken contexts too. */
function peekMeta(text: string | undefined): { name?: string; description?: string; host?: string } {
  if (text === undefined) return {};
  try {
    const meta: unknown = JSON.parse(stripBom(text));
    if (!isRecord(meta)) return {};
    const name = typeof meta.Name === 'string' && meta.Name ? meta.Name : undefined;
    const description = isRecord(meta.Metadata) && typeof meta.Metadata.Description === 'string' && meta.Metadata.Description
      ? meta.Metadata.Description : undefined;
    const docker = isRecord(meta.Endpoints) ? meta.Endpoints.docker : undefined;
    const host = isRecord(docker) && typeof docker.Host === 'string' ? docker.Host : undefined;
    return { name, description, host };
  } catch {
    return {};
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
