/**
 * FNV-1a, 32-bit, over the UTF-8 bytes of `text`: the hash Go's `hash/fnv.New32a()` computes. Karmada (≥ 1.16)
 * uses its parity on a binding's resource UID to choose the name order of Webster ties
 * (`pkg/util/helper/binding.go`). Returns an unsigned 32-bit integer.
 *
 * @example
 * fnv1a32('a'); // 0xe40c292c = 3826002220
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5; // FNV offset basis
  const mix = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0; // FNV prime 16777619, modulo 2^32
  };
  for (let i = 0; i < text.length; i++) {
    let cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++; // a surrogate pair was consumed as one code point
    // A lone surrogate is encoded as U+FFFD, as Go's []byte(string) conversion of invalid UTF-16 would not
    // occur (Go strings are bytes); JavaScript strings only reach here with well-formed text in practice.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) {
      mix(cp);
    } else if (cp < 0x800) {
      mix(0xc0 | (cp >> 6));
      mix(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      mix(0xe0 | (cp >> 12));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    } else {
      mix(0xf0 | (cp >> 18));
      mix(0x80 | ((cp >> 12) & 0x3f));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    }
  }
  return hash >>> 0;
}
