/**
 * The pure core of `vet`: parse sources into instances, check each against the catalog of its
 * region, apply suppressions, and return findings as data. Reads no files; the CLI reads them
 * and passes their text.
 *
 * Two steps, so that a caller can fetch per-region catalogs (asynchronously) between them:
 * {@link parseVetSources} then {@link checkParsedSources}. {@link vetSources} does both.
 *
 * @module
 */
import type { Catalog } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics.js';
import { evaluatorFor, type RuleOptions } from '../rules/index.js';
import { VET_CHECKS } from './check-metadata.js';
import { checkInstance, unresolvedFindings, type UnknownSetting } from './checks.js';
import { detectSourceKind } from './detect.js';
import type { Syntax, VetParsers } from './parsers.js';
import { cloudFormationInstances, isCloudFormationTemplate } from './sources/cloudformation.js';
import { configContent, scopedSuppressionCovers, type ScopedSuppression } from './sources/config.js';
import { parseHcl } from './sources/hcl.js';
import { parseJsonPositioned, parseYamlPositioned, type ParseOutcome } from './sources/positioned.js';
import { isTerraformPlan, planInstances } from './sources/terraform-plan.js';
import { hclDiagnostic, isAutoTfvars, terraformInstances, tfvarsFromHcl, tfvarsFromJson, type TerraformFile, type TfvarsFile } from './sources/terraform.js';
import { applySuppressions, IGNORE_MARKER, suppressionWarnings, yamlComments } from './suppression.js';
import type { CheckedResource, Finding, VetInstance, VetResult, VetSource } from './types.js';
import { compareStrings } from '../util/text.js';

/** Sources parsed into instances and suppressions, before any catalog is involved. */
export interface ParsedSources {
  /** Every instance found. */
  readonly instances: readonly VetInstance[];
  /** Config-level suppressions. */
  readonly scoped: readonly ScopedSuppression[];
  /** Inputs that could not be used. */
  readonly errors: readonly Diagnostic[];
  /** Sources read as one of the known kinds. */
  readonly filesScanned: number;
  /** Sources of no known kind, met in a directory walk and skipped. */
  readonly skipped: readonly string[];
}

/** The syntaxes the sources need parsers for (see `loadVetParsers`). */
export function syntaxesFor(sources: readonly VetSource[], varFiles: readonly VetSource[] = []): Set<Syntax> {
  const syntaxes = new Set<Syntax>();
  for (const s of sources) {
    const detected = detectSourceKind(s.name, s.text);
    if (detected) syntaxes.add(detected.syntax);
  }
  for (const v of varFiles) syntaxes.add(v.name.endsWith('.json') ? 'json' : 'hcl');
  return syntaxes;
}

/**
 * Parses every source. `varFiles` are `--var-file` files, applied to every root module. Never
 * throws on bad input: problems come back in `errors`.
 */
