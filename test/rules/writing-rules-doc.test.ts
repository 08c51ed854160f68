/**
 * docs/writing-rules.md says true things: its example rule is the tested fixture, the output it
 * shows is the real output, its operator table lists exactly the operators rule files may use, its
 * limits are the loader's, and the refusal it shows is the real one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONDITION_DEPTH, MAX_CONDITIONS, MAX_RULE_FILE_BYTES } from '../../src/rules/load-rules.js';
import { OPERATORS } from '../../src/rules/operators.js';
import { MAX_PATH_LENGTH } from '../../src/rules/path.js';
import { runInProcess } from '../helpers/run-cli.js';

const GUIDE = readFileSync('docs/writing-rules.md', 'utf8');
const FIXTURE = 'test/fixtures/rules/policies/price-ceiling.json';
const scratch = mkdtempSync(join(tmpdir(), 'lightsail-compat-writing-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function section(heading: string): string {
  const start = GUIDE.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = GUIDE.slice(start + heading.length + 2);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

function fenced(text: string, info: string): string[] {
  return [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === info).map((m) => m[2]!);
}

function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('|---'))
    .slice(1)
    .map((line) => line.slice(2, -2).split(' | '));
}

describe('docs/writing-rules.md', () => {
  const first = section('## A first rule: a price ceiling');

  it('shows the price-ceiling fixture as its first example, byte for byte', () => {
    expect(fenced(first, 'json')).toEqual([readFileSync(FIXTURE, 'utf8')]);
  });

  it('shows the real output of checking against it', async () => {
    const [command] = fenced(first, 'sh');
    expect(command).toBe('lightsail-compat check wordpress xlarge_3_0 --rules price-ceiling.json\n');
    const result = await runInProcess(['check', 'wordpress', 'xlarge_3_0', '--rules', FIXTURE]);
    expect(result.code).toBe(1);
    expect([result.stdout]).toEqual(fenced(first, 'text'));
  });

  it('has a --rule example that really lowers the rule to a warning', async () => {
    const [command] = fenced(section('## Severities and switching rules off'), 'sh');
    expect(command).toBe('lightsail-compat check wordpress xlarge_3_0 --rules price-ceiling.json --rule price-ceiling=warning\n');
    const result = await runInProcess(['check', 'wordpress', 'xlarge_3_0', '--rules', FIXTURE, '--rule', 'price-ceiling=warning']);
    expect([result.code, result.stdout]).toEqual([
      0,
      'wordpress on xlarge_3_0: compatible\n  warning  price-ceiling  bundle xlarge_3_0 costs $84 a month, above the $50 ceiling\n',
    ]);
  });

  it('lists exactly the operators rule files may use, in order', () => {
    expect(tableRows(section('## Operators')).map(([operator]) => operator)).toEqual(OPERATORS.map((o) => `\`${o}\``));
  });

  it('states the limits the loader enforces', () => {
    const limits = Object.fromEntries(tableRows(section('## Limits')).map(([what, limit]) => [what, limit]));
    expect(limits).toEqual({
      'rule file': `${MAX_RULE_FILE_BYTES / 1024 / 1024} MiB`,
      'nesting of conditions': `${MAX_CONDITION_DEPTH} levels (the top counts as 1)`,
      'conditions in one rule': `${MAX_CONDITIONS}`,
      'conditions in one `all` or `any`': '50',
      '`path`': `8 members, ${MAX_PATH_LENGTH} characters`,
      'literal string': '500 characters',
      'literal array': '100 items',
      'rule files in one `--rules` directory': '1,000',
    });
    const schema = JSON.parse(readFileSync('schemas/rule.schema.json', 'utf8')) as { definitions: Record<string, { properties?: Record<string, { maxItems?: number }>; anyOf?: { maxLength?: number; maxItems?: number }[] }> };
    expect([schema.definitions['all']!.properties!['all']!.maxItems, schema.definitions['any']!.properties!['any']!.maxItems]).toEqual([50, 50]);
    expect(schema.definitions['scalar']!.anyOf![0]!.maxLength).toBe(500);
    expect(schema.definitions['value']!.anyOf![1]!.maxItems).toBe(100);
  });

  it('shows the real refusal of a rule with a path outside the grammar', async () => {
    const [shown] = fenced(section('## Why rules are restricted'), 'text');
    mkdirSync(join(scratch, 'policies'));
    writeFileSync(
      join(scratch, 'policies', 'fast.json'),
      JSON.stringify({
        name: 'fast',
        conditions: { all: [{ fact: 'bundle', path: '$.tags[0]', operator: 'equal', value: 'fast' }] },
        event: { type: 'violation', params: { severity: 'error', title: 'Fast', rationale: 'Fast.', message: 'fast' } },
      }),
    );
    expect(await runInProcess(['check', 'wordpress', 'nano_3_0', '--rules', 'policies/fast.json'], { cwd: scratch })).toEqual({ code: 2, stdout: '', stderr: shown });
  });
});
