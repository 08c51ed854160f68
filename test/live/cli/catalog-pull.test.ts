import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { always, byRegion, failFirst, paged, signedRegion, startFakeLightsail, tokenLoop, type FakeLightsail, type Handler } from '../../helpers/lightsail-server.js';
import { runInProcess } from '../../helpers/run-cli.js';
import { AP_SOUTH_1_BUNDLE_PAGES, US_EAST_1_BLUEPRINT_PAGES, US_EAST_1_BUNDLE_PAGES, liveEnv, tempDir } from '../fixtures.js';

let server: FakeLightsail | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const US_EAST_1 = { GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES), GetBundles: paged('bundles', US_EAST_1_BUNDLE_PAGES) };

async function serve(handlers: Record<string, Handler> = US_EAST_1): Promise<FakeLightsail> {
  server = await startFakeLightsail(handlers);
  return server;
}

/** Runs `catalog pull` against the fake server with a fresh HOME; returns the result and the HOME. */
async function pull(s: FakeLightsail, args: string[], options: { home?: string; env?: Record<string, string | undefined>; isTTY?: boolean } = {}) {
  const home = options.home ?? tempDir();
  const result = await runInProcess(['catalog', 'pull', '--endpoint', s.url, ...args], {
    cwd: home,
    env: { ...liveEnv(home), ...options.env },
    ...(options.isTTY !== undefined && { isTTY: options.isTTY }),
  });
  return { ...result, home };
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe('catalog pull', () => {
  it('pulls the default region into the cache and says what it got', async () => {
    const s = await serve();
    const { code, stdout, stderr, home } = await pull(s, []);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('us-east-1: 4 blueprints and 4 bundles (4 pages), fetched 2026-11-27T12:00:00.000Z; cached\n');
    const cached = readJson(join(home, 'cache', 'lightsail-compat', 'catalog-us-east-1.json'));
    expect(cached).toMatchObject({ kind: 'lightsail-compat/catalog', formatVersion: 1, region: 'us-east-1', source: 'live', fetchedAt: '2026-11-27T12:00:00.000Z' });
    expect((cached['bundles'] as { bundleId: string }[]).map((b) => b.bundleId)).toEqual(['micro_3_0', 'nano_3_0', 'nano_win_3_0', 'small_3_0']);
  });

  it('writes --out FILE as a normalized catalog file that the other commands load', async () => {
    const s = await serve();
    const { code, stdout, home } = await pull(s, ['--region', 'us-east-1', '--out', 'us.json']);
    expect(code).toBe(0);
    expect(stdout).toBe('us-east-1: 4 blueprints and 4 bundles (4 pages), fetched 2026-11-27T12:00:00.000Z; wrote us.json, cached\n');
    const file = readJson(join(home, 'us.json'));
    expect(file).toEqual(readJson(join(home, 'cache', 'lightsail-compat', 'catalog-us-east-1.json')));
    expect(Object.keys(file)).toEqual(['kind', 'formatVersion', 'region', 'source', 'fetchedAt', 'notes', 'blueprints', 'bundles']);
    const show = await runInProcess(['catalog', 'show', '--catalog', join(home, 'us.json'), '--format', 'json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ region: 'us-east-1', source: 'live', fetchedAt: '2026-11-27T12:00:00.000Z' });
    expect(show.stderr).toBe('');
  });

  it('pulls several regions into one <region>.json each under the --out directory', async () => {
    const s = await serve({
      GetBlueprints: byRegion({ 'us-east-1': US_EAST_1.GetBlueprints, 'ap-south-1': US_EAST_1.GetBlueprints }),
      GetBundles: byRegion({ 'us-east-1': US_EAST_1.GetBundles, 'ap-south-1': paged('bundles', AP_SOUTH_1_BUNDLE_PAGES) }),
    });
    const { code, stdout, home } = await pull(s, ['--region', 'us-east-1,ap-south-1', '--out', 'catalogs', '--format', 'json']);
    expect(code).toBe(0);
    expect(readdirSync(join(home, 'catalogs')).sort()).toEqual(['ap-south-1.json', 'us-east-1.json']);
    const ap = readJson(join(home, 'catalogs', 'ap-south-1.json'));
    expect([ap['region'], (ap['bundles'] as { bundleId: string }[]).map((b) => b.bundleId)]).toEqual(['ap-south-1', ['micro_3_1', 'nano_3_1', 'small_3_1']]);
    const cacheDir = join(home, 'cache', 'lightsail-compat');
    expect(JSON.parse(stdout)).toEqual({
      regions: [
        {
          region: 'us-east-1',
          fetchedAt: '2026-11-27T12:00:00.000Z',
          blueprints: 4,
          bundles: 4,
          pages: { blueprints: 2, bundles: 2 },
          file: join('catalogs', 'us-east-1.json'),
          cache: join(cacheDir, 'catalog-us-east-1.json'),
          diagnostics: [],
        },
        {
          region: 'ap-south-1',
          fetchedAt: '2026-11-27T12:00:00.000Z',
          blueprints: 4,
          bundles: 3,
          pages: { blueprints: 2, bundles: 1 },
          file: join('catalogs', 'ap-south-1.json'),
          cache: join(cacheDir, 'catalog-ap-south-1.json'),
          diagnostics: [],
        },
      ],
    });
    expect(new Set(s.requests.map(signedRegion))).toEqual(new Set(['us-east-1', 'ap-south-1']));
  });

  it('writes no file at all when one of several regions fails, and says why in one line', async () => {
    const s = await serve({
      GetBlueprints: US_EAST_1.GetBlueprints,
      GetBundles: byRegion({ 'us-east-1': US_EAST_1.GetBundles, 'eu-west-1': always({ error: 'AccessDeniedException', message: 'not authorized to perform: lightsail:GetBundles' }) }),
    });
    const { code, stdout, stderr, home } = await pull(s, ['--region', 'us-east-1', '--region', 'eu-west-1', '--out', 'catalogs']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'lightsail-compat: access denied to GetBundles in eu-west-1: the credentials need the IAM permission `lightsail:GetBundles` ' +
        '(AWS said: not authorized to perform: lightsail:GetBundles) (no catalog file was written)\n',
    );
    expect(existsSync(join(home, 'catalogs'))).toBe(false);
  });

  it('leaves an existing --out file untouched and no temporary file behind when the pull fails', async () => {
    const s = await serve({ GetBlueprints: US_EAST_1.GetBlueprints, GetBundles: tokenLoop('bundles', []) });
    const home = tempDir();
    mkdirSync(join(home, 'out'));
    writeFileSync(join(home, 'out', 'us.json'), 'previous');
    const { code, stderr } = await pull(s, ['--out', 'out/us.json'], { home });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'lightsail-compat: GetBundles in us-east-1 returned the page token "again" twice (page 2); stopped to avoid looping forever (no catalog file was written)\n',
    );
    expect(readdirSync(join(home, 'out'))).toEqual(['us.json']);
    expect(readFileSync(join(home, 'out', 'us.json'), 'utf8')).toBe('previous');
  });

  it('prints the catalog itself with --out -, and the summary on stderr', async () => {
    const s = await serve();
    const { code, stdout, stderr } = await pull(s, ['--out', '-']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'lightsail-compat/catalog', region: 'us-east-1', source: 'live' });
    expect(stderr).toBe('us-east-1: 4 blueprints and 4 bundles (4 pages), fetched 2026-11-27T12:00:00.000Z; cached\n');
  });

  it('caches the inactive and LfR listings under their own keys', async () => {
    const s = await serve();
    const home = tempDir();
    await pull(s, ['--include-inactive'], { home });
    await pull(s, ['--app-category', 'LfR'], { home });
    expect(readdirSync(join(home, 'cache', 'lightsail-compat')).sort()).toEqual(['catalog-us-east-1-inactive.json', 'catalog-us-east-1-lfr.json']);
    expect(s.calls('GetBundles').map((r) => r.body)).toEqual([
      { includeInactive: true },
      { includeInactive: true, pageToken: 'page-1' },
      { appCategory: 'LfR' },
      { appCategory: 'LfR', pageToken: 'page-1' },
    ]);
  });

  it('retries a transient 500 and a throttled request, counted at the server', async () => {
    const s = await serve({
      GetBlueprints: failFirst(1, { status: 400, error: 'ThrottlingException', message: 'Rate exceeded' }, US_EAST_1.GetBlueprints),
      GetBundles: failFirst(1, { status: 500, error: 'ServiceException', message: 'try again' }, US_EAST_1.GetBundles),
    });
    const { code } = await pull(s, []);
    expect(code).toBe(0);
    expect([s.calls('GetBlueprints').length, s.calls('GetBundles').length]).toEqual([3, 3]);
  });

  it('says no credentials were found, in one line, when there are none', async () => {
    const s = await serve();
    const { code, stdout, stderr } = await pull(s, [], { env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } });
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'lightsail-compat: no AWS credentials found (checked env, shared config/profile `default`, SSO, instance role); run `aws configure` or set AWS_PROFILE\n',
    });
    expect(s.requests).toEqual([]);
  });

  it('names the endpoint that refuses connections', async () => {
    const s = await serve();
    const url = s.url;
    await s.close();
    server = undefined;
    const home = tempDir();
    const { code, stderr } = await runInProcess(['catalog', 'pull', '--endpoint', url, '--region', 'us-east-1'], { env: liveEnv(home) });
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^lightsail-compat: cannot reach ${url} for (GetBlueprints|GetBundles) in us-east-1: connection refused after 4 attempts\\n$`));
  });

  it('shows progress on a terminal and nothing extra when stderr is not one', async () => {
    const s = await serve();
    const tty = await pull(s, ['--region', 'us-east-1'], { isTTY: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('\r\x1b[Kpulling us-east-1: ');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    const plain = await pull(s, ['--region', 'us-east-1']);
    expect(plain.stderr).toBe('');
  });

  it('refuses bad usage before calling AWS', async () => {
    const s = await serve();
    const cases = [
      [['--region', 'us-east-1,eu-west-1', '--out', '-'], 'lightsail-compat: --out - prints one catalog; with several regions, name a directory\n'],
      [['--region', 'US East'], 'lightsail-compat: --region "US East": not a region name (expected something like us-east-1)\n'],
      [['--app-category', 'research'], 'lightsail-compat: --app-category "research": expected one of LfR\n'],
      [['--out', 'missing/dir/us.json'], 'lightsail-compat: --out missing/dir/us.json: the directory missing/dir does not exist\n'],
      [['--endpoint', 'localhost:9'], 'lightsail-compat: --endpoint "localhost:9": expected an http:// or https:// URL\n'],
    ] as const;
    for (const [args, stderr] of cases) {
      const result = await pull(s, [...args]);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr });
    }
    const noRegion = await pull(s, [], { env: { AWS_REGION: undefined } });
    expect(noRegion.stderr).toBe('lightsail-compat: no AWS region: pass --region, set AWS_REGION, or set `region` in the profile\n');
    expect(s.requests).toEqual([]);
  });

  it('prints its help', async () => {
    const { code, stdout } = await runInProcess(['catalog', 'pull', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: lightsail-compat catalog pull \[--region REGION\.\.\.\] \[--out FILE\|DIR\] \[options\]\n/);
    expect(stdout).toContain('lightsail:GetBlueprints and lightsail:GetBundles');
  });
});
