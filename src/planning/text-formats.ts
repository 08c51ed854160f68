/**
 * Escaping for the text formats the planning commands write: CSV (RFC 4180), Markdown tables and
 * HTML. Ids and names come from catalog files, so every one of them goes through these.
 *
 * @module
 */

/** One CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document: one record per row, CRLF line breaks as RFC 4180 writes them. */
export function csvDocument(rows: readonly (readonly (string | number | boolean)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * One Markdown table cell: `|` escaped so it cannot end the cell, backslashes kept literal, and
 * line breaks turned into spaces since a table row is one line.
 */
export function markdownCell(value: string | number | boolean): string {
  return String(value).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r\n|\r|\n/g, ' ');
}

/** A GitHub-flavoured Markdown table. `align` gives `r` for right-aligned columns. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[], align: readonly ('l' | 'r')[] = []): string {
  const line = (cells: readonly (string | number | boolean)[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${header.map((_, c) => (align[c] === 'r' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number | boolean): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
