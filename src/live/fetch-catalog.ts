/**
 * A region's current catalog, straight from the Lightsail API: every page of `GetBlueprints` and
 * `GetBundles`, normalized by the same loader as files are.
 *
 * @module
 */
import type { GetBlueprintsCommandOutput, GetBundlesCommandOutput } from '@aws-sdk/client-lightsail';
import { createCatalog, toCatalogFile, type CatalogFile } from '../catalog/catalog.js';
import { catalogValue, loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics.js';
import { openSession, send, type LiveClientOptions, type LiveSession } from './client.js';
import { LiveError } from './errors.js';

/** The listing operations a pull calls. */
export type ListingOperation = 'GetBlueprints' | 'GetBundles';

/** Most pages read from one listing before the pull is stopped as runaway. */
export const DEFAULT_MAX_PAGES = 100;

/** What to list, on top of how to reach Lightsail. */
export interface FetchCatalogOptions extends LiveClientOptions {
  /** List retired blueprints and bundles too (`includeInactive: true`). */
  readonly includeInactive?: boolean;
  /** `LfR` lists the Lightsail for Research items, which the standard listing leaves out. */
  readonly appCategory?: 'LfR';
  /** Most pages per listing (default {@link DEFAULT_MAX_PAGES}); more stops the pull with an error. */
  readonly maxPages?: number;
  /** The clock that stamps `fetchedAt` (default: the system clock). */
  readonly now?: () => Date;
  /** Called after each page arrives, for progress displays. */
  readonly onPage?: (event: PageEvent) => void;
}

/** One page of a listing has arrived. */
export interface PageEvent {
  /** The region being pulled. */
  readonly region: string;
  /** Which listing. */
  readonly operation: ListingOperation;
  /** 1-based page number. */
  readonly page: number;
  /** Items on this page. */
  readonly items: number;
}

/** A pulled catalog and how it was obtained. */
export interface FetchCatalogResult {
  /** The region pulled. */
  readonly region: string;
  /** The normalized catalog: `source: 'live'`, with `region` and `fetchedAt`. */
  readonly catalog: Catalog;
  /** The catalog as a normalized catalog file, ready for `JSON.stringify`. */
  readonly file: CatalogFile;
  /**
   * What the loader found wrong with the answer. Items it could not use are left out of the
   * catalog and reported here; an empty list is the normal case.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Pages read from each listing. */
  readonly pages: {
    /** Pages of `GetBlueprints`. */
    readonly blueprints: number;
    /** Pages of `GetBundles`. */
    readonly bundles: number;
  };
  /** The listing options used, which the cache keys on. */
  readonly listing: ListingOptions;
}

/** The options that change what a listing returns (and so key the cache). */
export interface ListingOptions {
  /** Inactive items were listed too. */
  readonly includeInactive: boolean;
  /** `LfR` items were listed instead of standard ones. */
  readonly appCategory?: 'LfR';
}

/**
 * Pulls a region's blueprints and bundles with `GetBlueprints` and `GetBundles`, following
 * `nextPageToken` to the last page (the SDK ships no paginator for these). A token seen twice, or
 * more than `maxPages` pages, stops the pull with a {@link LiveError} (`pagination`) rather than
 * looping; throttling and 5xx answers are retried by the SDK. Every failure is a `LiveError` with
 * a one-line message.
 *
 * Note that the SDK drops members its model does not know, so a field AWS adds after the SDK
 * version in use does not reach the catalog until the SDK is updated.
 *
 * @example
 * ```ts
 * const { catalog } = await fetchCatalog({ region: 'eu-central-1' });
 * catalog.getBundle('nano_3_0')?.price;
 * ```
 */
export async function fetchCatalog(options: FetchCatalogOptions = {}): Promise<FetchCatalogResult> {
  const session = await openSession(options);
  try {
    return await fetchWithSession(session, options);
  } finally {
    session.close();
  }
}

async function fetchWithSession(session: LiveSession, options: FetchCatalogOptions): Promise<FetchCatalogResult> {
  const { sdk, client, region } = session;
  const listing: ListingOptions = { includeInactive: options.includeInactive === true, ...(options.appCategory !== undefined && { appCategory: options.appCategory }) };
  const request = { ...(listing.includeInactive && { includeInactive: true }), ...(listing.appCategory !== undefined && { appCategory: listing.appCategory }) };
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const pageOptions = { region, maxPages, ...(options.onPage !== undefined && { onPage: options.onPage }) };
  const [blueprintPages, bundlePages] = await Promise.all([
    readAllPages(session, 'GetBlueprints', pageOptions, (pageToken) =>
      client.send(new sdk.GetBlueprintsCommand({ ...request, ...(pageToken !== undefined && { pageToken }) })),
    ),
    readAllPages(session, 'GetBundles', pageOptions, (pageToken) =>
      client.send(new sdk.GetBundlesCommand({ ...request, ...(pageToken !== undefined && { pageToken }) })),
    ),
  ]);
  const fetchedAt = (options.now ?? (() => new Date()))().toISOString();
  const blueprintsName = `GetBlueprints ${region}`;
  const bundlesName = `GetBundles ${region}`;
  const loaded = loadCatalog(catalogValue(blueprintPages.map(pageValue), blueprintsName), catalogValue(bundlePages.map(pageValue), bundlesName));
  const catalog = createCatalog(
    { region, source: 'live', fetchedAt, inputs: [blueprintsName, bundlesName], notes: [describeListing(listing)] },
    loaded.catalog.blueprints,
    loaded.catalog.bundles,
  );
  return {
    region,
    catalog,
    file: toCatalogFile(catalog),
    diagnostics: loaded.diagnostics,
    pages: { blueprints: blueprintPages.length, bundles: bundlePages.length },
    listing,
  };
}

/** The note a pulled catalog carries about how it was listed. */
export function describeListing(listing: ListingOptions): string {
  return (
    `Pulled with GetBlueprints and GetBundles` +
    (listing.includeInactive ? ', includeInactive' : ', active items only') +
    (listing.appCategory !== undefined ? `, appCategory ${listing.appCategory}` : ', standard (not Lightsail for Research) items') +
    '.'
  );
}

type ListingPage = GetBlueprintsCommandOutput | GetBundlesCommandOutput;

/** A page as the loader wants it: the list and the token, without the SDK's `$metadata`. */
function pageValue(page: ListingPage): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...page };
  delete rest['$metadata'];
  return rest;
}

