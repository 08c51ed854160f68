/**
 * The matrix page in a real browser: Debian's Chromium driven by playwright-core. Checks that the
 * page makes no request but for itself, that the grid renders with its colours, that hovering
 * shows the reasons and that the filters work, and takes a screenshot whose pixels must show the
 * grid's colours.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatrixView } from '../../src/planning/matrix-view.js';
import { matrixHtml } from '../../src/planning/render-matrix.js';
import { runInProcess } from '../helpers/run-cli.js';
import { fixtureCatalog } from '../planning/support/planning.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const PAGE_URL = 'http://matrix.lightsail-compat.invalid/matrix.html';

let browser: Browser;
let work: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  work = mkdtempSync(join(tmpdir(), 'lsc-matrix-page-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Opened {
  readonly page: Page;
  /** Every request the page made, the page itself included. */
  readonly requests: string[];
  /** Console errors, CSP violations included. */
  readonly errors: string[];
}

/** Opens the page at PAGE_URL; every other request is recorded and refused. */
async function open(html: string, viewport = { width: 1280, height: 800 }): Promise<Opened> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await context.route('**/*', (route) =>
    route.request().url() === PAGE_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
  );
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  return { page, requests, errors };
}

/**
 * Runs an expression in the page. Written as text: the tests compile without the DOM library, and
 * the page's own globals (document, getComputedStyle) are what the expression needs.
 */
function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate<T>(expression);
}

