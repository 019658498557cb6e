import { describe, expect, it } from 'vitest';
import { clusterOf, makeNode } from '../scheduler/testFixtures';
import { nodeFailureCommand, nodeObjectFor } from './nodeConfig';

describe('nodeObjectFor', () => {
  it('numbers a new node after the existing ones', () => {
    const { store } = clusterOf([makeNode('node-1', {}, 0), makeNode('node-2', {}, 1)]);
    const node = nodeObjectFor(store, { name: 'node-4', cpu: '8', memory: '16Gi', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }, 60_000);
    expect(node.spec?.podCIDR).toBe('10.244.2.0/24');
    expect(node.status?.allocatable).toMatchObject({ cpu: '8', memory: '16Gi', pods: '110' });
    expect(node.metadata.labels).toMatchObject({ disk: 'ssd', 'kubernetes.io/hostname': 'node-4' });
    expect(node.spec?.taints).toEqual([{ key: 'gpu', effect: 'NoSchedule' }]);
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', lastHeartbeatTime: '2026-01-01T00:01:00Z' });
  });
});

describe('nodeFailureCommand', () => {
  it('is the kubectl annotate line that fails or recovers a node', () => {
    expect(nodeFailureCommand('node-1', true)).toBe('kubectl annotate node node-1 podlab.dev/failure=stopped');
    expect(nodeFailureCommand('node-1', false)).toBe('kubectl annotate node node-1 podlab.dev/failure-');
  });
});
