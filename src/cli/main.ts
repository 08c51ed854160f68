/**
 * The CLI shell: picks the command, runs it, and turns every error into one line on stderr and an
 * exit code. Nothing here calls `process.exit`; the caller sets the exit code.
 *
 * @module
 */
import { wantsHelp } from './command.js';
import { COMMANDS } from './commands.js';
import { EXIT, InputError, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { didYouMean } from '../util/did-you-mean.js';
import { VERSION } from '../version.js';

/** The top-level help text. */
export function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'lightsail-compat: which Amazon Lightsail blueprints run on which bundles, why a pairing is',
    'invalid, and which pairings are valid.',
    '',
    'Usage: lightsail-compat <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also after a command: lightsail-compat check --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 clean, 1 findings or incompatible, 2 usage or input error.',
    '',
  ].join('\n');
}

/**
 * Runs the command line `args` (without the node and script paths) and resolves to the exit code.
 * Never rejects: usage and input errors print one line; anything unexpected prints one line with
 * how to report it.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr.write(`lightsail-compat: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(describeInternalError(error, io));
    return EXIT.error;
  }
}

async function dispatch(args: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h') {
    (first === undefined ? io.stderr : io.stdout).write(topLevelHelp());
    return first === undefined ? EXIT.error : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(VERSION + '\n');
    return EXIT.ok;
  }
  if (first === 'help') {
    if (rest[0] === undefined) {
      io.stdout.write(topLevelHelp());
      return EXIT.ok;
    }
    return dispatch([rest[0], '--help'], io);
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    const near = didYouMean(first, COMMANDS.map((c) => c.name), 1);
    throw new UsageError(
      `unknown command ${JSON.stringify(first)}` + (near.length > 0 ? `; did you mean ${near[0]}?` : '') + '; see `lightsail-compat --help`',
    );
  }
  const command = await entry.load();
  if (wantsHelp(rest) && !command.handlesHelp) {
    io.stdout.write(command.usage);
    return EXIT.ok;
  }
  return command.run(rest, io);
}

function describeInternalError(error: unknown, io: CliIo): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const firstLine = message.split('\n')[0];
  const debug = io.env['LIGHTSAIL_COMPAT_DEBUG'];
  const detail = debug !== undefined && debug !== '' && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return (
    `lightsail-compat: internal error (${firstLine}). This is a bug: please report it with the command ` +
    `line and the input files; set LIGHTSAIL_COMPAT_DEBUG=1 to include the stack trace.${detail}\n`
  );
}
