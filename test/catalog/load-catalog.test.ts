import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from '../../src/catalog/builtin.js';
import { toCatalogFile } from '../../src/catalog/catalog.js';
import { catalogText, catalogValue, loadCatalog, MAX_DIAGNOSTICS_PER_INPUT } from '../../src/catalog/load-catalog.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const text = (path: string) => catalogText(readFileSync(join(fixtures, path), 'utf8'), path);
const json = (path: string): unknown => JSON.parse(readFileSync(join(fixtures, path), 'utf8'));

const NANO_3_0 = {
  price: 5.0,
  cpuCount: 2,
  diskSizeInGb: 20,
  bundleId: 'nano_3_0',
  instanceType: 'nano',
  isActive: true,
  name: 'Nano',
  power: 298,
  ramSizeInGb: 0.5,
  transferPerMonthInGb: 1024,
  supportedPlatforms: ['LINUX_UNIX'],
  supportedAppCategories: [],
  publicIpv4AddressCount: 1,
};

describe('loadCatalog on real AWS CLI output', () => {
  it('normalizes the 2024 get-bundles example, filling the members it predates', () => {
    const { catalog, diagnostics } = loadCatalog(text('raw/bundles-awscli-example-2024-07-e55009b.trimmed.json'));
    expect(catalog.bundles.map((b) => b.bundleId)).toEqual(['micro_3_0', 'nano_3_0', 'small_3_0']);
    expect(catalog.getBundle('nano_3_0')).toEqual(NANO_3_0);
    expect(diagnostics).toEqual([
      {
        severity: 'info',
        code: 'assumed-value',
        message: '3 bundles without publicIpv4AddressCount (a catalog from before 2024-01-25): read as 1, dual-stack',
        source: 'raw/bundles-awscli-example-2024-07-e55009b.trimmed.json',
        pointer: '/bundles/0',
      },
    ]);
  });

  it('keeps every member of the 2024 get-blueprints example and adds nothing', () => {
    const raw = json('raw/blueprints-awscli-example-2024-07-e55009b.trimmed.json') as { blueprints: Record<string, unknown>[] };
    const { catalog, diagnostics } = loadCatalog(text('raw/blueprints-awscli-example-2024-07-e55009b.trimmed.json'));
    expect(diagnostics).toEqual([]);
    expect(catalog.blueprints.map((b) => b.blueprintId)).toEqual(['lamp_8_bitnami', 'nodejs', 'wordpress']);
    expect(catalog.getBlueprint('wordpress')).toEqual(raw.blueprints.find((b) => b['blueprintId'] === 'wordpress'));
  });

  it('reads the 2019 examples, blueprints and bundles together, as one catalog', () => {
    const { catalog, diagnostics } = loadCatalog(
      text('raw/blueprints-awscli-example-2019-11-ed56f45.trimmed.json'),
      text('raw/bundles-awscli-example-2019-11-ed56f45.trimmed.json'),
    );
    expect(catalog.blueprints.map((b) => [b.blueprintId, b.platform, b.minPower])).toEqual([
      ['lamp_7_1_28', 'LINUX_UNIX', 0],
      ['nodejs', 'LINUX_UNIX', 0],
      ['wordpress', 'LINUX_UNIX', 0],
    ]);
    expect(catalog.bundles.map((b) => [b.bundleId, b.price, b.power, b.cpuCount])).toEqual([
      ['micro_2_0', 5, 500, 1],
      ['nano_2_0', 3.5, 300, 1],
      ['small_2_0', 10, 1000, 1],
    ]);
    expect(catalog.metadata).toEqual({
      source: 'merged',
      inputs: ['raw/blueprints-awscli-example-2019-11-ed56f45.trimmed.json', 'raw/bundles-awscli-example-2019-11-ed56f45.trimmed.json'],
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['assumed-value']);
  });

  it('reads a catalog from before 2017-10-18 as LINUX_UNIX and says so', () => {
    const { catalog, diagnostics } = loadCatalog(text('raw/bundles-awsdocs-devguide-2017-pre-platform-2db47f1.json'));
    expect(catalog.bundles.map((b) => [b.bundleId, b.instanceType, b.supportedPlatforms])).toEqual([
      ['large_1_0', 't2.large', ['LINUX_UNIX']],
      ['medium_1_0', 't2.medium', ['LINUX_UNIX']],
      ['micro_1_0', 't2.micro', ['LINUX_UNIX']],
      ['nano_1_0', 't2.nano', ['LINUX_UNIX']],
      ['small_1_0', 't2.small', ['LINUX_UNIX']],
    ]);
    expect(diagnostics[0]).toEqual({
      severity: 'warning',
      code: 'legacy-platform',
      message: '5 bundles without supportedPlatforms (a catalog from before 2017-10-18): read as [LINUX_UNIX], the only platform then',
      source: 'raw/bundles-awsdocs-devguide-2017-pre-platform-2db47f1.json',
      pointer: '/bundles/0',
    });
  });

  it('reports the elided CLI examples as malformed JSON with line and column', () => {
    const { catalog, diagnostics } = loadCatalog(text('raw/bundles-awscli-example-2024-07-e55009b.partial.txt'));
    expect(catalog.bundles).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-json',
        message: "not valid JSON: Unexpected token '.'",
        source: 'raw/bundles-awscli-example-2024-07-e55009b.partial.txt',
        line: 52,
        column: 1,
      },
    ]);
  });

  it('recognizes CLI table output and asks for --output json', () => {
    const { diagnostics } = loadCatalog(text('raw/bundles-cli-table-and-text-3_0-eu-central-1.txt'));
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-json',
        message: 'not valid JSON: No number after minus sign; this looks like AWS CLI table or text output: run the command again with --output json',
        source: 'raw/bundles-cli-table-and-text-3_0-eu-central-1.txt',
        line: 1,
        column: 2,
      },
    ]);
  });

  it('refuses GetInstanceAccessDetails output and the API model as not catalogs', () => {
    const { diagnostics } = loadCatalog(
      text('raw/instance-access-details-rdp-awsdocs-devguide-93bec05.json'),
      text('raw/lightsail-model-excerpt-botocore-29b0ded.json'),
    );
    expect(diagnostics.map((d) => [d.source, d.code, d.message.split(';')[0]])).toEqual([
      ['raw/instance-access-details-rdp-awsdocs-devguide-93bec05.json', 'not-a-catalog', 'this is GetInstanceAccessDetails output, not a catalog'],
      ['raw/lightsail-model-excerpt-botocore-29b0ded.json', 'not-a-catalog', 'an object without `blueprints` or `bundles` is not a catalog'],
    ]);
  });
});

