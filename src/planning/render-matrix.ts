/**
 * Renderers for a {@link MatrixView}: JSON, CSV, Markdown, a self-contained HTML page, and the
 * cells of the terminal table (which the CLI lays out and colours). Pure: view in, text out.
 *
 * @module
 */
import { compareIds } from '../catalog/catalog.js';
import { matrixPage } from './matrix-html-template.js';
import type { CellStatus, MatrixCell, MatrixColumn, MatrixRow, MatrixView } from './matrix-view.js';
import { csvDocument, escapeHtml, markdownCell, markdownTable } from './text-formats.js';
import { formatPrice } from '../util/text.js';

/** The matrix as one JSON document: catalog facts, rules, rows, columns and every cell. */
export function matrixJson(view: MatrixView): string {
  const document = {
    ...view.catalog,
    rules: view.rules,
    blueprints: view.rows,
    bundles: view.columns,
    compatibleCount: view.compatibleCount,
    cells: view.rows.flatMap((row, r) =>
      view.columns.map((column, c) => {
        const cell = view.cells[r]![c]!;
        return { blueprintId: row.blueprintId, bundleId: column.bundleId, status: cell.status, violations: cell.violations };
      }),
    ),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

/**
 * A cell as text for CSV: `compatible`, `compatible: RULE...` (warnings or notes only) or
 * `incompatible: RULE...`, rule ids separated by spaces.
 */
export function cellText(cell: MatrixCell): string {
  if (cell.violations.length === 0) return cell.status;
  return `${cell.status === 'incompatible' ? 'incompatible' : 'compatible'}: ${cell.violations.map((v) => v.ruleId).join(' ')}`;
}

/** CSV (RFC 4180): a header of `blueprintId` and the bundle ids, then one row per blueprint. */
export function matrixCsv(view: MatrixView): string {
  return csvDocument([
    ['blueprintId', ...view.columns.map((c) => c.bundleId)],
    ...view.rows.map((row, r) => [row.blueprintId, ...view.cells[r]!.map(cellText)]),
  ]);
}

const MARKDOWN_SYMBOL: Readonly<Record<CellStatus, string>> = { compatible: '✅', warning: '⚠️', incompatible: '❌' };

/** A Markdown table (✅ compatible, ⚠️ warnings, ❌ incompatible with the rule ids) and a legend. */
export function matrixMarkdown(view: MatrixView): string {
  const header = ['Blueprint', ...view.columns.map((c) => `${c.bundleId} (${formatPrice(c.price)})`)];
  const rows = view.rows.map((row, r) => [
    row.blueprintId,
    ...view.cells[r]!.map((cell) => [MARKDOWN_SYMBOL[cell.status], cell.violations.map((v) => v.ruleId).join(', ')].filter((s) => s !== '').join(' ')),
  ]);
  const rules = view.rules.map((rule) => `\`${rule.id}\` (${rule.severity}): ${markdownCell(rule.title)}`).join('; ');
  return `${markdownTable(header, rows)}\n${MARKDOWN_SYMBOL.compatible} compatible, ${MARKDOWN_SYMBOL.warning} compatible with warnings, ${MARKDOWN_SYMBOL.incompatible} incompatible. ${describeCatalog(view)}. Rules in force: ${rules || 'none'}.\n`;
}

/** One cell of the terminal table: its label and its status (for colour). */
export interface TableCell {
  /** `ok`, `ok(3)` with the numbers of the warning rules, or `x(1,2)` with the failing rules' numbers. */
  readonly label: string;
  /** The verdict. */
  readonly status: CellStatus;
}

/** The terminal table's content, ready for laying out. */
export interface MatrixTableModel {
  /** `BLUEPRINT` and the bundle ids. */
  readonly header: string[];
  /** One row per blueprint. */
  readonly rows: { readonly blueprintId: string; readonly cells: TableCell[] }[];
  /** `N id (severity): title`, one line per rule in force. */
  readonly legend: string[];
}

/**
 * The terminal table's content: rule ids would make every column 30 characters wide, so cells name
 * rules by their number in `legend` (1-based, in evaluation order).
 */
export function matrixTableModel(view: MatrixView): MatrixTableModel {
  const number = new Map(view.rules.map((rule, i) => [rule.id, i + 1]));
  const label = (cell: MatrixCell): string => {
    if (cell.violations.length === 0) return 'ok';
    const numbers = cell.violations.map((v) => number.get(v.ruleId) ?? v.ruleId).join(',');
    return cell.status === 'incompatible' ? `x(${numbers})` : `ok(${numbers})`;
  };
  return {
    header: ['BLUEPRINT', ...view.columns.map((c) => c.bundleId)],
    rows: view.rows.map((row, r) => ({ blueprintId: row.blueprintId, cells: view.cells[r]!.map((cell) => ({ label: label(cell), status: cell.status })) })),
    legend: view.rules.map((rule, i) => `${i + 1} ${rule.id} (${rule.severity}): ${rule.title}`),
  };
}

const HTML_CLASS: Readonly<Record<CellStatus, string>> = { compatible: 'ok', warning: 'warn', incompatible: 'bad' };
const HTML_SYMBOL: Readonly<Record<CellStatus, string>> = { compatible: '✓', warning: '!', incompatible: '✗' };
const VERDICT_WORDS: Readonly<Record<CellStatus, string>> = { compatible: 'compatible', warning: 'compatible, with warnings', incompatible: 'incompatible' };

/**
 * One self-contained HTML page: a coloured grid with sticky headers, prices per column, the
 * reasons of each cell on hover, and filters. No external resource of any kind; every catalog and
 * rule string is escaped.
 */
export function matrixHtml(view: MatrixView): string {
  const head = view.columns.map(columnHeader).join('');
  const body = view.rows.map((row, r) => rowHtml(row, view.columns, view.cells[r]!)).join('\n');
  const table = `<table class="matrix" id="matrix">
<thead><tr><th class="corner" scope="col">blueprint \\ bundle</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
  const platforms = [...new Set([...view.rows.map((r) => r.platform), ...view.columns.flatMap((c) => c.supportedPlatforms)])].sort(compareIds);
  const counts = `${view.rows.length} blueprints × ${view.columns.length} bundles · ${view.compatibleCount} compatible pairings`;
  const rules = view.rules.map((rule) => `<code>${escapeHtml(rule.id)}</code> (${escapeHtml(rule.severity)}): ${escapeHtml(rule.title)}`).join('; ');
  return matrixPage({
    title: escapeHtml(`Lightsail compatibility matrix: ${describeCatalog(view)}`),
    meta: `${escapeHtml(describeCatalog(view))} · ${counts}`,
    platformOptions: platforms.map((p) => `<option value="${escapeHtml(p)}">${escapeHtml(p)}</option>`).join(''),
    table,
    footer: `Rules in force: ${rules || 'none'}. Made by lightsail-compat matrix; prices are monthly, in USD.`,
  });
}

function columnHeader(column: MatrixColumn): string {
  const tags = [column.ipv6Only ? 'IPv6' : '', column.isActive ? '' : 'inactive'].filter((t) => t !== '');
  const title = [
    column.bundleId + (column.name !== undefined ? ` (${column.name})` : ''),
    `${formatPrice(column.price)} a month, ${column.cpuCount} vCPU, ${column.ramSizeInGb} GB RAM, power ${column.power}`,
    `platforms: ${column.supportedPlatforms.join(', ') || 'none'}; ${column.ipv6Only ? 'IPv6-only' : 'dual-stack'}${column.isActive ? '' : '; inactive'}`,
  ].join('\n');
  return (
    `<th class="col" scope="col" data-bundle="${escapeHtml(column.bundleId)}" data-platforms="${escapeHtml(column.supportedPlatforms.join(' '))}" title="${escapeHtml(title)}">` +
    `<span class="id">${escapeHtml(column.bundleId)}</span><span class="price">${escapeHtml(formatPrice(column.price))}</span>` +
    `<span class="spec">${escapeHtml(`${column.cpuCount} vCPU · ${column.ramSizeInGb} GB`)}</span>` +
    tags.map((t) => `<span class="tag">${t}</span>`).join(' ') +
    `</th>`
  );
}

function rowHtml(row: MatrixRow, columns: readonly MatrixColumn[], cells: readonly MatrixCell[]): string {
  const about = [row.name, row.platform, row.type, row.isActive ? undefined : 'inactive'].filter((s) => s !== undefined).join(' · ');
  const search = `${row.blueprintId} ${row.name ?? ''}`.toLowerCase();
  const cellsHtml = cells
    .map((cell, c) => {
      const title = cellTitle(row.blueprintId, columns[c]!.bundleId, cell);
      return `<td class="${HTML_CLASS[cell.status]}" title="${escapeHtml(title)}">${HTML_SYMBOL[cell.status]}</td>`;
    })
    .join('');
  return (
    `<tr data-blueprint="${escapeHtml(row.blueprintId)}" data-platform="${escapeHtml(row.platform)}" data-search="${escapeHtml(search)}" data-compatible="${row.compatibleCount}">` +
    `<th scope="row"${row.isActive ? '' : ' class="inactive"'}>${escapeHtml(row.blueprintId)}<small>${escapeHtml(about)}</small></th>${cellsHtml}</tr>`
  );
}

/** The hover text of a cell: the verdict, then one line per rule that fires. */
export function cellTitle(blueprintId: string, bundleId: string, cell: MatrixCell): string {
  return [`${blueprintId} on ${bundleId}: ${VERDICT_WORDS[cell.status]}`, ...cell.violations.map((v) => `${v.severity} ${v.ruleId}: ${v.message}`)].join('\n');
}

/** `us-east-1, as of 2026-11-27 (builtin catalog)`. */
function describeCatalog(view: MatrixView): string {
  const { region, asOf, fetchedAt, source } = view.catalog;
  const date = fetchedAt !== undefined ? `fetched ${fetchedAt}` : asOf !== undefined ? `as of ${asOf}` : 'undated';
  return `${region ?? 'no region recorded'}, ${date} (${source} catalog)`;
}
