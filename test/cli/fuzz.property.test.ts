import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInProcess, type CliResult } from '../helpers/run-cli.js';

// Drives the CLI entry points with random and malformed files and arguments. The only outcomes
// allowed are exit 0, 1 or 2; exit 2 must end with one line that says why; nothing may print a
// stack trace or report an internal error.

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'lsc-fuzz-'));
const realFiles = [
  'raw/bundles-awscli-example-2024-07-e55009b.trimmed.json',
  'raw/blueprints-awscli-example-2024-07-e55009b.trimmed.json',
  'raw/bundles-awsdocs-devguide-2017-pre-platform-2db47f1.json',
  'catalog/sdk-v3-pages.json',
  'catalog/future-platform.json',
].map((f) => readFileSync(join(fixtures, f), 'utf8'));

let counter = 0;
/** Writes content to a fresh file in the work folder and returns its path. */
function file(content: string | Uint8Array, extension = '.json'): string {
  const path = join(work, `f${counter++}${extension}`);
  writeFileSync(path, content);
  return path;
}

/** Random file contents: JSON, truncated or mutated real catalogs, text, bytes. */
const fileContent = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify({ bundles: [v], blueprints: v })),
  fc.tuple(fc.constantFrom(...realFiles), fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
  fc.tuple(fc.constantFrom(...realFiles), fc.nat(), fc.string({ maxLength: 3 })).map(([text, at, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + 1);
  }),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }),
);

const id = fc.oneof(fc.constantFrom('wordpress', 'nano_3_0', 'windows_server_2019_sql_2016_express', 'micro_win_3_0', 'nano_ipv6_3_0', ''), fc.string({ maxLength: 12 }));
const flagValue = fc.oneof(fc.constantFrom('text', 'json', 'lots', '-1', '0', '1e400', 'NaN', '', '=', 'off', 'error'), fc.string({ maxLength: 8 }));
const ruleSetting = fc.oneof(fc.constantFrom('power-threshold=off', 'platform-match=warning', 'nope=error', 'bundle-active=loud', 'x'), fc.string({ maxLength: 10 }));

/** A command line: a command, ids, flags with values (some malformed), and files. */
const commandLine = fc.tuple(
  fc.constantFrom<string[]>(['check'], ['catalog', 'validate'], ['catalog', 'show'], ['rules', 'list'], ['rules', 'show'], ['catalog'], ['rules'], ['vet']),
  fc.array(id, { maxLength: 3 }),
  fc.array(
    fc.oneof(
      fc.tuple(fc.constantFrom('--format', '--catalog', '--rules', '--rule', '--include-inactive', '--bogus', '-x', '--', '--fail-on', '--unknown', '--var-file'), flagValue),
      fc.tuple(fc.constant('--rule'), ruleSetting),
    ),
    { maxLength: 3 },
  ),
  fc.array(fileContent, { maxLength: 2 }),
  fc.boolean(),
);

function assertWellBehaved(args: readonly string[], result: CliResult): void {
  const context = `lightsail-compat ${args.join(' ')}\n--- stderr ---\n${result.stderr}`;
  expect([0, 1, 2], context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  expect(result.stderr, context).not.toContain('internal error');
  if (result.code === 2) {
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[lines.length - 1]!.length, context).toBeGreaterThan(0);
  }
}

describe('the CLI under random input', () => {
  it('exits 0, 1 or 2 with a reason, never a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, async ([command, ids, flags, contents, asCatalog]) => {
        const paths = contents.map((c) => file(c));
        const args = [...command, ...ids];
        for (const [name, value] of flags) args.push(name, value);
        for (const path of paths) args.push(...(asCatalog || command[0] !== 'catalog' ? ['--catalog', path] : [path]));
        if (command[1] === 'validate') args.push(...paths);
        if (command[0] === 'vet') {
          // vet reads infrastructure files: the same random contents under names of every kind it knows.
          for (const content of contents) args.push(file(content, '.tf'), file(content, '.yaml'), file(content, '.tfvars'));
        }
        assertWellBehaved(args, await runInProcess(args));
      }),
      { numRuns: 150 },
    );
  });

  it('loads random rule files without crashing: refused with exit 2 or used', async () => {
    const ruleContent = fc.oneof(
      fileContent,
      fc.jsonValue().map((conditions) => JSON.stringify({ name: 'fuzz-rule', conditions, event: { type: 'violation', params: { severity: 'error', title: 't', rationale: 'r', message: 'm' } } })),
    );
    await fc.assert(
      fc.asyncProperty(ruleContent, async (content) => {
        const args = ['check', 'wordpress', 'nano_3_0', '--rules', file(content)];
        const result = await runInProcess(args);
        assertWellBehaved(args, result);
      }),
      { numRuns: 100 },
    );
  });
});
