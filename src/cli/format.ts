/**
 * Small text helpers shared by the commands' table and text output.
 *
 * @module
 */
import { colorEnabled, type CliIo, type Writer } from './io.js';

/** ANSI styles, or identity functions when colour is off. */
export interface Styles {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

/** Styles for a stream: colour only on a TTY and never with `NO_COLOR`. */
export function stylesFor(io: CliIo, writer: Writer): Styles {
  if (!colorEnabled(io, writer)) {
    const same = (s: string) => s;
    return { red: same, yellow: same, green: same, dim: same, bold: same };
  }
  const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

export { formatPrice } from '../util/text.js';

/**
 * Lays out rows as aligned columns (two spaces apart). `align` gives `r` for right-aligned
 * columns. Widths ignore ANSI escapes, so styled cells still line up.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  // eslint-disable-next-line no-control-regex -- matching the ANSI escapes this module writes is the point
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const widths = header.map((h, c) => Math.max(visible(h), ...rows.map((r) => visible(r[c] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat(Math.max(0, widths[c]! - visible(cell)));
        return align[c] === 'r' ? pad + cell : c === cells.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
