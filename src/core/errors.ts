// Turns whatever dockerode, docker-modem, ssh2 or Node threw into one error the UI can explain:
// what went wrong, what to do about it, and the daemon's own words when it said something.
import * as l10n from '@vscode/l10n';
import { formatDuration } from './localeFormat';

export type EngineErrorKind =
  | 'unreachable' | 'permission' | 'tls' | 'ssh' | 'notFound' | 'conflict' | 'badRequest' | 'timeout' | 'server' | 'unknown';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly statusCode?: number;
  /** Verbatim, as the daemon sent it. */
  readonly daemonMessage?: string;
  readonly endpoint?: string;

  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    details: { statusCode?: number; daemonMessage?: string; endpoint?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.statusCode !== undefined) this.statusCode = details.statusCode;
    if (details.daemonMessage !== undefined) this.daemonMessage = details.daemonMessage;
    if (details.endpoint !== undefined) this.endpoint = details.endpoint;
  }
}

/** Thrown by the docker layer when a call outlives its deadline. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly ms?: number;

  /** Either a full message (which should state the ms) or the ms alone. */
  constructor(messageOrMs: string | number) {
    super(typeof messageOrMs === 'number' ? l10n.t('timed out after {0}', formatDuration(messageOrMs)) : messageOrMs);
    if (typeof messageOrMs === 'number') this.ms = messageOrMs;
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const PERMISSION_CODES = new Set(['EACCES', 'EPERM']);
// Our side refusing the server's certificate.
const SERVER_CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_SIGNATURE_FAILURE', 'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ABORT_ERR']);
// A 403 is usually a refusal about the request (swarm state, predefined network), not about who asks.
const PERMISSION_WORDS = /permission denied|authorization denied|not authorized|unauthorized|access denied/i;

export function classifyError(err: unknown, ctx: { endpoint?: string; action?: string } = {}): EngineError {
  if (err instanceof EngineError) return err;
  const endpoint = ctx.endpoint;
  const where = endpoint ?? l10n.t('the configured endpoint');
  const failed = ctx.action ? l10n.t('Could not {0}', ctx.action) : l10n.t('The Docker request failed');
  const make = (kind: EngineErrorKind, message: string, daemonMessage?: string, statusCode?: number): EngineError =>
    new EngineError(kind, message, { statusCode, daemonMessage, endpoint, cause: err });

  const statusCode = numberProp(err, 'statusCode');
  if (statusCode !== undefined && statusCode >= 300) {
    const daemon = daemonMessageOf(err);
    // docker-modem's `reason` is its canned text for the status ("no such network"): better than nothing.
    const said = daemon?.trim() || stringProp(err, 'reason');
    const kind = kindOfStatus(statusCode, daemon ?? '');
    const [cause, fix] = httpExplanation(kind, statusCode, where);
    const message = said
      ? l10n.t('{0}: {1}. The engine said: {2}. {3}', failed, cause, said.replace(/\.$/, ''), fix)
      : l10n.t('{0}: {1}. {2}', failed, cause, fix);
    return make(kind, message, daemon, statusCode);
  }

  const code = codeOf(err);
  const detail = messageOf(err);
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return make('unreachable', l10n.t('Docker engine not reachable at {0} ({1}): is dockerd running? Start it, or set dockerNetworks.host to a running engine.', where, code));
  }
  if (code !== undefined && SERVER_CERT_CODES.has(code)) {
    return make('tls', l10n.t('TLS: the engine at {0} presented a certificate that does not verify ({1}: {2}). Check that ca.pem (DOCKER_CERT_PATH or the context\'s TLS files) is the CA that signed the engine\'s certificate and that the host name matches it.', where, code, detail));
  }
  if (code !== undefined && /^ERR_SSL_.*(CERTIFICATE|ALERT_UNKNOWN_CA|HANDSHAKE_FAILURE)/.test(code)) {
    return make('tls', l10n.t('TLS: the engine at {0} refused our client certificate ({1}). Check that cert.pem and key.pem (DOCKER_CERT_PATH or the context\'s TLS files) are present and signed by a CA the engine trusts.', where, code));
  }
  if (code !== undefined && (code === 'EPROTO' || code.startsWith('ERR_SSL_'))) {
    return make('tls', l10n.t('TLS handshake with the engine at {0} failed ({1}: {2}). If the engine does not use TLS, use tcp:// without DOCKER_TLS_VERIFY; if it does, use https:// or set DOCKER_TLS_VERIFY=1.', where, code, detail));
  }
  if (stringProp(err, 'level') === 'client-authentication') { // ssh2: the docker group is not the fix here
    return make('permission', l10n.t('SSH authentication to {0} failed. Load your key into ssh-agent (SSH_AUTH_SOCK) and check that the host accepts it, or set dockerNetworks.host.', where));
  }
  if (code !== undefined && PERMISSION_CODES.has(code)) {
    return make('permission', l10n.t('Permission denied connecting to the Docker engine at {0}. Add your user to the docker group (sudo usermod -aG docker $USER) and log in again, or set dockerNetworks.host.', where));
  }
  const name = stringProp(err, 'name');
  if ((code !== undefined && TIMEOUT_CODES.has(code)) || name === 'TimeoutError' || name === 'AbortError') {
    return make('timeout', l10n.t('{0}: the Docker engine at {1} did not answer in time ({2}). Check that it is responsive, then retry.', failed, where, detail));
  }
  return make('unknown', l10n.t('{0}: {1}', failed, detail));
}

