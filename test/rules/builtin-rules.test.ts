/**
 * The five built-in rules on the built-in catalog (us-east-1 snapshot), with full verdicts:
 * messages rendered with the real values, and the cheapest compatible bundle of the same network
 * kind as the one asked about.
 */
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from '../../src/catalog/builtin.js';
import { BUILTIN_RULE_IDS, builtinRules } from '../../src/rules/builtin-rules.js';
import { checkPair, createEvaluator } from '../../src/rules/evaluator.js';
import { restrictedPathResolver } from '../../src/rules/path.js';
import { runReferenceEngine } from '../../src/rules/reference-engine.js';

const { catalog } = loadBuiltinCatalog();

describe('the built-in rules', () => {
  it('load from rules/ in evaluation order, all of severity error', () => {
    expect(builtinRules().map((r) => [r.id, r.severity, r.source, r.file])).toEqual([
      ['power-threshold', 'error', 'builtin', 'rules/power-threshold.json'],
      ['platform-match', 'error', 'builtin', 'rules/platform-match.json'],
      ['blueprint-active', 'error', 'builtin', 'rules/blueprint-active.json'],
      ['bundle-active', 'error', 'builtin', 'rules/bundle-active.json'],
      ['app-category-match', 'error', 'builtin', 'rules/app-category-match.json'],
    ]);
    expect(BUILTIN_RULE_IDS).toEqual(builtinRules().map((r) => r.id));
  });

  it('are frozen, so no caller can change a rule for everyone else', () => {
    const [rule] = builtinRules();
    expect(Object.isFrozen(builtinRules())).toBe(true);
    expect(Object.isFrozen(rule!.json)).toBe(true);
    expect(Object.isFrozen(rule!.json.event.params)).toBe(true);
  });
});

describe('the built-in rule files', () => {
  it.each(BUILTIN_RULE_IDS.map((id) => [id]))('rules/%s.json is a rule json-rules-engine accepts unchanged', (id) => {
    const file = JSON.parse(readFileSync(`rules/${id}.json`, 'utf8')) as Record<string, unknown>;
    expect(() => new Engine([file as never], { pathResolver: restrictedPathResolver })).not.toThrow();
    expect(builtinRules().find((r) => r.id === id)!.json).toEqual(file);
  });

  it('agree with json-rules-engine on every pairing of the built-in catalog, inactive ones included', async () => {
    const evaluator = createEvaluator(catalog, { includeInactive: false });
    const compiled: string[] = [];
    const reference: string[] = [];
    for (const bp of catalog.blueprints) {
      for (const bu of catalog.bundles) {
        const fired = new Set(evaluator.check(bp.blueprintId, bu.bundleId).violations.map((v) => v.ruleId));
        for (const rule of builtinRules()) {
          compiled.push(`${rule.id} ${bp.blueprintId} ${bu.bundleId} ${fired.has(rule.id) ? 'fired' : 'passed'}`);
          reference.push(`${rule.id} ${bp.blueprintId} ${bu.bundleId} ${JSON.stringify(await runReferenceEngine(rule.json, bp, bu))}`.replaceAll('"', ''));
        }
      }
    }
    expect(compiled).toEqual(reference);
    expect(compiled).toHaveLength(36 * 26 * 5);
  });
});

describe('power-threshold', () => {
  it('rejects SQL Server Express on the 1 GB Windows plan and suggests the 2 GB one', () => {
    expect(checkPair(catalog, 'windows_server_2019_sql_2016_express', 'micro_win_3_0')).toEqual({
      compatible: false,
      blueprintId: 'windows_server_2019_sql_2016_express',
      bundleId: 'micro_win_3_0',
      violations: [
        {
          ruleId: 'power-threshold',
          severity: 'error',
          message: 'bundle micro_win_3_0 has power 500; windows_server_2019_sql_2016_express needs at least 1000',
        },
      ],
      suggestion: { bundleId: 'small_win_3_0', price: 22 },
    });
  });

  it('accepts a bundle whose power equals the minimum power', () => {
    expect(checkPair(catalog, 'windows_server_2016_sql_2016_express', 'small_win_3_0')).toEqual({
      compatible: true,
      blueprintId: 'windows_server_2016_sql_2016_express',
      bundleId: 'small_win_3_0',
      violations: [],
    });
  });

  it('suggests a dual-stack bundle for a dual-stack one and an IPv6-only bundle for an IPv6-only one', () => {
    expect(checkPair(catalog, 'openclaw_ls_1_0', 'micro_3_0').suggestion).toEqual({ bundleId: 'small_3_0', price: 12 });
    expect(checkPair(catalog, 'openclaw_ls_1_0', 'micro_ipv6_3_0')).toEqual({
      compatible: false,
      blueprintId: 'openclaw_ls_1_0',
      bundleId: 'micro_ipv6_3_0',
      violations: [
        { ruleId: 'power-threshold', severity: 'error', message: 'bundle micro_ipv6_3_0 has power 500; openclaw_ls_1_0 needs at least 1000' },
      ],
      suggestion: { bundleId: 'small_ipv6_3_0', price: 10 },
    });
  });
});

