/**
 * Terraform configurations: `aws_lightsail_instance` resources, with their values resolved the
 * way Terraform would where that can be done without running it.
 *
 * Resolved: literals; `var.x` from (lowest to highest precedence) the variable's `default`,
 * `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in name order, then each
 * `--var-file` in order; `local.x`; interpolation of resolved parts; `.attr` and `[key]` on
 * resolved maps and lists; both branches of a conditional (each is checked); literal arguments
 * of a `module` call with a local `source` (`./mod`) passed to the child module's variables.
 * Everything else (resource and data attributes, function calls, `count.index`, `each.*`, module
 * outputs, operators, `for`) is reported as `unresolved-value`, never skipped.
 *
 * @module
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { suppressionsFor } from '../suppression.js';
import type { AttributeValue, Candidate, Position, VetInstance } from '../types.js';
import type { HclAttribute, HclBlock, HclExpr, HclFile, HclStep } from './hcl.js';
import type { PNode } from './positioned.js';
import { uniqueCandidates } from '../candidates.js';

/** A Terraform value, as far as vet models it. */
export type TfValue = string | number | boolean | null | readonly TfValue[] | ReadonlyMap<string, TfValue>;

/** A value with where it came from. */
interface TfCandidate {
  readonly value: TfValue;
  readonly origin?: string;
}

/** The result of evaluating an expression: its possible values, or why it cannot be known. */
type Outcome = { readonly ok: true; readonly candidates: readonly TfCandidate[] } | { readonly ok: false; readonly reason: string };

/** A `.tf` file, parsed. */
export interface TerraformFile {
  /** Its name (a relative path with `/`). */
  readonly name: string;
  /** Its content. */
  readonly hcl: HclFile;
  /** Read for its declarations only: its instances are not reported. */
  readonly contextOnly?: boolean;
}

/** A variables file, parsed: variable values with the position of each. */
export interface TfvarsFile {
  /** Its name. */
  readonly name: string;
  /** Values by variable name. */
  readonly values: ReadonlyMap<string, { readonly value: TfValue; readonly line: number }>;
}

/** Attributes of `aws_lightsail_instance` that vet reads. */
export const INSTANCE_ATTRIBUTES = {
  blueprint: 'blueprint_id',
  bundle: 'bundle_id',
  ipAddressType: 'ip_address_type',
  keyPair: 'key_pair_name',
  availabilityZone: 'availability_zone',
} as const;

/** Module call arguments that are meta-arguments, not input variables. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** The most alternatives an attribute may have before vet stops enumerating them. */
const MAX_CANDIDATES = 32;
const MAX_DEPTH = 64;

/** Whether a file name is one Terraform loads automatically as variable values in a root module. */
export function isAutoTfvars(name: string): boolean {
  const base = posix.basename(name);
  return base === 'terraform.tfvars' || base === 'terraform.tfvars.json' || base.endsWith('.auto.tfvars') || base.endsWith('.auto.tfvars.json');
}

/** Reads the values of an HCL variables file. Each must be a constant expression, as Terraform requires. */
export function tfvarsFromHcl(name: string, hcl: HclFile): TfvarsFile {
  const values = new Map<string, { value: TfValue; line: number }>();
  const empty = emptyScope();
  for (const attr of hcl.body.attributes) {
    const outcome = evaluate(attr.expr, empty, 0);
    if (outcome.ok && outcome.candidates.length === 1) values.set(attr.name, { value: outcome.candidates[0]!.value, line: attr.line });
  }
  return { name, values };
}

/** Reads the values of a JSON variables file (`*.tfvars.json`). */
export function tfvarsFromJson(name: string, root: PNode): TfvarsFile {
  const values = new Map<string, { value: TfValue; line: number }>();
  if (root.kind === 'map') for (const e of root.entries) values.set(e.key, { value: pnodeValue(e.value), line: e.keyPos.line });
  return { name, values };
}

function pnodeValue(node: PNode): TfValue {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(pnodeValue);
  return new Map(node.entries.map((e) => [e.key, pnodeValue(e.value)]));
}

