// Scale of `recommend` on large synthetic catalogs, against a naive nested loop over the same
// files. Generates a catalog file (default 10^4 blueprints × 10^4 bundles, seeded, realistic
// shapes: a few platforms, a few dozen distinct power values, prices that grow with size) into a
// temporary folder, then times each scenario as its own process, `lightsail-compat recommend` and
// the naive loop alternately: wall time (median of the runs) and peak resident memory (from
// /usr/bin/time -v when there is one, else the process's own maxRSS). Every naive answer must
// equal ours, or the run fails.
//
// The naive loop is what one writes without the planning code: for each of the N×M pairs, the
// evaluator's per-pair check (`isCompatibleAt`, the cheapest correct per-pair test there is) and
// the criteria; qualifying pairs go into an array (packed as numbers, to be generous) that is
// then sorted and cut, or reduced to one per blueprint.
//
// Run with `npm run bench:recommend` (builds first), or after a build:
//   node test/bench/recommend-scale.mjs [blueprints] [bundles] [runs]
//   node test/bench/recommend-scale.mjs --generate FILE [blueprints] [bundles]   (the catalog only)
// (about 4 minutes at the default size on two cores, most of it in the naive loop)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// LSC_BENCH_ROOT points at a copy of the package (dist, rules, package.json, node_modules) when
// the working tree's dist/ may be rebuilt during a long run.
const root = process.env.LSC_BENCH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'cli', 'bin.js');
const self = fileURLToPath(import.meta.url);

// Scenarios: our command line, and the same question for the naive loop.
const SCENARIOS = [
  { name: 'cheapest per blueprint, all', args: ['--cheapest-per-blueprint', '--all'], naive: { mode: 'cheapest', limit: Infinity } },
  { name: 'first 20 by price', args: ['--limit', '20'], naive: { mode: 'top', limit: 20 } },
  {
    name: 'first 20 by RAM desc, 2+ vCPU, <= $200',
    args: ['--limit', '20', '--sort', 'ram', '--desc', '--min-cpu', '2', '--max-price', '200'],
    naive: { mode: 'top', limit: 20, sort: 'ram', descending: true, minCpu: 2, maxPrice: 200 },
  },
];

if (process.argv[2] === '--naive') {
  await naive(process.argv[3], JSON.parse(process.argv[4]));
} else if (process.argv[2] === '--generate') {
  // Writes the synthetic catalog only, to try it by hand: --generate FILE [blueprints] [bundles]
  writeFileSync(process.argv[3], JSON.stringify(syntheticCatalog(Number(process.argv[4] ?? 10_000), Number(process.argv[5] ?? 10_000), 20261127)));
} else if (process.argv[2] === '--core') {
  await core(process.argv[3]);
} else if (process.argv[2] === '--load-only') {
  await loadOnly(process.argv[3]);
} else {
  await main();
}

async function main() {
  const blueprints = Number(process.argv[2] ?? 10_000);
  const bundles = Number(process.argv[3] ?? 10_000);
  const runs = Number(process.argv[4] ?? 3);
  if (!existsSync(bin)) throw new Error('build first: npm run build');
  const work = mkdtempSync(join(tmpdir(), 'lsc-recommend-bench-'));
  try {
    const file = join(work, 'catalog.json');
    writeFileSync(file, JSON.stringify(syntheticCatalog(blueprints, bundles, 20261127)));
    const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    console.log(
      `recommend at ${blueprints} blueprints × ${bundles} bundles (${(blueprints * bundles).toExponential(1)} pairs), ` +
        `catalog file ${(statSync(file).size / 1e6).toFixed(1)} MB; node ${process.version}; median of ${runs} runs; ` +
        `peak RSS from ${timeTool ? '/usr/bin/time -v' : 'process.resourceUsage()'}`,
    );
    const rows = [];
    const load = measure(timeTool, [self, '--load-only', file], runs);
    rows.push(['load catalog + build evaluator only', load, undefined]);
    for (const scenario of SCENARIOS) {
      const oursArgs = [bin, 'recommend', '--catalog', file, '--format', 'json', ...scenario.args];
      const naiveArgs = [self, '--naive', file, JSON.stringify(scenario.naive)];
      const ours = measure(timeTool, oursArgs, runs);
      const theirs = measure(timeTool, naiveArgs, runs);
      const ourIds = JSON.parse(ours.stdout).map((p) => `${p.blueprintId}/${p.bundleId}`);
      const naiveIds = JSON.parse(theirs.stdout);
      if (JSON.stringify(ourIds) !== JSON.stringify(naiveIds)) {
        throw new Error(`${scenario.name}: the naive loop and recommend disagree (${naiveIds.length} vs ${ourIds.length} results)`);
      }
      rows.push([`recommend: ${scenario.name} (${ourIds.length} results)`, ours, undefined]);
      rows.push([`naive loop: ${scenario.name}`, theirs, ours]);
    }
    printTable(rows);
    const inside = spawnSync(process.execPath, [self, '--core', file], { encoding: 'utf8' });
    if (inside.status !== 0) throw new Error(`--core exited ${inside.status}: ${inside.stderr}`);
    console.log('\nInside one process, catalog already loaded (median of 5 calls after one warm-up):');
    console.log(inside.stdout.trimEnd());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a node script `runs` times (after one warm-up); median wall time and the largest peak RSS. */
function measure(timeTool, args, runs) {
  const times = [];
  let peakKb = 0;
  let stdout = '';
  for (let i = 0; i <= runs; i++) {
    const command = timeTool ? timeTool : process.execPath;
    const commandArgs = timeTool ? ['-v', process.execPath, ...args] : [...args];
    const start = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, LSC_BENCH_REPORT_RSS: timeTool ? '' : '1' },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
    if (i === 0) continue; // warm-up: file cache, code cache
    times.push(ms);
    stdout = result.stdout;
    const kb = timeTool ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]) : Number(/^maxRSS (\d+)$/m.exec(result.stderr)?.[1]);
    peakKb = Math.max(peakKb, kb);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], peakMb: peakKb / 1024, stdout };
}

