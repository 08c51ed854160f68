import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/catalog/catalog.js';
import type { Catalog } from '../../src/catalog/model.js';
import { diffCatalogs } from '../../src/planning/diff-catalogs.js';
import { bruteCompatible, catalogArbitrary, fixtureCatalog } from './support/planning.js';

const before = fixtureCatalog('small-catalog.json');
const after = fixtureCatalog('small-catalog-next.json');

describe('diffCatalogs', () => {
  it('reports items added, retired and changed, and the pairings whose verdict changed', () => {
    expect(diffCatalogs(before, after)).toEqual({
      equal: false,
      old: { region: 'test-1', asOf: '2026-01-01', source: 'file', blueprintCount: 6, bundleCount: 7 },
      new: { region: 'test-1', asOf: '2026-02-01', source: 'file', blueprintCount: 7, bundleCount: 7 },
      bundles: {
        added: [
          {
            id: 'medium_1_0',
            values: {
              price: 24,
              power: 2000,
              cpuCount: 2,
              ramSizeInGb: 4,
              diskSizeInGb: 80,
              transferPerMonthInGb: 4096,
              supportedPlatforms: ['LINUX_UNIX'],
              supportedAppCategories: [],
              publicIpv4AddressCount: 1,
              isActive: true,
            },
          },
        ],
        retired: [{ id: 'nano_win_1_0', reason: 'removed', changes: [] }],
        changed: [
          { id: 'nano_1_0', changes: [{ field: 'price', old: 5, new: 7 }] },
          { id: 'small_1_0', changes: [{ field: 'power', old: 1000, new: 900 }] },
        ],
      },
      blueprints: {
        added: [{ id: 'linux_new', values: { minPower: 0, platform: 'LINUX_UNIX', type: 'os', isActive: true } }],
        retired: [{ id: 'linux_app', reason: 'inactive', changes: [] }],
        changed: [{ id: 'win_sql', changes: [{ field: 'minPower', old: 1000, new: 0 }] }],
      },
      verdictChanges: [
        { blueprintId: 'linux_app', bundleId: 'lfr_1_0', before: true, after: false, ruleIds: ['blueprint-active'] },
        { blueprintId: 'linux_app', bundleId: 'nano_1_0', before: true, after: false, ruleIds: ['blueprint-active'] },
        { blueprintId: 'linux_app', bundleId: 'nano_v6_1_0', before: true, after: false, ruleIds: ['blueprint-active'] },
        { blueprintId: 'linux_app', bundleId: 'small_1_0', before: true, after: false, ruleIds: ['blueprint-active'] },
        { blueprintId: 'linux_big', bundleId: 'small_1_0', before: true, after: false, ruleIds: ['power-threshold'] },
      ],
    });
  });

  it('computes verdicts under the rule options given, on both sides', () => {
    const diff = diffCatalogs(before, after, { includeInactive: true });
    expect(diff.verdictChanges).toEqual([{ blueprintId: 'linux_big', bundleId: 'small_1_0', before: true, after: false, ruleIds: ['power-threshold'] }]);
  });

  it('calls a reactivated item changed, not added, and a retired one that changed more lists the rest', () => {
    const reactivated = createCatalog(before.metadata, before.blueprints.map((b) => (b.blueprintId === 'linux_old' ? { ...b, isActive: true } : b)), [
      ...before.bundles.map((b) => (b.bundleId === 'small_1_0' ? { ...b, isActive: false, price: 13 } : b)),
    ]);
    const diff = diffCatalogs(before, reactivated);
    expect([diff.blueprints, diff.bundles.retired]).toEqual([
      { added: [], retired: [], changed: [{ id: 'linux_old', changes: [{ field: 'isActive', old: false, new: true }] }] },
      [{ id: 'small_1_0', reason: 'inactive', changes: [{ field: 'price', old: 12, new: 13 }] }],
    ]);
  });

  it('compares platform lists as sets', () => {
    const swap = (c: Catalog, platforms: string[]) => createCatalog(c.metadata, c.blueprints, c.bundles.map((b) => ({ ...b, supportedPlatforms: platforms })));
    expect(diffCatalogs(swap(before, ['LINUX_UNIX', 'WINDOWS']), swap(before, ['WINDOWS', 'LINUX_UNIX'])).equal).toBe(true);
  });
});

