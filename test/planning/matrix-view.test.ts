import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatrixView } from '../../src/planning/matrix-view.js';
import { checkPair, type RuleSetting } from '../../src/rules/evaluator.js';
import { catalogArbitrary, fixtureCatalog } from './support/planning.js';

const catalog = fixtureCatalog('small-catalog.json');

describe('buildMatrixView', () => {
  it('shows active blueprints grouped by platform and active bundles by platform and price', () => {
    const view = buildMatrixView(catalog);
    expect(view.rows.map((r) => r.blueprintId)).toEqual(['lfr_studio', 'linux_app', 'linux_big', 'win_os', 'win_sql']);
    expect(view.columns.map((c) => c.bundleId)).toEqual(['nano_v6_1_0', 'nano_1_0', 'lfr_1_0', 'small_1_0', 'nano_win_1_0', 'small_win_1_0']);
    expect(view.rows.map((r) => r.compatibleCount)).toEqual([1, 4, 2, 2, 1]);
    expect(view.compatibleCount).toBe(10);
    expect(view.catalog).toEqual({ region: 'test-1', asOf: '2026-01-01', source: 'file' });
  });

  it('lists every failing rule of an incompatible cell with its message', () => {
    const view = buildMatrixView(catalog);
    expect(view.cells[4]![0]).toEqual({
      status: 'incompatible',
      violations: [
        { ruleId: 'power-threshold', severity: 'error', message: 'bundle nano_v6_1_0 has power 298; win_sql needs at least 1000' },
        { ruleId: 'platform-match', severity: 'error', message: 'bundle nano_v6_1_0 supports LINUX_UNIX; win_sql is a WINDOWS blueprint' },
      ],
    });
    expect(view.cells[1]![0]).toEqual({ status: 'compatible', violations: [] });
  });

  it('marks cells compatible but warned about as warnings', () => {
    const view = buildMatrixView(catalog, { includeInactive: true, severity: { 'bundle-active': 'warning' }, blueprintIds: ['linux_app'], bundleIds: ['micro_0_9'] });
    expect(view.cells).toEqual([
      [
        {
          status: 'warning',
          violations: [
            {
              ruleId: 'bundle-active',
              severity: 'warning',
              message: 'bundle micro_0_9 is inactive: it is listed for existing instances only; new instances need an active bundle',
            },
          ],
        },
      ],
    ]);
  });

  it('includes inactive items with includeInactive, and named ones always', () => {
    expect(buildMatrixView(catalog, { includeInactive: true }).rows.map((r) => r.blueprintId)).toContain('linux_old');
    expect(buildMatrixView(catalog, { includeInactive: true }).columns.map((c) => c.bundleId)).toContain('micro_0_9');
    const named = buildMatrixView(catalog, { blueprintIds: ['linux_old', 'nope'], bundleIds: ['nano_1_0', 'gone'] });
    expect([named.rows.map((r) => r.blueprintId), named.cells, named.unknownBlueprintIds, named.unknownBundleIds]).toEqual([
      ['linux_old'],
      [[{ status: 'incompatible', violations: [{ ruleId: 'blueprint-active', severity: 'error', message: expect.stringMatching(/^blueprint linux_old is inactive/) }] }]],
      ['nope'],
      ['gone'],
    ]);
  });

  it('filters rows by platform and type, and columns to the bundles that support the platform', () => {
    const view = buildMatrixView(catalog, { platform: 'WINDOWS', type: 'app' });
    expect([view.rows.map((r) => r.blueprintId), view.columns.map((c) => c.bundleId)]).toEqual([['win_sql'], ['nano_win_1_0', 'small_win_1_0']]);
  });

  it('agrees with checkPair on every cell, whatever the catalog and rule settings (law)', () => {
    const settings = fc.dictionary(
      fc.constantFrom('power-threshold', 'platform-match', 'blueprint-active', 'bundle-active', 'app-category-match'),
      fc.constantFrom<RuleSetting>('off', 'error', 'warning', 'info'),
      { maxKeys: 3 },
    );
    fc.assert(
      fc.property(catalogArbitrary(), settings, fc.boolean(), (randomCatalog, severity, includeInactive) => {
        const options = { severity, includeInactive };
        const view = buildMatrixView(randomCatalog, options);
        let compatible = 0;
        view.rows.forEach((row, r) =>
          view.columns.forEach((column, c) => {
            const verdict = checkPair(randomCatalog, row.blueprintId, column.bundleId, options);
            const cell = view.cells[r]![c]!;
            expect(cell.status).toBe(!verdict.compatible ? 'incompatible' : verdict.violations.length > 0 ? 'warning' : 'compatible');
            expect(cell.violations).toEqual(verdict.violations.map(({ ruleId, severity: s, message }) => ({ ruleId, severity: s, message })));
            if (verdict.compatible) compatible++;
          }),
        );
        expect(view.compatibleCount).toBe(compatible);
      }),
    );
  });
});
