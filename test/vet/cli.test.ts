import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';
import { ROOT } from './helpers.js';

const CATALOG = ['--catalog', 'test/fixtures/vet/catalogs/us-east-1.json'];
const ALL = ['test/fixtures/vet/terraform', 'test/fixtures/vet/plan', 'test/fixtures/vet/cloudformation', 'test/fixtures/vet/config'];
const run = (args: readonly string[]) => runInProcess(['vet', ...args], { cwd: ROOT });

const scratch = mkdtempSync(join(tmpdir(), 'vet-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lightsail-compat vet', () => {
  it('prints its help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: lightsail-compat vet [PATH...] [options]');
  });

  it('matches the JSON snapshot over every fixture kind', async () => {
    const result = await run([...ALL, ...CATALOG, '--var-file', 'test/fixtures/vet/terraform/ci.tfvars', '--format', 'json']);
    expect(result.code).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/fixtures.json');
  });

  it('matches the SARIF snapshot over every fixture kind', async () => {
    const result = await run([...ALL, ...CATALOG, '--format', 'sarif']);
    expect(result.code).toBe(1);
    // The tool version changes with every release; the snapshot pins everything else.
    const log = result.stdout.replace(/("name": "lightsail-compat",\n\s+"version": )"[^"]*"/, '$1"(package version)"');
    expect(log).not.toBe(result.stdout);
    await expect(log).toMatchFileSnapshot('__snapshots__/fixtures.sarif');
  });

  it('prints file:line:col severity rule-id message lines in text', async () => {
    const result = await run(['test/fixtures/vet/cloudformation/api.template.json', ...CATALOG]);
    expect(result).toEqual({
      code: 1,
      stdout:
        'test/fixtures/vet/cloudformation/api.template.json:17:9 error power-threshold Api: bundle nano_3_0 has power 298; openclaw_ls_1_0 needs at least 1000 (parameter Size AllowedValues) (cheapest compatible bundle: small_3_0, $12.00/month)\n' +
        '1 error, 0 warnings, 0 notes, 0 suppressed: 1 resource in 1 file\n',
      stderr: '',
    });
  });

  it('exits 0 when nothing reaches --fail-on, and 1 when a warning does with --fail-on warning', async () => {
    writeFileSync(join(scratch, 'lightsail-compat.yaml'), 'instances:\n  # lightsail-compat-ignore power-threshold\n  - name: a\n    blueprint: wordpress\n    bundle: nano_3_0\n');
    const catalog = ['--catalog', join(ROOT, CATALOG[1]!)];
    const byDefault = await runInProcess(['vet', '.', ...catalog], { cwd: scratch });
    expect(byDefault).toEqual({
      code: 0,
      stdout:
        'lightsail-compat.yaml:2:3 warning suppression-without-reason a: suppression of power-threshold gives no reason; add one after a colon: `lightsail-compat-ignore power-threshold: why this is acceptable`\n' +
        '0 errors, 1 warning, 0 notes, 0 suppressed: 1 resource in 1 file\n',
      stderr: '',
    });
    expect((await runInProcess(['vet', '.', ...catalog, '--fail-on', 'warning'], { cwd: scratch })).code).toBe(1);
    expect((await run(['test/fixtures/vet/terraform', ...CATALOG, '--fail-on', 'none'])).code).toBe(0);
  });

  it('is an input error (exit 2) naming the file and position when a file cannot be parsed', async () => {
    expect(await run(['test/fixtures/vet/broken/syntax-error.tf', ...CATALOG])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: test/fixtures/vet/broken/syntax-error.tf:3:3: error parse-error: not valid HCL: syntax error near "bundle_id    ="\n',
    });
    const yaml = await run(['test/fixtures/vet/broken/bad-template.yaml', ...CATALOG]);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/^lightsail-compat: test\/fixtures\/vet\/broken\/bad-template\.yaml:7:7: error parse-error: not valid YAML: /);
  });

  it('refuses a named file of no known kind, and a directory with no candidate files', async () => {
    expect((await run(['README.md', ...CATALOG])).stderr).toBe(
      'lightsail-compat: README.md:1:1: error unsupported-file: not a Terraform file (.tf, .tfvars), a Terraform plan (terraform show -json), a CloudFormation template or a lightsail-compat config\n',
    );
    mkdirSync(join(scratch, 'empty'), { recursive: true });
    const empty = await runInProcess(['vet', 'empty'], { cwd: scratch });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty: no Terraform, Terraform plan, CloudFormation or lightsail-compat config files found');
  });

  it('sends a plain variables file to --var-file', async () => {
    const result = await run(['test/fixtures/vet/terraform/ci.tfvars']);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('pass it with --var-file') });
  });

  it('rejects bad flag values as usage errors', async () => {
    expect((await run(['--format', 'xml'])).stderr).toBe('lightsail-compat: --format "xml": expected one of text, json, sarif, junit, github, markdown\n');
    expect((await run(['--fail-on', 'warn'])).code).toBe(2);
    expect((await run(['--unknown', 'info'])).code).toBe(2);
  });

  it('checks each of --regions against that region’s catalog file', async () => {
    const result = await run([
      'test/fixtures/vet/config',
      '--catalog',
      'test/fixtures/vet/catalogs/us-east-1.json',
      '--catalog',
      'test/fixtures/vet/catalogs/ap-south-1.json',
      '--regions',
      'us-east-1,ap-south-1',
      '--format',
      'json',
    ]);
    const findings = JSON.parse(result.stdout).findings as { ruleId: string; resource: string; region?: string; suppressed: boolean }[];
    expect(findings.filter((f) => f.ruleId === 'unknown-bundle').map((f) => [f.resource, f.region])).toEqual([
      ['mumbai-web', 'ap-south-1'],
      ['v6-api', 'ap-south-1'],
    ]);
    expect(new Set(findings.filter((f) => f.ruleId === 'access-protocol').map((f) => f.region))).toEqual(new Set(['us-east-1', 'ap-south-1']));
  });

  it('renders every format without throwing', async () => {
    for (const format of ['text', 'junit', 'github', 'markdown']) {
      const result = await run([...ALL, ...CATALOG, '--format', format]);
      expect(result.code).toBe(1);
      expect(result.stdout.length).toBeGreaterThan(100);
    }
  });
});

