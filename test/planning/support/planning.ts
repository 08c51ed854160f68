/**
 * Shared by the planning tests: random normalized catalogs with realistic values (few distinct
 * values, so ties in price and power are common), random criteria and options, and a brute force
 * that decides everything pairing by pairing, written without the evaluator's bit sets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createCatalog } from '../../../src/catalog/catalog.js';
import { catalogText, loadCatalog } from '../../../src/catalog/load-catalog.js';
import type { Blueprint, Bundle, Catalog } from '../../../src/catalog/model.js';
import type { RuleSetting } from '../../../src/rules/evaluator.js';
import type { Pairing, RecommendCriteria, RecommendOptions, RecommendSortKey } from '../../../src/planning/recommend-pairings.js';

/** Folder of the planning fixtures. */
export const PLANNING_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'planning');

/** Loads a planning fixture catalog, failing the test on any error diagnostic. */
export function fixtureCatalog(name: string): Catalog {
  const { catalog, diagnostics } = loadCatalog(catalogText(readFileSync(join(PLANNING_FIXTURES, name), 'utf8'), name));
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`${name} does not load: ${JSON.stringify(diagnostics)}`);
  return catalog;
}

const id = fc.stringMatching(/^[A-Za-z0-9_]{1,5}$/);

const blueprintBody = fc
  .tuple(
    fc.record({
      isActive: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      minPower: fc.constantFrom(0, 0, 0, 298, 500, 1000, 2000),
      platform: fc.constantFrom('LINUX_UNIX', 'LINUX_UNIX', 'LINUX_UNIX', 'WINDOWS', 'WINDOWS', 'MACOS'),
      type: fc.constantFrom('os', 'app'),
    }),
    fc.nat({ max: 5 }),
  )
  // One blueprint in six is a Lightsail for Research one.
  .map(([body, dice]) => (dice === 0 ? { ...body, appCategory: 'LfR' } : body));

const bundleBody = fc.record({
  price: fc.constantFrom(0, 3.5, 5, 5, 7, 10, 12, 24, 44),
  cpuCount: fc.constantFrom(1, 2, 2, 4, 8),
  ramSizeInGb: fc.constantFrom(0, 0.5, 1, 2, 4, 8),
  diskSizeInGb: fc.constantFrom(20, 40, 60, 80),
  transferPerMonthInGb: fc.constantFrom(0, 1024, 2048, 3072),
  power: fc.constantFrom(298, 300, 500, 1000, 2000, 3000),
  supportedPlatforms: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(['LINUX_UNIX'], ['LINUX_UNIX'], ['WINDOWS']) },
    { weight: 1, arbitrary: fc.subarray(['LINUX_UNIX', 'WINDOWS', 'MACOS']) },
  ),
  supportedAppCategories: fc.constantFrom([], [], [], ['LfR']),
  publicIpv4AddressCount: fc.constantFrom(0, 1, 1),
  isActive: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

/** A normalized catalog of up to `maxBlueprints` × `maxBundles` items with unique ids. */
export function catalogArbitrary(maxBlueprints = 10, maxBundles = 14): fc.Arbitrary<Catalog> {
  return fc
    .tuple(
      fc.uniqueArray(fc.tuple(id, blueprintBody), { minLength: 1, maxLength: maxBlueprints, selector: ([key]) => key, size: 'medium' }),
      fc.uniqueArray(fc.tuple(id, bundleBody), { minLength: 1, maxLength: maxBundles, selector: ([key]) => key, size: 'medium' }),
    )
    .map(([bps, bus]) =>
      createCatalog(
        { source: 'file', inputs: ['random'] },
        bps.map(([blueprintId, body]) => ({ blueprintId, ...body })),
        bus.map(([bundleId, body]) => ({ bundleId, ...body })),
      ),
    );
}