/**
 * Calls a paginated listing until a page comes without `nextPageToken`. Stops with an error on a
 * token seen before (a server loop) and after `maxPages` pages (a token that never ends).
 */
export async function readAllPages<T extends { nextPageToken?: string | undefined }>(
  session: LiveSession,
  operation: ListingOperation,
  options: { region: string; maxPages: number; onPage?: (event: PageEvent) => void },
  call: (pageToken: string | undefined) => Promise<T>,
): Promise<T[]> {
  const pages: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await send(session, operation, () => call(token));
    pages.push(page);
    options.onPage?.({ region: options.region, operation, page: pages.length, items: countItems(page) });
    const next = page.nextPageToken;
    if (next === undefined || next === '') return pages;
    if (seen.has(next)) {
      throw new LiveError(
        'pagination',
        `${operation} in ${options.region} returned the page token ${JSON.stringify(abbreviate(next))} twice (page ${pages.length}); stopped to avoid looping forever`,
      );
    }
    if (pages.length >= options.maxPages) {
      throw new LiveError(
        'pagination',
        `${operation} in ${options.region} still had more pages after ${options.maxPages}; stopped, since no catalog is that large`,
      );
    }
    seen.add(next);
    token = next;
  }
}

function countItems(page: object): number {
  const list = (page as { blueprints?: unknown; bundles?: unknown }).blueprints ?? (page as { bundles?: unknown }).bundles;
  return Array.isArray(list) ? list.length : 0;
}

function abbreviate(token: string): string {
  return token.length > 24 ? token.slice(0, 21) + '...' : token;
}
