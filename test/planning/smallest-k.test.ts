import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallestK } from '../../src/planning/smallest-k.js';

describe('SmallestK', () => {
  it('keeps exactly the k smallest numbers pushed, in increasing order (law against sort and slice)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.nat({ max: 20 }), (values, k) => {
        const heap = new SmallestK(k);
        for (const v of values) heap.push(v);
        expect(heap.sorted()).toEqual([...values].sort((a, b) => a - b).slice(0, k));
        expect(heap.length).toBe(Math.min(k, values.length));
      }),
    );
  });

  it('accepts a value only while it is not full or the value beats the largest kept', () => {
    const heap = new SmallestK(2);
    expect(heap.accepts(9)).toBe(true);
    heap.push(9);
    heap.push(4);
    expect([heap.accepts(9), heap.accepts(10), heap.accepts(8)]).toEqual([false, false, true]);
    heap.push(8);
    expect(heap.sorted()).toEqual([4, 8]);
  });

  it('with capacity 0 keeps nothing', () => {
    const heap = new SmallestK(0);
    heap.push(1);
    expect([heap.accepts(-1), heap.sorted()]).toEqual([false, []]);
  });
});
