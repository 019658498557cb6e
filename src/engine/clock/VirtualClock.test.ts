import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EPOCH_MS, VirtualClock, isoTime, virtualMsFromIso } from './VirtualClock';

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

/** The clock before it became a struct-of-arrays heap: string ids, one object per timer, sort on every pop. */
class ReferenceClock {
  nowMs = 0;
  private seq = 0;
  private timers: { dueMs: number; seq: number; target: string; key: string }[] = [];
  private readonly pending = new Map<string, number>();
  schedule(target: string, key: string, dueMs: number): void {
    const due = Math.max(Math.ceil(dueMs), this.nowMs);
    const id = target + '\u0000' + key;
    const existing = this.pending.get(id);
    if (existing !== undefined && existing <= due) return;
    this.pending.set(id, due);
    this.timers.push({ dueMs: due, seq: this.seq++, target, key });
  }
  private isLive(t: { dueMs: number; target: string; key: string }): boolean {
    return this.pending.get(t.target + '\u0000' + t.key) === t.dueMs;
  }
  /** Like a heap, stale entries are only discarded when they reach the front (a stale one can come back to life). */
  private top() {
    this.timers.sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
    while (this.timers.length > 0 && !this.isLive(this.timers[0])) this.timers.shift();
    return this.timers[0];
  }
  peekDueMs(): number | undefined {
    return this.top()?.dueMs;
  }
  popDueAt(dueMs: number) {
    const fired = [];
    for (;;) {
      const top = this.top();
      if (!top || top.dueMs !== dueMs) break;
      this.timers.shift();
      this.pending.delete(top.target + '\u0000' + top.key);
      fired.push(top);
    }
    return fired;
  }
  pendingTimers() {
    return this.timers.filter((t) => this.isLive(t)).sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
  }
  pendingCount(): number {
    return this.pending.size;
  }
}

describe('VirtualClock against a naive reference model', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('schedule' as const), target: fc.constantFrom('a', 'b', 'c'), key: fc.constantFrom('k1', 'k2'), delayMs: fc.integer({ min: -5, max: 12 }) }),
    fc.record({ kind: fc.constant('step' as const) }),
    fc.record({ kind: fc.constant('advance' as const), byMs: fc.integer({ min: 0, max: 15 }) }),
  );

  it('fires the same timers in the same order and reports the same pending set', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const clock = new VirtualClock();
        const ref = new ReferenceClock();
        for (const o of ops) {
          if (o.kind === 'schedule') {
            clock.schedule(o.target, o.key, clock.nowMs() + o.delayMs);
            ref.schedule(o.target, o.key, ref.nowMs + o.delayMs);
          } else if (o.kind === 'advance') {
            clock.setNow(clock.nowMs() + o.byMs);
            ref.nowMs += o.byMs;
          } else {
            const due = clock.peekDueMs();
            expect(due).toBe(ref.peekDueMs());
            if (due === undefined) continue;
            if (due > clock.nowMs()) {
              clock.setNow(due);
              ref.nowMs = due;
            }
            expect(clock.popDueAt(due)).toEqual(ref.popDueAt(due));
          }
          expect(clock.pendingCount()).toBe(ref.pendingCount());
          expect(clock.pendingTimers()).toEqual(ref.pendingTimers());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('forEachDueAt fires like popDueAt and counts every fired timer', () => {
    const clock = new VirtualClock();
    clock.schedule('a', 'k1', 10);
    clock.schedule('b', 'k2', 10);
    clock.schedule('a', 'k3', 20);
    const seen: string[] = [];
    clock.forEachDueAt(10, (target, key) => seen.push(`${target}/${key}`));
    expect(seen).toEqual(['a/k1', 'b/k2']);
    clock.forEachDueAt(15, () => seen.push('none'));
    expect(seen).toHaveLength(2);
    expect(clock.firedCount).toBe(2);
    expect(clock.pendingTimers().map((t) => t.key)).toEqual(['k3']);
  });
});

describe('VirtualClock bookkeeping', () => {
  const slotCount = (clock: VirtualClock) => [...(clock as unknown as { slots: Map<string, Map<string, unknown>> }).slots.values()].reduce((n, m) => n + m.size, 0);

  it('a superseded entry comes back to life when its key is rescheduled at exactly its due time', () => {
    const clock = new VirtualClock();
    clock.schedule('a', 'k', 50); // seq 0
    clock.schedule('a', 'k', 30); // seq 1 supersedes it
    clock.schedule('b', 'j', 50); // seq 2
    clock.schedule('c', 'm', 40); // seq 3 keeps the stale seq 0 entry off the top
    clock.setNow(30);
    expect(clock.popDueAt(30).map((t) => t.seq)).toEqual([1]);
    clock.schedule('a', 'k', 50); // seq 4: the seq 0 entry is live again and fires first
    clock.setNow(40);
    expect(clock.popDueAt(40).map((t) => t.seq)).toEqual([3]);
    clock.setNow(50);
    expect(clock.popDueAt(50).map((t) => `${t.key}@${t.seq}`)).toEqual(['k@0', 'j@2']);
    expect(clock.pendingCount()).toBe(0);
  });

  it('forgets a key once nothing is pending for it and no heap entry points at it', () => {
    const clock = new VirtualClock();
    for (let i = 0; i < 100; i++) {
      clock.schedule('a', `k${i}`, 10 + i);
      clock.schedule('a', `k${i}`, 5);
    }
    expect(slotCount(clock)).toBe(100);
    clock.setNow(5);
    expect(clock.popDueAt(5)).toHaveLength(100);
    // The superseded entries still point at their slots until they surface.
    expect(clock.peekDueMs()).toBeUndefined();
    expect(slotCount(clock)).toBe(0);
  });

  it('keeps the slot of a key rescheduled before the next peek, and drops it at the first peek after its last wake-up', () => {
    const clock = new VirtualClock();
    clock.schedule('a', 'k', 10);
    clock.setNow(10);
    // Fired, rescheduled for the same instant and fired again: released twice before a peek.
    let fires = 0;
    clock.forEachDueAt(10, () => {
      if (++fires === 1) clock.schedule('a', 'k', 10);
    });
    expect(fires).toBe(2);
    expect(slotCount(clock)).toBe(1);
    expect(clock.peekDueMs()).toBeUndefined();
    expect(slotCount(clock)).toBe(0);
    // A new slot for the key is not dropped by the stale listings of the old one.
    clock.schedule('a', 'k', 20);
    clock.setNow(20);
    clock.forEachDueAt(20, () => clock.schedule('a', 'k', 30));
    expect(clock.peekDueMs()).toBe(30);
    expect(slotCount(clock)).toBe(1);
    clock.setNow(30);
    expect(clock.popDueAt(30).map((t) => t.key)).toEqual(['k']);
    expect(clock.peekDueMs()).toBeUndefined();
    expect(slotCount(clock)).toBe(0);
  });
});

describe('isoTime', () => {
  it('matches a fresh formatting for any order of instants (the per-second cache never answers stale)', () => {
    const reference = (ms: number) => new Date(EPOCH_MS + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    fc.assert(fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000_000 }), { maxLength: 200 }), (instants) => {
      for (const ms of instants) expect(isoTime(ms)).toBe(reference(ms));
    }), { numRuns: 200 });
  });
});
