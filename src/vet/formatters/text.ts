/**
 * The default report: one line per finding, `file:line:col severity rule-id message`, which
 * editors and terminals turn into links, and a summary line.
 *
 * @module
 */
import type { Finding } from '../types.js';
import { summaryLine, type ReportInput } from './common.js';
import { formatPrice } from '../../util/text.js';

/** Optional styling of the severity word (colour on a terminal). */
export interface TextStyles {
  /** Styles a severity word. */
  readonly severity: (severity: Finding['severity'], text: string) => string;
  /** Styles secondary text (suppressed findings, the summary). */
  readonly dim: (text: string) => string;
}

const PLAIN: TextStyles = { severity: (_s, t) => t, dim: (t) => t };

/** One finding as one line. */
export function formatFindingLine(f: Finding, styles: TextStyles = PLAIN): string {
  let line = `${f.file}:${f.line}:${f.column} ${styles.severity(f.severity, f.severity)} ${f.ruleId} ${f.resource}: ${f.message}`;
  if (f.region !== undefined) line += ` [${f.region}]`;
  if (f.suggestion) line += ` (cheapest compatible bundle: ${f.suggestion.bundleId}, ${formatPrice(f.suggestion.price)}/month)`;
  if (f.suppressed) return styles.dim(`${line} (suppressed${f.suppressionReason !== undefined ? `: ${f.suppressionReason}` : ''})`);
  return line;
}

/** The text report. */
export function formatText(input: ReportInput, styles: TextStyles = PLAIN): string {
  const lines = input.result.findings.map((f) => formatFindingLine(f, styles));
  lines.push(styles.dim(summaryLine(input.result)));
  return lines.join('\n') + '\n';
}
