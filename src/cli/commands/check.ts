/**
 * `lightsail-compat check BLUEPRINT BUNDLE`: one verdict, with reasons and a suggestion.
 *
 * @module
 */
import { checkPair, type Verdict } from '../../rules/evaluator.js';
import { choiceOption, parseCommandArgs } from '../args.js';
import { CATALOG_OPTION_SPECS, CATALOG_OPTIONS_HELP, resolveCatalog } from '../catalog-source.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { formatPrice, stylesFor } from '../format.js';
import type { CliIo } from '../io.js';
import { RULE_OPTION_SPECS, RULE_OPTIONS_HELP, resolveRuleOptions } from '../rule-options.js';

/** Help for `check`. */
export const usage = `Usage: lightsail-compat check BLUEPRINT BUNDLE [options]

Says whether a blueprint can run on a bundle, which rules it breaks and why, and the cheapest
bundle that would work.

Options:
${CATALOG_OPTIONS_HELP}
${RULE_OPTIONS_HELP}
  --format text|json   output format (default text); json prints the verdict object

Exit codes: 0 compatible, 1 incompatible, 2 usage or input error (an unknown id included).

Example:
  lightsail-compat check windows_server_2019_sql_2016_express micro_win_3_0
`;

/** Runs `check`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('check', args, { ...CATALOG_OPTION_SPECS, ...RULE_OPTION_SPECS, format: { type: 'string' } });
  const format = choiceOption(parsed, 'format', ['text', 'json'] as const) ?? 'text';
  const [blueprintId, bundleId, ...extra] = parsed.positionals;
  if (blueprintId === undefined || bundleId === undefined) throw new UsageError('check needs a BLUEPRINT and a BUNDLE id; see `lightsail-compat check --help`');
  if (extra.length > 0) throw new UsageError(`check takes two ids, got also ${extra.join(' ')}`);
  const ruleOptions = await resolveRuleOptions(io, parsed);
  const catalog = await resolveCatalog(io, parsed);
  const verdict = checkPair(catalog, blueprintId, bundleId, ruleOptions);
  const unknown = verdict.violations.filter((v) => v.ruleId === 'unknown-blueprint' || v.ruleId === 'unknown-bundle');
  if (unknown.length > 0) throw new InputError(unknown.map((v) => v.message).join('; '));
  io.stdout.write(format === 'json' ? JSON.stringify(verdict, null, 2) + '\n' : renderVerdict(verdict, io));
  return verdict.compatible ? EXIT.ok : EXIT.findings;
}

/** The text form of a verdict. */
export function renderVerdict(verdict: Verdict, io: CliIo): string {
  const s = stylesFor(io, io.stdout);
  const lines = [`${verdict.blueprintId} on ${verdict.bundleId}: ${verdict.compatible ? s.green('compatible') : s.red('incompatible')}`];
  const idWidth = Math.max(0, ...verdict.violations.map((v) => v.ruleId.length));
  for (const v of verdict.violations) {
    const severity = v.severity === 'error' ? s.red('error  ') : v.severity === 'warning' ? s.yellow('warning') : s.dim('info   ');
    lines.push(`  ${severity}  ${v.ruleId.padEnd(idWidth)}  ${v.message}`);
  }
  if (!verdict.compatible) {
    lines.push(
      verdict.suggestion
        ? `suggestion: ${verdict.suggestion.bundleId} (${formatPrice(verdict.suggestion.price)}/month) is the cheapest bundle ${verdict.blueprintId} is compatible with`
        : `no bundle in this catalog is compatible with ${verdict.blueprintId}`,
    );
  }
  return lines.join('\n') + '\n';
}
