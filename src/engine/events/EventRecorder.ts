import { EPOCH_MS, isoTime } from '../clock/VirtualClock';
import type { KubeObject } from '../api/types';
import { internAs } from '../util/intern';

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
/** client-go events_cache.go: this many distinct messages for one source+object+type+reason within the interval get combined. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
/** Spam filter token bucket per source+object (client-go defaultSpamBurst / defaultSpamQPS = 1/300). */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const SPAM_FULL_TOKEN_MS = SPAM_BURST * SPAM_REFILL_MS;
/**
 * client-go maxLruCacheEntries: each component process (every kubelet, the scheduler, each
 * controller) has its own correlator with LRUs of this size, so one busy node cannot evict
 * another's entries.
 */
const MAX_CACHE_ENTRIES = 4096;
const MAX_SHARED_KEY_RESTS = 16_384;
/** Hard cap on stored events so a runaway loop cannot exhaust memory. */
export const MAX_STORED_EVENTS = 50_000;

const COMBINED_PREFIX = '(combined from similar events): ';

/**
 * localKeys: the distinct messages seen, oldest first: at most 10 and almost always 1, kept as the
 * bare string until a second one comes (a correlator entry per event kind of every pod adds up).
 */
interface AggregateRecord { localKeys: string | string[]; lastTimestampMs: number; touched: number }
/** The event's name is built when it is stored (eventName of firstTimestampMs and nameCounter), not kept per entry. */
interface ObservedEvent { count: number; firstTimestampMs: number; nameCounter: number; touched: number }
/** Tokens are kept in "token-ms" (1 token = SPAM_REFILL_MS) so refill is exact integer arithmetic. */
export interface SpamBucket { tokenMs: number; lastMs: number }

/** One event through the bucket at `atMs`: refill since the last one, then take a token if there is one. */
export function spamAccepts(bucket: SpamBucket, atMs: number): boolean {
  bucket.tokenMs = Math.min(SPAM_FULL_TOKEN_MS, bucket.tokenMs + Math.max(0, atMs - bucket.lastMs));
  bucket.lastMs = atMs;
  if (bucket.tokenMs < SPAM_REFILL_MS) return false;
  bucket.tokenMs -= SPAM_REFILL_MS;
  return true;
}

/** A bucket as the first event for its key finds it. */
export function fullSpamBucket(atMs: number): SpamBucket {
  return { tokenMs: SPAM_FULL_TOKEN_MS, lastMs: atMs };
}

/**
 * An exact LRU of `cap` entries keyed by (object, rest of the key), compact while under its cap:
 * entries live in a small map per object, so no entry carries a string with the object's uid in it
 * (the uid is the object's own string, and the rest is interned), and each entry stamps when it was
 * last touched. The first insert past the cap rebuilds it as a flat linked LRU in stamp order,
 * which evicts exactly the entry a flat LRU would have. A kubelet's correlator holds one entry per
 * event kind of each of its pods, and one never fills its 4096 entries without heavy pod churn.
 */
export class ObjectLru<V extends { touched: number }> {
  private byObject: Map<string, Map<string, V>> | undefined = new Map();
  private count = 0;
  private clock = 0;
  private flat: Lru<V> | undefined;
  constructor(private readonly cap: number) {}
  get(objectKey: string, subKey: string): V | undefined {
    if (this.flat !== undefined) return this.flat.get(objectKey + '\u0000' + subKey);
    const value = this.byObject!.get(objectKey)?.get(subKey);
    if (value !== undefined) value.touched = ++this.clock;
    return value;
  }
  /** Stores a value; the key becomes the newest. */
  set(objectKey: string, subKey: string, value: V): void {
    if (this.flat !== undefined) {
      this.flat.set(objectKey + '\u0000' + subKey, value);
      return;
    }
    let inner = this.byObject!.get(objectKey);
    if (inner === undefined) this.byObject!.set(objectKey, (inner = new Map()));
    if (!inner.has(subKey)) this.count++;
    value.touched = ++this.clock;
    inner.set(subKey, value);
    if (this.count > this.cap) this.flatten();
  }
  get size(): number {
    return this.flat !== undefined ? this.flat.size : this.count;
  }
  private flatten(): void {
    const all: [string, V][] = [];
    for (const [objectKey, inner] of this.byObject!) for (const [subKey, value] of inner) all.push([objectKey + '\u0000' + subKey, value]);
    all.sort((a, b) => a[1].touched - b[1].touched);
    const flat = new Lru<V>(this.cap);
    // One more than the cap: the last insert evicts the least recently touched, as a flat LRU would have.
    for (const [key, value] of all) flat.set(key, value);
    this.flat = flat;
    this.byObject = undefined;
  }
}