interface VariableDecl {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly default?: HclExpr;
}

interface ModuleCall {
  readonly name: string;
  readonly childDir: string;
  readonly file: string;
  readonly line: number;
  readonly args: readonly HclAttribute[];
}

interface TfModule {
  readonly dir: string;
  readonly variables: Map<string, VariableDecl>;
  readonly locals: Map<string, { expr: HclExpr; file: string; line: number }>;
  readonly resources: { block: HclBlock; file: TerraformFile }[];
  readonly calls: ModuleCall[];
}

/** How a variable gets its value in one instantiation of a module. */
type VarBinding =
  | { readonly kind: 'value'; readonly value: TfValue; readonly origin: string }
  | { readonly kind: 'expr'; readonly expr: HclExpr; readonly scope: Scope; readonly origin: string }
  | { readonly kind: 'unset'; readonly reason: string };

interface Scope {
  readonly module?: TfModule;
  readonly vars: ReadonlyMap<string, VarBinding>;
  readonly evaluatingLocals: Set<string>;
}

function emptyScope(): Scope {
  return { vars: new Map(), evaluatingLocals: new Set() };
}

/**
 * Finds every `aws_lightsail_instance` in a set of Terraform files, grouped into modules by
 * directory, and resolves its attributes. Directories that another directory calls as a local
 * module are evaluated through those calls (once per call, named `module.NAME.…`); the others
 * are root modules and get the auto-loaded variables files of their directory and `varFiles`.
 */
