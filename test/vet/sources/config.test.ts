import { beforeAll, describe, expect, it } from 'vitest';
import type { VetParsers } from '../../../src/vet/parsers.js';
import { parseVetSources } from '../../../src/vet/vet-files.js';
import { allParsers, source } from '../helpers.js';

let parsers: VetParsers;
beforeAll(async () => {
  parsers = await allParsers();
});

describe('lightsail-compat config', () => {
  it('reads instances with their attributes and ignore lists', () => {
    const parsed = parseVetSources(
      [source('lightsail-compat.yaml', 'instances:\n  - name: web\n    blueprint: wordpress\n    bundle: nano_3_0\n    ignore:\n      - rule: x\n        reason: y\nignore:\n  - rule: unresolved-value\n')],
      parsers,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.instances).toEqual([
      {
        file: 'lightsail-compat.yaml',
        sourceKind: 'config',
        resource: 'web',
        line: 2,
        column: 5,
        endLine: 7,
        blueprint: { name: 'blueprint', line: 3, column: 5, candidates: [{ value: 'wordpress' }] },
        bundle: { name: 'bundle', line: 4, column: 5, candidates: [{ value: 'nano_3_0' }] },
        ipAddressTypeSettable: true,
        suppressions: [{ file: 'lightsail-compat.yaml', line: 6, column: 9, rules: ['x'], reason: 'y' }],
      },
    ]);
    expect(parsed.scoped).toEqual([{ dir: '.', suppression: { file: 'lightsail-compat.yaml', line: 9, column: 5, rules: ['unresolved-value'] } }]);
  });

  it('reads the JSON form the same way', () => {
    const parsed = parseVetSources([source('conf/lightsail-compat.json', '{"instances": [{"name": "a", "blueprint": "wordpress", "bundle": "nano_3_0", "region": "us-east-1"}]}')], parsers);
    expect(parsed.instances[0]).toMatchObject({ resource: 'a', region: { candidates: [{ value: 'us-east-1' }] } });
  });

  it('refuses a config that breaks the schema, pointing at the offending key', () => {
    const parsed = parseVetSources([source('lightsail-compat.yaml', 'instances:\n  - name: web\n    blueprint: wordpress\n    bundel: nano_3_0\n')], parsers);
    expect(parsed.errors).toEqual([
      { severity: 'error', code: 'invalid-config', message: 'missing required member bundle', source: 'lightsail-compat.yaml', pointer: '/instances/0', line: 2, column: 5 },
      { severity: 'error', code: 'invalid-config', message: 'unknown member bundel', source: 'lightsail-compat.yaml', pointer: '/instances/0', line: 4, column: 5 },
    ]);
  });
});

describe('lazy parsing', () => {
  it('needs only the YAML parser for a YAML config, and only HCL for Terraform', async () => {
    const { syntaxesFor } = await import('../../../src/vet/vet-files.js');
    expect([...syntaxesFor([source('lightsail-compat.yaml', 'instances: []\n')])]).toEqual(['yaml']);
    expect([...syntaxesFor([source('main.tf', ''), source('notes.md', '# x')], [source('ci.tfvars', '')])]).toEqual(['hcl']);
  });
});
