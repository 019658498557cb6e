import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework';
import { clusterOf, makeNode, makePod, runFilter, runScores } from '../testFixtures';
import { ERR_REASON_NODE_AFFINITY, matchesRequiredNodeAffinity, NodeAffinity } from './NodeAffinity';

const required = (...terms: unknown[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });

describe('NodeAffinity filter', () => {
  const webap = makeNode('minikube-m02', { labels: { server: 'webap' } });
  const plain = makeNode('minikube-m03');

  it('matches spec.nodeSelector exactly (the notes\' server: webap pod)', () => {
    const pod = makePod('nginx', { nodeSelector: { server: 'webap' } });
    expect(runFilter(NodeAffinity, pod, 'minikube-m02', [webap, plain])).toBeUndefined();
    expect(runFilter(NodeAffinity, pod, 'minikube-m03', [webap, plain])).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_AFFINITY] });
    expect(ERR_REASON_NODE_AFFINITY).toBe("node(s) didn't match Pod's node affinity/selector");
  });

  it('ORs terms and ANDs expressions, with all six operators', () => {
    const node = makeNode('n', { labels: { zone: 'a', disk: 'ssd', cores: '8' } });
    const ok = (affinity: unknown) => matchesRequiredNodeAffinity(makePod('p', { affinity }), node);
    expect(ok(required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }, { key: 'disk', operator: 'Exists' }] }))).toBe(true);
    expect(ok(required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }))).toBe(false);
    expect(ok(required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }, { matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['hdd'] }] }))).toBe(true);
    expect(ok(required({ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }))).toBe(true);
    expect(ok(required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }))).toBe(true);
    expect(ok(required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }))).toBe(false);
  });

  it('never matches with only empty terms, or with a malformed expression', () => {
    const node = makeNode('n', { labels: { zone: 'a' } });
    expect(matchesRequiredNodeAffinity(makePod('p', { affinity: required({}) }), node)).toBe(false);
    expect(matchesRequiredNodeAffinity(makePod('p', { affinity: required({ matchExpressions: [{ key: 'zone', operator: 'Gt', values: ['x'] }] }) }), node)).toBe(false);
  });

  it('needs both nodeSelector and required affinity', () => {
    const node = makeNode('n', { labels: { zone: 'a' } });
    const pod = makePod('p', { nodeSelector: { disk: 'ssd' }, affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }) });
    expect(matchesRequiredNodeAffinity(pod, node)).toBe(false);
  });

  it('narrows the node list to matchFields metadata.name (DaemonSet pods) in PreFilter', () => {
    const { h } = clusterOf([makeNode('n1'), makeNode('n2')]);
    const pod = makePod('ds', { affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }) });
    expect(NodeAffinity.preFilter!(h, new CycleState(), pod)?.nodeNames).toEqual(new Set(['n2']));
    const conflict = makePod('c', { affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }, { key: 'metadata.name', operator: 'In', values: ['n2'] }] }) });
    expect(NodeAffinity.preFilter!(h, new CycleState(), conflict)?.status).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['pod affinity terms conflict'] });
  });

  it('skips pods without node constraints', () => {
    const { h } = clusterOf([makeNode('n1')]);
    expect(NodeAffinity.preFilter!(h, new CycleState(), makePod('p'))?.status?.code).toBe('Skip');
  });
});

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms and normalises to 100', () => {
    const nodes = [makeNode('a', { labels: { zone: 'a', disk: 'ssd' } }), makeNode('b', { labels: { zone: 'b', disk: 'ssd' } }), makeNode('c')];
    const affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 80, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
          { weight: 20, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
        ],
      },
    };
    expect(runScores(NodeAffinity, makePod('p', { affinity }), ['a', 'b', 'c'], nodes)).toEqual({ a: 100, b: 20, c: 0 });
    expect(runScores(NodeAffinity, makePod('p'), ['a', 'b'], nodes)).toBeUndefined();
  });
});

describe('NodeAffinity queueing hint', () => {
  it('wakes a pod when a node gains the label it needs', () => {
    const pod = makePod('nginx', { nodeSelector: { server: 'webap' } });
    const old = makeNode('m02');
    const node = makeNode('m02', { labels: { server: 'webap' } });
    expect(NodeAffinity.isSchedulableAfter!(pod, { type: 'NodeUpdate', old, node, changes: new Set(['labels']) }, undefined as never)).toBe(true);
    expect(NodeAffinity.isSchedulableAfter!(pod, { type: 'NodeUpdate', old: node, node: old, changes: new Set(['labels']) }, undefined as never)).toBe(false);
  });
});