describe('platform-match', () => {
  it('rejects a Linux blueprint on a Windows bundle and suggests the cheapest dual-stack Linux bundle, as the Windows plan was dual-stack', () => {
    expect(checkPair(catalog, 'wordpress', 'nano_win_3_0')).toEqual({
      compatible: false,
      blueprintId: 'wordpress',
      bundleId: 'nano_win_3_0',
      violations: [{ ruleId: 'platform-match', severity: 'error', message: 'bundle nano_win_3_0 supports WINDOWS; wordpress is a LINUX_UNIX blueprint' }],
      suggestion: { bundleId: 'nano_3_0', price: 5 },
    });
  });

  it('rejects a Windows blueprint on a Linux bundle and suggests the cheapest Windows bundle', () => {
    expect(checkPair(catalog, 'windows_server_2022', 'nano_3_0')).toEqual({
      compatible: false,
      blueprintId: 'windows_server_2022',
      bundleId: 'nano_3_0',
      violations: [{ ruleId: 'platform-match', severity: 'error', message: 'bundle nano_3_0 supports LINUX_UNIX; windows_server_2022 is a WINDOWS blueprint' }],
      suggestion: { bundleId: 'nano_win_3_0', price: 9.5 },
    });
  });

  it('suggests a dual-stack Windows bundle even for an IPv6-only Linux one, since there is no IPv6-only Windows bundle', () => {
    expect(checkPair(catalog, 'windows_server_2022', 'nano_ipv6_3_0').suggestion).toEqual({ bundleId: 'nano_win_3_0', price: 9.5 });
  });

  it('reports both power and platform, in rule order, when a pairing breaks both', () => {
    expect(checkPair(catalog, 'windows_server_2019_sql_2016_express', 'nano_3_0')).toEqual({
      compatible: false,
      blueprintId: 'windows_server_2019_sql_2016_express',
      bundleId: 'nano_3_0',
      violations: [
        { ruleId: 'power-threshold', severity: 'error', message: 'bundle nano_3_0 has power 298; windows_server_2019_sql_2016_express needs at least 1000' },
        { ruleId: 'platform-match', severity: 'error', message: 'bundle nano_3_0 supports LINUX_UNIX; windows_server_2019_sql_2016_express is a WINDOWS blueprint' },
      ],
      suggestion: { bundleId: 'small_win_3_0', price: 22 },
    });
  });

  it('accepts a Linux blueprint on an IPv6-only Linux bundle', () => {
    expect(checkPair(catalog, 'wordpress', 'nano_ipv6_3_0')).toEqual({ compatible: true, blueprintId: 'wordpress', bundleId: 'nano_ipv6_3_0', violations: [] });
  });
});

describe('blueprint-active', () => {
  it('rejects a retired blueprint on every bundle, so there is nothing to suggest', () => {
    expect(checkPair(catalog, 'wordpress_4_6_1', 'nano_3_0')).toEqual({
      compatible: false,
      blueprintId: 'wordpress_4_6_1',
      bundleId: 'nano_3_0',
      violations: [
        {
          ruleId: 'blueprint-active',
          severity: 'error',
          message: 'blueprint wordpress_4_6_1 is inactive: it is listed for existing instances only; new instances need an active blueprint',
        },
      ],
    });
  });
});

describe('bundle-active', () => {
  it('rejects a previous-generation bundle and suggests the current one of the same price', () => {
    expect(checkPair(catalog, 'wordpress', 'nano_2_0')).toEqual({
      compatible: false,
      blueprintId: 'wordpress',
      bundleId: 'nano_2_0',
      violations: [
        {
          ruleId: 'bundle-active',
          severity: 'error',
          message: 'bundle nano_2_0 is inactive: it is listed for existing instances only; new instances need an active bundle',
        },
      ],
      suggestion: { bundleId: 'nano_3_0', price: 5 },
    });
  });

  it('reports both activity rules for a retired blueprint on a retired bundle', () => {
    expect(checkPair(catalog, 'lamp_7_1_28', 'micro_2_0').violations.map((v) => v.ruleId)).toEqual(['blueprint-active', 'bundle-active']);
  });
});

