import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const cwd = fixtures;
const BUILTIN_NOTE =
  'Using the built-in catalog (us-east-1, as of 2026-11-27); for your account and region, pass --catalog FILE from `aws lightsail get-bundles` / `get-blueprints` or `lightsail-compat catalog pull`.\n';

describe('catalog validate', () => {
  it('exits 0 for real CLI output, printing notes and a summary', async () => {
    const result = await runInProcess(['catalog', 'validate', 'raw/blueprints-awscli-example-2024-07-e55009b.trimmed.json', 'raw/bundles-awscli-example-2024-07-e55009b.trimmed.json'], { cwd });
    expect(result).toEqual({
      code: 0,
      stdout:
        'raw/bundles-awscli-example-2024-07-e55009b.trimmed.json /bundles/0: info assumed-value: 3 bundles without publicIpv4AddressCount (a catalog from before 2024-01-25): read as 1, dual-stack\n' +
        'valid: 2 files, 3 blueprints and 3 bundles loaded; 0 errors, 0 warnings, 1 note\n',
      stderr: '',
    });
  });

  it('exits 2 and prints every problem with its file and line or pointer', async () => {
    const result = await runInProcess(['catalog', 'validate', 'catalog/wrong-types.json', 'catalog/truncated-bundles.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')).toEqual([
      'catalog/wrong-types.json /bundles/0/price: error invalid-item: bundle nano_3_0: price must be a number, got string "5.0"; the item is left out',
      'catalog/wrong-types.json /bundles/1: info assumed-value: 1 bundle without publicIpv4AddressCount (a catalog from before 2024-01-25): read as 1, dual-stack',
      'catalog/truncated-bundles.json:8:1: error invalid-json: not valid JSON: Expected double-quoted property name',
      'not usable: 2 files, 0 blueprints and 1 bundle loaded; 2 errors, 0 warnings, 1 note',
      '',
    ]);
    expect(result.stderr).toBe('lightsail-compat: 2 errors make the catalog unusable; fix them and validate again\n');
  });

  it('prints the diagnostics and a summary as JSON', async () => {
    const result = await runInProcess(['catalog', 'validate', '--format', 'json', 'catalog/future-platform.json'], { cwd });
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.summary).toEqual({ valid: true, blueprints: 1, bundles: 1, error: 0, warning: 2, info: 0 });
    expect(output.diagnostics.map((d: { pointer: string }) => d.pointer)).toEqual(['/blueprints/0/platform', '/bundles/0/supportedPlatforms/0']);
  });

  it('reads stdin for -', async () => {
    const stdin = readFileSync(join(fixtures, 'catalog/sdk-v3-pages.json'), 'utf8');
    const result = await runInProcess(['catalog', 'validate', '-'], { cwd, stdin });
    expect(result).toEqual({ code: 0, stdout: 'valid: 1 file, 0 blueprints and 2 bundles loaded; 0 errors, 0 warnings, 0 notes\n', stderr: '' });
  });

  it('names a missing file in one line and exits 2', async () => {
    expect(await runInProcess(['catalog', 'validate', 'nope.json'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: nope.json: no such file or directory\n',
    });
  });

  it('refuses a directory where a file is expected', async () => {
    expect((await runInProcess(['catalog', 'validate', 'raw'], { cwd })).stderr).toBe('lightsail-compat: raw: is a directory; expected a catalog file\n');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsc-big-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    // A sparse file: its size is what counts, and it costs no disk.
    const { truncateSync } = await import('node:fs');
    truncateSync(big, 1024 * 1024 * 1024);
    const result = await runInProcess(['catalog', 'validate', big]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`lightsail-compat: ${big}: 1 GiB is larger than the 64 MiB limit for a catalog file; is this the right file?\n`);
  });

  it('asks for at least one file', async () => {
    expect((await runInProcess(['catalog', 'validate'])).stderr).toBe('lightsail-compat: catalog validate needs at least one FILE (`-` for stdin)\n');
  });
});

describe('catalog show', () => {
  it('summarizes the built-in catalog and says it is the built-in one', async () => {
    const result = await runInProcess(['catalog', 'show']);
    expect(result).toEqual({
      code: 0,
      stdout: [
        'Region:     us-east-1',
        'Source:     builtin, as of 2026-11-27',
        'Inputs:     built-in catalog',
        'Blueprints: 36 (32 active, 4 inactive)',
        '  LINUX_UNIX   30 (27 active)',
        '  WINDOWS       6 (5 active)',
        '  by type:  app 21, os 15',
        'Bundles:    26 (23 active, 3 inactive), 8 IPv6-only',
        '  LINUX_UNIX   19 (16 active)',
        '  WINDOWS       7 (7 active)',
        '',
      ].join('\n'),
      stderr: BUILTIN_NOTE,
    });
  });

  it('says the built-in catalog is stale after 90 days', async () => {
    const result = await runInProcess(['catalog', 'show'], { now: new Date('2027-06-01T00:00:00Z') });
    expect(result.stderr).toBe(
      'Using the built-in catalog (us-east-1, as of 2026-11-27), which is 186 days old; for your account and region, pass --catalog FILE from `aws lightsail get-bundles` / `get-blueprints` or `lightsail-compat catalog pull`.\n',
    );
  });

  it('summarizes --catalog files as JSON, without the built-in note', async () => {
    const result = await runInProcess(['catalog', 'show', '--format', 'json', '--catalog', 'raw/bundles-awscli-example-2019-11-ed56f45.trimmed.json', '--catalog', 'raw/blueprints-awscli-example-2019-11-ed56f45.trimmed.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      source: 'merged',
      inputs: ['raw/blueprints-awscli-example-2019-11-ed56f45.trimmed.json', 'raw/bundles-awscli-example-2019-11-ed56f45.trimmed.json'],
      blueprints: { total: 3, active: 3, inactive: 0, byPlatform: { LINUX_UNIX: { total: 3, active: 3 } }, byType: { app: 3 } },
      bundles: { total: 3, active: 3, inactive: 0, byPlatform: { LINUX_UNIX: { total: 3, active: 3 } }, ipv6Only: 0 },
    });
  });

  it('refuses a catalog with errors, printing them, and exits 2', async () => {
    const result = await runInProcess(['catalog', 'show', '--catalog', 'catalog/conflict-a.json', '--catalog', 'catalog/conflict-b.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'catalog/conflict-b.json /bundles/0: error duplicate-conflict: bundle nano_3_0 appears twice with different content, at catalog/conflict-a.json /bundles/0 and at catalog/conflict-b.json /bundles/0 (price: 5 vs 3.5); it is left out until one of them is removed',
      'lightsail-compat: the catalog cannot be used until the errors above are fixed (`lightsail-compat catalog validate catalog/conflict-a.json catalog/conflict-b.json` lists every problem)',
      '',
    ]);
  });
});
