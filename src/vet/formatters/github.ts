/**
 * GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=RULE::message`, which
 * GitHub shows as annotations on the pull request (warning → `::warning`, info → `::notice`).
 *
 * @module
 */
import type { Finding } from '../types.js';
import { summaryLine, type ReportInput } from './common.js';
import { formatPrice } from '../../util/text.js';

/** Escapes a workflow command's message, as the Actions runner unescapes it. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command property value (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function annotation(f: Finding): string {
  // A suppressed finding stays visible, as a notice that cannot fail a check.
  const command = f.suppressed ? 'notice' : COMMAND[f.severity];
  const title = `${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`;
  let message = `${f.resource}: ${f.message}`;
  if (f.region !== undefined) message += ` [${f.region}]`;
  if (f.suggestion) message += ` (cheapest compatible bundle: ${f.suggestion.bundleId}, ${formatPrice(f.suggestion.price)}/month)`;
  if (f.suppressed) message += ` (suppressed${f.suppressionReason !== undefined ? `: ${f.suppressionReason}` : ''})`;
  return `::${command} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(title)}::${escapeData(message)}`;
}

/** The workflow commands, then a plain summary line. */
export function formatGithub(input: ReportInput): string {
  return [...input.result.findings.map(annotation), summaryLine(input.result), ''].join('\n');
}
