import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runFilter, runScores } from '../testFixtures';
import { leastRequestedScore, NodeResourcesFit } from './NodeResourcesFit';

describe('NodeResourcesFit filter', () => {
  const node = makeNode('n1', { cpu: '1', memory: '1Gi', pods: 3 });
  it('fits by requests against allocatable minus what is already requested', () => {
    const objects = [node, makePod('a', { node: 'n1', requests: { cpu: '600m', memory: '512Mi' } })];
    expect(runFilter(NodeResourcesFit, makePod('p', { requests: { cpu: '400m', memory: '512Mi' } }), 'n1', objects)).toBeUndefined();
    expect(runFilter(NodeResourcesFit, makePod('p', { requests: { cpu: '401m' } }), 'n1', objects)).toEqual({ code: 'Unschedulable', reasons: ['Insufficient cpu'] });
    expect(runFilter(NodeResourcesFit, makePod('p', { requests: { cpu: '500m', memory: '600Mi' } }), 'n1', objects)).toEqual({ code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] });
  });

  it('is unresolvable when the pod is bigger than the whole node (preemption cannot help)', () => {
    expect(runFilter(NodeResourcesFit, makePod('p', { requests: { memory: '2Gi' } }), 'n1', [node])).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient memory'] });
  });

  it('counts pods against maxPods, and lets best-effort pods in on resources', () => {
    const full = [node, makePod('a', { node: 'n1' }), makePod('b', { node: 'n1' }), makePod('c', { node: 'n1' })];
    expect(runFilter(NodeResourcesFit, makePod('p'), 'n1', full)).toEqual({ code: 'Unschedulable', reasons: ['Too many pods'] });
    const busy = [node, makePod('a', { node: 'n1', requests: { cpu: '1' } })];
    expect(runFilter(NodeResourcesFit, makePod('p'), 'n1', busy)).toBeUndefined();
  });

  it('uses requests, not usage: finished pods free their requests, terminating ones do not', () => {
    expect(runFilter(NodeResourcesFit, makePod('p', { requests: { cpu: '1' } }), 'n1', [node, makePod('done', { node: 'n1', requests: { cpu: '1' }, phase: 'Succeeded' })])).toBeUndefined();
    expect(runFilter(NodeResourcesFit, makePod('p', { requests: { cpu: '1' } }), 'n1', [node, makePod('going', { node: 'n1', requests: { cpu: '1' }, deleting: true })])).toBeDefined();
  });

  it('checks extended resources by name', () => {
    expect(runFilter(NodeResourcesFit, makePod('p', { requests: { 'example.com/foo': '1' } }), 'n1', [node])).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient example.com/foo'] });
  });
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('is the integer mean of (allocatable - requested) * 100 / allocatable over cpu and memory', () => {
    expect(leastRequestedScore(3000, 4000)).toBe(25);
    expect(leastRequestedScore(5000, 4000)).toBe(0);
    const nodes = [makeNode('a', { cpu: '4', memory: '8Gi' }), makeNode('b', { cpu: '4', memory: '8Gi' }), makePod('x', { node: 'a', requests: { cpu: '2', memory: '4Gi' } })];
    // a: cpu (4000-3000)*100/4000 = 25, memory (8Gi-5Gi)*100/8Gi = 37 → 31; b: 75 and 87 → 81.
    expect(runScores(NodeResourcesFit, makePod('p', { requests: { cpu: '1', memory: '1Gi' } }), ['a', 'b'], nodes)).toEqual({ a: 31, b: 81 });
  });
  it('scores a request-less pod with 100m / 200Mi', () => {
    const scores = runScores(NodeResourcesFit, makePod('p'), ['a'], [makeNode('a', { cpu: '1', memory: '1000Mi' })]);
    // cpu (1000-100)*100/1000 = 90, memory (1000Mi-200Mi)*100/1000Mi = 80 → 85.
    expect(scores).toEqual({ a: 85 });
  });
});
