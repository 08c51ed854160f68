import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/run-cli.js';
import { PLANNING_FIXTURES } from '../support/planning.js';

const cwd = PLANNING_FIXTURES;
const run = (args: readonly string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}) =>
  runInProcess(['matrix', '--catalog', 'small-catalog.json', ...args], { cwd, ...options });

describe('lightsail-compat matrix', () => {
  it('prints a table with numbered rules and a legend', async () => {
    expect(await run(['--platform', 'WINDOWS'])).toEqual({
      code: 0,
      stdout: [
        'BLUEPRINT  nano_win_1_0  small_win_1_0',
        'win_os     ok            ok',
        'win_sql    x(1)          ok',
        '',
        'rules: 1 power-threshold (error): The bundle is less powerful than the blueprint requires',
        "       2 platform-match (error): The bundle does not support the blueprint's platform",
        '       3 blueprint-active (error): The blueprint is inactive',
        '       4 bundle-active (error): The bundle is inactive',
        '       5 app-category-match (error): A Lightsail for Research blueprint needs a Lightsail for Research bundle',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('colours cells on a terminal only', async () => {
    const coloured = await run(['--blueprint', 'win_sql', '--bundle', 'nano_win_1_0,small_win_1_0'], { isTTY: true });
    expect(coloured.stdout.split('\n')[1]).toBe('win_sql    \u001b[31mx(1)\u001b[39m          \u001b[32mok\u001b[39m');
    const plain = await run(['--blueprint', 'win_sql'], { isTTY: true, env: { NO_COLOR: 'yes' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('prints CSV, JSON, Markdown and HTML', async () => {
    const csv = await run(['--format', 'csv', '--blueprint', 'win_os', '--bundle', 'nano_1_0,nano_win_1_0']);
    expect(csv).toEqual({ code: 0, stdout: 'blueprintId,nano_1_0,nano_win_1_0\r\nwin_os,incompatible: platform-match,compatible\r\n', stderr: '' });
    const json = await run(['--format', 'json', '--type', 'os']);
    expect(JSON.parse(json.stdout).blueprints.map((b: { blueprintId: string }) => b.blueprintId)).toEqual(['linux_big', 'win_os']);
    expect((await run(['--format', 'markdown', '--blueprint', 'linux_app', '--bundle', 'nano_1_0'])).stdout.split('\n').slice(0, 3)).toEqual([
      '| Blueprint | nano_1_0 ($5.00) |',
      '| --- | --- |',
      '| linux_app | ✅ |',
    ]);
    const html = await run(['--format', 'html']);
    expect([html.code, html.stdout.slice(0, 16), html.stdout.match(/<td /g)?.length]).toEqual([0, '<!doctype html>\n', 30]);
  });

  it('rejects ids that are not in the catalog, with suggestions', async () => {
    expect(await run(['--blueprint', 'win_sq', '--bundle', 'nano_1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: --blueprint win_sq: no such blueprint in the catalog; did you mean win_sql or win_os?; --bundle nano_1: no such bundle in the catalog; did you mean nano_1_0?\n',
    });
  });

  it('rejects a bad format and arguments', async () => {
    expect((await run(['--format', 'pdf'])).stderr).toBe('lightsail-compat: --format "pdf": expected one of table, csv, json, markdown, html\n');
    expect((await run(['wordpress'])).code).toBe(2);
  });

  it('says on stderr when the filters leave nothing to show', async () => {
    expect(await run(['--platform', 'WINDOWS', '--type', 'os', '--bundle', 'nano_1_0', '--format', 'csv'])).toEqual({
      code: 0,
      stdout: 'blueprintId\r\nwin_os\r\n',
      stderr: 'the matrix is empty: no bundle matches the filters\n',
    });
  });

  it('works on the built-in catalog', async () => {
    const result = await runInProcess(['matrix', '--format', 'csv', '--blueprint', 'wordpress', '--bundle', 'nano_3_0,nano_win_3_0']);
    expect([result.code, result.stdout]).toEqual([0, 'blueprintId,nano_3_0,nano_win_3_0\r\nwordpress,compatible,incompatible: platform-match\r\n']);
  });
});
