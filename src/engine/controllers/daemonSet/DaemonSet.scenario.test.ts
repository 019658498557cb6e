import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { DaemonSet, Pod } from '../../api/types';
import type { Cluster } from '../../sim/Cluster';

// The notes' DaemonSet examples (ssd-monitor with nodeSelector, a DaemonSet next to a ReplicaSet).

const SSD_MONITOR = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector:
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: main
        image: luksa/ssd-monitor
`;

const MY_DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: my-daemonset
spec:
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: my-container
        image: nginx
        command: ["sleep", "3600"]
`;

const MY_REPLICASET = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: my-replicaset
spec:
  replicas: 3
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: my-container
        image: nginx
`;

const nodeLabel = (name: string, labels: Record<string, string>) => `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
${Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`).join('\n')}
`;

const live = (c: Cluster) => c.sim.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
const ownedBy = (c: Cluster, kind: string, name: string) => live(c).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.kind === kind && r.name === name));

function applyOk(c: Cluster, text: string): void {
  expect(c.apply(text).errors).toEqual([]);
}

describe('DaemonSet scenarios', () => {
  it('follows the disk=ssd label as it is added, overwritten and as nodes join', () => {
    const c = createCluster({ seed: 31 });
    applyOk(c, SSD_MONITOR);
    c.advance(1_000);
    expect(live(c)).toHaveLength(0);
    expect(c.sim.store.get<DaemonSet>('DaemonSet', 'default', 'ssd-monitor')!.status).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0 });

    applyOk(c, nodeLabel('node-1', { disk: 'ssd' }));
    c.advance(1_000);
    const [pod] = live(c);
    expect(live(c)).toHaveLength(1);
    expect(pod.metadata.name).toMatch(/^ssd-monitor-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec!.nodeName).toBe('node-1');
    expect(c.sim.store.get<DaemonSet>('DaemonSet', 'default', 'ssd-monitor')!.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0 });

    applyOk(c, nodeLabel('node-1', { disk: 'hdd' }));
    c.advance(1_000);
    expect(live(c)).toHaveLength(0);
    expect(c.events().some((e) => e.reason === 'SuccessfulDelete' && e.message === `Deleted pod: ${pod.metadata.name}`)).toBe(true);

    applyOk(c, `apiVersion: v1
kind: Node
metadata:
  name: node-4
  labels:
    kubernetes.io/hostname: node-4
    disk: ssd
status:
  conditions:
  - type: Ready
    status: "True"
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
`);
    c.advance(1_000);
    expect(live(c).map((p) => p.spec!.nodeName ?? p.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0].matchFields![0].values![0])).toEqual(['node-4']);
  });

  it('runs one pod per node next to a ReplicaSet with the same selector; neither takes the other\'s pods', () => {
    const c = createCluster({ seed: 32 });
    applyOk(c, MY_REPLICASET);
    c.advance(60_000);
    applyOk(c, MY_DAEMONSET);
    c.advance(5_000);
    expect(ownedBy(c, 'ReplicaSet', 'my-replicaset')).toHaveLength(3);
    const daemonPods = ownedBy(c, 'DaemonSet', 'my-daemonset');
    expect(daemonPods).toHaveLength(3);
    expect(daemonPods.map((p) => p.spec!.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(c.events().some((e) => e.reason === 'SuccessfulDelete')).toBe(false);
  });

  it('orphans a relabelled daemon pod, replaces it, and leaves it behind when the DaemonSet is deleted', () => {
    const c = createCluster({ seed: 33, nodes: [{ name: 'minikube' }] });
    applyOk(c, MY_DAEMONSET);
    c.advance(5_000);
    const [original] = live(c);
    expect(c.kubectl(`label pod ${original.metadata.name} app=no-app --overwrite`).stdout).toBe(`pod/${original.metadata.name} labeled\n`);
    const relabelled = c.sim.store.get<Pod>('Pod', 'default', original.metadata.name)!;
    expect(relabelled.metadata.ownerReferences).toBeUndefined();
    const replacement = ownedBy(c, 'DaemonSet', 'my-daemonset');
    expect(replacement).toHaveLength(1);
    expect(replacement[0].metadata.name).not.toBe(original.metadata.name);

    expect(c.kubectl('delete ds my-daemonset').exitCode).toBe(0);
    expect(c.sim.store.get<Pod>('Pod', 'default', original.metadata.name)!.metadata.deletionTimestamp).toBeUndefined();
    const gone = c.sim.store.get<Pod>('Pod', 'default', replacement[0].metadata.name);
    expect(gone === undefined || gone.metadata.deletionTimestamp !== undefined).toBe(true);
  });
});


