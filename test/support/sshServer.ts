// A real OpenSSH server on 127.0.0.1 (Debian's openssh-server) whose sessions reach the private engine: the far
// side of an ssh:// endpoint runs `docker system dial-stdio`, and DOCKER_HOST is set for it with SetEnv.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SshServer {
  port: number;
  dir: string;
  /** A known_hosts line that trusts this server's host key. */
  knownHostsLine: string;
  /** A private key the server accepts, and one it does not. */
  goodKey: string;
  badKey: string;
  close(): Promise<void>;
}

function keygen(file: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`sshd did not listen on 127.0.0.1:${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startSshServer(dockerHost: string): Promise<SshServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dn-ssh-'));
  for (const k of ['host', 'good', 'bad']) keygen(path.join(dir, k));
  writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(path.join(dir, 'good.pub')));
  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  writeFileSync(config, [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${path.join(dir, 'host')}`,
    `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`, 'PermitRootLogin prohibit-password',
    'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'UsePAM no', 'StrictModes no',
    `PidFile ${path.join(dir, 'sshd.pid')}`, `SetEnv DOCKER_HOST=${dockerHost}`, '',
  ].join('\n'));
  mkdirSync('/run/sshd', { recursive: true }); // privilege separation directory
  const sshd: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  sshd.stderr?.on('data', (d) => (log += String(d)));
  try {
    await waitForPort(port, 10_000);
  } catch (e) {
    sshd.kill();
    throw new Error(`${(e as Error).message}\n${log}`);
  }
  const [type, blob] = readFileSync(path.join(dir, 'host.pub'), 'utf8').split(' ');
  return {
    port,
    dir,
    knownHostsLine: `[127.0.0.1]:${port} ${type} ${blob}\n`,
    goodKey: path.join(dir, 'good'),
    badKey: path.join(dir, 'bad'),
    close: async () => {
      sshd.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
