/**
 * `lightsail-compat rules list` and `rules show ID`: the rules in force, built-in first, then the
 * --rules files, with the severities --rule and --include-inactive leave them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';

const POLICIES = 'test/fixtures/rules/policies';
const PRICE_CEILING = `${POLICIES}/price-ceiling.json`;
const DOCS = 'https://github.com/lightsail-compat/lightsail-compat/blob/main/docs/rules/';

function ruleFile(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe('rules list', () => {
  it('prints the built-in rules in evaluation order with their severities', async () => {
    expect(await runInProcess(['rules', 'list'])).toEqual({
      code: 0,
      stdout: [
        'RULE                SEVERITY  SOURCE    TITLE',
        'power-threshold     error     built-in  The bundle is less powerful than the blueprint requires',
        "platform-match      error     built-in  The bundle does not support the blueprint's platform",
        'blueprint-active    error     built-in  The blueprint is inactive',
        'bundle-active       error     built-in  The bundle is inactive',
        'app-category-match  error     built-in  A Lightsail for Research blueprint needs a Lightsail for Research bundle',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('shows the activity rules off with --include-inactive', async () => {
    const { stdout } = await runInProcess(['rules', 'list', '--include-inactive']);
    expect(stdout.split('\n').filter((line) => / off /.test(line))).toEqual([
      'blueprint-active    off       built-in  The blueprint is inactive',
      'bundle-active       off       built-in  The bundle is inactive',
    ]);
  });

  it('adds the rules of --rules DIR after the built-in ones, with their files and --rule severities', async () => {
    expect(await runInProcess(['rules', 'list', '--rules', POLICIES, '--rule', 'price-ceiling=warning', '--rule', 'bundle-active=off'])).toEqual({
      code: 0,
      stdout: [
        'RULE                SEVERITY  SOURCE                                              TITLE',
        'power-threshold     error     built-in                                            The bundle is less powerful than the blueprint requires',
        "platform-match      error     built-in                                            The bundle does not support the blueprint's platform",
        'blueprint-active    error     built-in                                            The blueprint is inactive',
        'bundle-active       off       built-in                                            The bundle is inactive',
        'app-category-match  error     built-in                                            A Lightsail for Research blueprint needs a Lightsail for Research bundle',
        'ipv6-only-notice    info      test/fixtures/rules/policies/ipv6-only-notice.json  The bundle is IPv6-only',
        "price-ceiling       warning   test/fixtures/rules/policies/price-ceiling.json     The bundle costs more than the organisation's ceiling of $50 a month",
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('prints every rule as JSON with --format json, docs links for the built-in ones and the file for user ones', async () => {
    const result = await runInProcess(['rules', 'list', '--format', 'json', '--rules', PRICE_CEILING]);
    const builtin = ['power-threshold', 'platform-match', 'blueprint-active', 'bundle-active', 'app-category-match'].map((id) => {
      const params = (ruleFile(`rules/${id}.json`)['event'] as { params: Record<string, string> }).params;
      return { id, title: params['title'], severity: 'error', defaultSeverity: 'error', rationale: params['rationale'], source: 'builtin', docsUrl: `${DOCS}${id}.md` };
    });
    const params = (ruleFile(PRICE_CEILING)['event'] as { params: Record<string, string> }).params;
    expect([result.code, result.stderr, JSON.parse(result.stdout)]).toEqual([
      0,
      '',
      [...builtin, { id: 'price-ceiling', title: params['title'], severity: 'error', defaultSeverity: 'error', rationale: params['rationale'], source: 'user', file: PRICE_CEILING }],
    ]);
  });

  it('refuses a hostile --rules file like check does', async () => {
    const result = await runInProcess(['rules', 'list', '--rules', 'test/fixtures/rules/hostile/self-reference.json']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'lightsail-compat: test/fixtures/rules/hostile/self-reference.json /conditions/all/0/condition: error invalid-rule: rule self-reference: references to named conditions (`condition`) are not allowed; write the condition out\n',
    });
  });
});

describe('rules show', () => {
  it('prints a built-in rule: title, severity, source, docs, rationale and its rule JSON', async () => {
    const json = ruleFile('rules/power-threshold.json');
    const params = (json['event'] as { params: Record<string, string> }).params;
    expect(await runInProcess(['rules', 'show', 'power-threshold'])).toEqual({
      code: 0,
      stdout: [
        'power-threshold: The bundle is less powerful than the blueprint requires',
        'severity: error',
        'source:   built-in',
        `docs:     ${DOCS}power-threshold.md`,
        '',
        params['rationale'],
        '',
        JSON.stringify(json, null, 2),
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('prints a user rule with the severity in force and its default', async () => {
    const json = ruleFile(PRICE_CEILING);
    const params = (json['event'] as { params: Record<string, string> }).params;
    expect(await runInProcess(['rules', 'show', 'price-ceiling', '--rules', POLICIES, '--rule', 'price-ceiling=info'])).toEqual({
      code: 0,
      stdout: [
        "price-ceiling: The bundle costs more than the organisation's ceiling of $50 a month",
        'severity: info (default error)',
        `source:   ${PRICE_CEILING}`,
        '',
        params['rationale'],
        '',
        JSON.stringify(json, null, 2),
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('prints the metadata and the rule JSON together with --format json', async () => {
    const result = await runInProcess(['rules', 'show', 'bundle-active', '--include-inactive', '--format', 'json']);
    const json = ruleFile('rules/bundle-active.json');
    const params = (json['event'] as { params: Record<string, string> }).params;
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      {
        id: 'bundle-active',
        title: params['title'],
        severity: 'off',
        defaultSeverity: 'error',
        rationale: params['rationale'],
        source: 'builtin',
        docsUrl: `${DOCS}bundle-active.md`,
        rule: json,
      },
    ]);
  });

  it.each([
    [['rules', 'show', 'power-treshold'], 'lightsail-compat: there is no rule power-treshold; did you mean power-threshold? (see `lightsail-compat rules list`)\n'],
    [['rules', 'show', 'price-ceiling'], 'lightsail-compat: there is no rule price-ceiling (see `lightsail-compat rules list`)\n'],
    [['rules'], 'lightsail-compat: expected `rules list` or `rules show ID`; see `lightsail-compat rules --help`\n'],
    [['rules', 'show'], 'lightsail-compat: expected `rules list` or `rules show ID`; see `lightsail-compat rules --help`\n'],
    [['rules', 'list', 'extra'], 'lightsail-compat: expected `rules list` or `rules show ID`; see `lightsail-compat rules --help`\n'],
    [['rules', 'list', '--format', 'yaml'], 'lightsail-compat: --format "yaml": expected one of text, json\n'],
  ])('exits 2 for %j', async (args, stderr) => {
    expect(await runInProcess(args)).toEqual({ code: 2, stdout: '', stderr });
  });
});
