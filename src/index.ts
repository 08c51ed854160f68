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
  REPOSITORY_URL,
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
// vet: Terraform, plans, CloudFormation and configs checked against the catalog and rules. The
// core takes file text and returns findings; parsers load lazily per syntax (loadVetParsers).
export type {
  Position,
  SourceKind,
  VetSource,
  Candidate,
  AttributeValue,
  Suppression,
  VetInstance,
  BundleSuggestion,
  Finding,
  CheckedResource,
  VetSummary,
  VetResult,
} from './vet/types.js';
export type { ParsedSources, CheckOptions, VetOptions, RegionCatalog } from './vet/vet-files.js';
export { vetSources, parseVetSources, checkParsedSources, syntaxesFor, instanceRegions, compareFindings, canonicalFinding } from './vet/vet-files.js';
export type { VetParsers, HclParser, YamlModule, JsonModule, Syntax } from './vet/parsers.js';
export { loadVetParsers } from './vet/parsers.js';
export type { ScopedSuppression } from './vet/sources/config.js';
export type { UnknownSetting } from './vet/checks.js';
export type { VetCheck } from './vet/check-metadata.js';
export { VET_CHECKS } from './vet/check-metadata.js';
export type { FailOn, RuleDescriptor, ReportInput } from './vet/formatters/common.js';
export { FAIL_ON_VALUES, failsRun, runFails } from './vet/formatters/common.js';
export type { VetFormat } from './vet/formatters/index.js';
export { VET_FORMATS, formatReport } from './vet/formatters/index.js';
export type { TextStyles } from './vet/formatters/text.js';
export { formatText } from './vet/formatters/text.js';
export type { JsonReport } from './vet/formatters/json.js';
export { formatJson, jsonReport } from './vet/formatters/json.js';
export { formatSarif, sarifLog } from './vet/formatters/sarif.js';
export { formatJunit } from './vet/formatters/junit.js';
export { formatGithub } from './vet/formatters/github.js';
export { formatMarkdown } from './vet/formatters/markdown.js';
// Planning: recommendations, the compatibility matrix as data and documents, and catalog diffs.
// Pure like the core above; renderers return text and never touch a terminal.
export type {
  RecommendCriteria,
  RecommendOptions,
  RecommendResult,
  RecommendSortKey,
  NetworkKind,
  CriterionName,
  CriterionExclusion,
  Pairing,
} from './planning/recommend-pairings.js';
export { recommendPairings, RECOMMEND_SORT_KEYS, sortValue, compareBundles } from './planning/recommend-pairings.js';
export { PAIRING_FIELDS, pairingsJson, pairingsCsv, pairingsMarkdown } from './planning/render-pairings.js';
export type { MatrixView, MatrixViewOptions, MatrixRow, MatrixColumn, MatrixCell, MatrixRule, CellStatus, CellViolation } from './planning/matrix-view.js';
export { buildMatrixView } from './planning/matrix-view.js';
export { matrixJson, matrixCsv, matrixMarkdown, matrixHtml } from './planning/render-matrix.js';
export type { CatalogDiff, ItemsDiff, AddedItem, RetiredItem, ChangedItem, FieldChange, VerdictChange, DiffSide } from './planning/diff-catalogs.js';
export { diffCatalogs, BUNDLE_DIFF_FIELDS, BLUEPRINT_DIFF_FIELDS } from './planning/diff-catalogs.js';
export type { DiffNames } from './planning/render-diff.js';
export { diffText, diffJson, diffMarkdown } from './planning/render-diff.js';
