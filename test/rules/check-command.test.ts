/**
 * `lightsail-compat check BLUEPRINT BUNDLE`: text and JSON output, exit codes 0/1/2, and the rule
 * flags (--rules FILE and DIR, --rule, --include-inactive). Runs the CLI in process.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';

const NOTICE =
  'Using the built-in catalog (us-east-1, as of 2026-11-27); for your account and region, pass --catalog FILE from `aws lightsail get-bundles` / `get-blueprints` or `lightsail-compat catalog pull`.\n';
const PRICE_CEILING = 'test/fixtures/rules/policies/price-ceiling.json';
const POLICIES = 'test/fixtures/rules/policies';
const LFR_CATALOG = 'test/fixtures/rules/lfr-catalog.json';

describe('check', () => {
  it('prints an incompatible verdict with its reasons and a suggestion, and exits 1', async () => {
    expect(await runInProcess(['check', 'windows_server_2019_sql_2016_express', 'micro_win_3_0'])).toEqual({
      code: 1,
      stdout: [
        'windows_server_2019_sql_2016_express on micro_win_3_0: incompatible',
        '  error    power-threshold  bundle micro_win_3_0 has power 500; windows_server_2019_sql_2016_express needs at least 1000',
        'suggestion: small_win_3_0 ($22.00/month) is the cheapest bundle windows_server_2019_sql_2016_express is compatible with',
        '',
      ].join('\n'),
      stderr: NOTICE,
    });
  });

  it('prints a compatible verdict and exits 0', async () => {
    expect(await runInProcess(['check', 'wordpress', 'nano_3_0'])).toEqual({ code: 0, stdout: 'wordpress on nano_3_0: compatible\n', stderr: NOTICE });
  });

  it('prints the verdict object with --format json', async () => {
    const result = await runInProcess(['check', 'wordpress', 'nano_win_3_0', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(NOTICE);
    expect(result.stdout).toBe(
      JSON.stringify(
        {
          compatible: false,
          blueprintId: 'wordpress',
          bundleId: 'nano_win_3_0',
          violations: [{ ruleId: 'platform-match', severity: 'error', message: 'bundle nano_win_3_0 supports WINDOWS; wordpress is a LINUX_UNIX blueprint' }],
          suggestion: { bundleId: 'nano_3_0', price: 5 },
        },
        null,
        2,
      ) + '\n',
    );
  });

  it('prints a compatible verdict as JSON with an empty list of violations', async () => {
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--format', 'json']);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([0, { compatible: true, blueprintId: 'wordpress', bundleId: 'nano_3_0', violations: [] }]);
  });

  it('says when no bundle at all is compatible', async () => {
    expect(await runInProcess(['check', 'wordpress_4_6_1', 'nano_3_0'])).toEqual({
      code: 1,
      stdout: [
        'wordpress_4_6_1 on nano_3_0: incompatible',
        '  error    blueprint-active  blueprint wordpress_4_6_1 is inactive: it is listed for existing instances only; new instances need an active blueprint',
        'no bundle in this catalog is compatible with wordpress_4_6_1',
        '',
      ].join('\n'),
      stderr: NOTICE,
    });
  });

  it('lets inactive items through with --include-inactive', async () => {
    expect(await runInProcess(['check', 'lamp_7_1_28', 'micro_2_0', '--include-inactive'])).toEqual({
      code: 0,
      stdout: 'lamp_7_1_28 on micro_2_0: compatible\n',
      stderr: NOTICE,
    });
  });

  it('exits 0 with a warning when --rule lowers the only error', async () => {
    expect(await runInProcess(['check', 'windows_server_2019_sql_2016_express', 'micro_win_3_0', '--rule', 'power-threshold=warning'])).toEqual({
      code: 0,
      stdout: [
        'windows_server_2019_sql_2016_express on micro_win_3_0: compatible',
        '  warning  power-threshold  bundle micro_win_3_0 has power 500; windows_server_2019_sql_2016_express needs at least 1000',
        '',
      ].join('\n'),
      stderr: NOTICE,
    });
  });

  it('applies repeated --rule flags, the last one for a rule winning', async () => {
    const result = await runInProcess(['check', 'windows_server_2019_sql_2016_express', 'nano_3_0', '--rule', 'platform-match=off', '--rule', 'power-threshold=info', '--rule', 'power-threshold=off']);
    expect(result).toEqual({ code: 0, stdout: 'windows_server_2019_sql_2016_express on nano_3_0: compatible\n', stderr: NOTICE });
  });

  it('adds a policy rule from --rules FILE', async () => {
    expect(await runInProcess(['check', 'wordpress', 'xlarge_3_0', '--rules', PRICE_CEILING])).toEqual({
      code: 1,
      stdout: [
        'wordpress on xlarge_3_0: incompatible',
        '  error    price-ceiling  bundle xlarge_3_0 costs $84 a month, above the $50 ceiling',
        'suggestion: nano_3_0 ($5.00/month) is the cheapest bundle wordpress is compatible with',
        '',
      ].join('\n'),
      stderr: NOTICE,
    });
  });

  it('adds every rule of --rules DIR, in file name order, aligned', async () => {
    expect(await runInProcess(['check', 'wordpress', 'xlarge_ipv6_3_0', '--rules', POLICIES])).toEqual({
      code: 1,
      stdout: [
        'wordpress on xlarge_ipv6_3_0: incompatible',
        '  info     ipv6-only-notice  bundle xlarge_ipv6_3_0 is IPv6-only: wordpress gets no public IPv4 address',
        '  error    price-ceiling     bundle xlarge_ipv6_3_0 costs $80 a month, above the $50 ceiling',
        'suggestion: nano_ipv6_3_0 ($3.50/month) is the cheapest bundle wordpress is compatible with',
        '',
      ].join('\n'),
      stderr: NOTICE,
    });
  });

  it('sets a policy rule severity with --rule, like a built-in one', async () => {
    const result = await runInProcess(['check', 'wordpress', 'xlarge_3_0', '--rules', PRICE_CEILING, '--rule', 'price-ceiling=warning', '--format', 'json']);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      {
        compatible: true,
        blueprintId: 'wordpress',
        bundleId: 'xlarge_3_0',
        violations: [{ ruleId: 'price-ceiling', severity: 'warning', message: 'bundle xlarge_3_0 costs $84 a month, above the $50 ceiling' }],
      },
    ]);
  });

  it('checks against the catalog given with --catalog, without the built-in notice', async () => {
    expect(await runInProcess(['check', 'lfr_jupyterlab_example', 'xlarge_3_0', '--catalog', LFR_CATALOG])).toEqual({
      code: 1,
      stdout: [
        'lfr_jupyterlab_example on xlarge_3_0: incompatible',
        '  error    app-category-match  lfr_jupyterlab_example is a Lightsail for Research blueprint; bundle xlarge_3_0 supports the app categories (none), not LfR',
        'suggestion: app_standard_xl_1_0 ($60.00/month) is the cheapest bundle lfr_jupyterlab_example is compatible with',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it.each([
    [['check', 'wordpres', 'nano_3_0'], `${NOTICE}lightsail-compat: blueprint wordpres is not in the catalog; did you mean wordpress?\n`],
    [['check', 'wordpress', 'nano_3_O'], `${NOTICE}lightsail-compat: bundle nano_3_O is not in the catalog; did you mean nano_3_0 or nano_2_0?\n`],
    [
      ['check', 'wordpres', 'nano_3_O', '--format', 'json'],
      `${NOTICE}lightsail-compat: blueprint wordpres is not in the catalog; did you mean wordpress?; bundle nano_3_O is not in the catalog; did you mean nano_3_0 or nano_2_0?\n`,
    ],
    [['check', 'wordpress'], 'lightsail-compat: check needs a BLUEPRINT and a BUNDLE id; see `lightsail-compat check --help`\n'],
    [['check', 'a', 'b', 'c'], 'lightsail-compat: check takes two ids, got also c\n'],
    [['check', 'wordpress', 'nano_3_0', '--format', 'xml'], 'lightsail-compat: --format "xml": expected one of text, json\n'],
    [['check', 'wordpress', 'nano_3_0', '--rule', 'nope=off'], 'lightsail-compat: --rule nope=off: there is no rule nope (see `lightsail-compat rules list`)\n'],
    [
      ['check', 'wordpress', 'nano_3_0', '--rule', 'power-thresold=off'],
      'lightsail-compat: --rule power-thresold=off: there is no rule power-thresold; did you mean power-threshold? (see `lightsail-compat rules list`)\n',
    ],
    [['check', 'wordpress', 'nano_3_0', '--rule', 'power-threshold=loud'], 'lightsail-compat: --rule power-threshold=loud: severity must be one of off, error, warning, info\n'],
    [['check', 'wordpress', 'nano_3_0', '--rule', 'power-threshold'], 'lightsail-compat: --rule "power-threshold": expected ID=off|error|warning|info\n'],
    [['check', 'wordpress', 'nano_3_0', '--rule', 'price-ceiling=off'], 'lightsail-compat: --rule price-ceiling=off: there is no rule price-ceiling (see `lightsail-compat rules list`)\n'],
    [['check', 'wordpress', 'nano_3_0', '--rules', 'test/fixtures/rules/nowhere.json'], 'lightsail-compat: --rules test/fixtures/rules/nowhere.json: no such file or directory\n'],
  ])('exits 2 for %j', async (args, stderr) => {
    expect(await runInProcess(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('shows its usage with --help', async () => {
    const result = await runInProcess(['check', '--help']);
    expect([result.code, result.stdout.split('\n')[0], result.stderr]).toEqual([0, 'Usage: lightsail-compat check BLUEPRINT BUNDLE [options]', '']);
  });
});

describe('check on a catalog that lacks one listing', () => {
  it('says the blueprints are missing altogether when only get-bundles output was given', async () => {
    const result = await runInProcess(['check', 'wordpress', 'nano_3_0', '--catalog', 'test/fixtures/raw/bundles-awscli-example-2024-07-e55009b.trimmed.json']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: blueprint wordpress is not in the catalog; it has no blueprints at all: add the output of `aws lightsail get-blueprints`\n',
    });
  });
});