describe('includeInactive', () => {
  it('turns both activity rules off', () => {
    expect(checkPair(catalog, 'lamp_7_1_28', 'micro_2_0', { includeInactive: true })).toEqual({
      compatible: true,
      blueprintId: 'lamp_7_1_28',
      bundleId: 'micro_2_0',
      violations: [],
    });
  });

  it('leaves the other rules on, and lets inactive bundles be suggested', () => {
    expect(checkPair(catalog, 'windows_server_2016_2017_09_13', 'nano_2_0', { includeInactive: true })).toEqual({
      compatible: false,
      blueprintId: 'windows_server_2016_2017_09_13',
      bundleId: 'nano_2_0',
      violations: [
        { ruleId: 'platform-match', severity: 'error', message: 'bundle nano_2_0 supports LINUX_UNIX; windows_server_2016_2017_09_13 is a WINDOWS blueprint' },
      ],
      suggestion: { bundleId: 'nano_win_3_0', price: 9.5 },
    });
  });

  it('gives way to an explicit severity, which turns an activity rule back on', () => {
    expect(checkPair(catalog, 'lamp_7_1_28', 'micro_2_0', { includeInactive: true, severity: { 'bundle-active': 'warning' } })).toEqual({
      compatible: true,
      blueprintId: 'lamp_7_1_28',
      bundleId: 'micro_2_0',
      violations: [
        {
          ruleId: 'bundle-active',
          severity: 'warning',
          message: 'bundle micro_2_0 is inactive: it is listed for existing instances only; new instances need an active bundle',
        },
      ],
    });
  });
});

describe('severity overrides', () => {
  it('make a pairing compatible with a warning when the only error is lowered to warning', () => {
    expect(checkPair(catalog, 'windows_server_2019_sql_2016_express', 'micro_win_3_0', { severity: { 'power-threshold': 'warning' } })).toEqual({
      compatible: true,
      blueprintId: 'windows_server_2019_sql_2016_express',
      bundleId: 'micro_win_3_0',
      violations: [
        {
          ruleId: 'power-threshold',
          severity: 'warning',
          message: 'bundle micro_win_3_0 has power 500; windows_server_2019_sql_2016_express needs at least 1000',
        },
      ],
    });
  });

  it('keep an info in the verdict without making the pairing incompatible', () => {
    expect(checkPair(catalog, 'wordpress', 'nano_win_3_0', { severity: { 'platform-match': 'info' } }).violations).toEqual([
      { ruleId: 'platform-match', severity: 'info', message: 'bundle nano_win_3_0 supports WINDOWS; wordpress is a LINUX_UNIX blueprint' },
    ]);
  });

  it('turn a rule off altogether', () => {
    expect(checkPair(catalog, 'wordpress', 'nano_win_3_0', { severity: { 'platform-match': 'off' } })).toEqual({
      compatible: true,
      blueprintId: 'wordpress',
      bundleId: 'nano_win_3_0',
      violations: [],
    });
  });

  it('make the suggestion follow the rules in force: with power-threshold off, the cheapest Windows plan is enough', () => {
    expect(checkPair(catalog, 'windows_server_2019_sql_2016_express', 'nano_3_0', { severity: { 'power-threshold': 'off' } }).suggestion).toEqual({
      bundleId: 'nano_win_3_0',
      price: 9.5,
    });
  });

  it('ignore ids that name no rule', () => {
    expect(checkPair(catalog, 'wordpress', 'nano_3_0', { severity: { 'no-such-rule': 'error' } }).compatible).toBe(true);
  });
});

describe('unknown ids', () => {
  it('give an unknown-blueprint violation with the nearest ids', () => {
    expect(checkPair(catalog, 'wordpres', 'nano_3_0')).toEqual({
      compatible: false,
      blueprintId: 'wordpres',
      bundleId: 'nano_3_0',
      violations: [{ ruleId: 'unknown-blueprint', severity: 'error', message: 'blueprint wordpres is not in the catalog; did you mean wordpress?' }],
    });
  });

  it('give an unknown-bundle violation with the nearest ids', () => {
    expect(checkPair(catalog, 'wordpress', 'nano_3_1')).toEqual({
      compatible: false,
      blueprintId: 'wordpress',
      bundleId: 'nano_3_1',
      violations: [{ ruleId: 'unknown-bundle', severity: 'error', message: 'bundle nano_3_1 is not in the catalog; did you mean nano_3_0 or nano_2_0?' }],
    });
  });

  it('give both violations when both ids are unknown, and no suggestion when nothing is near', () => {
    expect(checkPair(catalog, 'Wordpress', 'zzz')).toEqual({
      compatible: false,
      blueprintId: 'Wordpress',
      bundleId: 'zzz',
      violations: [
        { ruleId: 'unknown-blueprint', severity: 'error', message: 'blueprint Wordpress is not in the catalog; did you mean wordpress?' },
        { ruleId: 'unknown-bundle', severity: 'error', message: 'bundle zzz is not in the catalog' },
      ],
    });
  });
});