/** Criteria that refer to the catalog's ids most of the time (and to a missing id sometimes). */
export function criteriaArbitrary(catalog: Catalog): fc.Arbitrary<RecommendCriteria> {
  const blueprintId = fc.oneof(
    { weight: 5, arbitrary: catalog.blueprints.length > 0 ? fc.constantFrom(...catalog.blueprints.map((b) => b.blueprintId)) : fc.constant('none') },
    { weight: 1, arbitrary: fc.constant('not_in_catalog') },
  );
  const bundleId = fc.oneof(
    { weight: 5, arbitrary: catalog.bundles.length > 0 ? fc.constantFrom(...catalog.bundles.map((b) => b.bundleId)) : fc.constant('none') },
    { weight: 1, arbitrary: fc.constant('not_in_catalog') },
  );
  // Each criterion is given a quarter of the time, so that most scenarios have some results.
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
  return fc
    .record({
      blueprintIds: sometimes(fc.array(blueprintId, { minLength: 1, maxLength: 4 })),
      platform: sometimes(fc.constantFrom('LINUX_UNIX', 'WINDOWS')),
      type: sometimes(fc.constantFrom('os', 'app')),
      minCpuCount: sometimes(fc.constantFrom(0, 1, 2, 3, 4, 8)),
      minRamSizeInGb: sometimes(fc.constantFrom(0, 0.5, 1, 1.5, 2, 8)),
      minDiskSizeInGb: sometimes(fc.constantFrom(0, 20, 50, 80)),
      minTransferPerMonthInGb: sometimes(fc.constantFrom(0, 1024, 3000)),
      maxPrice: sometimes(fc.constantFrom(0, 3.5, 5, 6, 12, 100)),
      network: sometimes(fc.constantFrom('ipv6-only', 'dual-stack')),
      likeBundleId: sometimes(bundleId),
    })
    .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as RecommendCriteria);
}

const SORT_KEYS: readonly RecommendSortKey[] = ['price', 'ram', 'cpu', 'disk', 'power', 'price-per-gb'];

