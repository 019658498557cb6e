import type { Pod, Typed } from '../api/types';
import { podPriority, type ClusterEvent } from './framework';

/** podMaxInUnschedulablePodsDuration: a pod nobody woke up is retried after this long anyway. */
export const POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60 * 1000;
/** flushUnschedulablePodsLeftover runs this often. */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30 * 1000;

interface ActiveEntry {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly priority: number;
  /** Arrival order, for FIFO among equal priorities. */
  readonly seq: number;
}

export interface UnschedulableEntry {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  /** When the failed attempt happened (QueuedPodInfo.Timestamp). */
  readonly timestampMs: number;
  /** Plugins that rejected the pod; their queueing hints decide which events wake it. Empty = any event. */
  readonly plugins: ReadonlySet<string>;
}

/**
 * The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go), reduced to what the
 * simulation can observe: an active queue popped by priority then arrival (PrioritySort), and
 * unschedulable pods parked until a cluster event some rejecting plugin cares about, or until the
 * 5-minute leftover flush. Backoff is not modelled: since SchedulerPopFromBackoffQ (1.33, on by
 * default) an idle scheduler pops backing-off pods at once, which is what a simulated cluster sees.
 */
export class SchedulingQueue {
  private readonly active = new Map<string, ActiveEntry>();
  private readonly unschedulable = new Map<string, UnschedulableEntry>();
  private readonly attempts = new Map<string, number>();
  private seq = 0;

  /** Adds (or refreshes) a pod in the active queue; it leaves the unschedulable set. */
  activate(pod: Typed<Pod>): void {
    const uid = pod.metadata.uid ?? '';
    this.unschedulable.delete(uid);
    const existing = this.active.get(uid);
    this.active.set(uid, {
      uid,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      priority: podPriority(pod),
      seq: existing?.seq ?? this.seq++,
    });
  }

  /** Removes a pod everywhere (deleted, bound, or no longer ours). */
  forget(uid: string): void {
    this.active.delete(uid);
    this.unschedulable.delete(uid);
    this.attempts.delete(uid);
  }

  hasActive(): boolean {
    return this.active.size > 0;
  }

  /** Pops every active pod, highest priority first, then oldest first. */
  popAll(): ActiveEntry[] {
    const out = [...this.active.values()].sort((a, b) => b.priority - a.priority || a.seq - b.seq);
    this.active.clear();
    return out;
  }

  /** Counts an attempt and returns its number (1 for the first). */
  countAttempt(uid: string): number {
    const n = (this.attempts.get(uid) ?? 0) + 1;
    this.attempts.set(uid, n);
    return n;
  }

  parkUnschedulable(entry: UnschedulableEntry): void {
    this.unschedulable.set(entry.uid, entry);
  }

  isUnschedulable(uid: string): boolean {
    return this.unschedulable.has(uid);
  }

  unschedulableEntries(): IterableIterator<UnschedulableEntry> {
    return this.unschedulable.values();
  }

  /**
   * MoveAllToActiveOrBackoffQueue with queueing hints: an unschedulable pod moves when one of the
   * plugins that rejected it says the event may help (or when nothing specific rejected it).
   * `resolve` turns an entry back into the current pod; `hint` asks a plugin.
   */
  moveOnEvent(event: ClusterEvent, resolve: (e: UnschedulableEntry) => Typed<Pod> | undefined, hint: (plugin: string, pod: Typed<Pod>, event: ClusterEvent) => boolean): number {
    let moved = 0;
    // Iterating the live map is safe: only the visited entry is ever removed, and nothing is added.
    for (const entry of this.unschedulable.values()) {
      const pod = resolve(entry);
      if (!pod) {
        this.unschedulable.delete(entry.uid);
        continue;
      }
      let worth = entry.plugins.size === 0;
      if (!worth) {
        for (const p of entry.plugins) {
          if (hint(p, pod, event)) {
            worth = true;
            break;
          }
        }
      }
      if (!worth) continue;
      this.activate(pod);
      moved++;
    }
    return moved;
  }

  /**
   * flushUnschedulablePodsLeftover: at each 30 s tick, pods unschedulable for more than 5 minutes
   * go back to the active queue. Returns the pods moved.
   */
  flushLeftovers(nowMs: number, resolve: (e: UnschedulableEntry) => Typed<Pod> | undefined): number {
    let moved = 0;
    for (const entry of [...this.unschedulable.values()]) {
      if (nowMs - entry.timestampMs <= POD_MAX_IN_UNSCHEDULABLE_PODS_MS) continue;
      const pod = resolve(entry);
      if (!pod) {
        this.unschedulable.delete(entry.uid);
        continue;
      }
      this.activate(pod);
      moved++;
    }
    return moved;
  }

  /** The next flush tick at which some parked pod will have waited long enough, if any. */
  nextFlushMs(): number | undefined {
    let earliest: number | undefined;
    for (const entry of this.unschedulable.values()) {
      const due = entry.timestampMs + POD_MAX_IN_UNSCHEDULABLE_PODS_MS;
      // First tick strictly after `due` (the check is "waited more than").
      const tick = (Math.floor(due / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1) * UNSCHEDULABLE_FLUSH_PERIOD_MS;
      if (earliest === undefined || tick < earliest) earliest = tick;
    }
    return earliest;
  }
}
