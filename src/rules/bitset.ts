/**
 * Fixed-size bit sets over a catalog's bundles (bit j is bundle j in catalog order), 32 bundles a
 * word. A whole blueprint's row of verdicts is a handful of word operations.
 *
 * @module
 */

/** A set of bundle indexes. Words past the last bundle keep their spare bits clear. */
export type BitSet = Uint32Array;

/** Number of 32-bit words for `size` bits. */
export function wordCount(size: number): number {
  return (size + 31) >>> 5;
}

/** A set with every index below `size`. */
export function fullSet(size: number): BitSet {
  const set = new Uint32Array(wordCount(size)).fill(0xffffffff);
  const spare = size & 31;
  if (spare !== 0) set[set.length - 1] = (1 << spare) - 1;
  return set;
}

/** Whether index `i` is in the set. */
export function has(set: BitSet, i: number): boolean {
  return (set[i >>> 5]! & (1 << (i & 31))) !== 0;
}

/** Adds index `i`. */
export function add(set: BitSet, i: number): void {
  set[i >>> 5]! |= 1 << (i & 31);
}

/** Number of indexes in the set. */
export function count(set: BitSet): number {
  let total = 0;
  for (let w = 0; w < set.length; w++) {
    let v = set[w]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return total;
}

/** Whether the set is empty. */
export function isEmpty(set: BitSet | null): boolean {
  if (set === null) return true;
  for (let w = 0; w < set.length; w++) if (set[w] !== 0) return false;
  return true;
}

/** Calls `visit` with every index in the set, in increasing order. */
export function forEachIndex(set: BitSet, visit: (i: number) => void): void {
  for (let w = 0; w < set.length; w++) {
    let v = set[w]!;
    while (v !== 0) {
      const bit = v & -v;
      visit((w << 5) + (31 - Math.clz32(bit)));
      v ^= bit;
    }
  }
}
