import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/model.js';
import { recommendPairings, type RecommendCriteria, type RecommendOptions } from '../../src/planning/recommend-pairings.js';
import {
  bruteCompare,
  bruteCompatible,
  bruteMeets,
  bruteRecommend,
  catalogArbitrary,
  criteriaArbitrary,
  optionsArbitrary,
} from './support/planning.js';

/** A catalog with criteria about it and options. */
const scenario = catalogArbitrary().chain((catalog) => fc.tuple(fc.constant(catalog), criteriaArbitrary(catalog), optionsArbitrary));

const pairKey = (p: { blueprintId: string; bundleId: string }) => `${p.blueprintId}\u0000${p.bundleId}`;

function unlimited(options: RecommendOptions): RecommendOptions {
  const rest = { ...options };
  delete rest.limit;
  return rest;
}

/** Criteria with one criterion loosened: dropped, or its threshold moved the permissive way. */
function loosenings(c: RecommendCriteria): RecommendCriteria[] {
  const out: RecommendCriteria[] = [];
  for (const key of Object.keys(c) as (keyof RecommendCriteria)[]) {
    const rest = { ...c };
    delete rest[key];
    out.push(rest);
  }
  if (c.minCpuCount !== undefined) out.push({ ...c, minCpuCount: c.minCpuCount / 2 });
  if (c.minRamSizeInGb !== undefined) out.push({ ...c, minRamSizeInGb: c.minRamSizeInGb - 0.5 });
  if (c.minDiskSizeInGb !== undefined) out.push({ ...c, minDiskSizeInGb: c.minDiskSizeInGb - 20 });
  if (c.minTransferPerMonthInGb !== undefined) out.push({ ...c, minTransferPerMonthInGb: 0 });
  if (c.maxPrice !== undefined) out.push({ ...c, maxPrice: c.maxPrice * 2 + 1 });
  if (c.blueprintIds !== undefined) out.push({ ...c, blueprintIds: [...c.blueprintIds, 'extra_id'] });
  return out;
}

