import { describe, expect, it } from 'vitest';
import { internAs, internMade } from './intern';

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

describe('internMade', () => {
  it('makes a value only on a miss, keeps null as a value, and starts over at the bound', () => {
    const table = new Map<string, number | null>();
    let made = 0;
    const make = (v: number | null) => () => (made++, v);
    expect(internMade(table, 'a', make(1), 2)).toBe(1);
    expect(internMade(table, 'a', make(9), 2)).toBe(1);
    expect(internMade(table, 'n', make(null), 2)).toBeNull();
    expect(internMade(table, 'n', make(7), 2)).toBeNull();
    expect(made).toBe(2);
    // Full: dropped before 'c' goes in.
    expect(internMade(table, 'c', make(3), 2)).toBe(3);
    expect(table.size).toBe(1);
    expect(internMade(table, 'a', make(4), 2)).toBe(4);
    expect(made).toBe(4);
  });
});
