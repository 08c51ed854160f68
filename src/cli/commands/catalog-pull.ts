/**
 * `lightsail-compat catalog pull`: the current catalog of one or more regions from the Lightsail
 * API, into the cache and, with `--out`, into catalog files (one per region).
 *
 * @module
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CatalogFile } from '../../catalog/catalog.js';
import type { FetchCatalogResult } from '../../live/fetch-catalog.js';
import type { Diagnostic } from '../../diagnostics.js';
import { writeFileAtomic } from '../../live/write-file-atomic.js';
import { LiveError } from '../../live/errors.js';
import { choiceOption, flag, listOption, parseCommandArgs, stringOption } from '../args.js';
import { reportCatalogDiagnostics } from '../catalog-source.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { describeFsError, type CliIo } from '../io.js';
import {
  LIVE_OPTIONS_HELP,
  LIVE_OPTION_SPECS,
  cacheDirectory,
  checkRegion,
  defaultRegion,
  liveClientOptions,
  liveErrorAsInput,
  noRegionError,
  progressLine,
  storeInCache,
} from '../live.js';

/** Help for `catalog pull`. */
export const usage = `Usage: lightsail-compat catalog pull [--region REGION...] [--out FILE|DIR] [options]

Pulls the current blueprints and bundles of each region from the Lightsail API (GetBlueprints and
GetBundles, every page), normalizes them, and stores them in the cache that --catalog live reads
($XDG_CACHE_HOME/lightsail-compat, else ~/.cache/lightsail-compat). With --out it also writes
catalog files: for one region, FILE; for several, the directory DIR with one <region>.json each.
Files are written only when every region was pulled, each one atomically.

Credentials come from the AWS SDK's default chain (environment, shared config and credentials
files with profiles, SSO, instance and container roles). The IAM permissions needed are
lightsail:GetBlueprints and lightsail:GetBundles.

Options:
  --region REGION      region to pull; repeatable or comma-separated (default: AWS_REGION,
                       AWS_DEFAULT_REGION, else the profile's region)
  --out FILE|DIR       also write the catalog: a file for one region (\`-\` for stdout), a
                       directory for several (created if missing; one <region>.json each)
  --include-inactive   list retired blueprints and bundles too
  --app-category LfR   list the Lightsail for Research blueprints and bundles
${LIVE_OPTIONS_HELP}
  --format text|json   output format of the summary (default text)

Exit codes: 0 every region pulled, 2 usage error or a region could not be pulled.
See docs/live-catalogs.md.
`;

/** How many regions are pulled at once. */
const CONCURRENT_REGIONS = 3;

interface Pulled {
  readonly result: FetchCatalogResult;
  cache?: string;
  file?: string;
}

