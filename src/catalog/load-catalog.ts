/**
 * Loading and normalizing catalogs: AWS CLI and SDK output, pages, legacy shapes and normalized
 * catalog files, merged into one {@link Catalog}. Pure: takes values or text, returns values.
 *
 * @module
 */
import { appendPointer, type Diagnostic, type Severity } from '../diagnostics.js';
import {
  describeSchemaError,
  schemaErrors,
  validateCatalogFile,
  validateGetBlueprintsOutput,
  validateGetBundlesOutput,
  valueAtPointer,
  type SchemaValidator,
} from '../schemas.js';
import { canonicalJson } from '../util/canonical-json.js';
import { parseJson } from '../util/parse-json.js';
import { CATALOG_FILE_KIND, compareIds, createCatalog } from './catalog.js';
import {
  KNOWN_APP_CATEGORIES,
  KNOWN_BLUEPRINT_TYPES,
  KNOWN_PLATFORMS,
  type Blueprint,
  type Bundle,
  type Catalog,
  type CatalogMetadata,
  type CatalogProvenance,
  type CatalogSourceKind,
} from './model.js';

const INPUT_TAG: unique symbol = Symbol('lightsail-compat.catalog-input');

/**
 * A named input for {@link loadCatalog}: JSON text (so that malformed JSON is reported with line
 * and column) or an already parsed value, with the name diagnostics use for it (a file name).
 * Build one with {@link catalogText} or {@link catalogValue}.
 */
export interface CatalogInput {
  /** Marks the object as an input wrapper rather than catalog data. */
  readonly [INPUT_TAG]: true;
  /** Name used in diagnostics, such as `bundles.json` or `<stdin>`. */
  readonly name: string;
  /** JSON text to parse, when the input is text. */
  readonly text?: string;
  /** The parsed value, when the input is a value. */
  readonly value?: unknown;
}

/**
 * Wraps JSON text with a name for {@link loadCatalog}.
 *
 * @example
 * ```ts
 * loadCatalog(catalogText(readFileSync('bundles.json', 'utf8'), 'bundles.json'))
 * ```
 */
export function catalogText(text: string, name: string): CatalogInput {
  return { [INPUT_TAG]: true, name, text };
}

/** Wraps an already parsed value with a name for {@link loadCatalog}. */
export function catalogValue(value: unknown, name: string): CatalogInput {
  return { [INPUT_TAG]: true, name, value };
}

/** The result of {@link loadCatalog}: always a catalog (possibly empty) and every problem found. */
export interface LoadCatalogResult {
  /** The merged, normalized catalog. Items that could not be used are left out and reported. */
  readonly catalog: Catalog;
  /** Every problem found, in input order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Most diagnostics reported for one input before the rest are summarized in one line. */
export const MAX_DIAGNOSTICS_PER_INPUT = 200;

/**
 * Loads catalog data from any mix of inputs and merges it into one normalized catalog.
 *
 * Accepts raw `aws lightsail get-blueprints` / `get-bundles` JSON output, SDK v3 command outputs
 * (with `$metadata`), single pages or arrays of pages (with `nextPageToken`), and normalized catalog
 * files. A plain argument is catalog data; wrap text or a named value with {@link catalogText} or
 * {@link catalogValue} to get file names and line numbers in diagnostics.
 *
 * Never throws on bad data: every problem is a {@link Diagnostic}, and items that cannot be used
 * are left out. The result does not depend on the order of inputs or items or on page splits.
 *
 * @example
 * ```ts
 * const { catalog, diagnostics } = loadCatalog(blueprintsOutput, bundlesOutput);
 * catalog.getBundle('nano_3_0')?.power; // 298
 * ```
 */
export function loadCatalog(...sources: readonly unknown[]): LoadCatalogResult {
  const collector = new Collector();
  const inputNames: string[] = [];
  sources.forEach((source, index) => {
    const input = isCatalogInput(source) ? source : catalogValue(source, `input ${index + 1}`);
    inputNames.push(input.name);
    const sink = collector.forInput(input.name);
    try {
      if (input.text !== undefined) {
        const parsed = parseJson(input.text, input.name);
        if (parsed.ok) readTopLevel(parsed.value, input.name, sink, collector);
        else sink.push(parsed.diagnostic);
      } else {
        readTopLevel(input.value, input.name, sink, collector);
      }
      collector.commit();
    } catch (error) {
      // Only nesting deep enough to exhaust the stack gets here; JSON that deep is not a catalog.
      if (!(error instanceof RangeError)) throw error;
      collector.discard();
      sink.report('error', 'too-deep', 'the data is nested too deeply to be a catalog; nothing in this input is loaded', '');
    }
    sink.flush();
  });
  return collector.finish(inputNames);
}

function isCatalogInput(value: unknown): value is CatalogInput {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, INPUT_TAG);
}

