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
const MAX_SHARED_MESSAGES = 16_384;
/** Hard cap on stored events so a runaway loop cannot exhaust memory. */
export const MAX_STORED_EVENTS = 50_000;

const COMBINED_PREFIX = '(combined from similar events): ';
/** Starts the event key of a combined group (then the aggregate key and a NUL): "combined" stands where other event keys have a type. */
const COMBINED_KEY = '\u0000\u0000combined\u0000';

/**
 * A correlator's caches: AGGREGATES by object and aggregate key, OBSERVED by object, event key and
 * message, SPAM by object; each entry's values are the *_ slots below.
 */
const AGGREGATES = 0;
const OBSERVED = 1;
const SPAM = 2;
const CORRELATOR_CACHES: readonly CacheLayout[] = [
  { keySlots: 1, fieldSlots: 2 },
  { keySlots: 2, fieldSlots: 3 },
  { keySlots: 0, fieldSlots: 2 },
];
/** The values of an aggregates entry: the distinct messages seen, oldest first (at most 10 and almost always 1, kept as the bare string until a second one comes), and when the group was last seen. */
const AGGREGATE_LOCAL_KEYS = 0;
const AGGREGATE_LAST_MS = 1;
/** The values of an observed entry. The event's name is built when it is stored (eventName of the first time and name counter), not kept. */
const OBSERVED_COUNT = 0;
const OBSERVED_FIRST_MS = 1;
const OBSERVED_NAME_COUNTER = 2;
const SPAM_TOKEN_MS = 0;
const SPAM_LAST_MS = 1;

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

/** How one of ObjectCaches' caches keys and holds an entry: 0 to 2 key strings after the object's, then `fieldSlots` values. */
export interface CacheLayout {
  readonly keySlots: 0 | 1 | 2;
  readonly fieldSlots: number;
}

interface CacheState extends CacheLayout {
  /** An entry's slots while compact: keys, values, then a stamp of when it was last touched. */
  readonly stride: number;
  count: number;
  flat: Lru<unknown[]> | undefined;
}

/**
 * Exact LRUs of `cap` entries each, keyed by an object and up to two strings, all kept in one array
 * per object while compact. entry() points `row` and `at` at an entry's values: row[at], row[at + 1]...
 *
 * The array holds each cache's entries in a section of its own (a header slot per cache but the last
 * gives where its section ends), each entry a few slots: no Map, object or key string of its own,
 * and one Map entry per object for all caches (a kubelet's correlator holds about ten entries per
 * pod). Each entry stamps when it was last touched; the first insert past a cache's cap moves that
 * cache out into a flat linked LRU in stamp order, which evicts exactly the entry a flat LRU would
 * have. A kubelet's correlator never fills its 4096 entries without heavy pod churn.
 */
export class ObjectCaches {
  /** The values of the entry entry() or peek() last found or added start at row[at]. */
  row: unknown[] = [];
  at = 0;
  private readonly byObject = new Map<string, unknown[]>();
  private readonly caches: CacheState[];
  private readonly headerSlots: number;
  private clock = 0;
  constructor(
    private readonly cap: number,
    layouts: readonly CacheLayout[],
  ) {
    this.caches = layouts.map((l) => ({ ...l, stride: l.keySlots + l.fieldSlots + 1, count: 0, flat: undefined }));
    this.headerSlots = layouts.length - 1;
  }

  /** Finds the entry for the keys in `cache` and makes it the newest, adding one (values undefined) if there is none; true when it was there. */
  entry(cache: number, objectKey: string, key1 = '', key2 = ''): boolean {
    const state = this.caches[cache];
    if (state.flat === undefined) {
      if (this.findCompact(cache, objectKey, key1, key2)) {
        this.row[this.at + state.fieldSlots] = ++this.clock;
        return true;
      }
      if (state.count < this.cap) {
        this.addCompact(cache, objectKey, key1, key2);
        return false;
      }
      this.flatten(cache);
    }
    const key = flatKey(state, objectKey, key1, key2);
    let row = state.flat!.get(key);
    const found = row !== undefined;
    if (row === undefined) state.flat!.set(key, (row = new Array<unknown>(state.fieldSlots)));
    this.row = row;
    this.at = 0;
    return found;
  }

