import { describe, expect, it } from 'vitest';
import { internAs } from './intern';

describe('internAs', () => {
  it('returns the first value kept for a key, and starts over at the bound', () => {
    const table = new Map<string, { n: number }>();
    const first = { n: 1 };
    expect(internAs(table, 'a', first, 2)).toBe(first);
    expect(internAs(table, 'a', { n: 2 }, 2)).toBe(first);
    internAs(table, 'b', { n: 3 }, 2);
    const later = { n: 4 };
    // Full: the table is dropped before 'c' goes in, so 'a' is kept anew.
    expect(internAs(table, 'c', { n: 5 }, 2).n).toBe(5);
    expect(table.size).toBe(1);
    expect(internAs(table, 'a', later, 2)).toBe(later);
  });

  it('shares one string object for equal texts', () => {
    const table = new Map<string, string>();
    const a = ['x', 'y'].join('-');
    const b = ['x', 'y'].join('-');
    expect(internAs(table, a, a, 10)).toBe(a);
    expect(internAs(table, b, b, 10)).toBe(a);
  });
});
