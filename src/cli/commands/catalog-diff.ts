/**
 * `lightsail-compat catalog diff OLD NEW`: what changed between two catalogs, item by item and
 * verdict by verdict.
 *
 * @module
 */
import type { Catalog } from '../../catalog/model.js';
import { hasErrors } from '../../diagnostics.js';
import { diffCatalogs } from '../../planning/diff-catalogs.js';
import { diffJson, diffMarkdown, diffText } from '../../planning/render-diff.js';
import { choiceOption, parseCommandArgs } from '../args.js';
import { readCatalogFiles, reportCatalogDiagnostics } from '../catalog-source.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { RULE_OPTION_SPECS, RULE_OPTIONS_HELP, resolveRuleOptions } from '../rule-options.js';

/** Help for `catalog diff`. */
export const usage = `Usage: lightsail-compat catalog diff OLD NEW [options]

Compares two catalogs by id: bundles and blueprints added, retired (gone, or turned inactive) and
changed (price, power, vCPUs, RAM, disk, transfer, platforms, app categories, IPv4 count;
minPower, platform, type, app category, active), and the pairings of items in both whose verdict
changed. OLD and NEW are any catalog file the loader accepts (a lightsail-compat catalog file,
or aws lightsail get-blueprints and get-bundles output combined); \`-\` reads one from stdin.

Options:
${RULE_OPTIONS_HELP}
  --format F           text (default), json or markdown

Exit codes: 0 the catalogs are equal, 1 they differ, 2 usage or input error.

Example:
  lightsail-compat catalog diff last-month.json today.json --format markdown
`;

/** Runs `catalog diff`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('catalog diff', args, { ...RULE_OPTION_SPECS, format: { type: 'string' } });
  const format = choiceOption(parsed, 'format', ['text', 'json', 'markdown'] as const) ?? 'text';
  const [oldPath, newPath, ...extra] = parsed.positionals;
  if (oldPath === undefined || newPath === undefined) throw new UsageError('catalog diff needs an OLD and a NEW catalog file; see `lightsail-compat catalog diff --help`');
  if (extra.length > 0) throw new UsageError(`catalog diff takes two files, got also ${extra.join(' ')}`);
  if (oldPath === '-' && newPath === '-') throw new UsageError('`-` (stdin) can be only one of OLD and NEW');
  const ruleOptions = await resolveRuleOptions(io, parsed);
  const oldCatalog = await readOne(io, oldPath);
  const newCatalog = await readOne(io, newPath);
  const diff = diffCatalogs(oldCatalog, newCatalog, ruleOptions);
  const names = { old: oldPath === '-' ? '<stdin>' : oldPath, new: newPath === '-' ? '<stdin>' : newPath };
  io.stdout.write(format === 'json' ? diffJson(diff, names) : format === 'markdown' ? diffMarkdown(diff, names) : diffText(diff, names));
  return diff.equal ? EXIT.ok : EXIT.findings;
}

/** One side, loaded strictly: a diff against a half-read catalog would report phantom retirements. */
async function readOne(io: CliIo, path: string): Promise<Catalog> {
  const { catalog, diagnostics } = await readCatalogFiles(io, [path]);
  reportCatalogDiagnostics(io, diagnostics);
  if (hasErrors(diagnostics)) {
    throw new InputError(`${path}: the catalog cannot be compared until the errors above are fixed (\`lightsail-compat catalog validate ${path}\` lists every problem)`);
  }
  return catalog;
}
