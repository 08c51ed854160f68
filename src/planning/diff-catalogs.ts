/**
 * Comparing two catalogs: bundles and blueprints added, retired and changed, and the pairings
 * whose verdict changed between them.
 *
 * @module
 */
import type { Blueprint, Bundle, Catalog, CatalogSourceKind } from '../catalog/model.js';
import { has, type BitSet } from '../rules/bitset.js';
import { evaluatorFor, type Evaluator, type RuleOptions } from '../rules/evaluator.js';
import { canonicalJson } from '../util/canonical-json.js';

/** Bundle members compared, in report order. Names, descriptions and the like are not. */
export const BUNDLE_DIFF_FIELDS = [
  'price',
  'power',
  'cpuCount',
  'ramSizeInGb',
  'diskSizeInGb',
  'transferPerMonthInGb',
  'supportedPlatforms',
  'supportedAppCategories',
  'publicIpv4AddressCount',
  'isActive',
] as const satisfies readonly (keyof Bundle)[];

/** Blueprint members compared, in report order. */
export const BLUEPRINT_DIFF_FIELDS = ['minPower', 'platform', 'type', 'appCategory', 'isActive'] as const satisfies readonly (keyof Blueprint)[];

/** One member that differs. `undefined` stands for a member the item does not have. */
export interface FieldChange {
  /** Member name, such as `price`. */
  readonly field: string;
  /** Value in the old catalog. */
  readonly old: unknown;
  /** Value in the new catalog. */
  readonly new: unknown;
}

/** An item only the new catalog has, with its compared members. */
export interface AddedItem {
  /** Its id. */
  readonly id: string;
  /** The compared members' values (members it lacks are left out). */
  readonly values: Readonly<Record<string, unknown>>;
}

/** An item that was retired: gone from the new catalog, or active before and inactive now. */
export interface RetiredItem {
  /** Its id. */
  readonly id: string;
  /** `removed` (not in the new catalog) or `inactive` (turned inactive). */
  readonly reason: 'removed' | 'inactive';
  /** For `inactive`, the other members that changed too. */
  readonly changes: readonly FieldChange[];
}

/** An item in both catalogs, not retired, whose compared members differ. */
export interface ChangedItem {
  /** Its id. */
  readonly id: string;
  /** What changed, in field order. */
  readonly changes: readonly FieldChange[];
}

/** The differences of one kind of item, each list in id order. */
export interface ItemsDiff {
  /** Only in the new catalog. */
  readonly added: readonly AddedItem[];
  /** Removed, or turned inactive. */
  readonly retired: readonly RetiredItem[];
  /** Changed otherwise (including turning active again). */
  readonly changed: readonly ChangedItem[];
}

/** A pairing of a blueprint and a bundle in both catalogs whose verdict differs. */
export interface VerdictChange {
  /** Blueprint id. */
  readonly blueprintId: string;
  /** Bundle id. */
  readonly bundleId: string;
  /** Compatible in the old catalog. */
  readonly before: boolean;
  /** Compatible in the new catalog. */
  readonly after: boolean;
  /** The `error` rules that fail the pairing on the side where it is incompatible. */
  readonly ruleIds: readonly string[];
}

/** Facts about one side of the comparison. */
export interface DiffSide {
  /** Region, when recorded. */
  readonly region?: string;
  /** Snapshot date, when recorded. */
  readonly asOf?: string;
  /** Fetch time, when recorded. */
  readonly fetchedAt?: string;
  /** Where it came from. */
  readonly source: CatalogSourceKind;
  /** Number of blueprints. */
  readonly blueprintCount: number;
  /** Number of bundles. */
  readonly bundleCount: number;
}

/** The answer of {@link diffCatalogs}. */
export interface CatalogDiff {
  /** True when nothing below differs. Metadata (dates, region) is shown but not compared. */
  readonly equal: boolean;
  /** The old catalog. */
  readonly old: DiffSide;
  /** The new catalog. */
  readonly new: DiffSide;
  /** Bundle differences. */
  readonly bundles: ItemsDiff;
  /** Blueprint differences. */
  readonly blueprints: ItemsDiff;
  /** Pairings whose verdict changed, by blueprint id and then bundle id. */
  readonly verdictChanges: readonly VerdictChange[];
}

/**
 * Compares two catalogs by id. Verdicts are computed on each side under the same rule options,
 * over the blueprints and bundles both catalogs have; rows of compatible bundles are compared
 * once per pair of platform and power partitions, not once per pairing.
 *
 * @example
 * ```ts
 * const diff = diffCatalogs(lastMonth, today);
 * diff.bundles.changed; // [{ id: 'nano_3_0', changes: [{ field: 'price', old: 3.5, new: 5 }] }]
 * ```
 */