describe('recommendPairings laws over random catalogs, criteria and options', () => {
  it('soundness: everything returned is compatible under the rules in force and meets every criterion', () => {
    fc.assert(
      fc.property(scenario, ([catalog, criteria, options]) => {
        for (const p of recommendPairings(catalog, criteria, options).pairings) {
          const bp = catalog.getBlueprint(p.blueprintId)!;
          const bu = catalog.getBundle(p.bundleId)!;
          expect(bruteCompatible(bp, bu, options)).toBe(true);
          expect(bruteMeets(catalog, bp, bu, criteria)).toBe(true);
        }
      }),
    );
  });

  it('completeness: without a limit, every qualifying pairing is returned, and matched counts them', () => {
    fc.assert(
      fc.property(scenario, ([catalog, criteria, options]) => {
        const result = recommendPairings(catalog, criteria, unlimited(options));
        const expected = bruteRecommend(catalog, criteria, options);
        expect(new Set(result.pairings.map(pairKey))).toEqual(new Set(expected.map(pairKey)));
        expect(result.matched).toBe(expected.length);
        expect(result.truncated).toBe(false);
      }),
    );
  });

  it('order: the list is sorted by the key, then bundle id, then blueprint id, and equals the brute force exactly', () => {
    fc.assert(
      fc.property(scenario, ([catalog, criteria, options]) => {
        const { pairings } = recommendPairings(catalog, criteria, options);
        for (let i = 1; i < pairings.length; i++) expect(bruteCompare(catalog, pairings[i - 1]!, pairings[i]!, options)).toBeLessThan(0);
        const expected = bruteRecommend(catalog, criteria, options);
        expect(pairings).toEqual(expected.slice(0, options.limit ?? expected.length));
      }),
    );
  });

  it('limit: a limited list is a prefix of the unlimited one, and truncated says whether anything was cut', () => {
    fc.assert(
      fc.property(scenario, ([catalog, criteria, options]) => {
        const all = recommendPairings(catalog, criteria, unlimited(options));
        const limited = recommendPairings(catalog, criteria, options);
        const limit = options.limit ?? Infinity;
        expect(limited.pairings).toEqual(all.pairings.slice(0, limit));
        expect(limited.matched).toBe(all.matched);
        expect(limited.truncated).toBe(all.matched > limit);
      }),
    );
  });

  it('monotonicity: loosening any one criterion never removes a result', () => {
    fc.assert(
      fc.property(scenario, ([catalog, criteria, options]) => {
        const base = recommendPairings(catalog, criteria, unlimited({ ...options, cheapestPerBlueprint: false }));
        for (const looser of loosenings(criteria)) {
          const wider = new Set(recommendPairings(catalog, looser, unlimited({ ...options, cheapestPerBlueprint: false })).pairings.map(pairKey));
          for (const p of base.pairings) expect(wider.has(pairKey(p)), `${pairKey(p)} lost with ${JSON.stringify(looser)}`).toBe(true);
        }
      }),
    );
  });

  it('cheapest per blueprint: one line per blueprint with a qualifying bundle, and no qualifying bundle is cheaper', () => {
    fc.assert(
      fc.property(scenario, ([catalog, criteria, options]) => {
        const every = recommendPairings(catalog, criteria, unlimited({ ...options, cheapestPerBlueprint: false })).pairings;
        const cheapest = recommendPairings(catalog, criteria, unlimited({ ...options, cheapestPerBlueprint: true })).pairings;
        expect(new Set(cheapest.map((p) => p.blueprintId))).toEqual(new Set(every.map((p) => p.blueprintId)));
        expect(cheapest.length).toBe(new Set(cheapest.map((p) => p.blueprintId)).size);
        for (const p of cheapest) {
          for (const q of every) if (q.blueprintId === p.blueprintId) expect(q.price).toBeGreaterThanOrEqual(p.price);
        }
      }),
    );
  });

  it('an empty answer says how many compatible pairings each criterion excludes on its own', () => {
    fc.assert(
      fc.property(scenario, ([catalog, criteria, options]) => {
        const result = recommendPairings(catalog, criteria, options);
        if (result.matched > 0) {
          expect(result.emptyBecause).toBeUndefined();
          return;
        }
        const compatible = catalog.blueprints.flatMap((bp) => catalog.bundles.filter((bu) => bruteCompatible(bp, bu, options)).map((bu) => ({ bp, bu })));
        expect(result.emptyBecause!.compatibleCount).toBe(compatible.length);
        const excluded = (Object.keys(criteria) as (keyof RecommendCriteria)[]).map((criterion) => ({
          criterion,
          excluded: compatible.filter(({ bp, bu }) => !bruteMeets(catalog, bp, bu, { [criterion]: criteria[criterion] })).length,
        }));
        expect([...result.emptyBecause!.exclusions].sort(byCriterion)).toEqual(excluded.sort(byCriterion));
        const counts = result.emptyBecause!.exclusions.map((e) => e.excluded);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }),
    );
  });

  it('is deterministic: the same inputs give the same answer, whatever was asked before', () => {
    fc.assert(
      fc.property(scenario, scenario, ([catalog, criteria, options], [other, otherCriteria, otherOptions]) => {
        const first = recommendPairings(catalog, criteria, options);
        recommendPairings(other, otherCriteria, otherOptions);
        recommendPairings(catalog, {}, {});
        expect(recommendPairings(catalog, criteria, options)).toEqual(first);
      }),
    );
  });

  it('never throws, whatever the catalog and criteria', () => {
    const anyCriteria = fc.record(
      {
        minCpuCount: fc.double(),
        minRamSizeInGb: fc.double(),
        maxPrice: fc.double(),
        likeBundleId: fc.string(),
        blueprintIds: fc.array(fc.string()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(catalogArbitrary(), anyCriteria, optionsArbitrary, (catalog: Catalog, criteria, options) => {
        expect(() => recommendPairings(catalog, criteria, options)).not.toThrow();
      }),
    );
  });
});

function byCriterion(a: { criterion: string }, b: { criterion: string }): number {
  return a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0;
}
