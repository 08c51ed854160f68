/**
 * Recommending pairings: every compatible blueprint and bundle that meets a set of hard criteria,
 * in a stable order, optionally cut to the first N or to each blueprint's cheapest bundle.
 *
 * How it stays small on 10^4 blueprints × 10^4 bundles without building the pairs:
 * - every criterion reads one side only, so bundles are filtered once and sorted once by the sort
 *   key; since every sort key is a bundle value and ties go to the bundle id and then the
 *   blueprint id, a pairing's place in the output is (its bundle's rank, its blueprint's index);
 * - blueprints are visited one at a time with the evaluator's row of compatible bundles, a bit set
 *   shared by every blueprint of the same platform and power partition; what a row yields (its
 *   first few ranks, its cheapest bundle, its count) is worked out once per row;
 * - a bounded heap keeps the first N pairings, and a blueprint stops contributing as soon as its
 *   next pairing would not make the cut.
 * Memory is O(blueprints + bundles + limit), never O(blueprints × bundles).
 *
 * @module
 */
import { compareIds } from '../catalog/catalog.js';
import { isIpv6Only, type Blueprint, type BlueprintType, type Bundle, type Catalog, type Platform } from '../catalog/model.js';
import { count, has, wordCount, type BitSet } from '../rules/bitset.js';
import { evaluatorFor, type Evaluator, type RuleOptions } from '../rules/evaluator.js';
import { SmallestK } from './smallest-k.js';

/** What recommendations can be sorted by. Every key is a bundle value. */
export const RECOMMEND_SORT_KEYS = ['price', 'ram', 'cpu', 'disk', 'power', 'price-per-gb'] as const;

/** A sort key: `price`, `ram`, `cpu`, `disk`, `power` or `price-per-gb` (price / RAM in GB). */
export type RecommendSortKey = (typeof RECOMMEND_SORT_KEYS)[number];

/** A bundle's network kind: IPv6-only (no public IPv4 address) or dual-stack. */
export type NetworkKind = 'ipv6-only' | 'dual-stack';

/**
 * Hard filters on pairings. Each reads one side: the blueprint (`blueprintIds`, `platform`,
 * `type`) or the bundle (the rest). Every criterion left out matches everything.
 */
export interface RecommendCriteria {
  /** Only these blueprints. Ids not in the catalog match nothing and are reported. */
  readonly blueprintIds?: readonly string[];
  /** Only blueprints of this platform (the rules then decide which bundles run them). */
  readonly platform?: Platform;
  /** Only blueprints of this type (`os` or `app`). */
  readonly type?: BlueprintType;
  /** At least this many vCPUs. */
  readonly minCpuCount?: number;
  /** At least this much RAM, in GB. */
  readonly minRamSizeInGb?: number;
  /** At least this much disk, in GB. */
  readonly minDiskSizeInGb?: number;
  /** At least this much monthly transfer, in GB. */
  readonly minTransferPerMonthInGb?: number;
  /** At most this monthly price, in USD. */
  readonly maxPrice?: number;
  /** Only IPv6-only bundles, or only dual-stack ones. */
  readonly network?: NetworkKind;
  /**
   * Only bundles at least as large as this one: as many vCPUs or more and as much RAM or more.
   * The bundle itself qualifies. It says nothing about the network kind: add `network` to keep
   * (or drop) the public IPv4 address. Implying the bundle's own kind unless `network` is given
   * would make dropping `network` narrow the results, breaking the law that loosening a
   * criterion never removes one. An id not in the catalog matches nothing and is reported.
   */
  readonly likeBundleId?: string;
}

/** The name of one criterion, as in {@link RecommendCriteria}. */
export type CriterionName = keyof RecommendCriteria;

/** How to order and cut recommendations, and which rules decide compatibility. */
export interface RecommendOptions extends RuleOptions {
  /** Sort key (default `price`). Ties go to the bundle id, then the blueprint id, both ascending. */
  readonly sort?: RecommendSortKey;
  /** Sort by the key in descending order (ties still ascending by id). */
  readonly descending?: boolean;
  /** At most this many results (default: all of them). */
  readonly limit?: number;
  /** One result per blueprint: its cheapest qualifying bundle (price, then bundle id). */
  readonly cheapestPerBlueprint?: boolean;
}

