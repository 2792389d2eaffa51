// ssh:// endpoints: docker-modem opens an ssh2 connection per request and runs `docker system dial-stdio` on the
// far side. ssh2 trusts any host key unless given a verifier, so we check ~/.ssh/known_hosts as OpenSSH does,
// and authenticate with ssh-agent or the default identity files, as `ssh` would.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as l10n from '@vscode/l10n';
import { knownHostsName, verifyHostKey } from '../core/knownHosts';

export interface SshAuth {
  knownHostsPath: string;
  /** Tried in order; the first readable one is offered (ssh-agent keys are offered too). */
  identityFiles: string[];
  agentSocket?: string;
}

export function defaultSshAuth(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): SshAuth {
  const dir = path.join(home, '.ssh');
  return {
    knownHostsPath: path.join(dir, 'known_hosts'),
    identityFiles: ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => path.join(dir, f)),
    agentSocket: env.SSH_AUTH_SOCK || undefined,
  };
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** ssh2 options for one endpoint; a refused host key is reported through `onProblem` (ssh2 only says "denied"). */
export function sshConnectOptions(host: string, port: number, auth: SshAuth, onProblem: (message: string) => void): Record<string, unknown> {
  const privateKey = auth.identityFiles.map(readOr).find((k) => k !== undefined);
  const name = knownHostsName(host, port);
  return {
    agent: auth.agentSocket,
    privateKey,
    readyTimeout: 10_000,
    hostVerifier: (key: Buffer): boolean => {
      const verdict = verifyHostKey(readOr(auth.knownHostsPath) ?? '', host, port, key);
      if (verdict === 'trusted') return true;
      onProblem(
        verdict === 'unknown'
          ? l10n.t('The ssh host key of {0} is not in {1}. Connect once with `ssh {2}` to check and accept it, then retry.', name, auth.knownHostsPath, port === 22 ? host : `-p ${port} ${host}`)
          : verdict === 'changed'
            ? l10n.t('The ssh host key of {0} does not match the one in {1}: the host was reinstalled, or someone is intercepting the connection. Verify the new key, update {1}, then retry.', name, auth.knownHostsPath)
            : l10n.t('The ssh host key of {0} is marked @revoked in {1}.', name, auth.knownHostsPath),
      );
      return false;
    },
  };
}
