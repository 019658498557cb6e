import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Node, Pod, Typed } from '../api/types';
import { editObject, setNodeFailed } from '../scheduler/testFixtures';
import type { Cluster } from '../sim/Cluster';
import { GC_CHECK_PERIOD_MS, QUARANTINE_MS } from './PodGCController';

const pod = (c: Cluster, name: string) => c.sim.store.get<Pod>('Pod', 'default', name);

function runPod(c: Cluster, name: string, node: string): void {
  expect(c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  containers:
  - name: main
    image: nginx
`).errors).toEqual([]);
}

describe('PodGCController', () => {
  it('force-deletes the pods of a deleted node once it has been gone for the quarantine', () => {
    expect([GC_CHECK_PERIOD_MS, QUARANTINE_MS]).toEqual([20_000, 40_000]);
    const c = createCluster({ seed: 1 });
    runPod(c, 'orphan-to-be', 'node-1');
    c.advance(5_000);
    const seen: string[] = [];
    c.sim.watch((ch) => {
      if (ch.object.metadata.name === 'orphan-to-be') seen.push(`${c.now() / 1000}s ${ch.type} ${(ch.object as Pod).status?.phase}`);
    });
    c.delete('Node', 'node-1');
    // Seen missing at the 20 s pass, collected at the 60 s pass.
    c.advance(54_999);
    expect(pod(c, 'orphan-to-be')).toBeDefined();
    c.advance(1);
    expect(pod(c, 'orphan-to-be')).toBeUndefined();
    expect(seen).toEqual(['60s modified Failed', '60s deleted Failed']);
  });

  it('collects a pod bound to a node that never existed', () => {
    const c = createCluster({ seed: 1 });
    runPod(c, 'lost', 'no-such-node');
    c.advance(39_999);
    expect(pod(c, 'lost')?.status?.phase).toBe('Pending');
    c.advance(1);
    expect(pod(c, 'lost')).toBeUndefined();
  });

  it('force-deletes terminating pods on a NotReady node tainted out-of-service', () => {
    const c = createCluster({ seed: 1 });
    runPod(c, 'stuck', 'node-1');
    c.advance(10_000);
    setNodeFailed(c, 'node-1', true);
    c.advance(100_000);
    c.delete('Pod', 'stuck');
    c.advance(60_000);
    expect(pod(c, 'stuck')?.metadata.deletionTimestamp).toBeDefined();
    editObject<Typed<Node>>(c, 'Node', 'node-1', (n) => (n.spec = { ...n.spec, taints: [...(n.spec?.taints ?? []), { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }] }));
    c.advance(20_000);
    expect(pod(c, 'stuck')).toBeUndefined();
  });
});
