import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';
import { VERSION } from '../../src/version.js';

describe('lightsail-compat (top level)', () => {
  it('prints the command list for --help and exits 0', async () => {
    const result = await runInProcess(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: lightsail-compat <command> [options]');
    expect(result.stdout).toMatch(/^ {2}check +say whether a blueprint runs on a bundle, and why not$/m);
    expect(result.stdout).toMatch(/^ {2}catalog +validate, show, compare or pull blueprint and bundle catalogs$/m);
    expect(result.stderr).toBe('');
  });

  it('prints help to stderr and exits 2 when no command is given', async () => {
    const result = await runInProcess([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: lightsail-compat <command> [options]');
  });

  it('prints the package version', async () => {
    expect(await runInProcess(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('names an unknown command and suggests the nearest one', async () => {
    expect(await runInProcess(['chek'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: unknown command "chek"; did you mean check?; see `lightsail-compat --help`\n',
    });
  });

  it('names an unknown option and suggests the nearest one', async () => {
    const result = await runInProcess(['catalog', 'show', '--formt', 'json']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lightsail-compat: unknown option --formt; did you mean --format?; see `lightsail-compat catalog show --help`\n',
    });
  });

  it('says which option lacks its value', async () => {
    const result = await runInProcess(['catalog', 'show', '--format']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lightsail-compat: --format needs a value; see `lightsail-compat catalog show --help`\n');
  });

  it('refuses a value outside an option\'s choices, listing them', async () => {
    const result = await runInProcess(['catalog', 'show', '--format', 'yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lightsail-compat: --format "yaml": expected one of text, json\n');
  });

  it('shows a command\'s help with `help COMMAND` and with --help', async () => {
    const viaHelp = await runInProcess(['help', 'check']);
    const viaFlag = await runInProcess(['check', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain('Usage: lightsail-compat check BLUEPRINT BUNDLE [options]');
  });
});
