/**
 * Markdown for a pull-request comment: a summary, a table of findings with links to the rule
 * docs, and the suppressed ones folded away with their reasons.
 *
 * @module
 */
import type { Finding } from '../types.js';
import { runFails, type ReportInput } from './common.js';
import { formatPrice, plural } from '../../util/text.js';

/** Escapes text for a table cell: pipes, newlines and HTML. */
export function escapeCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\r?\n|\r/g, ' ');
}

function code(text: string): string {
  // A backtick inside would end the code span: use a longer fence when needed.
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${escapeCell(text)}${fence.length > 1 ? ' ' : ''}${fence}`;
}

const ICON = { error: ':x: error', warning: ':warning: warning', info: ':information_source: info' } as const;

/** The Markdown report. */
export function formatMarkdown(input: ReportInput): string {
  const { result } = input;
  const s = result.summary;
  const docs = new Map(input.rules.filter((r) => r.docsUrl !== undefined).map((r) => [r.id, r.docsUrl!]));
  const rule = (id: string): string => (docs.has(id) ? `[${escapeCell(id)}](${docs.get(id)!})` : code(id));
  const lines = ['### lightsail-compat vet', ''];
  const verdict = runFails(result, input.failOn) ? ':x: **fails**' : ':white_check_mark: **passes**';
  lines.push(
    `${verdict} (fail on ${input.failOn}): ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'note')}, ${s.suppressed} suppressed; ${plural(s.resources, 'resource')} in ${plural(s.filesScanned, 'file')}.`,
    '',
  );
  const active = result.findings.filter((f) => !f.suppressed);
  const suppressed = result.findings.filter((f) => f.suppressed);
  if (active.length > 0) {
    lines.push('| Severity | Rule | Resource | Location | Message |', '| --- | --- | --- | --- | --- |');
    for (const f of active) lines.push(`| ${ICON[f.severity]} | ${rule(f.ruleId)} | ${code(f.resource)} | ${code(`${f.file}:${f.line}:${f.column}`)} | ${escapeCell(message(f))} |`);
    lines.push('');
  }
  if (suppressed.length > 0) {
    lines.push(`<details><summary>${plural(suppressed.length, 'suppressed finding')}</summary>`, '');
    lines.push('| Rule | Resource | Location | Reason |', '| --- | --- | --- | --- |');
    for (const f of suppressed) lines.push(`| ${rule(f.ruleId)} | ${code(f.resource)} | ${code(`${f.file}:${f.line}:${f.column}`)} | ${escapeCell(f.suppressionReason ?? '(no reason given)')} |`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

function message(f: Finding): string {
  let text = f.message;
  if (f.region !== undefined) text += ` [${f.region}]`;
  if (f.suggestion) text += ` (cheapest compatible bundle: ${f.suggestion.bundleId}, ${formatPrice(f.suggestion.price)}/month)`;
  return text;
}
