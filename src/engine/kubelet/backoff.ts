/**
 * Models client-go util/flowcontrol/backoff.go as the kubelet configures it (pkg/kubelet/kubelet.go):
 * no jitter, 10 s initial delay doubling to a 300 s cap, and an entry that counts as expired (a
 * fresh start) once the event it is asked about comes more than 600 s after its last update.
 */
export const CONTAINER_BACKOFF_INITIAL_MS = 10_000;
export const CONTAINER_BACKOFF_MAX_MS = 300_000;
/** kubelet.go: klet.backOff.HasExpiredFunc = eventTime.Sub(lastUpdate) > 600s. */
export const CONTAINER_BACKOFF_RESET_MS = 600_000;

interface Entry { backoffMs: number; lastUpdateMs: number }

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly initialMs = CONTAINER_BACKOFF_INITIAL_MS,
    readonly maxMs = CONTAINER_BACKOFF_MAX_MS,
    /** How long after the last update an event may come before the entry is stale. */
    private readonly expireAfterMs = CONTAINER_BACKOFF_RESET_MS,
  ) {}

  private expired(eventMs: number, e: Entry): boolean {
    return eventMs - e.lastUpdateMs > this.expireAfterMs;
  }

  /** Current delay for the key (0 when there is none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** IsInBackOffSince: still inside the delay that started at `eventMs` (a container's finishedAt). */
  isInBackOffSince(key: string, eventMs: number, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(eventMs, e)) return false;
    return nowMs - eventMs < e.backoffMs;
  }

  /** IsInBackOffSinceUpdate: still inside the delay that started at the last Next (image pulls). */
  isInBackOffSinceUpdate(key: string, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(nowMs, e)) return false;
    return nowMs - e.lastUpdateMs < e.backoffMs;
  }

  /** Next: start at the initial delay (new or expired entry) or double up to the cap. */
  next(key: string, eventMs: number, nowMs: number): number {
    const e = this.entries.get(key);
    const backoffMs = !e || this.expired(eventMs, e) ? this.initialMs : Math.min(e.backoffMs * 2, this.maxMs);
    this.entries.set(key, { backoffMs, lastUpdateMs: nowMs });
    return backoffMs;
  }

  lastUpdate(key: string): number | undefined {
    return this.entries.get(key)?.lastUpdateMs;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every key with this prefix (a pod's containers when it goes away). */
  deletePrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
