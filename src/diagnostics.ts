/**
 * Problems found in input, as data. Nothing in the core throws on bad input: it returns
 * diagnostics, and the CLI decides how to print them and which exit code they mean.
 *
 * @module
 */

/** How bad a problem is. `error` makes the input unusable; `warning` and `info` do not. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from the most to the least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * One problem with an input: what is wrong, where, and how bad it is.
 *
 * @example
 * ```ts
 * { severity: 'error', code: 'wrong-type', source: 'bundles.json', pointer: '/bundles/0/price',
 *   message: 'price must be a number, got string "5"' }
 * ```
 */
export interface Diagnostic {
  /** How bad it is. */
  readonly severity: Severity;
  /** A stable, machine-readable kind, such as `invalid-json` or `duplicate-conflict`. */
  readonly code: string;
  /** What is wrong and, where it helps, what to do. One line. */
  readonly message: string;
  /** The input it is about: a file name, `<stdin>`, or a name the caller gave. */
  readonly source?: string;
  /** Where in the input, as a JSON Pointer (RFC 6901), such as `/bundles/0/price`. */
  readonly pointer?: string;
  /** 1-based line, where the position in the text is known. */
  readonly line?: number;
  /** 1-based column, where the position in the text is known. */
  readonly column?: number;
}

/** Whether any diagnostic has severity `error`. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Builds a JSON Pointer from path segments, escaping `~` and `/` as RFC 6901 requires. */
export function toJsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Appends segments to an existing JSON Pointer. */
export function appendPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + toJsonPointer(segments);
}

/**
 * Formats a diagnostic as one line: `source:line:column: severity code: message` with the pointer
 * when there is no line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.source ?? '<input>';
  if (d.line !== undefined) where += `:${d.line}` + (d.column !== undefined ? `:${d.column}` : '');
  if (d.pointer !== undefined && d.pointer !== '') where += ` ${d.pointer}`;
  return `${where}: ${d.severity} ${d.code}: ${d.message}`;
}
