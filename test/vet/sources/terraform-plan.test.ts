import { beforeAll, describe, expect, it } from 'vitest';
import type { VetParsers } from '../../../src/vet/parsers.js';
import { parseVetSources } from '../../../src/vet/vet-files.js';
import { allParsers, fixtureSources, source } from '../helpers.js';

let parsers: VetParsers;
beforeAll(async () => {
  parsers = await allParsers();
});

describe('Terraform plan JSON', () => {
  it('walks child modules and names each instance by its full address', () => {
    const parsed = parseVetSources(fixtureSources('plan'), parsers);
    expect(parsed.errors).toEqual([]);
    expect(parsed.instances.map((i) => [i.resource, i.line, i.column, i.bundle?.candidates[0]?.value])).toEqual([
      ['aws_lightsail_instance.api', 12, 9, 'nano_ipv6_3_0'],
      ['module.batch.aws_lightsail_instance.worker[0]', 55, 13, 'micro_win_3_0'],
      ['module.batch.aws_lightsail_instance.worker[1]', 80, 13, 'small_win_3_0'],
    ]);
  });

  it('reports a value the plan marks unknown as known only at apply time', () => {
    const parsed = parseVetSources(fixtureSources('plan'), parsers);
    expect(parsed.instances[2]!.keyPair).toEqual({
      name: 'key_pair_name',
      line: 88,
      column: 25,
      candidates: [],
      unresolved: 'key_pair_name of module.batch.aws_lightsail_instance.worker[1] is known only at apply time',
    });
  });

  it('ignores data sources and other resource types', () => {
    const plan = JSON.stringify({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: 'data.aws_lightsail_instance.x', mode: 'data', type: 'aws_lightsail_instance', name: 'x', values: {} },
            { address: 'aws_lightsail_key_pair.k', mode: 'managed', type: 'aws_lightsail_key_pair', name: 'k', values: {} },
          ],
        },
      },
    });
    expect(parseVetSources([source('plan.json', plan)], parsers).instances).toEqual([]);
  });
});