/** Where an item came from, for duplicate reports. */
interface Origin {
  readonly source: string;
  readonly pointer: string;
}

interface Entry<T> {
  readonly item: T;
  readonly canonical: string;
  readonly origin: Origin;
}

type ItemKind = 'blueprint' | 'bundle';

/** Diagnostics of one input, capped so that a huge broken file does not flood the output. */
class DiagnosticSink {
  private readonly list: Diagnostic[] = [];
  private dropped = 0;
  private readonly aggregates = new Map<string, { diagnostic: Diagnostic; count: number; noun: string; suffix: string }>();

  constructor(
    private readonly source: string,
    private readonly out: Diagnostic[],
  ) {}

  push(d: Diagnostic): void {
    if (this.list.length >= MAX_DIAGNOSTICS_PER_INPUT) this.dropped++;
    else this.list.push(d);
  }

  report(severity: Severity, code: string, message: string, pointer?: string): void {
    this.push({ severity, code, message, source: this.source, ...(pointer !== undefined && { pointer }) });
  }

  /**
   * Counts a repeated observation (such as a legacy item without a platform) and reports it once,
   * at the first place it was seen: `<count> <noun><suffix>`.
   */
  aggregate(key: string, severity: Severity, code: string, noun: string, suffix: string, pointer: string): void {
    const existing = this.aggregates.get(key);
    if (existing) existing.count++;
    else {
      this.aggregates.set(key, {
        diagnostic: { severity, code, message: '', source: this.source, pointer },
        count: 1,
        noun,
        suffix,
      });
    }
  }

  flush(): void {
    for (const { diagnostic, count, noun, suffix } of this.aggregates.values()) {
      const plural = count === 1 ? noun : noun.replace(/^(\w+)/, '$1s');
      this.push({ ...diagnostic, message: `${count} ${plural}${suffix}` });
    }
    this.aggregates.clear();
    this.out.push(...this.list);
    if (this.dropped > 0) {
      this.out.push({
        severity: 'info',
        code: 'too-many-diagnostics',
        message: `${this.dropped} more problems in this input are not shown`,
        source: this.source,
      });
    }
    this.list.length = 0;
    this.dropped = 0;
  }
}

interface FileMetadata {
  readonly region?: string;
  readonly source?: CatalogSourceKind;
  readonly fetchedAt?: string;
  readonly asOf?: string;
  readonly notes?: readonly string[];
  readonly provenance?: CatalogProvenance;
}

class Collector {
  readonly diagnostics: Diagnostic[] = [];
  readonly blueprints = new Map<string, Entry<Blueprint>[]>();
  readonly bundles = new Map<string, Entry<Bundle>[]>();
  readonly files: FileMetadata[] = [];
  rawPages = 0;
  readonly pageTokens = { blueprint: { withToken: 0, without: 0 }, bundle: { withToken: 0, without: 0 } };

  forInput(source: string): DiagnosticSink {
    return new DiagnosticSink(source, this.diagnostics);
  }

  private pending: (() => void)[] = [];

