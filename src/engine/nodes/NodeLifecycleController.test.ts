import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Node, NodeCondition, Typed } from '../api/types';
import { editObject, setNodeFailed } from '../scheduler/testFixtures';
import type { Cluster } from '../sim/Cluster';
import { NODE_CONTROLLER, NODE_MONITOR_GRACE_PERIOD_MS, NODE_MONITOR_PERIOD_MS } from './NodeLifecycleController';

const node = (c: Cluster, name: string) => c.sim.store.get<Node>('Node', undefined, name)!;
const condition = (n: Typed<Node>, type: string): NodeCondition => n.status!.conditions!.find((c) => c.type === type)!;
const taintKeys = (n: Typed<Node>) => (n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);

describe('NodeLifecycleController', () => {
  it('marks a silent node NotReady on the first monitor pass after the 50 s grace period', () => {
    expect([NODE_MONITOR_PERIOD_MS, NODE_MONITOR_GRACE_PERIOD_MS]).toEqual([5_000, 50_000]);
    const c = createCluster({ seed: 1 });
    c.advance(20_500);
    // The lease was last renewed at 20 s; 20 s + 50 s = 70 s is not yet "before" the pass at 70 s.
    setNodeFailed(c, 'node-1', true);
    c.advance(74_999 - c.now());
    expect(condition(node(c, 'node-1'), 'Ready').status).toBe('True');
    expect(taintKeys(node(c, 'node-1'))).toEqual([]);
    c.advance(1);
    const n = node(c, 'node-1');
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(condition(n, type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: '2026-01-01T00:01:15Z', lastHeartbeatTime: '2026-01-01T00:00:00Z' });
    }
    expect(taintKeys(n)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(n.spec!.taints!.every((t) => t.timeAdded === '2026-01-01T00:01:15Z')).toBe(true);
    const events = c.events().filter((e) => e.source.component === NODE_CONTROLLER && e.involvedObject.kind === 'Node');
    expect(events.map((e) => [e.type, e.reason, e.message])).toEqual([['Normal', 'NodeNotReady', 'Node node-1 status is now: NodeNotReady']]);
    expect(condition(node(c, 'node-2'), 'Ready').status).toBe('True');
  });

  it('does nothing when the machine comes back within the grace period', () => {
    const c = createCluster({ seed: 1 });
    setNodeFailed(c, 'node-1', true);
    c.advance(30_000);
    setNodeFailed(c, 'node-1', false);
    c.advance(120_000);
    expect(condition(node(c, 'node-1'), 'Ready').status).toBe('True');
    expect(c.events().filter((e) => e.reason === 'NodeNotReady')).toEqual([]);
  });

  it('removes its taints when the kubelet reports Ready again', () => {
    const c = createCluster({ seed: 1 });
    setNodeFailed(c, 'node-1', true);
    c.advance(120_000);
    expect(taintKeys(node(c, 'node-1'))).toHaveLength(2);
    c.advance(1_000);
    setNodeFailed(c, 'node-1', false);
    // The kubelet posts Ready at once; the NoSchedule taint follows the condition immediately,
    // the NoExecute one at the next 5 s monitor pass.
    expect(condition(node(c, 'node-1'), 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady', lastTransitionTime: '2026-01-01T00:02:01Z' });
    expect(taintKeys(node(c, 'node-1'))).toEqual(['node.kubernetes.io/unreachable:NoExecute']);
    c.advance(4_000);
    expect(taintKeys(node(c, 'node-1'))).toEqual([]);
    expect(c.events().filter((e) => e.involvedObject.name === 'node-1' && e.source.component === 'kubelet').map((e) => e.message)).toContain('Node node-1 status is now: NodeReady');
  });

  it('adds and removes the unschedulable taint with cordon', () => {
    const c = createCluster({ seed: 1 });
    editObject<Typed<Node>>(c, 'Node', 'node-2', (n) => (n.spec = { ...n.spec, unschedulable: true }));
    expect(node(c, 'node-2').spec!.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' }]);
    editObject<Typed<Node>>(c, 'Node', 'node-2', (n) => delete n.spec!.unschedulable);
    expect(node(c, 'node-2').spec!.taints).toBeUndefined();
  });

  it('taints failed nodes of one zone at most one every 10 s', () => {
    const c = createCluster({ seed: 1, nodes: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }, { name: 'e' }] });
    setNodeFailed(c, 'a', true);
    setNodeFailed(c, 'b', true);
    c.advance(55_000);
    const noExecute = (name: string) => node(c, name).spec?.taints?.find((t) => t.effect === 'NoExecute')?.timeAdded;
    expect(noExecute('a')).toBe('2026-01-01T00:00:55Z');
    expect(noExecute('b')).toBeUndefined();
    expect(condition(node(c, 'b'), 'Ready').status).toBe('Unknown');
    c.advance(10_000);
    expect(noExecute('b')).toBe('2026-01-01T00:01:05Z');
  });

  it('stops NoExecute tainting when every node is down (master disruption mode)', () => {
    const c = createCluster({ seed: 1, nodes: [{ name: 'a' }, { name: 'b' }] });
    setNodeFailed(c, 'a', true);
    setNodeFailed(c, 'b', true);
    c.advance(200_000);
    for (const name of ['a', 'b']) {
      expect(condition(node(c, name), 'Ready').status).toBe('Unknown');
      expect(taintKeys(node(c, name))).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    }
  });
});
