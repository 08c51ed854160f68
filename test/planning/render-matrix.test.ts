import { describe, expect, it } from 'vitest';
import { MATRIX_PAGE_SCRIPT, MATRIX_PAGE_SCRIPT_HASH } from '../../src/planning/matrix-html-template.js';
import { buildMatrixView } from '../../src/planning/matrix-view.js';
import { cellText, cellTitle, matrixCsv, matrixHtml, matrixJson, matrixMarkdown, matrixTableModel } from '../../src/planning/render-matrix.js';
import { createHash } from 'node:crypto';
import { fixtureCatalog } from './support/planning.js';

const view = buildMatrixView(fixtureCatalog('small-catalog.json'));
const hostile = buildMatrixView(fixtureCatalog('hostile-ids.json'));

describe('matrixCsv', () => {
  it('writes a header of bundle ids and one row per blueprint, naming the failing rules', () => {
    expect(matrixCsv(view).split('\r\n')).toEqual([
      'blueprintId,nano_v6_1_0,nano_1_0,lfr_1_0,small_1_0,nano_win_1_0,small_win_1_0',
      'lfr_studio,incompatible: app-category-match,incompatible: app-category-match,compatible,incompatible: app-category-match,incompatible: platform-match app-category-match,incompatible: platform-match app-category-match',
      'linux_app,compatible,compatible,compatible,compatible,incompatible: platform-match,incompatible: platform-match',
      'linux_big,incompatible: power-threshold,incompatible: power-threshold,compatible,compatible,incompatible: power-threshold platform-match,incompatible: platform-match',
      'win_os,incompatible: platform-match,incompatible: platform-match,incompatible: platform-match,incompatible: platform-match,compatible,compatible',
      'win_sql,incompatible: power-threshold platform-match,incompatible: power-threshold platform-match,incompatible: platform-match,incompatible: platform-match,incompatible: power-threshold,compatible',
      '',
    ]);
  });

  it('quotes ids with commas and quotes (RFC 4180)', () => {
    expect(matrixCsv(hostile).split('\r\n')[0]).toBe('blueprintId,<img src=x onerror=alert(1)>,"b|2,""x"""');
  });

  it('writes a warned cell as compatible with the rule ids', () => {
    expect(cellText({ status: 'warning', violations: [{ ruleId: 'ipv6-only', severity: 'warning', message: 'm' }] })).toBe('compatible: ipv6-only');
  });
});

describe('matrixMarkdown', () => {
  it('writes a table with prices in the header, symbols in the cells and a legend', () => {
    const lines = matrixMarkdown(buildMatrixView(fixtureCatalog('small-catalog.json'), { platform: 'WINDOWS' })).split('\n');
    expect(lines).toEqual([
      '| Blueprint | nano_win_1_0 ($9.50) | small_win_1_0 ($22.00) |',
      '| --- | --- | --- |',
      '| win_os | ✅ | ✅ |',
      '| win_sql | ❌ power-threshold | ✅ |',
      '',
      "✅ compatible, ⚠️ compatible with warnings, ❌ incompatible. test-1, as of 2026-01-01 (file catalog). Rules in force: `power-threshold` (error): The bundle is less powerful than the blueprint requires; `platform-match` (error): The bundle does not support the blueprint's platform; `blueprint-active` (error): The blueprint is inactive; `bundle-active` (error): The bundle is inactive; `app-category-match` (error): A Lightsail for Research blueprint needs a Lightsail for Research bundle.",
      '',
    ]);
  });

  it('escapes pipes in ids so they cannot split a cell', () => {
    expect(matrixMarkdown(hostile).split('\n')[0]).toBe('| Blueprint | <img src=x onerror=alert(1)> ($5.00) | b\\|2,"x" ($7.00) |');
  });
});

describe('matrixTableModel', () => {
  it('labels cells ok, ok(N) or x(N,M) with rules numbered in evaluation order', () => {
    const model = matrixTableModel(view);
    expect(model.rows[4]).toEqual({
      blueprintId: 'win_sql',
      cells: [
        { label: 'x(1,2)', status: 'incompatible' },
        { label: 'x(1,2)', status: 'incompatible' },
        { label: 'x(2)', status: 'incompatible' },
        { label: 'x(2)', status: 'incompatible' },
        { label: 'x(1)', status: 'incompatible' },
        { label: 'ok', status: 'compatible' },
      ],
    });
    expect(model.legend[0]).toBe('1 power-threshold (error): The bundle is less powerful than the blueprint requires');
    const warned = matrixTableModel(buildMatrixView(fixtureCatalog('small-catalog.json'), { includeInactive: true, severity: { 'bundle-active': 'warning' }, bundleIds: ['micro_0_9'], blueprintIds: ['linux_app'] }));
    expect(warned.rows[0]!.cells).toEqual([{ label: 'ok(3)', status: 'warning' }]);
  });
});

describe('matrixJson', () => {
  it('writes catalog facts, rules, rows, columns and every cell in row-major order', () => {
    const document = JSON.parse(matrixJson(view));
    expect(Object.keys(document)).toEqual(['region', 'asOf', 'source', 'rules', 'blueprints', 'bundles', 'compatibleCount', 'cells']);
    expect(document.cells).toHaveLength(30);
    expect(document.cells[6]).toEqual({ blueprintId: 'linux_app', bundleId: 'nano_v6_1_0', status: 'compatible', violations: [] });
    expect(document.bundles[0]).toEqual({
      bundleId: 'nano_v6_1_0',
      name: 'Nano IPv6',
      price: 3.5,
      cpuCount: 2,
      ramSizeInGb: 0.5,
      power: 298,
      supportedPlatforms: ['LINUX_UNIX'],
      ipv6Only: true,
      isActive: true,
    });
  });
});

describe('matrixHtml', () => {
  const html = matrixHtml(view);

  it('is one self-contained page: no external script, style, font, image or link', () => {
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).not.toMatch(/\b(src|href)=["'](?!data:)/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${MATRIX_PAGE_SCRIPT_HASH};`);
  });

  it('pins the script by its hash, so the policy allows it and nothing else', () => {
    expect(MATRIX_PAGE_SCRIPT_HASH).toBe(`'sha256-${createHash('sha256').update(MATRIX_PAGE_SCRIPT).digest('base64')}'`);
    expect(html).toContain(`<script>${MATRIX_PAGE_SCRIPT}</script>`);
  });

  it('has one cell per row and column, coloured by status, with the reasons in the title', () => {
    expect(html.match(/<td class="(ok|warn|bad)"/g)).toHaveLength(30);
    expect(html).toContain(
      '<td class="bad" title="win_sql on nano_v6_1_0: incompatible\nerror power-threshold: bundle nano_v6_1_0 has power 298; win_sql needs at least 1000\nerror platform-match: bundle nano_v6_1_0 supports LINUX_UNIX; win_sql is a WINDOWS blueprint">✗</td>',
    );
    expect(html).toContain('<span class="id">small_win_1_0</span><span class="price">$22.00</span>');
    expect(html).toContain('test-1, as of 2026-01-01 (file catalog) · 5 blueprints × 6 bundles · 10 compatible pairings');
  });

  it('escapes every catalog string', () => {
    const page = matrixHtml(hostile);
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>r');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('data-blueprint="bp,&quot;quoted&quot;|pipe"');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;r&quot;1&lt;/b&gt;');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  it('gives a cell a title that starts with the verdict', () => {
    expect(cellTitle('a', 'b', { status: 'warning', violations: [{ ruleId: 'r', severity: 'info', message: 'note' }] })).toBe('a on b: compatible, with warnings\ninfo r: note');
  });
});
