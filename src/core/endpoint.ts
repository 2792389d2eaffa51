// Which engine to talk to, decided like the docker CLI. This file holds the endpoint types, URI parsing and the
// file-free resolution (setting > DOCKER_HOST > platform default); the full chain with Docker contexts, their TLS
// folders and the Podman fallback is resolveDockerEndpoint in ./contexts.
import * as l10n from '@vscode/l10n';
import * as ipaddr from 'ipaddr.js';

export type Endpoint =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'npipe'; pipePath: string }
  | { kind: 'tcp'; host: string; port: number; tls: boolean }
  | { kind: 'ssh'; host: string; port: number; username?: string };

/** How the endpoint was chosen, in the docker CLI's order (see resolveDockerEndpoint in ./contexts). */
export type EndpointSource =
  | 'setting' // dockerNetworks.host
  | 'context-setting' // dockerNetworks.context: a context chosen in the extension
  | 'DOCKER_HOST'
  | 'DOCKER_CONTEXT'
  | 'config-context' // currentContext in $DOCKER_CONFIG/config.json
  | 'default' // the platform's default socket or pipe
  | 'podman'; // Podman's socket, because Docker's default socket does not exist
/** The sources a user wrote, so an error can name the place to fix. */
export type EndpointOrigin = Exclude<EndpointSource, 'default' | 'podman'>;

/** TLS material of a tcp endpoint, as paths (the docker layer reads them). Present for every TLS endpoint. */
export interface TlsPaths {
  caPath?: string;
  certPath?: string;
  keyPath?: string;
  /** True only when a Docker context says SkipTLSVerify. Nothing else turns verification off. */
  skipVerify: boolean;
}

export interface ResolvedEndpoint {
  endpoint: Endpoint;
  source: EndpointSource;
  /** Canonical URI, e.g. unix:///var/run/docker.sock. */
  display: string;
  /** The Docker context in use ("default" when none is); absent when the dockerNetworks.host setting chose. */
  contextName?: string;
  /** Present exactly when the endpoint is tcp with TLS. */
  tls?: TlsPaths;
  /**
   * How it was chosen, as a phrase that follows the endpoint, e.g. `from the DOCKER_CONTEXT variable (context
   * "remote")`. Always set by resolveDockerEndpoint; resolveEndpoint (no files) leaves it out: use explainEndpoint.
   */
  explain?: string;
}

/** What resolveDockerEndpoint returns: a ResolvedEndpoint that always says how it was chosen. */
export type ExplainedEndpoint = ResolvedEndpoint & { explain: string };

const ACCEPTED_FORMS = [
  'unix:///path/to/docker.sock',
  'tcp://host:2375',
  'ssh://user@host[:port]',
  'npipe:////./pipe/docker_engine',
];

/** A configuration the user can fix: the message says what is wrong, where, and what to do. */
export class EndpointConfigError extends Error {
  override readonly name: string = 'EndpointConfigError';

  /** `message` replaces the standard "Invalid Docker endpoint…" sentence (used for TLS files and contexts). */
  constructor(readonly origin: EndpointOrigin, readonly value: string, readonly reason: string, message?: string) {
    super(message ?? l10n.t('Invalid Docker endpoint "{0}" in {1}: {2}. Accepted forms: {3}.', value, describeOrigin(origin), reason, ACCEPTED_FORMS.join(', ')));
  }
}

/** "the dockerNetworks.host setting", "the DOCKER_CONTEXT environment variable", … */
export function describeOrigin(origin: EndpointOrigin): string {
  switch (origin) {
    case 'setting': return l10n.t('the dockerNetworks.host setting');
    case 'context-setting': return l10n.t('the dockerNetworks.context setting');
    case 'DOCKER_HOST': return l10n.t('the DOCKER_HOST environment variable');
    case 'DOCKER_CONTEXT': return l10n.t('the DOCKER_CONTEXT environment variable');
    case 'config-context': return l10n.t('the current context of the Docker CLI (config.json)');
  }
}

/** How an endpoint was chosen, for any ResolvedEndpoint (including resolveEndpoint's, which carry no explain). */
export function explainEndpoint(r: ResolvedEndpoint): string {
  if (r.explain) return r.explain;
  switch (r.source) {
    case 'setting': return l10n.t('from the dockerNetworks.host setting');
    case 'context-setting': return l10n.t('from the dockerNetworks.context setting (context "{0}")', r.contextName ?? '');
    case 'DOCKER_HOST': return l10n.t('from the DOCKER_HOST variable');
    case 'DOCKER_CONTEXT': return l10n.t('from the DOCKER_CONTEXT variable (context "{0}")', r.contextName ?? '');
    case 'config-context': return l10n.t('from the current context of the Docker CLI (context "{0}")', r.contextName ?? '');
    case 'default': return l10n.t('the default endpoint: nothing chooses another');
    case 'podman': return l10n.t("Podman's socket, because Docker's default socket does not exist");
  }
}

export function parseEndpoint(uri: string, origin: EndpointOrigin): Endpoint {
  return parse(uri, origin, false);
}

/**
 * parseEndpoint with the caller's TLS hint and default ports. The docker CLI dials a context's `tcp://host` with no
 * port as Go's URL would (80, or 443 with TLS), while DOCKER_HOST and the setting default to 2375/2376.
 */
