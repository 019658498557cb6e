import type { WallClock } from '../Pacer';

/** A hand-driven wall clock for Pacer/EngineHost tests. */
export class FakeWallClock implements WallClock {
  private t = 0;
  private nextId = 1;
  private timers: { at: number; id: number; callback: () => void }[] = [];

  now(): number {
    return this.t;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.t + Math.max(0, delayMs), id, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves wall time forward WITHOUT running timers (a late, throttled timer). */
  jump(ms: number): void {
    this.t += ms;
  }

  /** Moves wall time forward, running due timers in order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.t + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.t = Math.max(this.t, due.at);
      due.callback();
    }
    this.t = target;
  }
}
