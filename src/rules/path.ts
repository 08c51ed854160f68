/**
 * The only `path` grammar rules may use: `$` followed by plain member steps (`$.power`,
 * `$.tags.team`). json-rules-engine hands paths to jsonpath-plus, which evaluates script filters
 * and can run code, hang on a regular expression or abort the process; every engine this project
 * builds gets {@link restrictedPathResolver} instead, so jsonpath-plus never sees a rule's path.
 *
 * @module
 */

/** Longest path accepted, in characters. */
export const MAX_PATH_LENGTH = 128;

const PATH_PATTERN = /^\$(\.[A-Za-z_][A-Za-z0-9_]{0,63}){1,8}$/;

/** Member names that reach into an object's machinery rather than its data. */
const FORBIDDEN_MEMBERS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses a restricted path into member names, or returns `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parsePath('$.power'); // ['power']
 * parsePath('$..[?(@.x)]'); // undefined
 * ```
 */
export function parsePath(path: string): string[] | undefined {
  if (path.length > MAX_PATH_LENGTH || !PATH_PATTERN.test(path)) return undefined;
  const members = path.slice(2).split('.');
  return members.some((m) => FORBIDDEN_MEMBERS.has(m)) ? undefined : members;
}

/**
 * Follows member names through plain objects, own members only. Anything else (a missing member,
 * an array, a primitive on the way) gives `undefined`, as a path with no match does in
 * json-rules-engine.
 */
export function resolveMembers(value: unknown, members: readonly string[]): unknown {
  let current = value;
  for (const member of members) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, member)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[member];
  }
  return current;
}

/**
 * A json-rules-engine `pathResolver` for the restricted grammar. Paths outside it throw, so a rule
 * that somehow skipped validation fails loudly instead of reaching jsonpath-plus.
 */
export function restrictedPathResolver(value: unknown, path: string): unknown {
  const members = parsePath(path);
  if (!members) throw new Error(`path ${JSON.stringify(path.slice(0, 40))} is outside the allowed grammar $.member(.member)*`);
  return resolveMembers(value, members);
}
