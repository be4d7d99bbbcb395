import { describe, expect, it } from 'vitest';
import {
  allocateWebsterSeats,
  fewerSeatsThenName,
  fnv1a32,
  legacyNameOrder,
  takeByWeightLegacy,
  tieBreakerForUid,
} from '../../src/fleet/index.js';

// UIDs used by Karmada's own binding tests, with their FNV-1a-32 hashes worked out here.
const EVEN_UID = '4858ca61-3ff8-4095-8267-f3d059d8074c'; // 4060803976, even → names ascending
const ODD_UID = 'd43fdeeb-d750-4e2b-bee3-64eb94534f4c'; // 2505132451, odd → names descending

const seats = (n: number, votes: Record<string, number>, tie = fewerSeatsThenName(false)) =>
  Object.fromEntries(
    allocateWebsterSeats(n, new Map(Object.entries(votes)), undefined, tie).map((p) => [p.name, p.seats]),
  );

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
    [EVEN_UID, 4060803976],
    [ODD_UID, 2505132451],
  ])('%j → %d', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    // "é" is C3 A9 in UTF-8: ((0x811c9dc5 ^ 0xc3) · p ^ 0xa9) · p mod 2^32, computed by hand below.
    let h = 0x811c9dc5;
    for (const b of [0xc3, 0xa9]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    expect(fnv1a32('é')).toBe(h);
  });
});

describe('allocateWebsterSeats', () => {
  it('reproduces the seat order of the 3:2:1 example (12 → 6:4:2, 13 → 7:4:2, 14 → 7:5:2)', () => {
    expect(seats(12, { m1: 3, m2: 2, m3: 1 })).toEqual({ m1: 6, m2: 4, m3: 2 });
    expect(seats(13, { m1: 3, m2: 2, m3: 1 })).toEqual({ m1: 7, m2: 4, m3: 2 });
    expect(seats(14, { m1: 3, m2: 2, m3: 1 })).toEqual({ m1: 7, m2: 5, m3: 2 });
    // Seat 3 is a tie m1 3/3 = m3 1/1: the party with fewer seats (m3) wins.
    expect(seats(3, { m1: 3, m2: 2, m3: 1 })).toEqual({ m1: 1, m2: 1, m3: 1 });
  });

  it('reproduces the Sainte-Laguë textbook example (8 seats, 100k/80k/30k/20k → 3/3/1/1)', () => {
    expect(seats(8, { A: 100_000, B: 80_000, C: 30_000, D: 20_000 })).toEqual({ A: 3, B: 3, C: 1, D: 1 });
  });

  it('returns every party sorted by name, including those with no seat', () => {
    const out = allocateWebsterSeats(
      1,
      new Map([
        ['b', 1],
        ['a', 5],
        ['c', 0],
      ]),
    );
    expect(out.map((p) => [p.name, p.seats])).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 0],
    ]);
  });

  it('starts from initial seats; a party with only initial seats keeps them and gets no more', () => {
    const out = allocateWebsterSeats(2, new Map([['a', 1]]), new Map([['z', 4]]));
    expect(out).toEqual([
      { name: 'a', votes: 1, seats: 2 },
      { name: 'z', votes: 0, seats: 4 },
    ]);
  });

  it('breaks equal ties by name ascending for an even UID and descending for an odd one', () => {
    // Three equal weights, 4 seats: seats 1–3 tie at 0 seats each, seat 4 ties at 1 seat each.
    expect(seats(4, { a: 1, b: 1, c: 1 }, tieBreakerForUid(EVEN_UID))).toEqual({ a: 2, b: 1, c: 1 });
    expect(seats(4, { a: 1, b: 1, c: 1 }, tieBreakerForUid(ODD_UID))).toEqual({ a: 1, b: 1, c: 2 });
    // An empty (or absent) UID counts as even, although FNV("") is odd.
    expect(seats(1, { a: 1, b: 1 }, tieBreakerForUid(''))).toEqual({ a: 1, b: 0 });
    expect(seats(1, { a: 1, b: 1 }, tieBreakerForUid(undefined))).toEqual({ a: 1, b: 0 });
  });

  it('prefers fewer seats over the name order in a tie', () => {
    // a 2 votes, b 1 vote. Seat 1: a (2 > 1). Seat 2: a 2/3 < b 1 → b. Seat 3: a 0.667 > b 0.333 → a.
    // Seat 4: a 0.4 > b 0.333 → a. Seat 5: a 0.2857 < b 0.333 → b. Seat 6: a 0.2857 > b 0.2 → a.
    expect(seats(6, { a: 2, b: 1 }, tieBreakerForUid(EVEN_UID))).toEqual({ a: 4, b: 2 });
    // A real tie at different seat counts: x 3 votes with 1 seat (3/3) vs y 1 vote with 0 seats (1/1):
    // y wins although the even UID orders names ascending (x first).
    expect(seats(2, { x: 3, y: 1 }, tieBreakerForUid(EVEN_UID))).toEqual({ x: 1, y: 1 });
  });

  it('is house-monotone: one more seat never takes a seat away', () => {
    const votes = { a: 7, b: 5, c: 3, d: 1 };
    let prev = seats(0, votes);
    for (let n = 1; n <= 40; n++) {
      const next = seats(n, votes);
      for (const k of Object.keys(votes)) expect(next[k]).toBeGreaterThanOrEqual(prev[k]!);
      prev = next;
    }
  });
});

describe('takeByWeightLegacy (Karmada v1.8–v1.15)', () => {
  it('floors each share and gives the remainder to the heaviest: 14 @ 3:2:1 → 8:4:2', () => {
    const out = takeByWeightLegacy(14, [
      { name: 'm1', weight: 3, lastReplicas: 0 },
      { name: 'm2', weight: 2, lastReplicas: 0 },
      { name: 'm3', weight: 1, lastReplicas: 0 },
    ]);
    expect(out).toEqual([
      { name: 'm1', replicas: 8 },
      { name: 'm2', replicas: 4 },
      { name: 'm3', replicas: 2 },
    ]);
  });

  it('orders equal weights by previous replicas, then by the tie order (default name ascending)', () => {
    const w = [
      { name: 'a', weight: 1, lastReplicas: 0 },
      { name: 'b', weight: 1, lastReplicas: 5 },
      { name: 'c', weight: 1, lastReplicas: 0 },
    ];
    // 2 replicas: floors 0, remainder 2 → b (more last replicas), then a (name).
    expect(takeByWeightLegacy(2, w)).toEqual([
      { name: 'a', replicas: 1 },
      { name: 'b', replicas: 1 },
      { name: 'c', replicas: 0 },
    ]);
    const reversed = (x: { name: string }, y: { name: string }) => -legacyNameOrder(x as never, y as never);
    expect(takeByWeightLegacy(2, w, [], reversed)).toEqual([
      { name: 'a', replicas: 0 },
      { name: 'b', replicas: 1 },
      { name: 'c', replicas: 1 },
    ]);
  });

  it('adds the result onto the initial assignment and does nothing for a zero weight sum', () => {
    expect(takeByWeightLegacy(3, [{ name: 'a', weight: 1, lastReplicas: 2 }], [{ name: 'a', replicas: 2 }])).toEqual([
      { name: 'a', replicas: 5 },
    ]);
    expect(takeByWeightLegacy(3, [{ name: 'a', weight: 0, lastReplicas: 0 }], [{ name: 'b', replicas: 1 }])).toEqual([
      { name: 'b', replicas: 1 },
    ]);
  });
});