  /** Like entry() for one that exists, without making it the newest; false (and `row` unchanged) when there is none. */
  peek(cache: number, objectKey: string, key1 = '', key2 = ''): boolean {
    const flat = this.caches[cache].flat;
    if (flat === undefined) return this.findCompact(cache, objectKey, key1, key2);
    const row = flat.peek(flatKey(this.caches[cache], objectKey, key1, key2));
    if (row === undefined) return false;
    this.row = row;
    this.at = 0;
    return true;
  }

  size(cache: number): number {
    const state = this.caches[cache];
    return state.flat !== undefined ? state.flat.size : state.count;
  }

  private sectionStart(row: unknown[], cache: number): number {
    return cache === 0 ? this.headerSlots : (row[cache - 1] as number);
  }

  private sectionEnd(row: unknown[], cache: number): number {
    return cache === this.headerSlots ? row.length : (row[cache] as number);
  }

  private findCompact(cache: number, objectKey: string, key1: string, key2: string): boolean {
    const row = this.byObject.get(objectKey);
    if (row === undefined) return false;
    const { keySlots, stride } = this.caches[cache];
    for (let i = this.sectionStart(row, cache), end = this.sectionEnd(row, cache); i < end; i += stride) {
      if (keySlots > 0 && row[i] !== key1) continue;
      if (keySlots > 1 && row[i + 1] !== key2) continue;
      this.row = row;
      this.at = i + keySlots;
      return true;
    }
    return false;
  }

  /** Entries are added a few times per object, so the array is rebuilt exactly sized (push would leave up to 16 spare slots). */
  private addCompact(cache: number, objectKey: string, key1: string, key2: string): void {
    const state = this.caches[cache];
    const old = this.byObject.get(objectKey) ?? this.emptyRow();
    const insertAt = this.sectionEnd(old, cache);
    const row = new Array<unknown>(old.length + state.stride);
    for (let i = 0; i < insertAt; i++) row[i] = old[i];
    for (let i = insertAt; i < old.length; i++) row[i + state.stride] = old[i];
    for (let later = cache; later < this.headerSlots; later++) row[later] = (row[later] as number) + state.stride;
    if (state.keySlots > 0) row[insertAt] = key1;
    if (state.keySlots > 1) row[insertAt + 1] = key2;
    row[insertAt + state.keySlots + state.fieldSlots] = ++this.clock;
    this.byObject.set(objectKey, row);
    state.count++;
    this.row = row;
    this.at = insertAt + state.keySlots;
  }

  private emptyRow(): unknown[] {
    return new Array<unknown>(this.headerSlots).fill(this.headerSlots);
  }

  /** Moves a full cache out of the per-object arrays into a flat LRU, oldest first, so the next insert evicts the least recently touched. */
  private flatten(cache: number): void {
    const state = this.caches[cache];
    const { keySlots, fieldSlots, stride } = state;
    const all: { key: string; values: unknown[]; touched: number }[] = [];
    for (const [objectKey, row] of this.byObject) {
      const start = this.sectionStart(row, cache);
      const end = this.sectionEnd(row, cache);
      if (start === end) continue;
      for (let i = start; i < end; i += stride) {
        all.push({
          key: flatKey(state, objectKey, row[i] as string, row[i + 1] as string),
          values: row.slice(i + keySlots, i + keySlots + fieldSlots),
          touched: row[i + keySlots + fieldSlots] as number,
        });
      }
      const rest = row.slice(0, start).concat(row.slice(end));
      for (let later = cache; later < this.headerSlots; later++) rest[later] = (rest[later] as number) - (end - start);
      if (rest.length === this.headerSlots) this.byObject.delete(objectKey);
      else this.byObject.set(objectKey, rest);
    }
    all.sort((a, b) => a.touched - b.touched);
    const flat = new Lru<unknown[]>(this.cap);
    for (const { key, values } of all) flat.set(key, values);
    state.flat = flat;
    state.count = 0;
  }
}

