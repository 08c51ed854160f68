/**
 * HCL as plain data: the tree-sitter syntax tree of a `.tf` or `.tfvars` file converted into
 * blocks, attributes and expressions with positions, then released. The rest of `vet` never
 * sees tree-sitter, so resolution is pure and testable on its own.
 *
 * @module
 */
import type { Node } from 'web-tree-sitter';
import type { SourceComment } from '../suppression.js';
import type { Position } from '../types.js';
import type { HclParser } from '../parsers.js';

/** An HCL expression, reduced to what static resolution can use. */
export type HclExpr =
  | { readonly type: 'literal'; readonly value: string | number | boolean | null; readonly pos: Position }
  | { readonly type: 'template'; readonly parts: readonly (string | HclExpr)[]; readonly pos: Position; readonly text: string }
  | { readonly type: 'traversal'; readonly root: string; readonly steps: readonly HclStep[]; readonly pos: Position; readonly text: string }
  | { readonly type: 'tuple'; readonly items: readonly HclExpr[]; readonly pos: Position; readonly text: string }
  | { readonly type: 'object'; readonly entries: readonly { readonly key: HclExpr; readonly value: HclExpr }[]; readonly pos: Position; readonly text: string }
  | { readonly type: 'conditional'; readonly whenTrue: HclExpr; readonly whenFalse: HclExpr; readonly pos: Position; readonly text: string }
  | { readonly type: 'call'; readonly name: string; readonly pos: Position; readonly text: string }
  | { readonly type: 'other'; readonly what: string; readonly pos: Position; readonly text: string };

/** One step of a traversal: `.name` or `[key]`. */
export type HclStep = { readonly kind: 'attr'; readonly name: string } | { readonly kind: 'index'; readonly key: HclExpr };

/** `name = expression`. */
export interface HclAttribute extends Position {
  readonly name: string;
  readonly expr: HclExpr;
}

/** `type "label" ... { body }`. */
export interface HclBlock extends Position {
  readonly type: string;
  readonly labels: readonly string[];
  readonly endLine: number;
  readonly body: HclBody;
}

