/**
 * The data `vet` works on: instances found in infrastructure files, the values of their
 * attributes (possibly several, possibly unknown), and the findings reported about them.
 *
 * @module
 */
import type { Diagnostic, Severity } from '../diagnostics.js';

/** A 1-based line and column (UTF-16 code units, as editors and SARIF count them). */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** The kinds of file `vet` reads. */
export type SourceKind = 'terraform' | 'terraform-vars' | 'terraform-plan' | 'cloudformation' | 'config';

/** One file handed to `vet`: its name as it should appear in findings, and its text. */
export interface VetSource {
  /** The name findings carry: a path relative to the working directory, with `/` separators. */
  readonly name: string;
  /** The file's text. */
  readonly text: string;
  /**
   * Whether the user named the file. A named file that is no known kind is an input error; a
   * file met in a directory walk is then skipped.
   */
  readonly explicit?: boolean;
  /**
   * Read only for resolution: a `.tf` or variables file beside a Terraform file the user named,
   * so that its variables, locals and tfvars resolve as Terraform would resolve them. Instances
   * declared in it are not reported, and it does not count as scanned.
   */
  readonly contextOnly?: boolean;
}

/** A value an attribute may take, and where it came from when that was not the attribute itself. */
export interface Candidate {
  /** The value. */
  readonly value: string;
  /** How it was resolved, for messages: `var.bundle from terraform.tfvars:2`, `parameter Size AllowedValues`. */
  readonly origin?: string;
}

/**
 * An attribute of an instance as written: every value it can take, or why it cannot be known
 * before apply. A CloudFormation parameter with `AllowedValues` has several candidates, since any
 * of them can be chosen at deploy time.
 */
export interface AttributeValue extends Position {
  /** The attribute's name in the source (`bundle_id`, `BundleId`, `bundle`). */
  readonly name: string;
  /** The values it can take (empty when unknown). */
  readonly candidates: readonly Candidate[];
  /** Why the value (or some of its values) cannot be known statically; absent when fully known. */
  readonly unresolved?: string;
}

/** A suppression written in a source: rule ids and the reason given (if any). */
export interface Suppression extends Position {
  /** The file it is written in. */
  readonly file: string;
  /** Rule ids it silences. Empty for a malformed directive. */
  readonly rules: readonly string[];
  /** Why; absent when none was given (itself a warning). */
  readonly reason?: string;
}

/**
 * One Lightsail instance found in a source: `aws_lightsail_instance` in Terraform or a plan,
 * `AWS::Lightsail::Instance` in CloudFormation, an entry of `instances` in a config.
 */
export interface VetInstance extends Position {
  /** The file it is declared in. */
  readonly file: string;
  /** What kind of file that is. */
  readonly sourceKind: SourceKind;
  /** Its name: `aws_lightsail_instance.web`, a plan address, a logical id, a config name. */
  readonly resource: string;
  /** Last line of its declaration, so comments inside it can be attached. */
  readonly endLine: number;
  /** `blueprint_id` / `BlueprintId` / `blueprint`. */
  readonly blueprint?: AttributeValue;
  /** `bundle_id` / `BundleId` / `bundle`. */
  readonly bundle?: AttributeValue;
  /** `ip_address_type` / `ipAddressType`. */
  readonly ipAddressType?: AttributeValue;
  /** `key_pair_name` / `KeyPairName` / `keyPair`. */
  readonly keyPair?: AttributeValue;
  /** `accessProtocol` (config only). */
  readonly accessProtocol?: AttributeValue;
  /** `availability_zone` / `AvailabilityZone`. */
  readonly availabilityZone?: AttributeValue;
  /** `region` (config only): selects the catalog of that region. */
  readonly region?: AttributeValue;
  /** Whether the source can set the IP address type at all (CloudFormation cannot). */
  readonly ipAddressTypeSettable: boolean;
  /** Suppressions that apply to this instance. */
  readonly suppressions: readonly Suppression[];
}

/** The cheapest compatible bundle for a blueprint. */
export interface BundleSuggestion {
  /** Its id. */
  readonly bundleId: string;
  /** Its monthly price in US dollars. */
  readonly price: number;
}

/**
 * One finding: a rule that fired on an instance, where, and whether it was suppressed.
 *
 * @example
 * ```ts
 * { ruleId: 'unknown-bundle', severity: 'error', file: 'infra/main.tf', line: 4, column: 3,
 *   resource: 'aws_lightsail_instance.web', suppressed: false,
 *   message: 'bundle "nano_3_O" is not in the catalog; did you mean nano_3_0?' }
 * ```
 */
export interface Finding {
  /** Stable rule id: a pair rule of the evaluator or a vet check. */
  readonly ruleId: string;
  /** How bad it is, after `--rule` and `--unknown` overrides. */
  readonly severity: Severity;
  /** One line saying what is wrong. */
  readonly message: string;
  /** The file, relative to the working directory, with `/` separators. */
  readonly file: string;
  /** 1-based line of the attribute, or of the resource when no attribute is to blame. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The resource it is about. */
  readonly resource: string;
  /** Whether a suppression with this rule id applies. Suppressed findings never fail a run. */
  readonly suppressed: boolean;
  /** The reason the suppression gave, when it gave one. */
  readonly suppressionReason?: string;
  /** The cheapest bundle that the blueprint runs on, where there is one. */
  readonly suggestion?: BundleSuggestion;
  /** The region whose catalog the instance was checked against, when one was selected. */
  readonly region?: string;
}

/** A resource `vet` checked, for reports that list resources (JUnit). */
export interface CheckedResource extends Position {
  /** Its file. */
  readonly file: string;
  /** Its name. */
  readonly resource: string;
}

/** Counts over a run. Severity counts exclude suppressed findings. */
export interface VetSummary {
  /** Files read as one of the known kinds. */
  readonly filesScanned: number;
  /** Instances found. */
  readonly resources: number;
  /** Unsuppressed errors. */
  readonly errors: number;
  /** Unsuppressed warnings. */
  readonly warnings: number;
  /** Unsuppressed notes. */
  readonly infos: number;
  /** Suppressed findings of any severity. */
  readonly suppressed: number;
}

/** What a `vet` run found. */
export interface VetResult {
  /**
   * Inputs that could not be used (a syntax error, an invalid config, a named file of no known
   * kind), with file, line and column. The CLI exits 2 when there are any.
   */
  readonly errors: readonly Diagnostic[];
  /** Every finding, suppressed ones included, sorted by file, line, column and rule id. */
  readonly findings: readonly Finding[];
  /** Every instance checked, sorted by file and position. */
  readonly resources: readonly CheckedResource[];
  /** Counts. */
  readonly summary: VetSummary;
}
