/**
 * Operational errors of the command line: bad usage and unusable input. Each carries the exit code
 * it maps to and a message that says what happened, where, and what to do. The core never throws
 * these; the CLI shell does, and `main` turns them into one line on stderr.
 *
 * @module
 */

/** Exit codes, as ESLint uses them: 0 clean, 1 findings or incompatible, 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** A problem with the command line itself: an unknown flag, a missing argument, a bad value. */
export class UsageError extends Error {
  /** Stable kind of error. */
  readonly code = 'usage';
  /** Exit code this error maps to. */
  readonly exitCode = EXIT.error;
  override readonly name = 'UsageError';
}

/** A problem with an input the user named: missing, unreadable, too large, or unusable. */
export class InputError extends Error {
  /** Stable kind of error. */
  readonly code = 'input';
  /** Exit code this error maps to. */
  readonly exitCode = EXIT.error;
  override readonly name = 'InputError';
}
