// A mutual-TLS endpoint in front of the private engine: what `dockerd --tlsverify -H tcp://…` offers, made with
// certificates the test generates with openssl (no shell: every openssl call is an argv array).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TlsMaterial {
  dir: string;
  /** A DOCKER_CERT_PATH-style folder: ca.pem, cert.pem, key.pem for the client. */
  clientDir: string;
  /** The same layout signed by a CA the engine does not trust. */
  rogueDir: string;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string, name: string): void {
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`,
    '-keyout', `${name}-key.pem`, '-out', `${name}.pem`);
}

function sign(dir: string, ca: string, name: string, ext: string): void {
  writeFileSync(path.join(dir, `${name}.ext`), ext);
  openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`);
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}-key.pem`, '-CAcreateserial',
    '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
}

export function makeTlsMaterial(): TlsMaterial {
  const dir = mkdtempSync(path.join(tmpdir(), 'dn-tls-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'rogue');
  sign(dir, 'ca', 'server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  sign(dir, 'ca', 'client', 'extendedKeyUsage=clientAuth\n');
  sign(dir, 'rogue', 'rogueclient', 'extendedKeyUsage=clientAuth\n');
  const layout = (sub: string, ca: string, who: string): string => {
    const d = path.join(dir, sub);
    execFileSync('mkdir', ['-p', d]);
    writeFileSync(path.join(d, 'ca.pem'), readFileSync(path.join(dir, `${ca}.pem`)));
    writeFileSync(path.join(d, 'cert.pem'), readFileSync(path.join(dir, `${who}.pem`)));
    writeFileSync(path.join(d, 'key.pem'), readFileSync(path.join(dir, `${who}-key.pem`)));
    return d;
  };
  return { dir, clientDir: layout('client', 'ca', 'client'), rogueDir: layout('rogue', 'rogue', 'rogueclient') };
}

export interface TlsEngine {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 with TLS, demands a client certificate signed by our CA, and forwards to the engine socket. */
export async function startTlsEngine(m: TlsMaterial, engineSocket: string): Promise<TlsEngine> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(
    {
      key: readFileSync(path.join(m.dir, 'server-key.pem')),
      cert: readFileSync(path.join(m.dir, 'server.pem')),
      ca: readFileSync(path.join(m.dir, 'ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (client) => {
      const upstream = net.createConnection(engineSocket);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const end = (): void => void [client, upstream].forEach((s) => s.destroy());
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    },
  );
  server.on('tlsClientError', () => undefined); // a refused client is the point of some tests
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(m.dir, { recursive: true, force: true });
    },
  };
}
