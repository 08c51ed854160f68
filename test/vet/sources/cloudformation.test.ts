import { beforeAll, describe, expect, it } from 'vitest';
import type { VetParsers } from '../../../src/vet/parsers.js';
import { parseVetSources } from '../../../src/vet/vet-files.js';
import { allParsers, fixtureSources, source } from '../helpers.js';

let parsers: VetParsers;
beforeAll(async () => {
  parsers = await allParsers();
});

function template(properties: string, extra = ''): string {
  return `AWSTemplateFormatVersion: "2010-09-09"\n${extra}Resources:\n  Web:\n    Type: AWS::Lightsail::Instance\n    Properties:\n${properties}`;
}

function only(text: string, name = 't.yaml') {
  const parsed = parseVetSources([source(name, text)], parsers);
  expect(parsed.errors).toEqual([]);
  expect(parsed.instances).toHaveLength(1);
  return parsed.instances[0]!;
}

describe('CloudFormation templates', () => {
  it('checks a parameter Ref for its Default and each AllowedValue', () => {
    const web = only(template('      BlueprintId: wordpress\n      BundleId: !Ref Size\n', 'Parameters:\n  Size:\n    Type: String\n    Default: micro_3_0\n    AllowedValues: [nano_3_0, micro_3_0]\n'));
    expect(web.bundle).toEqual({
      name: 'BundleId',
      line: 12,
      column: 7,
      candidates: [
        { value: 'micro_3_0', origin: 'parameter Size Default' },
        { value: 'nano_3_0', origin: 'parameter Size AllowedValues' },
      ],
    });
  });

  it('reads short-form tags as their long forms', () => {
    const web = only(template('      BlueprintId: !Sub "${Os}_24_04"\n      BundleId: !If [Big, large_3_0, !Join ["_", [nano, "3", "0"]]]\n', 'Parameters:\n  Os:\n    Type: String\n    Default: ubuntu\n'));
    expect(web.blueprint!.candidates.map((c) => c.value)).toEqual(['ubuntu_24_04']);
    expect(web.bundle!.candidates.map((c) => c.value)).toEqual(['large_3_0', 'nano_3_0']);
  });

  it('gives every value a mapping can give when its key is known only at deploy time', () => {
    const web = only(
      template('      BlueprintId: wordpress\n      BundleId: !FindInMap [Sizes, !Ref "AWS::Region", Web]\n', 'Mappings:\n  Sizes:\n    us-east-1: { Web: nano_3_0 }\n    eu-west-1: { Web: nano_3_1 }\n'),
    );
    expect(web.bundle!.candidates.map((c) => c.value)).toEqual(['nano_3_0', 'nano_3_1']);
  });

  it('reports GetAtt, ImportValue and pseudo parameters as unresolved', () => {
    const web = only(template('      BlueprintId: !GetAtt Other.Blueprint\n      BundleId: !ImportValue Shared-Bundle\n      KeyPairName: !Ref "AWS::StackName"\n'));
    expect([web.blueprint!.unresolved, web.bundle!.unresolved, web.keyPair!.unresolved]).toEqual([
      'Fn::GetAtt Other.Blueprint is known only at deploy time',
      'Fn::ImportValue is read from another stack at deploy time',
      'the pseudo parameter AWS::StackName is known only at deploy time',
    ]);
  });

  it('reads Metadata suppressions and comments above the logical id', () => {
    const web = only(
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  # lightsail-compat-ignore power-threshold: test box\n  Web:\n    Type: AWS::Lightsail::Instance\n    Metadata:\n      lightsail-compat:\n        ignore:\n          - rule: ip-address-type\n    Properties:\n      BlueprintId: wordpress\n      BundleId: nano_3_0\n',
    );
    expect(web.suppressions).toEqual([
      { file: 't.yaml', line: 9, column: 13, rules: ['ip-address-type'] },
      { file: 't.yaml', line: 3, column: 3, rules: ['power-threshold'], reason: 'test box' },
    ]);
  });

  it('reads JSON templates with positions', () => {
    const parsed = parseVetSources(fixtureSources('cloudformation'), parsers);
    expect(parsed.errors).toEqual([]);
    const api = parsed.instances.find((i) => i.resource === 'Api')!;
    expect(api).toMatchObject({ file: 'test/fixtures/vet/cloudformation/api.template.json', line: 12, column: 5, bundle: { line: 17, column: 9 } });
    expect(api.bundle!.candidates.map((c) => c.value)).toEqual(['small_3_0', 'nano_3_0', 'medium_3_0']);
  });

  it('skips YAML files in a walk that only look like templates', () => {
    const parsed = parseVetSources([{ name: 'x.yaml', text: 'Resources: []\n# Type: AWS::Foo::Bar\n' }], parsers);
    expect(parsed).toMatchObject({ errors: [], instances: [], filesScanned: 0, skipped: ['x.yaml'] });
  });
});
