/**
 * Loading rule files: what a valid file becomes, the limits (exactly at and one past each), and a
 * diagnostic for every kind of mistake that names the file, the rule, where and what is wrong.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { BUILTIN_RULE_IDS } from '../../src/rules/builtin-rules.js';
import { loadRules, MAX_CONDITION_DEPTH, MAX_CONDITIONS, RESERVED_RULE_IDS } from '../../src/rules/load-rules.js';
import { PLAIN_PARAMS, ruleJson } from './support/rules.js';

const LEAF = { fact: 'bundle', path: '$.power', operator: 'equal', value: 1 };

function load(file: unknown, name = 'rule.json') {
  return loadRules([{ name, text: typeof file === 'string' ? file : JSON.stringify(file) }], { source: 'user', existingIds: BUILTIN_RULE_IDS });
}

function refusal(pointer: string | undefined, message: string, source = 'rule.json'): { rules: []; diagnostics: Diagnostic[] } {
  return { rules: [], diagnostics: [{ severity: 'error', code: 'invalid-rule', message, source, ...(pointer !== undefined && { pointer }) }] };
}

/** `not` nested so that the whole condition tree is `levels` deep (the root counts as 1). */
function nested(levels: number): unknown {
  let node: unknown = LEAF;
  for (let i = 1; i < levels; i++) node = { not: node };
  return node;
}

