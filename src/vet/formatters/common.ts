/**
 * What every report format shares: the threshold that fails a run, rule descriptions, and
 * small helpers.
 *
 * @module
 */
import type { Severity } from '../../diagnostics.js';
import type { Finding, VetResult } from '../types.js';
import { plural } from '../../util/text.js';

/** The lowest severity that fails a run, or `none` to never fail on findings. */
export type FailOn = Severity | 'none';

/** The values `--fail-on` accepts. */
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
const THRESHOLD: Readonly<Record<FailOn, number>> = { error: 3, warning: 2, info: 1, none: Infinity };

/** Whether a finding fails the run: unsuppressed and at or above the threshold. */
export function failsRun(finding: Finding, failOn: FailOn): boolean {
  return !finding.suppressed && RANK[finding.severity] >= THRESHOLD[failOn];
}

/** Whether any finding fails the run. */
export function runFails(result: VetResult, failOn: FailOn): boolean {
  return result.findings.some((f) => failsRun(f, failOn));
}

/** A rule as reports describe it (SARIF `tool.driver.rules`, Markdown links). */
export interface RuleDescriptor {
  /** Stable id. */
  readonly id: string;
  /** One line. */
  readonly title: string;
  /** Why it exists. */
  readonly rationale: string;
  /** Severity in force, or `off`. */
  readonly severity: Severity | 'off';
  /** Documentation page. */
  readonly docsUrl?: string;
}

/** What a formatter gets. */
export interface ReportInput {
  /** The run's result. */
  readonly result: VetResult;
  /** The threshold that fails the run. */
  readonly failOn: FailOn;
  /** Every rule that can appear, for formats that describe rules. */
  readonly rules: readonly RuleDescriptor[];
  /** The tool's version. */
  readonly version: string;
}


/** One line summing up a run. */
export function summaryLine(result: VetResult): string {
  const s = result.summary;
  const scope = `${plural(s.resources, 'resource')} in ${plural(s.filesScanned, 'file')}`;
  if (result.findings.length === 0) return `no findings: ${scope}`;
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'note')}, ${s.suppressed} suppressed: ${scope}`;
}
