import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DecisionTraceStore, formatDecision, MAX_PINNED_TRACED_PODS, MAX_TRACED_NODE_ENTRIES, MAX_TRACED_PODS, type SchedulingDecision } from './DecisionTrace';

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

describe('DecisionTraceStore packing', () => {
  it('gives back exactly what was recorded: scored, rejected and plain entries, in order', () => {
    const store = new DecisionTraceStore();
    const scores = (raw: number) => [
      { plugin: 'NodeResourcesFit', raw, normalized: raw / 3, weight: 1, weighted: raw / 3 },
      { plugin: 'PodTopologySpread', raw: 0.1 + raw, normalized: 7, weight: 2, weighted: 14 },
    ];
    const nodes = [
      { node: 'a', feasible: true, scores: scores(10), totalScore: 10 / 3 + 14 },
      { node: 'b', feasible: true, scores: scores(20), totalScore: 20 / 3 + 14 },
      { node: 'c', feasible: false, rejectedBy: { plugin: 'NodeResourcesFit', code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] } },
      { node: 'd', feasible: true },
      // Not rebuildable from packed numbers: kept as is.
      { node: 'e', feasible: true, scores: [{ plugin: 'NodeResourcesFit', raw: 1, normalized: 2, weight: 1, weighted: 5 }], totalScore: 5 },
    ];
    const recorded = { ...decision('x'), nodes };
    store.record(recorded);
    const back = store.get('x')!;
    expect(back).toEqual(recorded);
    expect(JSON.stringify(back)).toBe(JSON.stringify(recorded));
  });

  it('counts packed entries against the node-entry bound', () => {
    const store = new DecisionTraceStore();
    const perDecision = 1_000;
    for (let i = 0; i < MAX_TRACED_NODE_ENTRIES / perDecision + 5; i++) store.record(decision(`p${i}`, perDecision));
    expect(store.size()).toBe(MAX_TRACED_NODE_ENTRIES / perDecision);
    expect(store.get('p0')).toBeUndefined();
  });
});

describe('DecisionTraceStore pinning', () => {
  const waiting = (uid: string): SchedulingDecision => ({ ...decision(uid, 3), outcome: 'Unschedulable', nodeName: undefined, message: '0/3 nodes are available: 3 Insufficient cpu.' });

  it('keeps the decisions of waiting pods however many pods are scheduled meanwhile', () => {
    const store = new DecisionTraceStore();
    store.record(waiting('stuck'));
    for (let i = 0; i < 2 * MAX_TRACED_PODS; i++) store.record(decision(`p${i}`));
    expect(store.get('stuck')?.outcome).toBe('Unschedulable');
    expect(store.size()).toBe(MAX_TRACED_PODS + 1);
    expect(store.pinnedCount()).toBe(1);
  });

  it('unpins a decision when the pod is scheduled or released, and bounds pinned decisions too', () => {
    const store = new DecisionTraceStore();
    store.record(waiting('a'));
    store.record(waiting('b'));
    store.record(decision('a'));
    store.release('b');
    expect(store.pinnedCount()).toBe(0);
    expect(store.get('b')?.outcome).toBe('Unschedulable');
    for (let i = 0; i < MAX_TRACED_PODS; i++) store.record(decision(`p${i}`));
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeUndefined();
    for (let i = 0; i < MAX_PINNED_TRACED_PODS + 10; i++) store.record(waiting(`w${i}`));
    expect(store.pinnedCount()).toBe(MAX_PINNED_TRACED_PODS);
    expect(store.get('w0')).toBeUndefined();
  });

  it('always answers with the last decision recorded for a pod, whichever tier holds it', () => {
    const op = fc.record({ uid: fc.integer({ min: 0, max: 5 }), kind: fc.constantFrom('scheduled', 'waiting', 'release'), attempt: fc.integer({ min: 1, max: 9 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const store = new DecisionTraceStore();
        const last = new Map<string, SchedulingDecision>();
        for (const o of ops) {
          const uid = `u${o.uid}`;
          if (o.kind === 'release') store.release(uid);
          else {
            const d = { ...(o.kind === 'scheduled' ? decision(uid) : waiting(uid)), attempt: o.attempt };
            store.record(d);
            last.set(uid, d);
          }
        }
        for (const [uid, d] of last) expect(store.get(uid)).toEqual(d);
        expect(store.size()).toBe(last.size);
      }),
    );
  });
});
