/**
 * The checks `vet` runs on one instance against one catalog: unknown ids, every pair rule of the
 * evaluator, IP address type, access protocol, Windows password retrieval and values that
 * cannot be known before apply. Pure: returns findings, suppression not yet applied.
 *
 * @module
 */
import { isIpv6Only, KNOWN_IP_ADDRESS_TYPES, type Blueprint, type Bundle, type Catalog } from '../catalog/model.js';
import type { Severity } from '../diagnostics.js';
import type { Evaluator, Violation } from '../rules/index.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { AttributeValue, BundleSuggestion, Candidate, Finding, Position, VetInstance } from './types.js';

/** Severity of `unknown-blueprint` / `unknown-bundle`, or `off` to not report them. */
export type UnknownSetting = Severity | 'off';

/** What one instance is checked against. */
export interface CheckContext {
  /** The catalog. */
  readonly catalog: Catalog;
  /** The pair-rule evaluator for that catalog. */
  readonly evaluator: Evaluator;
  /** Severity of unknown ids. */
  readonly unknown: UnknownSetting;
  /** The region the catalog was selected for, carried by every finding. */
  readonly region?: string;
}

/** The key pair Lightsail creates per region; Windows passwords come back in clear only with it. */
export const DEFAULT_KEY_PAIR = 'LightsailDefaultKeyPair';

/** The most blueprint × bundle combinations checked for one instance. */
const MAX_PAIRS = 64;

const ATTRIBUTE_NAMES: Readonly<Record<VetInstance['sourceKind'], { blueprint: string; bundle: string; ip: string }>> = {
  terraform: { blueprint: 'blueprint_id', bundle: 'bundle_id', ip: 'ip_address_type' },
  'terraform-vars': { blueprint: 'blueprint_id', bundle: 'bundle_id', ip: 'ip_address_type' },
  'terraform-plan': { blueprint: 'blueprint_id', bundle: 'bundle_id', ip: 'ip_address_type' },
  cloudformation: { blueprint: 'BlueprintId', bundle: 'BundleId', ip: 'IpAddressType' },
  config: { blueprint: 'blueprint', bundle: 'bundle', ip: 'ipAddressType' },
};

/** Findings for values vet could not resolve (independent of the catalog). */
export function unresolvedFindings(instance: VetInstance): Finding[] {
  const names = ATTRIBUTE_NAMES[instance.sourceKind];
  const findings: Finding[] = [];
  const base = { file: instance.file, resource: instance.resource, suppressed: false };
  for (const [attr, name] of [
    [instance.blueprint, names.blueprint],
    [instance.bundle, names.bundle],
  ] as const) {
    if (!attr) {
      findings.push({ ...base, ruleId: 'unresolved-value', severity: 'info', line: instance.line, column: instance.column, message: `${name} is not set; the instance is not checked` });
    }
  }
  for (const attr of [instance.blueprint, instance.bundle, instance.ipAddressType, instance.accessProtocol, instance.region]) {
    if (attr?.unresolved !== undefined) {
      findings.push({ ...base, ruleId: 'unresolved-value', severity: 'info', line: attr.line, column: attr.column, message: `${attr.name} not checked: ${attr.unresolved}` });
    }
  }
  return findings;
}

