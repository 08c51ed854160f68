/**
 * JSON and YAML documents as one positioned tree, so CloudFormation, plans and the config are
 * read the same way whatever the syntax. YAML short-form intrinsics (`!Ref X`) become the long
 * form (`{ Ref: X }`), as CloudFormation itself reads them.
 *
 * @module
 */
import type { Document as YamlDocument, LineCounter, Node as YamlNode } from 'yaml';
import type { Position } from '../types.js';
import type { JsonModule, YamlModule } from '../parsers.js';

/** A node of a parsed document, with the position of its first character. */
export type PNode = PMap | PSeq | PScalar;

interface PBase {
  /** Where it starts. */
  readonly pos: Position;
  /** Its last line. */
  readonly endLine: number;
}

/** A mapping; keys keep their order, and the last of duplicate keys wins in {@link get}. */
export interface PMap extends PBase {
  readonly kind: 'map';
  readonly entries: readonly PEntry[];
}

/** One key of a mapping. */
export interface PEntry {
  /** The key as a string. */
  readonly key: string;
  /** Where the key starts. */
  readonly keyPos: Position;
  /** Its value. */
  readonly value: PNode;
}

/** A sequence. */
export interface PSeq extends PBase {
  readonly kind: 'seq';
  readonly items: readonly PNode[];
}

/** A scalar. */
export interface PScalar extends PBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
}

/** Why a document could not be read, and where. */
export interface ParseFailure extends Position {
  /** One line. */
  readonly message: string;
}

/** A parsed document or why not. */
export type ParseOutcome = { readonly ok: true; readonly root: PNode } | { readonly ok: false; readonly error: ParseFailure };

/** The value of `key` in a map (the last one, as JSON.parse and CloudFormation read duplicates). */
export function get(node: PNode | undefined, key: string): PNode | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i]!.value;
  return undefined;
}

/** The entry of `key` in a map (the last one). */
export function getEntry(node: PNode | undefined, key: string): PEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i];
  return undefined;
}

/** A scalar's value as a string, or `undefined` for collections and null. */
export function scalarString(node: PNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** Converts the node to a plain value (for schema validation). Maps become null-prototype-free objects. */
export function toPlain(node: PNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      // defineProperty keeps "__proto__" an ordinary member.
      for (const e of node.entries) Object.defineProperty(out, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
  }
}

/** The node a JSON Pointer designates, or the deepest one on its way. */
export function nodeAtPointer(root: PNode, pointer: string): PNode {
  let current = root;
  if (pointer === '') return current;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const next = current.kind === 'map' ? get(current, key) : current.kind === 'seq' ? current.items[Number(key)] : undefined;
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Parses JSON with positions (momoa). */
export function parseJsonPositioned(json: JsonModule, text: string): ParseOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc;
  try {
    doc = json.parse(body, { mode: 'json' });
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number };
    const message = String(e.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
    return { ok: false, error: { message: body.trim() === '' ? 'the file is empty' : message, line: e.line ?? 1, column: e.column ?? 1 } };
  }
  return { ok: true, root: fromMomoa(doc.body) };
}

type MomoaNode = ReturnType<JsonModule['parse']>['body'];

function fromMomoa(node: MomoaNode): PNode {
  const pos = { line: node.loc.start.line, column: node.loc.start.column };
  const endLine = node.loc.end.line;
  switch (node.type) {
    case 'Object':
      return {
        kind: 'map',
        pos,
        endLine,
        entries: node.members.map((m) => ({
          key: m.name.type === 'String' ? m.name.value : m.name.name,
          keyPos: { line: m.name.loc.start.line, column: m.name.loc.start.column },
          value: fromMomoa(m.value),
        })),
      };
    case 'Array':
      return { kind: 'seq', pos, endLine, items: node.elements.map((e) => fromMomoa(e.value)) };
    case 'String':
    case 'Number':
    case 'Boolean':
      return { kind: 'scalar', pos, endLine, value: node.value };
    case 'Null':
      return { kind: 'scalar', pos, endLine, value: null };
    default:
      // json5 node kinds (Identifier, NaN, Infinity) cannot occur in mode 'json'.
      return { kind: 'scalar', pos, endLine, value: null };
  }
}

/** CloudFormation's short-form intrinsic tags, and the long form each stands for. */
export const CFN_SHORT_FORMS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!FindInMap': 'Fn::FindInMap',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!ForEach': 'Fn::ForEach',
};

