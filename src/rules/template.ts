/**
 * Message templates: text with `{{blueprint.member}}` and `{{bundle.member}}` placeholders,
 * parsed once when a rule loads and rendered with the real values of a pairing.
 *
 * @module
 */
import type { Blueprint, Bundle } from '../catalog/model.js';
import { resolveMembers } from './path.js';

/** A parsed template: literal text and placeholders, in order. */
export type MessageTemplate = readonly (string | { readonly fact: 'blueprint' | 'bundle'; readonly members: readonly string[] })[];

const PLACEHOLDER = /\{\{\s*(blueprint|bundle)((?:\.[A-Za-z_][A-Za-z0-9_]{0,63}){1,8})\s*\}\}/g;

/** Parses a template, or returns a reason it is not one (a stray `{{`, an unknown fact). */
export function parseTemplate(text: string): { ok: true; template: MessageTemplate } | { ok: false; reason: string } {
  const parts: (string | { fact: 'blueprint' | 'bundle'; members: string[] })[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, match.index));
    parts.push({ fact: match[1] as 'blueprint' | 'bundle', members: match[2]!.slice(1).split('.') });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  const stray = parts.find((p): p is string => typeof p === 'string' && (p.includes('{{') || p.includes('}}')));
  if (stray !== undefined) {
    return {
      ok: false,
      reason: `message has a placeholder that is not {{blueprint.member}} or {{bundle.member}} near ${JSON.stringify(stray.slice(0, 40))}`,
    };
  }
  return { ok: true, template: parts.filter((p) => p !== '') };
}

/** Renders a template with a pairing's values; arrays are joined with `, `, missing values show as `(none)`. */
export function renderTemplate(template: MessageTemplate, blueprint: Blueprint, bundle: Bundle): string {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') out += part;
    else out += formatValue(resolveMembers(part.fact === 'blueprint' ? blueprint : bundle, part.members));
  }
  return out;
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : typeof value;
}