/** One recommended pairing, with what a person choosing a plan compares. */
export interface Pairing {
  /** The blueprint. */
  readonly blueprintId: string;
  /** The bundle. */
  readonly bundleId: string;
  /** The bundle's monthly price in USD. */
  readonly price: number;
  /** The bundle's vCPUs. */
  readonly cpuCount: number;
  /** The bundle's RAM in GB. */
  readonly ramSizeInGb: number;
  /** The bundle's disk in GB. */
  readonly diskSizeInGb: number;
  /** The bundle's monthly transfer allowance in GB. */
  readonly transferPerMonthInGb: number;
  /** The bundle's power. */
  readonly power: number;
  /** The blueprint's platform. */
  readonly platform: Platform;
  /** Whether the bundle is IPv6-only. */
  readonly ipv6Only: boolean;
}

/** How many compatible pairings one criterion excludes on its own. */
export interface CriterionExclusion {
  /** The criterion. */
  readonly criterion: CriterionName;
  /** Compatible pairings it excludes when it is the only criterion. */
  readonly excluded: number;
}

/** The answer of {@link recommendPairings}. */
export interface RecommendResult {
  /** The results, in order, at most `limit` of them. */
  readonly pairings: readonly Pairing[];
  /**
   * How many results there are before the limit: pairings, or with `cheapestPerBlueprint`,
   * blueprints that have a qualifying bundle.
   */
  readonly matched: number;
  /** Whether the limit cut the list (`matched > pairings.length`). */
  readonly truncated: boolean;
  /** `blueprintIds` not in the catalog, in the order given. */
  readonly unknownBlueprintIds: readonly string[];
  /** `likeBundleId` when it is not in the catalog. */
  readonly unknownLikeBundleId?: string;
  /**
   * Only when nothing matches: why. `compatibleCount` is the number of compatible pairings with
   * no criteria, and `exclusions` how many of them each criterion excludes on its own, the most
   * first (ties in criterion order).
   */
  readonly emptyBecause?: {
    /** Compatible pairings in the catalog, with no criteria. */
    readonly compatibleCount: number;
    /** Per criterion given, how many of those it excludes on its own; the most first. */
    readonly exclusions: readonly CriterionExclusion[];
  };
}

/** The criteria in the order they are reported. */
const CRITERION_ORDER: readonly CriterionName[] = [
  'blueprintIds',
  'platform',
  'type',
  'minCpuCount',
  'minRamSizeInGb',
  'minDiskSizeInGb',
  'minTransferPerMonthInGb',
  'maxPrice',
  'network',
  'likeBundleId',
];

/** How many rows' derived facts are remembered; a row is a bit set over every bundle. */
const ROW_MEMO_LIMIT = 256;

/**
 * Every compatible pairing that meets `criteria`, under the rules `options` put in force, sorted
 * and cut as `options` say. Pure and deterministic: the same catalog, criteria and options give
 * the same list.
 *
 * @example
 * ```ts
 * const { pairings } = recommendPairings(catalog, { blueprintIds: ['wordpress'], minRamSizeInGb: 2 }, { limit: 3 });
 * pairings.map((p) => p.bundleId); // ['small_ipv6_3_0', 'small_3_0', 'medium_ipv6_3_0']
 * ```
 */
