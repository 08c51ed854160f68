import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCatalogFile } from '../../src/catalog/catalog.js';
import { catalogText, catalogValue, loadCatalog } from '../../src/catalog/load-catalog.js';

// Raw items as AWS returns them: ids unique per kind, every member optional in the model except
// what the loader needs, sometimes legacy (no platform members), sometimes with unknown members.
const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const platform = fc.constantFrom('LINUX_UNIX', 'WINDOWS', 'MACOS');
const unknownMembers = fc.dictionary(fc.stringMatching(/^x[A-Za-z]{1,6}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 });

const rawBlueprint = (blueprintId: string) =>
  fc
    .record(
      {
        name: fc.string({ maxLength: 12 }),
        type: fc.constantFrom('os', 'app'),
        isActive: fc.boolean(),
        minPower: fc.integer({ min: 0, max: 6000 }),
        platform,
        appCategory: fc.constant('LfR'),
      },
      { requiredKeys: [] },
    )
    .chain((known) => unknownMembers.map((extra) => ({ ...extra, ...known, blueprintId })));

const rawBundle = (bundleId: string) =>
  fc
    .record(
      {
        price: fc.double({ min: 0, max: 1000, noNaN: true }),
        cpuCount: fc.integer({ min: 1, max: 64 }),
        diskSizeInGb: fc.integer({ min: 1, max: 4096 }),
        power: fc.integer({ min: 0, max: 8000 }),
        ramSizeInGb: fc.double({ min: 0.25, max: 512, noNaN: true }),
        transferPerMonthInGb: fc.integer({ min: 0, max: 10000 }),
        isActive: fc.option(fc.boolean(), { nil: undefined }),
        supportedPlatforms: fc.option(fc.uniqueArray(platform, { maxLength: 2 }), { nil: undefined }),
        supportedAppCategories: fc.option(fc.constantFrom([], ['LfR']), { nil: undefined }),
        publicIpv4AddressCount: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
      },
      { requiredKeys: ['price', 'cpuCount', 'diskSizeInGb', 'power', 'ramSizeInGb', 'transferPerMonthInGb'] },
    )
    .chain((known) =>
      unknownMembers.map((extra) => {
        const item: Record<string, unknown> = { ...extra, bundleId };
        for (const [k, v] of Object.entries(known)) if (v !== undefined) item[k] = v;
        return item;
      }),
    );

const rawItems = fc.record({
  blueprints: fc.uniqueArray(id, { maxLength: 8 }).chain((ids) => fc.tuple(...ids.map(rawBlueprint))),
  bundles: fc.uniqueArray(id, { maxLength: 8 }).chain((ids) => fc.tuple(...ids.map(rawBundle))),
});

/** Splits a list into consecutive pages of random sizes. */
function paginate<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const pages: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    if (point > start) pages.push(items.slice(start, point));
    start = Math.max(start, point);
  }
  return pages;
}

describe('loadCatalog laws', () => {
  it('is total: any JSON value gives a catalog and diagnostics, never an exception', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 3 }), (values) => {
        const { catalog, diagnostics } = loadCatalog(...values.map((v, i) => catalogValue(v, `v${i}.json`)));
        expect(Array.isArray(catalog.blueprints) && Array.isArray(catalog.bundles)).toBe(true);
        expect(Array.isArray(diagnostics)).toBe(true);
      }),
    );
  });

  it('is total on text: any string gives a catalog and diagnostics, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        const { diagnostics } = loadCatalog(catalogText(text, 'random.json'));
        for (const d of diagnostics) expect(d.source).toBe('random.json');
      }),
    );
  });

  it('is total on page-shaped values with members of every type', () => {
    const anyItem = fc.dictionary(
      fc.constantFrom('blueprintId', 'bundleId', 'price', 'power', 'minPower', 'platform', 'supportedPlatforms', 'isActive', '__proto__', 'constructor'),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(fc.record({ blueprints: fc.array(anyItem, { maxLength: 4 }), bundles: fc.array(anyItem, { maxLength: 4 }) }, { requiredKeys: [] }), (page) => {
        loadCatalog(page);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
    );
  });

  it('is idempotent: loading a normalized catalog file gives the same catalog', () => {
    fc.assert(
      fc.property(rawItems, (items) => {
        const first = loadCatalog(items);
        const again = loadCatalog(JSON.parse(JSON.stringify(toCatalogFile(first.catalog))));
        expect(again.catalog.blueprints).toEqual(first.catalog.blueprints);
        expect(again.catalog.bundles).toEqual(first.catalog.bundles);
        expect(again.diagnostics.filter((d) => d.code !== 'unknown-value')).toEqual([]);
      }),
    );
  });

  it('does not depend on item order, input order or page splits', () => {
    fc.assert(
      fc.property(
        rawItems,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (items, blueprintCuts, bundleCuts, shuffleSeeds) => {
          const reference = loadCatalog({ blueprints: items.blueprints }, { bundles: items.bundles });
          const shuffle = <T>(list: readonly T[]) => {
            const copy = [...list];
            for (let i = copy.length - 1; i > 0; i--) {
              const j = shuffleSeeds.next().value % (i + 1);
              [copy[i], copy[j]] = [copy[j]!, copy[i]!];
            }
            return copy;
          };
          const blueprintPages = paginate(shuffle(items.blueprints), blueprintCuts).map((page, i, all) => ({
            blueprints: page,
            ...(i < all.length - 1 && { nextPageToken: `bp-${i + 1}` }),
          }));
          const bundlePages = paginate(shuffle(items.bundles), bundleCuts).map((page, i, all) => ({
            bundles: page,
            ...(i < all.length - 1 && { nextPageToken: `bu-${i + 1}` }),
          }));
          const inputs = shuffle([...blueprintPages, ...bundlePages]);
          const split = loadCatalog(inputs);
          expect(split.catalog.blueprints).toEqual(reference.catalog.blueprints);
          expect(split.catalog.bundles).toEqual(reference.catalog.bundles);
          expect(split.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        },
      ),
    );
  });
});