export function parseVetSources(sources: readonly VetSource[], parsers: VetParsers, varFiles: readonly VetSource[] = []): ParsedSources {
  const errors: Diagnostic[] = [];
  const instances: VetInstance[] = [];
  const scoped: ScopedSuppression[] = [];
  const skipped: string[] = [];
  const tfFiles: TerraformFile[] = [];
  const tfvars: TfvarsFile[] = [];
  let filesScanned = 0;
  const parseError = (source: string, e: { message: string; line: number; column: number }, what: string): void => {
    errors.push({ severity: 'error', code: 'parse-error', message: `not valid ${what}: ${e.message}`, source, line: e.line, column: e.column });
  };
  const parseStructured = (source: VetSource, syntax: Syntax): ParseOutcome | undefined => {
    const outcome = syntax === 'json' ? (parsers.json ? parseJsonPositioned(parsers.json, source.text) : undefined) : parsers.yaml ? parseYamlPositioned(parsers.yaml, source.text) : undefined;
    if (!outcome) errors.push(missingParser(source.name, syntax));
    else if (!outcome.ok) parseError(source.name, outcome.error, syntax === 'json' ? 'JSON' : 'YAML');
    return outcome?.ok === true ? outcome : undefined;
  };

  for (const source of sources) {
    const detected = detectSourceKind(source.name, source.text);
    if (!detected) {
      if (source.explicit === true) {
        errors.push({
          severity: 'error',
          code: 'unsupported-file',
          message: 'not a Terraform file (.tf, .tfvars), a Terraform plan (terraform show -json), a CloudFormation template or a lightsail-compat config',
          source: source.name,
          line: 1,
          column: 1,
        });
      } else skipped.push(source.name);
      continue;
    }
    if (source.contextOnly !== true) filesScanned++;
    switch (detected.kind) {
      case 'terraform':
      case 'terraform-vars': {
        if (detected.syntax === 'json') {
          const parsed = parseStructured(source, 'json');
          if (parsed?.ok === true) tfvars.push(tfvarsFromJson(source.name, parsed.root));
          break;
        }
        if (!parsers.hcl) {
          errors.push(missingParser(source.name, 'hcl'));
          break;
        }
        const hcl = parseHcl(parsers.hcl, source.text);
        if (hcl.error) errors.push(hclDiagnostic(source.name, hcl.error));
        else if (detected.kind === 'terraform') tfFiles.push({ name: source.name, hcl, ...(source.contextOnly === true && { contextOnly: true }) });
        else tfvars.push(tfvarsFromHcl(source.name, hcl));
        break;
      }
      case 'terraform-plan': {
        const parsed = parseStructured(source, 'json');
        if (parsed?.ok !== true) break;
        if (!isTerraformPlan(parsed.root)) errors.push(notKind(source.name, 'a Terraform plan: format_version and planned_values must be at the top level'));
        else instances.push(...planInstances(source.name, parsed.root));
        break;
      }
      case 'cloudformation': {
        const parsed = parseStructured(source, detected.syntax);
        if (parsed?.ok !== true) break;
        if (!isCloudFormationTemplate(parsed.root)) {
          if (source.explicit === true) errors.push(notKind(source.name, 'a CloudFormation template: expected AWSTemplateFormatVersion or Resources with AWS:: types'));
          else {
            filesScanned--;
            skipped.push(source.name);
          }
          break;
        }
        const comments = detected.syntax === 'yaml' && source.text.includes(IGNORE_MARKER) ? yamlComments(source.text) : [];
        instances.push(...cloudFormationInstances(source.name, parsed.root, comments));
        break;
      }
      case 'config': {
        const parsed = parseStructured(source, detected.syntax);
        if (parsed?.ok !== true) break;
        const comments = detected.syntax === 'yaml' && source.text.includes(IGNORE_MARKER) ? yamlComments(source.text) : [];
        const content = configContent(source.name, parsed.root, comments);
        errors.push(...content.errors);
        instances.push(...content.instances);
        scoped.push(...content.scoped);
        break;
      }
    }
  }

  const varFileValues: TfvarsFile[] = [];
  for (const v of varFiles) {
    if (v.name.endsWith('.json')) {
      const parsed = parseStructured(v, 'json');
      if (parsed?.ok === true) varFileValues.push(tfvarsFromJson(v.name, parsed.root));
    } else if (!parsers.hcl) errors.push(missingParser(v.name, 'hcl'));
    else {
      const hcl = parseHcl(parsers.hcl, v.text);
      if (hcl.error) errors.push(hclDiagnostic(v.name, hcl.error));
      else varFileValues.push(tfvarsFromHcl(v.name, hcl));
    }
  }
  instances.push(...terraformInstances(tfFiles, tfvars.filter((t) => isAutoTfvars(t.name)), varFileValues));
  return { instances, scoped, errors, filesScanned, skipped };
}

function missingParser(source: string, syntax: Syntax): Diagnostic {
  return { severity: 'error', code: 'parser-not-loaded', message: `the ${syntax} parser was not loaded (pass the syntaxes from syntaxesFor to loadVetParsers)`, source };
}

function notKind(source: string, what: string): Diagnostic {
  return { severity: 'error', code: 'unsupported-file', message: `not ${what}`, source, line: 1, column: 1 };
}

/** The regions that config instances name (`region:`), sorted: their catalogs are needed. */
export function instanceRegions(parsed: ParsedSources): string[] {
  const regions = new Set<string>();
  for (const i of parsed.instances) for (const c of i.region?.candidates ?? []) regions.add(c.value);
  return [...regions].sort();
}

/** A catalog, or why there is none for a region. */
export type RegionCatalog =
  | Catalog
  | {
      /** Why there is no catalog for the region, for the `region-catalog` finding. */
      readonly unavailable: string;
    };

/** How instances are checked. */
export interface CheckOptions {
  /** The catalog for instances without a region (and for every region it describes). */
  readonly catalog: Catalog;
  /**
   * The catalog of a region. By default, `catalog` when it describes that region or records
   * none, else unavailable.
   */
  readonly catalogForRegion?: (region: string) => RegionCatalog | undefined;
  /** Check every instance against each of these regions' catalogs (`--regions`). */
  readonly regions?: readonly string[];
  /** Pair rules in force (user rules, severity overrides, inactive items). */
  readonly ruleOptions?: RuleOptions;
  /** Severity of `unknown-blueprint` / `unknown-bundle` (default `error`). */
  readonly unknown?: UnknownSetting;
}

