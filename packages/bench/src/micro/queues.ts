/**
 * Baseline event queues for the hold-model benchmark, written as a DES author would without the engine: a
 * flatqueue-style binary heap (numeric key only, as mourner's flatqueue) and a sorted array.
 * @module
 */

/** An event of the baseline queues: its time and insertion sequence. */
export interface BaselineEvent {
  /** Simulated time, ms. */
  readonly time: number;
  /** Insertion sequence (tie-break). */
  readonly seq: number;
}

/**
 * A binary min-heap of integer ids ordered by a numeric value, in two parallel arrays, the design of
 * flatqueue 3 (mourner). Orders by value only: equal values are not first-in-first-out.
 */
export class FlatHeap {
  private readonly ids: number[] = [];
  private readonly values: number[] = [];
  private length = 0;

  /** Number of ids held. */
  get size(): number {
    return this.length;
  }

  /** Adds `id` with priority `value`. */
  push(id: number, value: number): void {
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const parentValue = this.values[parent]!;
      if (value >= parentValue) break;
      this.ids[pos] = this.ids[parent]!;
      this.values[pos] = parentValue;
      pos = parent;
    }
    this.ids[pos] = id;
    this.values[pos] = value;
  }

  /** Removes and returns the id with the smallest value, or `undefined` when empty. */
  pop(): number | undefined {
    if (this.length === 0) return undefined;
    const top = this.ids[0];
    this.length--;
    if (this.length > 0) {
      const id = this.ids[this.length]!;
      const value = this.values[this.length]!;
      let pos = 0;
      const half = this.length >> 1;
      while (pos < half) {
        let left = (pos << 1) + 1;
        const right = left + 1;
        if (right < this.length && this.values[right]! < this.values[left]!) left = right;
        if (this.values[left]! >= value) break;
        this.ids[pos] = this.ids[left]!;
        this.values[pos] = this.values[left]!;
        pos = left;
      }
      this.ids[pos] = id;
      this.values[pos] = value;
    }
    return top;
  }
}

/**
 * A queue kept as an array sorted by (time, seq) descending, so the next event pops off the end; inserting
 * is a binary search and a `splice` (O(n) moves). The simplest correct queue.
 */
export class SortedArrayQueue {
  private readonly events: BaselineEvent[] = [];

  /** Number of events held. */
  get size(): number {
    return this.events.length;
  }

  /** Inserts `event` in (time, seq) order. */
  push(event: BaselineEvent): void {
    const a = this.events;
    let lo = 0;
    let hi = a.length;
    // Descending order: find the first index whose event comes before `event`.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = a[mid]!;
      if (m.time > event.time || (m.time === event.time && m.seq > event.seq)) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, event);
  }

  /** Removes and returns the earliest event, or `undefined` when empty. */
  pop(): BaselineEvent | undefined {
    return this.events.pop();
  }
}
