/**
 * The reference path: the same rule files run through json-rules-engine itself, so that the
 * compiled evaluator can be proven to agree with it. Every engine built here gets the restricted
 * path resolver (jsonpath-plus never sees a rule's path), and each run gets its own engine,
 * since runs that overlap on one engine can silently skip rules.
 *
 * json-rules-engine is an optional peer dependency: the package never needs it to evaluate rules,
 * and leaving it out keeps jsonpath-plus (and its advisories) out of what the package installs.
 * Install it next to lightsail-compat to use this module.
 *
 * @module
 */
import type { Engine } from 'json-rules-engine';
import type { Blueprint, Bundle } from '../catalog/model.js';
import type { RuleFile } from './load-rules.js';
import { restrictedPathResolver } from './path.js';

async function importEngine(): Promise<{ Engine: typeof Engine }> {
  try {
    return await import('json-rules-engine');
  } catch (error) {
    throw new Error('runReferenceEngine needs json-rules-engine 7.3.1, an optional peer dependency: npm install json-rules-engine@7.3.1', { cause: error });
  }
}

/** What json-rules-engine made of one rule for one pairing. */
export type ReferenceOutcome = 'fired' | 'passed' | ReferenceError;

/** The engine rejected the run. */
export interface ReferenceError {
  /** The rejection, as `Name: message`. */
  readonly error: string;
}

/**
 * Runs one validated rule for one pairing through json-rules-engine, with the restricted path
 * resolver. Resolves to whether the rule fired (the pairing violates it), or the error the run
 * rejected with. Rejects only when json-rules-engine is not installed.
 *
 * @example
 * ```ts
 * await runReferenceEngine(rule.json, blueprint, bundle); // 'fired'
 * ```
 */
export async function runReferenceEngine(rule: RuleFile, blueprint: Blueprint, bundle: Bundle): Promise<ReferenceOutcome> {
  const { Engine } = await importEngine();
  // The engine rewrites `priority` on the objects it is given, so it gets a copy.
  const engine = new Engine([structuredClone(rule) as never], { pathResolver: restrictedPathResolver });
  try {
    const { results } = await engine.run({ blueprint, bundle });
    return results.some((r) => r.name === rule.name) ? 'fired' : 'passed';
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
