/**
 * Rules: loading, compiling and evaluating compatibility rules.
 *
 * @module
 */
export type { RuleFile, RuleEvent, RuleEventParams, RuleDefinition, RuleSource, LoadRulesResult } from './load-rules.js';
export { loadRules, MAX_RULE_FILE_BYTES, MAX_CONDITION_DEPTH, MAX_CONDITIONS, RESERVED_RULE_IDS } from './load-rules.js';
export { builtinRules, BUILTIN_RULE_IDS } from './builtin-rules.js';
export type {
  RuleOptions,
  RuleSetting,
  Violation,
  Verdict,
  Suggestion,
  ActiveRule,
  Evaluator,
  MatrixOptions,
  CompatibilityMatrix,
} from './evaluator.js';
export { checkPair, createEvaluator, evaluatorFor, compatibilityMatrix, activeRules, ACTIVITY_RULE_IDS } from './evaluator.js';
export type { RuleInfo } from './list-rules.js';
export { listRules } from './list-rules.js';
export { ruleDocsUrl, RULE_DOCS_BASE_URL, REPOSITORY_URL } from './rule-docs.js';
export type { ReferenceOutcome, ReferenceError } from './reference-engine.js';
export { runReferenceEngine } from './reference-engine.js';
export { restrictedPathResolver, parsePath, MAX_PATH_LENGTH } from './path.js';
export { OPERATORS, type OperatorName } from './operators.js';
export type { BitSet } from './bitset.js';
