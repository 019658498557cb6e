import { describe, expect, it } from 'vitest';
import { BLOCK_SLOTS, assignSlots, capacityFor, gridOf, groupSize, groupsPerRow, orderGroups, slotCell } from './layout';

describe('slots', () => {
  it('fills 2×2 blocks that double right, then down (Morton order)', () => {
    expect([0, 1, 2, 3].map(slotCell)).toEqual([
      { column: 0, row: 0 },
      { column: 1, row: 0 },
      { column: 0, row: 1 },
      { column: 1, row: 1 },
    ]);
    // The second block sits to the right of the first, the third below the first.
    expect(slotCell(4)).toEqual({ column: 2, row: 0 });
    expect(slotCell(8)).toEqual({ column: 0, row: 2 });
    expect(slotCell(16)).toEqual({ column: 4, row: 0 });
  });

  it('gives every slot of a capacity a distinct cell inside its grid', () => {
    for (const capacity of [4, 8, 16, 32, 64, 128, 256]) {
      const { columns, rows } = gridOf(capacity);
      expect(columns * rows).toBe(capacity);
      const cells = new Set<string>();
      for (let i = 0; i < capacity; i++) {
        const { column, row } = slotCell(i);
        expect(column).toBeLessThan(columns);
        expect(row).toBeLessThan(rows);
        cells.add(`${column},${row}`);
      }
      expect(cells.size).toBe(capacity);
    }
  });

  it('rounds capacity up to a power of two, at least one block', () => {
    expect(capacityFor(0)).toBe(BLOCK_SLOTS);
    expect(capacityFor(4)).toBe(4);
    expect(capacityFor(5)).toBe(8);
    expect(capacityFor(100)).toBe(128);
  });

  it('keeps members in their slots and fills the lowest free ones', () => {
    const first = assignSlots(undefined, ['a', 'b', 'c']);
    expect([...first]).toEqual([['a', 0], ['b', 1], ['c', 2]]);
    // b leaves, d and e arrive: a and c stay, d takes b's slot, e the next one.
    const second = assignSlots(first, ['a', 'c', 'd', 'e']);
    expect(Object.fromEntries(second)).toEqual({ a: 0, c: 2, d: 1, e: 3 });
  });

  it('puts a new member at the free slot nearest to the one it prefers', () => {
    const slots = assignSlots(new Map([['x', 2]]), ['x', 'a', 'b', 'c'], (uid) => ({ a: 2, b: 5 } as Record<string, number>)[uid]);
    expect(Object.fromEntries(slots)).toEqual({ x: 2, a: 3, b: 5, c: 0 });
  });

  it('keeps group order and appends new groups', () => {
    expect(orderGroups(['node-b', 'node-a'], ['node-a', 'node-b', 'node-c'])).toEqual(['node-b', 'node-a', 'node-c']);
    expect(orderGroups(['node-b', 'node-a'], ['node-a'])).toEqual(['node-a']);
  });

  it('picks groups per row to make the fitted drawing largest', () => {
    const cell = groupSize(4);
    expect(groupsPerRow(4, cell, 20)).toBe(4);
    expect(groupsPerRow(4, cell, 1.6)).toBe(2);
    expect(groupsPerRow(1, cell, 1)).toBe(1);
  });
});
