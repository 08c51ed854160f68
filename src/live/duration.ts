/**
 * Durations as people type them (`30m`, `24h`, `7d`) and ages as people read them (`3 hours`).
 *
 * @module
 */
import { plural } from '../util/text.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration: a non-negative number with a unit, `ms`, `s`, `m`, `h` or `d` (`90s`, `1.5h`,
 * `7d`); a bare `0` is allowed. Returns milliseconds, or `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseDuration('24h'); // 86400000
 * parseDuration('24'); // undefined: a unit is required
 * ```
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(trimmed);
  if (!match) return undefined;
  const value = Number(match[1]) * UNIT_MS[match[2]!]!;
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

/**
 * An age in words, rounded down to the largest whole unit: `45 seconds`, `1 minute`, `5 hours`,
 * `3 days`. Negative ages (a clock behind the data) read as `0 seconds`.
 */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) return plural(Math.floor(seconds / size), name);
  }
  return plural(seconds, 'second');
}
