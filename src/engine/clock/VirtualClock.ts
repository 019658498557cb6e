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

export class VirtualClock {
  private nowMsValue = 0;
  private seq = 0;
  private readonly heap: Timer[] = [];
  /** Earliest pending due time per target+key: later duplicates are dropped, stale heap entries skipped. */
  private readonly pending = new Map<string, number>();
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
    const id = target + '\u0000' + key;
    const existing = this.pending.get(id);
    if (existing !== undefined && existing <= due) return;
    this.pending.set(id, due);
    this.push({ dueMs: due, seq: this.seq++, target, key });
  }

  /** Due time of the next live timer, or undefined when none. */
  peekDueMs(): number | undefined {
    this.dropStale();
    return this.heap.length > 0 ? this.heap[0].dueMs : undefined;
  }

  /** Removes and returns every live timer due at exactly `dueMs`, in seq order. */
  popDueAt(dueMs: number): Timer[] {
    const fired: Timer[] = [];
    for (;;) {
      this.dropStale();
      if (this.heap.length === 0 || this.heap[0].dueMs !== dueMs) break;
      const timer = this.pop();
      this.pending.delete(timer.target + '\u0000' + timer.key);
      this.firedCount++;
      fired.push(timer);
    }
    return fired;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  /** Live timers in firing order (for snapshots and invariants). */
  pendingTimers(): Timer[] {
    return this.heap
      .filter((t) => this.pending.get(t.target + '\u0000' + t.key) === t.dueMs)
      .sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
  }

  private dropStale(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0];
      if (this.pending.get(top.target + '\u0000' + top.key) === top.dueMs) return;
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Timer {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && this.less(heap[l], heap[m])) m = l;
        if (r < heap.length && this.less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}

export function isoTime(virtualMs: number): string {
  return new Date(EPOCH_MS + virtualMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function virtualMsFromIso(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const wall = Date.parse(iso);
  return Number.isNaN(wall) ? undefined : wall - EPOCH_MS;
}
