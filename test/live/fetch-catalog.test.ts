import { afterEach, describe, expect, it } from 'vitest';
import { fetchCatalog, DEFAULT_MAX_PAGES } from '../../src/live/fetch-catalog.js';
import { LiveError } from '../../src/live/errors.js';
import { always, failFirst, neverEnding, paged, startFakeLightsail, tokenLoop, type FakeLightsail } from '../helpers/lightsail-server.js';
import { TEST_CREDENTIALS, US_EAST_1_BLUEPRINT_PAGES, US_EAST_1_BUNDLE_PAGES } from './fixtures.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');

let server: FakeLightsail | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handlers: Parameters<typeof startFakeLightsail>[0]): Promise<FakeLightsail> {
  server = await startFakeLightsail(handlers);
  return server;
}

function options(s: FakeLightsail) {
  return { region: 'us-east-1', endpoint: s.url, credentials: TEST_CREDENTIALS, now: () => NOW };
}

async function failure(promise: Promise<unknown>): Promise<LiveError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LiveError);
  return error as LiveError;
}

describe('fetchCatalog', () => {
  it('follows nextPageToken through every page of both listings and returns a live catalog', async () => {
    const s = await serve({ GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES), GetBundles: paged('bundles', US_EAST_1_BUNDLE_PAGES) });
    const result = await fetchCatalog(options(s));
    expect(result.region).toBe('us-east-1');
    expect(result.pages).toEqual({ blueprints: 2, bundles: 2 });
    expect(result.diagnostics).toEqual([]);
    expect(result.catalog.blueprints.map((b) => b.blueprintId)).toEqual(['lamp_8_bitnami', 'nodejs', 'windows_server_2022', 'wordpress']);
    expect(result.catalog.bundles.map((b) => b.bundleId)).toEqual(['micro_3_0', 'nano_3_0', 'nano_win_3_0', 'small_3_0']);
    expect(result.catalog.metadata).toEqual({
      region: 'us-east-1',
      source: 'live',
      fetchedAt: '2026-11-27T12:00:00.000Z',
      inputs: ['GetBlueprints us-east-1', 'GetBundles us-east-1'],
      notes: ['Pulled with GetBlueprints and GetBundles, active items only, standard (not Lightsail for Research) items.'],
    });
    expect(result.file).toMatchObject({ kind: 'lightsail-compat/catalog', formatVersion: 1, region: 'us-east-1', source: 'live', fetchedAt: '2026-11-27T12:00:00.000Z' });
    expect(result.catalog.getBundle('nano_win_3_0')).toEqual({
      price: 9.5,
      cpuCount: 2,
      diskSizeInGb: 30,
      bundleId: 'nano_win_3_0',
      instanceType: 'nano',
      isActive: true,
      name: 'Nano',
      power: 298,
      ramSizeInGb: 0.5,
      transferPerMonthInGb: 1024,
      supportedPlatforms: ['WINDOWS'],
      supportedAppCategories: [],
      publicIpv4AddressCount: 1,
    });
    expect(s.calls('GetBundles').map((r) => r.body)).toEqual([{}, { pageToken: 'page-1' }]);
    expect(s.calls('GetBlueprints').map((r) => r.body)).toEqual([{}, { pageToken: 'page-1' }]);
  });

  it('sends includeInactive and appCategory on every page when asked', async () => {
    const s = await serve({ GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES), GetBundles: paged('bundles', US_EAST_1_BUNDLE_PAGES) });
    const result = await fetchCatalog({ ...options(s), includeInactive: true, appCategory: 'LfR' });
    expect(s.calls('GetBundles').map((r) => r.body)).toEqual([
      { includeInactive: true, appCategory: 'LfR' },
      { includeInactive: true, appCategory: 'LfR', pageToken: 'page-1' },
    ]);
    expect(result.listing).toEqual({ includeInactive: true, appCategory: 'LfR' });
    expect(result.catalog.metadata.notes).toEqual(['Pulled with GetBlueprints and GetBundles, includeInactive, appCategory LfR.']);
  });

  it('signs requests with SigV4 for the lightsail service in the region', async () => {
    const s = await serve({ GetBlueprints: paged('blueprints', [[]]), GetBundles: paged('bundles', [[]]) });
    await fetchCatalog({ ...options(s), region: 'eu-west-3' });
    for (const r of s.requests) {
      expect(r.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLIGHTSAILTEST\/\d{8}\/eu-west-3\/lightsail\/aws4_request, /);
      expect(r.headers['x-amz-target']).toBe(`Lightsail_20161128.${r.operation}`);
    }
  });

  it('retries a transient 500 and succeeds on the next attempt', async () => {
    const s = await serve({
      GetBlueprints: paged('blueprints', US_EAST_1_BLUEPRINT_PAGES),
      GetBundles: failFirst(1, { status: 500, error: 'ServiceException', message: 'internal failure' }, paged('bundles', US_EAST_1_BUNDLE_PAGES)),
    });
    const result = await fetchCatalog(options(s));
    expect(s.calls('GetBundles')).toHaveLength(3);
    expect(result.catalog.bundles).toHaveLength(4);
  });

  it('retries a ThrottlingException and succeeds on the next attempt', async () => {
    const s = await serve({
      GetBlueprints: failFirst(1, { status: 400, error: 'ThrottlingException', message: 'Rate exceeded' }, paged('blueprints', US_EAST_1_BLUEPRINT_PAGES)),
      GetBundles: paged('bundles', US_EAST_1_BUNDLE_PAGES),
    });
    const result = await fetchCatalog(options(s));
    expect(s.calls('GetBlueprints')).toHaveLength(3);
    expect(result.catalog.blueprints).toHaveLength(4);
  });

  it('gives up after maxAttempts on a persistent 500 and says so in one line', async () => {
    const s = await serve({ GetBlueprints: paged('blueprints', [[]]), GetBundles: always({ status: 503, error: 'ServiceUnavailableException', message: 'down' }) });
    const error = await failure(fetchCatalog({ ...options(s), maxAttempts: 2 }));
    expect(s.calls('GetBundles')).toHaveLength(2);
    expect(error.code).toBe('service');
    expect(error.message).toBe('Lightsail failed on GetBundles in us-east-1 (ServiceUnavailableException, HTTP 503) after 2 attempts; try again later');
  });

  it('stops on a page token seen twice', async () => {
    const s = await serve({ GetBlueprints: paged('blueprints', [[]]), GetBundles: tokenLoop('bundles', []) });
    const error = await failure(fetchCatalog(options(s)));
    expect(error.code).toBe('pagination');
    expect(error.message).toBe('GetBundles in us-east-1 returned the page token "again" twice (page 2); stopped to avoid looping forever');
    expect(s.calls('GetBundles')).toHaveLength(2);
  });

  it('stops a token that never ends after maxPages pages', async () => {
    const s = await serve({ GetBlueprints: neverEnding('blueprints'), GetBundles: paged('bundles', [[]]) });
    const error = await failure(fetchCatalog({ ...options(s), maxPages: 5 }));
    expect(error.message).toBe('GetBlueprints in us-east-1 still had more pages after 5; stopped, since no catalog is that large');
    expect(s.calls('GetBlueprints')).toHaveLength(5);
  });

  it('allows 100 pages by default', async () => {
    expect(DEFAULT_MAX_PAGES).toBe(100);
    const s = await serve({ GetBlueprints: neverEnding('blueprints'), GetBundles: paged('bundles', [[]]) });
    await failure(fetchCatalog(options(s)));
    expect(s.calls('GetBlueprints')).toHaveLength(100);
  });

  it('names the missing permission on AccessDeniedException', async () => {
    const s = await serve({
      GetBlueprints: paged('blueprints', [[]]),
      GetBundles: always({ error: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lightsail:GetBundles', fields: { code: 'AccessDenied' } }),
    });
    const error = await failure(fetchCatalog(options(s)));
    expect(error.code).toBe('access-denied');
    expect(error.message).toBe(
      'access denied to GetBundles in us-east-1: the credentials need the IAM permission `lightsail:GetBundles` ' +
        '(AWS said: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lightsail:GetBundles)',
    );
    expect(s.calls('GetBundles')).toHaveLength(1);
  });

  it('reports a refused connection with the endpoint', async () => {
    const s = await serve({});
    const url = s.url;
    await s.close();
    server = undefined;
    const error = await failure(fetchCatalog({ region: 'us-east-1', endpoint: url, credentials: TEST_CREDENTIALS, maxAttempts: 1 }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(new RegExp(`^cannot reach ${url} for (GetBlueprints|GetBundles) in us-east-1: connection refused$`));
  });

  it('reports an answer that is not JSON without a stack trace', async () => {
    const s = await serve({ GetBlueprints: always({ raw: '<html>proxy error</html>', status: 200, contentType: 'text/html' }), GetBundles: paged('bundles', [[]]) });
    const error = await failure(fetchCatalog(options(s)));
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/^GetBlueprints in us-east-1: unexpected answer from http:\/\/127\.0\.0\.1:\d+ \(/);
    expect(error.message).not.toContain('\n');
  });

  it('reports the loader diagnostics of an item it cannot use and leaves the item out', async () => {
    const broken = { bundleId: 'broken_1_0', price: 'five' };
    const s = await serve({ GetBlueprints: paged('blueprints', [[]]), GetBundles: paged('bundles', [[broken, ...US_EAST_1_BUNDLE_PAGES[0]!]]) });
    const result = await fetchCatalog(options(s));
    expect(result.catalog.bundles.map((b) => b.bundleId)).toEqual(['micro_3_0', 'nano_3_0']);
    expect(result.diagnostics.map((d) => [d.severity, d.source, d.pointer])).toEqual([['error', 'GetBundles us-east-1', '/0/bundles/0/price']]);
  });
});
