import { describe, expect, it } from 'vitest';
import { VirtualClock, isoTime, virtualMsFromIso } from './VirtualClock';

describe('VirtualClock', () => {
  it('fires timers in (dueMs, seq) order, equal deadlines first-in first-out', () => {
    const clock = new VirtualClock();
    clock.schedule('a', 'k2', 20);
    clock.schedule('a', 'k1', 10);
    clock.schedule('b', 'k3', 10);
    expect(clock.peekDueMs()).toBe(10);
    expect(clock.popDueAt(10).map((t) => t.key)).toEqual(['k1', 'k3']);
    expect(clock.peekDueMs()).toBe(20);
  });

  it('keeps only the earliest pending wake-up per target and key', () => {
    const clock = new VirtualClock();
    clock.schedule('a', 'k', 50);
    clock.schedule('a', 'k', 80); // later: dropped
    clock.schedule('a', 'k', 30); // earlier: replaces
    expect(clock.pendingCount()).toBe(1);
    expect(clock.peekDueMs()).toBe(30);
    expect(clock.popDueAt(30)).toHaveLength(1);
    expect(clock.peekDueMs()).toBeUndefined();
  });

  it('never schedules in the past and never goes back', () => {
    const clock = new VirtualClock();
    clock.setNow(100);
    clock.schedule('a', 'k', 5);
    expect(clock.peekDueMs()).toBe(100);
    expect(() => clock.setNow(99)).toThrow(/cannot go back/);
  });

  it('maps virtual ms to RFC 3339 timestamps and back', () => {
    expect(isoTime(0)).toBe('2026-01-01T00:00:00Z');
    expect(isoTime(90_500)).toBe('2026-01-01T00:01:30Z');
    expect(virtualMsFromIso('2026-01-01T00:01:30Z')).toBe(90_000);
  });
});
