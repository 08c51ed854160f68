// Rewrites every console example in README.md and docs/ with the real output of the current build
// (run `npm run build` first). `npm run docs:outputs`. The docs test checks the same examples.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentedFiles, findExamples, readDoc } from './doc-examples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'cli', 'bin.js');
let changed = 0;
for (const file of documentedFiles(root)) {
  const text = readDoc(root, file);
  const examples = findExamples(text);
  if (examples.length === 0) continue;
  const lines = text.split('\n');
  // Replace from the last example up, so earlier line numbers stay valid.
  for (const example of [...examples].reverse()) {
    const result = spawnSync(process.execPath, [bin, ...example.args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (result.status === 2) throw new Error(`${file}:${example.line}: lightsail-compat ${example.args.join(' ')} exited 2: ${result.stderr}`);
    const output = result.stdout.endsWith('\n') ? result.stdout.slice(0, -1) : result.stdout;
    lines.splice(example.start, example.end - example.start, ...(output === '' ? [] : output.split('\n')));
  }
  const updated = lines.join('\n');
  if (updated !== text) {
    writeFileSync(join(root, file), updated);
    changed++;
    console.log(`updated ${file}`);
  }
}
console.log(changed === 0 ? 'every example is up to date' : `${changed} file(s) updated`);
