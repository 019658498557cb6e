import type { Rng } from './Rng';

/** Kubernetes' no-vowel alphabet for generated name suffixes (apimachinery util/rand). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const NAME_SUFFIX_LENGTH = 5;
/** generateName base is cut so that base + suffix fits in 63 characters (storage/names/generate.go). */
const MAX_GENERATED_NAME_LENGTH = 63;

// Ids are built as char arrays and joined: `+=` one character at a time leaves a rope of tiny
// strings behind every id (kilobytes each), and a cluster holds hundreds of thousands of ids.

export function generateNameSuffix(rng: Rng): string {
  const chars: string[] = [];
  for (let i = 0; i < NAME_SUFFIX_LENGTH; i++) chars.push(NAME_SUFFIX_ALPHABET[rng.int(NAME_SUFFIX_ALPHABET.length)]);
  return chars.join('');
}

export function generateName(base: string, rng: Rng): string {
  const maxBase = MAX_GENERATED_NAME_LENGTH - NAME_SUFFIX_LENGTH;
  return (base.length > maxBase ? base.slice(0, maxBase) : base) + generateNameSuffix(rng);
}

const HEX = '0123456789abcdef';
/** RFC 4122 version-4 shaped uid drawn from the seeded stream. */
export function newUid(rng: Rng): string {
  const chars: string[] = [];
  for (let i = 0; i < 32; i++) {
    let nibble = rng.int(16);
    if (i === 12) nibble = 4;
    if (i === 16) nibble = (nibble & 0x3) | 0x8;
    chars.push(HEX[nibble]);
    if (i === 7 || i === 11 || i === 15 || i === 19) chars.push('-');
  }
  return chars.join('');
}

/** Reused by newContainerId: a container id is drawn on every (re)start, and pushing into a fresh array left 64 slots of garbage each time. */
const containerIdChars = new Array<string>(64);

/** 64 hex chars, like a containerd container id. */
export function newContainerId(rng: Rng): string {
  for (let i = 0; i < 64; i++) containerIdChars[i] = HEX[rng.int(16)];
  return containerIdChars.join('');
}