describe('lightsail-compat vet FILE.tf', () => {
  it('resolves a named file with the rest of its module but reports only that file', async () => {
    const result = await run(['test/fixtures/vet/terraform/main.tf', ...CATALOG, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { findings: { file: string; ruleId: string; message: string }[]; summary: { filesScanned: number } };
    expect(report.summary.filesScanned).toBe(1);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['test/fixtures/vet/terraform/main.tf']));
    expect(report.findings.find((f) => f.ruleId === 'power-threshold' && f.message.includes('micro_win_3_0'))?.message).toBe(
      'bundle micro_win_3_0 has power 500; windows_server_2019_sql_2016_express needs at least 1000 (var.reports_bundle from test/fixtures/vet/terraform/terraform.tfvars:2)',
    );
  });
});

describe('lightsail-compat vet --rule for vet checks', () => {
  it('turns a vet check off and changes another one\'s severity, after --unknown', async () => {
    const config = join(scratch, 'rule-overrides');
    mkdirSync(config, { recursive: true });
    writeFileSync(
      join(config, 'lightsail-compat.yaml'),
      'instances:\n  - name: win\n    blueprint: windows_server_2022\n    bundle: small_win_3_0\n    keyPair: ops\n  - name: typo\n    blueprint: wordpress\n    bundle: nano_3_O\n',
    );
    const catalog = ['--catalog', join(ROOT, CATALOG[1]!)];
    const plain = await runInProcess(['vet', '.', ...catalog, '--format', 'json'], { cwd: config });
    expect(JSON.parse(plain.stdout).findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([
      ['windows-password-retrieval', 'info'],
      ['unknown-bundle', 'error'],
    ]);
    const overridden = await runInProcess(
      ['vet', '.', ...catalog, '--format', 'json', '--unknown', 'error', '--rule', 'windows-password-retrieval=off', '--rule', 'unknown-bundle=warning'],
      { cwd: config },
    );
    expect(overridden.code).toBe(0);
    expect(JSON.parse(overridden.stdout).findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([['unknown-bundle', 'warning']]);
  });
});
