import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runScores } from '../testFixtures';
import { NodeResourcesBalancedAllocation } from './NodeResourcesBalancedAllocation';

describe('NodeResourcesBalancedAllocation', () => {
  it('scores (1 - |cpuFraction - memFraction| / 2) * 100', () => {
    const nodes = [makeNode('a', { cpu: '4', memory: '4Gi' }), makeNode('b', { cpu: '4', memory: '4Gi' }), makePod('x', { node: 'b', requests: { cpu: '2' } })];
    const pod = makePod('p', { requests: { cpu: '1', memory: '1Gi' } });
    // a: 0.25 vs 0.25 → 100; b: 0.75 vs 0.25 → 75.
    expect(runScores(NodeResourcesBalancedAllocation, pod, ['a', 'b'], nodes)).toEqual({ a: 100, b: 75 });
  });
  it('skips best-effort pods', () => {
    expect(runScores(NodeResourcesBalancedAllocation, makePod('p'), ['a'], [makeNode('a')])).toBeUndefined();
  });
});
