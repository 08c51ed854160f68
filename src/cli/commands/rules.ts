/**
 * `lightsail-compat rules list` and `rules show ID`: the rules in force.
 *
 * @module
 */
import { listRules } from '../../rules/list-rules.js';
import { builtinRules } from '../../rules/builtin-rules.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { choiceOption, parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { formatTable } from '../format.js';
import type { CliIo } from '../io.js';
import { RULE_OPTION_SPECS, RULE_OPTIONS_HELP, resolveRuleOptions } from '../rule-options.js';

/** Help for `rules`. */
export const usage = `Usage: lightsail-compat rules list [options]
       lightsail-compat rules show ID [options]

Lists the rules in force (built-in first, then --rules files) with their severities, or shows
one rule: its metadata and its rule JSON.

Options:
${RULE_OPTIONS_HELP}
  --format text|json   output format (default text)
`;

/** Runs `rules list` / `rules show`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('rules', args, { ...RULE_OPTION_SPECS, format: { type: 'string' } });
  const format = choiceOption(parsed, 'format', ['text', 'json'] as const) ?? 'text';
  const [sub, id, ...extra] = parsed.positionals;
  const options = await resolveRuleOptions(io, parsed);
  const rules = listRules(options);
  if (sub === 'list' && id === undefined) {
    if (format === 'json') io.stdout.write(JSON.stringify(rules, null, 2) + '\n');
    else io.stdout.write(formatTable(['RULE', 'SEVERITY', 'SOURCE', 'TITLE'], rules.map((r) => [r.id, r.severity, r.source === 'user' ? (r.file ?? 'user') : 'built-in', r.title])));
    return EXIT.ok;
  }
  if (sub === 'show' && id !== undefined && extra.length === 0) {
    const info = rules.find((r) => r.id === id);
    if (!info) {
      const near = didYouMean(id, rules.map((r) => r.id), 1);
      throw new UsageError(`there is no rule ${id}` + (near.length > 0 ? `; did you mean ${near[0]}?` : '') + ' (see `lightsail-compat rules list`)');
    }
    const definition = [...builtinRules(), ...(options.rules ?? [])].find((r) => r.id === id)!;
    if (format === 'json') {
      io.stdout.write(JSON.stringify({ ...info, rule: definition.json }, null, 2) + '\n');
    } else {
      io.stdout.write(
        [
          `${info.id}: ${info.title}`,
          `severity: ${info.severity}${info.severity !== info.defaultSeverity ? ` (default ${info.defaultSeverity})` : ''}`,
          `source:   ${info.source === 'user' ? (info.file ?? 'user') : 'built-in'}`,
          ...(info.docsUrl !== undefined ? [`docs:     ${info.docsUrl}`] : []),
          '',
          info.rationale,
          '',
          JSON.stringify(definition.json, null, 2),
          '',
        ].join('\n'),
      );
    }
    return EXIT.ok;
  }
  throw new UsageError('expected `rules list` or `rules show ID`; see `lightsail-compat rules --help`');
}
