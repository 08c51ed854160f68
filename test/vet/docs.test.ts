import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VET_CHECKS } from '../../src/vet/check-metadata.js';
import type { VetParsers } from '../../src/vet/parsers.js';
import { vetSources } from '../../src/vet/vet-files.js';
import { allParsers, fixtureCatalog, ROOT } from './helpers.js';

/** The file name an example's info string stands for. */
const FILE_FOR_INFO: Readonly<Record<string, string>> = {
  hcl: 'main.tf',
  'yaml (cloudformation)': 'template.yaml',
  'yaml (lightsail-compat config)': 'lightsail-compat.yaml',
};

const HEADINGS = ['## Why', '## Failing example', '## Passing example', '## How to fix'];

/** The fenced blocks of one section: `{ info, code }`. */
function blocks(text: string, heading: string): { info: string; code: string }[] {
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) return [];
  const rest = text.slice(start + heading.length);
  const section = rest.slice(0, rest.search(/\n## |$/));
  return [...section.matchAll(/```([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ info: m[1]!.trim(), code: m[2]! }));
}

let parsers: VetParsers;
beforeAll(async () => {
  parsers = await allParsers();
});

describe('docs/rules pages of the vet checks', () => {
  for (const check of VET_CHECKS) {
    const path = join(ROOT, 'docs', 'rules', `${check.id}.md`);

    it(`${check.id} has a page with the four sections in order`, () => {
      expect(existsSync(path)).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(text.startsWith(`# ${check.id}\n`)).toBe(true);
      expect(HEADINGS.map((h) => text.indexOf(`\n${h}\n`))).toEqual(HEADINGS.map((h) => text.indexOf(`\n${h}\n`)).sort((a, b) => a - b));
      expect(HEADINGS.filter((h) => !text.includes(`\n${h}\n`))).toEqual([]);
      expect(text).toContain(`\`${check.defaultSeverity}\``);
    });

    it(`${check.id}: the failing example triggers the rule and the passing one does not`, () => {
      const text = readFileSync(path, 'utf8');
      const run = (section: string) =>
        blocks(text, section).flatMap(({ info, code }) => {
          const name = FILE_FOR_INFO[info];
          expect(name, `unknown info string ${info}`).toBeDefined();
          const result = vetSources([{ name: name!, text: code, explicit: true }], { catalog: fixtureCatalog(), parsers });
          expect(result.errors).toEqual([]);
          return result.findings;
        });
      const failing = run('## Failing example');
      const passing = run('## Passing example');
      expect(failing.filter((f) => f.ruleId === check.id && !f.suppressed).length).toBeGreaterThan(0);
      expect(passing.filter((f) => f.ruleId === check.id && !f.suppressed)).toEqual([]);
    });
  }
});
