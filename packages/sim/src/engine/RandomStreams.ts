import { RandomStream, type RandomStreamState } from './RandomStream.js';

/** A saved set of streams: the master seed and each created stream's state, as plain JSON. */
export interface RandomStreamsState {
  /** The master seed the streams derive from. */
  readonly masterSeed: string;
  /** State of every stream created so far, by name. */
  readonly streams: { readonly [name: string]: RandomStreamState };
}

/**
 * Every source of randomness of one simulation run, derived from a single master seed. Each use asks for
 * its own named stream (`arrivals`, `durations`, `load-noise`, `startup-latency`); a stream's seed is
 * `${masterSeed}/${name}`, so it depends only on the master seed and its own name. Adding a new stream,
 * or drawing more from one, never changes another stream's numbers.
 */
export class RandomStreams {
  /** The master seed as a string (a number seed `42` is the same as `"42"`). */
  readonly masterSeed: string;
  private readonly streams = new Map<string, RandomStream>();

  /** Streams derived from `masterSeed` (a string, or a finite number used through its decimal text). */
  constructor(masterSeed: string | number) {
    if (typeof masterSeed === 'number' && !Number.isFinite(masterSeed)) {
      throw new RangeError(`RandomStreams: seed ${masterSeed} is not a finite number`);
    }
    this.masterSeed = String(masterSeed);
  }

  /** The stream called `name`, created on first use; later calls return the same stream object. */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = new RandomStream(`${this.masterSeed}/${name}`);
      this.streams.set(name, s);
    }
    return s;
  }

  /** Names of the streams created so far, sorted. */
  names(): string[] {
    return [...this.streams.keys()].sort();
  }

  /** The state of every stream created so far, for a checkpoint. */
  saveState(): RandomStreamsState {
    const streams: Record<string, RandomStreamState> = {};
    for (const name of this.names()) streams[name] = this.streams.get(name)!.getState();
    return { masterSeed: this.masterSeed, streams };
  }

  /**
   * Puts every stream named in `state` back where it was saved (creating it if needed); streams not named
   * keep their current position.
   *
   * @throws RangeError when `state` was saved from a different master seed.
   */
  restoreState(state: RandomStreamsState): void {
    if (state.masterSeed !== this.masterSeed) {
      throw new RangeError(
        `RandomStreams.restoreState: state is for seed "${state.masterSeed}", not "${this.masterSeed}"`,
      );
    }
    for (const name in state.streams) this.stream(name).setState(state.streams[name]!);
  }
}
