// What the endpoint chain of ./contexts.ts takes and gives: the machine it looks at, the settings, a context's
// summary, and the errors that name what to fix.
import * as nodePath from 'node:path';
import { createHash } from 'node:crypto';
import { EndpointConfigError, type EndpointOrigin } from './endpoint';

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

/** The path functions of the platform the endpoint is for. */
export function paths(platform: NodeJS.Platform): nodePath.PlatformPath {
  return platform === 'win32' ? nodePath.win32 : nodePath.posix;
}
