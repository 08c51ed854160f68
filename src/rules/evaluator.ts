/**
 * Evaluating rules over a catalog: one pairing (`checkPair`), or every pairing at once
 * (`compatibilityMatrix`). Synchronous and pure.
 *
 * How it stays fast without changing the engine's semantics:
 * - a condition that reads only one fact (`bundle.isActive equal false`) is evaluated once per
 *   bundle or blueprint when the evaluator is built, never once per pairing;
 * - a condition comparing the two facts is evaluated for a whole row of bundles at a time, and the
 *   row is cached by the blueprint-side value (all blueprints with `minPower` 0 share one row,
 *   all `LINUX_UNIX` blueprints share one platform row): these are the platform and power
 *   partitions of the catalog, found from the rules rather than written for them;
 * - rows are bit sets, so combining conditions and counting verdicts is word arithmetic.
 *
 * @module
 */
import type { Blueprint, Bundle, Catalog } from '../catalog/model.js';
import type { Severity } from '../diagnostics.js';
import { canonicalJson } from '../util/canonical-json.js';
import { didYouMean } from '../util/did-you-mean.js';
import { count, forEachIndex, fullSet, has, isEmpty, wordCount, type BitSet } from './bitset.js';
import { builtinRules } from './builtin-rules.js';
import { operandReader, READS_BLUEPRINT, READS_BUNDLE, type ConditionNode, type LeafNode, type Operand } from './compile.js';
import type { RuleDefinition } from './load-rules.js';
import { renderTemplate } from './template.js';

/** A severity, or `off` to turn a rule off. */
export type RuleSetting = Severity | 'off';

/** What decides which rules apply and how severe they are. */
export interface RuleOptions {
  /** User rules (from {@link loadRules}), evaluated after the built-in ones. */
  readonly rules?: readonly RuleDefinition[];
  /** Severity overrides by rule id, as `--rule ID=off|error|warning|info` sets them. */
  readonly severity?: Readonly<Record<string, RuleSetting>>;
  /** Turns `blueprint-active` and `bundle-active` off (unless `severity` turns them back on). */
  readonly includeInactive?: boolean;
}

/** One rule a pairing breaks. */
export interface Violation {
  /** The rule's stable id. */
  readonly ruleId: string;
  /** Its severity after overrides. */
  readonly severity: Severity;
  /** The rule's message with the pairing's values filled in. */
  readonly message: string;
  /** Set when the rule could not be evaluated for this pairing; the pairing counts as breaking it. */
  readonly error?: string;
}

/** The cheapest compatible bundle for a blueprint. */
export interface Suggestion {
  /** Bundle id. */
  readonly bundleId: string;
  /** Its monthly price in USD. */
  readonly price: number;
}

/**
 * The answer for one blueprint and bundle.
 *
 * @example
 * ```ts
 * { compatible: false, blueprintId: 'windows_server_2019_sql_2016_express', bundleId: 'micro_win_3_0',
 *   violations: [{ ruleId: 'power-threshold', severity: 'error',
 *     message: 'bundle micro_win_3_0 has power 500; windows_server_2019_sql_2016_express needs at least 1000' }],
 *   suggestion: { bundleId: 'small_win_3_0', price: 22 } }
 * ```
 */
export interface Verdict {
  /** True when no rule of severity `error` fires. */
  readonly compatible: boolean;
  /** The blueprint asked about. */
  readonly blueprintId: string;
  /** The bundle asked about. */
  readonly bundleId: string;
  /** Every rule that fires, in rule order, including warnings and infos. */
  readonly violations: readonly Violation[];
  /**
   * For an incompatible pairing, the cheapest bundle the blueprint is compatible with, of the same
   * network kind as the bundle asked about (dual-stack or IPv6-only) when there is one.
   */
  readonly suggestion?: Suggestion;
}

/** A rule as it applies in an evaluation: its definition and effective severity. */
export interface ActiveRule {
  /** The rule. */
  readonly definition: RuleDefinition;
  /** Severity after `includeInactive` and overrides. */
  readonly severity: Severity;
}

/** Rule ids `includeInactive` turns off. */
export const ACTIVITY_RULE_IDS: readonly string[] = ['blueprint-active', 'bundle-active'];

