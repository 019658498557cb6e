import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Node, Pod, Taint, Typed } from '../api/types';
import { editObject } from '../scheduler/testFixtures';
import type { Cluster } from '../sim/Cluster';
import { minTolerationMs, TAINT_EVICTION_CONTROLLER, type TaintEvictionController } from './TaintEvictionController';

const pod = (c: Cluster, name: string) => c.sim.store.get<Pod>('Pod', 'default', name);
const taint = (c: Cluster, node: string, taints: Taint[] | undefined) =>
  editObject<Typed<Node>>(c, 'Node', node, (n) => {
    n.spec = { ...n.spec, taints };
    if (!taints) delete n.spec.taints;
  });
const evictionEvents = (c: Cluster) => c.events().filter((e) => e.source.component === TAINT_EVICTION_CONTROLLER).map((e) => `${e.lastTimestampMs / 1000}s ${e.message}`);

function runPod(c: Cluster, name: string, tolerations = ''): void {
  const result = c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: node-1
${tolerations}  containers:
  - name: main
    image: nginx
`);
  expect(result.errors).toEqual([]);
}

describe('minTolerationMs', () => {
  it('takes the smallest tolerationSeconds, 0 for non-positive, -1 when none is set', () => {
    expect(minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }])).toBe(60_000);
    expect(minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: -5 }])).toBe(0);
    expect(minTolerationMs([{ key: 'k', operator: 'Exists' }])).toBe(-1);
    expect(minTolerationMs([])).toBe(0);
  });
});

describe('TaintEvictionController', () => {
  it('deletes untolerating pods at once and tolerating ones after tolerationSeconds', () => {
    const c = createCluster({ seed: 1 });
    runPod(c, 'plain');
    runPod(c, 'patient', `  tolerations:
  - key: maintenance
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 60
`);
    runPod(c, 'forever', `  tolerations:
  - key: maintenance
    operator: Exists
    effect: NoExecute
`);
    c.advance(60_000);
    expect(pod(c, 'plain')?.status?.phase).toBe('Running');
    taint(c, 'node-1', [{ key: 'maintenance', effect: 'NoExecute' }]);
    // A graceful delete: the kubelet has 30 s.
    expect(pod(c, 'plain')?.metadata.deletionTimestamp).toBe('2026-01-01T00:01:30Z');
    expect(pod(c, 'plain')?.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(c.sim.controller<TaintEvictionController>(TAINT_EVICTION_CONTROLLER)!.pendingEvictions().get('default/patient')).toBe(120_000);
    c.advance(59_999);
    expect(pod(c, 'patient')?.metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    expect(pod(c, 'patient')?.metadata.deletionTimestamp).toBeDefined();
    c.advance(100_000);
    expect(pod(c, 'forever')?.metadata.deletionTimestamp).toBeUndefined();
    expect(evictionEvents(c)).toEqual(['60s Marking for deletion Pod default/plain', '120s Marking for deletion Pod default/patient']);
  });

  it('cancels a pending eviction when the taint goes away', () => {
    const c = createCluster({ seed: 1 });
    runPod(c, 'patient', `  tolerations:
  - key: maintenance
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 60
`);
    taint(c, 'node-1', [{ key: 'maintenance', effect: 'NoExecute' }]);
    c.advance(30_000);
    taint(c, 'node-1', undefined);
    c.advance(60_000);
    expect(pod(c, 'patient')?.metadata.deletionTimestamp).toBeUndefined();
    expect(evictionEvents(c)).toEqual(['30s Cancelling deletion of Pod default/patient']);
  });

  it('ignores NoSchedule taints', () => {
    const c = createCluster({ seed: 1 });
    runPod(c, 'plain');
    taint(c, 'node-1', [{ key: 'maintenance', effect: 'NoSchedule' }]);
    c.advance(10_000);
    expect(pod(c, 'plain')?.metadata.deletionTimestamp).toBeUndefined();
  });
});
