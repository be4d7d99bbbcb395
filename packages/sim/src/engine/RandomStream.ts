import seedrandom from 'seedrandom';
import type { RandomSource } from './RandomSource.js';

/**
 * The complete state of one {@link RandomStream} (seedrandom's Alea generator): four numbers, plain JSON,
 * enough to continue the stream exactly where it was saved.
 */
export interface RandomStreamState {
  /** Alea carry. */
  readonly c: number;
  /** Alea lag-1 register. */
  readonly s0: number;
  /** Alea lag-2 register. */
  readonly s1: number;
  /** Alea lag-3 register. */
  readonly s2: number;
}

/**
 * One seeded stream of uniform random numbers, dedicated to a single use (job arrivals, task durations,
 * load noise, start-up latency), so the draws of one use never shift another's. Backed by seedrandom's
 * Alea generator: fast, with a four-number state that saves and restores exactly.
 */
export class RandomStream {
  /** The string the generator was seeded with (for a stream of {@link RandomStreams}, `master/name`). */
  readonly seed: string;
  private prng: seedrandom.StatefulPRNG<seedrandom.State.Alea>;

  /** A stream seeded with `seed`; the same seed always yields the same sequence. */
  constructor(seed: string) {
    this.seed = seed;
    this.prng = seedrandom.alea(seed, { state: true });
  }

  /**
   * The next uniform number in [0, 1) with 53 random bits. An arrow property, so `stream.next` can be
   * passed on as a {@link RandomSource} without binding.
   */
  readonly next: RandomSource = () => this.prng.double();

  /**
   * A uniform integer in [`lo`, `hi`], both ends included (e.g. `int(1, 6)` is a die roll).
   *
   * @throws RangeError when the bounds are not safe integers or `lo > hi`.
   */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
      throw new RangeError(`RandomStream.int: bounds [${lo}, ${hi}] are not safe integers with lo ≤ hi`);
    }
    // The span can round up to hi + 1 only through float error on huge ranges; clamp it.
    return Math.min(hi, lo + Math.floor(this.next() * (hi - lo + 1)));
  }

  /** A copy of the generator's state, to resume the stream later with {@link RandomStream.setState}. */
  getState(): RandomStreamState {
    return this.prng.state();
  }

  /** Continues the stream from a state saved by {@link RandomStream.getState}. */
  setState(state: RandomStreamState): void {
    this.prng = seedrandom.alea('', { state: { ...state } });
  }
}
