/**
 * lightsail-compat: which Amazon Lightsail blueprints run on which bundles, why a pairing is
 * invalid, and which pairings are valid.
 *
 * Everything here is pure: it takes values and returns values, reads no files and no clock, and
 * never throws on bad data (problems come back as {@link Diagnostic}s).
 *
 * @packageDocumentation
 */
export type { Severity, Diagnostic } from './diagnostics.js';
export { hasErrors, formatDiagnostic } from './diagnostics.js';
export type {
  Blueprint,
  Bundle,
  Catalog,
  CatalogMetadata,
  CatalogProvenance,
  CatalogSourceKind,
  KnownPlatform,
  Platform,
  BlueprintType,
  AppCategory,
  IpAddressType,
} from './catalog/model.js';
export {
  KNOWN_PLATFORMS,
  KNOWN_BLUEPRINT_TYPES,
  KNOWN_APP_CATEGORIES,
  KNOWN_IP_ADDRESS_TYPES,
  isKnownPlatform,
  isIpv6Only,
} from './catalog/model.js';
export type { CatalogInput, LoadCatalogResult } from './catalog/load-catalog.js';
export { loadCatalog, catalogText, catalogValue, MAX_DIAGNOSTICS_PER_INPUT } from './catalog/load-catalog.js';
export type { CatalogFile } from './catalog/catalog.js';
export { CATALOG_FILE_KIND, createCatalog, toCatalogFile } from './catalog/catalog.js';
export { loadBuiltinCatalog, BUILTIN_CATALOG_NAME, BUILTIN_STALE_AFTER_DAYS } from './catalog/builtin.js';
export type { CatalogSummary, ItemCounts, PlatformCounts, BlueprintCounts, BundleCounts } from './catalog/summarize-catalog.js';
export { summarizeCatalog } from './catalog/summarize-catalog.js';
export { didYouMean } from './util/did-you-mean.js';

// Rules: loading, evaluating, and the reference engine.
export type {
  RuleFile,
  RuleEvent,
  RuleEventParams,
  ReferenceError,
  RuleDefinition,
  RuleSource,
  LoadRulesResult,
  RuleOptions,
  RuleSetting,
  Violation,
  Verdict,
  Suggestion,
  ActiveRule,
  Evaluator,
  MatrixOptions,
  CompatibilityMatrix,
  RuleInfo,
  ReferenceOutcome,
  OperatorName,
  BitSet,
} from './rules/index.js';
export {
  loadRules,
  builtinRules,
  BUILTIN_RULE_IDS,
  MAX_RULE_FILE_BYTES,
  MAX_CONDITION_DEPTH,
  MAX_CONDITIONS,
  RESERVED_RULE_IDS,
  checkPair,
  createEvaluator,
  evaluatorFor,
  compatibilityMatrix,
  activeRules,
  ACTIVITY_RULE_IDS,
  listRules,
  ruleDocsUrl,
  RULE_DOCS_BASE_URL,
  runReferenceEngine,
  restrictedPathResolver,
  parsePath,
  MAX_PATH_LENGTH,
  OPERATORS,
} from './rules/index.js';
// Live catalogs and access details: these talk to AWS through the SDK (loaded only when called),
// unlike everything above. Failures are LiveErrors with one-line messages.
export type { LiveClientOptions, AwsCredentials } from './live/client.js';
export { DEFAULT_MAX_ATTEMPTS } from './live/client.js';
export type { LiveErrorCode } from './live/errors.js';
export { LiveError } from './live/errors.js';
export type { FetchCatalogOptions, FetchCatalogResult, ListingOptions, ListingOperation, PageEvent } from './live/fetch-catalog.js';
export { fetchCatalog, DEFAULT_MAX_PAGES } from './live/fetch-catalog.js';
export type { GetAccessDetailsOptions, AccessDetails, AccessProtocol, PasswordStatus, HostKey, WaitOptions, WaitEvent } from './live/access-details.js';
export { getAccessDetails } from './live/access-details.js';
export type { DecryptPasswordOptions } from './live/decrypt-password.js';
export { decryptWindowsPassword } from './live/decrypt-password.js';
