/**
 * Loading rule files, built-in or untrusted. A rule is checked in three passes before anything is
 * built from it: size, then an iterative walk that bounds nesting and size and names the common
 * mistakes and attacks precisely, then the strict JSON Schema (`schemas/rule.schema.json`).
 * Loading never runs rule content and never recurses deeper than the depth limit.
 *
 * @module
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import { describeSchemaError, schemaErrors, validateRuleFile, valueAtPointer } from '../schemas.js';
import { parseJson } from '../util/parse-json.js';
import { factOperand, group, leaf, not, type ConditionNode, type FactName } from './compile.js';
import { isOperatorName, OPERATORS } from './operators.js';
import { parsePath } from './path.js';
import { parseTemplate, type MessageTemplate } from './template.js';

/** Largest rule file accepted, in bytes of text. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;
/** Deepest nesting of conditions accepted (the root is depth 1). */
export const MAX_CONDITION_DEPTH = 16;
/** Most conditions (leaves and groups together) in one rule. */
export const MAX_CONDITIONS = 200;

/** A rule as written in a rule file: a json-rules-engine rule whose event is a violation. */
export interface RuleFile {
  /** The rule's stable id. */
  readonly name: string;
  /** json-rules-engine rule priority. */
  readonly priority?: number;
  /** Conditions that describe a violation. */
  readonly conditions: unknown;
  /** The violation and its metadata. */
  readonly event: RuleEvent;
}

/** A rule file's event: always a violation, with the rule's metadata as params. */
export interface RuleEvent {
  /** Always `violation`. */
  readonly type: 'violation';
  /** The rule's metadata. */
  readonly params: RuleEventParams;
}

/** A rule's metadata, kept in the event params so that it survives a trip through json-rules-engine. */
export interface RuleEventParams {
  /** Default severity. */
  readonly severity: Severity;
  /** One-line summary. */
  readonly title: string;
  /** Why the rule exists. */
  readonly rationale: string;
  /** Message template with `{{blueprint.member}}` / `{{bundle.member}}` placeholders. */
  readonly message: string;
  /** Link to documentation (https only). */
  readonly docsUrl?: string;
}

/** A loaded, validated and compiled rule. */
export interface RuleDefinition {
  /** Stable id (the rule file's `name`). */
  readonly id: string;
  /** Severity as written in the rule file. */
  readonly severity: Severity;
  /** One-line summary. */
  readonly title: string;
  /** Why the rule exists. */
  readonly rationale: string;
  /**
   * Message template, parsed.
   * @internal
   */
  readonly message: MessageTemplate;
  /** Link to the rule's documentation, when it has one. */
  readonly docsUrl?: string;
  /** Whether it ships with the package or came from the user. */
  readonly source: 'builtin' | 'user';
  /** File it was loaded from (name as given). */
  readonly file?: string;
  /** The rule JSON as validated (frozen), for json-rules-engine and `rules show`. */
  readonly json: RuleFile;
  /**
   * The compiled conditions.
   * @internal
   */
  readonly conditions: ConditionNode;
}

/** A rule file's text and the name to report it under. */
export interface RuleSource {
  /** File name or other label, used in diagnostics. */
  readonly name: string;
  /** The file's text. */
  readonly text: string;
}

