import type { Candidate } from './types.js';

/** Candidates with the same value once each, first occurrence kept (its origin is the one shown). */
export function uniqueCandidates(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => (seen.has(c.value) ? false : (seen.add(c.value), true)));
}