export function recommendPairings(catalog: Catalog, criteria: RecommendCriteria = {}, options: RecommendOptions = {}): RecommendResult {
  const evaluator = evaluatorFor(catalog, ruleOptionsOf(options));
  const blueprints = catalog.blueprints;
  const bundles = catalog.bundles;
  const unknownBlueprintIds = (criteria.blueprintIds ?? []).filter((id) => catalog.getBlueprint(id) === undefined);
  const likeBundle = criteria.likeBundleId === undefined ? undefined : catalog.getBundle(criteria.likeBundleId);
  const unknownLike = criteria.likeBundleId !== undefined && likeBundle === undefined ? criteria.likeBundleId : undefined;

  const blueprintTest = allOf(blueprintTests(criteria).map((t) => t.test));
  const bundleTest = allOf(bundleTests(criteria, likeBundle).map((t) => t.test));
  const eligible = new Uint32Array(wordCount(bundles.length));
  const candidates: number[] = [];
  bundles.forEach((bundle, ui) => {
    if (bundleTest(bundle)) {
      eligible[ui >>> 5]! |= 1 << (ui & 31);
      candidates.push(ui);
    }
  });
  const sortKey = options.sort ?? 'price';
  const descending = options.descending === true;
  const order = sortBundleIndexes(bundles, candidates, sortKey, descending);
  const rank = new Int32Array(bundles.length).fill(-1);
  order.forEach((ui, position) => (rank[ui] = position));
  // The cheapest bundle per blueprint is by price whatever the output order.
  const byPrice = sortKey === 'price' && !descending ? order : sortBundleIndexes(bundles, candidates, 'price', false);

  const rows = new RowMemo();
  const blueprintCount = blueprints.length;
  const limit = options.limit === undefined ? Infinity : Math.max(0, Math.floor(options.limit));
  const kept = Number.isFinite(limit) ? new SmallestK(limit) : undefined;
  const everything: number[] = [];
  /** Output position of a pairing: bundle rank first, then blueprint index (id order). */
  const place = (ui: number, bi: number) => rank[ui]! * blueprintCount + bi;
  let matched = 0;

  for (let bi = 0; bi < blueprintCount; bi++) {
    if (!blueprintTest(blueprints[bi]!)) continue;
    const row = evaluator.compatibleBundles(bi);
    const facts = rows.get(row);
    if (options.cheapestPerBlueprint === true) {
      facts.cheapest ??= firstInRow(row, byPrice);
      if (facts.cheapest < 0) continue;
      matched++;
      const at = place(facts.cheapest, bi);
      if (kept) kept.push(at);
      else everything.push(at);
      continue;
    }
    facts.matched ??= countBoth(row, eligible);
    matched += facts.matched;
    if (facts.matched === 0) continue;
    facts.first ??= firstRanks(row, order, limit);
    for (const position of facts.first) {
      const at = position * blueprintCount + bi;
      if (!kept) everything.push(at);
      else if (kept.accepts(at)) kept.push(at);
      else break; // this blueprint's later pairings come after `at`, so none of them is kept either
    }
  }

  const places = kept ? kept.sorted() : everything.sort((a, b) => a - b);
  const pairings = places.map((at) => {
    const bi = at % blueprintCount;
    return toPairing(blueprints[bi]!, bundles[order[(at - bi) / blueprintCount]!]!);
  });
  return {
    pairings,
    matched,
    truncated: matched > pairings.length,
    unknownBlueprintIds,
    ...(unknownLike !== undefined && { unknownLikeBundleId: unknownLike }),
    ...(pairings.length === 0 && matched === 0 && { emptyBecause: explainEmpty(catalog, evaluator, criteria, likeBundle) }),
  };
}

/** The bundle of `order` that comes first in `row`, or -1. */
function firstInRow(row: BitSet, order: Int32Array): number {
  for (const ui of order) if (has(row, ui)) return ui;
  return -1;
}

/** The first `limit` positions of `order` whose bundle is in `row`. */
function firstRanks(row: BitSet, order: Int32Array, limit: number): Int32Array {
  const found: number[] = [];
  for (let position = 0; position < order.length && found.length < limit; position++) {
    if (has(row, order[position]!)) found.push(position);
  }
  return Int32Array.from(found);
}

/** Number of bundles in both sets. */
function countBoth(a: BitSet, b: BitSet): number {
  const both = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) both[w] = a[w]! & b[w]!;
  return count(both);
}

/** What a row of compatible bundles yields, worked out once per row. */
interface RowFacts {
  matched?: number;
  first?: Int32Array;
  cheapest?: number;
}

/**
 * Facts per row, keyed by the row's identity: the evaluator hands every blueprint of a partition
 * the same bit set, so a catalog with a few dozen partitions does each job a few dozen times.
 * Bounded, so that a rule that gives every blueprint its own row costs time, not memory.
 */
class RowMemo {
  private readonly facts = new Map<BitSet, RowFacts>();

