import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/catalog/catalog.js';
import type { Bundle } from '../../src/catalog/model.js';
import { compareBundles, recommendPairings, sortValue } from '../../src/planning/recommend-pairings.js';
import { fixtureCatalog, pairingOf } from './support/planning.js';

const catalog = fixtureCatalog('small-catalog.json');
const pair = (blueprintId: string, bundleId: string) => pairingOf(catalog.getBlueprint(blueprintId)!, catalog.getBundle(bundleId)!);
const ids = (pairings: readonly { blueprintId: string; bundleId: string }[]) => pairings.map((p) => `${p.blueprintId}/${p.bundleId}`);

describe('recommendPairings on a small catalog', () => {
  it('lists every compatible pairing cheapest first, ties by bundle id and then blueprint id', () => {
    expect(ids(recommendPairings(catalog).pairings)).toEqual([
      'linux_app/nano_v6_1_0',
      'linux_app/nano_1_0',
      'win_os/nano_win_1_0',
      'lfr_studio/lfr_1_0',
      'linux_app/lfr_1_0',
      'linux_big/lfr_1_0',
      'linux_app/small_1_0',
      'linux_big/small_1_0',
      'win_os/small_win_1_0',
      'win_sql/small_win_1_0',
    ]);
  });

  it('reports each pairing with the bundle figures and the blueprint platform', () => {
    expect(recommendPairings(catalog, { blueprintIds: ['linux_app'], minRamSizeInGb: 1 })).toEqual({
      pairings: [
        {
          blueprintId: 'linux_app',
          bundleId: 'lfr_1_0',
          price: 10,
          cpuCount: 4,
          ramSizeInGb: 8,
          diskSizeInGb: 50,
          transferPerMonthInGb: 0,
          power: 1000,
          platform: 'LINUX_UNIX',
          ipv6Only: false,
        },
        {
          blueprintId: 'linux_app',
          bundleId: 'small_1_0',
          price: 12,
          cpuCount: 2,
          ramSizeInGb: 2,
          diskSizeInGb: 60,
          transferPerMonthInGb: 3072,
          power: 1000,
          platform: 'LINUX_UNIX',
          ipv6Only: false,
        },
      ],
      matched: 2,
      truncated: false,
      unknownBlueprintIds: [],
    });
  });

  it('gives each blueprint its cheapest qualifying bundle, in price order', () => {
    expect(recommendPairings(catalog, {}, { cheapestPerBlueprint: true }).pairings).toEqual([
      pair('linux_app', 'nano_v6_1_0'),
      pair('win_os', 'nano_win_1_0'),
      pair('lfr_studio', 'lfr_1_0'),
      pair('linux_big', 'lfr_1_0'),
      pair('win_sql', 'small_win_1_0'),
    ]);
  });

  it('sorts by another key, descending, and cuts at the limit while counting everything that matched', () => {
    const result = recommendPairings(catalog, {}, { sort: 'ram', descending: true, limit: 4 });
    expect([ids(result.pairings), result.matched, result.truncated]).toEqual([
      ['lfr_studio/lfr_1_0', 'linux_app/lfr_1_0', 'linux_big/lfr_1_0', 'linux_app/small_1_0'],
      10,
      true,
    ]);
  });

  it('takes bundles at least as large as --like, of either network kind, the bundle itself included', () => {
    expect(ids(recommendPairings(catalog, { likeBundleId: 'nano_1_0', platform: 'LINUX_UNIX', type: 'app' }).pairings)).toEqual([
      'linux_app/nano_v6_1_0',
      'linux_app/nano_1_0',
      'lfr_studio/lfr_1_0',
      'linux_app/lfr_1_0',
      'linux_app/small_1_0',
    ]);
    expect(ids(recommendPairings(catalog, { likeBundleId: 'small_1_0', network: 'dual-stack' }).pairings)).toEqual([
      'lfr_studio/lfr_1_0',
      'linux_app/lfr_1_0',
      'linux_big/lfr_1_0',
      'linux_app/small_1_0',
      'linux_big/small_1_0',
      'win_os/small_win_1_0',
      'win_sql/small_win_1_0',
    ]);
  });

  it('keeps only IPv6-only or only dual-stack bundles on request', () => {
    expect(ids(recommendPairings(catalog, { network: 'ipv6-only' }).pairings)).toEqual(['linux_app/nano_v6_1_0']);
    expect(recommendPairings(catalog, { network: 'dual-stack' }).matched).toBe(9);
  });

  it('follows the rules in force: inactive items with includeInactive, weaker rules when turned off', () => {
    const inactive = recommendPairings(catalog, { blueprintIds: ['linux_old'], maxPrice: 5 }, { includeInactive: true });
    expect(ids(inactive.pairings)).toEqual(['linux_old/nano_v6_1_0', 'linux_old/micro_0_9', 'linux_old/nano_1_0']);
    const noPower = recommendPairings(catalog, { blueprintIds: ['win_sql'] }, { severity: { 'power-threshold': 'warning' } });
    expect(ids(noPower.pairings)).toEqual(['win_sql/nano_win_1_0', 'win_sql/small_win_1_0']);
  });

  it('when nothing matches, says how many compatible pairings each criterion excludes on its own, the most first', () => {
    expect(recommendPairings(catalog, { platform: 'WINDOWS', minCpuCount: 4, maxPrice: 50 })).toEqual({
      pairings: [],
      matched: 0,
      truncated: false,
      unknownBlueprintIds: [],
      emptyBecause: {
        compatibleCount: 10,
        exclusions: [
          { criterion: 'platform', excluded: 7 },
          { criterion: 'minCpuCount', excluded: 7 },
          { criterion: 'maxPrice', excluded: 0 },
        ],
      },
    });
  });

  it('reports ids that are not in the catalog instead of throwing', () => {
    const result = recommendPairings(catalog, { blueprintIds: ['nope', 'linux_app'], likeBundleId: 'gone_1_0' });
    expect([result.unknownBlueprintIds, result.unknownLikeBundleId, result.pairings]).toEqual([['nope'], 'gone_1_0', []]);
  });

  it('returns nothing for a limit of 0 but still counts the matches', () => {
    const result = recommendPairings(catalog, {}, { limit: 0 });
    expect([result.pairings, result.matched, result.truncated, result.emptyBecause]).toEqual([[], 10, true, undefined]);
  });
});

