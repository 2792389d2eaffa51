// The docker CLI's context store as ./contexts.ts reads it: config.json (currentContext), contexts/meta/<id>/meta.json
// and contexts/tls/<id>/docker/*.pem, DOCKER_HOST and its TLS variables, the default socket and Podman's sockets.
import * as l10n from '@vscode/l10n';

import * as nodePath from 'node:path';
import {
  EndpointConfigError, formatEndpoint, parseEndpointWith, type Endpoint, type EndpointSource, type ExplainedEndpoint, type TlsPaths,
} from './endpoint';

import {
  ContextError, contextStoreId, DEFAULT_CONTEXT, DOCKER_DEFAULT_PIPE, DOCKER_DEFAULT_SOCKET, dockerConfigDir, paths, PODMAN_ROOTFUL_SOCKET,
  type ContextProblem, type ResolveInput,
} from './contextTypes';

type ContextVia = Extract<EndpointSource, 'context-setting' | 'DOCKER_CONTEXT' | 'config-context'>;

export class Resolver {
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

export function withTls(r: ExplainedEndpoint, tls: TlsPaths): ExplainedEndpoint {
  return r.endpoint.kind === 'tcp' && r.endpoint.tls ? { ...r, tls } : r;
}

/** $XDG_RUNTIME_DIR/podman/podman.sock (rootless), then /run/podman/podman.sock (rootful). */
export function podmanSockets(env: Readonly<Record<string, string | undefined>>): string[] {
  const runtimeDir = env.XDG_RUNTIME_DIR?.trim();
  return [...(runtimeDir ? [nodePath.posix.join(runtimeDir, 'podman', 'podman.sock')] : []), PODMAN_ROOTFUL_SOCKET];
}

/** "from X, with Y; Z": the first part, then the notes that are set. */
export function joinNotes(first: string, ...notes: (string | undefined)[]): string {
  const set = notes.filter((n): n is string => !!n);
  if (set.length === 0) return first;
  return `${first}: ${set.join('; ')}`;
}

/** Name, description and Host of a meta.json, as far as it can be read; for listing broken contexts too. */
export function peekMeta(text: string | undefined): { name?: string; description?: string; host?: string } {
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

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