/** The `attribute` of the elements matching `selector` that are not hidden. */
function shown(page: Page, selector: string, attribute: string): Promise<string[]> {
  return inPage<string[]>(page, `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).filter((e) => !e.hidden).map((e) => e.getAttribute(${JSON.stringify(attribute)}))`);
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const OK = '#c8f0cf';
const WARN = '#ffe7a3';
const BAD = '#ffd3d0';

describe('the matrix page in Chromium', () => {
  const fixture = fixtureCatalog('small-catalog.json');
  // Inactive items shown, the inactive bundle only warned about: all three cell colours appear.
  const view = buildMatrixView(fixture, { includeInactive: true, severity: { 'bundle-active': 'warning' } });

  it('makes no request but for the page itself and logs no error', async () => {
    const { page, requests, errors } = await open(matrixHtml(view));
    await page.mouse.move(400, 400);
    expect(requests).toEqual([PAGE_URL]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('would see a request to anywhere else (the check above can fail)', async () => {
    const leaky = '<!doctype html><html><head><link rel="stylesheet" href="http://fonts.example.invalid/f.css"></head><body><img src="http://elsewhere.invalid/x.png"></body></html>';
    const { page, requests } = await open(leaky);
    expect(requests).toEqual([PAGE_URL, 'http://fonts.example.invalid/f.css', 'http://elsewhere.invalid/x.png']);
    await page.context().close();
  });

  it('renders one cell per blueprint and bundle, coloured by verdict', async () => {
    const { page } = await open(matrixHtml(view));
    expect(await page.locator('#matrix tbody tr').count()).toBe(view.rows.length);
    expect(await page.locator('#matrix thead th.col').count()).toBe(view.columns.length);
    expect(await page.locator('#matrix tbody td').count()).toBe(view.rows.length * view.columns.length);
    const colours = await inPage<string[]>(page, `Array.from(document.querySelectorAll('#matrix tbody td'), (td) => td.className + ' ' + getComputedStyle(td).backgroundColor)`);
    const expected = view.cells.flat().map((c) => (c.status === 'compatible' ? `ok ${rgb(OK)}` : c.status === 'warning' ? `warn ${rgb(WARN)}` : `bad ${rgb(BAD)}`));
    expect(colours).toEqual(expected);
    expect(new Set(colours).size).toBe(3);
    const box = await page.locator('#matrix tbody td').first().boundingBox();
    expect(box!.width).toBeGreaterThan(20);
    expect(box!.height).toBeGreaterThan(20);
    await page.context().close();
  });

  it('shows the reasons of a cell on hover, in its title and in the details bar', async () => {
    const { page } = await open(matrixHtml(view));
    const cell = page.locator('#matrix tbody tr[data-blueprint="win_sql"] td').first();
    const title = await cell.getAttribute('title');
    expect(title).toBe(
      'win_sql on nano_v6_1_0: incompatible\nerror power-threshold: bundle nano_v6_1_0 has power 298; win_sql needs at least 1000\nerror platform-match: bundle nano_v6_1_0 supports LINUX_UNIX; win_sql is a WINDOWS blueprint',
    );
    await cell.hover();
    expect(await page.locator('#details').innerText()).toBe(title);
    expect(await page.locator('#matrix tbody tr[data-blueprint="win_sql"]').getAttribute('class')).toBe('hot');
    expect(await page.locator('#matrix thead th.hot').getAttribute('data-bundle')).toBe('nano_v6_1_0');
    await page.context().close();
  });

  it('filters rows by text, by platform (hiding the other columns too) and by having a compatible cell', async () => {
    const { page } = await open(matrixHtml(view));
    const visibleRows = () => shown(page, '#matrix tbody tr', 'data-blueprint');
    const visibleColumns = () => shown(page, '#matrix thead th.col', 'data-bundle');
    expect(await visibleRows()).toEqual(['lfr_studio', 'linux_app', 'linux_big', 'linux_old', 'win_os', 'win_sql']);

    await page.locator('#filter').fill('WIN');
    expect(await visibleRows()).toEqual(['win_os', 'win_sql']);
    expect(await page.locator('#shown').innerText()).toBe('2 of 6 blueprints shown');
    await page.locator('#filter').fill('research');
    expect(await visibleRows()).toEqual(['lfr_studio']);
    await page.locator('#filter').fill('');

    await page.locator('#platform').selectOption('WINDOWS');
    expect(await visibleRows()).toEqual(['win_os', 'win_sql']);
    expect(await visibleColumns()).toEqual(['nano_win_1_0', 'small_win_1_0']);
    expect(await inPage<number>(page, `Array.from(document.querySelectorAll('#matrix tbody tr[data-blueprint="win_os"] td')).filter((td) => !td.hidden).length`)).toBe(2);
    await page.locator('#platform').selectOption('');

    // Every blueprint named, so the inactive one is shown, and under the default rules it has no compatible cell.
    const onlyCompatible = buildMatrixView(fixture, { blueprintIds: fixture.blueprints.map((b) => b.blueprintId) });
    const second = await open(matrixHtml(onlyCompatible));
    const rowsOf = () => shown(second.page, '#matrix tbody tr', 'data-blueprint');
    expect(await rowsOf()).toContain('linux_old');
    await second.page.locator('#only-compatible').check();
    expect(await rowsOf()).toEqual(['lfr_studio', 'linux_app', 'linux_big', 'win_os', 'win_sql']);
    await second.page.context().close();
    await page.context().close();
  });

  it('keeps the header row and the blueprint column in view while the grid scrolls', async () => {
    const { page } = await open((await runInProcess(['matrix', '--format', 'html', '--include-inactive'])).stdout, { width: 900, height: 600 });
    const before = await page.locator('#matrix thead th.col').first().boundingBox();
    const rowHeadBefore = await page.locator('#matrix tbody th').first().boundingBox();
    await inPage(page, `document.querySelector('.scroller').scrollBy(300, 200)`);
    const after = await page.locator('#matrix thead th.col').nth(8).boundingBox();
    const rowHeadAfter = await page.locator('#matrix tbody tr:nth-child(12) th').boundingBox();
    expect(after!.y).toBeCloseTo(before!.y, 0);
    expect(rowHeadAfter!.x).toBeCloseTo(rowHeadBefore!.x, 0);
    await page.context().close();
  });

  it('renders the built-in matrix into a screenshot that shows the grid colours', async () => {
    const html = (await runInProcess(['matrix', '--format', 'html'])).stdout;
    // Large enough for the whole grid, so both the compatible and the incompatible blocks show.
    const { page } = await open(html, { width: 2400, height: 1800 });
    const path = join(work, 'matrix.png');
    await page.screenshot({ path });
    await page.context().close();
    const png = decodePng(readFileSync(path));
    expect([png.width, png.height]).toEqual([2400, 1800]);
    expect(readFileSync(path).length).toBeGreaterThan(20_000);
    const counts = png.colourCounts();
    expect(counts.size).toBeGreaterThan(50);
    // Large areas of the compatible and incompatible fills: the grid is drawn, not just the text.
    expect(counts.get(OK.slice(1)) ?? 0).toBeGreaterThan(10_000);
    expect(counts.get(BAD.slice(1)) ?? 0).toBeGreaterThan(10_000);
  });
});

/** A minimal PNG decoder for 8-bit RGB or RGBA screenshots: enough to count colours. */
function decodePng(buffer: Buffer): { width: number; height: number; colourCounts(): Map<string, number> } {
  expect(buffer.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >>> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return {
    width,
    height,
    colourCounts: () => {
      const counts = new Map<string, number>();
      for (let i = 0; i < pixels.length; i += channels) {
        const key = pixels.toString('hex', i, i + 3);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    },
  };
}
