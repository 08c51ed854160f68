/**
 * The evaluator's public surface (checkPair, compatibilityMatrix, createEvaluator) and the laws it
 * keeps on any catalog and rules: total, deterministic, the two evaluation paths agree, rule order
 * changes only the order of violations, and a suggestion is the cheapest compatible bundle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from '../../src/catalog/builtin.js';
import type { Catalog } from '../../src/catalog/model.js';
import { activeRules, checkPair, compatibilityMatrix, createEvaluator, evaluatorFor } from '../../src/rules/evaluator.js';
import { catalogArbitrary, normalizedCatalogArbitrary, ruleFiles } from './support/arbitraries.js';
import { blueprint, bundle, catalogOf, loadValidRules, ruleJson } from './support/rules.js';

const { catalog } = loadBuiltinCatalog();

describe('compatibilityMatrix on the built-in catalog', () => {
  const matrix = compatibilityMatrix(catalog);

  it('covers the active blueprints and bundles, in catalog order', () => {
    expect(matrix.blueprintIds).toEqual(catalog.blueprints.filter((b) => b.isActive).map((b) => b.blueprintId));
    expect(matrix.bundleIds).toEqual(catalog.bundles.filter((b) => b.isActive).map((b) => b.bundleId));
    expect([matrix.blueprintIds.length, matrix.bundleIds.length]).toEqual([32, 23]);
  });

  it('counts 459 compatible cells: 26 Linux blueprints × 16 Linux bundles, openclaw on 12, 3 Windows × 7, 2 SQL Express × 5', () => {
    expect(matrix.compatibleCount).toBe(26 * 16 + 12 + 3 * 7 + 2 * 5);
  });

  it('lists the bundles a blueprint is compatible with, in catalog order', () => {
    expect(matrix.compatibleBundleIds('windows_server_2019_sql_2016_express')).toEqual([
      '2xlarge_win_3_0',
      'large_win_3_0',
      'medium_win_3_0',
      'small_win_3_0',
      'xlarge_win_3_0',
    ]);
  });

  it('answers a cell with the same verdict checkPair gives', () => {
    expect(matrix.isCompatible('windows_server_2019_sql_2016_express', 'micro_win_3_0')).toBe(false);
    expect(matrix.isCompatible('windows_server_2019_sql_2016_express', 'small_win_3_0')).toBe(true);
    expect(matrix.verdict('windows_server_2019_sql_2016_express', 'micro_win_3_0')).toEqual(checkPair(catalog, 'windows_server_2019_sql_2016_express', 'micro_win_3_0'));
    expect(matrix.failingRuleIds('windows_server_2019_sql_2016_express', 'nano_3_0')).toEqual(['power-threshold', 'platform-match']);
  });

  it('says no for cells outside it: inactive items and unknown ids', () => {
    expect(matrix.isCompatible('wordpress', 'nano_2_0')).toBe(false);
    expect(matrix.isCompatible('wordpress_4_6_1', 'nano_3_0')).toBe(false);
    expect(matrix.isCompatible('nope', 'nano_3_0')).toBe(false);
    expect(matrix.isCompatible('wordpress', 'nope')).toBe(false);
    expect(matrix.compatibleBundleIds('nope')).toEqual([]);
  });

  it('covers inactive items too with includeInactive, where the activity rules are off', () => {
    const all = compatibilityMatrix(catalog, { includeInactive: true });
    expect([all.blueprintIds.length, all.bundleIds.length]).toEqual([36, 26]);
    expect(all.isCompatible('wordpress_4_6_1', 'nano_2_0')).toBe(true);
  });

  it('covers exactly the ids asked for, inactive ones included, ignoring unknown ones', () => {
    const some = compatibilityMatrix(catalog, { blueprintIds: ['wordpress', 'windows_server_2022', 'nope'], bundleIds: ['nano_win_3_0', 'nano_2_0', 'nano_3_0'] });
    expect(some.blueprintIds).toEqual(['windows_server_2022', 'wordpress']);
    expect(some.bundleIds).toEqual(['nano_2_0', 'nano_3_0', 'nano_win_3_0']);
    expect(some.compatibleCount).toBe(2);
    expect(some.compatibleBundleIds('wordpress')).toEqual(['nano_3_0']);
    expect(some.failingRuleIds('wordpress', 'nano_2_0')).toEqual(['bundle-active']);
  });
});

describe('createEvaluator', () => {
  const evaluator = createEvaluator(catalog);

  it('finds the cheapest compatible bundle of a blueprint, whatever its network kind', () => {
    expect(evaluator.cheapestCompatibleBundle('wordpress')?.bundleId).toBe('nano_ipv6_3_0');
    expect(evaluator.cheapestCompatibleBundle('windows_server_2019_sql_2016_express')?.bundleId).toBe('small_win_3_0');
    expect(evaluator.cheapestCompatibleBundle('wordpress_4_6_1')).toBeUndefined();
    expect(evaluator.cheapestCompatibleBundle('nope')).toBeUndefined();
  });

  it('maps ids to catalog indexes and back', () => {
    expect(evaluator.blueprintIndex('wordpress')).toBe(catalog.blueprints.findIndex((b) => b.blueprintId === 'wordpress'));
    expect(evaluator.bundleIndex('nano_3_0')).toBe(catalog.bundles.findIndex((b) => b.bundleId === 'nano_3_0'));
    expect([evaluator.blueprintIndex('nope'), evaluator.bundleIndex('nope')]).toEqual([-1, -1]);
  });

  it('exposes the rules in force with their effective severities', () => {
    expect(createEvaluator(catalog, { includeInactive: true, severity: { 'power-threshold': 'warning' } }).rules.map((r) => [r.definition.id, r.severity])).toEqual([
      ['power-threshold', 'warning'],
      ['platform-match', 'error'],
      ['app-category-match', 'error'],
    ]);
  });

  it('reads nothing but its arguments: two catalogs with the same items give the same verdicts', () => {
    const copy = catalogOf(catalog.blueprints, catalog.bundles);
    expect(createEvaluator(copy).check('wordpress', 'nano_win_3_0')).toEqual(evaluator.check('wordpress', 'nano_win_3_0'));
  });
});

describe('evaluatorFor', () => {
  it('reuses the evaluator for the same catalog, rules and settings, and builds a new one when any of them changes', () => {
    const rules = loadValidRules([ruleJson('cheap', { all: [{ fact: 'bundle', path: '$.price', operator: 'lessThan', value: 5 }] })]);
    expect(evaluatorFor(catalog)).toBe(evaluatorFor(catalog, {}));
    expect(evaluatorFor(catalog, { rules, severity: { cheap: 'warning' } })).toBe(evaluatorFor(catalog, { rules, severity: { cheap: 'warning' } }));
    expect(evaluatorFor(catalog, { rules })).not.toBe(evaluatorFor(catalog));
    expect(evaluatorFor(catalog, { severity: { 'power-threshold': 'off' } })).not.toBe(evaluatorFor(catalog));
    expect(evaluatorFor(catalog, { includeInactive: true })).not.toBe(evaluatorFor(catalog));
    expect(evaluatorFor(catalogOf(catalog.blueprints, catalog.bundles))).not.toBe(evaluatorFor(catalog));
  });
});

describe('user rules', () => {
  const priceCeiling = loadValidRules([
    ruleJson(
      'price-ceiling',
      { all: [{ fact: 'bundle', path: '$.price', operator: 'greaterThan', value: 50 }] },
      { severity: 'error', title: 'Over budget', rationale: 'Budget.', message: 'bundle {{bundle.bundleId}} costs ${{bundle.price}} a month; the ceiling is $50' },
    ),
  ]);

  it('run after the built-in rules, and their violations come last', () => {
    expect(checkPair(catalog, 'wordpress', '2xlarge_win_3_0', { rules: priceCeiling }).violations).toEqual([
      { ruleId: 'platform-match', severity: 'error', message: 'bundle 2xlarge_win_3_0 supports WINDOWS; wordpress is a LINUX_UNIX blueprint' },
      { ruleId: 'price-ceiling', severity: 'error', message: 'bundle 2xlarge_win_3_0 costs $244 a month; the ceiling is $50' },
    ]);
  });

  it('narrow the suggestion to bundles they allow', () => {
    expect(checkPair(catalog, 'openclaw_ls_1_0', 'nano_3_0', { rules: priceCeiling }).suggestion).toEqual({ bundleId: 'small_3_0', price: 12 });
    expect(compatibilityMatrix(catalog, { rules: priceCeiling }).compatibleBundleIds('windows_server_2019_sql_2016_express')).toEqual(['medium_win_3_0', 'small_win_3_0']);
  });

  it('can be set to off, warning or info like the built-in ones', () => {
    expect(activeRules({ rules: priceCeiling, severity: { 'price-ceiling': 'off' } }).map((r) => r.definition.id)).not.toContain('price-ceiling');
    expect(checkPair(catalog, 'wordpress', 'xlarge_3_0', { rules: priceCeiling, severity: { 'price-ceiling': 'info' } })).toEqual({
      compatible: true,
      blueprintId: 'wordpress',
      bundleId: 'xlarge_3_0',
      violations: [{ ruleId: 'price-ceiling', severity: 'info', message: 'bundle xlarge_3_0 costs $84 a month; the ceiling is $50' }],
    });
  });
});

describe('suggestions', () => {
  it('prefer the lower bundle id between two bundles of the same price', () => {
    const tied = catalogOf([blueprint('bp', { minPower: 500 })], [bundle('small', { power: 298, price: 1 }), bundle('b', { power: 500, price: 7 }), bundle('a', { power: 500, price: 7 })]);
    expect(checkPair(tied, 'bp', 'small').suggestion).toEqual({ bundleId: 'a', price: 7 });
  });

  it('are left out when no bundle is compatible', () => {
    const none = catalogOf([blueprint('bp', { minPower: 9000 })], [bundle('small')]);
    expect(checkPair(none, 'bp', 'small')).toEqual({
      compatible: false,
      blueprintId: 'bp',
      bundleId: 'small',
      violations: [{ ruleId: 'power-threshold', severity: 'error', message: 'bundle small has power 298; bp needs at least 9000' }],
    });
  });
});

describe('row caching', () => {
  it('keeps apart blueprints whose values JSON would merge: NaN and null (hand-built catalogs can hold NaN)', () => {
    // Regression: rows were cached by canonical JSON of the blueprint value, where NaN and null are
    // both `null`; a bundle's null equals null but not NaN, so one of the two rows was wrong.
    const rules = loadValidRules([ruleJson('same-x', { all: [{ fact: 'blueprint', path: '$.x', operator: 'equal', value: { fact: 'bundle', path: '$.x' } }] })]);
    const c = catalogOf([blueprint('a', { x: Number.NaN }), blueprint('b', { x: null })], [bundle('u', { x: null })]);
    const options = { rules, includeInactive: true, blueprintIds: ['a', 'b'], bundleIds: ['u'] };
    expect([checkPair(c, 'a', 'u', options).compatible, checkPair(c, 'b', 'u', options).compatible]).toEqual([true, false]);
    const matrix = compatibilityMatrix(c, options);
    expect([matrix.isCompatible('a', 'u'), matrix.isCompatible('b', 'u')]).toEqual([true, false]);
  });

  it('gives the same answers whether rows or verdicts are asked for first', () => {
    const rowsFirst = createEvaluator(catalogOf(catalog.blueprints, catalog.bundles));
    const verdictsFirst = createEvaluator(catalogOf(catalog.blueprints, catalog.bundles));
    const verdicts = verdictsFirst.check('windows_server_2019_sql_2016_express', 'micro_win_3_0');
    const rows = catalog.blueprints.map((_, bi) => [...rowsFirst.compatibleBundles(bi)]);
    expect(rowsFirst.check('windows_server_2019_sql_2016_express', 'micro_win_3_0')).toEqual(verdicts);
    expect(catalog.blueprints.map((_, bi) => [...verdictsFirst.compatibleBundles(bi)])).toEqual(rows);
  });
});

describe('laws on random catalogs and rules', () => {
  function everyVerdict(c: Catalog, options: Parameters<typeof checkPair>[3]) {
    return c.blueprints.flatMap((bp) => c.bundles.map((bu) => checkPair(c, bp.blueprintId, bu.bundleId, options)));
  }

  it('checkPair is total and deterministic, and agrees with the matrix cell by cell', () => {
    fc.assert(
      fc.property(catalogArbitrary(4, 6), ruleFiles, (c, files) => {
        const rules = loadValidRules(files);
        const first = everyVerdict(c, { rules });
        // A new catalog object means a new evaluator: nothing carries over but the answers.
        const again = everyVerdict(catalogOf(c.blueprints, c.bundles), { rules });
        expect(again).toEqual(first);
        const matrix = compatibilityMatrix(c, { rules, blueprintIds: c.blueprints.map((b) => b.blueprintId), bundleIds: c.bundles.map((b) => b.bundleId) });
        expect(first.map((v) => matrix.isCompatible(v.blueprintId, v.bundleId))).toEqual(first.map((v) => v.compatible));
        expect(matrix.compatibleCount).toBe(first.filter((v) => v.compatible).length);
      }),
      { numRuns: 60 },
    );
  });

  it('the order of the user rules changes only the order of the violations', () => {
    fc.assert(
      fc.property(catalogArbitrary(3, 4), ruleFiles, (c, files) => {
        const rules = loadValidRules(files);
        const forward = everyVerdict(c, { rules });
        const backward = everyVerdict(c, { rules: [...rules].reverse() });
        const sorted = (verdicts: typeof forward) =>
          verdicts.map((v) => ({ ...v, violations: [...v.violations].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)) }));
        expect(sorted(backward)).toEqual(sorted(forward));
      }),
      { numRuns: 40 },
    );
  });

  it('a suggestion is compatible, of the asked network kind when one exists, and no compatible bundle of that kind is cheaper', () => {
    fc.assert(
      fc.property(normalizedCatalogArbitrary(3, 8), ruleFiles, (c, files) => {
        const rules = loadValidRules(files);
        for (const verdict of everyVerdict(c, { rules })) {
          const compatible = c.bundles.filter((bu) => checkPair(c, verdict.blueprintId, bu.bundleId, { rules }).compatible);
          if (verdict.compatible) {
            expect(verdict.suggestion).toBeUndefined();
            continue;
          }
          if (compatible.length === 0) {
            expect(verdict.suggestion).toBeUndefined();
            continue;
          }
          const kind = c.getBundle(verdict.bundleId)!.publicIpv4AddressCount;
          const sameKind = compatible.filter((bu) => bu.publicIpv4AddressCount === kind);
          const pool = sameKind.length > 0 ? sameKind : compatible;
          const cheapest = Math.min(...pool.map((bu) => bu.price));
          expect(verdict.suggestion).toBeDefined();
          expect(pool.map((bu) => bu.bundleId)).toContain(verdict.suggestion!.bundleId);
          expect(verdict.suggestion!.price).toBe(cheapest);
        }
      }),
      { numRuns: 40 },
    );
  });
});
