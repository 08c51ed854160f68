import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, type CliResult } from '../../helpers/run-cli.js';
import { PLANNING_FIXTURES } from '../support/planning.js';

// recommend, matrix and catalog diff under random arguments and mangled catalog files: the only
// outcomes allowed are exit 0, 1 or 2, and exit 2 ends with a line that says why. Never a stack
// trace, never an internal error.

const work = mkdtempSync(join(tmpdir(), 'lsc-planning-fuzz-'));
const realCatalogs = ['small-catalog.json', 'small-catalog-next.json', 'hostile-ids.json'].map((f) => readFileSync(join(PLANNING_FIXTURES, f), 'utf8'));
let counter = 0;
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(content: string): string {
  const path = join(work, `f${counter++}.json`);
  writeFileSync(path, content);
  return path;
}

const catalogContent = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...realCatalogs) },
  fc.tuple(fc.constantFrom(...realCatalogs), fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
  fc.tuple(fc.constantFrom(...realCatalogs), fc.nat(), fc.string({ maxLength: 3 })).map(([text, at, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + 1);
  }),
  fc.json(),
);

const value = fc.oneof(
  fc.constantFrom('lots', '-1', '0', '1', '2.5', '1e400', 'NaN', '', 'LINUX_UNIX', 'WINDOWS', 'os', 'app', 'price', 'ram', 'price-per-gb', 'linux_app', 'nano_1_0', 'html', 'csv', 'json', 'markdown', 'table', 'text'),
  fc.string({ maxLength: 8 }),
);
const valued = fc.constantFrom(
  '--blueprint', '--bundle', '--platform', '--type', '--min-cpu', '--min-ram', '--min-disk', '--min-transfer', '--max-price', '--like', '--sort', '--limit', '--format', '--rule',
);
const bare = fc.constantFrom('--ipv6-only', '--dual-stack', '--desc', '--all', '--cheapest-per-blueprint', '--include-inactive', '--bogus', '-x');
const flags = fc.array(fc.oneof(fc.tuple(valued, value).map(([f, v]) => [f, v]), bare.map((f) => [f])), { maxLength: 5 });

function assertWellBehaved(args: readonly string[], result: CliResult): void {
  const context = `lightsail-compat ${args.join(' ')}\n--- stderr ---\n${result.stderr}`;
  expect([0, 1, 2], context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  expect(result.stderr, context).not.toContain('internal error');
  if (result.code === 2) expect(result.stderr.trimEnd().split('\n').at(-1)!.length, context).toBeGreaterThan(0);
}

describe('the planning commands under random input', () => {
  it('recommend and matrix exit 0, 1 or 2 with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('recommend', 'matrix'), flags, catalogContent, async (command, flagList, content) => {
        const args = [command, '--catalog', file(content), ...flagList.flat()];
        assertWellBehaved(args, await runInProcess(args));
      }),
      { numRuns: 150 },
    );
  });

  it('catalog diff exits 0, 1 or 2 with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(catalogContent, catalogContent, flags, async (a, b, flagList) => {
        const args = ['catalog', 'diff', file(a), file(b), ...flagList.flat()];
        assertWellBehaved(args, await runInProcess(args));
      }),
      { numRuns: 100 },
    );
  });
});
