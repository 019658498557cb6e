import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from './testFixtures';
import { POD_MAX_IN_UNSCHEDULABLE_PODS_MS, SchedulingQueue } from './SchedulingQueue';

describe('SchedulingQueue', () => {
  it('pops by priority, then arrival', () => {
    const q = new SchedulingQueue();
    q.activate(makePod('a', { priority: 1 }));
    q.activate(makePod('b', { priority: 5 }));
    q.activate(makePod('c', { priority: 1 }));
    expect(q.popAll().map((e) => e.name)).toEqual(['b', 'a', 'c']);
    expect(q.hasActive()).toBe(false);
  });

  it('wakes an unschedulable pod only for events its rejecting plugins care about', () => {
    const q = new SchedulingQueue();
    const pod = makePod('p');
    q.parkUnschedulable({ uid: pod.metadata.uid!, namespace: 'default', name: 'p', timestampMs: 0, plugins: new Set(['NodeAffinity']) });
    const event = { type: 'NodeAdd' as const, node: makeNode('n') };
    expect(q.moveOnEvent(event, () => pod, (plugin) => plugin === 'TaintToleration')).toBe(0);
    expect(q.isUnschedulable(pod.metadata.uid!)).toBe(true);
    expect(q.moveOnEvent(event, () => pod, (plugin) => plugin === 'NodeAffinity')).toBe(1);
    expect(q.popAll().map((e) => e.name)).toEqual(['p']);
  });

  it('flushes pods left unschedulable for more than 5 minutes on the 30 s grid', () => {
    const q = new SchedulingQueue();
    const pod = makePod('p');
    q.parkUnschedulable({ uid: pod.metadata.uid!, namespace: 'default', name: 'p', timestampMs: 10_000, plugins: new Set(['NodeResourcesFit']) });
    expect(POD_MAX_IN_UNSCHEDULABLE_PODS_MS).toBe(300_000);
    expect(q.nextFlushMs()).toBe(330_000);
    expect(q.flushLeftovers(310_000, () => pod)).toBe(0);
    expect(q.flushLeftovers(330_000, () => pod)).toBe(1);
    expect(q.nextFlushMs()).toBeUndefined();
  });
});
