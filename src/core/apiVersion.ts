// Engine API versions: negotiation as the docker CLI does it, and which features each version has.
import * as l10n from '@vscode/l10n';

// The engine says its newest API (`ApiVersion`); we speak min(that, the newest we test), so a newer engine answers
// with the schema our tests know, and an older one is never sent a field it lacks. Feature gates read the
// negotiated version, never the engine's product version (Podman reports its own product version).

/** The newest API version of an engine in our test matrix (Docker 28.5). */
export const NEWEST_TESTED_API = '1.51';
/** The oldest API version we know anything about (Docker 1.12); older engines are spoken to at their own version. */
export const OLDEST_KNOWN_API = '1.24';

/** Compares two "major.minor" API versions: negative when a < b. Unparsable parts count as 0. */
export function compareApi(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const [bm = 0, bn = 0] = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  return am !== bm ? am - bm : an - bn;
}

export function apiAtLeast(api: string, min: string): boolean {
  return compareApi(api, min) >= 0;
}

/** What `GET /version` says (the fields we read). */
export interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  Os?: string;
  Arch?: string;
  Components?: { Name?: string; Version?: string }[] | null;
}

/** Response headers as Node gives them (lower-case names). */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

function header(h: ResponseHeaders, name: string): string | undefined {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
}

/**
 * The version facts an engine puts in the headers of its answers, `GET /_ping`'s included, as `GET /version` would
 * say them — the docker CLI negotiates from these too, and `/_ping` answers in about a millisecond where `/version`
 * asks containerd and takes 10–20. Docker sends `Api-Version` and `Server: Docker/28.5.2 (linux)`; Podman adds
 * `Libpod-API-Version` (its own version). Undefined when the API version or the product's version is missing (a
 * proxy, an engine we do not know): then ask `GET /version`.
 */
export function versionFromPing(h: ResponseHeaders): RawVersion | undefined {
  const api = header(h, 'api-version');
  if (!isApiVersion(api)) return undefined;
  const podman = header(h, 'libpod-api-version');
  if (podman) return { ApiVersion: api, Version: podman, Components: [{ Name: 'Podman Engine', Version: podman }] };
  const docker = /^Docker\/(\S+)/.exec(header(h, 'server') ?? '');
  if (!docker) return undefined;
  return { ApiVersion: api, Version: docker[1] };
}

/**
 * Whether the engine is a Swarm manager, from `GET /_ping`'s `Swarm` header (API 1.42+: `inactive`, `pending`,
 * `error`, `locked`, `active/worker`, `active/manager`); undefined when the engine does not send it (then `GET /info`).
 */
export function swarmManagerFromPing(h: ResponseHeaders): boolean | undefined {
  const swarm = header(h, 'swarm');
  return swarm === undefined ? undefined : swarm === 'active/manager';
}

export interface Negotiated {
  /** The version every request is sent with (the path prefix `/v<api>`). */
  api: string;
  /** The engine's own newest API. */
  engineApi: string;
  /** Product version, e.g. "28.5.2" (Podman: its own version). */
  engineVersion: string;
  /** "Docker Engine" or "Podman Engine" (from Components), for the tooltip. */
  product: string;
  /** Set when the engine's API is outside what we test: older than we know, or newer than we test. */
  note?: NegotiationNote;
}

export type NegotiationNote =
  | { kind: 'older-than-known'; engineApi: string }
  | { kind: 'newer-than-tested'; engineApi: string; tested: string };

export function negotiate(v: RawVersion, newestTested = NEWEST_TESTED_API): Negotiated {
  const engineApi = apiOrOldest(v.ApiVersion);
  const api = compareApi(engineApi, newestTested) > 0 ? newestTested : engineApi;
  // Docker's component is plain "Engine"; Podman's is "Podman Engine".
  const named = v.Components?.find((c) => c.Name && /engine/i.test(c.Name))?.Name;
  const product = named && named !== 'Engine' ? named : 'Docker Engine';
  let note: NegotiationNote | undefined;
  if (compareApi(engineApi, OLDEST_KNOWN_API) < 0) note = { kind: 'older-than-known', engineApi };
  else if (compareApi(engineApi, newestTested) > 0) note = { kind: 'newer-than-tested', engineApi, tested: newestTested };
  return { api, engineApi, engineVersion: v.Version ?? '?', product, note };
}

