import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM build script without type declarations.
import { documentedFiles, findExamples, readDoc } from '../../src/build/doc-examples.mjs';
import { runInProcess } from '../helpers/run-cli.js';

interface Example {
  readonly line: number;
  readonly args: string[];
  readonly expected: string;
}

const root = join(import.meta.dirname, '..', '..');
const files = (documentedFiles(root) as string[]).map((file) => ({ file, examples: findExamples(readDoc(root, file)) as Example[] }));

describe('console examples in the docs are real output of the current code', () => {
  it('finds examples to check', () => {
    expect(files.flatMap((f) => f.examples).length).toBeGreaterThan(0);
  });

  for (const { file, examples } of files) {
    for (const example of examples) {
      it(`${file}:${example.line}: lightsail-compat ${example.args.join(' ')}`, async () => {
        const result = await runInProcess(example.args, { cwd: root });
        expect(result.code, result.stderr).not.toBe(2);
        expect(result.stdout).toBe(example.expected);
      });
    }
  }
});
