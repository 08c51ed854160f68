/**
 * The law the whole evaluator rests on: for random catalogs and random valid rule files, the
 * compiled evaluator and json-rules-engine (with the restricted path resolver, one engine per run)
 * agree on every pair and every rule: fired, passed, or error. Both evaluation paths are checked:
 * the per-pair closures (`check`, `isCompatibleAt`) and the per-row bit sets
 * (`compatibleBundles`, `compatibilityMatrix`), where a rule that errors counts as a violation.
 */
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/model.js';
import { count, has } from '../../src/rules/bitset.js';
import { compatibilityMatrix, createEvaluator } from '../../src/rules/evaluator.js';
import type { RuleDefinition } from '../../src/rules/load-rules.js';
import { OPERATORS } from '../../src/rules/operators.js';
import { restrictedPathResolver } from '../../src/rules/path.js';
import { runReferenceEngine } from '../../src/rules/reference-engine.js';
import { BUILTINS_OFF, catalogOf, loadValidRules, PLAIN_PARAMS } from './support/rules.js';

type Outcome = 'fired' | 'passed' | 'error';

// ---------------------------------------------------------------------------------------------
// Catalogs: realistic values most of the time, odd ones (null, strings for numbers, arrays,
// nested objects, missing members) often enough that every operator meets every kind of value.

const MISSING = Symbol('missing');

const scalar = fc.oneof(
  fc.constantFrom(0, 1, 5, 10, 298, 500, 1000, 2000, -1, 2.5),
  fc.constantFrom('5', '10abc', 'abc', '', '1', 'LINUX_UNIX', 'WINDOWS', 'LfR', 'nano_3_0'),
  fc.boolean(),
  fc.constant(null),
);

const { odd } = fc.letrec<{ odd: unknown }>((tie) => ({
  odd: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b'), tie('odd'), { maxKeys: 2 }),
  ),
}));

/** A member's value: usually realistic, sometimes odd, sometimes absent. */
function member(realistic: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: realistic }, { weight: 2, arbitrary: odd }, { weight: 1, arbitrary: fc.constant(MISSING) });
}

/** Unknown members (what a later API version might add): absent more often than not. */
function unknownMember(): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(MISSING) }, { weight: 3, arbitrary: odd });
}

const platform = fc.constantFrom('LINUX_UNIX', 'WINDOWS', 'MACOS');

const blueprintBody = fc.record({
  isActive: member(fc.boolean()),
  minPower: member(fc.constantFrom(0, 0, 500, 1000, 2000)),
  platform: member(platform),
  appCategory: fc.oneof({ weight: 3, arbitrary: fc.constant(MISSING) }, { weight: 1, arbitrary: member(fc.constant('LfR')) }),
  x: unknownMember(),
  tags: unknownMember(),
  list: unknownMember(),
});

const bundleBody = fc.record({
  isActive: member(fc.boolean()),
  power: member(fc.constantFrom(298, 500, 1000, 2000, 3000)),
  price: member(fc.constantFrom(3.5, 5, 7, 12, 24)),
  supportedPlatforms: member(fc.subarray(['LINUX_UNIX', 'WINDOWS'])),
  supportedAppCategories: member(fc.constantFrom([], ['LfR'])),
  publicIpv4AddressCount: member(fc.constantFrom(0, 1)),
  x: unknownMember(),
  tags: unknownMember(),
  list: unknownMember(),
});

/** Drops MISSING members and round-trips through JSON, as every catalog read from a file is. */
function item(idKey: string, id: string, body: Record<string, unknown>): object {
  const out: Record<string, unknown> = { [idKey]: id };
  for (const [key, value] of Object.entries(body)) if (value !== MISSING) out[key] = value;
  return JSON.parse(JSON.stringify(out)) as object;
}

