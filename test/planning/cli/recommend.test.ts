import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/run-cli.js';
import { PLANNING_FIXTURES } from '../support/planning.js';

const cwd = PLANNING_FIXTURES;
const run = (args: readonly string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}) =>
  runInProcess(['recommend', '--catalog', 'small-catalog.json', ...args], { cwd, ...options });

const TABLE_HEADER = 'BLUEPRINT  BUNDLE        PRICE/MO  VCPU  RAM GB  DISK GB  TRANSFER GB  POWER  PLATFORM    NETWORK';

describe('lightsail-compat recommend', () => {
  it('prints an aligned table, cheapest first, and says on stderr that the list was cut', async () => {
    expect(await run(['--limit', '3'])).toEqual({
      code: 0,
      stdout: [
        TABLE_HEADER,
        'linux_app  nano_v6_1_0      $3.50     2     0.5       20         1024    298  LINUX_UNIX  IPv6-only',
        'linux_app  nano_1_0         $5.00     2     0.5       20         1024    298  LINUX_UNIX  dual-stack',
        'win_os     nano_win_1_0     $9.50     2     0.5       30         1024    298  WINDOWS     dual-stack',
        '',
      ].join('\n'),
      stderr: 'showing 3 of 10 matching pairings; pass --limit N or --all for more\n',
    });
  });

  it('prints the JSON array of pairings with exactly the documented members', async () => {
    const result = await run(['--blueprint', 'win_sql', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      {
        blueprintId: 'win_sql',
        bundleId: 'small_win_1_0',
        price: 22,
        cpuCount: 2,
        ramSizeInGb: 2,
        diskSizeInGb: 60,
        transferPerMonthInGb: 3072,
        power: 1000,
        platform: 'WINDOWS',
        ipv6Only: false,
      },
    ]);
  });

  it('prints CSV with a header of member names and CRLF line ends', async () => {
    const result = await run(['--platform', 'WINDOWS', '--format', 'csv']);
    expect(result).toEqual({
      code: 0,
      stdout:
        'blueprintId,bundleId,price,cpuCount,ramSizeInGb,diskSizeInGb,transferPerMonthInGb,power,platform,ipv6Only\r\n' +
        'win_os,nano_win_1_0,9.5,2,0.5,30,1024,298,WINDOWS,false\r\n' +
        'win_os,small_win_1_0,22,2,2,60,3072,1000,WINDOWS,false\r\n' +
        'win_sql,small_win_1_0,22,2,2,60,3072,1000,WINDOWS,false\r\n',
      stderr: '',
    });
  });

  it('prints a Markdown table', async () => {
    expect((await run(['--cheapest-per-blueprint', '--type', 'os', '--format', 'markdown'])).stdout).toBe(
      [
        '| BLUEPRINT | BUNDLE | PRICE/MO | VCPU | RAM GB | DISK GB | TRANSFER GB | POWER | PLATFORM | NETWORK |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
        '| win_os | nano_win_1_0 | $9.50 | 2 | 0.5 | 30 | 1024 | 298 | WINDOWS | dual-stack |',
        '| linux_big | lfr_1_0 | $10.00 | 4 | 8 | 50 | 0 | 1000 | LINUX_UNIX | dual-stack |',
        '',
      ].join('\n'),
    );
  });

  it('sorts by the key asked for, descending with --desc, and prints everything with --all', async () => {
    const result = await run(['--sort', 'power', '--desc', '--all', '--dual-stack', '--max-price', '12', '--format', 'csv']);
    expect(result.stdout.split('\r\n').map((line) => line.split(',').slice(0, 2).join('/'))).toEqual([
      'blueprintId/bundleId',
      'lfr_studio/lfr_1_0',
      'linux_app/lfr_1_0',
      'linux_big/lfr_1_0',
      'linux_app/small_1_0',
      'linux_big/small_1_0',
      'linux_app/nano_1_0',
      'win_os/nano_win_1_0',
      '',
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });

  it('exits 1 when nothing matches and names the criterion that excluded the most', async () => {
    expect(await run(['--min-ram', '4', '--max-price', '9', '--type', 'os'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nothing matches; --max-price 9 excluded the most (8 of 10 compatible pairings)\n',
    });
    expect((await run(['--max-price', '3', '--format', 'json'])).stdout).toBe('[]\n');
  });

  it('says when no pairing in the catalog is compatible at all', async () => {
    expect(await runInProcess(['recommend', '--catalog', 'nothing-compatible.json', '--max-price', '10'], { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nothing matches: no pairing in this catalog is compatible under the rules in force\n',
    });
  });

  it('rejects a value that is not a number as a usage error naming the flag', async () => {
    expect(await run(['--min-ram', 'lots'])).toEqual({ code: 2, stdout: '', stderr: 'lightsail-compat: --min-ram "lots": expected a number of at least 0\n' });
  });

  it('rejects contradictory and unknown options with exit 2', async () => {
    expect((await run(['--limit', '5', '--all'])).stderr).toBe('lightsail-compat: --limit and --all cannot be combined: --all means no limit\n');
    expect((await run(['--ipv6-only', '--dual-stack'])).stderr).toBe('lightsail-compat: --ipv6-only and --dual-stack exclude each other; give one of them\n');
    expect((await run(['--limit', '0'])).stderr).toBe('lightsail-compat: --limit "0": expected a whole number of at least 1\n');
    expect((await run(['--sort', 'cost'])).stderr).toBe('lightsail-compat: --sort "cost": expected one of price, ram, cpu, disk, power, price-per-gb\n');
    expect((await run(['linux_app'])).stderr).toBe('lightsail-compat: recommend takes no arguments (got linux_app); name blueprints with --blueprint ID\n');
  });

  it('treats an id that is not in the catalog as an input error, with a suggestion', async () => {
    expect(await run(['--blueprint', 'linux_ap,win_os', '--like', 'smal_1_0'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'lightsail-compat: --blueprint linux_ap: no such blueprint in the catalog; did you mean linux_app?; --like smal_1_0: no such bundle in the catalog; did you mean small_1_0?\n',
    });
  });

  it('colours the table on a terminal, and not when NO_COLOR is set', async () => {
    const coloured = await run(['--limit', '1', '--ipv6-only'], { isTTY: true });
    expect(coloured.stdout).toBe(
      '\u001b[1mBLUEPRINT\u001b[22m  \u001b[1mBUNDLE\u001b[22m       \u001b[1mPRICE/MO\u001b[22m  \u001b[1mVCPU\u001b[22m  \u001b[1mRAM GB\u001b[22m  \u001b[1mDISK GB\u001b[22m  \u001b[1mTRANSFER GB\u001b[22m  \u001b[1mPOWER\u001b[22m  \u001b[1mPLATFORM\u001b[22m    \u001b[1mNETWORK\u001b[22m\n' +
        'linux_app  nano_v6_1_0     \u001b[32m$3.50\u001b[39m     2     0.5       20         1024    298  LINUX_UNIX  \u001b[33mIPv6-only\u001b[39m\n',
    );
    const plain = await run(['--limit', '1', '--ipv6-only'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('works on the built-in catalog, announcing it on stderr', async () => {
    const result = await runInProcess(['recommend', '--blueprint', 'wordpress', '--limit', '2', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n').slice(1)).toEqual([
      'wordpress,nano_ipv6_3_0,3.5,2,0.5,20,1024,298,LINUX_UNIX,true',
      'wordpress,micro_ipv6_3_0,5,2,1,40,2048,500,LINUX_UNIX,true',
      '',
    ]);
    expect(result.stderr).toMatch(/^Using the built-in catalog .*\nshowing 2 of 16 matching pairings; pass --limit N or --all for more\n$/);
  });
});
