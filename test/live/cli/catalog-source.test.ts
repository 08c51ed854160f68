import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalog, toCatalogFile } from '../../../src/catalog/catalog.js';
import { loadBuiltinCatalog } from '../../../src/catalog/builtin.js';
import { parseCommandArgs } from '../../../src/cli/args.js';
import { CATALOG_OPTION_SPECS, resolveCatalogForRegion } from '../../../src/cli/catalog-source.js';
import { InputError } from '../../../src/cli/errors.js';
import type { CliIo } from '../../../src/cli/io.js';
import { always, paged, startFakeLightsail, type FakeLightsail, type Handler } from '../../helpers/lightsail-server.js';
import { runInProcess } from '../../helpers/run-cli.js';
import { US_EAST_1_BLUEPRINT_PAGES, US_EAST_1_BUNDLE_PAGES, liveEnv, tempDir } from '../fixtures.js';

let server: FakeLightsail | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handlers: Record<string, Handler> = { GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES), GetBundles: paged('bundles', US_EAST_1_BUNDLE_PAGES) }) {
  server = await startFakeLightsail(handlers);
  return server;
}

const NOW = new Date('2026-11-27T12:00:00.000Z');
const builtin = loadBuiltinCatalog().catalog;

/** A catalog file of `region` with the first `bundles` built-in bundles, fetched at `fetchedAt`. */
function catalogFile(region: string, fetchedAt: string, bundles = 2): string {
  return JSON.stringify(toCatalogFile(createCatalog({ region, source: 'live', fetchedAt, inputs: [] }, builtin.blueprints.slice(0, 1), builtin.bundles.slice(0, bundles))));
}

function writeCache(home: string, region: string, fetchedAt: string, bundles = 2): void {
  const dir = join(home, 'cache', 'lightsail-compat');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `catalog-${region}.json`), catalogFile(region, fetchedAt, bundles));
}

/** `catalog show --format json` with the catalog flags given, against the fake server. */
async function show(args: string[], home: string, s?: FakeLightsail) {
  const env = liveEnv(home, s !== undefined ? { AWS_ENDPOINT_URL_LIGHTSAIL: s.url } : {});
  const result = await runInProcess(['catalog', 'show', '--format', 'json', ...args], { env, cwd: home, now: NOW });
  return { ...result, summary: result.code === 0 ? (JSON.parse(result.stdout) as { region?: string; source: string; fetchedAt?: string; bundles: { total: number } }) : undefined };
}

describe('--catalog live', () => {
  it('pulls the region when nothing is cached, then uses the cache while it is fresh', async () => {
    const s = await serve();
    const home = tempDir();
    const first = await show(['--catalog', 'live'], home, s);
    expect(first.stderr).toBe('Pulled the live catalog of us-east-1: 4 blueprints, 4 bundles.\n');
    expect(first.summary).toMatchObject({ region: 'us-east-1', source: 'live', fetchedAt: '2026-11-27T12:00:00.000Z', bundles: { total: 4 } });
    const requests = s.requests.length;
    const second = await show(['--catalog', 'live'], home, s);
    expect(second.stderr).toBe('Using the live catalog of us-east-1 from the cache (pulled 0 seconds ago).\n');
    expect(s.requests.length).toBe(requests);
  });

  it('pulls again when the cache is older than --max-age', async () => {
    const s = await serve();
    const home = tempDir();
    writeCache(home, 'us-east-1', '2026-11-27T09:00:00.000Z');
    const fresh = await show(['--catalog', 'live', '--max-age', '4h'], home, s);
    expect([fresh.summary?.bundles.total, s.requests.length]).toEqual([2, 0]);
    const refreshed = await show(['--catalog', 'live', '--max-age', '2h'], home, s);
    expect(refreshed.stderr).toBe('Pulled the live catalog of us-east-1: 4 blueprints, 4 bundles (the cached one was 3 hours old).\n');
    expect(refreshed.summary?.bundles.total).toBe(4);
  });

  it('falls back to a stale cache with a warning that says its age when the pull fails', async () => {
    const s = await serve({ GetBlueprints: always({ status: 500, error: 'ServiceException', message: 'down' }), GetBundles: paged('bundles', [[]]) });
    const home = tempDir();
    writeCache(home, 'us-east-1', '2026-11-24T12:00:00.000Z');
    const result = await show(['--catalog', 'live'], home, s);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: could not refresh the us-east-1 catalog (Lightsail failed on GetBlueprints in us-east-1 (ServiceException, HTTP 500) after 4 attempts; try again later); ' +
        'using the cached one, pulled 3 days ago, older than the --max-age of 1 day.\n',
    );
    expect(result.summary).toMatchObject({ region: 'us-east-1', fetchedAt: '2026-11-24T12:00:00.000Z' });
  });

  it('fails in one line when the pull fails and nothing is cached', async () => {
    const s = await serve({ GetBlueprints: always({ error: 'AccessDeniedException', message: 'denied' }), GetBundles: paged('bundles', [[]]) });
    const result = await show(['--catalog', 'live', '--region', 'eu-west-2'], tempDir(), s);
    expect([result.code, result.stderr]).toEqual([
      2,
      'lightsail-compat: access denied to GetBlueprints in eu-west-2: the credentials need the IAM permission `lightsail:GetBlueprints` (AWS said: denied)\n',
    ]);
  });

  it('is not combined with catalog files, and refuses a bad --max-age', async () => {
    const home = tempDir();
    expect((await show(['--catalog', 'live', '--catalog', 'a.json'], home)).stderr).toBe(
      'lightsail-compat: --catalog live cannot be combined with catalog files (a file named `live` is `./live`)\n',
    );
    expect((await show(['--max-age', 'forever'], home)).stderr).toBe('lightsail-compat: --max-age "forever": expected a duration such as 30m, 24h or 7d\n');
  });
});

