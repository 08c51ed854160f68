// Start-up cost of a short CLI call next to starting Node itself, measured side by side: each
// round runs `node -e 0` and then `lightsail-compat check wordpress nano_3_0` (built-in catalog),
// alternating so that machine noise hits both alike. Prints medians and their ratio.
// Run after `npm run build`: node test/bench/startup.mjs [rounds]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'cli', 'bin.js');
const rounds = Number(process.argv[2] ?? 21);
const commands = {
  'node -e 0': ['-e', '0'],
  'check wordpress nano_3_0': [bin, 'check', 'wordpress', 'nano_3_0'],
  'check --format json (SQL Express on micro_win)': [bin, 'check', 'windows_server_2019_sql_2016_express', 'micro_win_3_0', '--format', 'json'],
  'catalog show': [bin, 'catalog', 'show'],
};

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return ms;
}

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (const args of Object.values(commands)) time(args); // warm the file cache
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(commands)) samples[name].push(time(args));
}
const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const baseline = median(samples['node -e 0']);
console.log(`start-up, median of ${rounds} alternating runs (node ${process.version})`);
for (const [name, list] of Object.entries(samples)) {
  const m = median(list);
  console.log(`${name.padEnd(48)} ${m.toFixed(1).padStart(7)} ms  ${(m / baseline).toFixed(2)}x node -e 0`);
}
