import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/planning/diff-catalogs.js';
import { diffJson, diffMarkdown, diffText, formatValue, MAX_LISTED_VERDICT_CHANGES } from '../../src/planning/render-diff.js';
import { fixtureCatalog } from './support/planning.js';

const before = fixtureCatalog('small-catalog.json');
const after = fixtureCatalog('small-catalog-next.json');
const names = { old: 'a.json', new: 'b.json' };
const diff = diffCatalogs(before, after);

describe('diffText', () => {
  it('prints one line per item and per verdict change', () => {
    expect(diffText(diff, names)).toBe(
      [
        'old: a.json (test-1, as of 2026-01-01, 6 blueprints, 7 bundles)',
        'new: b.json (test-1, as of 2026-02-01, 7 blueprints, 7 bundles)',
        '',
        'bundles: 1 added, 1 retired, 2 changed',
        '  + medium_1_0  price 24, power 2000, cpuCount 2, ramSizeInGb 4, diskSizeInGb 80, transferPerMonthInGb 4096, supportedPlatforms LINUX_UNIX, supportedAppCategories [], publicIpv4AddressCount 1, isActive true',
        '  - nano_win_1_0  removed',
        '  ~ nano_1_0  price 5 → 7',
        '  ~ small_1_0  power 1000 → 900',
        '',
        'blueprints: 1 added, 1 retired, 1 changed',
        '  + linux_new  minPower 0, platform LINUX_UNIX, type os, isActive true',
        '  - linux_app  now inactive',
        '  ~ win_sql  minPower 1000 → 0',
        '',
        'pairings that changed verdict: 5',
        '  linux_app on lfr_1_0: compatible → incompatible (blueprint-active)',
        '  linux_app on nano_1_0: compatible → incompatible (blueprint-active)',
        '  linux_app on nano_v6_1_0: compatible → incompatible (blueprint-active)',
        '  linux_app on small_1_0: compatible → incompatible (blueprint-active)',
        '  linux_big on small_1_0: compatible → incompatible (power-threshold)',
        '',
      ].join('\n'),
    );
  });

  it('says plainly when the catalogs are equal', () => {
    expect(diffText(diffCatalogs(before, before), names).split('\n').slice(2)).toEqual([
      'the catalogs are equal: no bundle or blueprint added, retired or changed, and no pairing changed verdict',
      '',
    ]);
  });

  it('lists at most a screenful of verdict changes and counts the rest', () => {
    const many = { ...diff, verdictChanges: Array.from({ length: MAX_LISTED_VERDICT_CHANGES + 3 }, () => diff.verdictChanges[0]!) };
    const lines = diffText(many, names).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('  ... and 3 more (--format json lists them all)');
    expect(lines.filter((l) => l.startsWith('  linux_app on lfr_1_0')).length).toBe(MAX_LISTED_VERDICT_CHANGES);
  });
});

describe('diffMarkdown', () => {
  it('writes tables of item changes and verdict changes', () => {
    const text = diffMarkdown(diff, names);
    expect(text).toContain('## Bundles: 1 added, 1 retired, 2 changed\n\n| Change | Id | Details |\n| --- | --- | --- |\n| added | medium_1_0 | price 24');
    expect(text).toContain('| changed | win_sql | minPower 1000 → 0 |');
    expect(text).toContain('## Pairings that changed verdict: 5\n\n| Blueprint | Bundle | Before | After | Failing rules |\n| --- | --- | --- | --- | --- |\n| linux_app | lfr_1_0 | compatible | incompatible | blueprint-active |');
  });
});

describe('diffJson', () => {
  it('carries the names of both sides and the whole diff', () => {
    expect(JSON.parse(diffJson(diff, names))).toEqual(JSON.parse(JSON.stringify({ oldName: 'a.json', newName: 'b.json', ...diff })));
  });
});

describe('formatValue', () => {
  it('shows lists with commas, empty lists as [] and missing members as (none)', () => {
    expect([formatValue(['LINUX_UNIX', 'WINDOWS']), formatValue([]), formatValue(undefined), formatValue('LfR'), formatValue(3.5)]).toEqual([
      'LINUX_UNIX,WINDOWS',
      '[]',
      '(none)',
      'LfR',
      '3.5',
    ]);
  });
});