export function parseEndpointWith(uri: string, origin: EndpointOrigin, options: { tls: boolean; ports?: { plain: number; tls: number } }): Endpoint {
  return parse(uri, origin, options.tls, options.ports);
}

/**
 * The file-free part of the chain: setting > DOCKER_HOST (+ DOCKER_TLS_VERIFY) > platform default. It reads no
 * contexts and no certificates; the extension uses resolveDockerEndpoint (./contexts) for the whole chain.
 */
export function resolveEndpoint(input: {
  setting?: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}): ResolvedEndpoint {
  const resolved = (endpoint: Endpoint, source: EndpointSource): ResolvedEndpoint =>
    ({ endpoint, source, display: formatEndpoint(endpoint) });
  const setting = input.setting?.trim();
  if (setting) return resolved(parse(setting, 'setting', false), 'setting');
  const dockerHost = input.env.DOCKER_HOST?.trim();
  if (dockerHost) {
    // As the docker CLI does: any non-empty DOCKER_TLS_VERIFY other than "0" turns TLS on.
    const verify = input.env.DOCKER_TLS_VERIFY ?? '';
    return resolved(parse(dockerHost, 'DOCKER_HOST', verify !== '' && verify !== '0'), 'DOCKER_HOST');
  }
  const fallback: Endpoint = input.platform === 'win32'
    ? { kind: 'npipe', pipePath: '//./pipe/docker_engine' }
    : { kind: 'unix', socketPath: '/var/run/docker.sock' };
  return resolved(fallback, 'default');
}

/** The canonical URI; parseEndpoint(formatEndpoint(e)) gives e back (TLS shows as https://). */
export function formatEndpoint(e: Endpoint): string {
  switch (e.kind) {
    case 'unix': return `unix://${e.socketPath}`;
    case 'npipe': return `npipe://${e.pipePath}`;
    case 'tcp': return `${e.tls ? 'https' : 'tcp'}://${hostPort(e.host, e.port)}`;
    case 'ssh': return `ssh://${e.username ? `${e.username}@` : ''}${hostPort(e.host, e.port)}`;
  }
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function parse(raw: string, origin: EndpointOrigin, tlsHint: boolean, ports = { plain: 2375, tls: 2376 }): Endpoint {
  const uri = raw.trim();
  const fail = (reason: string): never => {
    throw new EndpointConfigError(origin, uri, reason);
  };
  if (uri.startsWith('/')) return { kind: 'unix', socketPath: uri };
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(uri);
  if (!m) return fail(uri ? l10n.t('not a URI') : l10n.t('it is empty'));
  const scheme = m[1].toLowerCase();
  const rest = m[2];
  switch (scheme) {
    case 'unix':
      return rest.startsWith('/') ? { kind: 'unix', socketPath: rest } : fail(l10n.t('unix:// needs an absolute socket path'));
    case 'npipe':
      // Go and Node both take //host/pipe/name; a path that is not one would only fail later, less clearly.
      return /^\/\/[^/]+\/pipe\/[^/]+/.test(rest)
        ? { kind: 'npipe', pipePath: rest }
        : fail(l10n.t('npipe:// needs a pipe path such as //./pipe/docker_engine'));
    case 'tcp':
    case 'http':
    case 'https': {
      const tls = scheme === 'https' || (scheme === 'tcp' && tlsHint);
      const { host, port } = hostAndPort(rest, tls ? ports.tls : ports.plain, fail);
      return { kind: 'tcp', host, port, tls };
    }
    case 'ssh': {
      const at = rest.lastIndexOf('@');
      const username = at >= 0 ? rest.slice(0, at) : undefined;
      // Like the docker CLI, refuse passwords in the URI: ssh keys or the agent are the way.
      if (username !== undefined && !/^[^:/]+$/.test(username)) fail(l10n.t('expected user@host with no password'));
      const { host, port } = hostAndPort(rest.slice(at + 1), 22, fail);
      return username === undefined ? { kind: 'ssh', host, port } : { kind: 'ssh', host, port, username };
    }
    default:
      return fail(l10n.t('the scheme {0}:// is not supported', scheme));
  }
}

/** host[:port] or [ipv6][:port], optionally one trailing slash; no path, query or credentials. */
function hostAndPort(text: string, defaultPort: number, fail: (reason: string) => never): { host: string; port: number } {
  const m = /^(?:\[([^\]]*)\]|([A-Za-z0-9._-]+))(?::(\d+))?\/?$/.exec(text);
  if (!m) return fail(l10n.t('expected host[:port] with no path'));
  const [, v6, name, portText] = m;
  if (v6 !== undefined && !ipaddr.IPv6.isValid(v6)) fail(l10n.t('{0} is not an IPv6 address', v6));
  const port = portText ? Number(portText) : defaultPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(l10n.t('the port must be between 1 and 65535'));
  return { host: v6 ?? name, port };
}

/**
 * The engine runs on this machine, so this machine's /proc (listening sockets, routes) is the engine host's: a unix
 * socket, or tcp to a loopback address. (A socket or port forwarded from elsewhere would fool this; ssh and any
 * other tcp host are remote.)
 */
export function engineOnThisMachine(endpoint: Endpoint | undefined): boolean {
  if (endpoint?.kind === 'unix') return true;
  if (endpoint?.kind !== 'tcp') return false;
  if (endpoint.host === 'localhost') return true;
  return ipaddr.isValid(endpoint.host) && ipaddr.parse(endpoint.host).range() === 'loopback';
}
