import { describe, expect, it } from 'vitest';
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
});