/** The attributes and nested blocks of a body, in source order. */
export interface HclBody {
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

/** A parsed file: its body and comments, or where it first fails to parse. */
export interface HclFile {
  readonly body: HclBody;
  readonly comments: readonly SourceComment[];
  /** The first syntax error, when there is one. */
  readonly error?: Position & { readonly message: string };
}

/** Parses HCL text into plain data. Never throws on bad input: syntax errors come back in `error`. */
export function parseHcl(hcl: HclParser, text: string): HclFile {
  const tree = hcl.parser.parse(text);
  if (!tree) return { body: { attributes: [], blocks: [] }, comments: [], error: { line: 1, column: 1, message: 'could not be parsed' } };
  try {
    const root = tree.rootNode;
    // One call into WASM for all comments; walking every node from JavaScript costs far more.
    const comments: SourceComment[] = root.descendantsOfType('comment').flatMap((c) =>
      c ? [{ text: c.text, line: c.startPosition.row + 1, column: c.startPosition.column + 1, endLine: c.endPosition.row + 1 }] : [],
    );
    const error = root.hasError ? firstError(root) : undefined;
    const bodyNode = root.namedChildren.find((c) => c?.type === 'body');
    const body = bodyNode ? convertBody(bodyNode) : { attributes: [], blocks: [] };
    return { body, comments, ...(error && { error }) };
  } finally {
    // The tree lives in WASM memory; release it now rather than at garbage collection.
    tree.delete();
  }
}

function pos(node: Node): Position {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

function firstError(node: Node): (Position & { message: string }) | undefined {
  for (const child of node.children) {
    if (!child) continue;
    if (child.isMissing) return { ...pos(child), message: `syntax error: missing ${JSON.stringify(child.type)}` };
    if (child.type === 'ERROR') {
      const snippet = child.text.split('\n')[0]?.slice(0, 30) ?? '';
      return { ...pos(child), message: `syntax error${snippet !== '' ? ` near ${JSON.stringify(snippet)}` : ''}` };
    }
    if (child.hasError) {
      const inner = firstError(child);
      if (inner) return inner;
    }
  }
  return node.hasError && node.type === 'ERROR' ? { ...pos(node), message: 'syntax error' } : undefined;
}

function convertBody(node: Node): HclBody {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  for (const child of node.namedChildren) {
    if (child?.type === 'attribute') {
      const name = child.namedChildren.find((c) => c?.type === 'identifier');
      const expr = child.namedChildren.find((c) => c?.type === 'expression');
      if (name && expr) attributes.push({ name: name.text, ...pos(child), expr: convertExpr(expr) });
    } else if (child?.type === 'block') {
      const labels: string[] = [];
      let type = '';
      let body: HclBody = { attributes: [], blocks: [] };
      for (const part of child.namedChildren) {
        if (!part) continue;
        if (part.type === 'identifier') {
          if (type === '') type = part.text;
          else labels.push(part.text);
        } else if (part.type === 'string_lit') labels.push(templateLiteralText(part));
        else if (part.type === 'body') body = convertBody(part);
      }
      blocks.push({ type, labels, ...pos(child), endLine: child.endPosition.row + 1, body });
    }
  }
  return { attributes, blocks };
}

/** The text of a `string_lit`, with escapes decoded. */
function templateLiteralText(node: Node): string {
  return node.namedChildren
    .filter((c) => c?.type === 'template_literal')
    .map((c) => unescapeTemplate(c?.text ?? ''))
    .join('');
}

/** Decodes HCL string escapes (`\n`, `\"`, `\uXXXX`) and the template escapes `$${` and `%%{`. */
export function unescapeTemplate(raw: string): string {
  return raw
    .replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/gs, (_m, u4: string | undefined, u8: string | undefined, ch: string | undefined) => {
      if (u4 !== undefined) return String.fromCharCode(parseInt(u4, 16));
      if (u8 !== undefined) {
        const cp = parseInt(u8, 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      switch (ch) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        default:
          return ch ?? '';
      }
    })
    .replaceAll('$${', '${')
    .replaceAll('%%{', '%{');
}

function convertExpr(node: Node): HclExpr {
  const p = pos(node);
  const text = node.text;
  // An `expression` wraps either one term, a term followed by traversal steps, a conditional,
  // or a parenthesized expression.
  const children = node.children.filter((c): c is Node => c !== null && c.type !== 'comment');
  const [first, ...rest] = children;
  if (!first) return { type: 'other', what: 'an empty expression', pos: p, text };
  if (node.type === 'expression' && first.type === '(') {
    const inner = children.find((c) => c.type === 'expression');
    const afterParen = children.slice(children.findIndex((c) => c.type === ')') + 1);
    if (inner && afterParen.length === 0) return convertExpr(inner);
    return { type: 'other', what: 'an expression', pos: p, text };
  }
  if (node.type !== 'expression') return convertTerm(node);
  if (first.type === 'conditional') return convertTerm(first);
  if (rest.length === 0) return convertTerm(first);
  if (first.type !== 'variable_expr') return { type: 'other', what: first.type === 'function_call' ? 'a function call' : 'an expression', pos: p, text };
  const steps: HclStep[] = [];
  for (const step of rest) {
    if (step.type === 'get_attr') {
      const id = step.namedChildren.find((c) => c?.type === 'identifier');
      if (!id) return { type: 'other', what: 'an expression', pos: p, text };
      steps.push({ kind: 'attr', name: id.text });
    } else if (step.type === 'index') {
      const inner = step.namedChildren[0];
      if (inner?.type === 'new_index') {
        const key = inner.namedChildren.find((c) => c?.type === 'expression');
        if (!key) return { type: 'other', what: 'an expression', pos: p, text };
        steps.push({ kind: 'index', key: convertExpr(key) });
      } else if (inner?.type === 'legacy_index') {
        const digits = inner.text.replace(/^\./, '');
        steps.push({ kind: 'index', key: { type: 'literal', value: Number(digits), pos: pos(inner) } });
      } else return { type: 'other', what: 'an expression', pos: p, text };
    } else {
      return { type: 'other', what: 'a splat expression', pos: p, text };
    }
  }
  return { type: 'traversal', root: first.text, steps, pos: p, text };
}

function convertTerm(node: Node): HclExpr {
  const p = pos(node);
  const text = node.text;
  switch (node.type) {
    case 'expression':
      return convertExpr(node);
    case 'literal_value': {
      const inner = node.namedChildren[0];
      if (!inner) return { type: 'other', what: 'a literal', pos: p, text };
      switch (inner.type) {
        case 'string_lit':
          return { type: 'literal', value: templateLiteralText(inner), pos: p };
        case 'numeric_lit':
          return { type: 'literal', value: Number(inner.text), pos: p };
        case 'bool_lit':
          return { type: 'literal', value: inner.text === 'true', pos: p };
        default:
          return { type: 'literal', value: null, pos: p };
      }
    }
    case 'template_expr':
      return convertTemplate(node, p, text);
    case 'variable_expr':
      return { type: 'traversal', root: text, steps: [], pos: p, text };
    case 'collection_value': {
      const inner = node.namedChildren[0];
      if (inner?.type === 'tuple') {
        return { type: 'tuple', items: inner.namedChildren.filter((c): c is Node => c?.type === 'expression').map(convertExpr), pos: p, text };
      }
      if (inner?.type === 'object') {
        const entries = inner.namedChildren
          .filter((c): c is Node => c?.type === 'object_elem')
          .flatMap((elem) => {
            const key = elem.childForFieldName('key');
            const value = elem.childForFieldName('val');
            return key && value ? [{ key: convertExpr(key), value: convertExpr(value) }] : [];
          });
        return { type: 'object', entries, pos: p, text };
      }
      return { type: 'other', what: 'a collection', pos: p, text };
    }
    case 'function_call':
      return { type: 'call', name: node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '', pos: p, text };
    case 'conditional': {
      const exprs = node.namedChildren.filter((c): c is Node => c?.type === 'expression');
      const [, whenTrue, whenFalse] = exprs;
      if (!whenTrue || !whenFalse) return { type: 'other', what: 'a conditional expression', pos: p, text };
      return { type: 'conditional', whenTrue: convertExpr(whenTrue), whenFalse: convertExpr(whenFalse), pos: p, text };
    }
    case 'for_expr':
      return { type: 'other', what: 'a for expression', pos: p, text };
    case 'operation':
      return { type: 'other', what: 'an operator expression', pos: p, text };
    default:
      return { type: 'other', what: 'an expression', pos: p, text };
  }
}

function convertTemplate(node: Node, p: Position, text: string): HclExpr {
  const inner = node.namedChildren[0];
  if (!inner) return { type: 'other', what: 'a template', pos: p, text };
  const parts: (string | HclExpr)[] = [];
  const heredoc = inner.type === 'heredoc_template';
  for (const part of inner.namedChildren) {
    if (!part) continue;
    if (part.type === 'template_literal') parts.push(unescapeTemplate(part.text));
    else if (part.type === 'template_interpolation') {
      const expr = part.namedChildren.find((c) => c?.type === 'expression');
      if (!expr) return { type: 'other', what: 'a template', pos: p, text };
      parts.push(convertExpr(expr));
    } else if (part.type === 'template_directive') {
      return { type: 'other', what: 'a template with directives', pos: p, text };
    }
  }
  // A heredoc's literal keeps its trailing newline; ids never span lines, so this rarely matters.
  if (heredoc) return { type: 'other', what: 'a heredoc', pos: p, text };
  return { type: 'template', parts, pos: p, text };
}
