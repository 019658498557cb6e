import { NAME_SUFFIX_ALPHABET } from '../../random/ids';
import { stableStringify } from '../../util/clone';

/** FNV-1a 32-bit over bytes (Go's hash/fnv New32a). */
export function fnv32a(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (const byte of bytes) {
    hash ^= byte & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return out;
}

/**
 * Models apimachinery util/rand SafeEncodeString: every character maps to the no-vowel alphabet by
 * its code point modulo 27, so a decimal hash becomes e.g. `66b6c48dd5`.
 */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const char of text) out += NAME_SUFFIX_ALPHABET[(char.codePointAt(0) ?? 0) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

/**
 * Models controller_utils.go ComputeHash: FNV-32a of the pod template, then the collision count as
 * 8 little-endian bytes (a uint32 in the first four), printed in decimal and safe-encoded.
 * Kubernetes feeds the hasher the template as Go-printed by spew (DeepHashObject), which cannot be
 * reproduced byte for byte here; Podlab hashes a key-sorted JSON of the template instead, so hashes
 * are stable and change exactly when the template changes, but differ from a real cluster's values.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const bytes = utf8Bytes(stableStringify(template ?? {}));
  if (collisionCount !== undefined && collisionCount !== null) {
    const count = collisionCount >>> 0;
    bytes.push(count & 0xff, (count >>> 8) & 0xff, (count >>> 16) & 0xff, (count >>> 24) & 0xff, 0, 0, 0, 0);
  }
  return safeEncodeString(String(fnv32a(bytes)));
}
