import type { Severity } from '../diagnostics.js';
import { builtinRules } from './builtin-rules.js';
import { activeRules, type RuleOptions, type RuleSetting } from './evaluator.js';
import { ruleDocsUrl } from './rule-docs.js';

/** A rule as `rules list` shows it. */
export interface RuleInfo {
  /** Stable id. */
  readonly id: string;
  /** One-line summary. */
  readonly title: string;
  /** Severity in force (`off` when turned off). */
  readonly severity: RuleSetting;
  /** Severity as written in the rule file. */
  readonly defaultSeverity: Severity;
  /** Why the rule exists. */
  readonly rationale: string;
  /** Built in, or loaded from a user's file. */
  readonly source: 'builtin' | 'user';
  /** The file a user rule came from. */
  readonly file?: string;
  /** Documentation page. */
  readonly docsUrl?: string;
}

/**
 * Every rule known under the options, built-in first, with the severity in force.
 *
 * @example
 * ```ts
 * listRules({ includeInactive: true }).find((r) => r.id === 'bundle-active')?.severity; // 'off'
 * ```
 */
export function listRules(options: RuleOptions = {}): RuleInfo[] {
  const inForce = new Map(activeRules(options).map((r) => [r.definition.id, r.severity]));
  return [...builtinRules(), ...(options.rules ?? [])].map((rule) => {
    const docsUrl = rule.docsUrl ?? (rule.source === 'builtin' ? ruleDocsUrl(rule.id) : undefined);
    return {
      id: rule.id,
      title: rule.title,
      severity: inForce.get(rule.id) ?? 'off',
      defaultSeverity: rule.severity,
      rationale: rule.rationale,
      source: rule.source,
      ...(rule.source === 'user' && rule.file !== undefined && { file: rule.file }),
      ...(docsUrl !== undefined && { docsUrl }),
    };
  });
}