/** Every catalog-dependent finding for one instance. */
export function checkInstance(instance: VetInstance, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const base = { file: instance.file, resource: instance.resource, suppressed: false, ...(ctx.region !== undefined && { region: ctx.region }) };
  const at = (attr: AttributeValue | undefined): Position => (attr ? { line: attr.line, column: attr.column } : { line: instance.line, column: instance.column });
  const add = (ruleId: string, severity: Severity, where: Position, message: string, suggestion?: BundleSuggestion): void => {
    findings.push({ ...base, ruleId, severity, message, line: where.line, column: where.column, ...(suggestion && { suggestion }) });
  };
  const catalogName = ctx.catalog.metadata.region !== undefined ? `the ${ctx.catalog.metadata.region} catalog` : 'the catalog';

  const blueprints: { candidate: Candidate; blueprint: Blueprint }[] = [];
  for (const candidate of instance.blueprint?.candidates ?? []) {
    const blueprint = ctx.catalog.getBlueprint(candidate.value);
    if (blueprint) blueprints.push({ candidate, blueprint });
    else if (ctx.unknown !== 'off') {
      const near = didYouMean(candidate.value, ctx.catalog.blueprints.map((b) => b.blueprintId));
      add('unknown-blueprint', ctx.unknown, at(instance.blueprint), `blueprint ${candidate.value}${from(candidate)} is not in ${catalogName}${didYouMeanText(near)}`);
    }
  }
  const bundles: { candidate: Candidate; bundle: Bundle }[] = [];
  for (const candidate of instance.bundle?.candidates ?? []) {
    const bundle = ctx.catalog.getBundle(candidate.value);
    if (bundle) bundles.push({ candidate, bundle });
    else if (ctx.unknown !== 'off') {
      const near = didYouMean(candidate.value, ctx.catalog.bundles.map((b) => b.bundleId));
      // The cheapest bundle of the network kind the instance asks for (IPv6-only for ipv6).
      const wantsIpv6 = instance.ipAddressType?.candidates.some((c) => c.value === 'ipv6') === true;
      const only = blueprints.length === 1 ? cheapestBundle(ctx, blueprints[0]!.blueprint, wantsIpv6) : undefined;
      add('unknown-bundle', ctx.unknown, at(instance.bundle), `bundle ${candidate.value}${from(candidate)} is not in ${catalogName}${didYouMeanText(near)}`, only);
    }
  }

  let pairs = 0;
  for (const bp of blueprints) {
    for (const bu of bundles) {
      if (++pairs > MAX_PAIRS) break;
      const verdict = ctx.evaluator.check(bp.blueprint.blueprintId, bu.bundle.bundleId);
      const suggestion = verdict.suggestion && verdict.suggestion.bundleId !== bu.bundle.bundleId ? verdict.suggestion : undefined;
      for (const v of verdict.violations) {
        add(v.ruleId, v.severity, at(blameBlueprint(v) ? instance.blueprint : instance.bundle), v.message + pairOrigin(bp.candidate, bu.candidate), suggestion && { bundleId: suggestion.bundleId, price: suggestion.price });
      }
      checkIpAddressType(instance, bp.blueprint, bu, ctx, add, at);
    }
  }
  checkAccessProtocol(instance, blueprints, add, at);
  checkWindowsPassword(instance, blueprints, add, at);
  return dedupe(findings);
}

function blameBlueprint(v: Violation): boolean {
  return v.ruleId === 'blueprint-active' || v.ruleId === 'app-category-match';
}

function from(candidate: Candidate): string {
  return candidate.origin !== undefined ? ` (${candidate.origin})` : '';
}

function pairOrigin(bp: Candidate, bu: Candidate): string {
  const origins = [bp.origin, bu.origin].filter((o) => o !== undefined);
  return origins.length > 0 ? ` (${origins.join('; ')})` : '';
}

function didYouMeanText(near: readonly string[]): string {
  return near.length > 0 ? `; did you mean ${near.join(' or ')}?` : '';
}

/** The cheapest active bundle the blueprint is compatible with, IPv6-only or dual-stack as asked. */
function cheapestBundle(ctx: CheckContext, blueprint: Blueprint, ipv6Only: boolean): BundleSuggestion | undefined {
  let best: Bundle | undefined;
  for (const b of ctx.catalog.bundles) {
    if (!b.isActive || isIpv6Only(b) !== ipv6Only || !ctx.evaluator.check(blueprint.blueprintId, b.bundleId).compatible) continue;
    if (!best || b.price < best.price || (b.price === best.price && b.bundleId < best.bundleId)) best = b;
  }
  return best && { bundleId: best.bundleId, price: best.price };
}