  /** Stages an item; it joins the catalog when its input has been read to the end. */
  add<T extends Blueprint | Bundle>(kind: ItemKind, id: string, item: T, origin: Origin): void {
    const map = (kind === 'blueprint' ? this.blueprints : this.bundles) as Map<string, Entry<T>[]>;
    const entry: Entry<T> = { item, canonical: canonicalJson(item), origin };
    this.pending.push(() => {
      const existing = map.get(id);
      if (existing) existing.push(entry);
      else map.set(id, [entry]);
    });
  }

  commit(): void {
    for (const apply of this.pending) apply();
    this.pending = [];
  }

  discard(): void {
    this.pending = [];
  }

  finish(inputNames: readonly string[]): LoadCatalogResult {
    const blueprints = this.resolveDuplicates('blueprint', this.blueprints);
    const bundles = this.resolveDuplicates('bundle', this.bundles);
    for (const kind of ['blueprint', 'bundle'] as const) {
      const { withToken, without } = this.pageTokens[kind];
      if (withToken > 0 && without === 0) {
        this.diagnostics.push({
          severity: 'warning',
          code: 'missing-last-page',
          message:
            `every ${kind} page given has a nextPageToken, so at least one later page is missing; ` +
            `pass every page, or use the output of the AWS CLI without --no-paginate`,
        });
      }
    }
    return { catalog: createCatalog(this.metadata(inputNames), blueprints, bundles), diagnostics: this.diagnostics };
  }

  /**
   * Identical duplicates collapse into one item. Conflicting ones are all left out, so that the
   * result does not depend on which input came first, and each conflict is reported.
   */
  private resolveDuplicates<T>(kind: ItemKind, map: Map<string, Entry<T>[]>): T[] {
    const items: T[] = [];
    for (const [id, entries] of map) {
      const first = entries[0]!;
      const conflicting = entries.find((e) => e.canonical !== first.canonical);
      if (!conflicting) {
        items.push(first.item);
        continue;
      }
      const where = (o: Origin) => `${o.source} ${o.pointer}`;
      this.diagnostics.push({
        severity: 'error',
        code: 'duplicate-conflict',
        message:
          `${kind} ${id} appears twice with different content, at ${where(first.origin)} and at ` +
          `${where(conflicting.origin)}${describeDifference(first.item, conflicting.item)}; it is left out ` +
          `until one of them is removed`,
        source: conflicting.origin.source,
        pointer: conflicting.origin.pointer,
      });
    }
    return items;
  }

  private metadata(inputNames: readonly string[]): CatalogMetadata {
    const inputs = [...inputNames].sort(compareIds);
    const files = this.files;
    const regions = [...new Set(files.map((f) => f.region).filter((r) => r !== undefined))];
    if (regions.length > 1) {
      this.diagnostics.push({
        severity: 'warning',
        code: 'mixed-regions',
        message: `the inputs describe different regions (${regions.sort().join(', ')}); the merged catalog has no single region`,
      });
    }
    const onlyFile = files.length === 1 && this.rawPages === 0 ? files[0] : undefined;
    const source: CatalogSourceKind = onlyFile?.source ?? (inputNames.length > 1 ? 'merged' : 'file');
    // A merged catalog is as old as its oldest part.
    const oldest = (key: 'fetchedAt' | 'asOf') =>
      files.map((f) => f[key]).filter((v): v is string => v !== undefined).sort()[0];
    const fetchedAt = oldest('fetchedAt');
    const asOf = oldest('asOf');
    return {
      ...(regions.length === 1 && { region: regions[0]! }),
      source,
      ...(fetchedAt !== undefined && { fetchedAt }),
      ...(asOf !== undefined && { asOf }),
      inputs,
      ...(onlyFile?.notes !== undefined && { notes: onlyFile.notes }),
      ...(onlyFile?.provenance !== undefined && { provenance: onlyFile.provenance }),
    };
  }
}