  get(row: BitSet): RowFacts {
    let found = this.facts.get(row);
    if (!found) {
      if (this.facts.size >= ROW_MEMO_LIMIT) this.facts.delete(this.facts.keys().next().value!);
      found = {};
      this.facts.set(row, found);
    }
    return found;
  }
}

/** The rule options in `options`, without the recommendation's own. */
function ruleOptionsOf(options: RecommendOptions): RuleOptions {
  return {
    ...(options.rules !== undefined && { rules: options.rules }),
    ...(options.severity !== undefined && { severity: options.severity }),
    ...(options.includeInactive !== undefined && { includeInactive: options.includeInactive }),
  };
}

interface CriterionTest<T> {
  readonly criterion: CriterionName;
  readonly test: (item: T) => boolean;
}

/** One test per blueprint criterion given. */
function blueprintTests(criteria: RecommendCriteria): CriterionTest<Blueprint>[] {
  const tests: CriterionTest<Blueprint>[] = [];
  if (criteria.blueprintIds !== undefined) {
    const wanted = new Set(criteria.blueprintIds);
    tests.push({ criterion: 'blueprintIds', test: (b) => wanted.has(b.blueprintId) });
  }
  const { platform, type } = criteria;
  if (platform !== undefined) tests.push({ criterion: 'platform', test: (b) => b.platform === platform });
  if (type !== undefined) tests.push({ criterion: 'type', test: (b) => b.type === type });
  return tests;
}

/** One test per bundle criterion given. */
function bundleTests(criteria: RecommendCriteria, likeBundle: Bundle | undefined): CriterionTest<Bundle>[] {
  const tests: CriterionTest<Bundle>[] = [];
  const { minCpuCount, minRamSizeInGb, minDiskSizeInGb, minTransferPerMonthInGb, maxPrice, network } = criteria;
  if (minCpuCount !== undefined) tests.push({ criterion: 'minCpuCount', test: (b) => b.cpuCount >= minCpuCount });
  if (minRamSizeInGb !== undefined) tests.push({ criterion: 'minRamSizeInGb', test: (b) => b.ramSizeInGb >= minRamSizeInGb });
  if (minDiskSizeInGb !== undefined) tests.push({ criterion: 'minDiskSizeInGb', test: (b) => b.diskSizeInGb >= minDiskSizeInGb });
  if (minTransferPerMonthInGb !== undefined) {
    tests.push({ criterion: 'minTransferPerMonthInGb', test: (b) => b.transferPerMonthInGb >= minTransferPerMonthInGb });
  }
  if (maxPrice !== undefined) tests.push({ criterion: 'maxPrice', test: (b) => b.price <= maxPrice });
  if (network !== undefined) tests.push({ criterion: 'network', test: (b) => isIpv6Only(b) === (network === 'ipv6-only') });
  if (criteria.likeBundleId !== undefined) {
    const like = likeBundle;
    tests.push({
      criterion: 'likeBundleId',
      test: like ? (b) => b.cpuCount >= like.cpuCount && b.ramSizeInGb >= like.ramSizeInGb : () => false,
    });
  }
  return tests;
}

function allOf<T>(tests: readonly ((item: T) => boolean)[]): (item: T) => boolean {
  return (item) => tests.every((test) => test(item));
}

/**
 * A bundle's sort value. `price-per-gb` of a bundle without RAM has no meaningful value: it is
 * NaN, which {@link compareBundles} puts last in both directions.
 */
export function sortValue(bundle: Bundle, key: RecommendSortKey): number {
  switch (key) {
    case 'price':
      return bundle.price;
    case 'ram':
      return bundle.ramSizeInGb;
    case 'cpu':
      return bundle.cpuCount;
    case 'disk':
      return bundle.diskSizeInGb;
    case 'power':
      return bundle.power;
    case 'price-per-gb':
      return bundle.ramSizeInGb > 0 ? bundle.price / bundle.ramSizeInGb : NaN;
  }
}

/**
 * Compares two bundles in output order: by the key (ascending, or descending), values without
 * meaning last, then by bundle id ascending. A total order, so sorting is deterministic.
 */
