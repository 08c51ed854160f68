import { describe, expect, it } from 'vitest';
import { formatAge, parseDuration } from '../../src/live/duration.js';

describe('parseDuration', () => {
  it('reads a number with a unit as milliseconds', () => {
    expect(['250ms', '90s', '30m', '24h', '7d', '1.5h', '0'].map(parseDuration)).toEqual([250, 90_000, 1_800_000, 86_400_000, 604_800_000, 5_400_000, 0]);
  });

  it('refuses a bare number, a negative value, an unknown unit and words', () => {
    expect(['24', '-1h', '3w', 'a day', '', 'h'].map(parseDuration)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('formatAge', () => {
  it('rounds down to the largest whole unit and says it in words', () => {
    expect([0, 1_000, 59_999, 60_000, 7_200_000, 86_400_000, 3 * 86_400_000 + 5].map(formatAge)).toEqual([
      '0 seconds',
      '1 second',
      '59 seconds',
      '1 minute',
      '2 hours',
      '1 day',
      '3 days',
    ]);
  });

  it('reads a negative age (a clock behind the data) as 0 seconds', () => {
    expect(formatAge(-5_000)).toBe('0 seconds');
  });
});
