import { beforeAll, describe, expect, it } from 'vitest';
import type { HclParser } from '../../../src/vet/parsers.js';
import { loadVetParsers } from '../../../src/vet/parsers.js';
import { parseHcl, unescapeTemplate } from '../../../src/vet/sources/hcl.js';

let hcl: HclParser;
beforeAll(async () => {
  hcl = (await loadVetParsers(['hcl'])).hcl!;
});

describe('parseHcl', () => {
  it('keeps blocks, labels, attributes and 1-based positions', () => {
    const file = parseHcl(hcl, 'resource "aws_lightsail_instance" "web" {\n  bundle_id = "nano_3_0"\n}\n');
    expect(file.error).toBeUndefined();
    expect(file.body.blocks).toEqual([
      {
        type: 'resource',
        labels: ['aws_lightsail_instance', 'web'],
        line: 1,
        column: 1,
        endLine: 3,
        body: { attributes: [{ name: 'bundle_id', line: 2, column: 3, expr: { type: 'literal', value: 'nano_3_0', pos: { line: 2, column: 15 } } }], blocks: [] },
      },
    ]);
  });

  it('reads traversals with attribute and index steps', () => {
    const file = parseHcl(hcl, 'x = local.sizes["web"].id\n');
    const expr = file.body.attributes[0]!.expr;
    expect(expr).toMatchObject({
      type: 'traversal',
      root: 'local',
      steps: [{ kind: 'attr', name: 'sizes' }, { kind: 'index', key: { type: 'literal', value: 'web' } }, { kind: 'attr', name: 'id' }],
      text: 'local.sizes["web"].id',
    });
  });

  it('splits templates into literal text and interpolated expressions', () => {
    const file = parseHcl(hcl, 'x = "${var.size}_3_0"\n');
    expect(file.body.attributes[0]!.expr).toMatchObject({ type: 'template', parts: [{ type: 'traversal', root: 'var' }, '_3_0'] });
  });

  it('keeps function calls and conditionals as such', () => {
    const file = parseHcl(hcl, 'a = lookup(var.m, "k")\nb = var.big ? "large_3_0" : "nano_3_0"\n');
    expect(file.body.attributes.map((a) => a.expr.type)).toEqual(['call', 'conditional']);
  });

  it('collects comments with their lines', () => {
    const file = parseHcl(hcl, '# one\nx = 1 // two\n/* three\nlines */\n');
    expect(file.comments).toEqual([
      { text: '# one', line: 1, column: 1, endLine: 1 },
      { text: '// two', line: 2, column: 7, endLine: 2 },
      { text: '/* three\nlines */', line: 3, column: 1, endLine: 4 },
    ]);
  });

  it('reports the first syntax error with its position', () => {
    const file = parseHcl(hcl, 'resource "a" "b" {\n  bundle_id = \n}\n');
    expect(file.error).toEqual({ line: 2, column: 3, message: 'syntax error near "bundle_id ="' });
  });

  it('counts columns in UTF-16 code units, as editors do', () => {
    const file = parseHcl(hcl, 'tags = { n = "é😀" }\nbundle_id = "x"\n');
    expect(file.body.attributes[1]).toMatchObject({ line: 2, column: 1 });
    const again = parseHcl(hcl, 'a = "😀" \nb = "x"');
    expect(again.body.attributes.map((a) => a.expr.pos)).toEqual([{ line: 1, column: 5 }, { line: 2, column: 5 }]);
  });
});

describe('unescapeTemplate', () => {
  it('decodes string escapes and template escapes', () => {
    expect(unescapeTemplate('a\\"b\\n\\u00e9$${x}%%{y}')).toBe('a"b\né${x}%{y}');
  });
});
