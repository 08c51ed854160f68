import { createRequire } from 'node:module';
import { formatDiagnostic } from '../diagnostics.js';
import { loadRules, type RuleDefinition } from './load-rules.js';

/** The built-in rules, in evaluation order. Each is `rules/<id>.json` in the package. */
export const BUILTIN_RULE_IDS: readonly string[] = [
  'power-threshold',
  'platform-match',
  'blueprint-active',
  'bundle-active',
  'app-category-match',
];

let cached: readonly RuleDefinition[] | undefined;

/**
 * The rules that ship with the package, validated by the same loader as user rules (so a built-in
 * rule can never use what a user rule may not). Loaded once per process.
 */
export function builtinRules(): readonly RuleDefinition[] {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const sources = BUILTIN_RULE_IDS.map((id) => ({
      name: `rules/${id}.json`,
      // A JSON module through require: the rules live at the package root, beside src/ and dist/.
      text: JSON.stringify(require(`../../rules/${id}.json`)),
    }));
    const { rules, diagnostics } = loadRules(sources, { source: 'builtin' });
    if (diagnostics.length > 0) {
      // Only a broken package gets here; the tests load every built-in rule.
      throw new Error(`built-in rules are invalid: ${diagnostics.map(formatDiagnostic).join('; ')}`);
    }
    cached = Object.freeze(rules);
  }
  return cached;
}