/** Rules that loaded, and every problem found. A file with any error contributes no rule. */
export interface LoadRulesResult {
  /** Rules that passed every check. */
  readonly rules: readonly RuleDefinition[];
  /** Problems, each naming the file, the rule where known, and where. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Ids that belong to checks of `vet`, which a rule file may not take. */
export const RESERVED_RULE_IDS: ReadonlySet<string> = new Set([
  'unknown-blueprint',
  'unknown-bundle',
  'ip-address-type',
  'access-protocol',
  'windows-password-retrieval',
  'unresolved-value',
  'suppression-without-reason',
  // A check of `vet` since vet learned --regions; a rule of that name would pass for vet's finding
  // (test/rules/rule-docs.test.ts keeps this set in step with VET_CHECKS).
  'region-catalog',
  'rule-error',
]);

/**
 * Loads rule files. Each must hold exactly one rule. Rule ids must be unique among themselves and
 * against `existingIds` (the built-in rules, when loading user rules).
 *
 * @example
 * ```ts
 * const { rules, diagnostics } = loadRules([{ name: 'price.json', text }], { source: 'user', existingIds: ['power-threshold'] });
 * ```
 */
export function loadRules(
  sources: readonly RuleSource[],
  options: { readonly source: 'builtin' | 'user'; readonly existingIds?: Iterable<string> } = { source: 'user' },
): LoadRulesResult {
  const diagnostics: Diagnostic[] = [];
  const rules: RuleDefinition[] = [];
  const taken = new Map<string, string>();
  for (const id of options.existingIds ?? []) taken.set(id, 'a built-in rule');
  for (const source of sources) {
    const result = loadRule(source, options.source);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    const { rule } = result;
    const holder = taken.get(rule.id) ?? (RESERVED_RULE_IDS.has(rule.id) ? 'a check of `vet`' : undefined);
    if (holder !== undefined) {
      diagnostics.push(ruleError(source.name, rule.id, '/name', `rule id ${rule.id} is already taken by ${holder}; choose another name`));
      continue;
    }
    taken.set(rule.id, source.name);
    rules.push(rule);
  }
  return { rules, diagnostics };
}

function ruleError(file: string, ruleId: string | undefined, pointer: string, message: string): Diagnostic {
  return {
    severity: 'error',
    code: 'invalid-rule',
    message: (ruleId !== undefined ? `rule ${ruleId}: ` : '') + message,
    source: file,
    pointer,
  };
}

type LoadOne = { ok: true; rule: RuleDefinition } | { ok: false; diagnostics: Diagnostic[] };

function loadRule(source: RuleSource, origin: 'builtin' | 'user'): LoadOne {
  const fail = (pointer: string, message: string, ruleId?: string): LoadOne => ({
    ok: false,
    diagnostics: [ruleError(source.name, ruleId, pointer, message)],
  });
  if (source.text.length > MAX_RULE_FILE_BYTES) {
    return fail('', `the file is larger than the ${MAX_RULE_FILE_BYTES / 1024 / 1024} MiB limit for a rule file; a rule is a few hundred bytes`);
  }
  const parsed = parseJson(source.text, source.name);
  if (!parsed.ok) return { ok: false, diagnostics: [{ ...parsed.diagnostic, code: 'invalid-rule' }] };
  const json = parsed.value;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail('', 'a rule file must hold one rule: a JSON object with name, conditions and event');
  }
  const record = json as Record<string, unknown>;
  const ruleId = typeof record['name'] === 'string' && record['name'].length <= 64 ? record['name'] : undefined;

  const structural = walkConditions(record['conditions']);
  if (structural.length > 0) {
    return { ok: false, diagnostics: structural.map((p) => ruleError(source.name, ruleId, '/conditions' + p.pointer, p.message)) };
  }
  const errors = schemaErrors(validateRuleFile, json);
  if (errors.length > 0) {
    const best = pickSchemaErrors(errors);
    return {
      ok: false,
      diagnostics: best.map((e) => ruleError(source.name, ruleId, e.instancePath, describeSchemaError(e, valueAtPointer(json, e.instancePath)))),
    };
  }
  const file = json as RuleFile;
  const template = parseTemplate(file.event.params.message);
  if (!template.ok) return fail('/event/params/message', template.reason, ruleId);
  const rule: RuleDefinition = {
    id: file.name,
    severity: file.event.params.severity,
    title: file.event.params.title,
    rationale: file.event.params.rationale,
    message: template.template,
    ...(file.event.params.docsUrl !== undefined && { docsUrl: file.event.params.docsUrl }),
    source: origin,
    file: source.name,
    json: deepFreeze(file),
    conditions: compileCondition(file.conditions),
  };
  return { ok: true, rule };
}

/**
 * ajv reports every branch of a `oneOf`; the most useful errors are the deepest ones that are not
 * themselves about branches. Returns at most three.
 */