/** Options: sort, direction, limit, mode, and rule settings that change what is compatible. */
export const optionsArbitrary: fc.Arbitrary<RecommendOptions> = fc.record(
  {
    sort: fc.constantFrom(...SORT_KEYS),
    descending: fc.boolean(),
    limit: fc.nat({ max: 6 }),
    cheapestPerBlueprint: fc.boolean(),
    includeInactive: fc.boolean(),
    severity: fc.dictionary(
      fc.constantFrom('power-threshold', 'platform-match', 'blueprint-active', 'bundle-active', 'app-category-match'),
      fc.constantFrom<RuleSetting>('off', 'error', 'warning', 'info'),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: [] },
);

/**
 * The built-in rules written out by hand, with `includeInactive` and severity overrides applied
 * as the evaluator documents: only rules of severity `error` make a pairing incompatible.
 */
export function bruteCompatible(bp: Blueprint, bu: Bundle, options: RecommendOptions = {}): boolean {
  const blocking = (id: string): boolean => {
    let setting: RuleSetting = 'error';
    if (options.includeInactive === true && (id === 'blueprint-active' || id === 'bundle-active')) setting = 'off';
    const override = options.severity?.[id];
    if (override !== undefined) setting = override;
    return setting === 'error';
  };
  if (blocking('power-threshold') && bu.power < bp.minPower) return false;
  if (blocking('platform-match') && !bu.supportedPlatforms.includes(bp.platform)) return false;
  if (blocking('blueprint-active') && !bp.isActive) return false;
  if (blocking('bundle-active') && !bu.isActive) return false;
  if (blocking('app-category-match') && bp.appCategory === 'LfR' && !bu.supportedAppCategories.includes('LfR')) return false;
  return true;
}

/** Whether a pairing meets every criterion, decided from the definitions in the issue. */
export function bruteMeets(catalog: Catalog, bp: Blueprint, bu: Bundle, c: RecommendCriteria): boolean {
  const like = c.likeBundleId === undefined ? undefined : catalog.getBundle(c.likeBundleId);
  const ipv6 = bu.publicIpv4AddressCount === 0;
  return (
    (c.blueprintIds === undefined || c.blueprintIds.includes(bp.blueprintId)) &&
    (c.platform === undefined || bp.platform === c.platform) &&
    (c.type === undefined || bp.type === c.type) &&
    (c.minCpuCount === undefined || bu.cpuCount >= c.minCpuCount) &&
    (c.minRamSizeInGb === undefined || bu.ramSizeInGb >= c.minRamSizeInGb) &&
    (c.minDiskSizeInGb === undefined || bu.diskSizeInGb >= c.minDiskSizeInGb) &&
    (c.minTransferPerMonthInGb === undefined || bu.transferPerMonthInGb >= c.minTransferPerMonthInGb) &&
    (c.maxPrice === undefined || bu.price <= c.maxPrice) &&
    (c.network === undefined || ipv6 === (c.network === 'ipv6-only')) &&
    (c.likeBundleId === undefined || (like !== undefined && bu.cpuCount >= like.cpuCount && bu.ramSizeInGb >= like.ramSizeInGb))
  );
}

function keyOf(bu: Bundle, key: RecommendSortKey): number {
  switch (key) {
    case 'price':
      return bu.price;
    case 'ram':
      return bu.ramSizeInGb;
    case 'cpu':
      return bu.cpuCount;
    case 'disk':
      return bu.diskSizeInGb;
    case 'power':
      return bu.power;
    case 'price-per-gb':
      return bu.ramSizeInGb > 0 ? bu.price / bu.ramSizeInGb : NaN;
  }
}

/** The documented output order: key (NaN last either way), then bundle id, then blueprint id. */
export function bruteCompare(catalog: Catalog, a: Pairing, b: Pairing, options: RecommendOptions = {}): number {
  const key = options.sort ?? 'price';
  const ka = keyOf(catalog.getBundle(a.bundleId)!, key);
  const kb = keyOf(catalog.getBundle(b.bundleId)!, key);
  if (Number.isNaN(ka) !== Number.isNaN(kb)) return Number.isNaN(ka) ? 1 : -1;
  if (!Number.isNaN(ka) && ka !== kb) return (ka < kb ? -1 : 1) * (options.descending === true ? -1 : 1);
  const byIds = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return byIds(a.bundleId, b.bundleId) || byIds(a.blueprintId, b.blueprintId);
}

/** A pairing as recommendPairings reports it. */
export function pairingOf(bp: Blueprint, bu: Bundle): Pairing {
  return {
    blueprintId: bp.blueprintId,
    bundleId: bu.bundleId,
    price: bu.price,
    cpuCount: bu.cpuCount,
    ramSizeInGb: bu.ramSizeInGb,
    diskSizeInGb: bu.diskSizeInGb,
    transferPerMonthInGb: bu.transferPerMonthInGb,
    power: bu.power,
    platform: bp.platform,
    ipv6Only: bu.publicIpv4AddressCount === 0,
  };
}

/** Every qualifying pairing, by a nested loop, in the documented order, without limit. */
export function bruteRecommend(catalog: Catalog, criteria: RecommendCriteria, options: RecommendOptions = {}): Pairing[] {
  const all: Pairing[] = [];
  for (const bp of catalog.blueprints) {
    const qualifying = catalog.bundles.filter((bu) => bruteCompatible(bp, bu, options) && bruteMeets(catalog, bp, bu, criteria));
    if (options.cheapestPerBlueprint === true) {
      const cheapest = [...qualifying].sort((x, y) => x.price - y.price || (x.bundleId < y.bundleId ? -1 : 1))[0];
      if (cheapest) all.push(pairingOf(bp, cheapest));
    } else {
      all.push(...qualifying.map((bu) => pairingOf(bp, bu)));
    }
  }
  return all.sort((a, b) => bruteCompare(catalog, a, b, options));
}
