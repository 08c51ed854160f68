// Shared fixtures of the live tests: the pages the fake server serves, read once.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = new URL('../fixtures/live/', import.meta.url);

function pages(name: string): unknown[][] {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as unknown[][];
}

/** us-east-1 blueprint pages: 2 pages, 4 blueprints (one WINDOWS). */
export const US_EAST_1_BLUEPRINT_PAGES = pages('us-east-1-blueprints.pages.json');
/** us-east-1 bundle pages: 2 pages, 4 bundles (one WINDOWS). */
export const US_EAST_1_BUNDLE_PAGES = pages('us-east-1-bundles.pages.json');
/** ap-south-1 bundle pages: 1 page, 3 `_3_1` bundles. */
export const AP_SOUTH_1_BUNDLE_PAGES = pages('ap-south-1-bundles.pages.json');

/** Fake static credentials: the SDK signs with them, the fake server checks the signature's shape. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDLIGHTSAILTEST', secretAccessKey: 'not-a-real-secret' } as const;

/** A fresh temporary directory. */
export function tempDir(prefix = 'lightsail-compat-live-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The environment of an in-process CLI run against `endpoint`, with HOME and the cache in `home`. */
export function liveEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    ...extra,
  };
}
