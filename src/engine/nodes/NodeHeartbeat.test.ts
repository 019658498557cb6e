import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Node, NodeCondition, Typed } from '../api/types';
import { setNodeFailed } from '../scheduler/testFixtures';
import { NODE_HEARTBEAT, NODE_STATUS_REPORT_FREQUENCY_MS, type NodeHeartbeat } from './NodeHeartbeat';
import type { Cluster } from '../sim/Cluster';

const node = (c: Cluster, name: string) => c.sim.store.get<Node>('Node', undefined, name)!;
const ready = (n: Typed<Node>): NodeCondition => n.status!.conditions!.find((c) => c.type === 'Ready')!;

describe('NodeHeartbeat (kubelet node status)', () => {
  it('re-posts the status every 5 minutes, moving lastHeartbeatTime only', () => {
    const c = createCluster({ seed: 1 });
    expect(NODE_STATUS_REPORT_FREQUENCY_MS).toBe(300_000);
    c.advance(299_999);
    expect(ready(node(c, 'node-1')).lastHeartbeatTime).toBe('2026-01-01T00:00:00Z');
    c.advance(1);
    expect(ready(node(c, 'node-1'))).toMatchObject({ status: 'True', lastHeartbeatTime: '2026-01-01T00:05:00Z', lastTransitionTime: '2026-01-01T00:00:00Z' });
    expect(node(c, 'node-1').status!.conditions!.map((x) => x.lastHeartbeatTime)).toEqual(Array(4).fill('2026-01-01T00:05:00Z'));
  });

  it('posts nothing for a failed machine and exposes the lease renew time', () => {
    const c = createCluster({ seed: 1 });
    c.advance(12_000);
    setNodeFailed(c, 'node-1', true);
    c.advance(600_000);
    expect(ready(node(c, 'node-1')).lastHeartbeatTime).toBe('2026-01-01T00:00:00Z');
    const hb = c.sim.controller<NodeHeartbeat>(NODE_HEARTBEAT)!;
    expect(hb.leases.lastRenewMs('node-1', c.now())).toBe(10_000);
    expect(hb.leases.lastRenewMs('node-2', c.now())).toBe(610_000);
  });

  it('registers a Node applied without status', () => {
    const c = createCluster({ seed: 1 });
    expect(c.apply('apiVersion: v1\nkind: Node\nmetadata:\n  name: node-9\n  labels:\n    kubernetes.io/hostname: node-9\n').errors).toEqual([]);
    const n = node(c, 'node-9');
    expect(n.status?.capacity).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(n.status?.nodeInfo?.kubeletVersion).toMatch(/^v1\.35\./);
    expect(ready(n)).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(c.events().filter((e) => e.involvedObject.name === 'node-9').map((e) => e.reason)).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
  });
});
