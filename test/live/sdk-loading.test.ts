import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

// Commands that never talk to AWS must not pay for loading the SDK (or node-forge): both may be
// imported only for types, or lazily with import(), and only under src/live.
describe('loading the AWS SDK', () => {
  it('happens only lazily, and only in src/live', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const name = relative(root, file);
      for (const match of text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'(@aws-sdk\/[^']+|@smithy\/[^']+|node-forge)'/gm)) offenders.push(`${name}: static import of ${match[1]}`);
      for (const match of text.matchAll(/import\('(@aws-sdk\/[^']+|node-forge)'\)/g)) {
        if (!name.startsWith('src/live/')) offenders.push(`${name}: import() of ${match[1]} outside src/live`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