interface LruEntry<V> {
  readonly key: string;
  value: V;
  older: LruEntry<V> | undefined;
  newer: LruEntry<V> | undefined;
}

/**
 * An exact LRU: a Map of entries threaded on a doubly linked list, oldest first. A hit relinks two
 * pointers. Using the Map's own order instead (delete and re-insert on a hit, evict the first key)
 * is slower: deleted slots pile up at the front until a rehash, so finding the oldest key scans them
 * (a full 4096-entry correlator cost ~8 % of all engine time that way).
 */
export class Lru<V> {
  private readonly map = new Map<string, LruEntry<V>>();
  private oldest: LruEntry<V> | undefined;
  private newest: LruEntry<V> | undefined;
  constructor(private readonly cap: number) {}
  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    this.touch(entry);
    return entry.value;
  }
  /** Stores a value; the key becomes the newest. */
  set(key: string, value: V): void {
    const entry = this.map.get(key);
    if (entry !== undefined) {
      entry.value = value;
      this.touch(entry);
      return;
    }
    const added: LruEntry<V> = { key, value, older: this.newest, newer: undefined };
    if (this.newest) this.newest.newer = added;
    else this.oldest = added;
    this.newest = added;
    this.map.set(key, added);
    if (this.map.size > this.cap) this.evictOldest();
  }
  get size(): number {
    return this.map.size;
  }
  /** Reads without making the key the newest. */
  peek(key: string): V | undefined {
    return this.map.get(key)?.value;
  }
  delete(key: string): void {
    const entry = this.map.get(key);
    if (entry === undefined) return;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    this.map.delete(key);
  }
  /** The oldest entry's key and value, or undefined when empty. */
  oldestEntry(): { readonly key: string; readonly value: V } | undefined {
    return this.oldest;
  }
  /** Values, least recently used first. */
  *values(): IterableIterator<V> {
    for (let e = this.oldest; e !== undefined; e = e.newer) yield e.value;
  }
  private touch(entry: LruEntry<V>): void {
    if (entry === this.newest) return;
    // Unlink (entry is not the newest, so it has a newer neighbour).
    entry.newer!.older = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    entry.older = this.newest;
    entry.newer = undefined;
    this.newest!.newer = entry;
    this.newest = entry;
  }
  private evictOldest(): void {
    const victim = this.oldest;
    if (!victim) return;
    this.oldest = victim.newer;
    if (this.oldest) this.oldest.older = undefined;
    else this.newest = undefined;
    this.map.delete(victim.key);
  }
}

/**
 * Models client-go tools/record/events_cache.go EventCorrelator: the aggregator folds a flood of
 * similar events (same source, object, type and reason, 10 distinct messages within 10 minutes of
 * each other) into one "(combined from similar events)" event; the logger counts repeats of the
 * same event (count, firstTimestamp); the spam filter lets each source+object burst 25 events and
 * then one per 5 minutes. A filtered occurrence is still counted, so the next accepted write shows
 * the full count (`x26 over 9m41s`). Deterministic: names and uids come from the clock and a counter.
 */
export class EventRecorder {
  /** One correlator per event source (component + host), as each process has its own. */
  private readonly correlators = new Map<string, Correlator>();
  /** The rests of cache keys, shared: they recur across objects (every pod's "Container started"). */
  private readonly keyRests = new Map<string, string>();
  /**
   * Stored events by cache key, in order of last update: an update moves the event to the back, so
   * the front holds the oldest (lastTimestampMs, seq) and expiry costs O(expired). Times passed to
   * record() never go back (they come from the virtual clock).
   */
  private readonly stored = new Lru<EventRecord>(Infinity);
  private seq = 0;
  private nameCounter = 0;
  /** Emissions accepted since the last drain; the simulation forwards these as the event stream. */
  private fresh: EventRecord[] = [];

  /** Records one occurrence; returns the stored event, or undefined when the spam filter dropped it. */
  record(input: EventInput, nowMs: number): EventRecord | undefined {
    return this.recordKeyed(this.correlatorOf(input.source), input, objectKey(input.involvedObject), this.shareKeyRest(aggregateSubKey(input)), undefined, nowMs);
  }