export function compareBundles(a: Bundle, b: Bundle, key: RecommendSortKey, descending = false): number {
  const va = sortValue(a, key);
  const vb = sortValue(b, key);
  const aMissing = Number.isNaN(va);
  const bMissing = Number.isNaN(vb);
  if (aMissing !== bMissing) return aMissing ? 1 : -1;
  if (!aMissing && va !== vb) return (va < vb ? -1 : 1) * (descending ? -1 : 1);
  return compareIds(a.bundleId, b.bundleId);
}

function sortBundleIndexes(bundles: readonly Bundle[], indexes: readonly number[], key: RecommendSortKey, descending: boolean): Int32Array {
  const values = Float64Array.from(indexes, (ui) => sortValue(bundles[ui]!, key));
  const positions = indexes.map((_, i) => i);
  // Bundles are in id order already, so equal values keep id order with a stable sort.
  positions.sort((i, j) => {
    const va = values[i]!;
    const vb = values[j]!;
    const iMissing = Number.isNaN(va);
    const jMissing = Number.isNaN(vb);
    if (iMissing !== jMissing) return iMissing ? 1 : -1;
    if (iMissing || va === vb) return i - j;
    return (va < vb ? -1 : 1) * (descending ? -1 : 1);
  });
  return Int32Array.from(positions, (i) => indexes[i]!);
}

function toPairing(blueprint: Blueprint, bundle: Bundle): Pairing {
  return {
    blueprintId: blueprint.blueprintId,
    bundleId: bundle.bundleId,
    price: bundle.price,
    cpuCount: bundle.cpuCount,
    ramSizeInGb: bundle.ramSizeInGb,
    diskSizeInGb: bundle.diskSizeInGb,
    transferPerMonthInGb: bundle.transferPerMonthInGb,
    power: bundle.power,
    platform: blueprint.platform,
    ipv6Only: isIpv6Only(bundle),
  };
}

/**
 * Why nothing matched: for each criterion given, how many of the catalog's compatible pairings it
 * excludes on its own. Counted with whole rows of bits, once per row.
 */
function explainEmpty(
  catalog: Catalog,
  evaluator: Evaluator,
  criteria: RecommendCriteria,
  likeBundle: Bundle | undefined,
): NonNullable<RecommendResult['emptyBecause']> {
  const { blueprints, bundles } = catalog;
  const rowCounts = new Map<BitSet, number>();
  const rowCount = (bi: number) => {
    const row = evaluator.compatibleBundles(bi);
    let n = rowCounts.get(row);
    if (n === undefined) {
      n = count(row);
      if (rowCounts.size >= ROW_MEMO_LIMIT) rowCounts.delete(rowCounts.keys().next().value!);
      rowCounts.set(row, n);
    }
    return n;
  };
  let compatibleCount = 0;
  for (let bi = 0; bi < blueprints.length; bi++) compatibleCount += rowCount(bi);
  const exclusions: CriterionExclusion[] = [];
  for (const { criterion, test } of blueprintTests(criteria)) {
    let excluded = 0;
    for (let bi = 0; bi < blueprints.length; bi++) if (!test(blueprints[bi]!)) excluded += rowCount(bi);
    exclusions.push({ criterion, excluded });
  }
  for (const { criterion, test } of bundleTests(criteria, likeBundle)) {
    const failing = new Uint32Array(wordCount(bundles.length));
    bundles.forEach((bundle, ui) => {
      if (!test(bundle)) failing[ui >>> 5]! |= 1 << (ui & 31);
    });
    const perRow = new Map<BitSet, number>();
    let excluded = 0;
    for (let bi = 0; bi < blueprints.length; bi++) {
      const row = evaluator.compatibleBundles(bi);
      let n = perRow.get(row);
      if (n === undefined) {
        n = countBoth(row, failing);
        if (perRow.size >= ROW_MEMO_LIMIT) perRow.delete(perRow.keys().next().value!);
        perRow.set(row, n);
      }
      excluded += n;
    }
    exclusions.push({ criterion, excluded });
  }
  exclusions.sort((a, b) => b.excluded - a.excluded || CRITERION_ORDER.indexOf(a.criterion) - CRITERION_ORDER.indexOf(b.criterion));
  return { compatibleCount, exclusions };
}
