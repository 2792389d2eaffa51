// The floor as a fresh client meets it: the same two list calls as (a), parsed, from a node process started for
// them (its first request, a new connection, cold code). Activation (e) is a first request too; this is what any
// client starting at that moment pays, beside the warm floor (a) the ratio is taken against.
import { execFile } from 'node:child_process';

/** Runs in the child (node -e): times the two calls from the script's start, prints the milliseconds. */
const SCRIPT = `
const http = require('node:http');
const t0 = performance.now();
const get = (path) => new Promise((resolve, reject) => {
  http.get({ socketPath: process.argv[1], path, headers: { Host: 'localhost' } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => { try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch (e) { reject(e); } });
  }).on('error', reject);
});
Promise.all([get('/networks'), get('/containers/json?all=1')]).then(() => {
  process.stdout.write(String(performance.now() - t0));
}, (e) => { console.error(String(e)); process.exit(1); });
`;

export function coldFloorMs(socketPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', SCRIPT, socketPath], { timeout: 30_000 }, (err, stdout) => {
      const v = Number(stdout);
      if (err || !Number.isFinite(v)) reject(err ?? new Error(`cold floor: unexpected output ${JSON.stringify(stdout)}`));
      else resolve(v);
    });
  });
}