/**
 * Features that appeared in engines 25–29, with the first API version that has them (from moby's
 * api/docs/CHANGELOG.md and the release notes). A form offers a feature only where `supports()` says so.
 */
export const FEATURE_MIN_API = {
  /** `DNSNames` on each endpoint of inspect and the container list (Docker 25.0). */
  dnsNames: '1.44',
  /** Duplicate network names refused by the engine (Docker 25.0); older engines accept them. */
  uniqueNetworkNames: '1.44',
  /** Aliases no longer carry the container's short id (Docker 26.0). */
  aliasesWithoutShortId: '1.45',
  /** `--ipv6` without a subnet: the engine allocates one from its default ULA pool (Docker 27.0). */
  ipv6DefaultPool: '1.46',
  /** Bridge gateway modes `nat` and `routed` (Docker 27.0); `nat-unprotected` and `isolated` come with 28.0. */
  gatewayModeNatRouted: '1.46',
  /** `EnableIPv4: false` (IPv6-only networks), `GwPriority` on endpoints, gateway modes `nat-unprotected` and `isolated` (Docker 28.0). */
  enableIPv4: '1.48',
  gwPriority: '1.48',
  gatewayModeAll: '1.48',
  /** `com.docker.network.bridge.trusted_host_interfaces` (Docker 28.2). */
  trustedHostInterfaces: '1.50',
  /** Network inspect `Status.IPAM.Subnets` (IPs in use and available), `Health` in the container list (Docker 29.0). */
  networkStatus: '1.52',
  containerListHealth: '1.52',
} as const;

export type Feature = keyof typeof FEATURE_MIN_API;

export function supports(api: string, feature: Feature): boolean {
  return apiAtLeast(api, FEATURE_MIN_API[feature]);
}

/** Gateway modes the engine at `api` accepts for com.docker.network.bridge.gateway_mode_ipv4/_ipv6. */
export function gatewayModes(api: string): readonly string[] {
  if (supports(api, 'gatewayModeAll')) return ['nat', 'nat-unprotected', 'routed', 'isolated'];
  if (supports(api, 'gatewayModeNatRouted')) return ['nat', 'routed'];
  return [];
}

/** One line for the status bar tooltip and the log: product, version, the engine's API and the one we speak. */
export function describeNegotiation(n: Negotiated): string {
  const base = l10n.t('{0} {1}, API {2} (this extension speaks {3})', n.product, n.engineVersion, n.engineApi, n.api);
  if (n.note?.kind === 'older-than-known') {
    return `${base}. ${l10n.t('API {0} is older than any engine this extension knows (oldest: {1}); features are limited to what it has, and some calls may fail.', n.note.engineApi, OLDEST_KNOWN_API)}`;
  }
  if (n.note?.kind === 'newer-than-tested') {
    return `${base}. ${l10n.t('API {0} is newer than the newest this extension is tested with ({1}); it speaks {1}, which the engine still accepts.', n.note.engineApi, n.note.tested)}`;
  }
  return base;
}

/** The Docker release that brought each API version a feature gate names, for messages. */
const DOCKER_RELEASE_OF_API: Readonly<Record<string, string>> = {
  '1.44': '25.0', '1.45': '26.0', '1.46': '27.0', '1.48': '28.0', '1.50': '28.2', '1.52': '29.0',
};

/** The API version of a snapshot or a validation context: absent (hand-made fixtures) is the oldest we know. */
export function apiOrOldest(api: string | undefined): string {
  return isApiVersion(api) ? api : OLDEST_KNOWN_API;
}

/** "1.44"-shaped: what an engine sends as its API version (anything else is a proxy's or a stranger's). */
function isApiVersion(v: string | undefined): v is string {
  return v !== undefined && /^\d+\.\d+$/.test(v);
}

/**
 * Why `what` cannot be used with the engine at `api`, naming the API version (and Docker release) it needs;
 * undefined when the engine has it.
 */
export function unsupportedReason(api: string, feature: Feature, what: string): string | undefined {
  if (supports(api, feature)) return undefined;
  const min = FEATURE_MIN_API[feature];
  const release = DOCKER_RELEASE_OF_API[min];
  return release
    ? l10n.t('{0} needs Engine API {1} (Docker {2}) or newer; this engine speaks API {3}.', what, min, release, api)
    : l10n.t('{0} needs Engine API {1} or newer; this engine speaks API {2}.', what, min, api);
}
