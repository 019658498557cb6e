import { describe, expect, it } from 'vitest';
import { createRng, forkSeed, uniformAt } from './Rng';
import { generateName, newUid, NAME_SUFFIX_ALPHABET } from './ids';

describe('Rng', () => {
  it('is reproducible from its seed', () => {
    const a = createRng(42), b = createRng(42);
    const drawsA = Array.from({ length: 20 }, () => a.next());
    const drawsB = Array.from({ length: 20 }, () => b.next());
    expect(drawsA).toEqual(drawsB);
    expect(createRng(43).next()).not.toBe(drawsA[0]);
  });

  it('forks independent streams by label regardless of draw order', () => {
    const root1 = createRng(7);
    root1.next();
    const fork1 = root1.fork('scheduler');
    const fork2 = createRng(7).fork('scheduler');
    expect(fork1.next()).toBe(fork2.next());
    expect(createRng(7).fork('kubelet').next()).not.toBe(createRng(7).fork('scheduler').next());
  });

  it('counter-based draws are pure in (seed, index), uniform, and independent per seed', () => {
    const seed = forkSeed(7, 'resync:pod-a');
    expect(forkSeed(7, 'resync:pod-a')).toBe(seed);
    expect(forkSeed(7, 'resync:pod-b')).not.toBe(seed);
    const draws = Array.from({ length: 10_000 }, (_, i) => uniformAt(seed, i));
    expect(uniformAt(seed, 4_321)).toBe(draws[4_321]);
    for (const d of draws) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    const deciles = new Array<number>(10).fill(0);
    for (const d of draws) deciles[Math.floor(d * 10)]++;
    for (const n of deciles) expect(Math.abs(n - 1_000)).toBeLessThan(150);
    expect(uniformAt(forkSeed(7, 'resync:pod-b'), 0)).not.toBe(draws[0]);
  });

  it('draws integers within bounds', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const v = rng.int(27);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(27);
      const r = rng.range(3, 5);
      expect(r).toBeGreaterThanOrEqual(3);
      expect(r).toBeLessThanOrEqual(5);
    }
  });
});

describe('ids', () => {
  it('generates names like the apiserver: base + 5 chars of the no-vowel alphabet, cut to 63', () => {
    const rng = createRng(3);
    const name = generateName('frontend-', rng);
    expect(name).toMatch(new RegExp(`^frontend-[${NAME_SUFFIX_ALPHABET}]{5}$`));
    expect(generateName('x'.repeat(80), rng)).toHaveLength(63);
  });

  it('makes version-4 shaped uids', () => {
    expect(newUid(createRng(5))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
