// Speed of the rules engine on the same synthetic pairs, from one run: json-rules-engine used the
// ordinary way (one engine, built once with the restricted path resolver, one `await engine.run()`
// per pair), the compiled `compatibilityMatrix`, `checkPair` called per pair, and a hand-written
// predicate of the same five built-in rules. Prints a table of pairs per second and the ratios the
// issue sets as targets. Medians of several repetitions; every method must count the same number
// of compatible pairs, or the run fails.
//
// Run with `npm run bench` (builds first), or after a build:
// node --expose-gc test/bench/rules-bench.mjs [--quick]   (without --expose-gc the heap is not
// collected before each method's block)
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const { builtinRules, checkPair, compatibilityMatrix, createCatalog, restrictedPathResolver } = lib;
const { Engine } = createRequire(import.meta.url)('json-rules-engine');

const quick = process.argv.includes('--quick');
const SIZES = quick ? [[100, 100]] : [[100, 100], [316, 316], [1000, 1000]];
const REPS = quick ? 3 : 7; // timed repetitions per method and size
const REPS_AT_MILLION = quick ? 3 : 5;
const ENGINE_FULL_LIMIT = 100_000; // above this many pairs the engine is timed on a sample
const ENGINE_SAMPLE = 20_000;
const DEFAULT_RESOLVER_SAMPLE = 10_000;
// Warm-up runs of the matrix and the hand-written predicate before each size's timed block: V8
// needs about a thousand matrix builds before every function of it runs optimized code.
const warmupRuns = (pairs) => Math.max(20, Math.round(10_000_000 / pairs));
const CHECK_WARMUP_RUNS = 15; // checkPair over 100×100 pairs, with a fresh catalog each time

// ---------------------------------------------------------------------------------------------
// Synthetic catalogs with the shape of real ones: mostly Linux, some Windows; most blueprints run
// anywhere (minPower 0), a few need 500 or 1000; bundles in eight sizes, dual-stack, IPv6-only and
// Windows, about a tenth of everything inactive, a few Lightsail for Research items.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIZES_OF_BUNDLES = [
  ['nano', 298, 5, 0.5],
  ['micro', 500, 7, 1],
  ['small', 1000, 12, 2],
  ['medium', 2000, 24, 4],
  ['large', 3000, 44, 8],
  ['xlarge', 4000, 84, 16],
  ['2xlarge', 5000, 164, 32],
  ['4xlarge', 6000, 384, 64],
];

