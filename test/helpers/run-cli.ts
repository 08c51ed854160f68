import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { InputError } from '../../src/cli/errors.js';

/** What a CLI run printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for an in-process CLI run. */
export interface RunOptions {
  readonly cwd?: string;
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  readonly now?: Date;
  readonly isTTY?: boolean;
}

/** Runs the CLI in this process with captured streams: fast enough for hundreds of cases. */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: options.isTTY ?? false },
    stderr: { write: (t) => void (stderr += t), isTTY: options.isTTY ?? false },
    readStdin: (maxBytes) => {
      const text = options.stdin ?? '';
      if (Buffer.byteLength(text) > maxBytes) return Promise.reject(new InputError('<stdin>: more than the limit'));
      return Promise.resolve(text);
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? new Date('2026-11-27T12:00:00Z'),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