  /**
   * The same event recorded once at each of `timesMs` (ascending, none in the future): a component
   * handing over repeats it skipped ahead of time. Exactly `record` per time, with the keys built once.
   */
  recordRepeats(input: EventInput, timesMs: readonly number[]): EventRecord | undefined {
    const correlator = this.correlatorOf(input.source);
    const object = objectKey(input.involvedObject);
    const aggregateKey = this.shareKeyRest(aggregateSubKey(input));
    const plainKey = this.shareKeyRest(eventSubKey(input));
    let last: EventRecord | undefined;
    for (const atMs of timesMs) last = this.recordKeyed(correlator, input, object, aggregateKey, plainKey, atMs) ?? last;
    return last;
  }

  /** record() with the keys built: the object's, and the rest of the aggregate and (if known) event keys, interned. */
  private recordKeyed(correlator: Correlator, input: EventInput, object: string, aggregateKey: string, plainKey: string | undefined, nowMs: number): EventRecord | undefined {
    const { event, cacheKey } = this.aggregate(correlator, input, object, aggregateKey, plainKey, nowMs);
    const observation = this.observe(correlator, object, cacheKey, nowMs);
    if (this.filtered(correlator, object, nowMs)) return undefined;
    // Correlator keys leave the source out; stored events of different sources must not meet.
    const storedKey = correlator.prefix + object + '\u0000' + cacheKey;
    const existing = this.stored.peek(storedKey);
    if (existing && nowMs - existing.lastTimestampMs < EVENT_TTL_MS) {
      existing.count = observation.count;
      existing.lastTimestampMs = nowMs;
      existing.message = event.message;
      existing.seq = this.seq++;
      this.stored.set(storedKey, existing);
      this.fresh.push(existing);
      return existing;
    }
    if (existing) this.stored.delete(storedKey);
    // An explicit literal, not a spread: spread-built records each got a hidden class of their own.
    const record: EventRecord = {
      involvedObject: event.involvedObject,
      type: event.type,
      reason: event.reason,
      message: event.message,
      source: event.source,
      name: eventName(event.involvedObject.name, observation.firstTimestampMs, observation.nameCounter),
      namespace: event.involvedObject.namespace ?? 'default',
      uid: `event-${(this.nameCounter++).toString(16).padStart(12, '0')}`,
      count: observation.count,
      firstTimestampMs: observation.firstTimestampMs,
      lastTimestampMs: nowMs,
      seq: this.seq++,
    };
    this.stored.set(storedKey, record);
    this.fresh.push(record);
    if (this.stored.size > MAX_STORED_EVENTS) this.expire(nowMs, true);
    return record;
  }

  /** Drops events whose last occurrence is older than the TTL (and, over the cap, the least recently updated down to 90 %). */
  expire(nowMs: number, overCap = false): void {
    for (let oldest = this.stored.oldestEntry(); oldest && nowMs - oldest.value.lastTimestampMs >= EVENT_TTL_MS; oldest = this.stored.oldestEntry()) {
      this.stored.delete(oldest.key);
    }
    if (!overCap || this.stored.size <= MAX_STORED_EVENTS) return;
    const keep = Math.floor(MAX_STORED_EVENTS * 0.9);
    for (let oldest = this.stored.oldestEntry(); oldest && this.stored.size > keep; oldest = this.stored.oldestEntry()) {
      this.stored.delete(oldest.key);
    }
  }

  /** Events, oldest last-seen first, as kubectl sorts them for describe. */
  list(filter?: (e: EventRecord) => boolean): EventRecord[] {
    const out: EventRecord[] = [];
    for (const e of this.stored.values()) if (!filter || filter(e)) out.push(e);
    // Already in this order while time only moves forward; the sort keeps the contract regardless (cheap on sorted input).
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
    return this.stored.size;
  }

  /**
   * A copy of the spam filter's bucket for this source+object (undefined: none yet, a full one
   * starts with the next event). Read-only (no LRU touch): with spamAccepts a component can tell
   * ahead of time which of its repeats will be filtered.
   */
  spamBucket(source: EventInput['source'], involvedObject: EventInput['involvedObject']): SpamBucket | undefined {
    const bucket = this.correlators.get(sourceKey(source))?.spam.peek(objectKey(involvedObject));
    return bucket && { tokenMs: bucket.tokenMs, lastMs: bucket.lastMs };
  }

  private shareKeyRest(text: string): string {
    return internAs(this.keyRests, text, text, MAX_SHARED_KEY_RESTS);
  }

  private correlatorOf(source: EventInput['source']): Correlator {
    const key = sourceKey(source);
    let correlator = this.correlators.get(key);
    if (!correlator) {
      correlator = { prefix: `${this.correlators.size}\u0000`, aggregates: new ObjectLru(MAX_CACHE_ENTRIES), observed: new ObjectLru(MAX_CACHE_ENTRIES), spam: new Lru(MAX_CACHE_ENTRIES) };
      this.correlators.set(key, correlator);
    }
    return correlator;
  }

