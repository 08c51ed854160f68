/**
 * The reference path runs rule files through json-rules-engine. These tests pin that it always
 * does so with the restricted path resolver (jsonpath-plus never sees a rule's path, in this module
 * or any other that builds an engine) and with one engine per run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRules } from '../../src/rules/load-rules.js';
import { runReferenceEngine } from '../../src/rules/reference-engine.js';
import type { RuleFile } from '../../src/rules/load-rules.js';
import { blueprint, bundle, loadValidRules, ruleJson } from './support/rules.js';

// The very module object json-rules-engine requires: it calls `_jsonpathPlus.JSONPath(...)`
// through it at run time, so a spy here sees every path the engine hands to jsonpath-plus.
const jsonpathPlus = createRequire(createRequire(import.meta.url).resolve('json-rules-engine'))('jsonpath-plus') as { JSONPath: (...args: unknown[]) => unknown };

const wordpress = blueprint('wordpress');
const nano = bundle('nano_3_0', { power: 298 });

describe('runReferenceEngine', () => {
  let jsonPathCalls: unknown[][];
  beforeEach(() => {
    jsonPathCalls = [];
    const original = jsonpathPlus.JSONPath;
    vi.spyOn(jsonpathPlus, 'JSONPath').mockImplementation((...args: unknown[]) => {
      jsonPathCalls.push(args);
      return original(...args);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports a rule the pairing breaks as fired and one it keeps as passed', async () => {
    const [rule] = loadValidRules([ruleJson('needs-micro', { all: [{ fact: 'bundle', path: '$.power', operator: 'lessThan', value: 500 }] })]);
    expect(await runReferenceEngine(rule!.json, wordpress, nano)).toBe('fired');
    expect(await runReferenceEngine(rule!.json, wordpress, bundle('micro_3_0', { power: 500 }))).toBe('passed');
  });

  it('reports the error the run rejects with, such as `in` against a number', async () => {
    const [rule] = loadValidRules([ruleJson('in-number', { all: [{ fact: 'blueprint', path: '$.minPower', operator: 'in', value: { fact: 'bundle', path: '$.power' } }] })]);
    expect(await runReferenceEngine(rule!.json, wordpress, nano)).toEqual({ error: 'TypeError: b.indexOf is not a function' });
  });

  it('never hands a path to jsonpath-plus, while an engine with the default resolver does (the spy works)', async () => {
    const file = ruleJson('power-read', { all: [{ fact: 'bundle', path: '$.power', operator: 'lessThan', value: { fact: 'blueprint', path: '$.minPower' } }] });
    const [rule] = loadValidRules([file]);
    expect(await runReferenceEngine(rule!.json, wordpress, nano)).toBe('passed');
    expect(jsonPathCalls).toEqual([]);

    const unrestricted = new Engine([structuredClone(file) as never]);
    await unrestricted.run({ blueprint: wordpress, bundle: nano });
    expect(jsonPathCalls.map(([options]) => (options as { path: string }).path).sort()).toEqual(['$.minPower', '$.power']);
  });

  it('fails a rule whose path is valid jsonpath outside the plain grammar, which jsonpath-plus would have resolved', async () => {
    // Such a rule never loads; it reaches the engine here only because the test skips the loader.
    const file = ruleJson('first-platform', { all: [{ fact: 'bundle', path: '$.supportedPlatforms[0]', operator: 'equal', value: 'LINUX_UNIX' }] });
    expect(loadRules([{ name: 'first-platform.json', text: JSON.stringify(file) }]).diagnostics.map((d) => d.message)).toEqual([
      'rule first-platform: path "$.supportedPlatforms[0]" is not a plain member path; write $.member or $.member.member (no filters, wildcards, brackets or scripts)',
    ]);
    expect(await runReferenceEngine(file as unknown as RuleFile, wordpress, nano)).toEqual({
      error: 'Error: path "$.supportedPlatforms[0]" is outside the allowed grammar $.member(.member)*',
    });
    expect(jsonPathCalls).toEqual([]);
    // What the engine's default resolver would have made of it:
    const unrestricted = new Engine([structuredClone(file) as never]);
    expect((await unrestricted.run({ blueprint: wordpress, bundle: nano })).results.map((r) => r.name)).toEqual(['first-platform']);
  });

  it('leaves the rule it is given unchanged (the engine rewrites priorities on its input)', async () => {
    const [rule] = loadValidRules([ruleJson('prioritized', { all: [{ fact: 'bundle', path: '$.power', operator: 'equal', value: 1, priority: 3 }], priority: 2 })]);
    const before = JSON.stringify(rule!.json);
    await runReferenceEngine(rule!.json, wordpress, nano);
    expect(JSON.stringify(rule!.json)).toBe(before);
  });

  it('gives every run its own engine: 300 overlapping runs all report the rule', async () => {
    // Runs overlapping on one shared engine silently skip rules (the engine's status is shared).
    const [rule] = loadValidRules([ruleJson('always', { all: [{ fact: 'bundle', path: '$.power', operator: 'greaterThan', value: 0 }] })]);
    const outcomes = await Promise.all(Array.from({ length: 300 }, () => runReferenceEngine(rule!.json, wordpress, nano)));
    expect(new Set(outcomes)).toEqual(new Set(['fired']));
  });
});

describe('engines built anywhere in src/', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });
  }

  it('are all given the restricted path resolver', () => {
    const constructions = sourceFiles('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new Engine\(([^;]*?)\);/gs)].map((m) => ({ file, args: m[1]! })),
    );
    expect(constructions.length).toBeGreaterThan(0);
    for (const { file, args } of constructions) {
      expect({ file, restricted: /pathResolver:\s*restrictedPathResolver\b/.test(args) }).toEqual({ file, restricted: true });
    }
  });
});