function describeDifference(a: unknown, b: unknown): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return '';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const differing = [...keys].filter(
    (k) => canonicalJson((a as Record<string, unknown>)[k]) !== canonicalJson((b as Record<string, unknown>)[k]),
  );
  if (differing.length === 0) return '';
  const first = differing[0]!;
  const show = (v: unknown) => {
    if (v === undefined) return 'missing';
    const text = JSON.stringify(v);
    return text.length > 40 ? text.slice(0, 37) + '...' : text;
  };
  return ` (${first}: ${show((a as Record<string, unknown>)[first])} vs ${show((b as Record<string, unknown>)[first])}` +
    (differing.length > 1 ? `, and ${differing.length - 1} more` : '') + ')';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readTopLevel(value: unknown, source: string, sink: DiagnosticSink, collector: Collector): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      sink.report('warning', 'empty-input', 'an empty array: no pages, nothing to load', '');
    }
    value.forEach((page, index) => {
      const pointer = `/${index}`;
      if (!isPlainObject(page)) {
        sink.report('error', 'not-a-catalog', `page ${index} is ${describeKind(page)}; expected a GetBlueprints or GetBundles output object`, pointer);
        return;
      }
      readObject(page, pointer, source, sink, collector);
    });
    return;
  }
  if (!isPlainObject(value)) {
    sink.report('error', 'not-a-catalog', `${describeKind(value)} is not a catalog; ${WHAT_IS_A_CATALOG}`, '');
    return;
  }
  readObject(value, '', source, sink, collector);
}

const WHAT_IS_A_CATALOG =
  'expected the JSON output of `aws lightsail get-blueprints` or `get-bundles` (an object with `blueprints` or `bundles`), ' +
  'an array of such pages, or a lightsail-compat catalog file';

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function readObject(
  object: Record<string, unknown>,
  pointer: string,
  source: string,
  sink: DiagnosticSink,
  collector: Collector,
): void {
  if (Object.hasOwn(object, 'kind') && object['kind'] === CATALOG_FILE_KIND) {
    readCatalogFile(object, pointer, source, sink, collector);
    return;
  }
  const hasBlueprints = Object.hasOwn(object, 'blueprints');
  const hasBundles = Object.hasOwn(object, 'bundles');
  if (!hasBlueprints && !hasBundles) {
    const hint = Object.hasOwn(object, 'kind')
      ? `unknown kind ${JSON.stringify(object['kind'])}; ${WHAT_IS_A_CATALOG}`
      : Object.hasOwn(object, 'accessDetails')
        ? 'this is GetInstanceAccessDetails output, not a catalog'
        : `an object without \`blueprints\` or \`bundles\` is not a catalog; ${WHAT_IS_A_CATALOG}`;
    sink.report('error', 'not-a-catalog', hint, pointer);
    return;
  }
  collector.rawPages++;
  const hasToken = typeof object['nextPageToken'] === 'string' && object['nextPageToken'] !== '';
  if (hasBlueprints) {
    collector.pageTokens.blueprint[hasToken ? 'withToken' : 'without']++;
    readList('blueprint', object, pointer, validateGetBlueprintsOutput, source, sink, collector);
  }
  if (hasBundles) {
    collector.pageTokens.bundle[hasToken ? 'withToken' : 'without']++;
    // Page-level members were already checked with the blueprints list.
    readList('bundle', object, pointer, validateGetBundlesOutput, source, sink, collector, hasBlueprints);
  }
}

function readCatalogFile(
  file: Record<string, unknown>,
  pointer: string,
  source: string,
  sink: DiagnosticSink,
  collector: Collector,
): void {
  const errors = schemaErrors(validateCatalogFile, file);
  const badItems = reportSchemaErrors(errors, file, pointer, sink);
  if (badItems.fatal) return;
  const meta = file as unknown as FileMetadata;
  collector.files.push({
    ...(meta.region !== undefined && { region: meta.region }),
    ...(meta.source !== undefined && { source: meta.source }),
    ...(meta.fetchedAt !== undefined && { fetchedAt: meta.fetchedAt }),
    ...(meta.asOf !== undefined && { asOf: meta.asOf }),
    ...(meta.notes !== undefined && { notes: meta.notes }),
    ...(meta.provenance !== undefined && { provenance: meta.provenance }),
  });
  readItems('blueprint', file['blueprints'] as unknown[], appendPointer(pointer, 'blueprints'), badItems.blueprint, source, sink, collector);
  readItems('bundle', file['bundles'] as unknown[], appendPointer(pointer, 'bundles'), badItems.bundle, source, sink, collector);
}

