/**
 * `lightsail-compat matrix`: every chosen blueprint against every chosen bundle, as a table, CSV,
 * JSON, Markdown or a self-contained HTML page.
 *
 * @module
 */
import type { Catalog } from '../../catalog/model.js';
import { buildMatrixView, type MatrixView, type MatrixViewOptions } from '../../planning/matrix-view.js';
import { matrixCsv, matrixHtml, matrixJson, matrixMarkdown, matrixTableModel } from '../../planning/render-matrix.js';
import { choiceOption, listOption, parseCommandArgs } from '../args.js';
import { CATALOG_OPTION_SPECS, CATALOG_OPTIONS_HELP, resolveCatalog, unknownIdProblem } from '../catalog-source.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { formatTable, stylesFor } from '../format.js';
import type { CliIo } from '../io.js';
import { RULE_OPTION_SPECS, RULE_OPTIONS_HELP, resolveRuleOptions } from '../rule-options.js';

const FORMATS = ['table', 'csv', 'json', 'markdown', 'html'] as const;

/**
 * Most cells a matrix may have. A matrix is for reading; past this size the HTML page alone runs
 * to hundreds of megabytes, and `recommend` answers the question better.
 */
export const MAX_MATRIX_CELLS = 1_000_000;

/** Help for `matrix`. */
export const usage = `Usage: lightsail-compat matrix [filters] [options]

Prints every blueprint (rows) against every bundle (columns): each cell is compatible, or names
the rules that fail it. Active blueprints and bundles only, unless --include-inactive.

Filters:
  --blueprint ID       only this blueprint; repeatable, or a comma-separated list
  --bundle ID          only this bundle; repeatable, or a comma-separated list
  --platform P         only blueprints of platform LINUX_UNIX or WINDOWS, and the bundles
                       that support it
  --type os|app        only OS blueprints, or only application blueprints

Output:
  --format F           table (default), csv, json, markdown, or html: one self-contained page
                       (no network requests) with a coloured grid, the reasons on hover, sticky
                       headers, prices and filters:
                         lightsail-compat matrix --format html > matrix.html

Options:
${CATALOG_OPTIONS_HELP}
${RULE_OPTIONS_HELP}

In the table, a cell is ok, ok(N) (compatible, rule N warns) or x(N,M) (rules N and M fail);
the rules are numbered under the table. CSV cells read compatible, compatible: RULE... or
incompatible: RULE....

Exit codes: 0 matrix printed, 2 usage or input error.
`;

/** Runs `matrix`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('matrix', args, {
    ...CATALOG_OPTION_SPECS,
    ...RULE_OPTION_SPECS,
    blueprint: { type: 'string', multiple: true },
    bundle: { type: 'string', multiple: true },
    platform: { type: 'string' },
    type: { type: 'string' },
    format: { type: 'string' },
  });
  if (parsed.positionals.length > 0) throw new UsageError(`matrix takes no arguments (got ${parsed.positionals[0]}); name blueprints with --blueprint ID`);
  const format = choiceOption(parsed, 'format', FORMATS) ?? 'table';
  const platform = choiceOption(parsed, 'platform', ['LINUX_UNIX', 'WINDOWS'] as const);
  const type = choiceOption(parsed, 'type', ['os', 'app'] as const);
  const blueprintIds = listOption(parsed, 'blueprint', true);
  const bundleIds = listOption(parsed, 'bundle', true);
  const ruleOptions = await resolveRuleOptions(io, parsed);
  const catalog = await resolveCatalog(io, parsed);
  rejectUnknownIds(catalog, blueprintIds, bundleIds);

  const options: MatrixViewOptions = {
    ...ruleOptions,
    ...(blueprintIds.length > 0 && { blueprintIds }),
    ...(bundleIds.length > 0 && { bundleIds }),
    ...(platform !== undefined && { platform }),
    ...(type !== undefined && { type }),
  };
  const size = countCells(catalog, options);
  if (size.rows * size.columns > MAX_MATRIX_CELLS) {
    throw new UsageError(
      `the matrix would have ${size.rows} × ${size.columns} cells, more than ${MAX_MATRIX_CELLS}; narrow it with --blueprint, --bundle, --platform or --type, or use \`lightsail-compat recommend\``,
    );
  }
  const view = buildMatrixView(catalog, options);
  if (view.rows.length === 0 || view.columns.length === 0) {
    io.stderr.write(`the matrix is empty: ${view.rows.length === 0 ? 'no blueprint' : 'no bundle'} matches the filters\n`);
  }
  io.stdout.write(render(view, format, io));
  return EXIT.ok;
}

function rejectUnknownIds(catalog: Catalog, blueprintIds: readonly string[], bundleIds: readonly string[]): void {
  const problems: string[] = [];
  for (const id of blueprintIds) if (!catalog.getBlueprint(id)) problems.push(unknownIdProblem('--blueprint', 'blueprint', id, catalog));
  for (const id of bundleIds) if (!catalog.getBundle(id)) problems.push(unknownIdProblem('--bundle', 'bundle', id, catalog));
  if (problems.length > 0) throw new InputError(problems.join('; '));
}

/** Rows and columns the options select, counted before any cell is evaluated. */
function countCells(catalog: Catalog, options: MatrixViewOptions): { rows: number; columns: number } {
  const showInactive = options.includeInactive === true;
  const rows = options.blueprintIds
    ? new Set(options.blueprintIds).size
    : catalog.blueprints.filter((b) => (showInactive || b.isActive) && (options.platform === undefined || b.platform === options.platform)).length;
  const columns = options.bundleIds
    ? new Set(options.bundleIds).size
    : catalog.bundles.filter((b) => (showInactive || b.isActive) && (options.platform === undefined || b.supportedPlatforms.includes(options.platform))).length;
  return { rows, columns };
}

function render(view: MatrixView, format: (typeof FORMATS)[number], io: CliIo): string {
  switch (format) {
    case 'csv':
      return matrixCsv(view);
    case 'json':
      return matrixJson(view);
    case 'markdown':
      return matrixMarkdown(view);
    case 'html':
      return matrixHtml(view);
    case 'table': {
      const s = stylesFor(io, io.stdout);
      const model = matrixTableModel(view);
      const paint = { compatible: s.green, warning: s.yellow, incompatible: s.red } as const;
      const rows = model.rows.map((row) => [row.blueprintId, ...row.cells.map((cell) => paint[cell.status](cell.label))]);
      const legend = model.legend.length > 0 ? `rules: ${model.legend.join('\n       ')}\n` : '';
      return formatTable(model.header.map((h) => s.bold(h)), rows) + (view.rows.length > 0 ? '\n' + legend : '');
    }
  }
}
