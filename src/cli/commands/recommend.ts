/**
 * `lightsail-compat recommend`: the compatible pairings that meet hard criteria, sorted, as a
 * table, JSON, CSV or Markdown.
 *
 * @module
 */
import type { Catalog } from '../../catalog/model.js';
import { pairingsCsv, pairingsJson, pairingsMarkdown, pairingTableRows, PAIRING_TABLE_ALIGN, PAIRING_TABLE_HEADER } from '../../planning/render-pairings.js';
import {
  recommendPairings,
  RECOMMEND_SORT_KEYS,
  type CriterionName,
  type RecommendCriteria,
  type RecommendResult,
} from '../../planning/recommend-pairings.js';
import { choiceOption, flag, listOption, numberOption, parseCommandArgs, stringOption, type ParsedArgs } from '../args.js';
import { CATALOG_OPTION_SPECS, CATALOG_OPTIONS_HELP, resolveCatalog, unknownIdProblem } from '../catalog-source.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { formatTable, stylesFor } from '../format.js';
import type { CliIo } from '../io.js';
import { RULE_OPTION_SPECS, RULE_OPTIONS_HELP, resolveRuleOptions } from '../rule-options.js';

/** The default `--limit`. */
export const DEFAULT_LIMIT = 20;

const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

/** Help for `recommend`. */
export const usage = `Usage: lightsail-compat recommend [criteria] [options]

Lists the blueprint and bundle pairings that are compatible under the rules in force and meet
every criterion, cheapest first. Criteria are hard filters; leave one out to accept anything.

Criteria:
  --blueprint ID         only this blueprint; repeatable, or a comma-separated list
  --platform P           only blueprints of platform LINUX_UNIX or WINDOWS
  --type os|app          only OS blueprints, or only application blueprints
  --min-cpu N            at least N vCPUs
  --min-ram GB           at least this much RAM
  --min-disk GB          at least this much disk
  --min-transfer GB      at least this much monthly transfer
  --max-price USD        at most this monthly price
  --ipv6-only            only IPv6-only bundles (no public IPv4 address)
  --dual-stack           only dual-stack bundles (with a public IPv4 address)
  --like BUNDLE          only bundles with as many vCPUs and as much RAM as BUNDLE or more
                         (BUNDLE itself included), of either network kind: add --dual-stack
                         to keep a public IPv4 address

Output:
  --sort KEY             price (default), ram, cpu, disk, power or price-per-gb (price / RAM);
                         ties go to the bundle id, then the blueprint id
  --desc                 sort by the key in descending order
  --cheapest-per-blueprint
                         one line per blueprint: its cheapest bundle that meets the criteria
  --limit N              at most N lines (default ${DEFAULT_LIMIT}); a note on stderr says when the list was cut
  --all                  every line, no limit
  --format F             table (default), json, csv or markdown

Options:
${CATALOG_OPTIONS_HELP}
${RULE_OPTIONS_HELP}

Exit codes: 0 results printed, 1 nothing matches (stderr says which criterion excluded the
most), 2 usage or input error.

Examples:
  lightsail-compat recommend --blueprint wordpress
  lightsail-compat recommend --platform WINDOWS --min-ram 4 --max-price 100 --format json
  lightsail-compat recommend --like medium_3_0 --cheapest-per-blueprint --all
`;