describe('--region', () => {
  it('picks the catalog file of that region among several', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'us.json'), catalogFile('us-east-1', '2026-11-27T10:00:00.000Z', 3));
    writeFileSync(join(home, 'ap.json'), catalogFile('ap-south-1', '2026-11-27T11:00:00.000Z', 2));
    const result = await show(['--catalog', 'us.json', '--catalog', 'ap.json', '--region', 'ap-south-1'], home);
    expect(result.stderr).toBe('');
    expect(result.summary).toMatchObject({ region: 'ap-south-1', fetchedAt: '2026-11-27T11:00:00.000Z', bundles: { total: 2 } });
  });

  it('lists the regions of the inputs when none is the one asked for', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'us.json'), catalogFile('us-east-1', '2026-11-27T10:00:00.000Z'));
    writeFileSync(join(home, 'raw.json'), JSON.stringify({ bundles: [] }));
    const result = await show(['--catalog', 'us.json', '--catalog', 'raw.json', '--region', 'eu-west-1'], home);
    expect([result.code, result.stderr]).toEqual([
      2,
      'lightsail-compat: no catalog input describes eu-west-1: us.json (us-east-1), raw.json (no region recorded); ' +
        'pass a catalog file of eu-west-1 (`lightsail-compat catalog pull --region eu-west-1 --out FILE`)\n',
    ]);
  });

  it('uses the cached catalog of the region without --catalog, and warns when it is stale', async () => {
    const home = tempDir();
    writeCache(home, 'eu-west-1', '2026-11-27T11:00:00.000Z');
    const fresh = await show(['--region', 'eu-west-1'], home);
    expect([fresh.stderr, fresh.summary?.region]).toEqual(['Using the live catalog of eu-west-1 from the cache (pulled 1 hour ago).\n', 'eu-west-1']);
    writeCache(home, 'eu-west-1', '2026-11-20T12:00:00.000Z');
    const stale = await show(['--region', 'eu-west-1'], home);
    expect(stale.stderr).toBe(
      'warning: the cached eu-west-1 catalog was pulled 7 days ago, older than the --max-age of 1 day; ' +
        'refresh it with `lightsail-compat catalog pull --region eu-west-1` or pass --catalog live.\n',
    );
    expect(stale.code).toBe(0);
  });

  it('uses the built-in snapshot for its own region, and says how to get another region', async () => {
    const home = tempDir();
    const builtinRegion = await show(['--region', 'us-east-1'], home);
    expect([builtinRegion.code, builtinRegion.summary?.source]).toEqual([0, 'builtin']);
    expect(builtinRegion.stderr).toMatch(/^Using the built-in catalog \(us-east-1, as of /);
    const other = await show(['--region', 'ap-south-1'], home);
    expect([other.code, other.stderr]).toEqual([
      2,
      'lightsail-compat: no catalog for ap-south-1: the built-in snapshot describes us-east-1 and nothing is cached for ap-south-1; ' +
        'run `lightsail-compat catalog pull --region ap-south-1`, or pass --catalog live or --catalog FILE\n',
    ]);
  });
});

describe('resolveCatalogForRegion', () => {
  function io(home: string, env: Record<string, string> = {}): { io: CliIo; stderr: () => string } {
    let stderr = '';
    return {
      io: {
        stdout: { write: () => undefined, isTTY: false },
        stderr: { write: (t) => void (stderr += t), isTTY: false },
        readStdin: () => Promise.resolve(''),
        env: liveEnv(home, env),
        cwd: home,
        now: () => NOW,
      },
      stderr: () => stderr,
    };
  }

  it('gives each region its own catalog from the live cache, pulling the ones that are missing', async () => {
    const s = await serve();
    const home = tempDir();
    writeCache(home, 'ap-south-1', '2026-11-27T11:30:00.000Z');
    const { io: cli, stderr } = io(home, { AWS_ENDPOINT_URL_LIGHTSAIL: s.url });
    const parsed = parseCommandArgs('vet', ['--catalog', 'live'], CATALOG_OPTION_SPECS);
    const us = await resolveCatalogForRegion(cli, parsed, 'us-east-1');
    const ap = await resolveCatalogForRegion(cli, parsed, 'ap-south-1');
    expect([us.metadata.region, us.bundles.length, ap.metadata.region, ap.bundles.length]).toEqual(['us-east-1', 4, 'ap-south-1', 2]);
    expect(stderr()).toBe('Pulled the live catalog of us-east-1: 4 blueprints, 4 bundles.\nUsing the live catalog of ap-south-1 from the cache (pulled 30 minutes ago).\n');
  });

  it('throws an InputError for a region no input describes', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'us.json'), catalogFile('us-east-1', '2026-11-27T10:00:00.000Z'));
    const parsed = parseCommandArgs('vet', ['--catalog', 'us.json'], CATALOG_OPTION_SPECS);
    await expect(resolveCatalogForRegion(io(home).io, parsed, 'ap-south-1')).rejects.toBeInstanceOf(InputError);
  });
});
