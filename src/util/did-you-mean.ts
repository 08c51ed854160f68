/**
 * Suggestions for mistyped ids and flags: the candidates closest by edit distance (optimal string
 * alignment: insertions, deletions, substitutions and swaps of neighbours each count 1).
 *
 * @module
 */

/** Edit distance between two strings, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates nearest to `input`, best first (ties by name), at most `max` of them, and only
 * those close enough to be a plausible typo: within a third of the input's length, at least 1.
 * Case differences count as half a typo, so `Wordpress` still finds `wordpress` first.
 *
 * @example
 * ```ts
 * didYouMean('nano_3_O', ['nano_3_0', 'micro_3_0']); // ['nano_3_0']
 * ```
 */
export function didYouMean(input: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor(input.length / 3));
  const lower = input.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance > limit) continue;
    const score = distance + (candidate === input ? 0 : candidate.toLowerCase() === lower ? 0.5 : 0);
    if (candidate !== input) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || (x.candidate < y.candidate ? -1 : 1));
  return scored.slice(0, max).map((s) => s.candidate);
}
