/**
 * The engine's only clock. Time is an integer count of virtual milliseconds and only moves when the
 * simulation advances it; timers are plain data in a binary heap ordered by (dueMs, seq) so equal
 * deadlines fire in the order they were set (xstate's SimulatedClock lacked that tie-break).
 */
export interface Timer {
  readonly dueMs: number;
  readonly seq: number;
  /** Which reconciler receives the key when the timer fires. */
  readonly target: string;
  readonly key: string;
}

/** Virtual time 0 is this wall-clock instant; timestamps shown to learners are derived from it. */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/** Marks a slot with no pending wake-up (due times are never negative: they are at least nowMs ≥ 0). */
const NOT_PENDING = -1;

/**
 * One per target+key while it has a pending wake-up or heap entries: heap entries point at it, so
 * telling a live entry from a stale one is a field read instead of a Map lookup by string.
 */
interface Slot {
  readonly target: string;
  readonly key: string;
  /** Earliest pending due time, or NOT_PENDING. A heap entry is live while its due time equals it. */
  dueMs: number;
  /** Heap entries pointing here; the slot leaves the index when none is left and nothing is pending. */
  refs: number;
}

export class VirtualClock {
  private nowMsValue = 0;
  private seq = 0;
  /** The heap as parallel arrays (no object per timer): entry i is (heapDue[i], heapSeq[i]) for heapSlot[i]. */
  private readonly heapDue: number[] = [];
  private readonly heapSeq: number[] = [];
  private readonly heapSlot: Slot[] = [];
  /** target → key → slot. Two string-keyed lookups instead of building `target + key` per call. */
  private readonly slots = new Map<string, Map<string, Slot>>();
  /**
   * Slots whose last reference went while nothing was pending, dropped from `slots` at the next peek
   * unless rescheduled by then: a fired key usually sets its next wake-up at once, and keeping its
   * slot saves a delete, an allocation and an insert.
   */
  private readonly idleSlots: Slot[] = [];
  private pendingTotal = 0;
  /** Timers fired so far (benchmarks compare the engine's cost per event with a bare heap loop). */
  firedCount = 0;

  nowMs(): number {
    return this.nowMsValue;
  }

  /** Moves time forward; going back is a bug, so it throws. */
  setNow(ms: number): void {
    if (ms < this.nowMsValue) throw new Error(`clock cannot go back from ${this.nowMsValue} to ${ms}`);
    this.nowMsValue = ms;
  }

  /** Schedules target/key at dueMs unless an earlier or equal wake-up for it is already pending. */
  schedule(target: string, key: string, dueMs: number): void {
    const due = Math.max(Math.ceil(dueMs), this.nowMsValue);
    let byKey = this.slots.get(target);
    if (byKey === undefined) this.slots.set(target, (byKey = new Map()));
    let slot = byKey.get(key);
    if (slot === undefined) {
      slot = { target, key, dueMs: NOT_PENDING, refs: 0 };
      byKey.set(key, slot);
    } else if (slot.dueMs !== NOT_PENDING && slot.dueMs <= due) return;
    if (slot.dueMs === NOT_PENDING) this.pendingTotal++;
    slot.dueMs = due;
    slot.refs++;
    this.push(due, this.seq++, slot);
  }

  /** Due time of the next live timer, or undefined when none. */
  peekDueMs(): number | undefined {
    this.dropStale();
    this.dropIdleSlots();
    return this.heapDue.length > 0 ? this.heapDue[0] : undefined;
  }

  /** Removes and returns every live timer due at exactly `dueMs`, in seq order. */
  popDueAt(dueMs: number): Timer[] {
    const fired: Timer[] = [];
    this.forEachDueAt(dueMs, (target, key, seq) => fired.push({ dueMs, seq, target, key }));
    return fired;
  }

  /** popDueAt without allocating: calls `fire` for every live timer due at exactly `dueMs`, in seq order. */
  forEachDueAt(dueMs: number, fire: (target: string, key: string, seq: number) => void): void {
    for (;;) {
      this.dropStale();
      if (this.heapDue.length === 0 || this.heapDue[0] !== dueMs) return;
      const slot = this.heapSlot[0];
      const seq = this.heapSeq[0];
      this.popTop();
      slot.dueMs = NOT_PENDING;
      this.pendingTotal--;
      this.release(slot);
      this.firedCount++;
      fire(slot.target, slot.key, seq);
    }
  }

