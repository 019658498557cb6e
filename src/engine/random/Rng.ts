/**
 * Seeded PRNG (sfc32) with named forks, so each subsystem draws from its own stream and adding a
 * draw in one subsystem never shifts another's sequence. Models the FoundationDB/TigerBeetle rule:
 * seed + inputs ⇒ the same run.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Uniform integer in [min, max] inclusive. */
  range(min: number, max: number): number;
  /** An independent stream derived from this one's seed and a label; deterministic, draw-order free. */
  fork(label: string): Rng;
  readonly seed: number;
}

function hashString(text: string): number {
  // FNV-1a 32-bit: cheap, stable across platforms.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const nextUint = (): number => {
    // sfc32
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint();
  const rng: Rng = {
    seed,
    next: () => nextUint() / 4294967296,
    int: (maxExclusive) => (maxExclusive <= 0 ? 0 : Math.floor((nextUint() / 4294967296) * maxExclusive)),
    range: (min, max) => min + Math.floor((nextUint() / 4294967296) * (max - min + 1)),
    fork: (label) => createRng(forkSeed(seed, label)),
  };
  return rng;
}

/** The seed of a named sub-stream, as fork() derives it (for streams kept as a plain number). */
export function forkSeed(seed: number, label: string): number {
  return (Math.imul(seed ^ 0x5bd1e995, 31) ^ hashString(label)) >>> 0;
}

/**
 * Draw number `index` of a counter-based stream: uniform in [0, 1) and a pure function of
 * (seed, index), so a draw can be computed ahead of time, or skipped, without shifting any other.
 */
export function uniformAt(seed: number, index: number): number {
  let z = (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
}