function syntheticCatalogItems(blueprintCount, bundleCount, seed) {
  const random = mulberry32(seed);
  const pick = (weighted) => {
    let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of weighted) if ((r -= w) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  const blueprints = Array.from({ length: blueprintCount }, (_, i) => {
    const platform = pick([['LINUX_UNIX', 85], ['WINDOWS', 15]]);
    const lfr = platform === 'LINUX_UNIX' && random() < 0.03;
    return {
      blueprintId: `bp_${String(i).padStart(5, '0')}`,
      name: `Blueprint ${i}`,
      type: pick([['os', 40], ['app', 60]]),
      isActive: random() >= 0.08,
      minPower: pick([[0, 85], [500, 5], [1000, 10]]),
      platform,
      ...(lfr && { appCategory: 'LfR' }),
    };
  });
  const bundles = Array.from({ length: bundleCount }, (_, i) => {
    const [size, power, basePrice, ram] = SIZES_OF_BUNDLES[Math.floor(random() * SIZES_OF_BUNDLES.length)];
    const kind = pick([['dualstack', 45], ['ipv6', 30], ['windows', 22], ['lfr', 3]]);
    const price = Math.round((kind === 'windows' ? basePrice * 1.7 : kind === 'ipv6' ? basePrice * 0.9 : kind === 'lfr' ? basePrice * 3 : basePrice) * (0.8 + random() * 0.4) * 100) / 100;
    return {
      bundleId: `${size}_${kind}_${String(i).padStart(5, '0')}`,
      price,
      cpuCount: 2,
      diskSizeInGb: 20 * (1 + SIZES_OF_BUNDLES.findIndex(([s]) => s === size)),
      instanceType: size,
      isActive: random() >= 0.1,
      power,
      ramSizeInGb: ram,
      transferPerMonthInGb: 1024,
      supportedPlatforms: [kind === 'windows' ? 'WINDOWS' : 'LINUX_UNIX'],
      supportedAppCategories: kind === 'lfr' ? ['LfR'] : [],
      publicIpv4AddressCount: kind === 'ipv6' ? 0 : 1,
    };
  });
  return { blueprints, bundles };
}

/** A new catalog object over the same items: the evaluator caches per catalog, so nothing carries over. */
function freshCatalog(items) {
  return createCatalog({ source: 'file', inputs: ['bench'] }, items.blueprints, items.bundles);
}

// ---------------------------------------------------------------------------------------------
// The methods. Each returns the number of compatible pairs among those it was given.

/** The same five rules, by hand: what an engineer would write without a rules engine. */
function handWritten(blueprints, bundles) {
  let compatible = 0;
  for (let i = 0; i < blueprints.length; i++) {
    const bp = blueprints[i];
    for (let j = 0; j < bundles.length; j++) {
      const bu = bundles[j];
      if (
        bu.power >= bp.minPower &&
        bu.supportedPlatforms.includes(bp.platform) &&
        bp.isActive &&
        bu.isActive &&
        (bp.appCategory !== 'LfR' || bu.supportedAppCategories.includes('LfR'))
      ) {
        compatible++;
      }
    }
  }
  return compatible;
}

function matrixOf(catalog) {
  return compatibilityMatrix(catalog, {
    blueprintIds: catalog.blueprints.map((b) => b.blueprintId),
    bundleIds: catalog.bundles.map((b) => b.bundleId),
  }).compatibleCount;
}

function checkPairs(catalog) {
  let compatible = 0;
  const { blueprints, bundles } = catalog;
  for (let i = 0; i < blueprints.length; i++) {
    const blueprintId = blueprints[i].blueprintId;
    for (let j = 0; j < bundles.length; j++) if (checkPair(catalog, blueprintId, bundles[j].bundleId).compatible) compatible++;
  }
  return compatible;
}

function newEngine(restricted) {
  const rules = builtinRules().map((r) => structuredClone(r.json));
  return new Engine(rules, restricted ? { pathResolver: restrictedPathResolver } : {});
}

/** One `await engine.run()` per pair, in sequence (runs must not overlap on one engine). */
async function engineRuns(engine, pairs) {
  let compatible = 0;
  for (const [bp, bu] of pairs) {
    const { results } = await engine.run({ blueprint: bp, bundle: bu });
    if (!results.some((r) => r.event.params.severity === 'error')) compatible++;
  }
  return compatible;
}

function allPairs(items) {
  const pairs = [];
  for (const bp of items.blueprints) for (const bu of items.bundles) pairs.push([bp, bu]);
  return pairs;
}

function samplePairs(items, count, seed) {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => [
    items.blueprints[Math.floor(random() * items.blueprints.length)],
    items.bundles[Math.floor(random() * items.bundles.length)],
  ]);
}

// ---------------------------------------------------------------------------------------------

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];


const warmupItems = syntheticCatalogItems(100, 100, 7);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const rows = [];
const coldMatrix = []; // the first compatibilityMatrix call at each size, before any warm-up
const summaries = [];

