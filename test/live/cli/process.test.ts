// The built CLI in a child process, for what only a real process shows: warnings Node prints
// itself, and the SDK's own credential chain reading a real (temporary) HOME. `npm test` builds
// dist/ first.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paged, signedAccessKey, signedRegion, startFakeLightsail, type FakeLightsail } from '../../helpers/lightsail-server.js';
import { US_EAST_1_BLUEPRINT_PAGES, US_EAST_1_BUNDLE_PAGES, tempDir } from '../fixtures.js';

const BIN = new URL('../../../dist/cli/bin.js', import.meta.url).pathname;

let server: FakeLightsail | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the variables given (plus PATH), so nothing from the developer's AWS setup leaks in. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A HOME whose only AWS setup is what the test writes, with instance metadata turned off. */
function isolatedHome(): { home: string; env: Record<string, string> } {
  const home = tempDir();
  return { home, env: { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), AWS_EC2_METADATA_DISABLED: 'true' } };
}

async function serve(): Promise<FakeLightsail> {
  server = await startFakeLightsail({ GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES), GetBundles: paged('bundles', US_EAST_1_BUNDLE_PAGES) });
  return server;
}

describe('the CLI process', () => {
  it('keeps the SDK warning about Node versions off stderr', async () => {
    const s = await serve();
    const { env } = isolatedHome();
    const run = await cli(['catalog', 'pull', '--region', 'us-east-1', '--endpoint', s.url], { ...env, AWS_ACCESS_KEY_ID: 'AKIDPROCESS', AWS_SECRET_ACCESS_KEY: 'x' });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^us-east-1: 4 blueprints and 4 bundles \(4 pages\), fetched \d{4}-\d\d-\d\dT[\d:.]+Z; cached\n$/);
  });

  it('shows that warning, on Node before 22, when the user asks for it (the control)', async () => {
    const s = await serve();
    const { env } = isolatedHome();
    const run = await cli(['catalog', 'pull', '--region', 'us-east-1', '--endpoint', s.url], {
      ...env,
      AWS_ACCESS_KEY_ID: 'AKIDPROCESS',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false',
    });
    expect(run.code).toBe(0);
    expect(run.stderr.includes('NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)')).toBe(Number(process.versions.node.split('.')[0]) < 22);
  });

  it('reads credentials and region of --profile from the shared files in HOME', async () => {
    const s = await serve();
    const { home, env } = isolatedHome();
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'credentials'), '[ci]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = profile-secret\n');
    writeFileSync(join(home, '.aws', 'config'), '[profile ci]\nregion = eu-west-3\n');
    const run = await cli(['catalog', 'pull', '--profile', 'ci', '--endpoint', s.url, '--format', 'json'], env);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((JSON.parse(run.stdout) as { regions: { region: string }[] }).regions.map((r) => r.region)).toEqual(['eu-west-3']);
    expect(new Set(s.requests.map((r) => `${signedAccessKey(r)} ${signedRegion(r)}`))).toEqual(new Set(['AKIDFROMPROFILE eu-west-3']));
  });

  it('says in one line, without a stack trace, that no credentials were found', async () => {
    const s = await serve();
    const { env } = isolatedHome();
    const run = await cli(['catalog', 'pull', '--region', 'us-east-1', '--endpoint', s.url], env);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'lightsail-compat: no AWS credentials found (checked env, shared config/profile `default`, SSO, instance role); run `aws configure` or set AWS_PROFILE\n',
    });
    expect(s.requests).toEqual([]);
  });

  it('names a profile that does not exist', async () => {
    const s = await serve();
    const { env } = isolatedHome();
    const run = await cli(['catalog', 'pull', '--region', 'us-east-1', '--profile', 'nope', '--endpoint', s.url], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lightsail-compat: no AWS credentials found \(checked env, shared config\/profile `nope`, SSO, instance role\); run `aws configure` or set AWS_PROFILE( \(.*nope.*\))?\n$/);
  });
});
