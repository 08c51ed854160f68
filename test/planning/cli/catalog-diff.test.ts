import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/run-cli.js';
import { PLANNING_FIXTURES } from '../support/planning.js';

const cwd = PLANNING_FIXTURES;

describe('lightsail-compat catalog diff', () => {
  it('exits 1 and prints the differences when the catalogs differ', async () => {
    const result = await runInProcess(['catalog', 'diff', 'small-catalog.json', 'small-catalog-next.json'], { cwd });
    expect([result.code, result.stderr]).toEqual([1, '']);
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      'old: small-catalog.json (test-1, as of 2026-01-01, 6 blueprints, 7 bundles)',
      'new: small-catalog-next.json (test-1, as of 2026-02-01, 7 blueprints, 7 bundles)',
      '',
      'bundles: 1 added, 1 retired, 2 changed',
      '  + medium_1_0  price 24, power 2000, cpuCount 2, ramSizeInGb 4, diskSizeInGb 80, transferPerMonthInGb 4096, supportedPlatforms LINUX_UNIX, supportedAppCategories [], publicIpv4AddressCount 1, isActive true',
    ]);
  });

  it('exits 0 when they are equal', async () => {
    expect(await runInProcess(['catalog', 'diff', 'small-catalog.json', 'small-catalog.json', '--format', 'json'], { cwd })).toMatchObject({ code: 0, stderr: '' });
  });

  it('reads one side from stdin and applies the rule options', async () => {
    const stdin = readFileSync(join(cwd, 'small-catalog-next.json'), 'utf8');
    const result = await runInProcess(['catalog', 'diff', 'small-catalog.json', '-', '--include-inactive', '--format', 'json'], { cwd, stdin });
    const diff = JSON.parse(result.stdout);
    expect([result.code, diff.newName, diff.verdictChanges]).toEqual([
      1,
      '<stdin>',
      [{ blueprintId: 'linux_big', bundleId: 'small_1_0', before: true, after: false, ruleIds: ['power-threshold'] }],
    ]);
  });

  it('prints Markdown', async () => {
    const result = await runInProcess(['catalog', 'diff', 'small-catalog.json', 'small-catalog-next.json', '--format', 'markdown'], { cwd });
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      '# Catalog diff',
      '',
      '- old: small-catalog.json (test-1, as of 2026-01-01, 6 blueprints, 7 bundles)',
      '- new: small-catalog-next.json (test-1, as of 2026-02-01, 7 blueprints, 7 bundles)',
    ]);
  });

  it('exits 2 on a missing argument, a missing file or a broken catalog', async () => {
    expect(await runInProcess(['catalog', 'diff', 'small-catalog.json'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: catalog diff needs an OLD and a NEW catalog file; see `lightsail-compat catalog diff --help`\n',
    });
    expect(await runInProcess(['catalog', 'diff', 'small-catalog.json', 'nope.json'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: nope.json: no such file or directory\n',
    });
    const broken = await runInProcess(['catalog', 'diff', 'small-catalog.json', '../catalog/truncated-bundles.json'], { cwd });
    expect(broken.code).toBe(2);
    expect(broken.stderr.trimEnd().split('\n').at(-1)).toBe(
      'lightsail-compat: ../catalog/truncated-bundles.json: the catalog cannot be compared until the errors above are fixed (`lightsail-compat catalog validate ../catalog/truncated-bundles.json` lists every problem)',
    );
    expect((await runInProcess(['catalog', 'diff', '-', '-'], { cwd })).code).toBe(2);
  });

  it('is listed in the catalog help', async () => {
    expect((await runInProcess(['catalog', '--help'])).stdout).toContain('  diff      compare two catalogs: items added, retired, changed, and verdicts that changed\n');
  });
});
