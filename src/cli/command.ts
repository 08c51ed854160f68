import type { CliIo } from './io.js';

/** A command's implementation, loaded only when the command runs. */
export interface CommandModule {
  /** Full help text, printed by `--help`. */
  readonly usage: string;
  /** Whether the command prints its own help (commands with subcommands do, per subcommand). */
  readonly handlesHelp?: boolean;
  /** Runs the command with its arguments (after the command name); resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A command as listed in the top-level help. Its module is imported on first use. */
export interface CommandEntry {
  /** The word that selects it. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Imports the implementation. */
  load(): Promise<CommandModule>;
}

/** Whether the arguments ask for help (`--help` or `-h` anywhere before a `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