export function terraformInstances(
  files: readonly TerraformFile[],
  tfvars: readonly TfvarsFile[],
  varFiles: readonly TfvarsFile[],
): VetInstance[] {
  const modules = new Map<string, TfModule>();
  for (const file of files) {
    const dir = posix.dirname(file.name);
    let module = modules.get(dir);
    if (!module) {
      module = { dir, variables: new Map(), locals: new Map(), resources: [], calls: [] };
      modules.set(dir, module);
    }
    collectModule(module, file);
  }
  const called = new Set<string>();
  for (const m of modules.values()) for (const c of m.calls) if (modules.has(c.childDir) && c.childDir !== m.dir) called.add(c.childDir);
  const instances: VetInstance[] = [];
  for (const module of [...modules.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
    if (called.has(module.dir)) continue;
    const rootVars = tfvars
      .filter((t) => posix.dirname(t.name) === module.dir && isAutoTfvars(t.name))
      .sort((a, b) => tfvarsOrder(a.name) - tfvarsOrder(b.name) || (a.name < b.name ? -1 : 1));
    const bindings = new Map<string, VarBinding>();
    for (const v of module.variables.values()) bindings.set(v.name, defaultBinding(v));
    for (const t of [...rootVars, ...varFiles]) {
      for (const [name, { value, line }] of t.values) {
        if (module.variables.has(name)) bindings.set(name, { kind: 'value', value, origin: `var.${name} from ${t.name}:${line}` });
      }
    }
    instantiate(module, { module, vars: bindings, evaluatingLocals: new Set() }, '', modules, instances, [module.dir]);
  }
  return instances;
}

function tfvarsOrder(name: string): number {
  const base = posix.basename(name);
  return base === 'terraform.tfvars' ? 0 : base === 'terraform.tfvars.json' ? 1 : 2;
}

function defaultBinding(v: VariableDecl): VarBinding {
  if (v.default === undefined) {
    return { kind: 'unset', reason: `var.${v.name} has no default and no value in a tfvars file (pass one with --var-file)` };
  }
  return { kind: 'expr', expr: v.default, scope: emptyScope(), origin: `var.${v.name} default (${v.file}:${v.line})` };
}

function collectModule(module: TfModule, file: TerraformFile): void {
  for (const block of file.hcl.body.blocks) {
    const [first, second] = block.labels;
    if (block.type === 'variable' && first !== undefined) {
      const def = block.body.attributes.find((a) => a.name === 'default');
      module.variables.set(first, { name: first, file: file.name, line: block.line, ...(def && { default: def.expr }) });
    } else if (block.type === 'locals') {
      for (const a of block.body.attributes) module.locals.set(a.name, { expr: a.expr, file: file.name, line: a.line });
    } else if (block.type === 'resource' && first === 'aws_lightsail_instance' && second !== undefined) {
      module.resources.push({ block, file });
    } else if (block.type === 'module' && first !== undefined) {
      const source = block.body.attributes.find((a) => a.name === 'source');
      const path = source?.expr.type === 'literal' && typeof source.expr.value === 'string' ? source.expr.value : undefined;
      if (path !== undefined && (path.startsWith('./') || path.startsWith('../'))) {
        module.calls.push({
          name: first,
          childDir: posix.normalize(posix.join(module.dir, path)).replace(/\/$/, ''),
          file: file.name,
          line: block.line,
          args: block.body.attributes.filter((a) => !META_ARGUMENTS.has(a.name)),
        });
      }
    }
  }
}

function instantiate(
  module: TfModule,
  scope: Scope,
  prefix: string,
  modules: ReadonlyMap<string, TfModule>,
  out: VetInstance[],
  stack: readonly string[],
): void {
  for (const { block, file } of module.resources) if (file.contextOnly !== true) out.push(instanceFrom(block, file, scope, prefix));
  for (const call of module.calls) {
    const child = modules.get(call.childDir);
    // A module that calls itself (directly or not) would never finish in Terraform either.
    if (!child || stack.includes(child.dir) || stack.length > 16) continue;
    const bindings = new Map<string, VarBinding>();
    for (const v of child.variables.values()) bindings.set(v.name, defaultBinding(v));
    for (const arg of call.args) {
      if (child.variables.has(arg.name)) {
        bindings.set(arg.name, { kind: 'expr', expr: arg.expr, scope, origin: `var.${arg.name} from module "${call.name}" (${call.file}:${arg.line})` });
      }
    }
    instantiate(child, { module: child, vars: bindings, evaluatingLocals: new Set() }, `${prefix}module.${call.name}.`, modules, out, [...stack, child.dir]);
  }
}

function instanceFrom(block: HclBlock, file: TerraformFile, scope: Scope, prefix: string): VetInstance {
  const resource = `${prefix}aws_lightsail_instance.${block.labels[1] ?? ''}`;
  const attrs: Partial<Record<keyof typeof INSTANCE_ATTRIBUTES, AttributeValue>> = {};
  for (const [key, name] of Object.entries(INSTANCE_ATTRIBUTES) as [keyof typeof INSTANCE_ATTRIBUTES, string][]) {
    const attr = block.body.attributes.find((a) => a.name === name);
    if (attr) {
      const value = attributeValue(attr, scope);
      if (value) attrs[key] = value;
    }
  }
  return {
    file: file.name,
    sourceKind: 'terraform',
    resource,
    line: block.line,
    column: block.column,
    endLine: block.endLine,
    ...attrs,
    ipAddressTypeSettable: true,
    suppressions: suppressionsFor(file.hcl.comments, file.name, block.line, block.endLine),
  };
}

/** The attribute's value as vet checks it; `undefined` when it evaluates to null (unset). */
function attributeValue(attr: HclAttribute, scope: Scope): AttributeValue | undefined {
  const where = { name: attr.name, line: attr.line, column: attr.column };
  const outcome = evaluate(attr.expr, scope, 0);
  if (!outcome.ok) return { ...where, candidates: [], unresolved: outcome.reason };
  const candidates: Candidate[] = [];
  for (const c of outcome.candidates) {
    if (c.value === null) continue;
    if (typeof c.value === 'object') return { ...where, candidates: [], unresolved: `${shorten(exprText(attr.expr))} is not a string` };
    candidates.push({ value: String(c.value), ...(c.origin !== undefined && { origin: c.origin }) });
  }
  if (candidates.length === 0) return undefined;
  return { ...where, candidates: uniqueCandidates(candidates) };
}

function exprText(expr: HclExpr): string {
  return 'text' in expr ? expr.text : JSON.stringify(expr.value);
}

/** Shortens source text for a message. */
function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

function unknown(reason: string): Outcome {
  return { ok: false, reason };
}

/** Evaluates an expression statically. Total: returns a reason instead of throwing. */
function evaluate(expr: HclExpr, scope: Scope, depth: number): Outcome {
  if (depth > MAX_DEPTH) return unknown(`${shorten(exprText(expr))} nests too deeply to evaluate`);
  switch (expr.type) {
    case 'literal':
      return { ok: true, candidates: [{ value: expr.value }] };
    case 'template':
      return evaluateTemplate(expr, scope, depth);
    case 'traversal':
      return evaluateTraversal(expr, scope, depth);
    case 'tuple': {
      const items: TfValue[] = [];
      for (const item of expr.items) {
        const v = single(evaluate(item, scope, depth + 1));
        if (!v.ok) return v;
        items.push(v.value);
      }
      return { ok: true, candidates: [{ value: items }] };
    }
    case 'object': {
      const entries = new Map<string, TfValue>();
      for (const e of expr.entries) {
        // An object key that is a bare word is a literal name, not a variable.
        const key = e.key.type === 'traversal' && e.key.steps.length === 0 ? { ok: true as const, value: e.key.root } : single(evaluate(e.key, scope, depth + 1));
        if (!key.ok) return key;
        const value = single(evaluate(e.value, scope, depth + 1));
        if (!value.ok) return value;
        if (key.value === null || typeof key.value === 'object') return unknown(`${shorten(expr.text)} has a key that is not a string`);
        entries.set(String(key.value), value.value);
      }
      return { ok: true, candidates: [{ value: entries }] };
    }
    case 'conditional': {
      const a = evaluate(expr.whenTrue, scope, depth + 1);
      if (!a.ok) return a;
      const b = evaluate(expr.whenFalse, scope, depth + 1);
      if (!b.ok) return b;
      return { ok: true, candidates: [...a.candidates, ...b.candidates].slice(0, MAX_CANDIDATES) };
    }
    case 'call':
      return unknown(`${shorten(expr.text)} calls a function, which vet does not evaluate; known only at plan or apply time`);
    case 'other':
      return unknown(`${shorten(expr.text)} is ${expr.what}, which vet does not evaluate`);
  }
}

function single(outcome: Outcome): { ok: true; value: TfValue } | { ok: false; reason: string } {
  if (!outcome.ok) return outcome;
  if (outcome.candidates.length !== 1) return { ok: false, reason: 'a collection built from alternative values is not evaluated' };
  return { ok: true, value: outcome.candidates[0]!.value };
}

function evaluateTemplate(expr: HclExpr & { type: 'template' }, scope: Scope, depth: number): Outcome {
  let results: { value: string; origin?: string }[] = [{ value: '' }];
  for (const part of expr.parts) {
    if (typeof part === 'string') {
      results = results.map((r) => ({ ...r, value: r.value + part }));
      continue;
    }
    const outcome = evaluate(part, scope, depth + 1);
    if (!outcome.ok) return outcome;
    const next: { value: string; origin?: string }[] = [];
    for (const r of results) {
      for (const c of outcome.candidates) {
        if (c.value !== null && typeof c.value === 'object') return unknown(`${shorten(expr.text)} interpolates a collection`);
        const origin = [r.origin, c.origin].filter((o) => o !== undefined).join(', ');
        next.push({ value: r.value + (c.value === null ? '' : String(c.value)), ...(origin !== '' && { origin }) });
      }
    }
    if (next.length > MAX_CANDIDATES) return unknown(`${shorten(expr.text)} has more than ${MAX_CANDIDATES} possible values`);
    results = next;
  }
  return { ok: true, candidates: results };
}

function evaluateTraversal(expr: HclExpr & { type: 'traversal' }, scope: Scope, depth: number): Outcome {
  const [head, ...steps] = expr.steps;
  const text = shorten(expr.text);
  let base: Outcome;
  switch (expr.root) {
    case 'var': {
      if (head?.kind !== 'attr') return unknown(`${text} is not a variable reference vet understands`);
      const binding = scope.vars.get(head.name);
      if (!binding) return unknown(`var.${head.name} is not declared in this module`);
      if (binding.kind === 'unset') return unknown(binding.reason);
      if (binding.kind === 'value') base = { ok: true, candidates: [{ value: binding.value, origin: binding.origin }] };
      else {
        const inner = evaluate(binding.expr, binding.scope, depth + 1);
        base = inner.ok
          ? { ok: true, candidates: inner.candidates.map((c) => ({ value: c.value, origin: c.origin !== undefined ? `${binding.origin}, ${c.origin}` : binding.origin })) }
          : inner;
      }
      break;
    }
    case 'local': {
      if (head?.kind !== 'attr') return unknown(`${text} is not a local value reference vet understands`);
      const local = scope.module?.locals.get(head.name);
      if (!local) return unknown(`local.${head.name} is not defined in this module`);
      if (scope.evaluatingLocals.has(head.name)) return unknown(`local.${head.name} refers to itself`);
      scope.evaluatingLocals.add(head.name);
      try {
        const inner = evaluate(local.expr, scope, depth + 1);
        const origin = `local.${head.name} (${local.file}:${local.line})`;
        base = inner.ok ? { ok: true, candidates: inner.candidates.map((c) => ({ value: c.value, origin: c.origin !== undefined ? `${origin} from ${c.origin}` : origin })) } : inner;
      } finally {
        scope.evaluatingLocals.delete(head.name);
      }
      break;
    }
    case 'count':
    case 'each':
    case 'self':
      return unknown(`${text} differs per instance and is not evaluated`);
    case 'module':
      return unknown(`${text} is a module output, known only at plan or apply time`);
    case 'data':
      return unknown(`${text} is read from AWS at plan time`);
    case 'path':
    case 'terraform':
      return unknown(`${text} is not evaluated`);
    default:
      return unknown(expr.steps.length > 0 ? `${text} is known only at apply time` : `${text} is not a reference vet understands`);
  }
  if (!base.ok) return base;
  return applySteps(base.candidates, steps, scope, depth, text);
}

function applySteps(
  candidates: readonly TfCandidate[],
  steps: readonly HclStep[],
  scope: Scope,
  depth: number,
  text: string,
): Outcome {
  let current = candidates;
  for (const step of steps) {
    let key: TfValue;
    if (step.kind === 'attr') key = step.name;
    else {
      const k = single(evaluate(step.key, scope, depth + 1));
      if (!k.ok) return k;
      key = k.value;
    }
    const next: TfCandidate[] = [];
    for (const c of current) {
      const v = lookup(c.value, key);
      if (v === undefined) return unknown(`${text} has no element ${typeof key === 'object' && key !== null ? '(a collection)' : JSON.stringify(key)}`);
      next.push({ ...c, value: v });
    }
    current = next;
  }
  return { ok: true, candidates: current };
}

function isTfMap(value: TfValue): value is ReadonlyMap<string, TfValue> {
  return value instanceof Map;
}

function lookup(value: TfValue, key: TfValue): TfValue | undefined {
  if (isTfMap(value)) return typeof key === 'string' || typeof key === 'number' ? value.get(String(key)) : undefined;
  if (Array.isArray(value)) {
    const index = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : NaN;
    const list: readonly TfValue[] = value;
    return Number.isInteger(index) ? list[index] : undefined;
  }
  return undefined;
}

/** A syntax error in a Terraform or tfvars file, as an input diagnostic. */
export function hclDiagnostic(name: string, error: Position & { message: string }): Diagnostic {
  return { severity: 'error', code: 'parse-error', message: `not valid HCL: ${error.message}`, source: name, line: error.line, column: error.column };
}
