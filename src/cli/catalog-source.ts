/**
 * How commands get their catalog: `--catalog FILE` (repeatable, `-` for stdin) or, without it,
 * the built-in snapshot, announced once on stderr with its date.
 *
 * @module
 */
import { loadBuiltinCatalog, BUILTIN_STALE_AFTER_DAYS } from '../catalog/builtin.js';
import { catalogText, loadCatalog, type LoadCatalogResult } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/model.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics.js';
import { listOption, type OptionSpecs, type ParsedArgs } from './args.js';
import { InputError } from './errors.js';
import { INPUT_LIMITS, readUserFile, type CliIo } from './io.js';

/** The flags every catalog-using command accepts. */
export const CATALOG_OPTION_SPECS: OptionSpecs = {
  catalog: { type: 'string', multiple: true },
};

/** Help text for the catalog flags. */
export const CATALOG_OPTIONS_HELP = `  --catalog FILE       catalog to use instead of the built-in snapshot; repeatable, merged;
                       \`-\` reads stdin. Accepts aws lightsail get-blueprints/get-bundles JSON
                       output (pages too) and lightsail-compat catalog files`;

/** Reads and loads the files named by `--catalog`, without judging the diagnostics. */
export async function readCatalogFiles(io: CliIo, paths: readonly string[]): Promise<LoadCatalogResult> {
  const inputs = [];
  let stdinUsed = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinUsed) throw new InputError('`-` (stdin) can be given only once');
      stdinUsed = true;
    }
    const { name, text } = await readUserFile(io, path, INPUT_LIMITS.catalogBytes, 'catalog');
    inputs.push(catalogText(text, name));
  }
  return loadCatalog(...inputs);
}

/**
 * The catalog a command works on. Prints the catalog's errors and warnings to stderr; errors make
 * it unusable ({@link InputError}, exit 2), since a verdict on a half-read catalog would mislead.
 */
export async function resolveCatalog(io: CliIo, parsed: ParsedArgs): Promise<Catalog> {
  const paths = listOption(parsed, 'catalog');
  if (paths.length === 0) return builtinWithNotice(io);
  const { catalog, diagnostics } = await readCatalogFiles(io, paths);
  reportCatalogDiagnostics(io, diagnostics);
  if (hasErrors(diagnostics)) {
    throw new InputError(
      `the catalog cannot be used until the errors above are fixed (\`lightsail-compat catalog validate ${paths.join(' ')}\` lists every problem)`,
    );
  }
  return catalog;
}

/** Prints errors and warnings about a catalog to stderr (`info` only where asked). */
export function reportCatalogDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], includeInfo = false): void {
  for (const d of diagnostics) {
    if (d.severity !== 'info' || includeInfo) io.stderr.write(formatDiagnostic(d) + '\n');
  }
}

function builtinWithNotice(io: CliIo): Catalog {
  const { catalog } = loadBuiltinCatalog();
  const { region, asOf } = catalog.metadata;
  let note = `Using the built-in catalog (${region ?? 'no region'}, as of ${asOf ?? 'an unknown date'})`;
  const age = asOf === undefined ? undefined : Math.floor((io.now().getTime() - Date.parse(asOf)) / 86_400_000);
  if (age !== undefined && age > BUILTIN_STALE_AFTER_DAYS) note += `, which is ${age} days old`;
  note += '; for your account and region, pass --catalog FILE from `aws lightsail get-bundles` / `get-blueprints` or `lightsail-compat catalog pull`.';
  io.stderr.write(note + '\n');
  return catalog;
}
