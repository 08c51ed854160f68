// Copies the data files the compiled code reads at run time (the built-in catalog) next to it in
// dist/, since tsc copies only the modules it compiles, and marks the bin executable, since tsc
// writes it without the bit (npm sets it when it links a package, but not for a rebuilt dist/).
import { chmodSync, cpSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const dir of ['catalog']) {
  for (const file of readdirSync(join(root, 'src', dir)).filter((f) => f.endsWith('.json'))) {
    cpSync(join(root, 'src', dir, file), join(root, 'dist', dir, file));
  }
}
chmodSync(join(root, 'dist', 'cli', 'bin.js'), 0o755);