for (const [blueprintCount, bundleCount] of SIZES) {
  const pairs = blueprintCount * bundleCount;
  const items = syntheticCatalogItems(blueprintCount, bundleCount, 20261127 + pairs);
  const reference = handWritten(items.blueprints, items.bundles);
  const check = (name, count, scale = 1) => {
    if (scale === 1 && count !== reference) throw new Error(`${name} counted ${count} compatible pairs, the hand-written predicate ${reference}`);
  };

  // Each method is timed in a block of its own: warmed up on its own inputs first (so that what
  // is timed is the optimized code a long-running process runs, for every method alike), on a
  // collected heap (the engine leaves a lot of garbage), and the sub-millisecond ones `batch`
  // times in a row per repetition (each matrix on its own fresh catalog, made before the clock
  // starts), a repetition's time being the batch's time divided by its size. Interleaving the
  // methods instead measures mostly V8 recompiling the short ones after each engine run.
  const batch = Math.max(1, Math.round(200_000 / pairs));
  const reps = pairs >= 1_000_000 ? REPS_AT_MILLION : REPS;
  const block = async (warmups, run, times) => {
    for (let w = 0; w < warmups; w++) await run(w % times, w);
    globalThis.gc?.();
    const list = [];
    let result;
    for (let r = 0; r < reps; r++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < times; i++) result = await run(i, r);
      list.push(Number(process.hrtime.bigint() - start) / 1e6 / times);
    }
    return { list, result };
  };
  const times = {};

  const handBlock = await block(warmupRuns(pairs), () => handWritten(items.blueprints, items.bundles), batch);
  check('hand-written', handBlock.result);
  times.hand = handBlock.list;

  const catalogsForMatrix = Array.from({ length: batch * reps }, () => freshCatalog(items));
  const coldStart = process.hrtime.bigint();
  matrixOf(freshCatalog(items));
  coldMatrix.push(`${fmt(pairs)}: ${(Number(process.hrtime.bigint() - coldStart) / 1e6).toFixed(2)} ms`);
  for (let w = 1; w < warmupRuns(pairs); w++) matrixOf(freshCatalog(items));
  const matrixBlock = await block(0, (i, r) => matrixOf(catalogsForMatrix[r * batch + i]), batch);
  check('compatibilityMatrix', matrixBlock.result);
  times.matrix = matrixBlock.list;

  for (let w = 0; w < CHECK_WARMUP_RUNS; w++) checkPairs(freshCatalog(warmupItems));
  const catalogsForCheck = Array.from({ length: reps }, () => freshCatalog(items));
  const checkBlock = await block(0, (_, r) => checkPairs(catalogsForCheck[r]), 1);
  check('checkPair', checkBlock.result);
  times.perPair = checkBlock.list;

  // json-rules-engine: every pair when there are few enough, else a fixed random sample.
  const engine = newEngine(true);
  const sampled = pairs > ENGINE_FULL_LIMIT;
  const enginePairs = sampled ? samplePairs(items, ENGINE_SAMPLE, pairs) : allPairs(items);
  await engineRuns(engine, enginePairs.slice(0, 2000));
  const jreBlock = await block(0, () => engineRuns(engine, enginePairs), 1);
  if (!sampled) check('json-rules-engine', jreBlock.result);
  times.jre = jreBlock.list;

  const defaultEngine = newEngine(false);
  const defaultPairs = samplePairs(items, Math.min(DEFAULT_RESOLVER_SAMPLE, pairs), pairs + 1);
  await engineRuns(defaultEngine, defaultPairs.slice(0, 2000));
  times.jreDefault = (await block(0, () => engineRuns(defaultEngine, defaultPairs), 1)).list;

  const hand = { ms: median(times.hand) };
  const matrix = { ms: median(times.matrix) };
  const perPair = { ms: median(times.perPair) };
  const jrePerSecond = (enginePairs.length / median(times.jre)) * 1000;
  const jre = { ms: median(times.jre) };
  const jreDefaultPerSecond = (defaultPairs.length / median(times.jreDefault)) * 1000;

  const perSecond = (ms) => (pairs / ms) * 1000;
  const label = `${fmt(pairs)} (${blueprintCount}×${bundleCount})`;
  rows.push(
    [label, 'json-rules-engine, restricted pathResolver', sampled ? `${fmt((pairs / jrePerSecond) * 1000)}*` : jre.ms.toFixed(1), fmt(jrePerSecond)],
    [label, 'json-rules-engine, default jsonpath-plus (ref.)', `${fmt((pairs / jreDefaultPerSecond) * 1000)}*`, fmt(jreDefaultPerSecond)],
    [label, 'compatibilityMatrix', matrix.ms.toFixed(2), fmt(perSecond(matrix.ms))],
    [label, 'checkPair per pair', perPair.ms.toFixed(1), fmt(perSecond(perPair.ms))],
    [label, 'hand-written predicate', hand.ms.toFixed(2), fmt(perSecond(hand.ms))],
  );
  const matrixVsJre = perSecond(matrix.ms) / jrePerSecond;
  const matrixVsHand = matrix.ms / hand.ms;
  const checkVsJre = perSecond(perPair.ms) / jrePerSecond;
  summaries.push({
    label,
    compatible: reference,
    line:
      `matrix/jre ${matrixVsJre.toFixed(0)}× (target ≥300×: ${matrixVsJre >= 300 ? 'met' : 'MISSED'}), ` +
      `matrix time / hand-written time ${matrixVsHand.toFixed(2)} (target ≤3: ${matrixVsHand <= 3 ? 'met' : 'MISSED'}), ` +
      `checkPair/jre ${checkVsJre.toFixed(0)}× (target ≥50×: ${checkVsJre >= 50 ? 'met' : 'MISSED'})`,
  });
}

const header = ['pairs', 'method', 'median ms', 'pairs/s'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
console.log(`rules engine benchmark: node ${process.version}, ${process.arch}, ${os.cpus().length} CPUs (load average ${os.loadavg()[0].toFixed(1)} at the end); medians of ${REPS} repetitions (${REPS_AT_MILLION} at 10^6) per method, each method timed in a block of its own after a warm-up`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i >= 2 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  `* extrapolated from a timed sample (${fmt(ENGINE_SAMPLE)} pairs for json-rules-engine above ${fmt(ENGINE_FULL_LIMIT)} pairs; ` +
    `${fmt(DEFAULT_RESOLVER_SAMPLE)} pairs for the default resolver), as pairs / (sample pairs per second)`,
);
console.log(`first compatibilityMatrix call at each size, before its warm-up (the first one also loads and compiles the rules): ${coldMatrix.join(', ')}`);
for (const s of summaries) console.log(`${s.label}: ${s.compatible.toLocaleString('en-US')} compatible; ${s.line}`);
