import { describe, expect, it } from 'vitest';
import { DecisionTraceStore, formatDecision, MAX_TRACED_PODS, type SchedulingDecision } from './DecisionTrace';

function decision(uid: string, nodes = 1): SchedulingDecision {
  return {
    podUid: uid, namespace: 'default', name: uid, atMs: 0, attempt: 1, outcome: 'Scheduled', nodeName: 'n0', message: `Successfully assigned default/${uid} to n0`,
    numAllNodes: nodes, evaluatedNodes: nodes, feasibleNodes: nodes, preFilter: [], filterOrder: [], skippedFilters: [], omittedNodes: 0, reasonCounts: {}, notes: [],
    nodes: Array.from({ length: nodes }, (_, i) => ({ node: `n${i}`, feasible: true, totalScore: 100 - i, scores: [{ plugin: 'NodeResourcesFit', raw: 90, normalized: 90, weight: 1, weighted: 90 }] })),
  };
}

describe('DecisionTraceStore', () => {
  it('keeps the last decision per pod and evicts the oldest beyond its bound', () => {
    const store = new DecisionTraceStore();
    store.record(decision('a'));
    store.record({ ...decision('a'), attempt: 2 });
    expect(store.get('a')?.attempt).toBe(2);
    for (let i = 0; i < MAX_TRACED_PODS; i++) store.record(decision(`p${i}`));
    expect(store.size()).toBe(MAX_TRACED_PODS);
    expect(store.get('a')).toBeUndefined();
    expect(store.get(`p${MAX_TRACED_PODS - 1}`)).toBeDefined();
  });

  it('formats one line per node', () => {
    expect(formatDecision(decision('x', 2))).toBe('default/x attempt 1: Scheduled → n0\n  n0: score 100 (NodeResourcesFit 90)\n  n1: score 99 (NodeResourcesFit 90)');
  });
});
