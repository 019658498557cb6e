import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/Rng';
import { clusterOf, makeNode, makePod } from '../testFixtures';
import { defaultPlugins } from '../Scheduler';
import { SchedulingAlgorithm } from '../scheduleOne';
import { NO_VICTIMS, PREEMPTION_NOT_HELPFUL, preempt } from './DefaultPreemption';
import type { KubeObject, Pod, Typed } from '../../api/types';

function attemptPreemption(objects: KubeObject[], pod: Typed<Pod>) {
  const { h } = clusterOf(objects);
  const algorithm = new SchedulingAlgorithm(defaultPlugins());
  const attempt = algorithm.schedule(h, pod, createRng(1));
  expect(attempt.nodeName).toBeUndefined();
  return preempt({ h, pod, state: attempt.state, diagnosis: attempt.diagnosis, rng: createRng(2), plugins: defaultPlugins(), runFilters: (s, p, n) => algorithm.runFiltersWithNominated(h, s, p, n).status });
}

describe('DefaultPreemption', () => {
  const nodes = [makeNode('n1', { cpu: '1' }), makeNode('n2', { cpu: '1' })];
  it('finds no victims among equal-priority pods', () => {
    const objects = [...nodes, makePod('a', { node: 'n1', requests: { cpu: '800m' } }), makePod('b', { node: 'n2', requests: { cpu: '800m' } })];
    const out = attemptPreemption(objects, makePod('p', { requests: { cpu: '500m' } }));
    expect(out.message).toBe(`preemption: 0/2 nodes are available: 2 ${NO_VICTIMS}.`);
    expect(out.nominatedNode).toBeUndefined();
  });

  it('is not helpful when the pod is bigger than any node', () => {
    const out = attemptPreemption(nodes, makePod('p', { requests: { cpu: '2' }, priority: 1000 }));
    expect(out.message).toBe(`preemption: 0/2 nodes are available: 2 ${PREEMPTION_NOT_HELPFUL}.`);
  });

  it('evicts the fewest, lowest-priority pods that make room', () => {
    const objects = [
      ...nodes,
      makePod('low-1', { node: 'n1', requests: { cpu: '400m' }, priority: 10 }),
      makePod('low-2', { node: 'n1', requests: { cpu: '400m' }, priority: 10 }),
      makePod('mid', { node: 'n2', requests: { cpu: '800m' }, priority: 50 }),
    ];
    const out = attemptPreemption(objects, makePod('vip', { requests: { cpu: '500m' }, priority: 100 }));
    expect(out.message).toBe('');
    expect(out.nominatedNode).toBe('n1');
    // Removing one 400m pod leaves 600m free: enough, so only one is a victim.
    expect(out.victims.map((v) => v.metadata.name)).toHaveLength(1);
  });

  it('respects preemptionPolicy: Never', () => {
    const objects = [...nodes, makePod('low', { node: 'n1', requests: { cpu: '1' }, priority: 1 }), makePod('low2', { node: 'n2', requests: { cpu: '1' }, priority: 1 })];
    expect(attemptPreemption(objects, makePod('p', { requests: { cpu: '500m' }, priority: 100, preemptionPolicy: 'Never' })).message).toBe('preemption: not eligible due to preemptionPolicy=Never.');
  });
});
