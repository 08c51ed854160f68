/**
 * The cache of pulled catalogs: one normalized catalog file per region and listing options, under
 * the user's cache directory. Catalogs are the same for every account, so the key has no account
 * in it. Age is read from each file's `fetchedAt`, not from file times, which copying can change.
 *
 * @module
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogFile } from '../catalog/catalog.js';
import { catalogText, loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/model.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { LiveError } from './errors.js';
import type { ListingOptions } from './fetch-catalog.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** How long a cached catalog is used before it is pulled again, when the user does not say: 24 hours. */
export const DEFAULT_CACHE_MAX_AGE_MS = 24 * 3_600_000;

/** What a cached catalog is keyed by: the region and the options that change a listing. */
export interface CacheKey extends ListingOptions {
  /** AWS region. */
  readonly region: string;
}

/**
 * The cache directory: `$XDG_CACHE_HOME/lightsail-compat`, else `<home>/.cache/lightsail-compat`.
 * An `XDG_CACHE_HOME` that is empty or relative is ignored, as the XDG specification says.
 */
export function catalogCacheDirectory(env: Readonly<Record<string, string | undefined>>, homeDirectory: string): string {
  const xdg = env['XDG_CACHE_HOME'];
  const base = xdg !== undefined && xdg.startsWith('/') ? xdg : join(homeDirectory, '.cache');
  return join(base, 'lightsail-compat');
}

/** Whether a string can be a region name (and so a file name): lowercase letters, digits, dashes. */
export function isRegionName(region: string): boolean {
  return /^[a-z]{2}(-[a-z0-9]+)+$/.test(region) && region.length <= 40;
}

/**
 * The cache file for a key: `catalog-<region>[-inactive][-lfr].json`. A region that is not a
 * plausible region name is refused, so a key can never name a path outside the directory.
 */
export function catalogCachePath(directory: string, key: CacheKey): string {
  if (!isRegionName(key.region)) throw new LiveError('unknown-region', `${JSON.stringify(key.region)} is not a region name (expected something like us-east-1)`);
  const suffix = (key.includeInactive ? '-inactive' : '') + (key.appCategory === 'LfR' ? '-lfr' : '');
  return join(directory, `catalog-${key.region}${suffix}.json`);
}

/** A cache lookup: nothing there, something unusable, or a catalog with its age. */
export type CacheLookup =
  | { readonly status: 'missing'; readonly path: string }
  | { readonly status: 'unusable'; readonly path: string; readonly reason: string }
  | {
      readonly status: 'hit';
      readonly path: string;
      readonly catalog: Catalog;
      readonly diagnostics: readonly Diagnostic[];
      /** When the catalog was pulled (ISO 8601). */
      readonly fetchedAt: string;
      /** How old it is at `now`, in milliseconds. */
      readonly ageMs: number;
      /** Whether it is younger than `maxAgeMs`. */
      readonly fresh: boolean;
    };

/**
 * Reads the cached catalog for `key`. A file that cannot be read or loaded, that has no
 * `fetchedAt`, or that is for another region comes back `unusable` with the reason, never thrown:
 * a broken cache is pulled again, not a failure.
 */
export async function readCachedCatalog(directory: string, key: CacheKey, at: { now: Date; maxAgeMs: number }): Promise<CacheLookup> {
  const path = catalogCachePath(directory, key);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { status: 'missing', path };
    return { status: 'unusable', path, reason: `cannot be read (${String((error as { code?: unknown }).code ?? error)})` };
  }
  const { catalog, diagnostics } = loadCatalog(catalogText(text, path));
  if (hasErrors(diagnostics)) return { status: 'unusable', path, reason: 'it does not load as a catalog' };
  const { fetchedAt, region } = catalog.metadata;
  const fetched = fetchedAt === undefined ? NaN : Date.parse(fetchedAt);
  if (fetchedAt === undefined || Number.isNaN(fetched)) return { status: 'unusable', path, reason: 'it has no fetchedAt date' };
  if (region !== key.region) return { status: 'unusable', path, reason: `it describes ${region ?? 'no region'}, not ${key.region}` };
  const ageMs = at.now.getTime() - fetched;
  return { status: 'hit', path, catalog, diagnostics, fetchedAt, ageMs, fresh: ageMs <= at.maxAgeMs };
}

/** Stores a pulled catalog file under `key`, atomically; creates the directory. Returns the path. */
export async function writeCachedCatalog(directory: string, key: CacheKey, file: CatalogFile): Promise<string> {
  const path = catalogCachePath(directory, key);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
  return path;
}
