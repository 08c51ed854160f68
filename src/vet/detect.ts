/**
 * Which kind of file a source is, from its name and, for JSON and YAML, a cheap look at its
 * text (no parsing): a directory holds many YAML and JSON files that are none of vet's business.
 *
 * @module
 */
import { posix } from 'node:path';
import type { Syntax } from './parsers.js';
import { isConfigFileName } from './sources/config.js';
import type { SourceKind } from './types.js';

/** A recognized source: its kind and the syntax to parse it with. */
export interface DetectedKind {
  /** What it holds. */
  readonly kind: SourceKind;
  /** How to parse it. */
  readonly syntax: Syntax;
}

/** File name endings a directory walk reads at all (anything else is never opened). */
export const CANDIDATE_EXTENSIONS: readonly string[] = ['.tf', '.tfvars', '.tfvars.json', '.json', '.yaml', '.yml', '.template'];

/** Whether a directory walk should read this file to find out what it is. */
export function isCandidateFileName(name: string): boolean {
  const base = posix.basename(name);
  return CANDIDATE_EXTENSIONS.some((ext) => base.endsWith(ext));
}

const CFN_JSON = /"AWSTemplateFormatVersion"\s*:|"Type"\s*:\s*"AWS::/;
const PLAN_JSON = /"planned_values"\s*:/;
const CFN_YAML = /^\s*["']?AWSTemplateFormatVersion["']?\s*:|^\s*["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/m;

/** The kind of a source, or `undefined` when vet does not read such files. */
export function detectSourceKind(name: string, text: string): DetectedKind | undefined {
  const base = posix.basename(name);
  if (isConfigFileName(base)) return { kind: 'config', syntax: base.endsWith('.json') ? 'json' : 'yaml' };
  if (base.endsWith('.tf')) return { kind: 'terraform', syntax: 'hcl' };
  if (base.endsWith('.tfvars')) return { kind: 'terraform-vars', syntax: 'hcl' };
  if (base.endsWith('.tfvars.json')) return { kind: 'terraform-vars', syntax: 'json' };
  const looksJson = /^\s*[{[]/.test(text.replace(/^\ufeff/, ''));
  if (base.endsWith('.json') || (base.endsWith('.template') && looksJson)) {
    if (PLAN_JSON.test(text) && /"format_version"\s*:/.test(text)) return { kind: 'terraform-plan', syntax: 'json' };
    if (CFN_JSON.test(text)) return { kind: 'cloudformation', syntax: 'json' };
    return undefined;
  }
  if (base.endsWith('.yaml') || base.endsWith('.yml') || base.endsWith('.template')) {
    if (CFN_YAML.test(text)) return { kind: 'cloudformation', syntax: 'yaml' };
  }
  return undefined;
}
