import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VetParsers } from '../../src/vet/parsers.js';
import type { VetResult, VetSource } from '../../src/vet/types.js';
import { vetSources } from '../../src/vet/vet-files.js';
import { allParsers, fixtureCatalog, fixtureSources } from './helpers.js';

let parsers: VetParsers;
beforeAll(async () => {
  parsers = await allParsers();
});

const catalog = fixtureCatalog();
const FIXTURE_TEXTS = ['terraform', 'plan', 'cloudformation', 'config'].flatMap((d) => fixtureSources(d));

/** File names of every kind vet reads (and one it does not). */
const NAMES = ['main.tf', 'terraform.tfvars', 'x.auto.tfvars.json', 'plan.json', 'template.yaml', 'template.json', 'a.template', 'lightsail-compat.yaml', 'lightsail-compat.json', 'notes.txt'];

/** Text that looks enough like each kind to get past detection. */
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ type: 'aws_lightsail_instance', values: v }], child_modules: [v] } } })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Parameters: { P: v }, Resources: { R: { Type: 'AWS::Lightsail::Instance', Properties: { BundleId: v, BlueprintId: { Ref: 'P' } } } } })),
  fc
    .array(fc.constantFrom('AWSTemplateFormatVersion: x\n', 'Resources:\n', '  W:\n', '    Type: AWS::Lightsail::Instance\n', '    Properties:\n', '      BundleId: !Ref P\n', '      BlueprintId: !FindInMap [M, !Ref "AWS::Region", k]\n', '&a [*a, *a]\n', '- ', ': ', '!Sub "${x}"\n', '# lightsail-compat-ignore x\n', 'instances:\n', '  - name: a\n', '    bundle: nano_3_0\n', '\t', '"', '{'), { maxLength: 30 })
    .map((parts) => parts.join('')),
  fc
    .array(fc.constantFrom('resource "aws_lightsail_instance" "a" {\n', '}\n', 'bundle_id = ', 'var.x', 'local.y', '"${var.z}_3_0"', 'lookup(a, b)', '? "a" : "b"', 'locals {\n', 'y = local.y\n', 'variable "x" {\n default = {}\n}\n', 'module "m" {\n source = "./"\n}\n', '# lightsail-compat-ignore', '\n', '[', '{', '<<EOT\nx\nEOT\n'), { maxLength: 30 })
    .map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...FIXTURE_TEXTS), fc.nat()).map(([f, cut]) => f.text.slice(0, cut % (f.text.length + 1))),
);

const sourceArb = fc.record({ name: fc.constantFrom(...NAMES), text, explicit: fc.boolean() });

function vet(sources: readonly VetSource[]): VetResult {
  return vetSources(sources, { catalog, parsers });
}

describe('vetSources laws', () => {
  it('is total: any files give findings or input errors, never an exception', () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { maxLength: 4 }), (sources) => {
        const result = vet(sources);
        for (const e of result.errors) expect(e.severity).toBe('error');
        for (const f of result.findings) expect(f.line >= 1 && f.column >= 1).toBe(true);
      }),
    );
  });

  it('is deterministic and independent of the order of its inputs', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(FIXTURE_TEXTS, { minLength: 1 }), (subset) => {
        const forward = vet(subset);
        expect(vet([...subset].reverse())).toEqual(forward);
      }),
      { numRuns: 20 },
    );
  });
});