function flatKey(layout: CacheLayout, objectKey: string, key1: string, key2: string): string {
  return layout.keySlots === 0 ? objectKey : layout.keySlots === 1 ? objectKey + '\u0000' + key1 : objectKey + '\u0000' + key1 + '\u0000' + key2;
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
  /** Messages, shared and flat (see shareMessage). */
  private readonly messages = new Map<string, string>();
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
    return this.recordKeyed(this.correlatorOf(input.source), input, this.keysOf(input), nowMs);
  }

  /**
   * The same event recorded once at each of `timesMs` (ascending, none in the future): a component
   * handing over repeats it skipped ahead of time. Exactly `record` per time, with the keys built once.
   */
  recordRepeats(input: EventInput, timesMs: readonly number[]): EventRecord | undefined {
    const correlator = this.correlatorOf(input.source);
    const keys = this.keysOf(input);
    let last: EventRecord | undefined;
    for (const atMs of timesMs) last = this.recordKeyed(correlator, input, keys, atMs) ?? last;
    return last;
  }

  /** The keys of an event, built once per record() or recordRepeats(). */
  private keysOf(input: EventInput): EventKeys {
    return {
      object: objectKey(input.involvedObject),
      aggregate: this.shareKeyRest(aggregateSubKey(input)),
      event: this.shareKeyRest(eventSubKey(input)),
      message: this.shareMessage(input.message),
    };
  }

  private recordKeyed(correlator: Correlator, input: EventInput, keys: EventKeys, nowMs: number): EventRecord | undefined {
    const { object, message } = keys;
    const combined = this.aggregate(correlator, keys, nowMs);
    // The observed key: event key and message, or the similar-event group's once it is combined.
    const eventKey = combined ? this.shareKeyRest(COMBINED_KEY + keys.aggregate + '\u0000') : keys.event;
    const eventMessage = combined ? COMBINED_PREFIX + message : message;
    const observedMessage = combined ? '' : message;
    const caches = correlator.caches;
    // eventLogger.eventObserve: counts every occurrence, accepted or not.
    const seen = caches.entry(OBSERVED, object, eventKey, observedMessage);
    const { row, at } = caches;
    if (seen) {
      (row[at + OBSERVED_COUNT] as number)++;
    } else {
      row[at + OBSERVED_COUNT] = 1;
      row[at + OBSERVED_FIRST_MS] = nowMs;
      row[at + OBSERVED_NAME_COUNTER] = this.nameCounter;
    }
    const count = row[at + OBSERVED_COUNT] as number;
    const firstTimestampMs = row[at + OBSERVED_FIRST_MS] as number;
    const nameCounter = row[at + OBSERVED_NAME_COUNTER] as number;
    if (this.filtered(caches, object, nowMs)) return undefined;
    // Correlator keys leave the source out; stored events of different sources must not meet.
    const storedKey = correlator.prefix + object + eventKey + observedMessage;
    const existing = this.stored.peek(storedKey);
    if (existing && nowMs - existing.lastTimestampMs < EVENT_TTL_MS) {
      existing.count = count;
      existing.lastTimestampMs = nowMs;
      existing.message = eventMessage;
      existing.seq = this.seq++;
      this.stored.set(storedKey, existing);
      this.fresh.push(existing);
      return existing;
    }
    if (existing) this.stored.delete(storedKey);
    // An explicit literal, not a spread: spread-built records each got a hidden class of their own.
    const record: EventRecord = {
      involvedObject: input.involvedObject,
      type: input.type,
      reason: input.reason,
      message: eventMessage,
      source: input.source,
      name: eventName(input.involvedObject.name, firstTimestampMs, nameCounter),
      namespace: input.involvedObject.namespace ?? 'default',
      uid: `event-${(this.nameCounter++).toString(16).padStart(12, '0')}`,
      count,
      firstTimestampMs,
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
    const caches = this.correlators.get(sourceKey(source))?.caches;
    if (!caches?.peek(SPAM, objectKey(involvedObject))) return undefined;
    return { tokenMs: caches.row[caches.at + SPAM_TOKEN_MS] as number, lastMs: caches.row[caches.at + SPAM_LAST_MS] as number };
  }

  private shareKeyRest(text: string): string {
    return internAs(this.keyRests, text, text, MAX_SHARED_KEY_RESTS);
  }

  /**
   * The message, shared with every equal one (every pod's 'Pulling image "nginx"') and flat:
   * V8 keeps a template-built string as a tree of its pieces, often twice the flat size, and
   * reading a character flattens it in place. Correlators keep messages after their events are gone.
   */
  private shareMessage(message: string): string {
    const kept = this.messages.get(message);
    if (kept !== undefined) return kept;
    message.charCodeAt(0);
    return internAs(this.messages, message, message, MAX_SHARED_MESSAGES);
  }

  private correlatorOf(source: EventInput['source']): Correlator {
    const key = sourceKey(source);
    let correlator = this.correlators.get(key);
    if (!correlator) {
      correlator = { prefix: `${this.correlators.size}\u0000`, caches: new ObjectCaches(MAX_CACHE_ENTRIES, CORRELATOR_CACHES) };
      this.correlators.set(key, correlator);
    }
    return correlator;
  }

  /**
   * EventAggregator.EventAggregate: the similar-event group is keyed without the message; the
   * interval restarts on every occurrence. True when the event is to be combined with its group.
   */
  private aggregate(correlator: Correlator, keys: EventKeys, nowMs: number): boolean {
    const caches = correlator.caches;
    const found = caches.entry(AGGREGATES, keys.object, keys.aggregate);
    const { row, at } = caches;
    const message = keys.message;
    let localKeys = row[at + AGGREGATE_LOCAL_KEYS] as string | string[];
    if (found && nowMs - (row[at + AGGREGATE_LAST_MS] as number) <= AGGREGATE_INTERVAL_MS) {
      if (typeof localKeys === 'string') {
        if (localKeys !== message) row[at + AGGREGATE_LOCAL_KEYS] = localKeys = [localKeys, message];
      } else if (!localKeys.includes(message)) localKeys.push(message);
    } else {
      row[at + AGGREGATE_LOCAL_KEYS] = localKeys = message;
    }
    row[at + AGGREGATE_LAST_MS] = nowMs;
    if (typeof localKeys === 'string' || localKeys.length < AGGREGATE_MAX_EVENTS) return false;
    // Go pops an arbitrary key to keep the set at the limit; the oldest is the deterministic choice.
    localKeys.shift();
    return true;
  }

  /** EventSourceObjectSpamFilter.Filter with a token bucket that refills continuously from a full start. */
  private filtered(caches: ObjectCaches, object: string, nowMs: number): boolean {
    const bucket = caches.entry(SPAM, object) ? { tokenMs: caches.row[caches.at + SPAM_TOKEN_MS] as number, lastMs: caches.row[caches.at + SPAM_LAST_MS] as number } : fullSpamBucket(nowMs);
    const accepted = spamAccepts(bucket, nowMs);
    caches.row[caches.at + SPAM_TOKEN_MS] = bucket.tokenMs;
    caches.row[caches.at + SPAM_LAST_MS] = bucket.lastMs;
    return !accepted;
  }
}

interface Correlator {
  /** Tells this source's keys apart in the shared store of events (a number, in order of creation). */
  readonly prefix: string;
  readonly caches: ObjectCaches;
}

/** One event's cache keys; all but the object's are shared across objects. */
interface EventKeys {
  readonly object: string;
  readonly aggregate: string;
  readonly event: string;
  readonly message: string;
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

/**
 * getEventKey between the involved object and the message: fieldPath, type and reason, with a NUL
 * on either side so that stored keys join it by plain concatenation. (getSpamKey is the object alone.)
 */
function eventSubKey(e: EventInput): string {
  return '\u0000' + (e.involvedObject.fieldPath ?? '') + '\u0000' + e.type + '\u0000' + e.reason + '\u0000';
}

/** record.makeEvent names events `<object>.<unix nanos in hex>`; the counter keeps same-instant names apart. */
function eventName(objectName: string, nowMs: number, counter: number): string {
  const nanos = BigInt(EPOCH_MS + nowMs) * 1_000_000n + BigInt(counter % 1_000_000);
  return `${objectName}.${nanos.toString(16)}`;
}

export function eventTimestamp(ms: number): string {
  return isoTime(ms);
}