function readList(
  kind: ItemKind,
  page: Record<string, unknown>,
  pointer: string,
  validator: SchemaValidator,
  source: string,
  sink: DiagnosticSink,
  collector: Collector,
  skipPageMembers = false,
): void {
  const listKey = kind === 'blueprint' ? 'blueprints' : 'bundles';
  // Validate only the list and the page members; the other list, if any, has its own validator.
  const view: Record<string, unknown> = { [listKey]: page[listKey] };
  if (!skipPageMembers) {
    for (const key of ['nextPageToken', '$metadata']) if (Object.hasOwn(page, key)) view[key] = page[key];
  }
  const errors = schemaErrors(validator, view);
  const badItems = reportSchemaErrors(errors, view, pointer, sink);
  if (badItems.fatal) return;
  readItems(kind, page[listKey] as unknown[], appendPointer(pointer, listKey), badItems[kind], source, sink, collector);
}

interface SchemaReport {
  /** The document as a whole cannot be used. */
  readonly fatal: boolean;
  /** Indexes of blueprints with schema errors. */
  readonly blueprint: ReadonlySet<number>;
  /** Indexes of bundles with schema errors. */
  readonly bundle: ReadonlySet<number>;
}

/**
 * Reports schema errors as diagnostics and works out their reach: an error inside an item drops
 * that item; an error outside every item drops the document.
 */
