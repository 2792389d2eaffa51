// The one place that reads the machine for endpoint resolution: it hands the real file system, process.env and the
// home folder to the pure functions of core/contexts, and reads the TLS files a resolved endpoint names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import * as l10n from '@vscode/l10n';
import {
  ContextError, listContexts, resolveDockerEndpoint, type ContextSummary, type DockerMachine,
} from '../core/contexts';
import { EndpointConfigError, explainEndpoint, type ExplainedEndpoint, type ResolvedEndpoint } from '../core/endpoint';
import type { TlsFiles } from './client';

/** This machine, as core/contexts sees it. */
export function thisMachine(): DockerMachine {
  return {
    env: process.env,
    platform: process.platform,
    homeDir: os.homedir(),
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists: (path) => existsSync(path),
    listDir: (path) => {
      try {
        return readdirSync(path);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The endpoint the docker CLI would use here, unless the extension's settings choose: `setting` is dockerNetworks.host,
 * `contextSetting` dockerNetworks.context. Throws EndpointConfigError (or its ContextError) with a message naming the fix.
 */
export function resolveFromMachine(setting?: string, contextSetting?: string, machine: DockerMachine = thisMachine()): ExplainedEndpoint {
  return resolveDockerEndpoint({ ...machine, setting, contextSetting });
}

/** The contexts of this machine for the "Switch Docker Context…" QuickPick ("default" first). Never throws. */
export function listContextsOnMachine(setting?: string, contextSetting?: string, machine: DockerMachine = thisMachine()): ContextSummary[] {
  return listContexts({ ...machine, setting, contextSetting });
}

/**
 * The TLS files a resolved endpoint names, read (undefined when it is not TLS). A file that has gone or cannot be
 * read is an EndpointConfigError (a ContextError for a context) naming the file.
 */
export function readTls(resolved: ResolvedEndpoint, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): TlsFiles | undefined {
  const tls = resolved.tls;
  if (!tls) return undefined;
  const load = (path: string | undefined, what: string): string | undefined => {
    if (path === undefined) return undefined;
    try {
      return read(path);
    } catch (err) {
      const message = l10n.t('Cannot read the TLS {0} {1} for {2} ({3}): {4}. Put the file back (or fix its permissions), or choose another endpoint.',
        what, path, resolved.display, explainEndpoint(resolved), describeReadError(err));
      const source = resolved.source;
      if (source === 'context-setting' || source === 'DOCKER_CONTEXT' || source === 'config-context') {
        throw new ContextError('missing-tls-file', source, resolved.contextName, path, message);
      }
      if (source === 'setting' || source === 'DOCKER_HOST') throw new EndpointConfigError(source, path, 'missing-tls-file', message);
      throw new Error(message);
    }
  };
  return {
    ca: load(tls.caPath, l10n.t('CA certificate')),
    cert: load(tls.certPath, l10n.t('client certificate')),
    key: load(tls.keyPath, l10n.t('client key')),
    skipVerify: tls.skipVerify,
  };
}

function describeReadError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code?: unknown }).code : undefined;
  if (code === 'ENOENT') return l10n.t('the file does not exist');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'EISDIR') return l10n.t('it is a folder, not a file');
  return err instanceof Error ? err.message : String(err);
}
