/**
 * How commands get their catalog: `--catalog FILE` (repeatable, `-` for stdin), `--catalog live`
 * (the cached live catalog of a region, pulled when missing or older than `--max-age`) or, without
 * either, the built-in snapshot, announced once on stderr with its date. `--region` picks one
 * region's catalog among several inputs or from the cache.
 *
 * @module
 */
import { loadBuiltinCatalog, BUILTIN_STALE_AFTER_DAYS } from '../catalog/builtin.js';
import { catalogText, loadCatalog, type CatalogInput, type LoadCatalogResult } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/model.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics.js';
import { listOption, stringOption, type OptionSpecs, type ParsedArgs } from './args.js';
import { InputError, UsageError } from './errors.js';
import { INPUT_LIMITS, readUserFile, type CliIo } from './io.js';
import { cachedCatalogForRegion, checkRegion, maxAgeOption, resolveLiveCatalog } from './live.js';
import { didYouMean } from '../util/did-you-mean.js';

/** The flags every catalog-using command accepts. */
export const CATALOG_OPTION_SPECS: OptionSpecs = {
  catalog: { type: 'string', multiple: true },
  region: { type: 'string' },
  'max-age': { type: 'string' },
  profile: { type: 'string' },
};

/** Help text for the catalog flags. */
export const CATALOG_OPTIONS_HELP = `  --catalog FILE       catalog to use instead of the built-in snapshot; repeatable, merged;
                       \`-\` reads stdin. Accepts aws lightsail get-blueprints/get-bundles JSON
                       output (pages too) and lightsail-compat catalog files
  --catalog live       the region's live catalog from the cache, pulled from AWS when missing
                       or older than --max-age (see \`lightsail-compat catalog pull --help\`)
  --region REGION      the region whose catalog to use: picks the inputs of that region, or
                       the cached catalog pulled for it (default with --catalog live:
                       AWS_REGION, else the profile's region)
  --max-age AGE        how old a cached live catalog may be: 30m, 24h, 7d (default 24h)
  --profile NAME       AWS profile for --catalog live (default: AWS_PROFILE)`;

/** The `--catalog` value that selects the live catalog. A file named `live` is `./live`. */
export const LIVE_CATALOG = 'live';

/** Reads and loads the files named by `--catalog`, without judging the diagnostics. */
export async function readCatalogFiles(io: CliIo, paths: readonly string[]): Promise<LoadCatalogResult> {
  return loadCatalog(...(await readCatalogInputs(io, paths)));
}

async function readCatalogInputs(io: CliIo, paths: readonly string[]): Promise<CatalogInput[]> {
  const inputs: CatalogInput[] = [];
  let stdinUsed = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinUsed) throw new InputError('`-` (stdin) can be given only once');
      stdinUsed = true;
    }
    const { name, text } = await readUserFile(io, path, INPUT_LIMITS.catalogBytes, 'catalog');
    inputs.push(catalogText(text, name));
  }
  return inputs;
}

/**
 * The catalog a command works on. Prints the catalog's errors and warnings to stderr; errors make
 * it unusable ({@link InputError}, exit 2), since a verdict on a half-read catalog would mislead.
 */
export async function resolveCatalog(io: CliIo, parsed: ParsedArgs): Promise<Catalog> {
  const paths = catalogPaths(parsed);
  const region = stringOption(parsed, 'region');
  if (region !== undefined) return resolveCatalogForRegion(io, parsed, region);
  if (paths === LIVE_CATALOG) return resolveLiveCatalog(io, parsed, undefined);
  maxAgeOption(parsed); // a bad --max-age is an error even where it has no effect
  if (paths.length === 0) return builtinWithNotice(io);
  return usableCatalog(io, paths, await readCatalogFiles(io, paths));
}

/**
 * The catalog of one region, for commands that work region by region (`vet --regions`) and for
 * `--region`. With `--catalog live`: the region's cached live catalog, pulled when missing or
 * stale. With `--catalog FILE...`: the inputs whose catalog metadata names `region`, merged; an
 * {@link InputError} lists the inputs' regions when none does (raw `aws lightsail` output
 * records no region: pull the catalog, or convert it to a catalog file with a region). Without
 * `--catalog`: the cached catalog of `region` if there is one (not pulled; a warning when it is
 * older than `--max-age`), else the built-in snapshot when it describes `region`, else an
 * {@link InputError} saying how to get one.
 */
export async function resolveCatalogForRegion(io: CliIo, parsed: ParsedArgs, region: string): Promise<Catalog> {
  checkRegion(region);
  const paths = catalogPaths(parsed);
  if (paths === LIVE_CATALOG) return resolveLiveCatalog(io, parsed, region);
  if (paths.length === 0) {
    const cached = await cachedCatalogForRegion(io, parsed, region);
    if (cached !== undefined) return cached;
    const builtinRegion = loadBuiltinCatalog().catalog.metadata.region;
    if (builtinRegion === region) return builtinWithNotice(io);
    throw new InputError(
      `no catalog for ${region}: the built-in snapshot describes ${builtinRegion ?? 'no region'} and nothing is cached for ${region}; ` +
        `run \`lightsail-compat catalog pull --region ${region}\`, or pass --catalog live or --catalog FILE`,
    );
  }
  maxAgeOption(parsed);
  const inputs = await readCatalogInputs(io, paths);
  const regions = inputs.map((input) => ({ input, region: loadCatalog(input).catalog.metadata.region }));
  const picked = regions.filter((r) => r.region === region);
  if (picked.length === 0) {
    const found = regions.map((r) => `${r.input.name} (${r.region ?? 'no region recorded'})`).join(', ');
    throw new InputError(`no catalog input describes ${region}: ${found}; pass a catalog file of ${region} (\`lightsail-compat catalog pull --region ${region} --out FILE\`)`);
  }
  return usableCatalog(io, picked.map((r) => r.input.name), loadCatalog(...picked.map((r) => r.input)));
}

/** The `--catalog` values, or {@link LIVE_CATALOG} when the live catalog is asked for. */
function catalogPaths(parsed: ParsedArgs): readonly string[] | typeof LIVE_CATALOG {
  const paths = listOption(parsed, 'catalog');
  if (!paths.includes(LIVE_CATALOG)) return paths;
  if (paths.length > 1) throw new UsageError('--catalog live cannot be combined with catalog files (a file named `live` is `./live`)');
  return LIVE_CATALOG;
}

function usableCatalog(io: CliIo, names: readonly string[], { catalog, diagnostics }: LoadCatalogResult): Catalog {
  reportCatalogDiagnostics(io, diagnostics);
  if (hasErrors(diagnostics)) {
    throw new InputError(
      `the catalog cannot be used until the errors above are fixed (\`lightsail-compat catalog validate ${names.join(' ')}\` lists every problem)`,
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

/**
 * Why a flag's id is not usable: `--blueprint wordpres: no such blueprint in the catalog; did you
 * mean wordpress?`. An id a user typed that is not in the catalog is a mistake to point out, not a
 * filter that matches nothing.
 */
export function unknownIdProblem(flagName: string, kind: 'blueprint' | 'bundle', id: string, catalog: Catalog): string {
  const known = kind === 'blueprint' ? catalog.blueprints.map((b) => b.blueprintId) : catalog.bundles.map((b) => b.bundleId);
  const near = didYouMean(id, known);
  return `${flagName} ${id}: no such ${kind} in the catalog` + (near.length > 0 ? `; did you mean ${near.join(' or ')}?` : '');
}
