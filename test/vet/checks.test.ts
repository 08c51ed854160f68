import { beforeAll, describe, expect, it } from 'vitest';
import type { VetParsers } from '../../src/vet/parsers.js';
import { vetSources } from '../../src/vet/vet-files.js';
import { allParsers, fixtureCatalog, source } from './helpers.js';

let parsers: VetParsers;
beforeAll(async () => {
  parsers = await allParsers();
});

function vetConfig(instance: string, options: Partial<Parameters<typeof vetSources>[1]> = {}) {
  return vetSources([source('lightsail-compat.yaml', `instances:\n  - name: box\n${instance}`)], { catalog: fixtureCatalog(), parsers, ...options }).findings;
}

describe('checks', () => {
  it('reports an unknown bundle with a did-you-mean and the cheapest compatible bundle', () => {
    expect(vetConfig('    blueprint: debian_12\n    bundle: nano_3_O\n')).toEqual([
      {
        ruleId: 'unknown-bundle',
        severity: 'error',
        message: 'bundle nano_3_O is not in the us-east-1 catalog; did you mean nano_3_0 or nano_2_0?',
        file: 'lightsail-compat.yaml',
        line: 4,
        column: 5,
        resource: 'box',
        suppressed: false,
        suggestion: { bundleId: 'nano_3_0', price: 5 },
      },
    ]);
  });

  it('sets the severity of unknown ids with --unknown, and leaves them out with off', () => {
    expect(vetConfig('    blueprint: wordpres\n    bundle: nano_3_0\n', { unknown: 'warning' }).map((f) => [f.ruleId, f.severity])).toEqual([['unknown-blueprint', 'warning']]);
    expect(vetConfig('    blueprint: wordpres\n    bundle: nano_3_0\n', { unknown: 'off' })).toEqual([]);
  });

  it('reports every pair rule that fires, at the bundle, with the suggestion', () => {
    expect(vetConfig('    blueprint: windows_server_2019_sql_2016_express\n    bundle: micro_win_3_0\n')).toEqual([
      {
        ruleId: 'power-threshold',
        severity: 'error',
        message: 'bundle micro_win_3_0 has power 500; windows_server_2019_sql_2016_express needs at least 1000',
        file: 'lightsail-compat.yaml',
        line: 4,
        column: 5,
        resource: 'box',
        suppressed: false,
        suggestion: { bundleId: 'small_win_3_0', price: 22 },
      },
    ]);
  });

  it('applies --rule severity overrides of the pair rules', () => {
    const findings = vetConfig('    blueprint: windows_server_2019_sql_2016_express\n    bundle: micro_win_3_0\n', { ruleOptions: { severity: { 'power-threshold': 'warning' } } });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['power-threshold', 'warning']]);
  });

  it('requires an IPv6-only bundle for ipv6 and refuses one for dualstack, the default', () => {
    expect(vetConfig('    blueprint: nodejs\n    bundle: nano_3_0\n    ipAddressType: ipv6\n').map((f) => [f.ruleId, f.line, f.message, f.suggestion])).toEqual([
      ['ip-address-type', 5, 'ipv6 needs an IPv6-only bundle (publicIpv4AddressCount 0); nano_3_0 has a public IPv4 address', { bundleId: 'nano_ipv6_3_0', price: 3.5 }],
    ]);
    expect(vetConfig('    blueprint: nodejs\n    bundle: nano_ipv6_3_0\n').map((f) => [f.ruleId, f.line, f.message])).toEqual([
      [
        'ip-address-type',
        4,
        'nano_ipv6_3_0 is an IPv6-only bundle (publicIpv4AddressCount 0), but the IP address type is dualstack (the default); use ipv6 or a dual-stack bundle',
      ],
    ]);
    expect(vetConfig('    blueprint: nodejs\n    bundle: nano_ipv6_3_0\n    ipAddressType: ipv6\n')).toEqual([]);
  });

  it('flags ssh to Windows and rdp to Linux', () => {
    expect(vetConfig('    blueprint: windows_server_2022\n    bundle: nano_win_3_0\n    accessProtocol: ssh\n').map((f) => f.message)).toEqual([
      'ssh to windows_server_2022, a Windows blueprint: Windows instances are reached with rdp',
    ]);
    expect(vetConfig('    blueprint: ubuntu_24_04\n    bundle: nano_3_0\n    accessProtocol: rdp\n').map((f) => f.message)).toEqual([
      'rdp to ubuntu_24_04, a LINUX_UNIX blueprint: Linux/Unix instances are reached with ssh',
    ]);
    expect(vetConfig('    blueprint: windows_server_2022\n    bundle: nano_win_3_0\n    accessProtocol: rdp\n')).toEqual([]);
  });

  it('notes password retrieval for Windows with a custom key pair, not with the default one', () => {
    expect(vetConfig('    blueprint: windows_server_2022\n    bundle: nano_win_3_0\n    keyPair: ops\n').map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['windows-password-retrieval', 'info', 5],
    ]);
    expect(vetConfig('    blueprint: windows_server_2022\n    bundle: nano_win_3_0\n    keyPair: LightsailDefaultKeyPair\n')).toEqual([]);
    expect(vetConfig('    blueprint: ubuntu_24_04\n    bundle: nano_3_0\n    keyPair: ops\n')).toEqual([]);
  });

  it('counts an unresolvable key pair reference as a custom key pair', () => {
    const { findings } = vetSources(
      [source('main.tf', 'resource "aws_lightsail_instance" "w" {\n  blueprint_id = "windows_server_2022"\n  bundle_id = "nano_win_3_0"\n  key_pair_name = aws_lightsail_key_pair.ops.name\n}\n')],
      { catalog: fixtureCatalog(), parsers },
    );
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'windows-password-retrieval',
        'windows_server_2022 is Windows with a custom key pair (aws_lightsail_key_pair.ops.name is known only at apply time): GetInstanceAccessDetails returns an empty password; decrypt passwordData.ciphertext with that key pair\'s private key (or use LightsailDefaultKeyPair)',
      ],
    ]);
  });

  it('keeps suppressed findings, marked, with the reason, and warns about a suppression without one', () => {
    const findings = vetConfig(
      '    blueprint: windows_server_2019_sql_2016_express\n    bundle: micro_win_3_0\n    keyPair: ops\n    ignore:\n      - rule: power-threshold\n        reason: replaced next sprint\n      - rule: windows-password-retrieval\n',
    );
    expect(findings.map((f) => [f.ruleId, f.severity, f.suppressed, f.suppressionReason])).toEqual([
      ['power-threshold', 'error', true, 'replaced next sprint'],
      ['windows-password-retrieval', 'info', true, undefined],
      ['suppression-without-reason', 'warning', false, undefined],
    ]);
  });

  it('checks each region of --regions against its own catalog and tags findings with the region', () => {
    const us = fixtureCatalog('us-east-1');
    const ap = fixtureCatalog('ap-south-1');
    const findings = vetConfig('    blueprint: wordpress\n    bundle: nano_3_0\n', {
      catalog: us,
      regions: ['us-east-1', 'ap-south-1'],
      catalogForRegion: (r) => (r === 'us-east-1' ? us : r === 'ap-south-1' ? ap : undefined),
    });
    expect(findings.map((f) => [f.ruleId, f.region, f.message])).toEqual([
      ['unknown-bundle', 'ap-south-1', 'bundle nano_3_0 is not in the ap-south-1 catalog; did you mean nano_2_0 or nano_3_1?'],
    ]);
  });

  it("selects the catalog of a config instance's region, and says so when there is none", () => {
    const us = fixtureCatalog('us-east-1');
    const ap = fixtureCatalog('ap-south-1');
    const instance = '    blueprint: wordpress\n    bundle: nano_3_0\n    region: ap-south-1\n';
    expect(vetConfig(instance, { catalog: us, catalogForRegion: (r) => (r === 'ap-south-1' ? ap : undefined) }).map((f) => [f.ruleId, f.region])).toEqual([
      ['unknown-bundle', 'ap-south-1'],
    ]);
    expect(vetConfig(instance, { catalog: us })).toEqual([
      {
        ruleId: 'region-catalog',
        severity: 'warning',
        message: 'no catalog for ap-south-1 (the catalog in use describes us-east-1); box is not checked for ap-south-1',
        file: 'lightsail-compat.yaml',
        line: 5,
        column: 5,
        resource: 'box',
        suppressed: false,
        region: 'ap-south-1',
      },
    ]);
  });

  it('applies a config ignore list to findings in files under its directory only', () => {
    const catalog = fixtureCatalog();
    const tf = 'resource "aws_lightsail_instance" "w" {\n  blueprint_id = lookup(var.m, "k")\n  bundle_id = "nano_3_0"\n}\n';
    const config = 'instances: []\nignore:\n  - rule: unresolved-value\n    resource: aws_lightsail_instance.w\n    reason: set by the pipeline\n';
    const { findings } = vetSources([source('infra/lightsail-compat.yaml', config), source('infra/main.tf', tf), source('other/main.tf', tf)], { catalog, parsers });
    expect(findings.map((f) => [f.file, f.ruleId, f.suppressed, f.suppressionReason])).toEqual([
      ['infra/main.tf', 'unresolved-value', true, 'set by the pipeline'],
      ['other/main.tf', 'unresolved-value', false, undefined],
    ]);
  });
});
