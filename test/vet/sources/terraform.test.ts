import { beforeAll, describe, expect, it } from 'vitest';
import type { VetParsers } from '../../../src/vet/parsers.js';
import { parseVetSources } from '../../../src/vet/vet-files.js';
import { allParsers, fixtureSources, source } from '../helpers.js';

let parsers: VetParsers;
beforeAll(async () => {
  parsers = await allParsers();
});

function instancesOf(files: Record<string, string>, varFiles: Record<string, string> = {}) {
  const parsed = parseVetSources(
    Object.entries(files).map(([name, text]) => source(name, text)),
    parsers,
    Object.entries(varFiles).map(([name, text]) => source(name, text)),
  );
  expect(parsed.errors).toEqual([]);
  return parsed.instances;
}

describe('Terraform value resolution', () => {
  it('reads literals at the attribute position', () => {
    const [web] = instancesOf({ 'main.tf': 'resource "aws_lightsail_instance" "web" {\n  blueprint_id = "wordpress"\n  bundle_id    = "nano_3_0"\n}\n' });
    expect(web).toMatchObject({
      resource: 'aws_lightsail_instance.web',
      line: 1,
      column: 1,
      endLine: 4,
      blueprint: { name: 'blueprint_id', line: 2, column: 3, candidates: [{ value: 'wordpress' }] },
      bundle: { name: 'bundle_id', line: 3, column: 3, candidates: [{ value: 'nano_3_0' }] },
    });
  });

  it('takes var.x from terraform.tfvars over the default, and --var-file over both', () => {
    const files = {
      'infra/variables.tf': 'variable "size" {\n  default = "nano_3_0"\n}\n',
      'infra/main.tf': 'resource "aws_lightsail_instance" "web" {\n  blueprint_id = "wordpress"\n  bundle_id = var.size\n}\n',
    };
    expect(instancesOf(files)[0]!.bundle!.candidates).toEqual([{ value: 'nano_3_0', origin: 'var.size default (infra/variables.tf:1)' }]);
    const withTfvars = { ...files, 'infra/terraform.tfvars': 'size = "micro_3_0"\n', 'infra/z.auto.tfvars': 'size = "small_3_0"\n' };
    expect(instancesOf(withTfvars)[0]!.bundle!.candidates).toEqual([{ value: 'small_3_0', origin: 'var.size from infra/z.auto.tfvars:1' }]);
    expect(instancesOf(withTfvars, { 'ci.tfvars.json': '{ "size": "large_3_0" }' })[0]!.bundle!.candidates).toEqual([
      { value: 'large_3_0', origin: 'var.size from ci.tfvars.json:1' },
    ]);
  });

  it('resolves locals, map lookups and interpolation', () => {
    const [web] = instancesOf({
      'main.tf': [
        'variable "gen" {\n  default = "3_0"\n}',
        'locals {\n  sizes = { web = "micro" }\n  bundle = "${local.sizes["web"]}_${var.gen}"\n}',
        'resource "aws_lightsail_instance" "web" {\n  blueprint_id = "wordpress"\n  bundle_id = local.bundle\n}',
      ].join('\n'),
    });
    expect(web!.bundle!.candidates.map((c) => c.value)).toEqual(['micro_3_0']);
  });

  it('checks both branches of a conditional', () => {
    const [web] = instancesOf({ 'main.tf': 'resource "aws_lightsail_instance" "web" {\n  blueprint_id = "wordpress"\n  bundle_id = var.prod ? "large_3_0" : "nano_3_0"\n}\nvariable "prod" {}\n' });
    expect(web!.bundle!.candidates.map((c) => c.value)).toEqual(['large_3_0', 'nano_3_0']);
  });

  it('reports values known only at apply time instead of skipping them', () => {
    const [web] = instancesOf({
      'main.tf': [
        'variable "unset" {}',
        'resource "aws_lightsail_instance" "web" {',
        '  blueprint_id = lookup(var.images, "web")',
        '  bundle_id = var.unset',
        '  key_pair_name = aws_lightsail_key_pair.ops.name',
        '  ip_address_type = each.value',
        '}',
      ].join('\n'),
    });
    expect({
      blueprint: web!.blueprint!.unresolved,
      bundle: web!.bundle!.unresolved,
      keyPair: web!.keyPair!.unresolved,
      ip: web!.ipAddressType!.unresolved,
    }).toEqual({
      blueprint: 'lookup(var.images, "web") calls a function, which vet does not evaluate; known only at plan or apply time',
      bundle: 'var.unset has no default and no value in a tfvars file (pass one with --var-file)',
      keyPair: 'aws_lightsail_key_pair.ops.name is known only at apply time',
      ip: 'each.value differs per instance and is not evaluated',
    });
  });

  it('does not loop on a local that refers to itself', () => {
    const [web] = instancesOf({ 'main.tf': 'locals {\n  a = local.a\n}\nresource "aws_lightsail_instance" "web" {\n  blueprint_id = "x"\n  bundle_id = local.a\n}\n' });
    expect(web!.bundle!.unresolved).toBe('local.a refers to itself');
  });

  it('passes module arguments into a local child module and names resources by module address', () => {
    const parsed = parseVetSources(fixtureSources('terraform'), parsers, []);
    expect(parsed.errors).toEqual([]);
    const worker = parsed.instances.find((i) => i.resource === 'module.workers.aws_lightsail_instance.worker');
    expect(worker).toMatchObject({
      file: 'test/fixtures/vet/terraform/modules/worker/main.tf',
      blueprint: { candidates: [{ value: 'windows_server_2022', origin: 'var.blueprint from module "workers" (test/fixtures/vet/terraform/main.tf:78)' }] },
      bundle: {
        candidates: [
          { value: 'nano_win_3_0', origin: 'var.bundle from module "workers" (test/fixtures/vet/terraform/main.tf:79), var.worker_bundle default (test/fixtures/vet/terraform/variables.tf:16)' },
        ],
      },
      keyPair: { candidates: [{ value: 'LightsailDefaultKeyPair', origin: 'var.key_pair default (test/fixtures/vet/terraform/modules/worker/variables.tf:13)' }] },
    });
    // The child directory is only evaluated through the call, not again as a root module.
    expect(parsed.instances.filter((i) => i.resource.endsWith('aws_lightsail_instance.worker')).map((i) => i.resource)).toEqual([
      'module.workers.aws_lightsail_instance.worker',
    ]);
  });
});