/** A catalog and an edited copy: items dropped, fields changed, items added. */
const editedPair = catalogArbitrary(8, 10).chain((old) =>
  fc
    .record({
      dropBlueprints: fc.subarray(old.blueprints.map((b) => b.blueprintId)),
      dropBundles: fc.subarray(old.bundles.map((b) => b.bundleId)),
      minPower: fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 500, 1000, 3000)), { maxLength: 3 }),
      power: fc.array(fc.tuple(fc.nat(), fc.constantFrom(298, 500, 1000, 3000)), { maxLength: 3 }),
      price: fc.array(fc.tuple(fc.nat(), fc.constantFrom(3.5, 5, 9)), { maxLength: 2 }),
      active: fc.array(fc.nat(), { maxLength: 2 }),
      extra: catalogArbitrary(3, 3),
    })
    .map((edit) => {
      const blueprints = old.blueprints
        .filter((b) => !edit.dropBlueprints.includes(b.blueprintId))
        .map((b, i) => {
          const minPower = edit.minPower.find(([at]) => at % Math.max(1, old.blueprints.length) === i)?.[1];
          return (minPower === undefined ? b : { ...b, minPower });
        });
      const bundles = old.bundles
        .filter((b) => !edit.dropBundles.includes(b.bundleId))
        .map((b, i) => {
          const n = Math.max(1, old.bundles.length);
          const power = edit.power.find(([at]) => at % n === i)?.[1];
          const price = edit.price.find(([at]) => at % n === i)?.[1];
          const flip = edit.active.some((at) => at % n === i);
          return { ...b, ...(power !== undefined && { power }), ...(price !== undefined && { price }), ...(flip && { isActive: !b.isActive }) };
        });
      const newBlueprints = edit.extra.blueprints.filter((b) => !blueprints.some((x) => x.blueprintId === b.blueprintId));
      const newBundles = edit.extra.bundles.filter((b) => !bundles.some((x) => x.bundleId === b.bundleId));
      return [old, createCatalog(old.metadata, [...blueprints, ...newBlueprints], [...bundles, ...newBundles])] as const;
    }),
);

describe('diffCatalogs laws', () => {
  it('a catalog equals itself', () => {
    fc.assert(
      fc.property(catalogArbitrary(), fc.boolean(), (catalog, includeInactive) => {
        expect(diffCatalogs(catalog, catalog, { includeInactive }).equal).toBe(true);
      }),
    );
  });

  it('lists exactly the pairings in both catalogs whose verdict differs, by a nested loop', () => {
    fc.assert(
      fc.property(editedPair, fc.boolean(), ([old, next], includeInactive) => {
        const options = { includeInactive };
        const expected: string[] = [];
        for (const bp of next.blueprints) {
          const oldBp = old.getBlueprint(bp.blueprintId);
          if (!oldBp) continue;
          for (const bu of next.bundles) {
            const oldBu = old.getBundle(bu.bundleId);
            if (!oldBu) continue;
            const was = bruteCompatible(oldBp, oldBu, options);
            const now = bruteCompatible(bp, bu, options);
            if (was !== now) expected.push(`${bp.blueprintId} ${bu.bundleId} ${was}->${now}`);
          }
        }
        const diff = diffCatalogs(old, next, options);
        expect(diff.verdictChanges.map((c) => `${c.blueprintId} ${c.bundleId} ${c.before}->${c.after}`)).toEqual(expected);
        for (const c of diff.verdictChanges) expect(c.ruleIds.length).toBeGreaterThan(0);
      }),
    );
  });

  it('finds every id added and removed, and is equal exactly when nothing is reported', () => {
    fc.assert(
      fc.property(editedPair, ([old, next]) => {
        const diff = diffCatalogs(old, next);
        const ids = (c: Catalog, kind: 'blueprints' | 'bundles') => new Set(kind === 'blueprints' ? c.blueprints.map((b) => b.blueprintId) : c.bundles.map((b) => b.bundleId));
        for (const kind of ['blueprints', 'bundles'] as const) {
          const [was, now] = [ids(old, kind), ids(next, kind)];
          expect(diff[kind].added.map((a) => a.id)).toEqual([...now].filter((id) => !was.has(id)).sort(byId));
          expect(diff[kind].retired.filter((r) => r.reason === 'removed').map((r) => r.id)).toEqual([...was].filter((id) => !now.has(id)).sort(byId));
        }
        const reported = [diff.bundles, diff.blueprints].some((d) => d.added.length + d.retired.length + d.changed.length > 0) || diff.verdictChanges.length > 0;
        expect(diff.equal).toBe(!reported);
      }),
    );
  });
});

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