/** Checks parsed instances and returns the findings, suppressions applied and sorted. */
export function checkParsedSources(parsed: ParsedSources, options: CheckOptions): VetResult {
  const ruleOptions = options.ruleOptions ?? {};
  const unknown = options.unknown ?? 'error';
  const catalogFor =
    options.catalogForRegion ??
    ((region: string): RegionCatalog =>
      options.catalog.metadata.region === undefined || options.catalog.metadata.region === region
        ? options.catalog
        : { unavailable: `the catalog in use describes ${options.catalog.metadata.region}` });
  const findings: Finding[] = [];
  for (const instance of parsed.instances) {
    const own: Finding[] = [...unresolvedFindings(instance)];
    const regions = options.regions && options.regions.length > 0 ? options.regions : (instance.region?.candidates.map((c) => c.value) ?? []);
    if (regions.length === 0) {
      own.push(...checkInstance(instance, { catalog: options.catalog, evaluator: evaluatorFor(options.catalog, ruleOptions), unknown }));
    }
    for (const region of regions) {
      const catalog = catalogFor(region) ?? { unavailable: 'none was given' };
      if ('unavailable' in catalog) {
        const where = instance.region ?? instance;
        own.push({
          ruleId: 'region-catalog',
          severity: 'warning',
          message: `no catalog for ${region} (${catalog.unavailable}); ${instance.resource} is not checked for ${region}`,
          file: instance.file,
          line: where.line,
          column: where.column,
          resource: instance.resource,
          suppressed: false,
          region,
        });
        continue;
      }
      own.push(...checkInstance(instance, { catalog, evaluator: evaluatorFor(catalog, ruleOptions), unknown, region }));
    }
    findings.push(...applySuppressions(own, instance.suppressions), ...suppressionWarnings(instance));
  }
  for (const s of parsed.scoped) {
    if (s.suppression.reason === undefined || s.suppression.rules.length === 0) {
      findings.push(...suppressionWarnings({ resource: s.resource ?? '*', suppressions: [s.suppression] }));
    }
  }
  const marked = findings.map((f) => {
    if (f.suppressed || f.ruleId === 'suppression-without-reason') return f;
    const s = parsed.scoped.find((x) => scopedSuppressionCovers(x, f));
    return s ? { ...f, suppressed: true, ...(s.suppression.reason !== undefined && { suppressionReason: s.suppression.reason }) } : f;
  });
  const ordered = applyCheckSeverities(marked, ruleOptions.severity).map(canonicalFinding).sort(compareFindings);
  const resources: CheckedResource[] = parsed.instances
    .map((i) => ({ file: i.file, resource: i.resource, line: i.line, column: i.column }))
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.resource, b.resource));
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let suppressed = 0;
  for (const f of ordered) {
    if (f.suppressed) suppressed++;
    else if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return {
    errors: parsed.errors,
    findings: ordered,
    resources,
    summary: { filesScanned: parsed.filesScanned, resources: resources.length, errors, warnings, infos, suppressed },
  };
}

/**
 * `--rule ID=SEVERITY` for vet's own checks (pair rules get theirs from the evaluator): `off` drops
 * the check's findings, anything else replaces their severity. It applies after `--unknown`, so
 * the general switch wins over the specific one when both are given.
 */
function applyCheckSeverities(findings: readonly Finding[], severity: RuleOptions['severity']): Finding[] {
  if (severity === undefined) return [...findings];
  const result: Finding[] = [];
  for (const f of findings) {
    const setting = VET_CHECK_IDS.has(f.ruleId) && Object.hasOwn(severity, f.ruleId) ? severity[f.ruleId] : undefined;
    if (setting === 'off') continue;
    result.push(setting === undefined ? f : { ...f, severity: setting });
  }
  return result;
}

const VET_CHECK_IDS: ReadonlySet<string> = new Set(VET_CHECKS.map((c) => c.id));

/** The finding with its members in the documented order, so JSON output reads the same everywhere. */
export function canonicalFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    resource: f.resource,
    suppressed: f.suppressed,
    ...(f.suppressionReason !== undefined && { suppressionReason: f.suppressionReason }),
    ...(f.suggestion !== undefined && { suggestion: f.suggestion }),
    ...(f.region !== undefined && { region: f.region }),
  };
}

/** Orders findings by file, line, column, rule id, then region and message, for stable output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.region ?? '', b.region ?? '') ||
    compareStrings(a.resource, b.resource) ||
    compareStrings(a.message, b.message)
  );
}

/** Everything {@link vetSources} needs. */
export interface VetOptions extends CheckOptions {
  /** Parsers for the syntaxes present (`loadVetParsers(syntaxesFor(sources))`). */
  readonly parsers: VetParsers;
  /** `--var-file` files. */
  readonly varFiles?: readonly VetSource[];
}

/**
 * Vets sources in one call: parse, check, suppress, sort.
 *
 * @example
 * ```ts
 * const sources = [{ name: 'main.tf', text }];
 * const parsers = await loadVetParsers(syntaxesFor(sources));
 * const { findings } = vetSources(sources, { catalog: loadBuiltinCatalog().catalog, parsers });
 * ```
 */
export function vetSources(sources: readonly VetSource[], options: VetOptions): VetResult {
  return checkParsedSources(parseVetSources(sources, options.parsers, options.varFiles ?? []), options);
}
