/**
 * A bounded max-heap that keeps the `capacity` smallest numbers pushed into it. Recommendations
 * encode a pairing's place in the output order as one number, so "the first N pairings" is "the N
 * smallest numbers" and memory stays O(N) however many pairings qualify.
 *
 * @module
 */

/** Keeps the `capacity` smallest numbers pushed; larger ones are dropped as they come. */
export class SmallestK {
  private readonly heap: Float64Array;
  private size = 0;

  /** A heap that keeps at most `capacity` numbers (a whole number, at least 0). */
  constructor(readonly capacity: number) {
    this.heap = new Float64Array(capacity);
  }

  /** How many numbers it holds. */
  get length(): number {
    return this.size;
  }

  /**
   * Whether `value` would be kept. Callers use it to stop early: when values arrive in increasing
   * order, the first one refused means every later one is refused too.
   */
  accepts(value: number): boolean {
    return this.size < this.capacity || (this.size > 0 && value < this.heap[0]!);
  }

  /** Adds `value` if it is among the smallest seen so far. */
  push(value: number): void {
    if (this.size < this.capacity) {
      this.heap[this.size] = value;
      this.siftUp(this.size++);
    } else if (this.size > 0 && value < this.heap[0]!) {
      this.heap[0] = value;
      this.siftDown(0);
    }
  }

  /** The numbers held, in increasing order. */
  sorted(): number[] {
    return Array.from(this.heap.subarray(0, this.size)).sort((a, b) => a - b);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const value = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (heap[parent]! >= value) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = value;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const size = this.size;
    const value = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1]! > heap[child]!) child++;
      if (heap[child]! <= value) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = value;
  }
}
