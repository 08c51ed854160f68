/**
 * Text, JSON and Markdown forms of a {@link CatalogDiff}.
 *
 * @module
 */
import type { AddedItem, CatalogDiff, DiffSide, FieldChange, ItemsDiff, RetiredItem, VerdictChange } from './diff-catalogs.js';
import { markdownCell, markdownTable } from './text-formats.js';

/** The names the two sides go by (file names, as given). */
export interface DiffNames {
  /** Name of the old catalog. */
  readonly old: string;
  /** Name of the new catalog. */
  readonly new: string;
}

/**
 * Most verdict changes listed in text and Markdown; the rest are counted. One bundle turning
 * inactive changes a verdict per blueprint, and a report is for reading; JSON lists them all.
 */
export const MAX_LISTED_VERDICT_CHANGES = 200;

/** The diff as JSON, with the names of the two sides. */
export function diffJson(diff: CatalogDiff, names: DiffNames): string {
  return JSON.stringify({ oldName: names.old, newName: names.new, ...diff }, null, 2) + '\n';
}

/** The diff as text for a terminal: one line per item, `+` added, `-` retired, `~` changed. */
export function diffText(diff: CatalogDiff, names: DiffNames): string {
  const lines = [`old: ${names.old} (${describeSide(diff.old)})`, `new: ${names.new} (${describeSide(diff.new)})`];
  if (diff.equal) {
    lines.push('the catalogs are equal: no bundle or blueprint added, retired or changed, and no pairing changed verdict');
    return lines.join('\n') + '\n';
  }
  for (const [kind, items] of [['bundles', diff.bundles], ['blueprints', diff.blueprints]] as const) {
    lines.push('', `${kind}: ${countLine(items)}`);
    for (const item of items.added) lines.push(`  + ${item.id}  ${describeValues(item)}`);
    for (const item of items.retired) lines.push(`  - ${item.id}  ${describeRetired(item)}`);
    for (const item of items.changed) lines.push(`  ~ ${item.id}  ${describeChanges(item.changes)}`);
  }
  lines.push('', `pairings that changed verdict: ${diff.verdictChanges.length}`);
  for (const change of diff.verdictChanges.slice(0, MAX_LISTED_VERDICT_CHANGES)) lines.push(`  ${describeVerdictChange(change)}`);
  const more = diff.verdictChanges.length - MAX_LISTED_VERDICT_CHANGES;
  if (more > 0) lines.push(`  ... and ${more} more (--format json lists them all)`);
  return lines.join('\n') + '\n';
}

/** The diff as Markdown: a table of item changes and a table of verdict changes. */
export function diffMarkdown(diff: CatalogDiff, names: DiffNames): string {
  const parts = [
    `# Catalog diff\n`,
    `- old: ${markdownCell(names.old)} (${markdownCell(describeSide(diff.old))})\n- new: ${markdownCell(names.new)} (${markdownCell(describeSide(diff.new))})\n`,
  ];
  if (diff.equal) {
    parts.push('The catalogs are equal: no bundle or blueprint added, retired or changed, and no pairing changed verdict.\n');
    return parts.join('\n');
  }
  for (const [title, items] of [['Bundles', diff.bundles], ['Blueprints', diff.blueprints]] as const) {
    parts.push(`## ${title}: ${countLine(items)}\n`);
    const rows = [
      ...items.added.map((item) => ['added', item.id, describeValues(item)]),
      ...items.retired.map((item) => ['retired', item.id, describeRetired(item)]),
      ...items.changed.map((item) => ['changed', item.id, describeChanges(item.changes)]),
    ];
    if (rows.length > 0) parts.push(markdownTable(['Change', 'Id', 'Details'], rows));
  }
  parts.push(`## Pairings that changed verdict: ${diff.verdictChanges.length}\n`);
  if (diff.verdictChanges.length > 0) {
    const rows = diff.verdictChanges
      .slice(0, MAX_LISTED_VERDICT_CHANGES)
      .map((c) => [c.blueprintId, c.bundleId, verdictWord(c.before), verdictWord(c.after), c.ruleIds.join(', ')]);
    parts.push(markdownTable(['Blueprint', 'Bundle', 'Before', 'After', 'Failing rules'], rows));
    const more = diff.verdictChanges.length - MAX_LISTED_VERDICT_CHANGES;
    if (more > 0) parts.push(`... and ${more} more (\`--format json\` lists them all).\n`);
  }
  return parts.join('\n');
}

function describeSide(side: DiffSide): string {
  const date = side.fetchedAt !== undefined ? `fetched ${side.fetchedAt}` : side.asOf !== undefined ? `as of ${side.asOf}` : 'undated';
  return `${side.region ?? 'no region recorded'}, ${date}, ${side.blueprintCount} blueprints, ${side.bundleCount} bundles`;
}

function countLine(items: ItemsDiff): string {
  return `${items.added.length} added, ${items.retired.length} retired, ${items.changed.length} changed`;
}

/** A member's value for people: lists joined with commas, a missing member as `(none)`. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map(String).join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeValues(item: AddedItem): string {
  return Object.entries(item.values)
    .map(([field, value]) => `${field} ${formatValue(value)}`)
    .join(', ');
}

function describeRetired(item: RetiredItem): string {
  const reason = item.reason === 'removed' ? 'removed' : 'now inactive';
  return item.changes.length > 0 ? `${reason}; also ${describeChanges(item.changes)}` : reason;
}

function describeChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${c.field} ${formatValue(c.old)} → ${formatValue(c.new)}`).join('; ');
}

function verdictWord(compatible: boolean): string {
  return compatible ? 'compatible' : 'incompatible';
}

function describeVerdictChange(change: VerdictChange): string {
  const rules = change.ruleIds.length > 0 ? ` (${change.ruleIds.join(', ')})` : '';
  return `${change.blueprintId} on ${change.bundleId}: ${verdictWord(change.before)} → ${verdictWord(change.after)}${rules}`;
}