describe('loadRules', () => {
  it('turns a valid file into a frozen definition with its metadata and a parsed message', () => {
    const file = ruleJson(
      'price-ceiling',
      { any: [{ fact: 'bundle', path: '$.price', operator: 'greaterThan', value: 50, priority: 2, name: 'too dear' }, { not: LEAF }], priority: 3 },
      { ...PLAIN_PARAMS, severity: 'warning', message: 'bundle {{ bundle.bundleId }} costs {{bundle.price}}', docsUrl: 'https://example.com/price' },
    );
    const { rules, diagnostics } = load(file, 'policies/price.json');
    expect(diagnostics).toEqual([]);
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect({ ...rule, conditions: undefined }).toEqual({
      id: 'price-ceiling',
      severity: 'warning',
      title: PLAIN_PARAMS.title,
      rationale: PLAIN_PARAMS.rationale,
      message: ['bundle ', { fact: 'bundle', members: ['bundleId'] }, ' costs ', { fact: 'bundle', members: ['price'] }],
      docsUrl: 'https://example.com/price',
      source: 'user',
      file: 'policies/price.json',
      json: file,
      conditions: undefined,
    });
    expect(Object.isFrozen(rule!.json.conditions)).toBe(true);
    expect(rule!.conditions.kind).toBe('any');
    expect(rule!.conditions.priority).toBe(3);
    expect(rule!.conditions.facts).toBe(2);
  });

  it(`accepts conditions exactly ${MAX_CONDITION_DEPTH} levels deep and refuses one level more`, () => {
    expect(load(ruleJson('deep', nested(MAX_CONDITION_DEPTH))).diagnostics).toEqual([]);
    expect(load(ruleJson('deep', nested(MAX_CONDITION_DEPTH + 1)))).toEqual(
      refusal(`/conditions${'/not'.repeat(MAX_CONDITION_DEPTH)}`, `rule deep: conditions are nested more than ${MAX_CONDITION_DEPTH} levels deep; flatten them`),
    );
  });

  it(`accepts exactly ${MAX_CONDITIONS} conditions and refuses one more`, () => {
    // The root, four groups of 48 leaves (197 nodes), and three or four more leaves: 200 or 201 nodes.
    const groups = (extra: number) => [...Array.from({ length: 4 }, () => ({ all: Array.from({ length: 48 }, () => LEAF) })), ...Array.from({ length: extra }, () => LEAF)];
    expect(load(ruleJson('wide', { any: groups(3) })).diagnostics).toEqual([]);
    expect(load(ruleJson('wide', { any: groups(4) }))).toEqual(refusal('/conditions/any/7', `rule wide: more than ${MAX_CONDITIONS} conditions in one rule; split it into several rules`));
  });

  it('refuses an id another file already took, naming that file, and keeps the first', () => {
    const text = JSON.stringify(ruleJson('price-ceiling', { all: [LEAF] }));
    const { rules, diagnostics } = loadRules([
      { name: 'a.json', text },
      { name: 'b.json', text },
    ]);
    expect(rules.map((r) => r.file)).toEqual(['a.json']);
    expect(diagnostics).toEqual(refusal('/name', 'rule price-ceiling: rule id price-ceiling is already taken by a.json; choose another name', 'b.json').diagnostics);
  });

  it.each([...RESERVED_RULE_IDS])('refuses the id %s, which belongs to a vet check', (id) => {
    expect(load(ruleJson(id, { all: [LEAF] }))).toEqual(refusal('/name', `rule ${id}: rule id ${id} is already taken by a check of \`vet\`; choose another name`));
  });

  it('loads the good files of a batch and reports the bad ones', () => {
    const { rules, diagnostics } = loadRules([
      { name: 'good.json', text: JSON.stringify(ruleJson('good', { all: [LEAF] })) },
      { name: 'bad.json', text: '{' },
    ]);
    expect(rules.map((r) => r.id)).toEqual(['good']);
    expect(diagnostics.map((d) => d.source)).toEqual(['bad.json']);
  });

  it.each([
    ['malformed JSON, with where', '{\n  "name": "x",\n  oops\n}', { line: 3, column: 3, message: 'not valid JSON: Expected double-quoted property name' }],
    ['an empty file', '', { line: 1, column: 1, message: 'the file is empty; expected JSON' }],
  ])('reports %s', (_, text, expected) => {
    expect(load(text).diagnostics).toEqual([{ severity: 'error', code: 'invalid-rule', source: 'rule.json', ...expected }]);
  });

  it.each([
    ['a file that is not one rule object', [ruleJson('x', { all: [LEAF] })], '', 'a rule file must hold one rule: a JSON object with name, conditions and event'],
    ['a missing event', { name: 'x', conditions: { all: [LEAF] } }, '', 'rule x: missing required member event'],
    ['a rule-level onSuccess, which json-rules-engine would reject', { ...ruleJson('x', { all: [LEAF] }), onSuccess: 'f' }, '', 'rule x: unknown member onSuccess'],
    ['an id that is not lowercase words', ruleJson('Bad Name', { all: [LEAF] }), '/name', 'rule Bad Name: name must match pattern "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"'],
    ['a rule priority below 1', { ...ruleJson('x', { all: [LEAF] }), priority: 0 }, '/priority', 'rule x: priority must be >= 1'],
    ['a leaf at the top of conditions', ruleJson('x', LEAF), '/conditions', 'rule x: the top of conditions must be all, any or not'],
    ['two boolean operators in one condition', ruleJson('x', { all: [], any: [] }), '/conditions', 'rule x: a condition may have only one of all, any and not (found all, any)'],
    ['all that is not an array', ruleJson('x', { all: {} }), '/conditions/all', 'rule x: all must be an array of conditions'],
    ['a condition without a value', ruleJson('x', { all: [{ fact: 'bundle', operator: 'equal' }] }), '/conditions/all/0', 'rule x: a condition needs a value'],
    [
      'a literal object value',
      ruleJson('x', { all: [{ ...LEAF, value: { a: 1 } }] }),
      '/conditions/all/0/value',
      'rule x: an object value must be a fact reference { "fact": "blueprint" | "bundle", "path"?: "$.member" }',
    ],
    ['an unknown member in a fact reference', ruleJson('x', { all: [{ ...LEAF, value: { fact: 'bundle', params: {} } }] }), '/conditions/all/0/value/params', 'rule x: unknown member "params" in a fact reference'],
    ['a fact reference to another fact', ruleJson('x', { all: [{ ...LEAF, value: { fact: 'region' } }] }), '/conditions/all/0/value/fact', 'rule x: fact must be "blueprint" or "bundle", got "region"'],
    [
      'a jsonpath in a fact reference',
      ruleJson('x', { all: [{ ...LEAF, value: { fact: 'bundle', path: '$.a[0]' } }] }),
      '/conditions/all/0/value/path',
      'rule x: path "$.a[0]" is not a plain member path; write $.member or $.member.member (no filters, wildcards, brackets or scripts)',
    ],
    ['a string priority, which json-rules-engine would keep as a string', ruleJson('x', { all: [{ ...LEAF, priority: '7' }] }), '/conditions/all/0/priority', 'rule x: priority must be an integer, got string "7"'],
    ['a fractional priority', ruleJson('x', { all: [{ ...LEAF, priority: 1.5 }] }), '/conditions/all/0/priority', 'rule x: priority must be an integer, got number 1.5'],
    ['an object in a literal array', ruleJson('x', { all: [{ ...LEAF, value: [1, { a: 1 }] }] }), '/conditions/all/0/value/1', 'rule x: 1 must be a string, got an object'],
    ['an unknown severity', ruleJson('x', { all: [LEAF] }, { ...PLAIN_PARAMS, severity: 'fatal' }), '/event/params/severity', 'rule x: severity must be one of "error", "warning", "info", got string "fatal"'],
    ['an empty title', ruleJson('x', { all: [LEAF] }, { ...PLAIN_PARAMS, title: '' }), '/event/params/title', 'rule x: title must not be empty'],
    ['a docs URL that is not https', ruleJson('x', { all: [LEAF] }, { ...PLAIN_PARAMS, docsUrl: 'http://example.com' }), '/event/params/docsUrl', 'rule x: docsUrl must match pattern "^https://"'],
    [
      'a placeholder of an unknown fact',
      ruleJson('x', { all: [LEAF] }, { ...PLAIN_PARAMS, message: 'in {{region.name}}' }),
      '/event/params/message',
      'rule x: message has a placeholder that is not {{blueprint.member}} or {{bundle.member}} near "in {{region.name}}"',
    ],
  ])('names the problem in %s', (_, file, pointer, message) => {
    expect(load(file)).toEqual(refusal(pointer, message));
  });

  it('reports a too-long string value once, as too long, not also as "must be a number" from the other branches', () => {
    // Regression: every branch of the value schema used to be reported, so a 501-character string
    // was also said to need to be a number.
    expect(load(ruleJson('x', { all: [{ ...LEAF, value: 'a'.repeat(501) }] }))).toEqual(
      refusal('/conditions/all/0/value', 'rule x: value must NOT have more than 500 characters'),
    );
  });

  it('still reports a plain wrong type', () => {
    expect(load(ruleJson('x', { all: [LEAF] }, { ...PLAIN_PARAMS, title: 5 }))).toEqual(refusal('/event/params/title', 'rule x: title must be a string, got number 5'));
  });

  it('compiles priorities as json-rules-engine reads them: 1 for a node that has none', () => {
    const [rule] = load(ruleJson('x', { all: [LEAF, { ...LEAF, priority: 5 }, { not: LEAF }] })).rules;
    const root = rule!.conditions;
    expect(root.kind === 'all' && root.children.map((c) => c.priority)).toEqual([1, 5, 1]);
    expect(root.kind === 'all' && root.groups.map((g) => g.length)).toEqual([1, 2]);
  });
});