/** Runs `recommend`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('recommend', args, {
    ...CATALOG_OPTION_SPECS,
    ...RULE_OPTION_SPECS,
    blueprint: { type: 'string', multiple: true },
    platform: { type: 'string' },
    type: { type: 'string' },
    'min-cpu': { type: 'string' },
    'min-ram': { type: 'string' },
    'min-disk': { type: 'string' },
    'min-transfer': { type: 'string' },
    'max-price': { type: 'string' },
    'ipv6-only': { type: 'boolean' },
    'dual-stack': { type: 'boolean' },
    like: { type: 'string' },
    sort: { type: 'string' },
    desc: { type: 'boolean' },
    'cheapest-per-blueprint': { type: 'boolean' },
    limit: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
  });
  if (parsed.positionals.length > 0) {
    throw new UsageError(`recommend takes no arguments (got ${parsed.positionals[0]}); name blueprints with --blueprint ID`);
  }
  const criteria = readCriteria(parsed);
  const format = choiceOption(parsed, 'format', FORMATS) ?? 'table';
  const sort = choiceOption(parsed, 'sort', RECOMMEND_SORT_KEYS) ?? 'price';
  const limitGiven = numberOption(parsed, 'limit', { min: 1, integer: true });
  if (limitGiven !== undefined && flag(parsed, 'all')) throw new UsageError('--limit and --all cannot be combined: --all means no limit');
  const limit = flag(parsed, 'all') ? undefined : (limitGiven ?? DEFAULT_LIMIT);
  const ruleOptions = await resolveRuleOptions(io, parsed);
  const catalog = await resolveCatalog(io, parsed);

  const cheapestPerBlueprint = flag(parsed, 'cheapest-per-blueprint');
  const result = recommendPairings(catalog, criteria, {
    ...ruleOptions,
    sort,
    descending: flag(parsed, 'desc'),
    cheapestPerBlueprint,
    ...(limit !== undefined && { limit }),
  });
  rejectUnknownIds(catalog, result);

  io.stdout.write(render(result, format, io));
  if (result.truncated) {
    const what = cheapestPerBlueprint ? 'blueprints with a matching bundle' : 'matching pairings';
    io.stderr.write(`showing ${result.pairings.length} of ${result.matched} ${what}; pass --limit N or --all for more\n`);
  }
  if (result.pairings.length > 0) return EXIT.ok;
  io.stderr.write(describeEmpty(result, criteria) + '\n');
  return EXIT.findings;
}

function readCriteria(parsed: ParsedArgs): RecommendCriteria {
  const blueprintIds = listOption(parsed, 'blueprint', true);
  const platform = choiceOption(parsed, 'platform', ['LINUX_UNIX', 'WINDOWS'] as const);
  const type = choiceOption(parsed, 'type', ['os', 'app'] as const);
  const minCpuCount = numberOption(parsed, 'min-cpu');
  const minRamSizeInGb = numberOption(parsed, 'min-ram');
  const minDiskSizeInGb = numberOption(parsed, 'min-disk');
  const minTransferPerMonthInGb = numberOption(parsed, 'min-transfer');
  const maxPrice = numberOption(parsed, 'max-price');
  if (flag(parsed, 'ipv6-only') && flag(parsed, 'dual-stack')) {
    throw new UsageError('--ipv6-only and --dual-stack exclude each other; give one of them');
  }
  const network = flag(parsed, 'ipv6-only') ? 'ipv6-only' : flag(parsed, 'dual-stack') ? 'dual-stack' : undefined;
  const likeBundleId = stringOption(parsed, 'like');
  return {
    ...(blueprintIds.length > 0 && { blueprintIds }),
    ...(platform !== undefined && { platform }),
    ...(type !== undefined && { type }),
    ...(minCpuCount !== undefined && { minCpuCount }),
    ...(minRamSizeInGb !== undefined && { minRamSizeInGb }),
    ...(minDiskSizeInGb !== undefined && { minDiskSizeInGb }),
    ...(minTransferPerMonthInGb !== undefined && { minTransferPerMonthInGb }),
    ...(maxPrice !== undefined && { maxPrice }),
    ...(network !== undefined && { network }),
    ...(likeBundleId !== undefined && { likeBundleId }),
  };
}

/** An id that is not in the catalog is a mistake to point out, not a filter that matches nothing. */
function rejectUnknownIds(catalog: Catalog, result: RecommendResult): void {
  const problems: string[] = [];
  for (const id of result.unknownBlueprintIds) problems.push(unknownIdProblem('--blueprint', 'blueprint', id, catalog));
  if (result.unknownLikeBundleId !== undefined) problems.push(unknownIdProblem('--like', 'bundle', result.unknownLikeBundleId, catalog));
  if (problems.length > 0) throw new InputError(problems.join('; '));
}

function render(result: RecommendResult, format: (typeof FORMATS)[number], io: CliIo): string {
  switch (format) {
    case 'json':
      return pairingsJson(result.pairings);
    case 'csv':
      return pairingsCsv(result.pairings);
    case 'markdown':
      return result.pairings.length > 0 ? pairingsMarkdown(result.pairings) : '';
    case 'table': {
      if (result.pairings.length === 0) return '';
      const s = stylesFor(io, io.stdout);
      const rows = pairingTableRows(result.pairings).map((cells) => cells.map((cell, c) => (c === 9 && cell === 'IPv6-only' ? s.yellow(cell) : c === 2 ? s.green(cell) : cell)));
      return formatTable(PAIRING_TABLE_HEADER.map((h) => s.bold(h)), rows, PAIRING_TABLE_ALIGN);
    }
  }
}

/** The flag a criterion came from, as the user would type it. */
function criterionFlag(criterion: CriterionName, criteria: RecommendCriteria): string {
  switch (criterion) {
    case 'blueprintIds':
      return `--blueprint ${(criteria.blueprintIds ?? []).join(',')}`;
    case 'platform':
      return `--platform ${criteria.platform}`;
    case 'type':
      return `--type ${criteria.type}`;
    case 'minCpuCount':
      return `--min-cpu ${criteria.minCpuCount}`;
    case 'minRamSizeInGb':
      return `--min-ram ${criteria.minRamSizeInGb}`;
    case 'minDiskSizeInGb':
      return `--min-disk ${criteria.minDiskSizeInGb}`;
    case 'minTransferPerMonthInGb':
      return `--min-transfer ${criteria.minTransferPerMonthInGb}`;
    case 'maxPrice':
      return `--max-price ${criteria.maxPrice}`;
    case 'network':
      return criteria.network === 'ipv6-only' ? '--ipv6-only' : '--dual-stack';
    case 'likeBundleId':
      return `--like ${criteria.likeBundleId}`;
  }
}

/** Why nothing matched, in one line: the criterion that excluded the most compatible pairings. */
export function describeEmpty(result: RecommendResult, criteria: RecommendCriteria): string {
  const why = result.emptyBecause;
  if (!why || why.compatibleCount === 0) return 'nothing matches: no pairing in this catalog is compatible under the rules in force';
  const top = why.exclusions[0];
  if (!top) return 'nothing matches';
  const pairings = why.compatibleCount === 1 ? 'compatible pairing' : 'compatible pairings';
  return `nothing matches; ${criterionFlag(top.criterion, criteria)} excluded the most (${top.excluded} of ${why.compatibleCount} ${pairings})`;
}
