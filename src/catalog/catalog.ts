import type { Blueprint, Bundle, Catalog, CatalogMetadata, CatalogProvenance } from './model.js';
import { compareStrings } from '../util/text.js';

/** The `kind` of a normalized catalog file. */
export const CATALOG_FILE_KIND = 'lightsail-compat/catalog';

/**
 * A normalized catalog as written to disk: plain JSON, validated by `schemas/catalog.schema.json`.
 */
export interface CatalogFile {
  /** Always `lightsail-compat/catalog`. */
  readonly kind: typeof CATALOG_FILE_KIND;
  /** Format version; 1 today. */
  readonly formatVersion: 1;
  /** AWS region, when known. */
  readonly region?: string;
  /** Where the data came from. */
  readonly source: CatalogMetadata['source'];
  /** When it was fetched from AWS. */
  readonly fetchedAt?: string;
  /** When it was assembled or last confirmed. */
  readonly asOf?: string;
  /** Free notes. */
  readonly notes?: readonly string[];
  /** Where each value comes from (`doc`, `seen`, `model`, `inferred`), by id and member. */
  readonly provenance?: CatalogProvenance;
  /** Normalized blueprints. */
  readonly blueprints: readonly Blueprint[];
  /** Normalized bundles. */
  readonly bundles: readonly Bundle[];
}

/**
 * Builds a {@link Catalog} from normalized items. Items are sorted by id; lookups use maps built
 * once. The caller guarantees ids are unique (the loader does).
 */
export function createCatalog(
  metadata: CatalogMetadata,
  blueprints: readonly Blueprint[],
  bundles: readonly Bundle[],
): Catalog {
  const sortedBlueprints = [...blueprints].sort((a, b) => compareIds(a.blueprintId, b.blueprintId));
  const sortedBundles = [...bundles].sort((a, b) => compareIds(a.bundleId, b.bundleId));
  const blueprintById = new Map(sortedBlueprints.map((b) => [b.blueprintId, b]));
  const bundleById = new Map(sortedBundles.map((b) => [b.bundleId, b]));
  return Object.freeze({
    metadata,
    blueprints: Object.freeze(sortedBlueprints),
    bundles: Object.freeze(sortedBundles),
    getBlueprint: (id: string) => blueprintById.get(id),
    getBundle: (id: string) => bundleById.get(id),
  });
}

/** Orders ids by UTF-16 code units, the same everywhere (unlike `localeCompare`). */
export const compareIds: (a: string, b: string) => number = compareStrings;

/** Serializes a catalog as a normalized catalog file, ready for `JSON.stringify`. */
export function toCatalogFile(catalog: Catalog): CatalogFile {
  const m = catalog.metadata;
  return {
    kind: CATALOG_FILE_KIND,
    formatVersion: 1,
    ...(m.region !== undefined && { region: m.region }),
    source: m.source,
    ...(m.fetchedAt !== undefined && { fetchedAt: m.fetchedAt }),
    ...(m.asOf !== undefined && { asOf: m.asOf }),
    ...(m.notes !== undefined && { notes: m.notes }),
    ...(m.provenance !== undefined && { provenance: m.provenance }),
    blueprints: catalog.blueprints,
    bundles: catalog.bundles,
  };
}
