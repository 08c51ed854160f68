import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog, toCatalogFile } from '../../src/catalog/catalog.js';
import { loadBuiltinCatalog } from '../../src/catalog/builtin.js';
import { catalogCacheDirectory, catalogCachePath, readCachedCatalog, writeCachedCatalog, DEFAULT_CACHE_MAX_AGE_MS } from '../../src/live/cache.js';
import { LiveError } from '../../src/live/errors.js';
import { tempDir } from './fixtures.js';

const builtin = loadBuiltinCatalog().catalog;

function liveFile(region: string, fetchedAt: string) {
  return toCatalogFile(createCatalog({ region, source: 'live', fetchedAt, inputs: [] }, builtin.blueprints.slice(0, 2), builtin.bundles.slice(0, 3)));
}

describe('catalogCacheDirectory', () => {
  it('uses XDG_CACHE_HOME when it is an absolute path', () => {
    expect(catalogCacheDirectory({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me')).toBe('/var/cache/me/lightsail-compat');
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset, empty or relative', () => {
    expect([{}, { XDG_CACHE_HOME: '' }, { XDG_CACHE_HOME: 'cache' }].map((env) => catalogCacheDirectory(env, '/home/me'))).toEqual([
      '/home/me/.cache/lightsail-compat',
      '/home/me/.cache/lightsail-compat',
      '/home/me/.cache/lightsail-compat',
    ]);
  });
});

describe('catalogCachePath', () => {
  it('keys by region and the listing options, not by account', () => {
    expect([
      catalogCachePath('/c', { region: 'us-east-1', includeInactive: false }),
      catalogCachePath('/c', { region: 'us-east-1', includeInactive: true }),
      catalogCachePath('/c', { region: 'ap-south-1', includeInactive: false, appCategory: 'LfR' }),
      catalogCachePath('/c', { region: 'ap-south-1', includeInactive: true, appCategory: 'LfR' }),
    ]).toEqual(['/c/catalog-us-east-1.json', '/c/catalog-us-east-1-inactive.json', '/c/catalog-ap-south-1-lfr.json', '/c/catalog-ap-south-1-inactive-lfr.json']);
  });

  it('refuses a region that could name a path outside the cache', () => {
    expect(() => catalogCachePath('/c', { region: '../../etc/passwd', includeInactive: false })).toThrow(LiveError);
  });
});

describe('readCachedCatalog and writeCachedCatalog', () => {
  const key = { region: 'eu-central-1', includeInactive: false } as const;
  const now = new Date('2026-11-27T12:00:00.000Z');

  it('round-trips a catalog and reports its age from fetchedAt', async () => {
    const dir = join(tempDir(), 'nested', 'lightsail-compat');
    const path = await writeCachedCatalog(dir, key, liveFile('eu-central-1', '2026-11-27T09:00:00.000Z'));
    expect(path).toBe(join(dir, 'catalog-eu-central-1.json'));
    const hit = await readCachedCatalog(dir, key, { now, maxAgeMs: DEFAULT_CACHE_MAX_AGE_MS });
    expect(hit.status).toBe('hit');
    if (hit.status !== 'hit') return;
    expect([hit.fetchedAt, hit.ageMs, hit.fresh]).toEqual(['2026-11-27T09:00:00.000Z', 3 * 3_600_000, true]);
    expect(hit.catalog.bundles.map((b) => b.bundleId)).toEqual(builtin.bundles.slice(0, 3).map((b) => b.bundleId));
    expect(hit.catalog.metadata.source).toBe('live');
  });

  it('calls a catalog older than maxAge stale, but still returns it', async () => {
    const dir = tempDir();
    await writeCachedCatalog(dir, key, liveFile('eu-central-1', '2026-11-25T12:00:00.000Z'));
    const hit = await readCachedCatalog(dir, key, { now, maxAgeMs: DEFAULT_CACHE_MAX_AGE_MS });
    expect(hit.status === 'hit' && [hit.ageMs, hit.fresh]).toEqual([2 * 86_400_000, false]);
  });

  it('leaves no temporary file behind and replaces the previous catalog', async () => {
    const dir = tempDir();
    await writeCachedCatalog(dir, key, liveFile('eu-central-1', '2026-11-25T12:00:00.000Z'));
    await writeCachedCatalog(dir, key, liveFile('eu-central-1', '2026-11-27T11:00:00.000Z'));
    expect(readdirSync(dir)).toEqual(['catalog-eu-central-1.json']);
    expect(JSON.parse(readFileSync(join(dir, 'catalog-eu-central-1.json'), 'utf8')).fetchedAt).toBe('2026-11-27T11:00:00.000Z');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('reports a missing entry as missing', async () => {
    const dir = tempDir();
    expect(await readCachedCatalog(dir, key, { now, maxAgeMs: 1 })).toEqual({ status: 'missing', path: join(dir, 'catalog-eu-central-1.json') });
  });

  it('reports a corrupt file, a file without fetchedAt and a file of another region as unusable, with the reason', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'catalog-eu-central-1.json');
    const reasons: unknown[] = [];
    for (const text of ['{"kind": "lightsail-compat/catalog",', JSON.stringify({ ...liveFile('eu-central-1', 'x'), fetchedAt: undefined }), JSON.stringify(liveFile('us-east-1', '2026-11-27T11:00:00.000Z'))]) {
      writeFileSync(path, text);
      const lookup = await readCachedCatalog(dir, key, { now, maxAgeMs: DEFAULT_CACHE_MAX_AGE_MS });
      reasons.push(lookup.status === 'unusable' ? lookup.reason : lookup.status);
    }
    expect(reasons).toEqual(['it does not load as a catalog', 'it has no fetchedAt date', 'it describes us-east-1, not eu-central-1']);
  });
});