describe('sort values', () => {
  const bundle = (bundleId: string, price: number, ramSizeInGb: number) => ({ bundleId, price, ramSizeInGb }) as Bundle;

  it('price-per-gb is price over RAM, and has no value for a bundle without RAM', () => {
    expect([sortValue(bundle('a', 10, 4), 'price-per-gb'), sortValue(bundle('b', 10, 0), 'price-per-gb')]).toEqual([2.5, NaN]);
  });

  it('puts bundles without a value last in both directions, and breaks ties by bundle id', () => {
    const bundles = [bundle('z', 10, 0), bundle('b', 8, 4), bundle('a', 4, 2), bundle('c', 3, 1)];
    const sorted = (descending: boolean) => [...bundles].sort((x, y) => compareBundles(x, y, 'price-per-gb', descending)).map((b) => b.bundleId);
    expect([sorted(false), sorted(true)]).toEqual([
      ['a', 'b', 'c', 'z'],
      ['c', 'a', 'b', 'z'],
    ]);
  });

  it('orders recommendations by price-per-gb with RAM-less bundles last', () => {
    const tiny = createCatalog(
      { source: 'file', inputs: ['test'] },
      [{ blueprintId: 'os', isActive: true, minPower: 0, platform: 'LINUX_UNIX' }],
      [
        { ...catalogBundle('nano_1_0'), bundleId: 'noram', ramSizeInGb: 0, price: 1 },
        { ...catalogBundle('nano_1_0'), bundleId: 'big', ramSizeInGb: 8, price: 16 },
        { ...catalogBundle('nano_1_0'), bundleId: 'small', ramSizeInGb: 1, price: 3 },
      ],
    );
    expect(ids(recommendPairings(tiny, {}, { sort: 'price-per-gb' }).pairings)).toEqual(['os/big', 'os/small', 'os/noram']);
  });
});

function catalogBundle(id: string): Bundle {
  return catalog.getBundle(id)!;
}
