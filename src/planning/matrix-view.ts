/**
 * The compatibility matrix as plain data for rendering: which rows and columns, and for each cell
 * its status and the rules that fire, with their messages.
 *
 * @module
 */
import { compareIds } from '../catalog/catalog.js';
import type { BlueprintType, Bundle, Catalog, CatalogSourceKind, Platform } from '../catalog/model.js';
import { isIpv6Only } from '../catalog/model.js';
import type { Severity } from '../diagnostics.js';
import { compatibilityMatrix, evaluatorFor, type RuleOptions } from '../rules/evaluator.js';

/** Which part of the catalog a matrix shows, and under which rules. */
export interface MatrixViewOptions extends RuleOptions {
  /**
   * Only these blueprints (rows). Named ones are shown even when inactive; without this, rows are
   * the active blueprints, or every blueprint with `includeInactive`.
   */
  readonly blueprintIds?: readonly string[];
  /** Only these bundles (columns); the same rule for inactive ones as `blueprintIds`. */
  readonly bundleIds?: readonly string[];
  /**
   * Only blueprints of this platform, and only bundles that support it: the other columns could
   * only ever be incompatible.
   */
  readonly platform?: Platform;
  /** Only blueprints of this type. */
  readonly type?: BlueprintType;
}

/** A cell's verdict: compatible, compatible but with warnings or notes, or incompatible. */
export type CellStatus = 'compatible' | 'warning' | 'incompatible';

/** A rule that fires on a cell. */
export interface CellViolation {
  /** The rule id. */
  readonly ruleId: string;
  /** Its severity in force. */
  readonly severity: Severity;
  /** The rule's message for this pairing. */
  readonly message: string;
}

/** One cell of the matrix. */
export interface MatrixCell {
  /** The verdict. */
  readonly status: CellStatus;
  /** Every rule that fires, in rule order (empty for a clean compatible cell). */
  readonly violations: readonly CellViolation[];
}

/** A row: one blueprint. */
export interface MatrixRow {
  /** Blueprint id. */
  readonly blueprintId: string;
  /** Friendly name, when the catalog has one. */
  readonly name?: string;
  /** Platform. */
  readonly platform: Platform;
  /** `os` or `app`, when known. */
  readonly type?: BlueprintType;
  /** Whether it is active. */
  readonly isActive: boolean;
  /** Number of compatible cells in the row. */
  readonly compatibleCount: number;
}

/** A column: one bundle. */
export interface MatrixColumn {
  /** Bundle id. */
  readonly bundleId: string;
  /** Friendly name, when the catalog has one. */
  readonly name?: string;
  /** Monthly price in USD. */
  readonly price: number;
  /** vCPUs. */
  readonly cpuCount: number;
  /** RAM in GB. */
  readonly ramSizeInGb: number;
  /** Power. */
  readonly power: number;
  /** Platforms it supports. */
  readonly supportedPlatforms: readonly Platform[];
  /** Whether it is IPv6-only. */
  readonly ipv6Only: boolean;
  /** Whether it is active. */
  readonly isActive: boolean;
}

/** A rule in force, for legends. */
export interface MatrixRule {
  /** Rule id. */
  readonly id: string;
  /** Severity in force. */
  readonly severity: Severity;
  /** One-line summary. */
  readonly title: string;
}

/** Everything a renderer needs; rows × columns cells, row-major. */
export interface MatrixView {
  /** Where the catalog came from. */
  readonly catalog: {
    /** Region, when recorded. */
    readonly region?: string;
    /** Snapshot date, when recorded. */
    readonly asOf?: string;
    /** Fetch time, for live catalogs. */
    readonly fetchedAt?: string;
    /** Where the catalog came from. */
    readonly source: CatalogSourceKind;
  };
  /** Rules in force, in evaluation order. */
  readonly rules: readonly MatrixRule[];
  /** Rows, by platform and then id. */
  readonly rows: readonly MatrixRow[];
  /** Columns, by supported platforms, then price, then id. */
  readonly columns: readonly MatrixColumn[];
  /** `cells[r][c]` is row `r` against column `c`. */
  readonly cells: readonly (readonly MatrixCell[])[];
  /** Number of compatible cells (warnings included). */
  readonly compatibleCount: number;
  /** `blueprintIds` not in the catalog. */
  readonly unknownBlueprintIds: readonly string[];
  /** `bundleIds` not in the catalog. */
  readonly unknownBundleIds: readonly string[];
}

const CLEAN: MatrixCell = Object.freeze({ status: 'compatible', violations: Object.freeze([]) });

