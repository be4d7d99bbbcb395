import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../src/engine/EventHeap.js';

type Entry = { readonly key: number; readonly seq: number };
const entryOrder = (a: Entry, b: Entry): number => a.key - b.key || a.seq - b.seq;

function drain<T>(heap: EventHeap<T>): T[] {
  const out: T[] = [];
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) out.push(item);
  return out;
}

describe('EventHeap', () => {
  it('is empty at first', () => {
    const heap = new EventHeap<string>();
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
    expect(heap.peekKey()).toBe(Number.POSITIVE_INFINITY);
    expect(heap.pop()).toBeUndefined();
  });

  it('pops by key, then by seq', () => {
    const heap = new EventHeap<string>();
    heap.push(5, 2, 'b');
    heap.push(5, 1, 'a');
    heap.push(3, 9, 'first');
    heap.push(7, 0, 'last');
    expect(heap.size).toBe(4);
    expect(heap.peek()).toBe('first');
    expect(heap.peekKey()).toBe(3);
    expect(drain(heap)).toEqual(['first', 'a', 'b', 'last']);
  });

  it('drains any pushes in (key, seq) order', () => {
    const entries = fc.array(fc.record({ key: fc.integer({ min: 0, max: 8 }), seq: fc.nat(1000) }), {
      maxLength: 300,
    });
    fc.assert(
      fc.property(entries, (list) => {
        const heap = new EventHeap<Entry>();
        for (const e of list) heap.push(e.key, e.seq, e);
        expect(drain(heap)).toEqual([...list].sort(entryOrder));
      }),
    );
  });

  it('keeps order through interleaved pushes and pops', () => {
    const ops = fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), { maxLength: 300 });
    fc.assert(
      fc.property(ops, (list) => {
        const heap = new EventHeap<Entry>();
        const model: Entry[] = [];
        let seq = 0;
        for (const op of list) {
          if (op === undefined) {
            model.sort(entryOrder);
            expect(heap.pop()).toBe(model.shift());
          } else {
            const e = { key: op, seq: seq++ };
            heap.push(e.key, e.seq, e);
            model.push(e);
          }
          expect(heap.size).toBe(model.length);
        }
      }),
    );
  });

  it('retain() keeps only accepted items and restores heap order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), fc.nat(4), (keys, mod) => {
        const heap = new EventHeap<Entry>();
        const list = keys.map((key, seq) => ({ key, seq }));
        for (const e of list) heap.push(e.key, e.seq, e);
        const keep = (e: Entry): boolean => e.seq % (mod + 2) !== 0;
        heap.retain(keep);
        expect(drain(heap)).toEqual(list.filter(keep).sort(entryOrder));
      }),
    );
  });

  it('clear() empties it', () => {
    const heap = new EventHeap<number>();
    for (let i = 0; i < 10; i++) heap.push(i, i, i);
    heap.clear();
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBeUndefined();
    heap.push(1, 0, 42);
    expect(heap.pop()).toBe(42);
  });
});