function pickSchemaErrors<T extends { instancePath: string; keyword: string }>(errors: readonly T[]): T[] {
  const concrete = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  // A value that has a branch's type but breaks one of its constraints (a 501-character string
  // value) also fails every other branch on type ("must be a number"), which only misleads: where
  // a value has a constraint error, its type errors are dropped.
  const constrained = new Set(concrete.filter((e) => e.keyword !== 'type').map((e) => e.instancePath));
  const relevant = concrete.filter((e) => e.keyword !== 'type' || !constrained.has(e.instancePath));
  const pool = relevant.length > 0 ? relevant : [...errors];
  const depth = (e: T) => e.instancePath.split('/').length;
  const deepest = Math.max(...pool.map(depth));
  const seen = new Set<string>();
  return pool
    .filter((e) => depth(e) === deepest)
    .filter((e) => {
      const key = e.instancePath + e.keyword;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 3);
}

const LEAF_MEMBERS = new Set(['fact', 'path', 'operator', 'value', 'priority', 'name']);
const GROUP_MEMBERS = new Set(['priority', 'name']);
const REFERENCE_MEMBERS = new Set(['fact', 'path']);
const FACTS = new Set(['blueprint', 'bundle']);

interface StructuralProblem {
  readonly pointer: string;
  readonly message: string;
}

/**
 * Walks the conditions iteratively (an explicit stack, so 20,000 levels of `not` cannot exhaust
 * the call stack), stopping at the depth and size limits, and names the problems that matter
 * most: references to named conditions, facts other than blueprint and bundle, operators that are
 * not built in, paths outside the plain grammar, and members that do not belong.
 */
function walkConditions(root: unknown): StructuralProblem[] {
  const problems: StructuralProblem[] = [];
  if (root === undefined) return problems; // the schema reports the missing member
  const stack: { node: unknown; pointer: string; depth: number; isRoot: boolean }[] = [{ node: root, pointer: '', depth: 1, isRoot: true }];
  let count = 0;
  while (stack.length > 0 && problems.length < 5) {
    const { node, pointer, depth, isRoot } = stack.pop()!;
    if (depth > MAX_CONDITION_DEPTH) {
      problems.push({ pointer, message: `conditions are nested more than ${MAX_CONDITION_DEPTH} levels deep; flatten them` });
      return problems;
    }
    if (++count > MAX_CONDITIONS) {
      problems.push({ pointer, message: `more than ${MAX_CONDITIONS} conditions in one rule; split it into several rules` });
      return problems;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      problems.push({ pointer, message: 'a condition must be an object with all, any, not, or fact/operator/value' });
      continue;
    }
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    if (Object.hasOwn(record, 'condition')) {
      problems.push({ pointer: pointer + '/condition', message: 'references to named conditions (`condition`) are not allowed; write the condition out' });
      continue;
    }
    const booleanKeys = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
    if (booleanKeys.length > 1) {
      problems.push({ pointer, message: `a condition may have only one of all, any and not (found ${booleanKeys.join(', ')})` });
      continue;
    }
    const booleanKey = booleanKeys[0];
    if (booleanKey !== undefined) {
      const extra = keys.find((k) => k !== booleanKey && !GROUP_MEMBERS.has(k));
      if (extra !== undefined) problems.push({ pointer: `${pointer}/${escape(extra)}`, message: `unknown member ${JSON.stringify(extra)} in a condition` });
      const children = record[booleanKey];
      if (booleanKey === 'not') {
        stack.push({ node: children, pointer: `${pointer}/not`, depth: depth + 1, isRoot: false });
      } else if (!Array.isArray(children)) {
        problems.push({ pointer: `${pointer}/${booleanKey}`, message: `${booleanKey} must be an array of conditions` });
      } else {
        if (count + children.length > MAX_CONDITIONS) {
          problems.push({ pointer, message: `more than ${MAX_CONDITIONS} conditions in one rule; split it into several rules` });
          return problems;
        }
        for (let i = children.length - 1; i >= 0; i--) {
          stack.push({ node: children[i], pointer: `${pointer}/${booleanKey}/${i}`, depth: depth + 1, isRoot: false });
        }
      }
      continue;
    }
    if (isRoot) {
      problems.push({ pointer, message: 'the top of conditions must be all, any or not' });
      continue;
    }
    checkLeaf(record, keys, pointer, problems);
  }
  return problems;
}

function checkLeaf(record: Record<string, unknown>, keys: readonly string[], pointer: string, problems: StructuralProblem[]): void {
  const extra = keys.find((k) => !LEAF_MEMBERS.has(k));
  if (extra !== undefined) {
    const why = extra === 'params' ? 'fact params are not supported' : `unknown member ${JSON.stringify(extra)} in a condition`;
    problems.push({ pointer: `${pointer}/${escape(extra)}`, message: why });
  }
  const fact = record['fact'];
  if (typeof fact !== 'string' || !FACTS.has(fact)) {
    problems.push({ pointer: `${pointer}/fact`, message: `fact must be "blueprint" or "bundle", got ${short(fact)}` });
  }
  const operator = record['operator'];
  if (!isOperatorName(operator)) {
    const decorated = typeof operator === 'string' && operator.includes(':');
    problems.push({
      pointer: `${pointer}/operator`,
      message: decorated
        ? `operator decorators (${short(operator)}) are not allowed; use one of ${OPERATORS.join(', ')}`
        : `unknown operator ${short(operator)}; use one of ${OPERATORS.join(', ')}`,
    });
  }
  checkPath(record['path'], `${pointer}/path`, problems);
  if (!Object.hasOwn(record, 'value')) {
    problems.push({ pointer, message: 'a condition needs a value' });
    return;
  }
  const value = record['value'];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const ref = value as Record<string, unknown>;
    if (!Object.hasOwn(ref, 'fact')) {
      problems.push({ pointer: `${pointer}/value`, message: 'an object value must be a fact reference { "fact": "blueprint" | "bundle", "path"?: "$.member" }' });
      return;
    }
    const refExtra = Object.keys(ref).find((k) => !REFERENCE_MEMBERS.has(k));
    if (refExtra !== undefined) problems.push({ pointer: `${pointer}/value/${escape(refExtra)}`, message: `unknown member ${JSON.stringify(refExtra)} in a fact reference` });
    if (typeof ref['fact'] !== 'string' || !FACTS.has(ref['fact'])) {
      problems.push({ pointer: `${pointer}/value/fact`, message: `fact must be "blueprint" or "bundle", got ${short(ref['fact'])}` });
    }
    checkPath(ref['path'], `${pointer}/value/path`, problems);
  }
}