/**
 * The rules in force, in evaluation order (built-in first, then user rules), with their effective
 * severities; rules set to `off` are left out.
 */
export function activeRules(options: RuleOptions = {}): ActiveRule[] {
  const all = [...builtinRules(), ...(options.rules ?? [])];
  const result: ActiveRule[] = [];
  for (const definition of all) {
    let setting: RuleSetting = definition.severity;
    if (options.includeInactive === true && ACTIVITY_RULE_IDS.includes(definition.id)) setting = 'off';
    const override = options.severity && Object.hasOwn(options.severity, definition.id) ? options.severity[definition.id] : undefined;
    if (override !== undefined) setting = override;
    if (setting !== 'off') result.push({ definition, severity: setting });
  }
  return result;
}

/** F, T, or the engine would have rejected (an error). */
type Tri = 0 | 1 | 2;
const F: Tri = 0;
const T: Tri = 1;
const E: Tri = 2;

/** A row of three-valued results: `t` where true, `e` where the evaluation failed, false elsewhere. */
interface Bits {
  readonly t: BitSet;
  readonly e: BitSet | null;
}

/** The network kind a suggestion may have when no bundle was asked about. */
const ANY_KIND: unique symbol = Symbol('any network kind');

/** Most rows cached per rule; rows are keyed by the blueprint values the rule reads. */
const ROW_CACHE_LIMIT = 4096;

/** A compiled rule, bound to one catalog. */
interface BoundRule {
  readonly active: ActiveRule;
  /** Result for one pairing by item indexes. */
  readonly pair: (bi: number, ui: number) => Tri;
  /** The closure behind `pair`, built on first use (a matrix never needs it). */
  readonly pairClosure: () => (bi: number, ui: number) => Tri;
  /** Result for one blueprint against every bundle. */
  readonly row: (bi: number) => Bits;
  /** The blueprint-side key under which a blueprint's row is cached. */
  readonly rowKey: (bi: number) => string;
}

/**
 * Rules bound to one catalog, with the per-item work done once. Build one with
 * {@link createEvaluator} and reuse it for many pairings; {@link checkPair} does that for you.
 */
export interface Evaluator {
  /** The catalog it evaluates. */
  readonly catalog: Catalog;
  /** The rules in force. */
  readonly rules: readonly ActiveRule[];
  /** The verdict for one pairing by id (unknown ids give a verdict with an `unknown-*` violation). */
  check(blueprintId: string, bundleId: string): Verdict;
  /** Whether blueprint `bi` and bundle `ui` (catalog indexes) are compatible. */
  isCompatibleAt(bi: number, ui: number): boolean;
  /** The bundles (as a bit set over catalog indexes) that blueprint `bi` is compatible with. Do not modify it. */
  compatibleBundles(bi: number): BitSet;
  /** The cheapest compatible bundle for a blueprint (price, then id), or `undefined`. */
  cheapestCompatibleBundle(blueprintId: string): Bundle | undefined;
  /** Catalog index of a blueprint id, or -1. */
  blueprintIndex(blueprintId: string): number;
  /** Catalog index of a bundle id, or -1. */
  bundleIndex(bundleId: string): number;
}

/**
 * Binds rules to a catalog. Building costs one pass over the catalog per single-fact condition;
 * after that a pairing costs a few array reads and, for conditions comparing the two facts, one
 * operator call.
 *
 * @example
 * ```ts
 * const evaluator = createEvaluator(catalog);
 * for (const plan of plans) evaluator.check(plan.blueprintId, plan.bundleId);
 * ```
 */
