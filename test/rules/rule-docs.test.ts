/**
 * Rules, their docs and the generated index stay in step: every pair rule in rules/ has a page
 * docs/rules/<id>.md with the four sections, whose failing example really fails with that rule and
 * whose passing example passes (output blocks shown under them must be the real output); every vet
 * check has a page and every page is a rule or a check; the committed index is what
 * src/build/rules-index.mjs generates.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM build script without type declarations.
import { readPairRules, renderRulesIndex, RULES_INDEX_PATH, vetChecksOf } from '../../src/build/rules-index.mjs';
import { BUILTIN_RULE_IDS } from '../../src/rules/builtin-rules.js';
import { RESERVED_RULE_IDS } from '../../src/rules/load-rules.js';
import { runInProcess } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'rules');
const HEADINGS = ['## Why', '## Failing example', '## Passing example', '## How to fix'];
const scratch = mkdtempSync(join(tmpdir(), 'lightsail-compat-rule-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface VetCheckLike {
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: string;
}

// The vet checks, if vet exists in this tree: its registry decides which other pages must exist.
const VET_METADATA = '../../src/vet/check-metadata.js';
const vetChecks: readonly VetCheckLike[] = existsSync(join(ROOT, 'src', 'vet', 'check-metadata.ts'))
  ? ((await import(/* @vite-ignore */ VET_METADATA)) as { VET_CHECKS: readonly VetCheckLike[] }).VET_CHECKS
  : [];

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, json: JSON.parse(readFileSync(join(ROOT, 'rules', name), 'utf8')) as { name: string; event: { params: { severity: string; title: string } } } }));

/** The fenced blocks of one `## ` section, in order. */
function blocks(text: string, heading: string): { info: string; code: string }[] {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const rest = text.slice(start + heading.length + 2);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1]!.trim(), code: m[2]! }));
}

interface Example {
  readonly args: string[];
  readonly shownOutput: string | undefined;
}

/** The `lightsail-compat check ...` command of a section's `sh` block, and the `text` block after it. */
function example(text: string, heading: string): Example {
  const found = blocks(text, heading);
  const sh = found.filter((b) => b.info === 'sh');
  expect(sh, `${heading} has one sh block`).toHaveLength(1);
  const lines = sh[0]!.code.trim().split('\n');
  expect(lines, `${heading}: one command`).toHaveLength(1);
  const words = lines[0]!.split(/\s+/);
  expect(words.slice(0, 2), `${heading}: runs lightsail-compat check`).toEqual(['lightsail-compat', 'check']);
  const after = found.slice(found.indexOf(sh[0]!) + 1).find((b) => b.info === 'text');
  return { args: words.slice(1), shownOutput: after?.code };
}

/** Runs an example; one with `--catalog NAME` runs in a scratch directory holding the page's json catalog as NAME. */
async function run(id: string, text: string, args: readonly string[]) {
  const catalogAt = args.indexOf('--catalog');
  if (catalogAt < 0) return runInProcess(args, { cwd: ROOT });
  const catalogs = HEADINGS.flatMap((h) => blocks(text, h)).filter((b) => b.info === 'json' && b.code.includes('"bundles"'));
  expect(catalogs, `${id}: one json catalog for --catalog`).toHaveLength(1);
  const cwd = join(scratch, id);
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, args[catalogAt + 1]!), catalogs[0]!.code);
  return runInProcess(args, { cwd });
}

describe('pair rule pages', () => {
  it('exist for exactly the built-in rules, which are exactly the files in rules/', () => {
    expect(ruleFiles.map((f) => f.name)).toEqual(ruleFiles.map((f) => `${f.json.name}.json`));
    expect(ruleFiles.map((f) => f.json.name).sort()).toEqual([...BUILTIN_RULE_IDS].sort());
  });

  describe.each(ruleFiles.map((f) => [f.json.name, f.json] as const))('%s', (id, json) => {
    const path = join(DOCS, `${id}.md`);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';

    it('has a page titled with its id, naming its default severity, with exactly the four sections in order', () => {
      expect(existsSync(path)).toBe(true);
      expect(text.split('\n')[0]).toBe(`# ${id}`);
      expect(text).toContain(`Default severity: \`${json.event.params.severity}\``);
      expect(text.match(/^## .*$/gm)).toEqual(HEADINGS);
    });

    it('has a failing example that fails with this rule, and shows its real output', async () => {
      const { args, shownOutput } = example(text, '## Failing example');
      const result = await run(id, text, args);
      expect(result.code).toBe(1);
      if (shownOutput !== undefined) expect(result.stdout).toBe(shownOutput);
      const verdict = JSON.parse((await run(id, text, [...args, '--format', 'json'])).stdout) as { violations: { ruleId: string; severity: string }[] };
      expect(verdict.violations).toContainEqual(expect.objectContaining({ ruleId: id, severity: 'error' }));
    });

    it('has a passing example that passes, and shows its real output', async () => {
      const { args, shownOutput } = example(text, '## Passing example');
      const result = await run(id, text, args);
      expect(result.code).toBe(0);
      if (shownOutput !== undefined) expect(result.stdout).toBe(shownOutput);
      const verdict = JSON.parse((await run(id, text, [...args, '--format', 'json'])).stdout) as { violations: { ruleId: string }[] };
      expect(verdict.violations.map((v) => v.ruleId)).not.toContain(id);
    });
  });
});

describe('vet check pages', () => {
  it('exist for every vet check, and every page in docs/rules is a pair rule or a vet check', () => {
    const pages = readdirSync(DOCS)
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => name.slice(0, -3))
      .sort();
    expect(pages).toEqual([...BUILTIN_RULE_IDS, ...vetChecks.map((c) => c.id)].sort());
  });

  it('name ids a rule file may not take, so a policy rule cannot shadow a check', () => {
    // Regression: region-catalog was a vet check but not reserved, so `--rules` accepted a rule
    // named region-catalog, whose findings vet's own would then be mistaken for.
    expect(vetChecks.map((c) => c.id).filter((id) => !RESERVED_RULE_IDS.has(id))).toEqual([]);
  });
});

describe(`the index ${RULES_INDEX_PATH}`, () => {
  it('is what src/build/rules-index.mjs generates from rules/ and the vet checks', () => {
    const generated = (renderRulesIndex as (p: unknown, v: unknown) => string)((readPairRules as (root: string) => unknown)(ROOT), (vetChecksOf as (c: unknown) => unknown)(vetChecks));
    expect(readFileSync(join(ROOT, RULES_INDEX_PATH as string), 'utf8')).toBe(generated);
  });

  it('links every page and names each rule with its severity and title', () => {
    const index = readFileSync(join(ROOT, RULES_INDEX_PATH as string), 'utf8');
    for (const { json } of ruleFiles) {
      expect(index).toContain(`| [${json.name}](${json.name}.md) | ${json.event.params.severity} | ${json.event.params.title.replaceAll('|', '\\|')} | pair rule |`);
    }
    for (const check of vetChecks) expect(index).toContain(`| [${check.id}](${check.id}.md) | ${check.defaultSeverity} |`);
  });
});