describe('loadCatalog on SDK output and pages', () => {
  it('merges SDK v3 pages with $metadata into one catalog', () => {
    const { catalog, diagnostics } = loadCatalog(text('catalog/sdk-v3-pages.json'));
    expect(diagnostics).toEqual([]);
    expect(catalog.bundles.map((b) => [b.bundleId, b.publicIpv4AddressCount])).toEqual([
      ['nano_3_0', 1],
      ['nano_ipv6_3_0', 0],
    ]);
  });

  it('warns when every page given has a nextPageToken, since the last page is missing', () => {
    const pages = json('catalog/sdk-v3-pages.json') as unknown[];
    const { catalog, diagnostics } = loadCatalog(catalogValue(pages[0], 'page-1.json'));
    expect(catalog.bundles.map((b) => b.bundleId)).toEqual(['nano_3_0']);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'missing-last-page',
        message:
          'every bundle page given has a nextPageToken, so at least one later page is missing; pass every page, or use the output of the AWS CLI without --no-paginate',
      },
    ]);
  });

  it('accepts pages as separate arguments in any order', () => {
    const [first, second] = json('catalog/sdk-v3-pages.json') as unknown[];
    const a = loadCatalog(first, second);
    const b = loadCatalog(second, first);
    expect(b.catalog.bundles).toEqual(a.catalog.bundles);
    expect(a.diagnostics).toEqual([]);
  });
});

