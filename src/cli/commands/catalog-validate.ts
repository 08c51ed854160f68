/**
 * `lightsail-compat catalog validate FILE...`: loads the files together (so pages merge and
 * duplicates across files are found) and prints every problem with file and pointer or line.
 *
 * @module
 */
import { formatDiagnostic, hasErrors } from '../../diagnostics.js';
import { choiceOption, parseCommandArgs } from '../args.js';
import { readCatalogFiles } from '../catalog-source.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { plural } from '../../util/text.js';

/** Help for `catalog validate`. */
export const usage = `Usage: lightsail-compat catalog validate FILE... [--format text|json]

Loads the files as one catalog, the way --catalog would, and prints every problem with its file
and JSON Pointer or line and column. Pages of the same listing may be split across files.

Options:
  --format text|json   output format (default text)

Exit codes: 0 the files load (warnings allowed), 2 any file or item cannot be used.
`;

/** Runs `catalog validate`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('catalog validate', args, { format: { type: 'string' } });
  const format = choiceOption(parsed, 'format', ['text', 'json'] as const) ?? 'text';
  if (parsed.positionals.length === 0) throw new UsageError('catalog validate needs at least one FILE (`-` for stdin)');
  const { catalog, diagnostics } = await readCatalogFiles(io, parsed.positionals);
  const valid = !hasErrors(diagnostics);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  if (format === 'json') {
    const summary = { valid, blueprints: catalog.blueprints.length, bundles: catalog.bundles.length, ...counts };
    io.stdout.write(JSON.stringify({ summary, diagnostics }, null, 2) + '\n');
  } else {
    for (const d of diagnostics) io.stdout.write(formatDiagnostic(d) + '\n');
    const files = parsed.positionals.length === 1 ? '1 file' : `${parsed.positionals.length} files`;
    io.stdout.write(
      `${valid ? 'valid' : 'not usable'}: ${files}, ${plural(catalog.blueprints.length, 'blueprint')} and ${plural(catalog.bundles.length, 'bundle')} loaded; ` +
        `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}\n`,
    );
  }
  if (!valid) {
    // The list is the output; this line is the reason for the exit code, where scripts look for it.
    io.stderr.write(`lightsail-compat: ${counts.error === 1 ? '1 error makes' : `${counts.error} errors make`} the catalog unusable; fix ${counts.error === 1 ? 'it' : 'them'} and validate again\n`);
  }
  return valid ? EXIT.ok : EXIT.error;
}
