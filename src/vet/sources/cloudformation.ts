/**
 * CloudFormation templates (JSON or YAML, short-form tags included): every
 * `AWS::Lightsail::Instance`, with `BlueprintId`, `BundleId`, `KeyPairName` and
 * `AvailabilityZone` resolved as far as the template allows.
 *
 * A `Ref` to a parameter yields its `Default` and each of its `AllowedValues`, since any of them
 * can be chosen at deploy time; `Fn::If` yields both branches; `Fn::FindInMap` yields the value
 * for known keys, or every value the map could give when a key is known only at deploy time
 * (`!Ref AWS::Region`); `Fn::Sub` and `Fn::Join` combine resolved parts. `Fn::GetAtt`,
 * `Fn::ImportValue`, pseudo parameters and other functions are reported as `unresolved-value`.
 *
 * @module
 */
import { suppressionsFor, type SourceComment } from '../suppression.js';
import type { AttributeValue, Candidate, Suppression, VetInstance } from '../types.js';
import { get, getEntry, scalarString, type PMap, type PNode } from './positioned.js';
import { uniqueCandidates } from '../candidates.js';

const ATTRIBUTES = {
  blueprint: 'BlueprintId',
  bundle: 'BundleId',
  keyPair: 'KeyPairName',
  availabilityZone: 'AvailabilityZone',
} as const;

const MAX_CANDIDATES = 32;
const MAX_DEPTH = 32;

type Outcome = { readonly ok: true; readonly candidates: readonly Candidate[] } | { readonly ok: false; readonly reason: string };

interface Template {
  readonly parameters: PNode | undefined;
  readonly mappings: PNode | undefined;
}

