/**
 * Hostile rule files (test/fixtures/rules/hostile/, plus the ones generated here because of their
 * size) are refused at load with exit 2 and one line naming the file, the rule and what is wrong.
 * None of them reaches jsonpath-plus (a spy on the very module json-rules-engine calls sees no
 * path) and none of their content runs (the global the script payload would set stays unset, and
 * Object.prototype stays clean).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRules, MAX_CONDITION_DEPTH } from '../../src/rules/load-rules.js';
import { OPERATORS } from '../../src/rules/operators.js';
import { runInProcess } from '../helpers/run-cli.js';

const HOSTILE = 'test/fixtures/rules/hostile';
const jsonpathPlus = createRequire(createRequire(import.meta.url).resolve('json-rules-engine'))('jsonpath-plus') as {
  JSONPath: (...args: unknown[]) => unknown;
};
const scratch = mkdtempSync(join(tmpdir(), 'lightsail-compat-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NOT_PLAIN = 'is not a plain member path; write $.member or $.member.member (no filters, wildcards, brackets or scripts)';
const USE_ONE_OF = `use one of ${OPERATORS.join(', ')}`;

/** Each fixture, and what follows its name in the one line it is refused with. */
const REFUSALS: readonly (readonly [file: string, after: string])[] = [
  [
    'script-filter-path.json',
    ` /conditions/all/0/path: error invalid-rule: rule script-filter-path: path "$..[?(@.constructor[( @.getPrototypeOf(@).constructor('g... ${NOT_PLAIN}`,
  ],
  ['redos-path.json', ` /conditions/all/0/path: error invalid-rule: rule redos-path: path "$[?(/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa... ${NOT_PLAIN}`],
  [
    'process-abort-path.json',
    ` /conditions/all/0/path: error invalid-rule: rule process-abort-path: path "$[?('ab'.repeat(100000000).split('').length > 0)]" ${NOT_PLAIN}`,
  ],
  ['proto-path.json', ` /conditions/all/0/path: error invalid-rule: rule proto-path: path "$.__proto__.polluted" ${NOT_PLAIN}`],
  [
    'self-reference.json',
    ' /conditions/all/0/condition: error invalid-rule: rule self-reference: references to named conditions (`condition`) are not allowed; write the condition out',
  ],
  ['unknown-fact.json', ' /conditions/all/0/fact: error invalid-rule: rule unknown-fact: fact must be "blueprint" or "bundle", got "process"'],
  ['unknown-operator.json', ` /conditions/all/0/operator: error invalid-rule: rule unknown-operator: unknown operator "startsWith"; ${USE_ONE_OF}`],
  ['decorator-operator.json', ` /conditions/all/0/operator: error invalid-rule: rule decorator-operator: operator decorators ("not:equal") are not allowed; ${USE_ONE_OF}`],
  ['condition-params.json', ' /conditions/all/0/params: error invalid-rule: rule condition-params: fact params are not supported'],
  ['proto-top-level.json', ': error invalid-rule: rule proto-top-level: unknown member __proto__'],
  ['proto-condition.json', ' /conditions/all/0/__proto__: error invalid-rule: rule proto-condition: unknown member "__proto__" in a condition'],
  ['proto-event-params.json', ' /event/params: error invalid-rule: rule proto-event-params: unknown member __proto__'],
  ['id-clash.json', ' /name: error invalid-rule: rule power-threshold: rule id power-threshold is already taken by a built-in rule; choose another name'],
  ['event-type-error.json', ' /event/type: error invalid-rule: rule event-type-error: type must be "violation", got string "error"'],
  [
    'bad-placeholder.json',
    ' /event/params/message: error invalid-rule: rule bad-placeholder: message has a placeholder that is not {{blueprint.member}} or {{bundle.member}} near "bundle {{bundle.supportedPlatforms[0]}} "',
  ],
];

function ruleText(name: string, conditions: string): string {
  return `{"name":"${name}","conditions":${conditions},"event":{"type":"violation","params":{"severity":"error","title":"Hostile rule","rationale":"A test of the loader.","message":"m"}}}`;
}

let jsonPathCalls: number;
beforeEach(() => {
  jsonPathCalls = 0;
  vi.spyOn(jsonpathPlus, 'JSONPath').mockImplementation(() => {
    jsonPathCalls++;
    throw new Error('jsonpath-plus must never see a rule path');
  });
});
afterEach(() => {
  // Nothing a refused file held may have run or leaked.
  expect(jsonPathCalls).toBe(0);
  expect((globalThis as Record<string, unknown>)['lightsailCompatPwned']).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).filter((n) => n === 'polluted')).toEqual([]);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  vi.restoreAllMocks();
});