describe('loadCatalog on bad input', () => {
  it('reports a truncated file at the end, with line and column', () => {
    const { diagnostics } = loadCatalog(text('catalog/truncated-bundles.json'));
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-json',
        message: 'not valid JSON: Expected double-quoted property name',
        source: 'catalog/truncated-bundles.json',
        line: 8,
        column: 1,
      },
    ]);
  });

  it('leaves out an item with a wrong type, names it and points at the member, and keeps the rest', () => {
    const { catalog, diagnostics } = loadCatalog(text('catalog/wrong-types.json'));
    expect(catalog.bundles.map((b) => b.bundleId)).toEqual(['micro_3_0']);
    expect(diagnostics[0]).toEqual({
      severity: 'error',
      code: 'invalid-item',
      message: 'bundle nano_3_0: price must be a number, got string "5.0"; the item is left out',
      source: 'catalog/wrong-types.json',
      pointer: '/bundles/0/price',
    });
  });

  it('reports an empty file as empty', () => {
    expect(loadCatalog(text('catalog/empty.json')).diagnostics).toEqual([
      { severity: 'error', code: 'invalid-json', message: 'the file is empty; expected JSON', source: 'catalog/empty.json', line: 1, column: 1 },
    ]);
  });

  it('refuses JSON that is not a catalog and says what a catalog is', () => {
    const { diagnostics } = loadCatalog(text('catalog/not-a-catalog.json'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'not-a-catalog', source: 'catalog/not-a-catalog.json', pointer: '' });
    expect(diagnostics[0]!.message).toContain('expected the JSON output of `aws lightsail get-blueprints` or `get-bundles`');
  });

  it('refuses a page whose list is not an array, naming the member', () => {
    const { catalog, diagnostics } = loadCatalog(catalogValue({ bundles: { nano_3_0: {} } }, 'odd.json'));
    expect(catalog.bundles).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-document',
        message: 'bundles must be an array, got an object; nothing in this document is loaded',
        source: 'odd.json',
        pointer: '/bundles',
      },
    ]);
  });

  it('leaves out a bundle that lacks what checking needs, and names what is missing', () => {
    const { catalog, diagnostics } = loadCatalog(catalogValue({ bundles: [{ bundleId: 'x_1_0', price: 1 }] }, 'thin.json'));
    expect(catalog.bundles).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'missing-member',
        message: 'bundle x_1_0 has no power, cpuCount, ramSizeInGb, diskSizeInGb, transferPerMonthInGb; it cannot be checked or ranked, so it is left out',
        source: 'thin.json',
        pointer: '/bundles/0',
      },
    ]);
  });

  it('merges identical duplicates silently and leaves out conflicting ones with both places named', () => {
    const same = loadCatalog(text('catalog/conflict-a.json'), text('catalog/conflict-a.json'));
    expect(same.catalog.bundles.map((b) => b.bundleId)).toEqual(['nano_3_0']);
    expect(same.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const { catalog, diagnostics } = loadCatalog(text('catalog/conflict-a.json'), text('catalog/conflict-b.json'));
    expect(catalog.bundles).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
      {
        severity: 'error',
        code: 'duplicate-conflict',
        message:
          'bundle nano_3_0 appears twice with different content, at catalog/conflict-a.json /bundles/0 and at catalog/conflict-b.json /bundles/0 (price: 5 vs 3.5); it is left out until one of them is removed',
        source: 'catalog/conflict-b.json',
        pointer: '/bundles/0',
      },
    ]);
  });

  it('caps the diagnostics of one input and says how many more there were', () => {
    const bundles = Array.from({ length: MAX_DIAGNOSTICS_PER_INPUT + 50 }, (_, i) => ({ bundleId: `b${i}`, price: 'free' }));
    const { diagnostics } = loadCatalog(catalogValue({ bundles }, 'many.json'));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_INPUT + 1);
    expect(diagnostics[diagnostics.length - 1]).toEqual({
      severity: 'info',
      code: 'too-many-diagnostics',
      message: '50 more problems in this input are not shown',
      source: 'many.json',
    });
  });

  it('reports data nested too deeply instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { catalog, diagnostics } = loadCatalog(catalogValue({ bundles: [{ ...NANO_3_0, extra: deep }] }, 'deep.json'));
    expect(catalog.bundles).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'too-deep',
        message: 'the data is nested too deeply to be a catalog; nothing in this input is loaded',
        source: 'deep.json',
        pointer: '',
      },
    ]);
  });
});

describe('loadCatalog forward compatibility', () => {
  it('keeps an unknown platform and unknown members, with a warning naming the value', () => {
    const { catalog, diagnostics } = loadCatalog(text('catalog/future-platform.json'));
    expect(catalog.getBlueprint('macos_15')).toEqual({
      blueprintId: 'macos_15',
      name: 'macOS',
      type: 'os',
      isActive: true,
      minPower: 0,
      platform: 'MACOS',
      gpuRequired: false,
    });
    expect(catalog.getBundle('mac_1_0')?.['acceleratorCount']).toBe(0);
    expect(diagnostics.map((d) => [d.severity, d.code, d.pointer, d.message])).toEqual([
      [
        'warning',
        'unknown-value',
        '/blueprints/0/platform',
        'blueprint macos_15 has platform "MACOS", which this version does not know (known: LINUX_UNIX, WINDOWS); it is kept, and matches no known value',
      ],
      [
        'warning',
        'unknown-value',
        '/bundles/0/supportedPlatforms/0',
        'bundle mac_1_0 has platform "MACOS", which this version does not know (known: LINUX_UNIX, WINDOWS); it is kept, and matches no known value',
      ],
    ]);
  });

  it('lets __proto__ and constructor keys change nothing outside the data', () => {
    const hostile =
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "bundles": [' +
      '{"price": 5, "cpuCount": 2, "diskSizeInGb": 20, "bundleId": "nano_3_0", "isActive": true, "power": 298, "ramSizeInGb": 0.5, ' +
      '"transferPerMonthInGb": 1024, "__proto__": {"isActive": false, "polluted": 3}, "constructor": {"name": "x"}}]}';
    const { catalog } = loadCatalog(catalogText(hostile, 'hostile.json'));
    const bundle = catalog.getBundle('nano_3_0')!;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(bundle)).toBe(Object.prototype);
    expect(bundle.isActive).toBe(true);
    expect(Object.hasOwn(bundle, '__proto__')).toBe(true);
    expect(bundle['constructor']).toEqual({ name: 'x' });
  });

  it('neither freezes nor shares the objects it was given', () => {
    const page = { bundles: [{ ...NANO_3_0, supportedPlatforms: ['LINUX_UNIX'] }] };
    const { catalog } = loadCatalog(page);
    expect(Object.isFrozen(page.bundles[0]!.supportedPlatforms)).toBe(false);
    expect(catalog.getBundle('nano_3_0')!.supportedPlatforms).not.toBe(page.bundles[0]!.supportedPlatforms);
    expect(Object.isFrozen(catalog.getBundle('nano_3_0'))).toBe(true);
  });
});