export function diffCatalogs(oldCatalog: Catalog, newCatalog: Catalog, options: RuleOptions = {}): CatalogDiff {
  const bundles = diffItems(oldCatalog.bundles, newCatalog.bundles, (b) => b.bundleId, BUNDLE_DIFF_FIELDS);
  const blueprints = diffItems(oldCatalog.blueprints, newCatalog.blueprints, (b) => b.blueprintId, BLUEPRINT_DIFF_FIELDS);
  const verdictChanges = diffVerdicts(evaluatorFor(oldCatalog, options), evaluatorFor(newCatalog, options));
  const equal = [bundles, blueprints].every((d) => d.added.length + d.retired.length + d.changed.length === 0) && verdictChanges.length === 0;
  return { equal, old: sideOf(oldCatalog), new: sideOf(newCatalog), bundles, blueprints, verdictChanges };
}

function sideOf(catalog: Catalog): DiffSide {
  const { region, asOf, fetchedAt, source } = catalog.metadata;
  return {
    ...(region !== undefined && { region }),
    ...(asOf !== undefined && { asOf }),
    ...(fetchedAt !== undefined && { fetchedAt }),
    source,
    blueprintCount: catalog.blueprints.length,
    bundleCount: catalog.bundles.length,
  };
}

function diffItems<T extends Blueprint | Bundle>(
  oldItems: readonly T[],
  newItems: readonly T[],
  idOf: (item: T) => string,
  fields: readonly string[],
): ItemsDiff {
  const newById = new Map(newItems.map((item) => [idOf(item), item]));
  const oldIds = new Set(oldItems.map(idOf));
  const added: AddedItem[] = [];
  const retired: RetiredItem[] = [];
  const changed: ChangedItem[] = [];
  for (const before of oldItems) {
    const id = idOf(before);
    const after = newById.get(id);
    if (!after) {
      retired.push({ id, reason: 'removed', changes: [] });
      continue;
    }
    const changes = fields.filter((f) => !sameValue(before[f], after[f])).map((field) => ({ field, old: before[field], new: after[field] }));
    if (before.isActive && !after.isActive) retired.push({ id, reason: 'inactive', changes: changes.filter((c) => c.field !== 'isActive') });
    else if (changes.length > 0) changed.push({ id, changes });
  }
  for (const item of newItems) {
    const id = idOf(item);
    if (oldIds.has(id)) continue;
    added.push({ id, values: Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) });
  }
  // Catalog items are in id order, so every list already is.
  return { added, retired, changed };
}

/** Equal values; lists compare as sets, since the order of platforms carries no meaning. */
function sameValue(a: unknown, b: unknown): boolean {
  const normal = (v: unknown) => (Array.isArray(v) ? canonicalJson([...(v as unknown[])].map((x) => canonicalJson(x)).sort()) : canonicalJson(v));
  return normal(a) === normal(b);
}

function diffVerdicts(before: Evaluator, after: Evaluator): VerdictChange[] {
  const newCatalog = after.catalog;
  // Bundles in both catalogs, in id order, with their index on each side.
  const oldColumns: number[] = [];
  const newColumns: number[] = [];
  newCatalog.bundles.forEach((bundle, nu) => {
    const ou = before.bundleIndex(bundle.bundleId);
    if (ou >= 0) {
      oldColumns.push(ou);
      newColumns.push(nu);
    }
  });
  const flipsByRows = new Map<BitSet, Map<BitSet, Int32Array>>();
  const flipsOf = (oldRow: BitSet, newRow: BitSet): Int32Array => {
    let byNew = flipsByRows.get(oldRow);
    if (!byNew) flipsByRows.set(oldRow, (byNew = new Map<BitSet, Int32Array>()));
    let flips = byNew.get(newRow);
    if (!flips) {
      const found: number[] = [];
      for (let k = 0; k < oldColumns.length; k++) {
        if (has(oldRow, oldColumns[k]!) !== has(newRow, newColumns[k]!)) found.push(k);
      }
      flips = Int32Array.from(found);
      byNew.set(newRow, flips);
    }
    return flips;
  };
  const changes: VerdictChange[] = [];
  newCatalog.blueprints.forEach((blueprint, nb) => {
    const ob = before.blueprintIndex(blueprint.blueprintId);
    if (ob < 0) return;
    const oldRow = before.compatibleBundles(ob);
    const newRow = after.compatibleBundles(nb);
    for (const k of flipsOf(oldRow, newRow)) {
      const bundleId = newCatalog.bundles[newColumns[k]!]!.bundleId;
      const wasCompatible = has(oldRow, oldColumns[k]!);
      const failing = (wasCompatible ? after : before).check(blueprint.blueprintId, bundleId);
      changes.push({
        blueprintId: blueprint.blueprintId,
        bundleId,
        before: wasCompatible,
        after: !wasCompatible,
        ruleIds: failing.violations.filter((v) => v.severity === 'error').map((v) => v.ruleId),
      });
    }
  });
  return changes;
}