function printTable(rows) {
  const header = ['scenario', 'wall ms', 'peak RSS MB', 'vs recommend'];
  const lines = rows.map(([name, m, ours]) => [
    name,
    m.ms.toFixed(0),
    m.peakMb.toFixed(0),
    ours ? `${(m.ms / ours.ms).toFixed(1)}× time, ${(m.peakMb / ours.peakMb).toFixed(1)}× memory` : '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const format = (cells) => cells.map((cell, c) => (c === 0 || c === 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

// ---------------------------------------------------------------------------------------------
// Synthetic catalogs. A seeded generator, so every run measures the same file.

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticCatalog(blueprintCount, bundleCount, seed) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  // About thirty distinct power levels, as several generations and regions merged would have.
  const POWERS = Array.from({ length: 30 }, (_, i) => 250 + i * 200);
  const MIN_POWERS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 298, 500, 500, 1000, 1000, 1650, 2000, 3050, 4250];
  const blueprints = [];
  for (let i = 0; i < blueprintCount; i++) {
    const roll = next();
    const platform = roll < 0.85 ? 'LINUX_UNIX' : roll < 0.99 ? 'WINDOWS' : 'MACOS';
    const blueprint = {
      blueprintId: `bp_${String(i).padStart(6, '0')}`,
      name: `Blueprint ${i}`,
      type: next() < 0.4 ? 'os' : 'app',
      isActive: next() < 0.93,
      minPower: pick(MIN_POWERS),
      platform,
    };
    if (next() < 0.01) blueprint.appCategory = 'LfR';
    blueprints.push(blueprint);
  }
  const bundles = [];
  for (let i = 0; i < bundleCount; i++) {
    const level = Math.floor(next() * POWERS.length);
    const power = POWERS[level];
    const roll = next();
    const supportedPlatforms = roll < 0.7 ? ['LINUX_UNIX'] : roll < 0.95 ? ['WINDOWS'] : ['LINUX_UNIX', 'WINDOWS'];
    const ipv6Only = supportedPlatforms[0] === 'LINUX_UNIX' && next() < 0.3;
    const ram = 2 ** Math.floor(level / 4 - 1);
    const basePrice = 3.5 + level * level * 0.45;
    const price = Math.round((basePrice * (supportedPlatforms.includes('WINDOWS') ? 1.8 : 1) * (ipv6Only ? 0.85 : 1) + next() * 4) * 2) / 2;
    bundles.push({
      bundleId: `bu_${String(i).padStart(6, '0')}`,
      name: `Bundle ${i}`,
      price,
      cpuCount: 2 ** Math.min(4, Math.floor(level / 6)),
      diskSizeInGb: 20 * (level + 1),
      isActive: next() < 0.9,
      power,
      ramSizeInGb: ram,
      transferPerMonthInGb: 1024 * (1 + Math.floor(level / 3)),
      supportedPlatforms,
      supportedAppCategories: next() < 0.02 ? ['LfR'] : [],
      publicIpv4AddressCount: ipv6Only ? 0 : 1,
    });
  }
  return { kind: 'lightsail-compat/catalog', formatVersion: 1, source: 'file', region: 'bench-1', asOf: '2026-11-27', blueprints, bundles };
}

// ---------------------------------------------------------------------------------------------
// The processes being timed (besides the CLI itself).

async function loadLibrary() {
  return import(pathToFileURL(join(root, 'dist', 'index.js')).href);
}

async function loadCatalogFile(lib, file) {
  const { catalog, diagnostics } = lib.loadCatalog(lib.catalogText(readFileSync(file, 'utf8'), file));
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error('the synthetic catalog does not load');
  return catalog;
}

function reportRss() {
  if (process.env.LSC_BENCH_REPORT_RSS === '1') process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
}

/** The fixed cost both sides pay: reading, validating and indexing the catalog, binding the rules. */
async function loadOnly(file) {
  const lib = await loadLibrary();
  const catalog = await loadCatalogFile(lib, file);
  lib.createEvaluator(catalog);
  process.stdout.write('[]\n');
  reportRss();
}

/** recommendPairings alone, in process: what the core costs once the catalog is loaded. */
async function core(file) {
  const lib = await loadLibrary();
  let start = performance.now();
  const catalog = await loadCatalogFile(lib, file);
  const loadMs = performance.now() - start;
  start = performance.now();
  lib.evaluatorFor(catalog);
  const lines = [`  ${'load and validate the catalog file'.padEnd(50)}${loadMs.toFixed(0).padStart(6)} ms`, `  ${'bind the rules (evaluatorFor)'.padEnd(50)}${(performance.now() - start).toFixed(0).padStart(6)} ms`];
  const questions = [
    ['recommendPairings, cheapest per blueprint', {}, { cheapestPerBlueprint: true }],
    ['recommendPairings, first 20 by price', {}, { limit: 20 }],
    ['recommendPairings, first 20 by RAM desc, filtered', { minCpuCount: 2, maxPrice: 200 }, { limit: 20, sort: 'ram', descending: true }],
    ['recommendPairings, nothing matches (explained)', { maxPrice: 1 }, { limit: 20 }],
  ];
  for (const [name, criteria, options] of questions) {
    lib.recommendPairings(catalog, criteria, options);
    const times = [];
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      lib.recommendPairings(catalog, criteria, options);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(`  ${name.padEnd(50)}${times[2].toFixed(0).padStart(6)} ms`);
  }
  lines.push(`  ${'peak RSS of this process'.padEnd(50)}${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(6)} MB`);
  console.log(lines.join('\n'));
}

/** The nested loop: every pair checked, qualifying pairs collected, then sorted and cut. */
async function naive(file, question) {
  const lib = await loadLibrary();
  const catalog = await loadCatalogFile(lib, file);
  const evaluator = lib.createEvaluator(catalog);
  const { blueprints, bundles } = catalog;
  const n = blueprints.length;
  const key = (bu) => (question.sort === 'ram' ? bu.ramSizeInGb : bu.price);
  const meets = (bu) => (question.minCpu === undefined || bu.cpuCount >= question.minCpu) && (question.maxPrice === undefined || bu.price <= question.maxPrice);
  const byOrder = (ua, ub) => {
    const a = key(bundles[ua]);
    const b = key(bundles[ub]);
    if (a !== b) return (a < b ? -1 : 1) * (question.descending ? -1 : 1);
    return ua - ub; // catalog order is bundle id order
  };
  let out;
  if (question.mode === 'cheapest') {
    const best = new Int32Array(n).fill(-1);
    for (let bi = 0; bi < n; bi++) {
      for (let ui = 0; ui < bundles.length; ui++) {
        if (!meets(bundles[ui]) || !evaluator.isCompatibleAt(bi, ui)) continue;
        const b = best[bi];
        if (b < 0 || bundles[ui].price < bundles[b].price || (bundles[ui].price === bundles[b].price && ui < b)) best[bi] = ui;
      }
    }
    const chosen = [];
    for (let bi = 0; bi < n; bi++) if (best[bi] >= 0) chosen.push([bi, best[bi]]);
    chosen.sort(([ba, ua], [bb, ub]) => byOrder(ua, ub) || ba - bb);
    out = chosen.slice(0, question.limit ?? Infinity);
  } else {
    // Every qualifying pair, packed as ui * n + bi in a growing Float64Array.
    let pairs = new Float64Array(1 << 20);
    let count = 0;
    for (let bi = 0; bi < n; bi++) {
      for (let ui = 0; ui < bundles.length; ui++) {
        if (!meets(bundles[ui]) || !evaluator.isCompatibleAt(bi, ui)) continue;
        if (count === pairs.length) {
          const grown = new Float64Array(pairs.length * 2);
          grown.set(pairs);
          pairs = grown;
        }
        pairs[count++] = ui * n + bi;
      }
    }
    const all = pairs.subarray(0, count);
    // Sort by the bundle's key, then bundle id, then blueprint id.
    const ranked = Array.from({ length: bundles.length }, (_, ui) => ui).sort(byOrder);
    const rank = new Float64Array(bundles.length);
    ranked.forEach((ui, r) => (rank[ui] = r));
    for (let i = 0; i < count; i++) {
      const bi = all[i] % n;
      all[i] = rank[(all[i] - bi) / n] * n + bi;
    }
    all.sort();
    out = Array.from(all.subarray(0, Math.min(count, question.limit)), (v) => {
      const bi = v % n;
      return [bi, ranked[(v - bi) / n]];
    });
  }
  process.stdout.write(JSON.stringify(out.map(([bi, ui]) => `${blueprints[bi].blueprintId}/${bundles[ui].bundleId}`)) + '\n');
  reportRss();
}
