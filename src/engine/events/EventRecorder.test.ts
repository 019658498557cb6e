import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventRecorder, fullSpamBucket, Lru, MAX_STORED_EVENTS, ObjectCaches, spamAccepts, type EventInput } from './EventRecorder';

const pod = { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1' };
const ev = (reason: string, message: string, extra: Partial<EventInput> = {}): EventInput => ({
  involvedObject: { ...pod, fieldPath: 'spec.containers{c}' }, type: 'Normal', reason, message, source: { component: 'kubelet', host: 'node-1' }, ...extra,
});

// Models client-go tools/record/events_cache_test.go behaviour (TestEventCorrelator cases restated for virtual time).
describe('EventRecorder (client-go EventCorrelator)', () => {
  it('folds identical events into one with count, first and last timestamps', () => {
    const r = new EventRecorder();
    r.record(ev('Pulling', 'Pulling image "nginx"'), 0);
    r.record(ev('Pulling', 'Pulling image "nginx"'), 5_000);
    const e = r.record(ev('Pulling', 'Pulling image "nginx"'), 9_000)!;
    expect(r.size()).toBe(1);
    expect([e.count, e.firstTimestampMs, e.lastTimestampMs]).toEqual([3, 0, 9_000]);
  });

  it('keeps a correlator per source, so one busy kubelet cannot evict another kubelet\'s counts', () => {
    const r = new EventRecorder();
    r.record(ev('BackOff', 'Back-off restarting failed container c'), 0);
    // 5,000 distinct events from another node: more than one correlator's 4096 entries.
    for (let i = 0; i < 5_000; i++) r.record(ev('Started', 'Container started', { involvedObject: { ...pod, name: `p${i}`, uid: `u-${i}` }, source: { component: 'kubelet', host: 'node-2' } }), 1_000);
    // Past the spam filter's refill, the next accepted BackOff still shows the count it kept.
    const e = r.record(ev('BackOff', 'Back-off restarting failed container c'), 600_000)!;
    expect([e.count, e.firstTimestampMs]).toEqual([2, 0]);
    // Within one source the LRU is client-go's 4096 entries: 5,000 newer keys on node-1 evict it.
    for (let i = 0; i < 5_000; i++) r.record(ev('Started', 'Container started', { involvedObject: { ...pod, name: `q${i}`, uid: `v-${i}` } }), 700_000);
    const evicted = r.record(ev('BackOff', 'Back-off restarting failed container c'), 1_300_000)!;
    expect(evicted.count).toBe(1);
  });

  it('recordRepeats is record() at each time; spamBucket reads the filter without touching it', () => {
    const a = new EventRecorder();
    const b = new EventRecorder();
    const backOff = ev('BackOff', 'Back-off restarting failed container c');
    const times = Array.from({ length: 60 }, (_, i) => 1_000 + i * 12_345);
    for (const t of times) a.record(backOff, t);
    b.recordRepeats(backOff, times);
    expect(b.list()).toEqual(a.list());
    expect(b.spamBucket(backOff.source, backOff.involvedObject)).toEqual(a.spamBucket(backOff.source, backOff.involvedObject));
    // The bucket predicts what the filter does with the next events.
    const predicted = a.spamBucket(backOff.source, backOff.involvedObject) ?? fullSpamBucket(0);
    const later = [800_000, 805_000, 1_200_000, 1_500_000, 1_500_001];
    const verdicts = later.map((t) => spamAccepts(predicted, t));
    expect(later.map((t) => a.record(backOff, t) !== undefined)).toEqual(verdicts);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
    expect(new EventRecorder().spamBucket(backOff.source, backOff.involvedObject)).toBeUndefined();
  });

  it('keeps identical events from two sources apart', () => {
    const r = new EventRecorder();
    const node = { kind: 'Node', name: 'node-1', uid: 'n1' };
    r.record({ involvedObject: node, type: 'Normal', reason: 'NodeNotReady', message: 'Node node-1 status is now: NodeNotReady', source: { component: 'kubelet', host: 'node-1' } }, 0);
    r.record({ involvedObject: node, type: 'Normal', reason: 'NodeNotReady', message: 'Node node-1 status is now: NodeNotReady', source: { component: 'node-controller' } }, 1_000);
    expect(r.list().map((e) => [e.source.component, e.count])).toEqual([['kubelet', 1], ['node-controller', 1]]);
  });

  it('keeps events that differ by fieldPath or message apart', () => {
    const r = new EventRecorder();
    r.record(ev('Started', 'Started container a'), 0);
    r.record(ev('Started', 'Started container a', { involvedObject: { ...pod, fieldPath: 'spec.containers{b}' } }), 0);
    r.record(ev('Started', 'Started container b'), 0);
    expect(r.size()).toBe(3);
  });

  it('combines similar events after 10 distinct messages within 10 minutes of each other', () => {
    const r = new EventRecorder();
    for (let i = 0; i < 9; i++) r.record(ev('Pulled', `Successfully pulled image "nginx" in ${i + 1}s`), i * 1000);
    expect(r.list().every((e) => !e.message.startsWith('(combined'))).toBe(true);
    const combined = r.record(ev('Pulled', 'Successfully pulled image "nginx" in 10s'), 9_000)!;
    expect(combined.message).toBe('(combined from similar events): Successfully pulled image "nginx" in 10s');
    const again = r.record(ev('Pulled', 'Successfully pulled image "nginx" in 11s'), 10_000)!;
    expect(again).toBe(combined);
    expect(again.count).toBe(2);
    expect(again.message).toBe('(combined from similar events): Successfully pulled image "nginx" in 11s');
  });

  it('counts repeats of one message as one distinct message (no combining)', () => {
    const r = new EventRecorder();
    for (let i = 0; i < 20; i++) r.record(ev('BackOff', 'Back-off restarting failed container c in pod web_default(u1)', { type: 'Warning' }), i * 10_000);
    expect(r.size()).toBe(1);
    expect(r.list()[0].count).toBe(20);
  });

  it('restarts the similar-event interval after 10 quiet minutes', () => {
    const r = new EventRecorder();
    for (let i = 0; i < 9; i++) r.record(ev('Pulled', `m${i}`), 0);
    const late = r.record(ev('Pulled', 'm9'), 600_001)!;
    expect(late.message).toBe('m9');
  });

  it('lets a source burst 25 events about one object, then one per 5 minutes, still counting the dropped ones', () => {
    const r = new EventRecorder();
    const accepted = [];
    for (let i = 0; i < 30; i++) accepted.push(r.record(ev(`R${i}`, 'x'), 0));
    expect(accepted.filter(Boolean)).toHaveLength(25);
    // A different object has its own bucket.
    expect(r.record(ev('R0', 'x', { involvedObject: { ...pod, name: 'other', uid: 'u2' } }), 0)).toBeDefined();
    for (let t = 1_000; t < 299_000; t += 10_000) expect(r.record(ev('BackOff', 'b', { type: 'Warning' }), t)).toBeUndefined();
    const refill = r.record(ev('BackOff', 'b', { type: 'Warning' }), 300_000)!;
    expect(refill).toBeDefined();
    expect(refill.count).toBe(31);
    expect(refill.firstTimestampMs).toBe(1_000);
    expect(r.record(ev('BackOff', 'b', { type: 'Warning' }), 310_000)).toBeUndefined();
  });

  it('shares one spam bucket across reasons of the same source and object (the notes: 25 events, then BackOff trickles in)', () => {
    const r = new EventRecorder();
    for (let i = 0; i < 25; i++) r.record(ev('Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 404', { type: 'Warning' }), i * 1000);
    expect(r.record(ev('Killing', 'Container c failed liveness probe, will be restarted'), 30_000)).toBeUndefined();
    expect(r.record(ev('Killing', 'Stopping container c', { source: { component: 'kubelet', host: 'node-2' } }), 30_000)).toBeDefined();
  });

  it('expires events an hour after they were last seen', () => {
    const r = new EventRecorder();
    r.record(ev('Pulled', 'a'), 0);
    r.record(ev('Pulled', 'b'), 3_000_000);
    r.expire(3_600_000);
    expect(r.list().map((e) => e.message)).toEqual(['b']);
  });

  it('names events <object>.<hex nanoseconds> like record.makeEvent', () => {
    const r = new EventRecorder();
    expect(r.record(ev('Pulled', 'a'), 0)!.name).toMatch(/^web\.[0-9a-f]{15,16}$/);
  });
});

describe('EventRecorder bookkeeping', () => {
  it('evicts the least recently used key, however entries were moved', () => {
    const lru = new Lru<number>(3);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('c', 3);
    lru.get('a'); // order b, c, a
    lru.set('d', 4); // evicts b
    expect(lru.get('b')).toBeUndefined();
    lru.get('c'); // order a, d, c
    lru.set('e', 5); // evicts a
    expect([lru.get('a'), lru.get('c'), lru.get('d'), lru.get('e')]).toEqual([undefined, 3, 4, 5]);
    expect(lru.size).toBe(3);
  });

  it('peek leaves the order alone; delete and values keep the list consistent', () => {
    const lru = new Lru<number>(Infinity);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3], ['d', 4]] as const) lru.set(k, v);
    expect(lru.peek('a')).toBe(1);
    lru.delete('c');
    lru.delete('missing');
    lru.get('b');
    expect([...lru.values()]).toEqual([1, 4, 2]);
    expect(lru.oldestEntry()?.key).toBe('a');
    lru.delete('a');
    lru.delete('d');
    lru.delete('b');
    expect([...lru.values()]).toEqual([]);
    expect(lru.oldestEntry()).toBeUndefined();
    lru.set('e', 5);
    expect([...lru.values()]).toEqual([5]);
  });

  it('agrees with a naive LRU under random use', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 })), { maxLength: 300 }), (ops) => {
        const lru = new Lru<number>(4);
        const naive: [string, number][] = [];
        for (const [isSet, k] of ops) {
          const key = `k${k}`;
          const at = naive.findIndex(([x]) => x === key);
          if (isSet) {
            if (at >= 0) naive.splice(at, 1);
            naive.push([key, k]);
            if (naive.length > 4) naive.shift();
            lru.set(key, k);
          } else {
            const hit = at >= 0 ? naive.splice(at, 1)[0] : undefined;
            if (hit) naive.push(hit);
            expect(lru.get(key)).toBe(hit?.[1]);
          }
        }
        expect(lru.size).toBe(naive.length);
      }),
    );
  });

  it('ObjectCaches evicts the least recently touched when a cache outgrows its compact form (a hit counts)', () => {
    const caches = new ObjectCaches(5, [{ keySlots: 1, fieldSlots: 1 }]);
    const put = (o: string, v: number) => {
      caches.entry(0, o, 'x');
      caches.row[caches.at] = v;
    };
    put('a', 1);
    put('b', 2);
    caches.entry(0, 'a', 'x');
    for (const o of ['c', 'd', 'e', 'f']) put(o, 3);
    expect(caches.peek(0, 'b', 'x')).toBe(false);
    expect(caches.entry(0, 'a', 'x')).toBe(true);
    expect(caches.row[caches.at]).toBe(1);
    expect(caches.size(0)).toBe(5);
  });

  it('ObjectCaches agree with naive LRUs under random use, before and after each outgrows its compact form', () => {
    const layouts = [
      { keySlots: 1, fieldSlots: 2 },
      { keySlots: 2, fieldSlots: 3 },
      { keySlots: 0, fieldSlots: 2 },
    ] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('entry', 'peek', 'write'), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 6 }),
        (ops, cap) => {
          const caches = new ObjectCaches(cap, layouts);
          // Per cache, entries oldest first: key and values.
          const naive: [string, unknown[]][][] = layouts.map(() => []);
          for (const [op, cache, o, k1, k2] of ops) {
            const { keySlots, fieldSlots } = layouts[cache];
            const key1 = keySlots > 0 ? `k${k1}` : '';
            const key2 = keySlots > 1 ? `m${k2}` : '';
            const key = `o${o}/${key1}/${key2}`;
            const lru = naive[cache];
            const at = lru.findIndex(([x]) => x === key);
            const values = () => Array.from({ length: fieldSlots }, (_, i) => caches.row[caches.at + i]);
            if (op === 'peek') {
              expect(caches.peek(cache, `o${o}`, key1, key2)).toBe(at >= 0);
              if (at >= 0) expect(values()).toEqual(lru[at][1]);
              continue;
            }
            const entry = at >= 0 ? lru.splice(at, 1)[0] : ([key, Array.from({ length: fieldSlots }, () => undefined)] as [string, unknown[]]);
            lru.push(entry);
            if (lru.length > cap) lru.shift();
            expect(caches.entry(cache, `o${o}`, key1, key2)).toBe(at >= 0);
            expect(values()).toEqual(entry[1]);
            if (op === 'write') {
              entry[1] = entry[1].map((_, i) => `${key}#${i}@${lru.length}`);
              entry[1].forEach((v, i) => (caches.row[caches.at + i] = v));
            }
            naive.forEach((l, c) => expect(caches.size(c)).toBe(l.length));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('expires by last update and trims the least recently updated beyond the cap, listing oldest first', () => {
    const r = new EventRecorder();
    r.record(ev('A', 'a'), 0);
    r.record(ev('B', 'b'), 1_000);
    r.record(ev('A', 'a'), 2_000); // A is now the most recently updated
    r.expire(3_601_000);
    expect(r.list().map((e) => e.reason)).toEqual(['A']);
    for (let i = 0; i < MAX_STORED_EVENTS + 1; i++) r.record({ ...ev('Flood', `m${i}`), involvedObject: { ...pod, name: `p${i}`, uid: `u-${i}` } }, 3_700_000);
    expect(r.size()).toBe(Math.floor(MAX_STORED_EVENTS * 0.9));
    const listed = r.list();
    expect(listed[0].message).toBe(`m${MAX_STORED_EVENTS + 1 - Math.floor(MAX_STORED_EVENTS * 0.9)}`);
    expect(listed.at(-1)!.message).toBe(`m${MAX_STORED_EVENTS}`);
  });
});
