import type { Diagnostic } from '../diagnostics.js';

/** The result of parsing JSON text: the value, or a diagnostic with line and column. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * Parses JSON text and, when it is malformed, reports where: 1-based line and column, from the
 * position V8 reports (the end of the text for "unexpected end").
 */
export function parseJson(text: string, source: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const match = /at position (\d+)/.exec(reason);
    const offset = match ? Number(match[1]) : body.length;
    const { line, column } = lineAndColumn(body, offset);
    // V8 messages may quote a stretch of the text over several lines; keep only the reason.
    const short = reason
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/^(Unexpected token '[^']*'),.*$/s, '$1')
      .replace(/\s+\(line \d+ column \d+\)$/, '');
    const hint = /^\s*([-+|]|[A-Z]{3,}\s)/.test(body)
      ? '; this looks like AWS CLI table or text output: run the command again with --output json'
      : '';
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'invalid-json',
        message: body.trim() === '' ? 'the file is empty; expected JSON' : `not valid JSON: ${short}${hint}`,
        source,
        line,
        column,
      },
    };
  }
}

/** Converts a 0-based character offset into a 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