type Add = (ruleId: string, severity: Severity, where: Position, message: string, suggestion?: BundleSuggestion) => void;
type At = (attr: AttributeValue | undefined) => Position;

function checkIpAddressType(instance: VetInstance, blueprint: Blueprint, bu: { candidate: Candidate; bundle: Bundle }, ctx: CheckContext, add: Add, at: At): void {
  const attr = instance.ipAddressType;
  if (attr?.unresolved !== undefined) return;
  const types = attr ? attr.candidates : [{ value: 'dualstack' }];
  const ipv6Only = isIpv6Only(bu.bundle);
  const cheapest = (wantIpv6Only: boolean): BundleSuggestion | undefined => cheapestBundle(ctx, blueprint, wantIpv6Only);
  for (const type of types) {
    const where = at(attr ?? instance.bundle);
    const origin = from(type);
    if (!(KNOWN_IP_ADDRESS_TYPES as readonly string[]).includes(type.value)) {
      add('ip-address-type', 'error', where, `${attr?.name ?? 'ip_address_type'} ${type.value}${origin} is not one of ${KNOWN_IP_ADDRESS_TYPES.join(', ')}`);
    } else if (type.value === 'ipv6' && !ipv6Only) {
      add('ip-address-type', 'error', where, `ipv6 needs an IPv6-only bundle (publicIpv4AddressCount 0); ${bu.bundle.bundleId}${from(bu.candidate)} has a public IPv4 address`, cheapest(true));
    } else if (type.value !== 'ipv6' && ipv6Only) {
      const how = attr
        ? `${attr.name} is ${type.value}${origin}`
        : instance.ipAddressTypeSettable
          ? 'the IP address type is dualstack (the default)'
          : 'AWS::Lightsail::Instance sets no IP address type, so the instance is dualstack';
      add('ip-address-type', 'error', where, `${bu.bundle.bundleId}${from(bu.candidate)} is an IPv6-only bundle (publicIpv4AddressCount 0), but ${how}; use ipv6 or a dual-stack bundle`, cheapest(false));
    }
  }
}

function checkAccessProtocol(instance: VetInstance, blueprints: readonly { candidate: Candidate; blueprint: Blueprint }[], add: Add, at: At): void {
  const attr = instance.accessProtocol;
  if (!attr) return;
  for (const protocol of attr.candidates) {
    for (const { candidate, blueprint } of blueprints) {
      const windows = blueprint.platform === 'WINDOWS';
      if (protocol.value === 'ssh' && windows) {
        add('access-protocol', 'error', at(attr), `ssh to ${blueprint.blueprintId}${from(candidate)}, a Windows blueprint: Windows instances are reached with rdp`);
      } else if (protocol.value === 'rdp' && !windows) {
        add('access-protocol', 'error', at(attr), `rdp to ${blueprint.blueprintId}${from(candidate)}, a ${blueprint.platform} blueprint: Linux/Unix instances are reached with ssh`);
      }
    }
  }
}

function checkWindowsPassword(instance: VetInstance, blueprints: readonly { candidate: Candidate; blueprint: Blueprint }[], add: Add, at: At): void {
  const attr = instance.keyPair;
  if (!attr) return;
  // A key pair that cannot be resolved is still not the default one: it is a reference to a custom key pair.
  const custom = attr.unresolved !== undefined ? [attr.unresolved] : attr.candidates.filter((c) => c.value !== DEFAULT_KEY_PAIR).map((c) => `${c.value}${from(c)}`);
  if (custom.length === 0) return;
  for (const { candidate, blueprint } of blueprints) {
    if (blueprint.platform !== 'WINDOWS') continue;
    add(
      'windows-password-retrieval',
      'info',
      at(attr),
      `${blueprint.blueprintId}${from(candidate)} is Windows with a custom key pair (${custom.join('; ')}): GetInstanceAccessDetails returns an empty password; decrypt passwordData.ciphertext with that key pair's private key (or use ${DEFAULT_KEY_PAIR})`,
    );
  }
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.line}\0${f.column}\0${f.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
