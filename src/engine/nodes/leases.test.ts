import { describe, expect, it } from 'vitest';
import { NodeLeases, LEASE_RENEW_INTERVAL_MS } from './leases';
import { makeNode } from '../scheduler/testFixtures';
import { NODE_FAILURE_ANNOTATION } from '../api/node';
import type { Node, Typed } from '../api/types';

function failed(node: Typed<Node>): Typed<Node> {
  return { ...node, metadata: { ...node.metadata, annotations: { ...node.metadata.annotations, [NODE_FAILURE_ANNOTATION]: 'stopped' } } };
}

describe('NodeLeases', () => {
  it('renews every 10 s from the kubelet start while the machine is up', () => {
    const leases = new NodeLeases();
    const node = makeNode('n1');
    leases.sync(node, 0);
    expect(LEASE_RENEW_INTERVAL_MS).toBe(10_000);
    expect(leases.lastRenewMs('n1', 0)).toBe(0);
    expect(leases.lastRenewMs('n1', 9_999)).toBe(0);
    expect(leases.lastRenewMs('n1', 25_000)).toBe(20_000);
  });

  it('stops renewing when the machine fails and restarts the cycle when it recovers', () => {
    const leases = new NodeLeases();
    const node = makeNode('n1');
    leases.sync(node, 0);
    leases.sync(failed(node), 34_000);
    expect(leases.isDown('n1')).toBe(true);
    expect(leases.lastRenewMs('n1', 500_000)).toBe(30_000);
    leases.sync(node, 600_500);
    expect(leases.isDown('n1')).toBe(false);
    expect(leases.lastRenewMs('n1', 600_500)).toBe(600_500);
    expect(leases.lastRenewMs('n1', 615_000)).toBe(610_500);
    expect(leases.acquireMs('n1')).toBe(600_500);
  });

  it('has never renewed for a node created failed', () => {
    const leases = new NodeLeases();
    leases.sync(failed(makeNode('n1')), 5_000);
    expect(leases.lastRenewMs('n1', 100_000)).toBeUndefined();
  });
});