function catalogArbitrary(maxBlueprints: number, maxBundles: number): fc.Arbitrary<Catalog> {
  return fc
    .tuple(fc.array(blueprintBody, { minLength: 1, maxLength: maxBlueprints }), fc.array(bundleBody, { minLength: 1, maxLength: maxBundles }))
    .map(([bps, bus]) =>
      catalogOf(
        bps.map((b, i) => item('blueprintId', `bp${i}`, b)),
        bus.map((b, i) => item('bundleId', `bu${i}`, b)),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Rule files: every construct the schema allows. Paths reach known members, unknown members,
// nested members and missing ones; values are literal scalars, literal arrays and fact
// references; operators are all ten, so `in` against a number (a TypeError in the engine) and the
// other error cases come up on their own.

const fact = fc.constantFrom('blueprint', 'bundle');
const path = fc.option(
  fc.constantFrom(
    '$.blueprintId',
    '$.bundleId',
    '$.minPower',
    '$.power',
    '$.price',
    '$.platform',
    '$.supportedPlatforms',
    '$.supportedAppCategories',
    '$.appCategory',
    '$.isActive',
    '$.x',
    '$.tags',
    '$.tags.a',
    '$.tags.a.b',
    '$.list',
    '$.missing',
    '$.missing.deeper',
  ),
  { nil: undefined },
);
const priority = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 2 });

/** An object without the members whose value is undefined (JSON has no undefined). */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

const literalScalar = fc.oneof(scalar, fc.string({ maxLength: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -5, max: 2000 }));
const value = fc.oneof(
  { weight: 3, arbitrary: literalScalar },
  { weight: 2, arbitrary: fc.array(literalScalar, { maxLength: 4 }) },
  { weight: 3, arbitrary: fc.record({ fact, path }).map(defined) },
);

/** Comparisons of members that mean something together, so that cross-fact results vary by item. */
const RELATED_MEMBERS: readonly (readonly [string, string, string, string])[] = [
  ['bundle', '$.power', 'blueprint', '$.minPower'],
  ['blueprint', '$.minPower', 'bundle', '$.power'],
  ['blueprint', '$.platform', 'bundle', '$.supportedPlatforms'],
  ['bundle', '$.supportedPlatforms', 'blueprint', '$.platform'],
  ['blueprint', '$.appCategory', 'bundle', '$.supportedAppCategories'],
  ['blueprint', '$.x', 'bundle', '$.x'],
  ['bundle', '$.tags.a', 'blueprint', '$.tags.a'],
  ['bundle', '$.list', 'blueprint', '$.x'],
  ['blueprint', '$.isActive', 'bundle', '$.isActive'],
];

const name = fc.option(fc.constantFrom('a', 'b'), { nil: undefined, freq: 4 });
const operator = fc.constantFrom(...OPERATORS);

const anyLeaf = fc.record({ fact, path, operator, value, priority, name }).map(defined);
const relatedLeaf = fc
  .record({ members: fc.constantFrom(...RELATED_MEMBERS), operator, priority, name })
  .map(({ members: [leftFact, leftPath, rightFact, rightPath], ...rest }) =>
    defined({ fact: leftFact, path: leftPath, ...rest, value: { fact: rightFact, path: rightPath } }),
  );
const leaf = fc.oneof(anyLeaf, relatedLeaf);

function condition(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return leaf;
  return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 2, arbitrary: booleanNode(depth - 1) });
}

function booleanNode(depth: number): fc.Arbitrary<Record<string, unknown>> {
  const children = fc.array(condition(depth), { maxLength: 3 });
  return fc.oneof(
    fc.record({ all: children, priority }).map(defined),
    fc.record({ any: children, priority }).map(defined),
    fc.record({ not: condition(depth), priority }).map(defined),
  );
}

const ruleFiles = fc
  .array(fc.record({ conditions: booleanNode(3), priority: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 3 }) }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((rules) => rules.map((r, i) => defined({ name: `policy-${i}`, priority: r.priority, conditions: r.conditions, event: { type: 'violation', params: PLAIN_PARAMS } })));

// ---------------------------------------------------------------------------------------------

async function referenceOutcome(rule: RuleDefinition, catalog: Catalog, bi: number, ui: number): Promise<Outcome> {
  const outcome = await runReferenceEngine(rule.json, catalog.blueprints[bi]!, catalog.bundles[ui]!);
  return typeof outcome === 'string' ? outcome : 'error';
}

