/**
 * `lightsail-compat catalog show`: where a catalog comes from and what is in it.
 *
 * @module
 */
import { summarizeCatalog, type ItemCounts } from '../../catalog/summarize-catalog.js';
import { choiceOption, parseCommandArgs } from '../args.js';
import { CATALOG_OPTION_SPECS, CATALOG_OPTIONS_HELP, resolveCatalog } from '../catalog-source.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

/** Help for `catalog show`. */
export const usage = `Usage: lightsail-compat catalog show [--catalog FILE...] [--format text|json]

Prints the catalog's region, source and date, and counts of blueprints and bundles by platform
and state.

Options:
${CATALOG_OPTIONS_HELP}
  --format text|json   output format (default text)
`;

/** Runs `catalog show`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('catalog show', args, { ...CATALOG_OPTION_SPECS, format: { type: 'string' } });
  const format = choiceOption(parsed, 'format', ['text', 'json'] as const) ?? 'text';
  if (parsed.positionals.length > 0) throw new UsageError(`catalog show takes no arguments (got ${parsed.positionals[0]}); pass files with --catalog`);
  const summary = summarizeCatalog(await resolveCatalog(io, parsed));
  if (format === 'json') {
    io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return EXIT.ok;
  }
  const date = summary.fetchedAt !== undefined ? `fetched ${summary.fetchedAt}` : summary.asOf !== undefined ? `as of ${summary.asOf}` : 'undated';
  const lines = [
    `Region:     ${summary.region ?? '(not recorded)'}`,
    `Source:     ${summary.source}, ${date}`,
    `Inputs:     ${summary.inputs.join(', ')}`,
    `Blueprints: ${describeCounts(summary.blueprints)}`,
    ...platformLines(summary.blueprints),
    `  by type:  ${Object.entries(summary.blueprints.byType).map(([t, n]) => `${t} ${n}`).join(', ') || '(none)'}`,
    `Bundles:    ${describeCounts(summary.bundles)}, ${summary.bundles.ipv6Only} IPv6-only`,
    ...platformLines(summary.bundles),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

function describeCounts(c: ItemCounts): string {
  return `${c.total} (${c.active} active, ${c.inactive} inactive)`;
}

function platformLines(c: ItemCounts): string[] {
  const width = Math.max(0, ...Object.keys(c.byPlatform).map((p) => p.length));
  return Object.entries(c.byPlatform).map(([p, n]) => `  ${p.padEnd(width)}  ${String(n.total).padStart(3)} (${n.active} active)`);
}
