import { isoTime } from '../clock/VirtualClock';
import type { KubeObject } from '../api/types';

/** What a component says happened to an object: a Kubernetes core/v1 Event before aggregation. */
export interface EventInput {
  readonly involvedObject: { kind: string; namespace?: string; name: string; uid?: string; apiVersion?: string; fieldPath?: string };
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly source: { component: string; host?: string };
}

/** An aggregated Event as `kubectl get events` / `describe` show it. Times are virtual ms. */
export interface EventRecord extends Omit<EventInput, 'message'> {
  /** Mutable: a combined-similar aggregate shows the newest message. */
  message: string;
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  count: number;
  readonly firstTimestampMs: number;
  lastTimestampMs: number;
  /** Order of last update; ties in time are broken by it. */
  seq: number;
}

/** Events expire like the apiserver's --event-ttl (1 h), which also bounds memory. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/** Similar events (same but for the message) are folded once this many arrive within the window. */
const SIMILAR_EVENT_LIMIT = 10;
const SIMILAR_EVENT_WINDOW_MS = 600_000;
/** Spam filter token bucket per source+object+type+reason (client-go events_cache.go defaults). */
const SPAM_BURST = 25;
const SPAM_REFILL_INTERVAL_MS = 300_000;
/** Hard cap on stored events so a runaway loop cannot exhaust memory. */
export const MAX_STORED_EVENTS = 50_000;

interface SpamBucket { tokens: number; lastRefillMs: number }
interface SimilarEntry { count: number; windowStartMs: number }

/**
 * Models client-go tools/record/events_cache.go: identical events are folded into one Event with a
 * count, floods of similar ones get "(combined from similar events): …", and a token bucket per
 * source+object+type+reason drops the rest. Deterministic: names and uids come from a counter.
 */
export class EventRecorder {
  private readonly byAggregateKey = new Map<string, EventRecord>();
  private readonly similar = new Map<string, SimilarEntry>();
  private readonly spam = new Map<string, SpamBucket>();
  private readonly ordered: EventRecord[] = [];
  private seq = 0;
  private nameCounter = 0;
  /** Emissions accepted since the last drain; the simulation forwards these as the event stream. */
  private fresh: EventRecord[] = [];

  record(input: EventInput, nowMs: number): EventRecord | undefined {
    if (!this.allow(input, nowMs)) return undefined;
    const input2 = this.combineSimilar(input, nowMs);
    const key = aggregateKey(input2);
    const existing = this.byAggregateKey.get(key);
    if (existing && nowMs - existing.lastTimestampMs < EVENT_TTL_MS) {
      existing.count++;
      existing.lastTimestampMs = nowMs;
      existing.message = input2.message;
      existing.seq = this.seq++;
      this.fresh.push(existing);
      return existing;
    }
    const counter = (this.nameCounter++).toString(16).padStart(16, '0');
    const record: EventRecord = {
      ...input2,
      name: `${input2.involvedObject.name}.${counter}`,
      namespace: input2.involvedObject.namespace ?? 'default',
      uid: `event-${counter}`,
      count: 1,
      firstTimestampMs: nowMs,
      lastTimestampMs: nowMs,
      seq: this.seq++,
    };
    this.byAggregateKey.set(key, record);
    this.ordered.push(record);
    this.fresh.push(record);
    if (this.ordered.length > MAX_STORED_EVENTS) this.expire(nowMs, true);
    return record;
  }

  /** Drops events whose last occurrence is older than the TTL (and the oldest ones beyond the cap). */
  expire(nowMs: number, overCap = false): void {
    let keep = this.ordered.filter((e) => nowMs - e.lastTimestampMs < EVENT_TTL_MS);
    if (overCap && keep.length > MAX_STORED_EVENTS) {
      keep = keep.sort((a, b) => a.seq - b.seq).slice(keep.length - Math.floor(MAX_STORED_EVENTS * 0.9));
    }
    if (keep.length === this.ordered.length) return;
    const kept = new Set(keep);
    this.ordered.length = 0;
    this.ordered.push(...keep);
    for (const [key, rec] of this.byAggregateKey) if (!kept.has(rec)) this.byAggregateKey.delete(key);
  }

  /** Events, oldest last-seen first, as kubectl sorts them for describe. */
  list(filter?: (e: EventRecord) => boolean): EventRecord[] {
    const out = filter ? this.ordered.filter(filter) : [...this.ordered];
    return out.sort((a, b) => a.lastTimestampMs - b.lastTimestampMs || a.seq - b.seq);
  }

  forObject(obj: KubeObject): EventRecord[] {
    const uid = obj.metadata.uid;
    return this.list((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (e.involvedObject.namespace ?? '') === (obj.metadata.namespace ?? '') && (!uid || !e.involvedObject.uid || e.involvedObject.uid === uid));
  }

  takeFresh(): EventRecord[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  size(): number {
    return this.ordered.length;
  }

  private allow(input: EventInput, nowMs: number): boolean {
    const key = [input.source.component, input.source.host ?? '', input.involvedObject.kind, input.involvedObject.namespace ?? '', input.involvedObject.name, input.involvedObject.uid ?? '', input.involvedObject.apiVersion ?? '', input.type, input.reason].join('\u0000');
    let bucket = this.spam.get(key);
    if (!bucket) this.spam.set(key, (bucket = { tokens: SPAM_BURST, lastRefillMs: nowMs }));
    const refills = Math.floor((nowMs - bucket.lastRefillMs) / SPAM_REFILL_INTERVAL_MS);
    if (refills > 0) {
      bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + refills);
      bucket.lastRefillMs += refills * SPAM_REFILL_INTERVAL_MS;
    }
    if (bucket.tokens <= 0) return false;
    bucket.tokens--;
    return true;
  }

  private combineSimilar(input: EventInput, nowMs: number): EventInput {
    const key = [input.source.component, input.source.host ?? '', input.involvedObject.kind, input.involvedObject.namespace ?? '', input.involvedObject.name, input.involvedObject.uid ?? '', input.involvedObject.fieldPath ?? '', input.type, input.reason].join('\u0000');
    let entry = this.similar.get(key);
    if (!entry || nowMs - entry.windowStartMs > SIMILAR_EVENT_WINDOW_MS) this.similar.set(key, (entry = { count: 0, windowStartMs: nowMs }));
    entry.count++;
    if (entry.count < SIMILAR_EVENT_LIMIT) return input;
    // Past the limit every message in the group collapses onto one aggregate event.
    return { ...input, message: '(combined from similar events): ' + input.message };
  }
}

function aggregateKey(e: EventInput): string {
  const o = e.involvedObject;
  const message = e.message.startsWith('(combined from similar events): ') ? '(combined)' : e.message;
  return [e.source.component, e.source.host ?? '', o.kind, o.namespace ?? '', o.name, o.uid ?? '', o.fieldPath ?? '', e.type, e.reason, message].join('\u0000');
}

export function eventTimestamp(ms: number): string {
  return isoTime(ms);
}
