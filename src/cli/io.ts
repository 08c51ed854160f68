/**
 * The CLI's window on the outside world: streams, environment, working directory and files.
 * Commands receive a {@link CliIo} instead of reaching for `process`, so tests can run them in
 * process and capture everything.
 *
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from './errors.js';

/** Somewhere to write text. */
export interface Writer {
  /** Writes text as is (add your own newline). */
  write(text: string): void;
  /** Whether it is an interactive terminal (colour and progress are allowed only then). */
  readonly isTTY: boolean;
}

/** Everything a command may touch outside its arguments. */
export interface CliIo {
  /** Results go here. */
  readonly stdout: Writer;
  /** Notes, warnings and errors go here. */
  readonly stderr: Writer;
  /** Reads all of standard input as text, with a size limit. */
  readStdin(maxBytes: number): Promise<string>;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** The current time; a parameter so tests can fix it. */
  now(): Date;
}

/** Size limits on inputs, so that a huge file is refused with a message rather than exhausting memory. */
export const INPUT_LIMITS = {
  /** Catalog files (`--catalog`, `catalog validate`): 64 MiB, several times an all-regions dump. */
  catalogBytes: 64 * 1024 * 1024,
  /** Rule files (`--rules`): 1 MiB; a policy rule is a few hundred bytes. */
  ruleBytes: 1024 * 1024,
  /** Infrastructure and config files (`vet`): 16 MiB. */
  sourceBytes: 16 * 1024 * 1024,
} as const;

/** Formats a byte count for messages: `64 MiB`, `1.0 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * Reads a text file a user named, or standard input for `-`. Refuses what is missing, not a
 * file, unreadable or larger than `maxBytes` with an {@link InputError} that names the file.
 */
export async function readUserFile(io: CliIo, path: string, maxBytes: number, what: string): Promise<{ name: string; text: string }> {
  if (path === '-') return { name: '<stdin>', text: await io.readStdin(maxBytes) };
  const full = resolve(io.cwd, path);
  let size: number;
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new InputError(`${path}: is a directory; expected a ${what} file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: ${describeFsError(error)}`);
  }
  if (size > maxBytes) {
    throw new InputError(`${path}: ${formatBytes(size)} is larger than the ${formatBytes(maxBytes)} limit for a ${what} file; is this the right file?`);
  }
  try {
    return { name: path, text: await readFile(full, 'utf8') };
  } catch (error) {
    throw new InputError(`${path}: ${describeFsError(error)}`);
  }
}

/** A short reason for a file system error: `no such file`, `permission denied`. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EMFILE':
      return 'too many open files';
    default:
      return `cannot be read (${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)})`;
  }
}

/** The real terminal: `process` streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    readStdin: (maxBytes) => readStream(process.stdin, maxBytes),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > maxBytes) {
      throw new InputError(`<stdin>: more than the ${formatBytes(maxBytes)} limit; is this the right input?`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether colour may be used on a stream: a TTY, and `NO_COLOR` unset or empty. */
export function colorEnabled(io: CliIo, writer: Writer): boolean {
  const noColor = io.env['NO_COLOR'];
  return writer.isTTY && (noColor === undefined || noColor === '');
}
