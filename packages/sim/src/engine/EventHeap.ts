/**
 * A binary min-heap of items ordered by a numeric `key`, ties broken by a numeric `seq`. Keys, sequence
 * numbers and items sit in three parallel arrays, so comparisons touch only packed numbers and a push or
 * pop allocates nothing once the arrays have grown. The simulator's event queue; usable alone for any
 * (key, seq) ordering.
 */
export class EventHeap<T> {
  private readonly keys: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: (T | undefined)[] = [];
  private length = 0;

  /** Number of items held. */
  get size(): number {
    return this.length;
  }

  /** Key of the smallest item, or `Infinity` when empty. */
  peekKey(): number {
    return this.length === 0 ? Number.POSITIVE_INFINITY : this.keys[0]!;
  }

  /** The smallest item without removing it, or `undefined` when empty. */
  peek(): T | undefined {
    return this.length === 0 ? undefined : this.items[0];
  }

  /** Adds `item` under (`key`, `seq`). O(log n). */
  push(key: number, seq: number, item: T): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const items = this.items;
    let i = this.length++;
    // Move the hole up instead of swapping: one write per level.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && seqs[parent]! < seq)) break;
      keys[i] = pk;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent];
      i = parent;
    }
    keys[i] = key;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the smallest item, or `undefined` when empty. O(log n). */
  pop(): T | undefined {
    if (this.length === 0) return undefined;
    const items = this.items;
    const top = items[0];
    const last = --this.length;
    if (last > 0) this.siftDown(0, this.keys[last]!, this.seqs[last]!, items[last]);
    // Drop the reference so a fired event's payload can be collected.
    items[last] = undefined;
    return top;
  }

  /** Keeps only the items `keep` accepts and restores heap order. O(n). */
  retain(keep: (item: T) => boolean): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const items = this.items;
    const n = this.length;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const item = items[i] as T;
      if (!keep(item)) continue;
      keys[kept] = keys[i]!;
      seqs[kept] = seqs[i]!;
      items[kept] = item;
      kept++;
    }
    for (let i = kept; i < n; i++) items[i] = undefined;
    this.length = kept;
    // Floyd's bottom-up heapify.
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i, keys[i]!, seqs[i]!, items[i]);
  }

  /** Removes every item. */
  clear(): void {
    this.items.fill(undefined, 0, this.length);
    this.length = 0;
  }

  /** Places (key, seq, item) at the hole `i`, moving smaller children up until heap order holds. */
  private siftDown(start: number, key: number, seq: number, item: T | undefined): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const items = this.items;
    const n = this.length;
    const half = n >> 1;
    let i = start;
    while (i < half) {
      let child = 2 * i + 1;
      let ck = keys[child]!;
      let cs = seqs[child]!;
      const right = child + 1;
      if (right < n) {
        const rk = keys[right]!;
        const rs = seqs[right]!;
        if (rk < ck || (rk === ck && rs < cs)) {
          child = right;
          ck = rk;
          cs = rs;
        }
      }
      if (key < ck || (key === ck && seq < cs)) break;
      keys[i] = ck;
      seqs[i] = cs;
      items[i] = items[child];
      i = child;
    }
    keys[i] = key;
    seqs[i] = seq;
    items[i] = item;
  }
}
