import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../random/Rng';
import { clusterOf, makeNode, makePod } from './testFixtures';
import { defaultPlugins } from './Scheduler';
import { numFeasibleNodesToFind, SchedulingAlgorithm, ERR_NO_NODES_AVAILABLE, topIndexes } from './scheduleOne';

describe('numFeasibleNodesToFind', () => {
  it('checks every node below 100 and an adaptive share above', () => {
    expect(numFeasibleNodesToFind(3)).toBe(3);
    expect(numFeasibleNodesToFind(99)).toBe(99);
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(1000)).toBe(420); // 50% - 1000/125 = 42%
    expect(numFeasibleNodesToFind(5000)).toBe(500); // 10%
    expect(numFeasibleNodesToFind(10000)).toBe(500); // floor of 5%
  });
});

describe('SchedulingAlgorithm', () => {
  it('stops each node at its first failing filter and records it', () => {
    const nodes = [makeNode('tainted', { taints: [{ key: 'k', effect: 'NoSchedule' }], cpu: '1' }), makeNode('small', { cpu: '1' })];
    const { h } = clusterOf(nodes);
    const attempt = new SchedulingAlgorithm(defaultPlugins()).schedule(h, makePod('p', { requests: { cpu: '2' } }), createRng(1));
    expect(attempt.nodeName).toBeUndefined();
    expect(attempt.diagnosis.nodeStatuses.get('tainted')).toMatchObject({ plugin: 'TaintToleration' });
    expect(attempt.diagnosis.nodeStatuses.get('small')).toMatchObject({ plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] });
    expect([...attempt.diagnosis.unschedulablePlugins].sort()).toEqual(['NodeResourcesFit', 'TaintToleration']);
  });

  it('skips scoring when only one node fits, and errors without nodes', () => {
    const { h } = clusterOf([makeNode('a', { cpu: '1' }), makeNode('b', { cpu: '4' })]);
    const attempt = new SchedulingAlgorithm(defaultPlugins()).schedule(h, makePod('p', { requests: { cpu: '2' } }), createRng(1));
    expect(attempt.nodeName).toBe('b');
    expect(attempt.notes).toContain('Only one node passed the filters, so no scoring was needed.');
    const empty = clusterOf([]);
    expect(new SchedulingAlgorithm(defaultPlugins()).schedule(empty.h, makePod('p'), createRng(1)).error).toBe(ERR_NO_NODES_AVAILABLE);
  });

  it('walks a large cluster from a rotating start and stops after enough feasible nodes', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => makeNode(`n${i}`, {}, i));
    const { h } = clusterOf(nodes);
    const algorithm = new SchedulingAlgorithm(defaultPlugins());
    const first = algorithm.schedule(h, makePod('p1'), createRng(1));
    expect(first.evaluatedNodes).toBe(100);
    expect(first.feasibleNodes).toBe(100);
    const second = algorithm.schedule(h, makePod('p2'), createRng(1));
    // The second cycle starts where the first stopped, so n100… get their turn.
    expect(second.nodes.every((n) => Number(n.node.slice(1)) >= 100)).toBe(true);
  });

  it('tries the nominated node first', () => {
    const { h } = clusterOf([makeNode('a'), makeNode('b'), makeNode('c')]);
    const attempt = new SchedulingAlgorithm(defaultPlugins()).schedule(h, makePod('p', { nominatedNodeName: 'c' }), createRng(1));
    expect(attempt.nodeName).toBe('c');
    expect(attempt.evaluatedNodes).toBe(1);
  });

  it('keeps space freed for a higher-priority nominated pod from a lower-priority one', () => {
    const objects = [makeNode('a', { cpu: '1' }), makePod('preemptor', { requests: { cpu: '800m' }, priority: 100, nominatedNodeName: 'a' })];
    const { h } = clusterOf(objects);
    const algorithm = new SchedulingAlgorithm(defaultPlugins());
    expect(algorithm.schedule(h, makePod('low', { requests: { cpu: '500m' }, priority: 1 }), createRng(1)).nodeName).toBeUndefined();
    expect(algorithm.schedule(h, makePod('high', { requests: { cpu: '500m' }, priority: 1000 }), createRng(1)).nodeName).toBe('a');
  });
});

describe('topIndexes', () => {
  it('equals a full sort by (total desc, index asc) cut to the count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 120 }), fc.integer({ min: 1, max: 60 }), (totals, count) => {
        const sorted = totals.map((_, i) => i).sort((a, b) => totals[b] - totals[a] || a - b).slice(0, count);
        expect(topIndexes(totals, count)).toEqual(sorted);
      }),
    );
  });
});