/** Runs `catalog pull`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('catalog pull', args, {
    region: { type: 'string', multiple: true },
    out: { type: 'string' },
    'include-inactive': { type: 'boolean' },
    'app-category': { type: 'string' },
    ...LIVE_OPTION_SPECS,
    format: { type: 'string' },
  });
  const format = choiceOption(parsed, 'format', ['text', 'json'] as const) ?? 'text';
  const appCategory = choiceOption(parsed, 'app-category', ['LfR'] as const);
  const includeInactive = flag(parsed, 'include-inactive');
  if (parsed.positionals.length > 0) throw new UsageError(`catalog pull takes no arguments (got ${parsed.positionals[0]}); name regions with --region`);
  let regions = [...new Set(listOption(parsed, 'region', true))];
  if (regions.length === 0) {
    const region = await defaultRegion(io, parsed);
    if (region === undefined) throw noRegionError();
    regions = [region];
  }
  regions.forEach((r) => checkRegion(r));
  const out = await planOutput(io, stringOption(parsed, 'out'), regions);
  if (out?.kind === 'stdout' && format === 'json') throw new UsageError('--out - prints the catalog itself; --format json does not apply');

  const { fetchCatalog } = await import('../../live/fetch-catalog.js');
  const directory = cacheDirectory(io);
  const progress = progressLine(io);
  let finished = 0;
  const showProgress = (latest: string) =>
    progress.update(`pulling ${regions.length === 1 ? regions[0]! : `${regions.length} regions (${finished} done)`}: ${latest}`);
  const outcomes = await mapLimited(regions, CONCURRENT_REGIONS, async (region): Promise<Pulled | LiveError> => {
    try {
      const result = await fetchCatalog({
        ...liveClientOptions(io, parsed, region),
        includeInactive,
        ...(appCategory !== undefined && { appCategory }),
        now: () => io.now(),
        onPage: (e) => {
          showProgress(`${region} ${e.operation} page ${e.page}`);
        },
      });
      const pulled: Pulled = { result };
      const cachePath = await storeInCache(io, directory, { region, includeInactive, ...(appCategory !== undefined && { appCategory }) }, result.file);
      if (cachePath !== undefined) pulled.cache = cachePath;
      return pulled;
    } catch (error) {
      if (error instanceof LiveError) return error;
      throw liveErrorAsInput(error);
    } finally {
      finished++;
      showProgress(`${region} done`);
    }
  });
  progress.done();

  const failures = outcomes.filter((o): o is LiveError => o instanceof LiveError);
  const pulled = outcomes.filter((o): o is Pulled => !(o instanceof LiveError));
  for (const p of pulled) reportCatalogDiagnostics(io, p.result.diagnostics);
  if (failures.length > 0) {
    const last = failures.pop()!;
    for (const f of failures) io.stderr.write(`lightsail-compat: ${f.message}\n`);
    const nothing = out !== undefined && out.kind !== 'stdout' ? ' (no catalog file was written)' : '';
    throw new InputError(last.message + nothing);
  }
  if (out === undefined && pulled.every((p) => p.cache === undefined)) {
    throw new InputError(`the catalog was pulled but could not be cached in ${directory}; pass --out FILE to keep it`);
  }

  if (out?.kind === 'stdout') {
    io.stdout.write(JSON.stringify(pulled[0]!.result.file, null, 2) + '\n');
    io.stderr.write(pulled.map(describePulled).join('\n') + '\n');
    return EXIT.ok;
  }
  if (out !== undefined) await writeOutputs(out, pulled);
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ regions: pulled.map(summarize) }, null, 2) + '\n');
  } else {
    io.stdout.write(pulled.map(describePulled).join('\n') + '\n');
  }
  return EXIT.ok;
}

type OutputPlan = { kind: 'stdout' } | { kind: 'file'; path: string; shown: string } | { kind: 'directory'; path: string; shown: string };

/** Decides where `--out` writes, and refuses what cannot work before anything is pulled. */
async function planOutput(io: CliIo, out: string | undefined, regions: readonly string[]): Promise<OutputPlan | undefined> {
  if (out === undefined) return undefined;
  if (out === '') throw new UsageError('--out needs a file or directory name');
  if (out === '-') {
    if (regions.length > 1) throw new UsageError('--out - prints one catalog; with several regions, name a directory');
    return { kind: 'stdout' };
  }
  const path = resolve(io.cwd, out);
  const existing = await stat(path).catch(() => undefined);
  if (regions.length > 1 || existing?.isDirectory() === true || /[/\\]$/.test(out)) {
    if (existing !== undefined && !existing.isDirectory()) {
      throw new UsageError(`--out ${out}: with several regions --out names a directory (one <region>.json each), but ${out} is a file`);
    }
    return { kind: 'directory', path, shown: out };
  }
  const parent = await stat(dirname(path)).catch(() => undefined);
  if (parent === undefined || !parent.isDirectory()) throw new InputError(`--out ${out}: the directory ${dirname(out)} does not exist`);
  return { kind: 'file', path, shown: out };
}

async function writeOutputs(out: Exclude<OutputPlan, { kind: 'stdout' }>, pulled: Pulled[]): Promise<void> {
  try {
    if (out.kind === 'directory') await mkdir(out.path, { recursive: true });
    for (const p of pulled) {
      const region = p.result.region;
      const path = out.kind === 'directory' ? join(out.path, `${region}.json`) : out.path;
      await writeFileAtomic(path, serialize(p.result.file));
      p.file = out.kind === 'directory' ? join(out.shown, `${region}.json`) : out.shown;
    }
  } catch (error) {
    throw new InputError(`--out ${out.shown}: ${describeFsError(error).replace(/^cannot be read/, 'cannot be written')}`);
  }
}

function serialize(file: CatalogFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

function describePulled(p: Pulled): string {
  const { region, catalog, pages } = p.result;
  const where = [p.file !== undefined ? `wrote ${p.file}` : undefined, p.cache !== undefined ? 'cached' : 'not cached'].filter((w) => w !== undefined);
  return (
    `${region}: ${catalog.blueprints.length} blueprints and ${catalog.bundles.length} bundles ` +
    `(${pages.blueprints + pages.bundles} pages), fetched ${catalog.metadata.fetchedAt ?? '?'}; ${where.join(', ')}`
  );
}

function summarize(p: Pulled): {
  region: string;
  fetchedAt: string | undefined;
  blueprints: number;
  bundles: number;
  pages: { blueprints: number; bundles: number };
  file: string | null;
  cache: string | null;
  diagnostics: readonly Diagnostic[];
} {
  const { region, catalog, pages, diagnostics } = p.result;
  return {
    region,
    fetchedAt: catalog.metadata.fetchedAt,
    blueprints: catalog.blueprints.length,
    bundles: catalog.bundles.length,
    pages,
    file: p.file ?? null,
    cache: p.cache ?? null,
    diagnostics,
  };
}

/** Maps with at most `limit` calls in flight, keeping the input order in the result. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
