/**
 * Terraform plans, as `terraform show -json PLAN` prints them: every `aws_lightsail_instance` in
 * `planned_values`, walking `child_modules`, named by its full address
 * (`module.batch.aws_lightsail_instance.worker[0]`). A value the plan marks unknown
 * (`after_unknown`) is reported as `unresolved-value`.
 *
 * @module
 */
import type { AttributeValue, VetInstance } from '../types.js';
import { get, getEntry, scalarString, type PNode } from './positioned.js';
import { INSTANCE_ATTRIBUTES } from './terraform.js';

// A plan's `values` carry the same attribute names as the configuration.
const ATTRIBUTES = INSTANCE_ATTRIBUTES;

/** Whether a parsed JSON document is a plan: `format_version` and `planned_values` at the top. */
export function isTerraformPlan(root: PNode): boolean {
  return get(root, 'format_version') !== undefined && get(root, 'planned_values')?.kind === 'map';
}

/** The Lightsail instances a plan will create or keep. */
export function planInstances(file: string, root: PNode): VetInstance[] {
  const unknownByAddress = new Map<string, PNode>();
  const changes = get(root, 'resource_changes');
  if (changes?.kind === 'seq') {
    for (const change of changes.items) {
      const address = scalarString(get(change, 'address'));
      const afterUnknown = get(get(change, 'change'), 'after_unknown');
      if (address !== undefined && afterUnknown) unknownByAddress.set(address, afterUnknown);
    }
  }
  const out: VetInstance[] = [];
  walkModule(file, get(get(root, 'planned_values'), 'root_module'), unknownByAddress, out, 0);
  return out;
}

function walkModule(file: string, module: PNode | undefined, unknowns: ReadonlyMap<string, PNode>, out: VetInstance[], depth: number): void {
  if (module?.kind !== 'map' || depth > 64) return;
  const resources = get(module, 'resources');
  if (resources?.kind === 'seq') {
    for (const r of resources.items) {
      if (scalarString(get(r, 'type')) !== 'aws_lightsail_instance' || (scalarString(get(r, 'mode')) ?? 'managed') !== 'managed') continue;
      const address = scalarString(get(r, 'address')) ?? `aws_lightsail_instance.${scalarString(get(r, 'name')) ?? '?'}`;
      out.push(instanceFrom(file, r, address, unknowns.get(address)));
    }
  }
  const children = get(module, 'child_modules');
  if (children?.kind === 'seq') for (const child of children.items) walkModule(file, child, unknowns, out, depth + 1);
}

function instanceFrom(file: string, resource: PNode, address: string, afterUnknown: PNode | undefined): VetInstance {
  const values = get(resource, 'values');
  const attrs: Partial<Record<keyof typeof ATTRIBUTES, AttributeValue>> = {};
  for (const [key, name] of Object.entries(ATTRIBUTES) as [keyof typeof ATTRIBUTES, string][]) {
    const entry = getEntry(values, name);
    const unknown = get(afterUnknown, name);
    if (unknown?.kind === 'scalar' && unknown.value === true) {
      const at = entry?.keyPos ?? values?.pos ?? resource.pos;
      attrs[key] = { name, ...at, candidates: [], unresolved: `${name} of ${address} is known only at apply time` };
      continue;
    }
    if (!entry) continue;
    const value = scalarString(entry.value);
    if (value === undefined) continue;
    attrs[key] = { name, ...entry.keyPos, candidates: [{ value }] };
  }
  return {
    file,
    sourceKind: 'terraform-plan',
    resource: address,
    line: resource.pos.line,
    column: resource.pos.column,
    endLine: resource.endLine,
    ...attrs,
    ipAddressTypeSettable: true,
    suppressions: [],
  };
}