  /** EventAggregator.EventAggregate: the similar-event group is keyed without the message; the interval restarts on every occurrence. */
  private aggregate(correlator: Correlator, input: EventInput, object: string, aggregateKey: string, plainKey: string | undefined, nowMs: number): { event: EventInput; cacheKey: string } {
    const aggregates = correlator.aggregates;
    let record = aggregates.get(object, aggregateKey);
    if (record && nowMs - record.lastTimestampMs <= AGGREGATE_INTERVAL_MS) {
      // get() made it the newest already.
      const keys = record.localKeys;
      if (typeof keys === 'string') {
        if (keys !== input.message) record.localKeys = [keys, input.message];
      } else if (!keys.includes(input.message)) keys.push(input.message);
    } else {
      record = { localKeys: input.message, lastTimestampMs: nowMs, touched: 0 };
      aggregates.set(object, aggregateKey, record);
    }
    record.lastTimestampMs = nowMs;
    if (typeof record.localKeys === 'string' || record.localKeys.length < AGGREGATE_MAX_EVENTS) return { event: input, cacheKey: plainKey ?? this.shareKeyRest(eventSubKey(input)) };
    // Go pops an arbitrary key to keep the set at the limit; the oldest is the deterministic choice.
    (record.localKeys as string[]).shift();
    // A leading NUL keeps it apart from every event key (those start with a fieldPath).
    return { event: { ...input, message: COMBINED_PREFIX + input.message }, cacheKey: '\u0000combined\u0000' + aggregateKey };
  }

  /** eventLogger.eventObserve: counts every occurrence, accepted or not. */
  private observe(correlator: Correlator, object: string, cacheKey: string, nowMs: number): ObservedEvent {
    const last = correlator.observed.get(object, cacheKey);
    if (last) {
      // Updated in place: callers copy the fields out before the next record().
      last.count++;
      return last;
    }
    const next: ObservedEvent = { count: 1, firstTimestampMs: nowMs, nameCounter: this.nameCounter, touched: 0 };
    correlator.observed.set(object, cacheKey, next);
    return next;
  }

  /** EventSourceObjectSpamFilter.Filter with a token bucket that refills continuously from a full start. */
  private filtered(correlator: Correlator, key: string, nowMs: number): boolean {
    let bucket = correlator.spam.get(key);
    if (!bucket) {
      bucket = fullSpamBucket(nowMs);
      correlator.spam.set(key, bucket);
    }
    return !spamAccepts(bucket, nowMs);
  }

}

interface Correlator {
  /** Tells this source's keys apart in the shared store of events (a number, in order of creation). */
  readonly prefix: string;
  readonly aggregates: ObjectLru<AggregateRecord>;
  readonly observed: ObjectLru<ObservedEvent>;
  readonly spam: Lru<SpamBucket>;
}

function sourceKey(source: EventInput['source']): string {
  return source.host === undefined ? source.component : source.component + '\u0000' + source.host;
}

/*
 * Cache keys within one source's correlator, so the source is left out. client-go's keys spell out
 * the involved object (kind, namespace, name, uid, apiVersion); a uid names exactly one object, so
 * it stands for all of them when present (a quarter of the correlators' memory at 150,000 pods).
 */
function objectKey(o: EventInput['involvedObject']): string {
  // A uid never holds NUL, so the two forms cannot collide.
  return o.uid ? o.uid : ['', o.kind, o.namespace ?? '', o.name, o.apiVersion ?? ''].join('\u0000');
}

/** EventAggregatorByReasonFunc, after the involved object (without fieldPath): type and reason. */
function aggregateSubKey(input: EventInput): string {
  return input.type + '\u0000' + input.reason;
}

/** getEventKey, after the involved object: fieldPath, type, reason and message. (getSpamKey is the object alone.) */
function eventSubKey(e: EventInput): string {
  return (e.involvedObject.fieldPath ?? '') + '\u0000' + e.type + '\u0000' + e.reason + '\u0000' + e.message;
}

/** record.makeEvent names events `<object>.<unix nanos in hex>`; the counter keeps same-instant names apart. */
function eventName(objectName: string, nowMs: number, counter: number): string {
  const nanos = BigInt(EPOCH_MS + nowMs) * 1_000_000n + BigInt(counter % 1_000_000);
  return `${objectName}.${nanos.toString(16)}`;
}

export function eventTimestamp(ms: number): string {
  return isoTime(ms);
}
