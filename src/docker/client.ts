// Engine access: one dockerode client per resolved endpoint, every call bounded by a timeout and
// every failure turned into a classified EngineError that keeps the daemon's own message.
import Docker from 'dockerode';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Endpoint, ResolvedEndpoint } from '../core/endpoint';
import { negotiate, versionFromPing, type Negotiated, type RawVersion, type ResponseHeaders } from '../core/apiVersion';
import { classifyError, EngineError, TimeoutError } from '../core/errors';
import { defaultSshAuth, sshConnectOptions, type SshAuth } from './ssh';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** TLS material for tcp endpoints; read by the caller (DOCKER_CERT_PATH or a context's tls folder). */
export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
  /** Only a Docker context's SkipTLSVerify sets this: the engine's certificate is then not verified. */
  skipVerify?: boolean;
}

export function dockerodeOptions(e: Endpoint, tls?: TlsFiles, sshOptions?: Record<string, unknown>): Docker.DockerOptions {
  switch (e.kind) {
    case 'unix':
      return { socketPath: e.socketPath };
    case 'npipe':
      return { socketPath: e.pipePath };
    case 'tcp': {
      if (!e.tls) return { protocol: 'http', host: e.host, port: e.port };
      const options: Docker.DockerOptions & { agent?: HttpsAgent } = { protocol: 'https', host: e.host, port: e.port, ca: tls?.ca, cert: tls?.cert, key: tls?.key };
      // docker-modem hands `agent` to https.request, whose agent options win over the request's.
      if (tls?.skipVerify === true) options.agent = new HttpsAgent({ rejectUnauthorized: false });
      return options;
    }
    case 'ssh':
      return { protocol: 'ssh', host: e.host, port: e.port, username: e.username, sshOptions } as Docker.DockerOptions;
  }
}

export class Engine {
  readonly docker: Docker;

  constructor(
    readonly resolved: ResolvedEndpoint,
    options?: { tls?: TlsFiles; ssh?: SshAuth; timeoutMs?: number; docker?: Docker },
  ) {
    const e = resolved.endpoint;
    const ssh = e.kind === 'ssh'
      ? sshConnectOptions(e.host, e.port, options?.ssh ?? defaultSshAuth(), (m) => (this.sshProblem = m))
      : undefined;
    this.docker = options?.docker ?? withoutDockerEnv(() => new Docker(dockerodeOptions(e, options?.tls, ssh)));
    this.timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private readonly timeoutMs: number;
  /** Why the last ssh host-key check refused the server (ssh2 itself only says "verification failed"). */
  private sshProblem?: string;
  private negotiating?: Promise<Negotiated>;
  /** The API version agreed with the engine, once known (every request is then sent as `/v<api>/…`). */
  negotiated?: Negotiated;

  /**
   * API version negotiation, as the docker CLI does it: ask the engine which API it speaks — the headers of
   * `GET /_ping` (sent without a version prefix) name the API and the product's version in about a millisecond;
   * `GET /version` only where they do not — then send every request with the prefix min(engine's, newest we test)
   * (the first picture's lists excepted: callEarly).
   * Runs once per client; a failure is retried by the next call.
   */
  negotiate(): Promise<Negotiated> {
    this.negotiating ??= this.guard('read engine version', async (abortSignal) =>
      versionFromPing(await this.pingHeaders(abortSignal))
        ?? await (this.docker.version as unknown as (o: { abortSignal: AbortSignal }) => Promise<RawVersion>).call(this.docker, { abortSignal }),
    ).then((v) => {
      const n = negotiate(v);
      (this.docker.modem as { version?: string }).version = `v${n.api}`;
      this.negotiated = n;
      return n;
    }, (err: unknown) => {
      this.negotiating = undefined;
      throw err;
    });
    return this.negotiating;
  }

  /**
   * The headers of `GET /_ping` (dockerode's ping hands back only the body). Sent without a version prefix until
   * the negotiation has set one, which the engine accepts as well.
   */
  pingHeaders(abortSignal: AbortSignal): Promise<ResponseHeaders> {
    return new Promise((resolve, reject) => {
      const dial = this.docker.modem.dial.bind(this.docker.modem) as (o: object, cb: (err: unknown, res?: IncomingMessage) => void) => void;
      dial({ path: '/_ping', method: 'GET', isStream: true, abortSignal, statusCodes: { 200: true, 500: 'server error' } }, (err, res) => {
        if (err || !res) {
          reject(err ?? new Error('no answer to GET /_ping'));
          return;
        }
        res.resume(); // the body ("OK") is not needed
        resolve(res.headers);
      });
    });
  }

  /**
   * Runs one engine call with a deadline. `fn` gets an AbortSignal that it should hand to dockerode where the
   * method supports it; where it does not, the call is still abandoned (and reported) when the deadline passes.
   */
  async call<T>(action: string, fn: (signal: AbortSignal) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    if (!this.negotiated) await this.negotiate();
    return this.guard(action, fn, timeoutMs);
  }

  /**
   * A read that need not wait for the negotiation (the first picture's two lists): sent at once, beside `GET /_ping`,
   * without a version prefix, so the engine answers at its own API. The answer is kept when the negotiation settles
   * on that same API (every engine up to the newest we test), and the read is made again with the prefix when it
   * does not (a newer engine, whose newest schema we have not tested). Once negotiated, this is call(). What it
   * saves is the ping's round trip before the first picture: a millisecond on a local socket, a network round trip
   * to a tcp or ssh engine.
   */
  async callEarly<T>(action: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.negotiated) return this.call(action, fn);
    const negotiation = this.negotiate(); // first, so the ping leaves first
    const early = this.guard(action, fn);
    early.catch(() => undefined); // awaited below, or dropped when the negotiation fails or asks for a prefix
    const n = await negotiation;
    return n.api === n.engineApi ? early : this.call(action, fn);
  }

  private async guard<T>(action: string, fn: (signal: AbortSignal) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    const ac = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ac.abort();
        reject(new TimeoutError(`${action} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([fn(ac.signal), deadline]);
    } catch (err) {
      if (this.sshProblem) {
        const message = this.sshProblem;
        this.sshProblem = undefined;
        throw new EngineError('ssh', message, { endpoint: this.resolved.display, cause: err });
      }
      throw classifyError(err, { endpoint: this.resolved.display, action });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the engine answers: the same `GET /_ping` the negotiation reads its headers from. */
  ping(): Promise<ResponseHeaders> {
    return this.call('ping', (abortSignal) => this.pingHeaders(abortSignal), 5_000);
  }

  inspectNetwork(id: string): Promise<Docker.NetworkInspectInfo> {
    return this.call(`inspect network ${id}`, () => this.docker.getNetwork(id).inspect());
  }

  inspectContainer(id: string): Promise<Docker.ContainerInspectInfo> {
    return this.call(`inspect container ${id}`, (abortSignal) => this.docker.getContainer(id).inspect({ abortSignal }));
  }
}

// docker-modem reads DOCKER_HOST, DOCKER_CERT_PATH, DOCKER_TLS_VERIFY… itself and lets them override the options
// it is given (a unix socket chosen by the setting or a context would silently become DOCKER_HOST's engine), and
// it throws when DOCKER_CERT_PATH lacks a file. Our resolver has already decided, so the client must not see them.
const MODEM_ENV = ['DOCKER_HOST', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX'];

function withoutDockerEnv<T>(make: () => T): T {
  const saved = MODEM_ENV.map((k) => [k, process.env[k]] as const);
  for (const k of MODEM_ENV) delete process.env[k];
  try {
    return make();
  } finally {
    for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
  }
}
