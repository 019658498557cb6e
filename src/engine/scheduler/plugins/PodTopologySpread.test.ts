import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runFilter, runScores } from '../testFixtures';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, PodTopologySpread } from './PodTopologySpread';

const spread = (maxSkew: number, topologyKey: string, whenUnsatisfiable = 'DoNotSchedule', extra: Record<string, unknown> = {}) => [
  { maxSkew, topologyKey, whenUnsatisfiable, labelSelector: { matchLabels: { app: 'web' } }, ...extra },
];
const zones = () => [makeNode('a1', { labels: { zone: 'a' } }), makeNode('a2', { labels: { zone: 'a' } }), makeNode('b1', { labels: { zone: 'b' } })];

describe('PodTopologySpread filter', () => {
  it('rejects a node whose domain would exceed maxSkew', () => {
    const objects = [...zones(), makePod('w1', { node: 'a1', labels: { app: 'web' } }), makePod('w2', { node: 'a2', labels: { app: 'web' } })];
    const pod = makePod('w3', { labels: { app: 'web' }, topologySpreadConstraints: spread(1, 'zone') });
    // zone a has 2, zone b has 0: a → 2+1-0 = 3 > 1; b → 0+1-0 = 1.
    expect(runFilter(PodTopologySpread, pod, 'a1', objects)).toEqual({ code: 'Unschedulable', reasons: [ERR_REASON_CONSTRAINTS_NOT_MATCH] });
    expect(runFilter(PodTopologySpread, pod, 'b1', objects)).toBeUndefined();
  });

  it('rejects nodes without the topology key as unresolvable', () => {
    const objects = [...zones(), makeNode('bare')];
    const pod = makePod('w', { labels: { app: 'web' }, topologySpreadConstraints: spread(1, 'zone') });
    expect(runFilter(PodTopologySpread, pod, 'bare', objects)).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_LABEL_NOT_MATCH] });
    expect(ERR_REASON_NODE_LABEL_NOT_MATCH).toBe("node(s) didn't match pod topology spread constraints (missing required label)");
  });

  it('does not count terminating pods, and counts minDomains', () => {
    const objects = [...zones(), makePod('w1', { node: 'b1', labels: { app: 'web' }, deleting: true })];
    const pod = makePod('w', { labels: { app: 'web' }, topologySpreadConstraints: spread(1, 'zone') });
    expect(runFilter(PodTopologySpread, pod, 'b1', objects)).toBeUndefined();
    const minDomains = makePod('w', { labels: { app: 'web' }, topologySpreadConstraints: spread(1, 'zone', 'DoNotSchedule', { minDomains: 3 }) });
    const one = [...zones(), makePod('w1', { node: 'b1', labels: { app: 'web' } })];
    // Only 2 domains exist, fewer than minDomains: the global minimum counts as 0, so zone b (1+1-0) is too skewed.
    expect(runFilter(PodTopologySpread, minDomains, 'b1', one)).toBeDefined();
  });

  it('skips pods without hard constraints', () => {
    expect(runFilter(PodTopologySpread, makePod('w', { labels: { app: 'web' }, topologySpreadConstraints: spread(1, 'zone', 'ScheduleAnyway') }), 'a1', zones())).toBeUndefined();
  });
});

describe('PodTopologySpread score', () => {
  it('spreads ReplicaSet replicas across hostnames by default (system default constraints)', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'rs-uid' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    const owner = { kind: 'ReplicaSet', name: 'web', uid: 'rs-uid' };
    const nodes = [makeNode('n1'), makeNode('n2'), makeNode('n3')];
    const objects = [rs, ...nodes, makePod('w1', { node: 'n1', labels: { app: 'web' }, owner }), makePod('w2', { node: 'n1', labels: { app: 'web' }, owner }), makePod('w3', { node: 'n2', labels: { app: 'web' }, owner })];
    const scores = runScores(PodTopologySpread, makePod('w4', { labels: { app: 'web' }, owner }), ['n1', 'n2', 'n3'], objects)!;
    expect(scores.n3).toBe(100);
    expect(scores.n3).toBeGreaterThan(scores.n2);
    expect(scores.n2).toBeGreaterThan(scores.n1);
  });
  it('skips bare pods', () => {
    expect(runScores(PodTopologySpread, makePod('p', { labels: { app: 'web' } }), ['n1'], [makeNode('n1')])).toBeUndefined();
  });
});