function checkPath(path: unknown, pointer: string, problems: StructuralProblem[]): void {
  if (path === undefined) return;
  if (typeof path !== 'string' || parsePath(path) === undefined) {
    problems.push({
      pointer,
      message: `path ${short(path)} is not a plain member path; write $.member or $.member.member (no filters, wildcards, brackets or scripts)`,
    });
  }
}

function short(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

function escape(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Builds the compiled form of conditions that passed validation. */
function compileCondition(raw: unknown): ConditionNode {
  const record = raw as Record<string, unknown>;
  const priority = typeof record['priority'] === 'number' ? record['priority'] : 1;
  if (Object.hasOwn(record, 'all')) return group('all', (record['all'] as unknown[]).map(compileCondition), priority);
  if (Object.hasOwn(record, 'any')) return group('any', (record['any'] as unknown[]).map(compileCondition), priority);
  if (Object.hasOwn(record, 'not')) return not(compileCondition(record['not']), priority);
  const left = factOperand(record['fact'] as FactName, record['path'] as string | undefined);
  const value = record['value'];
  const right =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? factOperand((value as { fact: FactName }).fact, (value as { path?: string }).path)
      : { kind: 'literal' as const, value: Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value };
  return leaf(left, record['operator'] as Parameters<typeof leaf>[1], right, priority);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