function reportSchemaErrors(
  errors: readonly { instancePath: string; keyword: string; params: Readonly<Record<string, unknown>>; message?: string }[],
  root: unknown,
  pointer: string,
  sink: DiagnosticSink,
): SchemaReport {
  const report = { fatal: false, blueprint: new Set<number>(), bundle: new Set<number>() };
  const seen = new Set<string>();
  for (const error of errors) {
    const match = /^\/(blueprints|bundles)\/(\d+)(\/|$)/.exec(error.instancePath);
    const value = valueAtPointer(root, error.instancePath);
    const message = describeSchemaError(error, value);
    const key = error.instancePath + '\0' + message;
    if (seen.has(key)) continue;
    seen.add(key);
    if (match) {
      const index = Number(match[2]);
      const set = match[1] === 'blueprints' ? report.blueprint : report.bundle;
      set.add(index);
      const id = idOf(valueAtPointer(root, `/${match[1]}/${index}`), match[1] === 'blueprints' ? 'blueprintId' : 'bundleId');
      const kind = match[1] === 'blueprints' ? 'blueprint' : 'bundle';
      sink.report('error', 'invalid-item', `${kind} ${id ?? `#${index}`}: ${message}; the item is left out`, pointer + error.instancePath);
    } else {
      report.fatal = true;
      sink.report('error', 'invalid-document', `${message}; nothing in this document is loaded`, pointer + error.instancePath);
    }
  }
  return report;
}

function idOf(item: unknown, key: string): string | undefined {
  if (!isPlainObject(item) || !Object.hasOwn(item, key)) return undefined;
  const id = item[key];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function readItems(
  kind: ItemKind,
  items: readonly unknown[],
  listPointer: string,
  skip: ReadonlySet<number>,
  source: string,
  sink: DiagnosticSink,
  collector: Collector,
): void {
  items.forEach((raw, index) => {
    if (skip.has(index)) return;
    const pointer = appendPointer(listPointer, index);
    const item = raw as Record<string, unknown>;
    const normalized = kind === 'blueprint' ? normalizeBlueprint(item, pointer, sink) : normalizeBundle(item, pointer, sink);
    if (normalized === undefined) return;
    const id = kind === 'blueprint' ? (normalized as Blueprint).blueprintId : (normalized as Bundle).bundleId;
    collector.add(kind, id, normalized, { source, pointer });
  });
}

/** Member order of a normalized blueprint: the AWS model's order, then unknown members. */
const BLUEPRINT_MEMBERS = [
  'blueprintId', 'name', 'group', 'type', 'description', 'isActive', 'minPower', 'version', 'versionCode',
  'productUrl', 'licenseUrl', 'platform', 'appCategory',
] as const;

/** Member order of a normalized bundle: the AWS model's order, then unknown members. */
const BUNDLE_MEMBERS = [
  'price', 'cpuCount', 'diskSizeInGb', 'bundleId', 'instanceType', 'isActive', 'name', 'power', 'ramSizeInGb',
  'transferPerMonthInGb', 'supportedPlatforms', 'supportedAppCategories', 'publicIpv4AddressCount',
] as const;

/** Bundle members without which a bundle cannot be checked or ranked. */
const REQUIRED_BUNDLE_MEMBERS = ['bundleId', 'price', 'power', 'cpuCount', 'ramSizeInGb', 'diskSizeInGb', 'transferPerMonthInGb'] as const;

function normalizeBlueprint(raw: Record<string, unknown>, pointer: string, sink: DiagnosticSink): Blueprint | undefined {
  if (!Object.hasOwn(raw, 'blueprintId')) {
    sink.report('error', 'missing-member', 'a blueprint without blueprintId cannot be used; the item is left out', pointer);
    return undefined;
  }
  const id = raw['blueprintId'] as string;
  const defaults: Record<string, unknown> = {};
  if (!Object.hasOwn(raw, 'platform')) {
    defaults['platform'] = 'LINUX_UNIX';
    sink.aggregate('legacy-platform:blueprint', 'warning', 'legacy-platform', 'blueprint', ' without platform (a catalog from before 2017-10-18): read as LINUX_UNIX, the only platform then', pointer);
  } else {
    checkKnown(raw['platform'], KNOWN_PLATFORMS, 'platform', `blueprint ${id}`, appendPointer(pointer, 'platform'), sink);
  }
  if (!Object.hasOwn(raw, 'minPower')) {
    defaults['minPower'] = 0;
    sink.aggregate('assumed:minPower', 'info', 'assumed-value', 'blueprint', ' without minPower: read as 0 (runs on every bundle)', pointer);
  }
  if (!Object.hasOwn(raw, 'isActive')) {
    defaults['isActive'] = true;
    sink.aggregate('assumed:blueprint-isActive', 'info', 'assumed-value', 'blueprint', ' without isActive: read as active (GetBlueprints lists only active items unless asked)', pointer);
  }
  if (Object.hasOwn(raw, 'type')) checkKnown(raw['type'], KNOWN_BLUEPRINT_TYPES, 'type', `blueprint ${id}`, appendPointer(pointer, 'type'), sink);
  if (Object.hasOwn(raw, 'appCategory')) checkKnown(raw['appCategory'], KNOWN_APP_CATEGORIES, 'appCategory', `blueprint ${id}`, appendPointer(pointer, 'appCategory'), sink);
  return buildItem(raw, defaults, BLUEPRINT_MEMBERS) as Blueprint;
}

function normalizeBundle(raw: Record<string, unknown>, pointer: string, sink: DiagnosticSink): Bundle | undefined {
  const missing = REQUIRED_BUNDLE_MEMBERS.filter((m) => !Object.hasOwn(raw, m));
  if (missing.length > 0) {
    const id = idOf(raw, 'bundleId');
    sink.report(
      'error',
      'missing-member',
      `bundle ${id ?? 'without bundleId'} has no ${missing.join(', ')}; it cannot be checked or ranked, so it is left out`,
      pointer,
    );
    return undefined;
  }
  const id = raw['bundleId'] as string;
  const defaults: Record<string, unknown> = {};
  if (!Object.hasOwn(raw, 'supportedPlatforms')) {
    defaults['supportedPlatforms'] = ['LINUX_UNIX'];
    sink.aggregate('legacy-platform:bundle', 'warning', 'legacy-platform', 'bundle', ' without supportedPlatforms (a catalog from before 2017-10-18): read as [LINUX_UNIX], the only platform then', pointer);
  } else {
    (raw['supportedPlatforms'] as unknown[]).forEach((p, i) =>
      checkKnown(p, KNOWN_PLATFORMS, 'platform', `bundle ${id}`, appendPointer(pointer, 'supportedPlatforms', i), sink),
    );
  }
  if (!Object.hasOwn(raw, 'supportedAppCategories')) {
    defaults['supportedAppCategories'] = [];
  } else {
    (raw['supportedAppCategories'] as unknown[]).forEach((c, i) =>
      checkKnown(c, KNOWN_APP_CATEGORIES, 'appCategory', `bundle ${id}`, appendPointer(pointer, 'supportedAppCategories', i), sink),
    );
  }
  if (!Object.hasOwn(raw, 'publicIpv4AddressCount')) {
    defaults['publicIpv4AddressCount'] = 1;
    sink.aggregate('assumed:publicIpv4AddressCount', 'info', 'assumed-value', 'bundle', ' without publicIpv4AddressCount (a catalog from before 2024-01-25): read as 1, dual-stack', pointer);
  } else if (raw['publicIpv4AddressCount'] !== 0 && raw['publicIpv4AddressCount'] !== 1) {
    sink.report('warning', 'unknown-value', `bundle ${id} has publicIpv4AddressCount ${String(raw['publicIpv4AddressCount'])}; the API documents only 0 (IPv6-only) and 1 (dual-stack)`, appendPointer(pointer, 'publicIpv4AddressCount'));
  }
  if (!Object.hasOwn(raw, 'isActive')) {
    defaults['isActive'] = true;
    sink.aggregate('assumed:bundle-isActive', 'info', 'assumed-value', 'bundle', ' without isActive: read as active (GetBundles lists only active items unless asked)', pointer);
  }
  return buildItem(raw, defaults, BUNDLE_MEMBERS) as Bundle;
}

function checkKnown(value: unknown, known: readonly string[], member: string, owner: string, pointer: string, sink: DiagnosticSink): void {
  if (typeof value === 'string' && !known.includes(value)) {
    sink.report(
      'warning',
      'unknown-value',
      `${owner} has ${member} ${JSON.stringify(value)}, which this version does not know (known: ${known.join(', ')}); it is kept, and matches no known value`,
      pointer,
    );
  }
}

/**
 * Builds a normalized item: known members in model order (with defaults filled in), then unknown
 * members in their original order. `Object.fromEntries` defines properties, so input keys such as
 * `__proto__` stay plain members and never reach a prototype. The item and its arrays are frozen,
 * since verdicts and catalogs share them.
 */
function buildItem(raw: Record<string, unknown>, defaults: Record<string, unknown>, order: readonly string[]): object {
  const entries: [string, unknown][] = [];
  for (const key of order) {
    if (Object.hasOwn(raw, key)) entries.push([key, raw[key]]);
    else if (Object.hasOwn(defaults, key)) entries.push([key, defaults[key]]);
  }
  for (const key of Object.keys(raw)) if (!order.includes(key)) entries.push([key, raw[key]]);
  return frozenCopy(Object.fromEntries(entries)) as object;
}

/** A deep, frozen copy of plain data, so that the caller's objects are neither shared nor frozen. */
function frozenCopy(value: unknown): unknown {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy));
  if (isPlainObject(value)) {
    return Object.freeze(Object.fromEntries(Object.keys(value).map((k) => [k, frozenCopy(value[k])])));
  }
  return value;
}