describe('check --rules with a hostile rule file', () => {
  it.each(REFUSALS)('refuses %s with exit 2, naming the file, the rule and the problem', async (file, after) => {
    const path = `${HOSTILE}/${file}`;
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', path]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `lightsail-compat: ${path}${after}\n` });
  });

  it('refuses the whole directory, one line per file, in file name order', async () => {
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', HOSTILE]);
    const expected = [...REFUSALS].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, after]) => `lightsail-compat: ${join(HOSTILE, file)}${after}`);
    expect(result).toEqual({ code: 2, stdout: '', stderr: expected.join('\n') + '\n' });
  });

  it('refuses the ReDoS and process-abort paths at once, without evaluating them', async () => {
    const started = performance.now();
    for (const file of ['redos-path.json', 'process-abort-path.json']) {
      expect((await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', `${HOSTILE}/${file}`])).code).toBe(2);
    }
    // jsonpath-plus would take about 2^13 seconds on the first; the loader only reads the string.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it(`refuses 20,000 levels of not, stopping its walk at ${MAX_CONDITION_DEPTH} levels`, async () => {
    const deep = '{"not":'.repeat(20_000) + '{"fact":"bundle","path":"$.power","operator":"equal","value":1}' + '}'.repeat(20_000);
    const path = join(scratch, 'deep-not.json');
    writeFileSync(path, ruleText('deep-not', deep));
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', path]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `lightsail-compat: ${path} /conditions${'/not'.repeat(MAX_CONDITION_DEPTH)}: error invalid-rule: rule deep-not: conditions are nested more than ${MAX_CONDITION_DEPTH} levels deep; flatten them\n`,
    });
  });

  it('refuses a 10 MB file before reading it', async () => {
    const path = join(scratch, 'ten-megabytes.json');
    writeFileSync(path, ruleText('ten-megabytes', `{"all":[{"fact":"bundle","path":"$.power","operator":"in","value":["${'a'.repeat(10 * 1024 * 1024)}"]}]}`));
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', path]);
    // The rule inside cannot be named: the file is refused unread.
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `lightsail-compat: ${path}: 10.0 MiB is larger than the 1 MiB limit for a rule file; is this the right file?\n`,
    });
  });

  it('refuses a rule with more conditions than the limit', async () => {
    const leaves = Array.from({ length: 201 }, () => '{"fact":"bundle","path":"$.power","operator":"equal","value":1}');
    const wide = `{"any":[${Array.from({ length: 5 }, (_, i) => `{"all":[${leaves.slice(i * 40, i * 40 + 40).join(',')}]}`).join(',')},${leaves[200]}]}`;
    const path = join(scratch, 'too-many.json');
    writeFileSync(path, ruleText('too-many', wide));
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', path]);
    // 201 leaves under six groups: the walk stops in the fifth group, where the count passes 200.
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `lightsail-compat: ${path} /conditions/any/4: error invalid-rule: rule too-many: more than 200 conditions in one rule; split it into several rules\n`,
    });
  });

  it('refuses JSON nested 400,000 arrays deep in a value without overflowing the stack', async () => {
    const path = join(scratch, 'deep-value.json');
    writeFileSync(path, ruleText('deep-value', `{"all":[{"fact":"bundle","path":"$.power","operator":"in","value":${'['.repeat(400_000)}${']'.repeat(400_000)}}]}`));
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', path]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `lightsail-compat: ${path} /conditions/all/0/value/0: error invalid-rule: rule deep-value: 0 must be a string, got an array\n`,
    });
  });
});

describe('loadRules with hostile text', () => {
  it('refuses text over the size limit without parsing it', () => {
    const text = ruleText('huge', `{"all":[{"fact":"bundle","path":"$.power","operator":"in","value":["${'a'.repeat(10 * 1024 * 1024)}"]}]}`);
    const parse = vi.spyOn(JSON, 'parse');
    expect(loadRules([{ name: 'huge.json', text }])).toEqual({
      rules: [],
      diagnostics: [
        {
          severity: 'error',
          code: 'invalid-rule',
          source: 'huge.json',
          pointer: '',
          message: 'the file is larger than the 1 MiB limit for a rule file; a rule is a few hundred bytes',
        },
      ],
    });
    expect(parse).not.toHaveBeenCalled();
  });
});
