/**
 * The JSON report: `{ findings, summary }`, findings exactly as {@link Finding} defines them.
 *
 * @module
 */
import type { Finding, VetSummary } from '../types.js';
import { runFails, type FailOn, type ReportInput } from './common.js';

/** The JSON report's shape. */
export interface JsonReport {
  /** Every finding, suppressed ones included. */
  readonly findings: readonly Finding[];
  /** Counts, the threshold, and whether the run fails. */
  readonly summary: VetSummary & {
    /** The `--fail-on` threshold. */
    readonly failOn: FailOn;
    /** Whether a finding reaches it (the exit code is then 1). */
    readonly failed: boolean;
  };
}

/** The JSON report as a value. */
export function jsonReport(input: ReportInput): JsonReport {
  return { findings: input.result.findings, summary: { ...input.result.summary, failOn: input.failOn, failed: runFails(input.result, input.failOn) } };
}

/** The JSON report, pretty-printed. */
export function formatJson(input: ReportInput): string {
  return JSON.stringify(jsonReport(input), null, 2) + '\n';
}