/** Every outcome of every rule on every pair, by both paths of the compiled evaluator and by the engine. */
async function outcomes(catalog: Catalog, rules: readonly RuleDefinition[]) {
  const reference: string[] = [];
  const pairPath: string[] = [];
  const rowPath: string[] = [];
  for (const rule of rules) {
    // Only this rule, as an error, so that "compatible" means exactly "the rule passed".
    const options = { rules: [rule], severity: { ...BUILTINS_OFF, [rule.id]: 'error' as const } };
    const evaluator = createEvaluator(catalog, options);
    const matrix = compatibilityMatrix(catalog, { ...options, includeInactive: true });
    catalog.blueprints.forEach((bp, bi) => {
      const row = evaluator.compatibleBundles(bi);
      catalog.bundles.forEach((bu, ui) => {
        const cell = `${rule.id} ${bp.blueprintId} ${bu.bundleId}`;
        const verdict = evaluator.check(bp.blueprintId, bu.bundleId);
        const violation = verdict.violations[0];
        const compiled: Outcome = violation === undefined ? 'passed' : violation.error !== undefined ? 'error' : 'fired';
        expect(verdict.violations.length).toBeLessThanOrEqual(1);
        expect(verdict.compatible).toBe(compiled === 'passed');
        expect(evaluator.isCompatibleAt(bi, ui)).toBe(compiled === 'passed');
        pairPath.push(`${cell} ${compiled}`);
        const inRow = has(row, ui);
        expect(matrix.isCompatible(bp.blueprintId, bu.bundleId)).toBe(inRow);
        rowPath.push(`${cell} ${inRow ? 'passed' : 'violation'}`);
      });
    });
  }
  for (const rule of rules) {
    for (let bi = 0; bi < catalog.blueprints.length; bi++) {
      for (let ui = 0; ui < catalog.bundles.length; ui++) {
        reference.push(`${rule.id} ${catalog.blueprints[bi]!.blueprintId} ${catalog.bundles[ui]!.bundleId} ${await referenceOutcome(rule, catalog, bi, ui)}`);
      }
    }
  }
  return { reference, pairPath, rowPath };
}

describe('the compiled evaluator against json-rules-engine', () => {
  it('agrees with the engine on every pair and rule of random catalogs and random rule files, errors included', async () => {
    const seen = { fired: 0, passed: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(catalogArbitrary(5, 5), ruleFiles, async (catalog, files) => {
        for (const file of files) {
          // Each generated file is one json-rules-engine accepts unchanged.
          expect(() => new Engine([structuredClone(file) as never], { pathResolver: restrictedPathResolver })).not.toThrow();
        }
        const rules = loadValidRules(files);
        const { reference, pairPath, rowPath } = await outcomes(catalog, rules);
        expect(pairPath).toEqual(reference);
        // On the row path a rule that errors is a violation, as it is for a verdict.
        expect(rowPath).toEqual(reference.map((r) => r.replace(/ (fired|error)$/, ' violation')));
        for (const r of reference) seen[r.slice(r.lastIndexOf(' ') + 1) as Outcome]++;

        // All the rules together: the violations are exactly the rules the engine did not pass, in rule order.
        const together = createEvaluator(catalog, { rules, severity: BUILTINS_OFF });
        for (const bp of catalog.blueprints) {
          for (const bu of catalog.bundles) {
            const failing = rules.filter((rule) => !reference.includes(`${rule.id} ${bp.blueprintId} ${bu.bundleId} passed`)).map((r) => r.id);
            expect(together.check(bp.blueprintId, bu.bundleId).violations.map((v) => v.ruleId)).toEqual(failing);
          }
        }
      }),
      { numRuns: 150 },
    );
    // The generator reaches all three outcomes, so the law is not vacuous.
    expect(seen.fired).toBeGreaterThan(100);
    expect(seen.passed).toBeGreaterThan(100);
    expect(seen.error).toBeGreaterThan(20);
  });

  it('computes the same rows over many bundles (several bit-set words) as the per-pair closures', () => {
    fc.assert(
      fc.property(catalogArbitrary(6, 70), ruleFiles, (catalog, files) => {
        const rules = loadValidRules(files);
        const evaluator = createEvaluator(catalog, { rules, severity: BUILTINS_OFF });
        for (let bi = 0; bi < catalog.blueprints.length; bi++) {
          const row = evaluator.compatibleBundles(bi);
          const fromRow = catalog.bundles.map((_, ui) => has(row, ui));
          const fromPairs = catalog.bundles.map((_, ui) => evaluator.isCompatibleAt(bi, ui));
          expect(fromRow).toEqual(fromPairs);
          // No bit is set past the last bundle.
          expect(count(row)).toBe(fromPairs.filter(Boolean).length);
        }
      }),
      { numRuns: 60 },
    );
  });
});
