/**
 * Text forms of recommended pairings: JSON, CSV and Markdown. The terminal table, which depends on
 * colour, is drawn by the CLI from {@link pairingTableRows}.
 *
 * @module
 */
import type { Pairing } from './recommend-pairings.js';
import { csvDocument, markdownTable } from './text-formats.js';
import { formatPrice } from '../util/text.js';

/** The members of a {@link Pairing}, in output order; also the CSV header. */
export const PAIRING_FIELDS = [
  'blueprintId',
  'bundleId',
  'price',
  'cpuCount',
  'ramSizeInGb',
  'diskSizeInGb',
  'transferPerMonthInGb',
  'power',
  'platform',
  'ipv6Only',
] as const satisfies readonly (keyof Pairing)[];

/** Column titles for people (table and Markdown). */
export const PAIRING_TABLE_HEADER: readonly string[] = ['BLUEPRINT', 'BUNDLE', 'PRICE/MO', 'VCPU', 'RAM GB', 'DISK GB', 'TRANSFER GB', 'POWER', 'PLATFORM', 'NETWORK'];

/** Which table columns are numbers, to right-align them. */
export const PAIRING_TABLE_ALIGN: readonly ('l' | 'r')[] = ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'];

/** A JSON array of pairings, each with exactly {@link PAIRING_FIELDS}. */
export function pairingsJson(pairings: readonly Pairing[]): string {
  return JSON.stringify(pairings.map((p) => Object.fromEntries(PAIRING_FIELDS.map((f) => [f, p[f]]))), null, 2) + '\n';
}

/** CSV (RFC 4180) with a header of the field names and numbers as they are in the catalog. */
export function pairingsCsv(pairings: readonly Pairing[]): string {
  return csvDocument([PAIRING_FIELDS, ...pairings.map((p) => PAIRING_FIELDS.map((f) => p[f]))]);
}

/** The cells of the human-readable table, one row per pairing (monthly price as `$5.00`). */
export function pairingTableRows(pairings: readonly Pairing[]): string[][] {
  return pairings.map((p) => [
    p.blueprintId,
    p.bundleId,
    formatPrice(p.price),
    String(p.cpuCount),
    String(p.ramSizeInGb),
    String(p.diskSizeInGb),
    String(p.transferPerMonthInGb),
    String(p.power),
    p.platform,
    p.ipv6Only ? 'IPv6-only' : 'dual-stack',
  ]);
}

/** A Markdown table of pairings. */
export function pairingsMarkdown(pairings: readonly Pairing[]): string {
  return markdownTable(PAIRING_TABLE_HEADER, pairingTableRows(pairings), PAIRING_TABLE_ALIGN);
}
