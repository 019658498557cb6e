import type { Rng } from './Rng';

/** Kubernetes' no-vowel alphabet for generated name suffixes (apimachinery util/rand). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const NAME_SUFFIX_LENGTH = 5;
/** generateName base is cut so that base + suffix fits in 63 characters (storage/names/generate.go). */
const MAX_GENERATED_NAME_LENGTH = 63;

export function generateNameSuffix(rng: Rng): string {
  let suffix = '';
  for (let i = 0; i < NAME_SUFFIX_LENGTH; i++) suffix += NAME_SUFFIX_ALPHABET[rng.int(NAME_SUFFIX_ALPHABET.length)];
  return suffix;
}

export function generateName(base: string, rng: Rng): string {
  const maxBase = MAX_GENERATED_NAME_LENGTH - NAME_SUFFIX_LENGTH;
  return (base.length > maxBase ? base.slice(0, maxBase) : base) + generateNameSuffix(rng);
}

const HEX = '0123456789abcdef';
/** RFC 4122 version-4 shaped uid drawn from the seeded stream. */
export function newUid(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 32; i++) {
    let nibble = rng.int(16);
    if (i === 12) nibble = 4;
    if (i === 16) nibble = (nibble & 0x3) | 0x8;
    out += HEX[nibble];
    if (i === 7 || i === 11 || i === 15 || i === 19) out += '-';
  }
  return out;
}

/** 64 hex chars, like a containerd container id. */
export function newContainerId(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 64; i++) out += HEX[rng.int(16)];
  return out;
}
