#!/usr/bin/env node
// The executable: wires the real process to runCli and sets the exit code. Nothing else lives here.
import { processIo } from './io.js';
import { runCli } from './main.js';

const io = processIo();
// Last-resort guards: an error that escapes every handler still ends as one line and exit 2.
const lastResort = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`lightsail-compat: internal error (${message.split('\n')[0]}). This is a bug: please report it with the command line and the input files.\n`);
  process.exit(2);
};
process.on('uncaughtException', lastResort);
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  lastResort(error);
});
process.on('unhandledRejection', lastResort);

process.exitCode = await runCli(process.argv.slice(2), io);
