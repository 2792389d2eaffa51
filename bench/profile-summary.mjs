// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per package, heaviest first.
//   node bench/profile-summary.mjs out/bench/prof/CPU.*.cpuprofile [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]'); process.exit(2); }
const top = Number(topArg ?? 25);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = p.timeDeltas;
for (let i = 0; i < p.samples.length; i++) {
  const n = byId.get(p.samples[i]);
  const dt = (deltas[i + 1] ?? 0) / 1000;
  self.set(n, (self.get(n) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const pkgOf = (url) => {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const s = url.match(/\/(src|bench|test)\/.*$/);
  return s ? s[0].slice(1) : url.split('/').slice(-2).join('/');
};
const fn = new Map();
const pkg = new Map();
for (const [n, t] of self) {
  const cf = n.callFrame;
  const k = `${cf.functionName || '(anonymous)'}  ${pkgOf(cf.url)}:${cf.lineNumber + 1}`;
  fn.set(k, (fn.get(k) ?? 0) + t);
  const pk = cf.url ? pkgOf(cf.url) : cf.functionName;
  pkg.set(pk, (pkg.get(pk) ?? 0) + t);
}
const show = (title, m) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${t.toFixed(1).padStart(8)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`${file}: ${total.toFixed(1)} ms sampled`);
show('self time by package / bucket', pkg);
show('self time by function', fn);
