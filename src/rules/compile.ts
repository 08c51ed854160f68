/**
 * Compiles validated rule conditions into an intermediate form and plain closures. No code is
 * generated from rule content: every closure below is written here, and rule data only selects
 * among them and fills in operands.
 *
 * The closures reproduce json-rules-engine 7.3.1 exactly (see docs/architecture.md):
 * - `all`/`any` with no children are `true`; with one child they return that child's result;
 * - with two or more, children are grouped by priority (default 1) and the groups run from the
 *   highest priority down, stopping after a group that decides the result;
 * - inside a group every child is evaluated, and if any of them throws, the node throws, even
 *   when a sibling already decided the result (the engine's `Promise.all`);
 * - `not` negates its child.
 *
 * @module
 */
import type { Blueprint, Bundle } from '../catalog/model.js';
import { OPERATOR_FUNCTIONS, type OperatorFunction, type OperatorName } from './operators.js';
import { parsePath, resolveMembers } from './path.js';

/** The two facts a rule can read. */
export type FactName = 'blueprint' | 'bundle';

/** Which facts a condition reads, as a bit mask: 1 blueprint, 2 bundle. */
export type FactMask = 0 | 1 | 2 | 3;

/** Bit for the blueprint fact in a {@link FactMask}. */
export const READS_BLUEPRINT = 1;
/** Bit for the bundle fact in a {@link FactMask}. */
export const READS_BUNDLE = 2;

/** One side of a comparison: a literal or a fact (optionally narrowed by a path). */
export type Operand =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'fact'; readonly fact: FactName; readonly members: readonly string[] | null };

/** A compiled condition. `evaluate` returns the engine's result or throws where the engine rejects. */
export type ConditionNode = LeafNode | GroupNode | NotNode;

interface NodeBase {
  /** Priority used when the parent groups its children. */
  readonly priority: number;
  /** Facts read anywhere below. */
  readonly facts: FactMask;
  /** The engine's result for one pairing. Either argument may be omitted when `facts` does not read it. */
  readonly evaluate: (blueprint: Blueprint | undefined, bundle: Bundle | undefined) => boolean;
}

/** A comparison: `fact[.path] operator value`. */
export interface LeafNode extends NodeBase {
  readonly kind: 'leaf';
  readonly left: Operand & { readonly kind: 'fact' };
  readonly operator: OperatorName;
  readonly operatorFunction: OperatorFunction;
  readonly right: Operand;
}

/** `all` or `any`, with children grouped by priority, highest first. */
export interface GroupNode extends NodeBase {
  readonly kind: 'all' | 'any';
  readonly children: readonly ConditionNode[];
  /** The children grouped by priority, highest first; used when there are two or more children. */
  readonly groups: readonly (readonly ConditionNode[])[];
}

/** `not`. */
export interface NotNode extends NodeBase {
  readonly kind: 'not';
  readonly child: ConditionNode;
}

/** Reads an operand's value for one pairing. */
export function operandReader(operand: Operand): (blueprint: Blueprint | undefined, bundle: Bundle | undefined) => unknown {
  if (operand.kind === 'literal') {
    const value = operand.value;
    return () => value;
  }
  const members = operand.members;
  // The engine applies a path only to a non-null object fact; our facts always are objects.
  if (operand.fact === 'blueprint') {
    return members === null ? (bp) => bp : (bp) => resolveMembers(bp, members);
  }
  return members === null ? (_bp, bu) => bu : (_bp, bu) => resolveMembers(bu, members);
}

function operandFacts(operand: Operand): FactMask {
  if (operand.kind === 'literal') return 0;
  return operand.fact === 'blueprint' ? READS_BLUEPRINT : READS_BUNDLE;
}

/** Builds a leaf node. */
export function leaf(left: Operand & { kind: 'fact' }, operator: OperatorName, right: Operand, priority: number): LeafNode {
  const operatorFunction = OPERATOR_FUNCTIONS[operator];
  const readLeft = operandReader(left);
  const readRight = operandReader(right);
  return {
    kind: 'leaf',
    priority,
    facts: (operandFacts(left) | operandFacts(right)) as FactMask,
    left,
    operator,
    operatorFunction,
    right,
    evaluate: (bp, bu) => operatorFunction(readLeft(bp, bu), readRight(bp, bu)),
  };
}

/** Groups children by priority, highest first, keeping their order inside a group. */
export function groupByPriority(children: readonly ConditionNode[]): ConditionNode[][] {
  const byPriority = new Map<number, ConditionNode[]>();
  for (const child of children) {
    const group = byPriority.get(child.priority);
    if (group) group.push(child);
    else byPriority.set(child.priority, [child]);
  }
  return [...byPriority.entries()].sort(([a], [b]) => b - a).map(([, group]) => group);
}

/** Builds an `all` or `any` node. */
export function group(kind: 'all' | 'any', children: readonly ConditionNode[], priority: number): GroupNode {
  const groups = groupByPriority(children);
  const facts = children.reduce<number>((mask, c) => mask | c.facts, 0) as FactMask;
  return { kind, priority, facts, children, groups, evaluate: groupEvaluator(kind, children, groups) };
}

function groupEvaluator(kind: 'all' | 'any', children: readonly ConditionNode[], groups: readonly (readonly ConditionNode[])[]): NodeBase['evaluate'] {
  if (children.length === 0) return () => true;
  if (children.length === 1) return children[0]!.evaluate;
  const isAll = kind === 'all';
  return (bp, bu) => {
    for (const members of groups) {
      // Every member of a group is evaluated; the first failure is rethrown once all have run.
      let failure: { error: unknown } | undefined;
      let decided = false;
      for (const member of members) {
        try {
          const result = member.evaluate(bp, bu);
          if (isAll ? result !== true : result === true) decided = true;
        } catch (error) {
          failure ??= { error };
        }
      }
      if (failure) throw failure.error;
      if (decided) return !isAll;
    }
    return isAll;
  };
}

/** Builds a `not` node. */
export function not(child: ConditionNode, priority: number): NotNode {
  const inner = child.evaluate;
  return { kind: 'not', priority, facts: child.facts, child, evaluate: (bp, bu) => !inner(bp, bu) };
}

/** A fact operand from a rule's `fact` and optional `path` (already validated). */
export function factOperand(fact: FactName, path: string | undefined): Operand & { kind: 'fact' } {
  if (path === undefined) return { kind: 'fact', fact, members: null };
  const members = parsePath(path);
  if (!members) throw new Error(`unvalidated path ${path}`);
  return { kind: 'fact', fact, members };
}