  pendingCount(): number {
    return this.pendingTotal;
  }

  /** Live timers in firing order (for snapshots and invariants). */
  pendingTimers(): Timer[] {
    const out: Timer[] = [];
    for (let i = 0; i < this.heapDue.length; i++) {
      const slot = this.heapSlot[i];
      if (slot.dueMs === this.heapDue[i]) out.push({ dueMs: this.heapDue[i], seq: this.heapSeq[i], target: slot.target, key: slot.key });
    }
    return out.sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
  }

  /**
   * Stale entries (superseded by an earlier wake-up, or already fired) are skipped when they reach
   * the top. One whose key is rescheduled at exactly its due time becomes live again, as it always has.
   */
  private dropStale(): void {
    while (this.heapDue.length > 0 && this.heapSlot[0].dueMs !== this.heapDue[0]) {
      const slot = this.heapSlot[0];
      this.popTop();
      this.release(slot);
    }
  }

  private release(slot: Slot): void {
    if (--slot.refs === 0 && slot.dueMs === NOT_PENDING) this.idleSlots.push(slot);
  }

  private dropIdleSlots(): void {
    const idle = this.idleSlots;
    for (let i = 0; i < idle.length; i++) {
      const slot = idle[i];
      if (slot.refs !== 0 || slot.dueMs !== NOT_PENDING) continue;
      const byKey = this.slots.get(slot.target)!;
      // A slot released twice is listed twice; once dropped, its key may hold a new slot.
      if (byKey.get(slot.key) === slot) byKey.delete(slot.key);
    }
    idle.length = 0;
  }

  private push(due: number, seq: number, slot: Slot): void {
    const dues = this.heapDue, seqs = this.heapSeq, slots = this.heapSlot;
    // Sift up by moving parents down into the hole, then write the new entry once.
    let i = dues.length;
    dues.push(due);
    seqs.push(seq);
    slots.push(slot);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = dues[parent];
      if (pd < due || (pd === due && seqs[parent] < seq)) break;
      dues[i] = pd;
      seqs[i] = seqs[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    dues[i] = due;
    seqs[i] = seq;
    slots[i] = slot;
  }

  private popTop(): void {
    const dues = this.heapDue, seqs = this.heapSeq, slots = this.heapSlot;
    const n = dues.length - 1;
    const due = dues[n], seq = seqs[n], slot = slots[n];
    dues.pop();
    seqs.pop();
    slots.pop();
    if (n === 0) return;
    // Sift the former last entry down from the root.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n && (dues[r] < dues[l] || (dues[r] === dues[l] && seqs[r] < seqs[l]))) m = r;
      const md = dues[m];
      if (due < md || (due === md && seq < seqs[m])) break;
      dues[i] = md;
      seqs[i] = seqs[m];
      slots[i] = slots[m];
      i = m;
    }
    dues[i] = due;
    seqs[i] = seq;
    slots[i] = slot;
  }
}

/**
 * Recent timestamps by second, direct-mapped: statuses and events stamp the same few seconds over
 * and over, and one shared string per second saves formatting work and a string per object.
 */
const ISO_CACHE_SLOTS = 1024;
const isoCacheSeconds = new Float64Array(ISO_CACHE_SLOTS).fill(NaN);
const isoCacheStrings: string[] = new Array<string>(ISO_CACHE_SLOTS).fill('');

export function isoTime(virtualMs: number): string {
  const second = Math.floor(virtualMs / 1000);
  const slot = ((second % ISO_CACHE_SLOTS) + ISO_CACHE_SLOTS) % ISO_CACHE_SLOTS;
  if (isoCacheSeconds[slot] === second) return isoCacheStrings[slot];
  const text = new Date(EPOCH_MS + second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  isoCacheSeconds[slot] = second;
  isoCacheStrings[slot] = text;
  return text;
}

export function virtualMsFromIso(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const wall = Date.parse(iso);
  return Number.isNaN(wall) ? undefined : wall - EPOCH_MS;
}