/**
 * Evaluates the chosen part of the catalog into a {@link MatrixView}. A clean compatible cell
 * costs a bit test; messages are rendered only for cells where a rule fires. Costs time and
 * memory in rows × columns: meant for matrices people read, not for 10^8 cells.
 *
 * @example
 * ```ts
 * const view = buildMatrixView(catalog, { platform: 'WINDOWS' });
 * view.cells[0]?.[0]?.status; // 'compatible'
 * ```
 */
export function buildMatrixView(catalog: Catalog, options: MatrixViewOptions = {}): MatrixView {
  const showInactive = options.includeInactive === true;
  const { platform, type } = options;
  const wantedBlueprints = options.blueprintIds === undefined ? undefined : new Set(options.blueprintIds);
  const wantedBundles = options.bundleIds === undefined ? undefined : new Set(options.bundleIds);
  const blueprints = catalog.blueprints.filter(
    (b) =>
      (wantedBlueprints ? wantedBlueprints.has(b.blueprintId) : showInactive || b.isActive) &&
      (platform === undefined || b.platform === platform) &&
      (type === undefined || b.type === type),
  );
  const bundles = catalog.bundles.filter(
    (b) => (wantedBundles ? wantedBundles.has(b.bundleId) : showInactive || b.isActive) && (platform === undefined || b.supportedPlatforms.includes(platform)),
  );
  // Grouped by platform, so the compatible cells form blocks; bundles by price within a group.
  blueprints.sort((a, b) => compareIds(a.platform, b.platform) || compareIds(a.blueprintId, b.blueprintId));
  const platformsKey = (b: Bundle) => [...b.supportedPlatforms].sort(compareIds).join(' ');
  bundles.sort((a, b) => compareIds(platformsKey(a), platformsKey(b)) || a.price - b.price || compareIds(a.bundleId, b.bundleId));
  const ruleOptions: RuleOptions = {
    ...(options.rules !== undefined && { rules: options.rules }),
    ...(options.severity !== undefined && { severity: options.severity }),
    ...(options.includeInactive !== undefined && { includeInactive: options.includeInactive }),
  };
  const evaluator = evaluatorFor(catalog, ruleOptions);
  const matrix = compatibilityMatrix(catalog, {
    ...ruleOptions,
    blueprintIds: blueprints.map((b) => b.blueprintId),
    bundleIds: bundles.map((b) => b.bundleId),
  });
  // Without warning or info rules, a compatible cell has nothing to say.
  const quietWhenCompatible = evaluator.rules.every((r) => r.severity === 'error');
  const cells = blueprints.map((bp) =>
    bundles.map((bu): MatrixCell => {
      const compatible = matrix.isCompatible(bp.blueprintId, bu.bundleId);
      if (compatible && quietWhenCompatible) return CLEAN;
      const violations = evaluator
        .check(bp.blueprintId, bu.bundleId)
        .violations.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
      if (compatible && violations.length === 0) return CLEAN;
      return { status: compatible ? 'warning' : 'incompatible', violations };
    }),
  );
  const { region, asOf, fetchedAt, source } = catalog.metadata;
  return {
    catalog: {
      ...(region !== undefined && { region }),
      ...(asOf !== undefined && { asOf }),
      ...(fetchedAt !== undefined && { fetchedAt }),
      source,
    },
    rules: evaluator.rules.map((r) => ({ id: r.definition.id, severity: r.severity, title: r.definition.title })),
    rows: blueprints.map((b, r) => ({
      blueprintId: b.blueprintId,
      ...(b.name !== undefined && { name: b.name }),
      platform: b.platform,
      ...(b.type !== undefined && { type: b.type }),
      isActive: b.isActive,
      compatibleCount: cells[r]!.filter((c) => c.status !== 'incompatible').length,
    })),
    columns: bundles.map((b) => ({
      bundleId: b.bundleId,
      ...(b.name !== undefined && { name: b.name }),
      price: b.price,
      cpuCount: b.cpuCount,
      ramSizeInGb: b.ramSizeInGb,
      power: b.power,
      supportedPlatforms: b.supportedPlatforms,
      ipv6Only: isIpv6Only(b),
      isActive: b.isActive,
    })),
    cells,
    compatibleCount: matrix.compatibleCount,
    unknownBlueprintIds: (options.blueprintIds ?? []).filter((id) => catalog.getBlueprint(id) === undefined),
    unknownBundleIds: (options.bundleIds ?? []).filter((id) => catalog.getBundle(id) === undefined),
  };
}
