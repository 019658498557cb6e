import { Cluster, type ClusterConfig, type LoggedCommand } from '../engine/index';
import { History } from './History';

/** Replay clusters kept besides the one on screen (each is a whole cluster: bounded). */
export const PARKED_MAX = 6;
/** …and the objects they may hold in total (a 2,000-pod cluster is parked at most a few times). */
export const PARKED_OBJECTS_MAX = 24_000;

/** A replay cluster, its history, and how far through the command log it is. */
export interface Replay {
  readonly cluster: Cluster;
  readonly history: History;
  /** Index of the next log entry to run (an advance entry stays current until run to its end). */
  next: number;
}

export interface ViewResult {
  readonly replay: Replay;
  /** Virtual time the replay started from (0 for a fresh cluster). */
  readonly fromMs: number;
}

function objectCount(cluster: Cluster): number {
  return cluster.sim.store.resourceVersion > 0 ? cluster.sim.store.all().length : 0;
}

/**
 * Time travel by determinism: seed + config + the live cluster's command log rebuild the cluster at
 * any earlier moment. To show time T, a separate cluster replays the log up to T; the live cluster is
 * never touched.
 *
 * The engine cannot copy a cluster, so a replay cluster can only move forward. The one on screen (the
 * cursor) moves forward when the learner scrubs forward; scrubbing back starts from the latest kept
 * cluster at or before T, or from a fresh cluster at 0. A cursor that is left behind is parked as a
 * checkpoint for later jumps. Memory stays bounded: at most PARKED_MAX parked clusters holding
 * PARKED_OBJECTS_MAX objects, evicted where they are densest so the survivors stay spread out.
 */
export class TimeMachine {
  private cursor: Replay | undefined;
  private parked: Replay[] = [];

  constructor(
    private readonly config: ClusterConfig,
    /** The live cluster's log (read each time: it grows, and its last advance entry grows). */
    private readonly log: () => readonly LoggedCommand[],
  ) {}

  /** Times of the parked checkpoints (tests, diagnostics). */
  checkpoints(): number[] {
    return this.parked.map((r) => r.cluster.now());
  }

  /** The cluster as it was at `atMs`. */
  viewAt(atMs: number): ViewResult {
    const target = Math.max(0, Math.round(atMs));
    let start: Replay | undefined;
    if (this.cursor && this.cursor.cluster.now() <= target) start = this.cursor;
    for (const r of this.parked) if (r.cluster.now() <= target && (!start || r.cluster.now() > start.cluster.now())) start = r;
    if (start && start !== this.cursor) this.parked = this.parked.filter((r) => r !== start);
    if (this.cursor && start !== this.cursor) this.park(this.cursor);
    const replay = start ?? this.fresh();
    const fromMs = replay.cluster.now();
    this.cursor = replay;
    this.runTo(replay, target);
    return { replay, fromMs };
  }

  /** Forgets every replay (the live cluster was rebuilt). */
  reset(): void {
    for (const r of [...this.parked, ...(this.cursor ? [this.cursor] : [])]) r.history.dispose();
    this.parked = [];
    this.cursor = undefined;
  }

  private fresh(): Replay {
    const cluster = new Cluster(this.config);
    return { cluster, history: new History(cluster), next: 0 };
  }

  /** Runs the log's entries due by `target`, stopping inside an advance if it ends later. */
  private runTo(replay: Replay, target: number): void {
    const log = this.log();
    const { cluster } = replay;
    while (replay.next < log.length) {
      const entry = log[replay.next];
      if (entry.atMs > target) break;
      if (entry.atMs > cluster.now()) cluster.advance(entry.atMs - cluster.now());
      const command = entry.command;
      if (command.type === 'advance') {
        const end = entry.atMs + command.ms;
        if (end > target) break;
        if (end > cluster.now()) cluster.advance(end - cluster.now());
        replay.next++;
      } else {
        cluster.replay(command);
        replay.next++;
      }
    }
    if (cluster.now() < target) cluster.advance(target - cluster.now());
  }

  private park(replay: Replay): void {
    this.parked.push(replay);
    this.parked.sort((a, b) => a.cluster.now() - b.cluster.now());
    let objects = this.parked.reduce((sum, r) => sum + objectCount(r.cluster), 0);
    while (this.parked.length > PARKED_MAX || (objects > PARKED_OBJECTS_MAX && this.parked.length > 0)) {
      const victim = this.densest();
      objects -= objectCount(this.parked[victim].cluster);
      this.parked[victim].history.dispose();
      this.parked.splice(victim, 1);
    }
  }

  /**
   * The parked checkpoint whose removal leaves the smallest gap between its neighbours; the oldest
   * and the newest are kept while there are middle ones to drop.
   */
  private densest(): number {
    const times = this.parked.map((r) => r.cluster.now());
    if (times.length <= 2) return 0;
    let best = 1;
    let bestGap = Infinity;
    for (let i = 1; i < times.length - 1; i++) {
      const gap = times[i + 1] - times[i - 1];
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    return best;
  }
}