/** Limits that keep a hostile YAML file (alias bombs) from taking unbounded time. */
const MAX_YAML_NODES = 200_000;

/** Parses YAML with positions; CloudFormation short-form tags are read as their long forms. */
export function parseYamlPositioned(yaml: YamlModule, text: string): ParseOutcome {
  const lineCounter = new yaml.LineCounter();
  const customTags = Object.keys(CFN_SHORT_FORMS).flatMap((tag) => [
    { tag, resolve: (value: string) => value },
    { tag, collection: 'seq' as const, resolve: (value: unknown) => value as never },
    { tag, collection: 'map' as const, resolve: (value: unknown) => value as never },
  ]);
  let doc: YamlDocument.Parsed;
  try {
    doc = yaml.parseDocument(text, { lineCounter, customTags, prettyErrors: false, uniqueKeys: true, strict: false });
  } catch (error) {
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error), line: 1, column: 1 } };
  }
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    return { ok: false, error: { message: first.message.split('\n')[0] ?? 'invalid YAML', line: at.line, column: at.col } };
  }
  const budget = { nodes: 0 };
  try {
    const root = doc.contents ? fromYaml(yaml, doc, doc.contents, lineCounter, budget, 0) : undefined;
    if (!root) return { ok: false, error: { message: 'the file is empty', line: 1, column: 1 } };
    return { ok: true, root };
  } catch (error) {
    if (error instanceof YamlLimitError) return { ok: false, error: { message: error.message, line: error.line, column: error.column } };
    throw error;
  }
}

class YamlLimitError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function fromYaml(
  yaml: YamlModule,
  doc: YamlDocument.Parsed,
  node: YamlNode,
  lc: LineCounter,
  budget: { nodes: number },
  depth: number,
): PNode {
  const start = node.range?.[0] ?? 0;
  const at = lc.linePos(start);
  const pos = { line: at.line, column: at.col };
  if (++budget.nodes > MAX_YAML_NODES || depth > 200) {
    throw new YamlLimitError('the document is too large or too deeply nested (aliases expand to too many nodes)', pos.line, pos.column);
  }
  const endLine = lc.linePos(Math.max(start, (node.range?.[1] ?? start) - 1)).line;
  let result: PNode;
  if (yaml.isAlias(node)) {
    const target = node.resolve(doc);
    result = target ? fromYaml(yaml, doc, target, lc, budget, depth + 1) : { kind: 'scalar', pos, endLine, value: null };
    return { ...result, pos, endLine };
  } else if (yaml.isMap(node)) {
    const entries: PEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const keyAt = keyNode?.range ? lc.linePos(keyNode.range[0]) : at;
      const key = keyNode && yaml.isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const valueNode = pair.value as YamlNode | null;
      const value: PNode = valueNode
        ? fromYaml(yaml, doc, valueNode, lc, budget, depth + 1)
        : { kind: 'scalar', pos: { line: keyAt.line, column: keyAt.col }, endLine: keyAt.line, value: null };
      // `<<: *base` merge keys are left as ordinary keys; CloudFormation does not support them.
      entries.push({ key, keyPos: { line: keyAt.line, column: keyAt.col }, value });
    }
    result = { kind: 'map', pos, endLine, entries };
  } else if (yaml.isSeq(node)) {
    result = { kind: 'seq', pos, endLine, items: node.items.map((item) => fromYaml(yaml, doc, item as YamlNode, lc, budget, depth + 1)) };
  } else if (yaml.isScalar(node)) {
    const v = node.value;
    // Other scalar values (binary, big integers) are no ids: read them as null.
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : null;
    result = { kind: 'scalar', pos, endLine, value };
  } else {
    result = { kind: 'scalar', pos, endLine, value: null };
  }
  const tag = node.tag;
  const longForm = tag !== undefined ? CFN_SHORT_FORMS[tag] : undefined;
  if (longForm === undefined) return result;
  let value = result;
  // `!GetAtt Res.Attr` is the short form of `Fn::GetAtt: [Res, Attr]`.
  if (longForm === 'Fn::GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
    const dot = value.value.indexOf('.');
    const parts = dot < 0 ? [value.value] : [value.value.slice(0, dot), value.value.slice(dot + 1)];
    value = { kind: 'seq', pos, endLine, items: parts.map((p) => ({ kind: 'scalar' as const, pos, endLine, value: p })) };
  }
  return { kind: 'map', pos, endLine, entries: [{ key: longForm, keyPos: pos, value }] };
}
