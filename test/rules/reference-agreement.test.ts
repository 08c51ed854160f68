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
import { restrictedPathResolver } from '../../src/rules/path.js';
import { runReferenceEngine } from '../../src/rules/reference-engine.js';
import { catalogArbitrary, ruleFiles } from './support/arbitraries.js';
import { BUILTINS_OFF, loadValidRules } from './support/rules.js';

type Outcome = 'fired' | 'passed' | 'error';

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
      { numRuns: 300 },
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
