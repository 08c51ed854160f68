import { createRequire } from 'node:module';
import { catalogValue, loadCatalog, type LoadCatalogResult } from './load-catalog.js';

/** The name the built-in catalog goes by in diagnostics and metadata. */
export const BUILTIN_CATALOG_NAME = 'built-in catalog';

/** Days after its `asOf` date when the built-in catalog is called stale. */
export const BUILTIN_STALE_AFTER_DAYS = 90;

let cached: LoadCatalogResult | undefined;

/**
 * The catalog that ships with the package: a dated us-east-1 snapshot assembled from AWS
 * documentation and real CLI output, with the provenance of each value recorded in the file.
 * Loaded once per process.
 *
 * @example
 * ```ts
 * const { catalog } = loadBuiltinCatalog();
 * catalog.metadata.asOf; // '2026-11-27'
 * ```
 */
export function loadBuiltinCatalog(): LoadCatalogResult {
  if (!cached) {
    // A JSON module through require: stable on Node 20, unlike JSON import attributes.
    const data: unknown = createRequire(import.meta.url)('./builtin-catalog.json');
    cached = loadCatalog(catalogValue(data, BUILTIN_CATALOG_NAME));
  }
  return cached;
}
