import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString } from './hash';

describe('ComputeHash pieces', () => {
  it('FNV-1a 32 matches the reference vectors', () => {
    expect(fnv32a([])).toBe(0x811c9dc5);
    expect(fnv32a([...'a'].map((c) => c.charCodeAt(0)))).toBe(0xe40c292c);
    expect(fnv32a([...'foobar'].map((c) => c.charCodeAt(0)))).toBe(0xbf9cf968);
  });

  it('SafeEncodeString maps decimal digits onto the no-vowel alphabet (so hashes look like 66b6c48dd5)', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString('2262704881')).toBe('66b6c48dd5');
  });

  it('changes with the template and with the collision count (TestComputeHash)', () => {
    const template = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } };
    const base = computeHash(template);
    expect(base).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(template)).toBe(base);
    expect(computeHash({ ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } })).not.toBe(base);
    expect(computeHash({}, 1)).not.toBe(computeHash({}, 2));
    expect(computeHash({}, undefined)).not.toBe(computeHash({}, 2147483647));
  });
});
