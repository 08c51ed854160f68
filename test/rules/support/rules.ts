/**
 * Builders shared by the rules tests: rule files as text, catalogs from plain items, and option
 * sets that isolate one rule.
 */
import { createCatalog } from '../../../src/catalog/catalog.js';
import type { Blueprint, Bundle, Catalog } from '../../../src/catalog/model.js';
import { BUILTIN_RULE_IDS } from '../../../src/rules/builtin-rules.js';
import type { RuleSetting } from '../../../src/rules/evaluator.js';
import { loadRules, type RuleDefinition } from '../../../src/rules/load-rules.js';

/** Event params that pass the schema, for rules whose metadata does not matter to a test. */
export const PLAIN_PARAMS = {
  severity: 'error',
  title: 'A test rule',
  rationale: 'Exists for a test.',
  message: '{{blueprint.blueprintId}} on {{bundle.bundleId}}',
} as const;

/** A rule file as a JSON value: name, conditions and a violation event. */
export function ruleJson(name: string, conditions: unknown, params: Record<string, unknown> = PLAIN_PARAMS): Record<string, unknown> {
  return { name, conditions, event: { type: 'violation', params } };
}

/** Loads rule JSON values as user rules and fails the test on any diagnostic. */
export function loadValidRules(files: readonly unknown[]): RuleDefinition[] {
  const { rules, diagnostics } = loadRules(
    files.map((file, i) => ({ name: `rule-${i}.json`, text: JSON.stringify(file) })),
    { source: 'user', existingIds: BUILTIN_RULE_IDS },
  );
  if (diagnostics.length > 0) throw new Error(`rules did not load: ${JSON.stringify(diagnostics)}`);
  return [...rules];
}

/** Severity overrides that turn every built-in rule off, so a user rule can be observed alone. */
export const BUILTINS_OFF: Readonly<Record<string, RuleSetting>> = Object.fromEntries(BUILTIN_RULE_IDS.map((id) => [id, 'off' as const]));

/** A catalog from plain items (the caller vouches for their shape). */
export function catalogOf(blueprints: readonly object[], bundles: readonly object[]): Catalog {
  return createCatalog({ source: 'file', inputs: ['test'] }, blueprints as Blueprint[], bundles as Bundle[]);
}

/** A normalized Linux bundle of the current generation with the given changes. */
export function bundle(bundleId: string, changes: Partial<Record<keyof Bundle, unknown>> = {}): Bundle {
  return {
    bundleId,
    price: 5,
    cpuCount: 2,
    diskSizeInGb: 20,
    isActive: true,
    power: 298,
    ramSizeInGb: 0.5,
    transferPerMonthInGb: 1024,
    supportedPlatforms: ['LINUX_UNIX'],
    supportedAppCategories: [],
    publicIpv4AddressCount: 1,
    ...changes,
  };
}

/** A normalized Linux blueprint with the given changes. */
export function blueprint(blueprintId: string, changes: Partial<Record<keyof Blueprint, unknown>> = {}): Blueprint {
  return { blueprintId, isActive: true, minPower: 0, platform: 'LINUX_UNIX', ...changes };
}
