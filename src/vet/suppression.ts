/**
 * Suppressions: `# lightsail-compat-ignore RULE_ID[, RULE_ID]: reason` comments (HCL and YAML),
 * CloudFormation `Metadata.lightsail-compat.ignore`, and ignore lists in the config. A
 * suppression marks findings `suppressed: true`; it never removes them from a report.
 *
 * @module
 */
import type { Finding, Position, Suppression, VetInstance } from './types.js';

/** The word that starts an inline suppression. */
export const IGNORE_MARKER = 'lightsail-compat-ignore';

/** A comment in a source file, with the position of its first character. */
export interface SourceComment extends Position {
  /** Its text, comment markers included (`# ...`, `// ...`, `/* ... *\/`). */
  readonly text: string;
  /** Its last line (block comments span several). */
  readonly endLine: number;
}

const DIRECTIVE = /^(?:#|\/\/|\/\*)\s*lightsail-compat-ignore(?![\w-])(.*)$/s;
const RULE_LIST = /^\s*([A-Za-z0-9][\w.\-/]*(?:\s*,\s*[A-Za-z0-9][\w.\-/]*)*)?\s*(?::\s*(.*))?$/s;

/**
 * Reads a comment as a suppression directive, or `undefined` when it is not one. A directive
 * with no rule id comes back with `rules: []`, so that it can be reported rather than ignored.
 *
 * @example
 * ```ts
 * parseIgnoreComment({ text: '# lightsail-compat-ignore power-threshold: load test box', line: 3, column: 3, endLine: 3 }, 'main.tf');
 * // { file: 'main.tf', line: 3, column: 3, rules: ['power-threshold'], reason: 'load test box' }
 * ```
 */
export function parseIgnoreComment(comment: SourceComment, file: string): Suppression | undefined {
  const match = DIRECTIVE.exec(comment.text.trim());
  if (!match) return undefined;
  const rest = (match[1] ?? '').replace(/\*\/\s*$/, '').trim();
  const parts = RULE_LIST.exec(rest);
  const rules = parts?.[1] !== undefined ? parts[1].split(',').map((r) => r.trim()) : [];
  const reason = parts ? (parts[2] ?? '').trim() : '';
  return { file, line: comment.line, column: comment.column, rules, ...(reason !== '' && { reason }) };
}

/**
 * The suppressions among `comments` that belong to a resource spanning `start..endLine`: those
 * inside it, and those in the run of comment lines directly above its first line.
 */
export function suppressionsFor(
  comments: readonly SourceComment[],
  file: string,
  start: number,
  endLine: number,
): Suppression[] {
  const commentLines = new Set<number>();
  for (const c of comments) for (let l = c.line; l <= c.endLine; l++) commentLines.add(l);
  let firstAbove = start;
  while (commentLines.has(firstAbove - 1)) firstAbove--;
  const found: Suppression[] = [];
  for (const c of comments) {
    if (c.line < firstAbove || c.line > endLine) continue;
    const s = parseIgnoreComment(c, file);
    if (s) found.push(s);
  }
  return found;
}

/**
 * Comments of a YAML text, by line: a `#` at the start of a line or after whitespace, outside
 * quotes. Good enough for directives; the YAML parser itself does not keep comment positions.
 */
export function yamlComments(text: string): SourceComment[] {
  const comments: SourceComment[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const index = commentStart(line);
    if (index >= 0) comments.push({ text: line.slice(index), line: i + 1, column: index + 1, endLine: i + 1 });
  }
  return comments;
}

function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== undefined) {
      if (ch === quote) {
        // '' inside single quotes is an escaped quote, not the end.
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      } else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
    // A quote opens a string only where a scalar can start, not inside a plain word (don't).
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1] ?? ''))) quote = ch;
  }
  return -1;
}

/** Marks the findings that a suppression of the same instance names, keeping every finding. */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): Finding[] {
  if (suppressions.length === 0) return [...findings];
  return findings.map((f) => {
    if (f.ruleId === 'suppression-without-reason') return f;
    const s = suppressions.find((x) => x.rules.includes(f.ruleId));
    if (!s) return f;
    return { ...f, suppressed: true, ...(s.reason !== undefined && { suppressionReason: s.reason }) };
  });
}

/** Warnings for suppressions that give no reason or name no rule. */
export function suppressionWarnings(instance: Pick<VetInstance, 'resource' | 'suppressions'>): Finding[] {
  return instance.suppressions
    .filter((s) => s.reason === undefined || s.rules.length === 0)
    .map((s) => ({
      ruleId: 'suppression-without-reason',
      severity: 'warning' as const,
      message:
        s.rules.length === 0
          ? `${IGNORE_MARKER} names no rule id; write \`${IGNORE_MARKER} RULE_ID: reason\``
          : `suppression of ${s.rules.join(', ')} gives no reason; add one after a colon: \`${IGNORE_MARKER} ${s.rules.join(', ')}: why this is acceptable\``,
      file: s.file,
      line: s.line,
      column: s.column,
      resource: instance.resource,
      suppressed: false,
    }));
}
