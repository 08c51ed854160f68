import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

/** What `npm pack` would put in the tarball (the build has already run in `npm test`). */
function packedFiles(): { files: PackedFile[]; unpackedSize: number } {
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [info] = JSON.parse(out) as { files: PackedFile[]; unpackedSize: number }[];
  return info!;
}

describe('the npm package', () => {
  it('ships dist, rules, schemas and the built-in catalog, and nothing else', () => {
    const { files } = packedFiles();
    const paths = files.map((f) => f.path);
    expect([...new Set(paths.map((p) => p.split('/')[0]))].sort()).toEqual(['README.md', 'dist', 'package.json', 'rules', 'schemas']);
    for (const required of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/bin.js',
      'dist/catalog/builtin-catalog.json',
      'dist/generated/validators.js',
      'rules/power-threshold.json',
      'rules/platform-match.json',
      'rules/blueprint-active.json',
      'rules/bundle-active.json',
      'rules/app-category-match.json',
      'schemas/catalog.schema.json',
      'schemas/rule.schema.json',
    ]) {
      expect(paths).toContain(required);
    }
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it('has nothing large in it', () => {
    const { files, unpackedSize } = packedFiles();
    expect(files.filter((f) => f.size > 512 * 1024).map((f) => f.path)).toEqual([]);
    expect(unpackedSize).toBeLessThan(3 * 1024 * 1024);
  });

  it('installs from the packed tarball and runs its bin and its library entry', () => {
    const work = mkdtempSync(join(tmpdir(), 'lsc-pack-'));
    const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .pop()!;
    const app = join(work, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke', version: '1.0.0', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', join(work, tarball)], { cwd: app, stdio: 'ignore' });

    const bin = spawnSync(join(app, 'node_modules', '.bin', 'lightsail-compat'), ['check', 'wordpress', 'nano_3_0'], { cwd: app, encoding: 'utf8' });
    expect(bin.status).toBe(0);
    expect(bin.stdout).toBe('wordpress on nano_3_0: compatible\n');

    writeFileSync(
      join(app, 'use.mjs'),
      "import { loadBuiltinCatalog, checkPair } from 'lightsail-compat';\n" +
        "const v = checkPair(loadBuiltinCatalog().catalog, 'windows_server_2019_sql_2016_express', 'micro_win_3_0');\n" +
        'console.log(JSON.stringify([v.compatible, v.violations.map((x) => x.ruleId), v.suggestion]));\n',
    );
    const lib = spawnSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' });
    expect(lib.stderr).toBe('');
    expect(lib.stdout).toBe('[false,["power-threshold"],{"bundleId":"small_win_3_0","price":22}]\n');
  }, 300_000);
});
