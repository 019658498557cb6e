import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod, Typed } from '../api/types';
import { SchedulerCache } from './SchedulerCache';
import { selectorFromSet } from '../api/labels';
import { clusterOf, makeNode, makePod } from './testFixtures';

describe('SchedulerCache', () => {
  it('aggregates requests per node from bound, unfinished pods', () => {
    const { cache } = clusterOf([makeNode('n1'), makePod('a', { node: 'n1', requests: { cpu: '250m' } }), makePod('b', { node: 'n1', requests: { cpu: '1' }, phase: 'Failed' }), makePod('c', { requests: { cpu: '1' } })]);
    const info = cache.nodeInfo('n1')!;
    expect(info.requested.milliCPU).toBe(250);
    expect(info.pods.map((p) => p.metadata.name)).toEqual(['a']);
  });

  it('counts assumed pods until their bind arrives, and forgets failed ones', () => {
    const { cache } = clusterOf([makeNode('n1'), makePod('a', { requests: { cpu: '500m' }, labels: { app: 'web' } })]);
    const pod = cache.store!.get('Pod', 'default', 'a') as ReturnType<typeof makePod>;
    expect(cache.nodeInfo('n1')!.requested.milliCPU).toBe(0);
    cache.assume(pod, 'n1');
    expect(cache.nodeInfo('n1')!.requested.milliCPU).toBe(500);
    expect(cache.matchingCounts('default', selectorFromSet({ app: 'web' })).get('n1')).toBe(1);
    cache.forgetAssumed();
    expect(cache.nodeInfo('n1')!.requested.milliCPU).toBe(0);
    expect(cache.matchingCounts('default', selectorFromSet({ app: 'web' })).get('n1')).toBeUndefined();
  });

  it('finds bound pods by selector through the label index and keeps counts current', () => {
    const { store, cache } = clusterOf([makeNode('n1'), makeNode('n2'), makePod('w1', { node: 'n1', labels: { app: 'web' } }), makePod('w2', { node: 'n2', labels: { app: 'web' } }), makePod('d1', { node: 'n1', labels: { app: 'db' } }), makePod('w3', { namespace: 'kube-system', node: 'n1', labels: { app: 'web' } })]);
    const web = selectorFromSet({ app: 'web' });
    expect(cache.podsMatching(['default'], web).map((p) => p.metadata.name).sort()).toEqual(['w1', 'w2']);
    expect(cache.podsMatching(undefined, web)).toHaveLength(3);
    const counts = cache.matchingCounts('default', web);
    expect([...counts].sort()).toEqual([['n1', 1], ['n2', 1]]);
    const w1 = store.get('Pod', 'default', 'w1')!;
    const deleting = { ...w1, metadata: { ...w1.metadata, deletionTimestamp: '2026-01-01T00:01:00Z' } };
    store.put(deleting);
    cache.onChange({ type: 'modified', object: deleting, old: w1 });
    expect(cache.matchingCounts('default', web).get('n1')).toBeUndefined();
    expect(cache.podsMatching(['default'], web)).toHaveLength(2);
  });

  it('keeps cached NodeInfos equal to a rebuild while bound pods are updated, finish, move and go', () => {
    const summary = (cache: SchedulerCache, node: string) => {
      const info = cache.nodeInfo(node)!;
      return { pods: info.pods.map((p) => p.metadata.name), requested: info.requested, cpu: info.nonZeroMilliCPU, mem: info.nonZeroMemoryBytes, ports: info.usedPorts };
    };
    const op = fc.record({ pod: fc.integer({ min: 0, max: 5 }), kind: fc.constantFrom('status', 'status', 'status', 'fail', 'delete', 'create', 'resize', 'relabel', 'terminate') });
    const web = selectorFromSet({ app: 'web' });
    const db = selectorFromSet({ app: 'db' });
    const counts = (cache: SchedulerCache) => [web, db].map((sel) => [...cache.matchingCounts('default', sel)].sort());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const nodes = ['n1', 'n2'];
        const pods = Array.from({ length: 6 }, (_, i) => makePod(`p${i}`, { node: nodes[i % 2], labels: { app: i % 3 ? 'web' : 'db' }, requests: { cpu: `${100 + i}m`, memory: '64Mi' }, hostPort: i === 0 ? 8080 : undefined }));
        const { store, cache } = clusterOf([makeNode('n1'), makeNode('n2'), ...pods]);
        counts(cache); // a counter that exists before the changes, so they update it incrementally
        let n = 0;
        for (const o of ops) {
          for (const node of nodes) cache.nodeInfo(node); // keep them cached so updates go through the incremental path
          const current = store.get<Pod>('Pod', 'default', `p${o.pod}`);
          if (o.kind === 'create' || !current) {
            if (current) continue;
            const pod = makePod(`p${o.pod}`, { node: nodes[n++ % 2], requests: { cpu: '50m' } });
            store.put(pod);
            cache.onChange({ type: 'added', object: pod });
            continue;
          }
          if (o.kind === 'delete') {
            store.remove(current);
            cache.onChange({ type: 'deleted', object: current, old: current });
            continue;
          }
          const next = structuredClone(current) as Typed<Pod>;
          next.status = { ...next.status, phase: o.kind === 'fail' ? 'Failed' : 'Running', podIP: `10.0.0.${n++}` };
          if (o.kind === 'resize') next.spec!.containers[0].resources = { requests: { cpu: `${200 + n}m` } };
          if (o.kind === 'relabel') next.metadata.labels = { app: next.metadata.labels?.app === 'web' ? 'db' : 'web' };
          if (o.kind === 'terminate') next.metadata.deletionTimestamp = '2026-01-01T00:05:00Z';
          store.put(next);
          cache.onChange({ type: 'modified', object: next, old: current });
          const fresh = new SchedulerCache();
          fresh.rebuild(store);
          for (const node of nodes) expect(summary(cache, node)).toEqual(summary(fresh, node));
          expect(counts(cache)).toEqual(counts(fresh));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps counts exact when more selectors are asked about than it keeps counters for', () => {
    const pods = Array.from({ length: 40 }, (_, i) => makePod(`p${i}`, { node: i % 2 ? 'n1' : 'n2', labels: { app: 'web', slot: String(i % 20) } }));
    const { store, cache } = clusterOf([makeNode('n1'), makeNode('n2'), ...pods]);
    // 300 distinct selectors: the first ones (which count pods) are evicted, then asked for again.
    const selectors = Array.from({ length: 300 }, (_, i) => selectorFromSet(i < 20 ? { slot: String(i) } : { app: 'web', other: String(i) }));
    for (const sel of [...selectors, ...selectors.slice(0, 20)]) cache.matchingCounts('default', sel);
    for (const name of ['p1', 'p2', 'p5']) {
      const pod = store.get<Pod>('Pod', 'default', name)!;
      store.remove(pod);
      cache.onChange({ type: 'deleted', object: pod, old: pod });
    }
    const fresh = new SchedulerCache();
    fresh.rebuild(store);
    for (const sel of selectors.slice(0, 20)) expect([...cache.matchingCounts('default', sel)].sort()).toEqual([...fresh.matchingCounts('default', sel)].sort());
  });
});