export function createEvaluator(catalog: Catalog, options: RuleOptions = {}): Evaluator {
  const blueprints = catalog.blueprints;
  const bundles = catalog.bundles;
  const bundleCount = bundles.length;
  const words = wordCount(bundleCount);
  const everyBundle = fullSet(bundleCount);
  const constants = {
    true: { t: everyBundle, e: null } as Bits,
    false: { t: new Uint32Array(words), e: null } as Bits,
    error: { t: new Uint32Array(words), e: everyBundle } as Bits,
  };
  const rules = activeRules(options);
  const blueprintIndexById = new Map<string, number>();
  for (let bi = 0; bi < blueprints.length; bi++) blueprintIndexById.set(blueprints[bi]!.blueprintId, bi);
  const bundleIndexById = new Map<string, number>();
  for (let ui = 0; ui < bundleCount; ui++) bundleIndexById.set(bundles[ui]!.bundleId, ui);
  // Filled while the rules are bound: per-item results and operand values (see resultsOf, valuesOf).
  const itemResults = new Map<ConditionNode, Uint8Array>();
  const operandValues = new Map<string, readonly unknown[]>();
  const bound = rules.map((active) => bindRule(active));
  const blocking = bound.filter((r) => r.active.severity === 'error');

  /** Runs a condition on one pairing of (possibly absent) items, as the engine would. */
  function evaluateOnce(node: ConditionNode, bp: Blueprint | undefined, bu: Bundle | undefined): Tri {
    try {
      return node.evaluate(bp, bu) ? T : F;
    } catch {
      return E;
    }
  }

  /**
   * A single-fact condition's result for every item of its fact, computed once per evaluator and
   * shared by the pair and row paths.
   */
  function resultsOf(node: ConditionNode): Uint8Array {
    let results = itemResults.get(node);
    if (!results) {
      if (node.facts === READS_BUNDLE) {
        results = new Uint8Array(bundleCount);
        for (let ui = 0; ui < bundleCount; ui++) results[ui] = evaluateOnce(node, undefined, bundles[ui]);
      } else {
        results = new Uint8Array(blueprints.length);
        for (let bi = 0; bi < blueprints.length; bi++) results[bi] = evaluateOnce(node, blueprints[bi], undefined);
      }
      itemResults.set(node, results);
    }
    return results;
  }

  /**
   * A fact operand's value for every item of its fact (the member its path names), read once per
   * evaluator, so that comparing two facts costs two array reads instead of two path walks.
   */
  function valuesOf(operand: Operand & { kind: 'fact' }): readonly unknown[] {
    const key = `${operand.fact}:${operand.members === null ? '' : operand.members.join('.')}`;
    let values = operandValues.get(key);
    if (!values) {
      const read = operandReader(operand);
      values = operand.fact === 'blueprint' ? blueprints.map((bp) => read(bp, undefined)) : bundles.map((bu) => read(undefined, bu));
      operandValues.set(key, values);
    }
    return values;
  }

  function bindRule(active: ActiveRule): BoundRule {
    const root = active.definition.conditions;
    // The pair closures are built on first use: a matrix never needs them.
    let pairOf: ((bi: number, ui: number) => Tri) | undefined;
    const pairClosure = () => (pairOf ??= bindPair(root));
    const pair = (bi: number, ui: number): Tri => pairClosure()(bi, ui);
    const rowOf = bindRow(root);
    const keyValues = blueprintOperands(root).map((operand) => valuesOf(operand as Operand & { kind: 'fact' }));
    const keys: (string | undefined)[] = new Array<string | undefined>(blueprints.length);
    const rowKey = (bi: number): string => {
      let key = keys[bi];
      if (key === undefined) {
        key = keyValues.length === 1 ? valueKey(keyValues[0]![bi]) : keyValues.map((values) => valueKey(values[bi])).join('\u0001');
        keys[bi] = key;
      }
      return key;
    };
    const cache = new Map<string, Bits>();
    const row = (bi: number): Bits => {
      const key = rowKey(bi);
      let bits = cache.get(key);
      if (!bits) {
        bits = rowOf(bi);
        if (cache.size >= ROW_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        cache.set(key, bits);
      }
      return bits;
    };
    return { active, pair, pairClosure, row, rowKey };
  }

  /** Per-pairing closure. Single-fact subtrees become lookups into results computed here, once. */
  function bindPair(node: ConditionNode): (bi: number, ui: number) => Tri {
    if (node.facts === READS_BUNDLE) {
      const results = resultsOf(node);
      return (_bi, ui) => results[ui] as Tri;
    }
    if (node.facts === READS_BLUEPRINT || node.facts === 0) {
      const results = resultsOf(node);
      return (bi) => results[bi] as Tri;
    }
    switch (node.kind) {
      case 'leaf': {
        // A leaf that reads both facts has a fact on each side (a literal would make it single-fact).
        const operator = node.operatorFunction;
        const left = valuesOf(node.left);
        const right = valuesOf(node.right as Operand & { kind: 'fact' });
        return node.left.fact === 'blueprint'
          ? (bi, ui) => {
              try {
                return operator(left[bi], right[ui]) ? T : F;
              } catch {
                return E;
              }
            }
          : (bi, ui) => {
              try {
                return operator(left[ui], right[bi]) ? T : F;
              } catch {
                return E;
              }
            };
      }
      case 'not': {
        const child = bindPair(node.child);
        return (bi, ui) => {
          const r = child(bi, ui);
          return r === E ? E : r === T ? F : T;
        };
      }
      case 'all':
      case 'any': {
        if (node.children.length === 1) return bindPair(node.children[0]!);
        const isAll = node.kind === 'all';
        const groups = node.groups.map((g) => g.map(bindPair));
        return (bi, ui) => {
          for (const members of groups) {
            let failed = false;
            let decided = false;
            for (const member of members) {
              const r = member(bi, ui);
              if (r === E) failed = true;
              else if (isAll ? r !== T : r === T) decided = true;
            }
            if (failed) return E;
            if (decided) return isAll ? F : T;
          }
          return isAll ? T : F;
        };
      }
    }
  }

  /** Per-blueprint row closure over every bundle at once. */
  function bindRow(node: ConditionNode): (bi: number) => Bits {
    if (node.facts === READS_BUNDLE) {
      const bits = { t: new Uint32Array(words), e: null as BitSet | null };
      const results = resultsOf(node);
      for (let ui = 0; ui < bundleCount; ui++) {
        const r = results[ui];
        if (r === T) bits.t[ui >>> 5]! |= 1 << (ui & 31);
        else if (r === E) (bits.e ??= new Uint32Array(words))[ui >>> 5]! |= 1 << (ui & 31);
      }
      return () => bits;
    }
    if (node.facts === READS_BLUEPRINT || node.facts === 0) {
      const results = resultsOf(node);
      return (bi) => (results[bi] === T ? constants.true : results[bi] === E ? constants.error : constants.false);
    }
    switch (node.kind) {
      case 'leaf':
        return bindCrossLeafRow(node);
      case 'not': {
        const child = bindRow(node.child);
        return (bi) => {
          const c = child(bi);
          const t = new Uint32Array(words);
          for (let w = 0; w < words; w++) t[w] = ~c.t[w]! & ~(c.e ? c.e[w]! : 0) & everyBundle[w]!;
          return { t, e: c.e };
        };
      }
      case 'all':
      case 'any': {
        if (node.children.length === 0) return () => constants.true;
        if (node.children.length === 1) return bindRow(node.children[0]!);
        const isAll = node.kind === 'all';
        const groups = node.groups.map((g) => g.map(bindRow));
        return (bi) => {
          const undecided = Uint32Array.from(everyBundle);
          const t = new Uint32Array(words);
          let e: BitSet | null = null;
          for (const members of groups) {
            const results = members.map((m) => m(bi));
            for (let w = 0; w < words; w++) {
              let failed = 0;
              let combined = isAll ? 0xffffffff : 0;
              for (const r of results) {
                if (r.e) failed |= r.e[w]!;
                combined = isAll ? combined & r.t[w]! : combined | r.t[w]!;
              }
              const open = undecided[w]!;
              if ((open & failed) !== 0) (e ??= new Uint32Array(words))[w]! |= open & failed;
              if (isAll) undecided[w] = open & ~failed & combined;
              else {
                t[w]! |= open & ~failed & combined;
                undecided[w] = open & ~failed & ~combined;
              }
            }
          }
          if (isAll) return { t: undecided, e };
          return { t, e };
        };
      }
    }
  }

  /** A comparison of the two facts: one pass over the bundles per distinct blueprint-side value. */
  function bindCrossLeafRow(node: LeafNode): (bi: number) => Bits {
    const operator = node.operatorFunction;
    const blueprintOnLeft = node.left.fact === 'blueprint';
    const blueprintValues = valuesOf(blueprintOnLeft ? node.left : (node.right as Operand & { kind: 'fact' }));
    const bundleValues = valuesOf(blueprintOnLeft ? (node.right as Operand & { kind: 'fact' }) : node.left);
    const cache = new Map<string, Bits>();
    return (bi) => {
      const value = blueprintValues[bi];
      const key = valueKey(value);
      let bits = cache.get(key);
      if (!bits) {
        const t = new Uint32Array(words);
        let e: BitSet | null = null;
        for (let ui = 0; ui < bundleCount; ui++) {
          try {
            if (blueprintOnLeft ? operator(value, bundleValues[ui]) : operator(bundleValues[ui], value)) t[ui >>> 5]! |= 1 << (ui & 31);
          } catch {
            (e ??= new Uint32Array(words))[ui >>> 5]! |= 1 << (ui & 31);
          }
        }
        bits = { t, e };
        if (cache.size >= ROW_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        cache.set(key, bits);
      }
      return bits;
    };
  }

  interface PartitionNode {
    readonly children: Map<number, PartitionNode>;
    set: BitSet | undefined;
  }
  const compatibleCache: PartitionNode = { children: new Map(), set: undefined };
  // Per blocking rule, each blueprint's row key interned as a small number (its partition).
  const partitionIds = blocking.map(() => new Map<string, number>());
  const partitionOf = blocking.map(() => new Int32Array(blueprints.length).fill(-1));
  /**
   * The blueprint's compatible bundles, shared by every blueprint in the same partition of every
   * blocking rule: a trie keyed by the partition numbers, so no key string is built per blueprint.
   * It holds one set per distinct combination of partitions, so never more sets than blueprints.
   */
  function compatibleBundles(bi: number): BitSet {
    let node = compatibleCache;
    for (let k = 0; k < blocking.length; k++) {
      let partition = partitionOf[k]![bi]!;
      if (partition < 0) {
        const ids = partitionIds[k]!;
        const key = blocking[k]!.rowKey(bi);
        partition = ids.get(key) ?? ids.size;
        if (partition === ids.size) ids.set(key, partition);
        partitionOf[k]![bi] = partition;
      }
      let next = node.children.get(partition);
      if (!next) node.children.set(partition, (next = { children: new Map(), set: undefined }));
      node = next;
    }
    if (!node.set) {
      const set = Uint32Array.from(everyBundle);
      for (const rule of blocking) {
        const bits = rule.row(bi);
        for (let w = 0; w < words; w++) set[w]! &= ~bits.t[w]! & ~(bits.e ? bits.e[w]! : 0);
      }
      node.set = set;
    }
    return node.set;
  }

  // Bundles by price, then id; sorted on first use, since only suggestions need it.
  let byPrice: number[] | undefined;
  // Per blueprint, the cheapest compatible bundle by the network kind asked for (ANY_KIND: any).
  const cheapestCache: (Map<unknown, number> | undefined)[] = [];
  /**
   * The cheapest compatible bundle for blueprint `bi`; with `likeBundle`, the cheapest of the same
   * network kind (dual-stack or IPv6-only) if there is one, since a suggestion should not quietly
   * drop the public IPv4 address a plan had.
   */
  function cheapestIndex(bi: number, likeBundle?: number): number {
    const ipv4 = likeBundle === undefined ? ANY_KIND : bundles[likeBundle]!.publicIpv4AddressCount;
    const byKind = (cheapestCache[bi] ??= new Map<unknown, number>());
    let found = byKind.get(ipv4);
    if (found === undefined) {
      const set = compatibleBundles(bi);
      found = -1;
      if (!isEmpty(set)) {
        byPrice ??= bundles
          .map((_, ui) => ui)
          .sort((a, b) => bundles[a]!.price - bundles[b]!.price || (bundles[a]!.bundleId < bundles[b]!.bundleId ? -1 : 1));
        const candidates = byPrice.filter((ui) => has(set, ui));
        found = candidates.find((ui) => ipv4 === ANY_KIND || ipv4 === undefined || bundles[ui]!.publicIpv4AddressCount === ipv4) ?? candidates[0] ?? -1;
      }
      byKind.set(ipv4, found);
    }
    return found;
  }

  // One frozen suggestion per bundle, shared by every verdict that suggests it.
  const suggestions: (Suggestion | undefined)[] = [];
  function suggestionOf(ui: number): Suggestion {
    return (suggestions[ui] ??= Object.freeze({ bundleId: bundles[ui]!.bundleId, price: bundles[ui]!.price }));
  }

  // The pair closures of every rule, in rule order, bound on the first verdict asked for.
  let pairClosures: ((bi: number, ui: number) => Tri)[] | undefined;

  function violationsAt(bi: number, ui: number): Violation[] {
    const violations: Violation[] = [];
    const closures = (pairClosures ??= bound.map((rule) => rule.pairClosure()));
    for (let k = 0; k < closures.length; k++) {
      const r = closures[k]!(bi, ui);
      if (r === F) continue;
      const rule = bound[k]!;
      const { definition } = rule.active;
      const bp = blueprints[bi]!;
      const bu = bundles[ui]!;
      if (r === T) {
        violations.push({ ruleId: definition.id, severity: rule.active.severity, message: renderTemplate(definition.message, bp, bu) });
      } else {
        const reason = describeFailure(definition.conditions, bp, bu);
        violations.push({
          ruleId: definition.id,
          severity: rule.active.severity,
          message: `rule ${definition.id} could not be evaluated for ${bp.blueprintId} on ${bu.bundleId} (${reason}); the pairing counts as breaking it`,
          error: reason,
        });
      }
    }
    return violations;
  }

  function check(blueprintId: string, bundleId: string): Verdict {
    const bi = blueprintIndexById.get(blueprintId) ?? -1;
    const ui = bundleIndexById.get(bundleId) ?? -1;
    if (bi < 0 || ui < 0) {
      const violations: Violation[] = [];
      if (bi < 0) violations.push(unknownId('blueprint', blueprintId, blueprintIndexById));
      if (ui < 0) violations.push(unknownId('bundle', bundleId, bundleIndexById));
      return { compatible: false, blueprintId, bundleId, violations };
    }
    const violations = violationsAt(bi, ui);
    let compatible = true;
    for (const violation of violations) if (violation.severity === 'error') compatible = false;
    if (compatible) return { compatible, blueprintId, bundleId, violations };
    const cheapest = cheapestIndex(bi, ui);
    return cheapest < 0 ? { compatible, blueprintId, bundleId, violations } : { compatible, blueprintId, bundleId, violations, suggestion: suggestionOf(cheapest) };
  }

  return {
    catalog,
    rules,
    check,
    isCompatibleAt: (bi, ui) => {
      for (const rule of blocking) if (rule.pair(bi, ui) !== F) return false;
      return true;
    },
    compatibleBundles,
    cheapestCompatibleBundle: (blueprintId) => {
      const bi = blueprintIndexById.get(blueprintId);
      if (bi === undefined) return undefined;
      const ui = cheapestIndex(bi);
      return ui < 0 ? undefined : bundles[ui];
    },
    blueprintIndex: (id) => blueprintIndexById.get(id) ?? -1,
    bundleIndex: (id) => bundleIndexById.get(id) ?? -1,
  };
}

/**
 * A cache key for a value read from a blueprint. Equal keys must give equal results for every
 * bundle: the operators compare scalars by value and objects by identity (never equal across two
 * catalog items), so canonical JSON is enough for objects. Scalars get a key of their own, tagged
 * by type: that is much cheaper than JSON (it is computed per blueprint and rule), and it keeps
 * apart what JSON merges, such as `NaN` and `null` (JSON writes both as `null`, yet `null` equals
 * a bundle's `null` and `NaN` equals nothing). Strings carry their length, so that keys joined
 * into a row key cannot run into each other.
 */
function valueKey(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'string':
      return `s${value.length}:${value}`;
    case 'number':
      return `n${value}`; // NaN, Infinity; -0 as 0, which no operator tells apart
    case 'boolean':
      return value ? 't' : 'f';
    default:
      return value === null ? 'z' : 'j' + canonicalJson(value);
  }
}

/** The blueprint operands a condition reads, in order: what a blueprint's row depends on. */
function blueprintOperands(node: ConditionNode): Operand[] {
  switch (node.kind) {
    case 'leaf':
      return [node.left, node.right].filter((o) => o.kind === 'fact' && o.fact === 'blueprint');
    case 'not':
      return blueprintOperands(node.child);
    default:
      return node.children.flatMap(blueprintOperands);
  }
}

function describeFailure(node: ConditionNode, bp: Blueprint, bu: Bundle): string {
  try {
    node.evaluate(bp, bu);
    return 'unknown error';
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

function unknownId(kind: 'blueprint' | 'bundle', id: string, known: ReadonlyMap<string, number>): Violation {
  // A catalog made of get-bundles output alone has no blueprints at all: say which listing is missing.
  const hint =
    known.size === 0
      ? `; it has no ${kind}s at all: add the output of \`aws lightsail get-${kind}s\``
      : ((near) => (near.length > 0 ? `; did you mean ${near.join(' or ')}?` : ''))(didYouMean(id, known.keys()));
  return { ruleId: `unknown-${kind}`, severity: 'error', message: `${kind} ${id} is not in the catalog${hint}` };
}

const evaluatorCache = new WeakMap<Catalog, WeakMap<object, Map<string, Evaluator>>>();
const NO_USER_RULES: readonly RuleDefinition[] = Object.freeze([]);

/** The evaluator for a catalog and options, built once and reused while both are alive. */
export function evaluatorFor(catalog: Catalog, options: RuleOptions = {}): Evaluator {
  // checkPair in a loop asks for the same evaluator every time: remember the last one asked for
  // without severity overrides, and skip the lookups and the key for it.
  const last = lastEvaluator;
  const includeInactive = options.includeInactive === true;
  if (last !== undefined && options.severity === undefined && last.catalog === catalog && last.rules === (options.rules ?? NO_USER_RULES) && last.includeInactive === includeInactive) {
    return last.evaluator;
  }
  let byRules = evaluatorCache.get(catalog);
  if (!byRules) evaluatorCache.set(catalog, (byRules = new WeakMap()));
  const rulesKey = options.rules ?? NO_USER_RULES;
  let bySettings = byRules.get(rulesKey);
  if (!bySettings) byRules.set(rulesKey, (bySettings = new Map<string, Evaluator>()));
  // checkPair calls this once per pairing, usually without overrides: no JSON for those.
  const settingsKey = options.severity === undefined ? String(options.includeInactive === true) : canonicalJson([options.includeInactive === true, options.severity]);
  let evaluator = bySettings.get(settingsKey);
  if (!evaluator) bySettings.set(settingsKey, (evaluator = createEvaluator(catalog, options)));
  lastEvaluator = options.severity === undefined ? { catalog, rules: rulesKey, includeInactive, evaluator } : undefined;
  return evaluator;
}

/**
 * The evaluator evaluatorFor returned last (without overrides). It holds one catalog alive until
 * the next call with another, which a long-running process makes soon enough.
 */
let lastEvaluator: { catalog: Catalog; rules: readonly RuleDefinition[]; includeInactive: boolean; evaluator: Evaluator } | undefined;

/**
 * Checks one blueprint against one bundle. Synchronous; the work per catalog and options is done
 * once and cached, so calling it in a loop is cheap.
 *
 * @example
 * ```ts
 * const verdict = checkPair(catalog, 'windows_server_2019_sql_2016_express', 'micro_win_3_0');
 * verdict.compatible; // false
 * verdict.violations[0]?.ruleId; // 'power-threshold'
 * verdict.suggestion?.bundleId; // 'small_win_3_0'
 * ```
 */
export function checkPair(catalog: Catalog, blueprintId: string, bundleId: string, options: RuleOptions = {}): Verdict {
  return evaluatorFor(catalog, options).check(blueprintId, bundleId);
}

/** Which blueprints and bundles a matrix covers. */
export interface MatrixOptions extends RuleOptions {
  /** Only these blueprints (default: every active one, or every one with `includeInactive`). */
  readonly blueprintIds?: readonly string[];
  /** Only these bundles (default: every active one, or every one with `includeInactive`). */
  readonly bundleIds?: readonly string[];
}

/** Every verdict between a set of blueprints (rows) and bundles (columns). */
export interface CompatibilityMatrix {
  /** Row ids, in catalog order. */
  readonly blueprintIds: readonly string[];
  /** Column ids, in catalog order. */
  readonly bundleIds: readonly string[];
  /** Number of compatible cells. */
  readonly compatibleCount: number;
  /** Whether a cell is compatible (false for ids outside the matrix). */
  isCompatible(blueprintId: string, bundleId: string): boolean;
  /** The full verdict for a cell, with messages. */
  verdict(blueprintId: string, bundleId: string): Verdict;
  /** Ids of the rules that fail a cell (every severity), in rule order. */
  failingRuleIds(blueprintId: string, bundleId: string): string[];
  /** The columns a row is compatible with, in column order. */
  compatibleBundleIds(blueprintId: string): string[];
}

/**
 * Evaluates every pairing of the chosen blueprints and bundles. Rows of blueprints that read the
 * same values share their work, so a large catalog costs little more than its distinct values.
 *
 * @example
 * ```ts
 * const matrix = compatibilityMatrix(catalog);
 * matrix.compatibleCount;
 * matrix.isCompatible('wordpress', 'nano_3_0'); // true
 * ```
 */
export function compatibilityMatrix(catalog: Catalog, options: MatrixOptions = {}): CompatibilityMatrix {
  const evaluator = evaluatorFor(catalog, options);
  const showInactive = options.includeInactive === true;
  const rowIndexes = pickIndexes(catalog.blueprints.length, options.blueprintIds, (i) => showInactive || catalog.blueprints[i]!.isActive, (id) => evaluator.blueprintIndex(id));
  const columnIndexes = pickIndexes(catalog.bundles.length, options.bundleIds, (i) => showInactive || catalog.bundles[i]!.isActive, (id) => evaluator.bundleIndex(id));
  const columns = new Uint32Array(wordCount(catalog.bundles.length));
  for (const ui of columnIndexes) columns[ui >>> 5]! |= 1 << (ui & 31);
  const rows = new Map<number, BitSet>();
  // Blueprints of one partition share their compatible set, so they share its row here too.
  const masked = new Map<BitSet, { row: BitSet; count: number }>();
  let compatibleCount = 0;
  for (const bi of rowIndexes) {
    const set = evaluator.compatibleBundles(bi);
    let entry = masked.get(set);
    if (!entry) {
      const row = new Uint32Array(set.length);
      for (let w = 0; w < set.length; w++) row[w] = set[w]! & columns[w]!;
      entry = { row, count: count(row) };
      masked.set(set, entry);
    }
    rows.set(bi, entry.row);
    compatibleCount += entry.count;
  }
  const blueprintIds = rowIndexes.map((i) => catalog.blueprints[i]!.blueprintId);
  const bundleIds = columnIndexes.map((i) => catalog.bundles[i]!.bundleId);
  const rowOf = (id: string) => rows.get(evaluator.blueprintIndex(id));
  return {
    blueprintIds,
    bundleIds,
    compatibleCount,
    isCompatible: (blueprintId, bundleId) => {
      const row = rowOf(blueprintId);
      const ui = evaluator.bundleIndex(bundleId);
      return row !== undefined && ui >= 0 && has(row, ui);
    },
    verdict: (blueprintId, bundleId) => evaluator.check(blueprintId, bundleId),
    failingRuleIds: (blueprintId, bundleId) => evaluator.check(blueprintId, bundleId).violations.map((v) => v.ruleId),
    compatibleBundleIds: (blueprintId) => {
      const row = rowOf(blueprintId);
      const ids: string[] = [];
      if (row) forEachIndex(row, (ui) => ids.push(catalog.bundles[ui]!.bundleId));
      return ids;
    },
  };
}

/** Catalog indexes, in catalog order: of the ids wanted (unknown ones left out), or of every item included. */
function pickIndexes(size: number, wanted: readonly string[] | undefined, include: (i: number) => boolean, indexOf: (id: string) => number): number[] {
  const picked = new Uint8Array(size);
  if (wanted === undefined) for (let i = 0; i < size; i++) picked[i] = include(i) ? 1 : 0;
  else
    for (const id of wanted) {
      const i = indexOf(id);
      if (i >= 0) picked[i] = 1;
    }
  const indexes: number[] = [];
  for (let i = 0; i < size; i++) if (picked[i] === 1) indexes.push(i);
  return indexes;
}
