// A counter-based generator: every value is a hash of (seed, key, index), so a value at any index can be
// computed without state. Mixing is the murmur3 32-bit finaliser; strings are folded with FNV-1a.

function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A stateless uniform source for one `(seed, key)` pair (e.g. the scenario seed and a node name):
 * `stream(index, salt)` is a number in [0, 1) that depends only on the seed, key, integer `index` and
 * integer `salt`. Used for noise and bursts that must be evaluable at any time without a running
 * generator.
 */
export type HashStream = (index: number, salt?: number) => number;

/** The 32-bit base of the stream of `(seed, key)`: what {@link hashUniform} and {@link hashNormalOf} take. */
export function hashStreamBase(seed: number | string, key: number | string): number {
  return mix32(mix32(fnv1a(String(seed)) ^ 0x9e3779b9) ^ fnv1a(String(key)));
}

/** `hashStream(seed, key)(index, salt)` from the stream's base, without a closure. */
export function hashUniform(base: number, index: number, salt: number): number {
  const lo = index >>> 0;
  const hi = Math.floor(index / 4_294_967_296) >>> 0;
  let h = mix32(base ^ lo);
  h = mix32(h ^ hi ^ Math.imul(salt + 1, 0x27d4eb2f));
  return h / 4_294_967_296;
}

/** The {@link HashStream} of `(seed, key)`. */
export function hashStream(seed: number | string, key: number | string): HashStream {
  const base = hashStreamBase(seed, key);
  return (index, salt = 0) => hashUniform(base, index, salt);
}

/**
 * An approximately standard-normal value from a {@link HashStream} (Irwin–Hall sum of four uniforms,
 * centred and scaled to variance 1; bounded by ±2√3). Plain arithmetic only, so the value is the same on
 * every platform.
 */
export function hashNormal(stream: HashStream, index: number): number {
  const sum = stream(index, 0) + stream(index, 1) + stream(index, 2) + stream(index, 3);
  return (sum - 2) * Math.sqrt(3);
}

/** {@link hashNormal} of the stream with base `base` (see {@link hashStreamBase}): the same number, no closure. */
export function hashNormalOf(base: number, index: number): number {
  const sum =
    hashUniform(base, index, 0) +
    hashUniform(base, index, 1) +
    hashUniform(base, index, 2) +
    hashUniform(base, index, 3);
  return (sum - 2) * Math.sqrt(3);
}
