/**
 * json-rules-engine's ten built-in operators with their exact semantics (7.3.1): the fact-value
 * validator runs first and a failing validator makes the result `false`; the callback is then the
 * same JavaScript expression the engine uses, so coercions and thrown TypeErrors match too.
 *
 * @module
 */

/** The operator names a rule may use. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

/** One of json-rules-engine's built-in operators. */
export type OperatorName = (typeof OPERATORS)[number];

/** An operator: fact value `a`, comparison value `b`. May throw exactly where the engine's does. */
export type OperatorFunction = (a: unknown, b: unknown) => boolean;

type Indexable = { indexOf(x: unknown): number };

/**
 * The engine's number validator: `Number.parseFloat(a).toString() !== 'NaN'`. For a number that is
 * exactly "not NaN" (parseFloat of a number's own string is that number, Infinity included), and
 * it skips the two conversions to strings on the hot path of power comparisons.
 */
function looksNumeric(a: unknown): boolean {
  return typeof a === 'number' ? !Number.isNaN(a) : Number.parseFloat(a as string).toString() !== 'NaN';
}

/** The operators by name. */
export const OPERATOR_FUNCTIONS: Readonly<Record<OperatorName, OperatorFunction>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as Indexable).indexOf(a) > -1,
  notIn: (a, b) => (b as Indexable).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => looksNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => looksNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => looksNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => looksNumeric(a) && (a as number) >= (b as number),
};

/** Whether a string names a built-in operator. */
export function isOperatorName(name: unknown): name is OperatorName {
  return typeof name === 'string' && (OPERATORS as readonly string[]).includes(name);
}
