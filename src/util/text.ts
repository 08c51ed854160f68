/**
 * Small text helpers shared by every renderer (CLI, vet reports, planning tables), so that a
 * price or a count reads the same in every output.
 *
 * @module
 */

/** Formats a monthly price in US dollars: `$5.00`. */
export function formatPrice(price: number): string {
  return `$${price.toFixed(2)}`;
}

/** `1 error`, `2 errors`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Orders strings by UTF-16 code units, the same on every machine (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
