import type { Catalog } from './model.js';
import { compareStrings } from '../util/text.js';

/** Counts of one platform's items. */
export interface PlatformCounts {
  /** Items of the platform. */
  readonly total: number;
  /** Active items of the platform. */
  readonly active: number;
}

/** Item counts of one kind: total, active, and by platform. */
export interface ItemCounts {
  /** Every item. */
  readonly total: number;
  /** Items with `isActive: true`. */
  readonly active: number;
  /** Items with `isActive: false`. */
  readonly inactive: number;
  /** Counts by platform (a bundle counts once per supported platform), keys sorted. */
  readonly byPlatform: Readonly<Record<string, PlatformCounts>>;
}

/** Blueprint counts, with counts by type (`os`, `app`). */
export interface BlueprintCounts extends ItemCounts {
  /** Counts by blueprint type, keys sorted; `(none)` for blueprints without a type. */
  readonly byType: Readonly<Record<string, number>>;
}

/** Bundle counts, with the number of IPv6-only bundles. */
export interface BundleCounts extends ItemCounts {
  /** Bundles with `publicIpv4AddressCount` 0. */
  readonly ipv6Only: number;
}

/** What `catalog show` reports: where the catalog is from and what is in it. */
export interface CatalogSummary {
  /** Region, when known. */
  readonly region?: string;
  /** Where the data came from. */
  readonly source: string;
  /** When it was fetched from AWS. */
  readonly fetchedAt?: string;
  /** When it was assembled. */
  readonly asOf?: string;
  /** Names of the inputs. */
  readonly inputs: readonly string[];
  /** Blueprint counts. */
  readonly blueprints: BlueprintCounts;
  /** Bundle counts, plus how many are IPv6-only. */
  readonly bundles: BundleCounts;
}

/**
 * Counts a catalog's blueprints and bundles by state, platform and type.
 *
 * @example
 * ```ts
 * summarizeCatalog(loadBuiltinCatalog().catalog).bundles.ipv6Only; // 8
 * ```
 */
export function summarizeCatalog(catalog: Catalog): CatalogSummary {
  const m = catalog.metadata;
  const byType: Record<string, number> = {};
  for (const b of catalog.blueprints) {
    const type = b.type ?? '(none)';
    byType[type] = (byType[type] ?? 0) + 1;
  }
  return {
    ...(m.region !== undefined && { region: m.region }),
    source: m.source,
    ...(m.fetchedAt !== undefined && { fetchedAt: m.fetchedAt }),
    ...(m.asOf !== undefined && { asOf: m.asOf }),
    inputs: m.inputs,
    blueprints: { ...count(catalog.blueprints, (b) => [b.platform]), byType: sortKeys(byType) },
    bundles: {
      ...count(catalog.bundles, (b) => b.supportedPlatforms),
      ipv6Only: catalog.bundles.filter((b) => b.publicIpv4AddressCount === 0).length,
    },
  };
}

function count<T extends { readonly isActive: boolean }>(items: readonly T[], platforms: (item: T) => readonly string[]): ItemCounts {
  const byPlatform: Record<string, { total: number; active: number }> = {};
  let active = 0;
  for (const item of items) {
    if (item.isActive) active++;
    for (const platform of new Set(platforms(item))) {
      const entry = (byPlatform[platform] ??= { total: 0, active: 0 });
      entry.total++;
      if (item.isActive) entry.active++;
    }
  }
  return { total: items.length, active, inactive: items.length - active, byPlatform: sortKeys(byPlatform) };
}

function sortKeys<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}