/** Whether a parsed document is a CloudFormation template. */
export function isCloudFormationTemplate(root: PNode): boolean {
  if (root.kind !== 'map') return false;
  if (get(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const resources = get(root, 'Resources');
  return resources?.kind === 'map' && resources.entries.some((e) => scalarString(get(e.value, 'Type'))?.startsWith('AWS::') === true);
}

/** The Lightsail instances of a template. `comments` are the YAML comments (none for JSON). */
export function cloudFormationInstances(file: string, root: PNode, comments: readonly SourceComment[]): VetInstance[] {
  const template: Template = { parameters: get(root, 'Parameters'), mappings: get(root, 'Mappings') };
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'map') return [];
  const out: VetInstance[] = [];
  for (const entry of resources.entries) {
    if (scalarString(get(entry.value, 'Type')) !== 'AWS::Lightsail::Instance') continue;
    const properties = get(entry.value, 'Properties');
    const attrs: Partial<Record<keyof typeof ATTRIBUTES, AttributeValue>> = {};
    for (const [key, name] of Object.entries(ATTRIBUTES) as [keyof typeof ATTRIBUTES, string][]) {
      const prop = getEntry(properties, name);
      if (!prop) continue;
      const outcome = resolve(prop.value, template, 0);
      attrs[key] = outcome.ok
        ? { name, ...prop.keyPos, candidates: uniqueCandidates(outcome.candidates) }
        : { name, ...prop.keyPos, candidates: [], unresolved: outcome.reason };
    }
    out.push({
      file,
      sourceKind: 'cloudformation',
      resource: entry.key,
      ...entry.keyPos,
      endLine: entry.value.endLine,
      ...attrs,
      // AWS::Lightsail::Instance has no IP address type property: its instances are dual-stack.
      ipAddressTypeSettable: false,
      suppressions: [...metadataSuppressions(file, entry.value), ...suppressionsFor(comments, file, entry.keyPos.line, entry.value.endLine)],
    });
  }
  return out;
}

function metadataSuppressions(file: string, resource: PNode): Suppression[] {
  const ignore = get(get(get(resource, 'Metadata'), 'lightsail-compat'), 'ignore');
  if (ignore?.kind !== 'seq') return [];
  return ignore.items.map((item) => {
    const rule = scalarString(get(item, 'rule'));
    const reason = scalarString(get(item, 'reason'))?.trim();
    return { file, ...item.pos, rules: rule !== undefined && rule.trim() !== '' ? [rule.trim()] : [], ...(reason !== undefined && reason !== '' && { reason }) };
  });
}

function unknown(reason: string): Outcome {
  return { ok: false, reason };
}

/** The single intrinsic function of a one-key map (`{ Ref: X }`), if it is one. */
function intrinsic(node: PNode): { name: string; arg: PNode } | undefined {
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const [entry] = node.entries;
  if (!entry || (entry.key !== 'Ref' && entry.key !== 'Condition' && !entry.key.startsWith('Fn::'))) return undefined;
  return { name: entry.key, arg: entry.value };
}

function resolve(node: PNode, template: Template, depth: number): Outcome {
  if (depth > MAX_DEPTH) return unknown('the value nests intrinsic functions too deeply to evaluate');
  if (node.kind === 'scalar') return node.value === null ? unknown('the value is null') : { ok: true, candidates: [{ value: String(node.value) }] };
  const fn = intrinsic(node);
  if (!fn) return unknown(node.kind === 'seq' ? 'the value is a list, not a string' : 'the value is a mapping, not a string');
  switch (fn.name) {
    case 'Ref':
      return resolveRef(scalarString(fn.arg), template);
    case 'Fn::Sub':
      return resolveSub(fn.arg, template, depth);
    case 'Fn::If': {
      if (fn.arg.kind !== 'seq' || fn.arg.items.length !== 3) return unknown('Fn::If needs [condition, value if true, value if false]');
      const a = resolve(fn.arg.items[1]!, template, depth + 1);
      if (!a.ok) return a;
      const b = resolve(fn.arg.items[2]!, template, depth + 1);
      if (!b.ok) return b;
      return { ok: true, candidates: [...a.candidates, ...b.candidates].slice(0, MAX_CANDIDATES) };
    }
    case 'Fn::FindInMap':
      return resolveFindInMap(fn.arg, template, depth);
    case 'Fn::Join': {
      if (fn.arg.kind !== 'seq' || fn.arg.items.length !== 2 || fn.arg.items[1]!.kind !== 'seq') return unknown('Fn::Join needs [delimiter, [values]]');
      const delimiter = scalarString(fn.arg.items[0]) ?? '';
      const parts = (fn.arg.items[1] as PNode & { kind: 'seq' }).items.map((p) => resolve(p, template, depth + 1));
      return combine(parts, delimiter);
    }
    case 'Fn::Select': {
      if (fn.arg.kind !== 'seq' || fn.arg.items.length !== 2) return unknown('Fn::Select needs [index, list]');
      const index = resolve(fn.arg.items[0]!, template, depth + 1);
      const list = fn.arg.items[1]!;
      if (!index.ok || index.candidates.length !== 1 || list.kind !== 'seq') return unknown('Fn::Select over a list known only at deploy time is not evaluated');
      const item = list.items[Number(index.candidates[0]!.value)];
      return item ? resolve(item, template, depth + 1) : unknown('Fn::Select index is out of range');
    }
    case 'Fn::GetAtt': {
      const parts = fn.arg.kind === 'seq' ? fn.arg.items.map((p) => scalarString(p) ?? '?') : [scalarString(fn.arg) ?? '?'];
      return unknown(`Fn::GetAtt ${parts.join('.')} is known only at deploy time`);
    }
    case 'Fn::ImportValue':
      return unknown('Fn::ImportValue is read from another stack at deploy time');
    default:
      return unknown(`${fn.name} is not evaluated`);
  }
}

function resolveRef(name: string | undefined, template: Template): Outcome {
  if (name === undefined) return unknown('Ref needs a name');
  if (name.startsWith('AWS::')) return unknown(`the pseudo parameter ${name} is known only at deploy time`);
  const parameter = get(template.parameters, name);
  if (!parameter) return unknown(`Ref ${name} refers to a resource, known only at deploy time`);
  const candidates: Candidate[] = [];
  const def = scalarString(get(parameter, 'Default'));
  if (def !== undefined) candidates.push({ value: def, origin: `parameter ${name} Default` });
  const allowed = get(parameter, 'AllowedValues');
  if (allowed?.kind === 'seq') {
    for (const item of allowed.items) {
      const v = scalarString(item);
      if (v !== undefined) candidates.push({ value: v, origin: `parameter ${name} AllowedValues` });
    }
  }
  if (candidates.length === 0) return unknown(`parameter ${name} has no Default or AllowedValues; its value is chosen at deploy time`);
  return { ok: true, candidates: candidates.slice(0, MAX_CANDIDATES) };
}

function resolveSub(arg: PNode, template: Template, depth: number): Outcome {
  let text: string | undefined;
  let vars: PNode | undefined;
  if (arg.kind === 'seq') {
    text = scalarString(arg.items[0]);
    vars = arg.items[1];
  } else text = scalarString(arg);
  if (text === undefined) return unknown('Fn::Sub needs a string');
  const parts: Outcome[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    parts.push({ ok: true, candidates: [{ value: text.slice(last, m.index) }] });
    last = m.index + m[0].length;
    const name = (m[1] ?? '').trim();
    if (name.startsWith('!')) {
      parts.push({ ok: true, candidates: [{ value: '${' + name.slice(1) + '}' }] });
      continue;
    }
    const local = get(vars, name);
    if (local) parts.push(resolve(local, template, depth + 1));
    else if (name.includes('.')) parts.push(unknown(`\${${name}} is known only at deploy time`));
    else parts.push(resolveRef(name, template));
  }
  parts.push({ ok: true, candidates: [{ value: text.slice(last) }] });
  return combine(parts, '');
}

function combine(parts: readonly Outcome[], delimiter: string): Outcome {
  let results: Candidate[] = [{ value: '' }];
  parts.forEach((part, i) => {
    if (!results.length) return;
    if (!part.ok) {
      results = [];
      return;
    }
    const next: Candidate[] = [];
    for (const r of results) {
      for (const c of part.candidates) {
        const origin = [r.origin, c.origin].filter((o) => o !== undefined).join(', ');
        next.push({ value: r.value + (i > 0 ? delimiter : '') + c.value, ...(origin !== '' && { origin }) });
      }
    }
    results = next.slice(0, MAX_CANDIDATES + 1);
  });
  const failed = parts.find((p): p is Outcome & { ok: false } => !p.ok);
  if (failed) return failed;
  if (results.length > MAX_CANDIDATES) return unknown(`the value has more than ${MAX_CANDIDATES} possible values`);
  return { ok: true, candidates: results };
}

function resolveFindInMap(arg: PNode, template: Template, depth: number): Outcome {
  if (arg.kind !== 'seq' || arg.items.length < 3) return unknown('Fn::FindInMap needs [map, top-level key, second-level key]');
  const mapName = scalarString(arg.items[0]);
  const map = mapName !== undefined ? get(template.mappings, mapName) : undefined;
  if (map?.kind !== 'map') return unknown(`Fn::FindInMap: there is no mapping ${mapName ?? '(unnamed)'}`);
  const candidates: Candidate[] = [];
  const top = keysOf(arg.items[1]!, map, template, depth);
  for (const topKey of top.keys) {
    const level = get(map, topKey);
    if (level?.kind !== 'map') continue;
    const second = keysOf(arg.items[2]!, level, template, depth);
    for (const secondKey of second.keys) {
      const value = scalarString(get(level, secondKey));
      if (value === undefined) continue;
      const any = top.enumerated || second.enumerated;
      candidates.push({ value, origin: `Mappings ${mapName}/${topKey}/${secondKey}${any ? ', a key known only at deploy time' : ''}` });
    }
  }
  if (candidates.length === 0) return unknown(`Fn::FindInMap ${mapName} has no value for these keys`);
  return { ok: true, candidates: uniqueCandidates(candidates).slice(0, MAX_CANDIDATES) };
}

/** The keys a FindInMap argument can take: its resolved values, or every key of the level. */
function keysOf(node: PNode, level: PMap, template: Template, depth: number): { keys: string[]; enumerated: boolean } {
  const outcome = resolve(node, template, depth + 1);
  if (outcome.ok) return { keys: outcome.candidates.map((c) => c.value), enumerated: false };
  return { keys: level.entries.map((e) => e.key), enumerated: true };
}