describe('catalog files', () => {
  it('round-trips a normalized catalog file to the same catalog', () => {
    const first = loadCatalog(text('catalog/sdk-v3-pages.json'), text('raw/blueprints-awscli-example-2024-07-e55009b.trimmed.json'));
    const file = JSON.parse(JSON.stringify(toCatalogFile(first.catalog))) as unknown;
    const second = loadCatalog(catalogValue(file, 'catalog.json'));
    expect(second.diagnostics).toEqual([]);
    expect(second.catalog.blueprints).toEqual(first.catalog.blueprints);
    expect(second.catalog.bundles).toEqual(first.catalog.bundles);
    expect(second.catalog.metadata).toEqual({ source: 'merged', inputs: ['catalog.json'] });
  });

  it('reports a catalog file that breaks its schema with the pointer', () => {
    const { diagnostics } = loadCatalog(catalogValue({ kind: 'lightsail-compat/catalog', formatVersion: 2, source: 'file', blueprints: [], bundles: [] }, 'v2.json'));
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-document',
        message: 'formatVersion must be 1, got number 2; nothing in this document is loaded',
        source: 'v2.json',
        pointer: '/formatVersion',
      },
    ]);
  });
});

describe('the built-in catalog', () => {
  it('loads without any diagnostic and carries its region, date and provenance', () => {
    const { catalog, diagnostics } = loadBuiltinCatalog();
    expect(diagnostics).toEqual([]);
    expect(catalog.metadata.region).toBe('us-east-1');
    expect(catalog.metadata.source).toBe('builtin');
    expect(catalog.metadata.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(catalog.metadata.provenance?.bundles?.['4xlarge_3_0']?.['power']).toMatch(/^inferred/);
    expect(catalog.metadata.provenance?.blueprints?.['windows_server_2019_sql_2016_express']?.['minPower']).toMatch(/^doc/);
  });

  it('has every _3_0 Linux, IPv6-only and Windows bundle with the documented prices', () => {
    const { catalog } = loadBuiltinCatalog();
    const price = (id: string) => catalog.getBundle(id)?.price;
    const sizes = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
    expect(sizes.map((s) => price(`${s}_3_0`))).toEqual([5, 7, 12, 24, 44, 84, 164]);
    expect(price('4xlarge_3_0')).toBe(384);
    expect(sizes.map((s) => price(`${s}_win_3_0`))).toEqual([9.5, 14, 22, 44, 74, 124, 244]);
    expect([...sizes, '4xlarge'].map((s) => catalog.getBundle(`${s}_ipv6_3_0`)?.publicIpv4AddressCount)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(catalog.getBundle('nano_win_3_0')?.diskSizeInGb).toBe(30);
  });

  it('has SQL Server Express at minPower 1000 and retired items inactive', () => {
    const { catalog } = loadBuiltinCatalog();
    expect(catalog.getBlueprint('windows_server_2019_sql_2016_express')).toMatchObject({ platform: 'WINDOWS', minPower: 1000, isActive: true });
    expect(['wordpress_4_6_1', 'lamp_7_1_28', 'amazon_linux_2017_03_0', 'windows_server_2016_2017_09_13'].map((id) => catalog.getBlueprint(id)?.isActive)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(['nano_2_0', 'micro_2_0', 'small_2_0'].map((id) => catalog.getBundle(id)?.isActive)).toEqual([false, false, false]);
  });
});
