// Which engine to talk to, decided like the docker CLI: setting > DOCKER_HOST > platform default.
// Docker contexts (and their TLS folders) will add sources; the unions below are meant to grow.
import * as l10n from '@vscode/l10n';
import * as ipaddr from 'ipaddr.js';

export type Endpoint =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'npipe'; pipePath: string }
  | { kind: 'tcp'; host: string; port: number; tls: boolean }
  | { kind: 'ssh'; host: string; port: number; username?: string };

export type EndpointSource = 'setting' | 'DOCKER_HOST' | 'default';
export type EndpointOrigin = Exclude<EndpointSource, 'default'>;

export interface ResolvedEndpoint {
  endpoint: Endpoint;
  source: EndpointSource;
  /** Canonical URI, e.g. unix:///var/run/docker.sock. */
  display: string;
}

const ACCEPTED_FORMS = [
  'unix:///path/to/docker.sock',
  'tcp://host:2375',
  'ssh://user@host[:port]',
  'npipe:////./pipe/docker_engine',
];

export class EndpointConfigError extends Error {
  override readonly name = 'EndpointConfigError';

  constructor(readonly origin: EndpointOrigin, readonly value: string, readonly reason: string) {
    const where: Record<EndpointOrigin, string> = {
      setting: l10n.t('the dockerNetworks.host setting'),
      DOCKER_HOST: l10n.t('the DOCKER_HOST environment variable'),
    };
    super(l10n.t('Invalid Docker endpoint "{0}" in {1}: {2}. Accepted forms: {3}.', value, where[origin], reason, ACCEPTED_FORMS.join(', ')));
  }
}

export function parseEndpoint(uri: string, origin: EndpointOrigin): Endpoint {
  return parse(uri, origin, false);
}

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

function parse(raw: string, origin: EndpointOrigin, tlsHint: boolean): Endpoint {
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
      const { host, port } = hostAndPort(rest, tls ? 2376 : 2375, fail);
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