/** What an HTTP answer of this kind means, and what the user can do: [cause, fix]. */
function httpExplanation(kind: EngineErrorKind, status: number, where: string): [string, string] {
  switch (kind) {
    case 'notFound': return [l10n.t('it no longer exists (it may have just been removed)'), l10n.t('Refresh the view and try again.')];
    case 'conflict': return [l10n.t('it conflicts with the current state of the engine'), l10n.t('Resolve the conflict, then try again.')];
    case 'badRequest': return [l10n.t('the engine rejected the request'), l10n.t('Correct the request and try again.')];
    case 'permission': return [l10n.t('the engine refused it for lack of permission'), l10n.t('Check the engine\'s authorization plugin or your credentials.')];
    case 'server': return [l10n.t('the engine failed with an internal error'), l10n.t('Check the dockerd log, then try again.')];
    case 'timeout': return [l10n.t('the engine at {0} did not answer in time', where), l10n.t('Check that it is responsive, then try again.')];
    default: return [l10n.t('the engine answered with HTTP status {0}', status), l10n.t('Check the dockerd log.')];
  }
}

function kindOfStatus(status: number, daemon: string): EngineErrorKind {
  if (status === 401) return 'permission';
  if (status === 403) return PERMISSION_WORDS.test(daemon) ? 'permission' : 'badRequest';
  if (status === 404) return 'notFound';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  if (status >= 400) return 'badRequest';
  return 'unknown';
}

/** docker-modem puts the body in `json`: parsed `{message}`, or a Buffer/string when it could not parse it. */
function daemonMessageOf(err: unknown): string | undefined {
  const json = prop(err, 'json');
  const text = json instanceof Uint8Array ? new TextDecoder().decode(json) : typeof json === 'string' ? json : undefined;
  const body = text === undefined ? json : parseJson(text) ?? text;
  // Old engines used `error` where current ones use `message`.
  const message = prop(body, 'message') ?? prop(body, 'error');
  if (typeof message === 'string' && message !== '') return message;
  if (typeof body === 'string' && body.trim() !== '') return body;
  // Without a body, docker-modem's own message still ends with the daemon's: "(HTTP code 404) reason - text".
  const m = /^\(HTTP code \d+\) .*? - ([\s\S]*\S)\s*$/.exec(stringProp(err, 'message') ?? '');
  return m?.[1];
}

/** The system error code, looking through `cause` and AggregateError (Node tries each address in turn). */
function codeOf(err: unknown, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  const code = stringProp(err, 'code');
  if (code) return code;
  const errors = prop(err, 'errors');
  const inner = prop(err, 'cause') ?? (Array.isArray(errors) ? errors[0] : undefined);
  return inner === undefined ? undefined : codeOf(inner, depth + 1);
}

function messageOf(err: unknown): string {
  const message = stringProp(err, 'message');
  return message ? message : String(err);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function prop(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

function stringProp(o: unknown, key: string): string | undefined {
  const v = prop(o, key);
  return typeof v === 'string' ? v : undefined;
}

function numberProp(o: unknown, key: string): number | undefined {
  const v = prop(o, key);
  return typeof v === 'number' ? v : undefined;
}
