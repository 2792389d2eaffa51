// OpenSSH known_hosts matching, so an ssh endpoint is only used when its host key is one the user already
// trusts (ssh2 accepts any host key unless told otherwise). Plain and hashed (`|1|salt|hash`) entries.
import { createHmac } from 'node:crypto';

export type HostKeyVerdict = 'trusted' | 'unknown' | 'changed' | 'revoked';

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}

/** Decides whether `key` (the raw public key blob the server sent) is trusted for host:port. */
export function verifyHostKey(knownHosts: string, host: string, port: number, key: Buffer): HostKeyVerdict {
  const name = knownHostsName(host, port);
  const keyB64 = key.toString('base64');
  let sawHost = false;
  for (const raw of knownHosts.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0].startsWith('@') ? fields.shift() : undefined;
    const [patterns, , blob] = fields;
    if (!patterns || !blob) continue;
    const list = patterns.split(',');
    if (list.some((p) => p.startsWith('!') && patternMatches(p.slice(1), name))) continue;
    if (!list.some((p) => !p.startsWith('!') && patternMatches(p, name))) continue;
    if (marker === '@revoked') {
      if (blob === keyB64) return 'revoked';
      continue;
    }
    if (marker) continue; // @cert-authority: certificates are not supported here
    sawHost = true;
    if (blob === keyB64) return 'trusted';
  }
  return sawHost ? 'changed' : 'unknown';
}
