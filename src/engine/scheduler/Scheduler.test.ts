import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Cluster } from '../sim/Cluster';
import type { Node, Pod, Typed } from '../api/types';
import { nodeAllocation } from '../nodes/allocation';
import { nodeObjectFor } from '../nodes/nodeConfig';
import { DEFAULT_SCHEDULER_NAME, type Scheduler } from './Scheduler';
import { MAX_TRACED_PODS } from './DecisionTrace';
import { editObject } from './testFixtures';

function pod(cluster: Cluster, name: string, namespace = 'default'): Typed<Pod> {
  const p = cluster.sim.store.get<Pod>('Pod', namespace, name);
  if (!p) throw new Error(`pod ${name} not found`);
  return p;
}

function scheduledCondition(p: Pod) {
  return p.status?.conditions?.find((c) => c.type === 'PodScheduled');
}

function schedulerEvents(cluster: Cluster, podName: string) {
  return cluster.events().filter((e) => e.involvedObject.name === podName && e.source.component === DEFAULT_SCHEDULER_NAME);
}

function applyOk(cluster: Cluster, yaml: string): void {
  const result = cluster.apply(yaml);
  expect(result.errors).toEqual([]);
}

const podYaml = (name: string, body: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${body}`;

describe('Scheduler: the notes\' nodeSelector example', () => {
  it('keeps nginx Pending until a node carries server=webap, then binds it there', () => {
    const cluster = createCluster({ seed: 3 });
    applyOk(cluster, podYaml('nginx', `  labels:
    env: stage
spec:
  containers:
  - name: nginx
    image: nginx
  nodeSelector:
    server: webap
`));
    cluster.advance(1000);
    const pending = pod(cluster, 'nginx');
    expect(pending.spec?.nodeName).toBeUndefined();
    const message = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(scheduledCondition(pending)).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    expect(schedulerEvents(cluster, 'nginx').map((e) => [e.type, e.reason, e.message])).toEqual([['Warning', 'FailedScheduling', message]]);

    // `kubectl label node node-2 server=webap`: the node change wakes the pod at once.
    editObject<Typed<Node>>(cluster, 'Node', 'node-2', (n) => (n.metadata.labels = { ...n.metadata.labels, server: 'webap' }));
    const bound = pod(cluster, 'nginx');
    expect(bound.spec?.nodeName).toBe('node-2');
    expect(scheduledCondition(bound)).toMatchObject({ status: 'True' });
    expect(scheduledCondition(bound)?.reason).toBeUndefined();
    expect(schedulerEvents(cluster, 'nginx').at(-1)).toMatchObject({ type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/nginx to node-2' });
  });

  it('binds straight away when the label is already there', () => {
    const cluster = createCluster({ seed: 1, nodes: [{ name: 'minikube' }, { name: 'minikube-m02', labels: { server: 'webap' } }, { name: 'minikube-m03' }] });
    applyOk(cluster, podYaml('nginx', `spec:
  containers:
  - name: nginx
    image: nginx
  nodeSelector:
    server: webap
`));
    expect(pod(cluster, 'nginx').spec?.nodeName).toBe('minikube-m02');
  });
});

describe('Scheduler: requests, not usage', () => {
  it('puts a 300Mi request only where it fits and the node\'s requested memory grows by exactly 300Mi', () => {
    const cluster = createCluster({ seed: 5, nodes: [{ name: 'small', memory: '256Mi' }, { name: 'big', memory: '2Gi' }, { name: 'busy', memory: '2Gi' }] });
    applyOk(cluster, podYaml('hog', `spec:
  nodeName: busy
  containers:
  - name: main
    image: busybox
    resources:
      requests:
        memory: 1800Mi
`));
    const before = nodeAllocation(cluster.sim.store, 'big')!;
    applyOk(cluster, podYaml('requests-pod', `spec:
  containers:
  - image: busybox
    command: ["dd", "if=/dev/zero", "of=/dev/null"]
    name: main
    resources:
      requests:
        cpu: 50m
        memory: 300Mi
`));
    expect(pod(cluster, 'requests-pod').spec?.nodeName).toBe('big');
    const after = nodeAllocation(cluster.sim.store, 'big')!;
    expect(after.memory.requestsValue - before.memory.requestsValue).toBe(300 * 1024 * 1024);
    expect(after.cpu.requestsValue - before.cpu.requestsValue).toBe(50);
    expect(after.memory.requests).toBe('300Mi');
    expect(after.cpu.requests).toBe('50m');
    const decision = (cluster.sim.controller<Scheduler>(DEFAULT_SCHEDULER_NAME)!).explain(pod(cluster, 'requests-pod').metadata.uid!)!;
    expect(decision.outcome).toBe('Scheduled');
    expect(decision.nodes.find((n) => n.node === 'small')?.rejectedBy).toMatchObject({ plugin: 'NodeResourcesFit', reasons: ['Insufficient memory'] });
    expect(decision.nodes.find((n) => n.node === 'busy')?.rejectedBy).toMatchObject({ plugin: 'NodeResourcesFit', reasons: ['Insufficient memory'] });
  });

  it('reports a pod too big for every node with the exact FailedScheduling text', () => {
    const cluster = createCluster({ seed: 1 });
    applyOk(cluster, podYaml('huge', `spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: "8"
        memory: 300Mi
`));
    cluster.advance(1000);
    const message = '0/3 nodes are available: 3 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    const p = pod(cluster, 'huge');
    expect(p.status?.phase).toBe('Pending');
    expect(scheduledCondition(p)).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
    expect(schedulerEvents(cluster, 'huge')).toMatchObject([{ type: 'Warning', reason: 'FailedScheduling', message, count: 1 }]);
  });

  it('retries an unschedulable pod every 5 minutes even when nothing changes, folding the events', () => {
    const cluster = createCluster({ seed: 1 });
    applyOk(cluster, podYaml('huge', `spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        memory: 64Gi
`));
    cluster.advance(299_000);
    expect(schedulerEvents(cluster, 'huge')[0].count).toBe(1);
    // Failed at t=0: flushed at the first 30 s tick more than 5 minutes later (330 s).
    cluster.advance(30_000);
    expect(schedulerEvents(cluster, 'huge')[0].count).toBe(1);
    cluster.advance(1_000);
    const [event] = schedulerEvents(cluster, 'huge');
    expect(event.count).toBe(2);
    expect(event.lastTimestampMs).toBe(330_000);
  });

  it('schedules a waiting pod when a deleted pod frees room, and when a node is added', () => {
    const cluster = createCluster({ seed: 2, nodes: [{ name: 'only', cpu: '1' }] });
    applyOk(cluster, podYaml('first', `spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 800m
`));
    applyOk(cluster, podYaml('second', `spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 800m
`));
    expect(pod(cluster, 'second').spec?.nodeName).toBeUndefined();
    expect(scheduledCondition(pod(cluster, 'second'))?.message).toBe('0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
    cluster.delete('Pod', 'first', 'default', { gracePeriodSeconds: 0 });
    expect(pod(cluster, 'second').spec?.nodeName).toBe('only');

    applyOk(cluster, podYaml('third', `spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 800m
`));
    expect(pod(cluster, 'third').spec?.nodeName).toBeUndefined();
    cluster.sim.write({ type: 'create', object: nodeObjectFor(cluster.sim.store, { name: 'extra', cpu: '2' }, cluster.now()) }, 'test');
    cluster.sim.drain();
    expect(pod(cluster, 'third').spec?.nodeName).toBe('extra');
  });
});

describe('Scheduler: taints and tolerations', () => {
  it('needs a toleration for a NoSchedule taint, and reports cordoned nodes', () => {
    const cluster = createCluster({ seed: 4 });
    editObject<Typed<Node>>(cluster, 'Node', 'node-1', (n) => (n.spec = { ...n.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }));
    editObject<Typed<Node>>(cluster, 'Node', 'node-2', (n) => (n.spec = { ...n.spec, unschedulable: true }));
    editObject<Typed<Node>>(cluster, 'Node', 'node-3', (n) => (n.spec = { ...n.spec, unschedulable: true }));
    applyOk(cluster, podYaml('plain', `spec:
  containers:
  - name: main
    image: nginx
`));
    applyOk(cluster, podYaml('tolerant', `spec:
  tolerations:
  - key: dedicated
    operator: Equal
    value: db
    effect: NoSchedule
  containers:
  - name: main
    image: nginx
`));
    expect(scheduledCondition(pod(cluster, 'plain'))?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(pod(cluster, 'tolerant').spec?.nodeName).toBe('node-1');
    // Removing the taint wakes the plain pod.
    editObject<Typed<Node>>(cluster, 'Node', 'node-1', (n) => delete n.spec!.taints);
    expect(pod(cluster, 'plain').spec?.nodeName).toBe('node-1');
  });

  it('prefers nodes without PreferNoSchedule taints', () => {
    const cluster = createCluster({ seed: 9, nodes: [{ name: 'soft-1', taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }, { name: 'clean' }, { name: 'soft-2', taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }] });
    applyOk(cluster, podYaml('p', `spec:
  containers:
  - name: main
    image: nginx
`));
    expect(pod(cluster, 'p').spec?.nodeName).toBe('clean');
  });
});

describe('Scheduler: inter-pod anti-affinity', () => {
  const antiPod = (name: string) =>
    podYaml(name, `  labels:
    app: web
spec:
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector:
          matchLabels:
            app: web
        topologyKey: kubernetes.io/hostname
  containers:
  - name: web
    image: nginx
`);

  it('spreads three replicas over three nodes and leaves the fourth Pending', () => {
    const cluster = createCluster({ seed: 11 });
    applyOk(cluster, [antiPod('web-1'), antiPod('web-2'), antiPod('web-3'), antiPod('web-4')].join('---\n'));
    cluster.advance(1000);
    const nodes = ['web-1', 'web-2', 'web-3'].map((n) => pod(cluster, n).spec?.nodeName);
    expect(new Set(nodes)).toEqual(new Set(['node-1', 'node-2', 'node-3']));
    expect(pod(cluster, 'web-4').spec?.nodeName).toBeUndefined();
    expect(scheduledCondition(pod(cluster, 'web-4'))?.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });

  it('does the same for a ReplicaSet created in one batch', () => {
    const cluster = createCluster({ seed: 12 });
    applyOk(cluster, `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                app: web
            topologyKey: kubernetes.io/hostname
      containers:
      - name: web
        image: nginx
`);
    cluster.advance(2000);
    const pods = cluster.sim.store.list<Pod>('Pod').filter((p) => p.metadata.labels?.app === 'web');
    expect(pods).toHaveLength(4);
    const bound = pods.filter((p) => p.spec?.nodeName);
    expect(new Set(bound.map((p) => p.spec!.nodeName))).toEqual(new Set(['node-1', 'node-2', 'node-3']));
    expect(bound).toHaveLength(3);
  });
});

describe('Scheduler: spreading and tie-breaks', () => {
  it('spreads identical pods of a ReplicaSet over the nodes', () => {
    const cluster = createCluster({ seed: 21 });
    applyOk(cluster, `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: echo-rs
spec:
  replicas: 6
  selector:
    matchLabels:
      app: echo
  template:
    metadata:
      labels:
        app: echo
    spec:
      containers:
      - name: echo
        image: ghcr.io/subicura/echo:v1
`);
    cluster.advance(5000);
    const counts = new Map<string, number>();
    for (const p of cluster.sim.store.list<Pod>('Pod')) counts.set(p.spec!.nodeName!, (counts.get(p.spec!.nodeName!) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([2, 2, 2]);
  });

  it('breaks ties with the seeded RNG: the same seed gives the same node, and the trace lists the tie', () => {
    const place = (seed: number) => {
      const cluster = createCluster({ seed });
      applyOk(cluster, podYaml('p', `spec:
  containers:
  - name: main
    image: nginx
`));
      const p = pod(cluster, 'p');
      const trace = cluster.sim.controller<Scheduler>(DEFAULT_SCHEDULER_NAME)!.explain(p.metadata.uid!)!;
      return { node: p.spec!.nodeName!, tied: trace.tiedNodes };
    };
    expect(place(7)).toEqual(place(7));
    expect(place(7).tied).toEqual(['node-1', 'node-2', 'node-3']);
    const chosen = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => place(s).node));
    expect(chosen.size).toBeGreaterThan(1);
  });
});

describe('Scheduler: what it does not touch', () => {
  it('leaves pods with spec.nodeName or another schedulerName alone', () => {
    const cluster = createCluster({ seed: 1 });
    applyOk(cluster, podYaml('pinned', `spec:
  nodeName: node-3
  containers:
  - name: main
    image: nginx
`));
    applyOk(cluster, podYaml('custom', `spec:
  schedulerName: my-scheduler
  containers:
  - name: main
    image: nginx
`));
    cluster.advance(1000);
    expect(schedulerEvents(cluster, 'pinned')).toEqual([]);
    expect(cluster.sim.controller<Scheduler>(DEFAULT_SCHEDULER_NAME)!.explain(pod(cluster, 'pinned').metadata.uid!)).toBeUndefined();
    expect(pod(cluster, 'custom').spec?.nodeName).toBeUndefined();
    expect(schedulerEvents(cluster, 'custom')).toEqual([]);
  });
});

describe('Scheduler: DaemonSet-style pinned pods', () => {
  it('reports the other nodes as not satisfying NodeAffinity', () => {
    const cluster = createCluster({ seed: 1, nodes: [{ name: 'n1', cpu: '1' }, { name: 'n2' }, { name: 'n3' }] });
    applyOk(cluster, podYaml('hog', `spec:
  nodeName: n1
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 900m
`));
    applyOk(cluster, podYaml('agent', `spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchFields:
          - key: metadata.name
            operator: In
            values: [n1]
  containers:
  - name: agent
    image: fluentd
    resources:
      requests:
        cpu: 200m
`));
    expect(scheduledCondition(pod(cluster, 'agent'))?.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });
});

describe('Scheduler: priority and preemption', () => {
  const filler = (name: string, node: string, priority: number) =>
    podYaml(name, `spec:
  nodeName: ${node}
  priority: ${priority}
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 700m
`);

  it('evicts lower-priority pods, nominates the node, and binds there once the victims are gone', () => {
    const cluster = createCluster({ seed: 1, nodes: [{ name: 'n1', cpu: '1' }, { name: 'n2', cpu: '1' }] });
    applyOk(cluster, [filler('low', 'n1', 10), filler('mid', 'n2', 500)].join('---\n'));
    cluster.advance(60_000);
    applyOk(cluster, podYaml('vip', `spec:
  priority: 1000
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 500m
`));
    const vip = pod(cluster, 'vip');
    expect(vip.spec?.nodeName).toBeUndefined();
    expect(vip.status?.nominatedNodeName).toBe('n1');
    // Preemption succeeded, so the message has no PostFilter part.
    expect(scheduledCondition(vip)?.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
    const low = pod(cluster, 'low');
    expect(low.metadata.deletionTimestamp).toBeDefined();
    expect(low.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' });
    expect(cluster.events().find((e) => e.involvedObject.name === 'low' && e.reason === 'Preempted')?.message).toBe(`Preempted by pod ${vip.metadata.uid} on node n1`);
    expect(pod(cluster, 'mid').metadata.deletionTimestamp).toBeUndefined();

    // The victim terminates (30 s grace at most): the preemptor goes to its nominated node.
    cluster.advance(31_000);
    expect(cluster.sim.store.get('Pod', 'default', 'low')).toBeUndefined();
    const bound = pod(cluster, 'vip');
    expect(bound.spec?.nodeName).toBe('n1');
    expect(bound.status?.nominatedNodeName).toBeUndefined();
  });

  it('schedules the higher-priority pod first when both are waiting', () => {
    const cluster = createCluster({ seed: 1, nodes: [{ name: 'n1', cpu: '1' }] });
    applyOk(cluster, [
      podYaml('low', `spec:
  priority: 1
  preemptionPolicy: Never
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 600m
`),
      podYaml('high', `spec:
  priority: 100
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 600m
`),
    ].join('---\n'));
    expect(pod(cluster, 'high').spec?.nodeName).toBe('n1');
    expect(pod(cluster, 'low').spec?.nodeName).toBeUndefined();
    expect(scheduledCondition(pod(cluster, 'low'))?.message).toBe('0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.');
  });
});

describe('Scheduler: explain()', () => {
  it('records, for a Pending pod, what each filter said about each node', () => {
    const cluster = createCluster({ seed: 1, nodes: [{ name: 'a', labels: { disk: 'ssd' }, memory: '1Gi' }, { name: 'b' }, { name: 'c', taints: [{ key: 'x', effect: 'NoSchedule' }] }] });
    applyOk(cluster, podYaml('p', `spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        memory: 2Gi
`));
    const trace = cluster.sim.controller<Scheduler>(DEFAULT_SCHEDULER_NAME)!.explain(pod(cluster, 'p').metadata.uid!)!;
    expect(trace.outcome).toBe('Unschedulable');
    expect(trace.filterOrder.slice(0, 4)).toEqual(['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity']);
    const byNode = Object.fromEntries(trace.nodes.map((n) => [n.node, n.rejectedBy]));
    expect(byNode.a).toMatchObject({ plugin: 'NodeResourcesFit', reasons: ['Insufficient memory'] });
    expect(byNode.b).toMatchObject({ plugin: 'NodeAffinity' });
    expect(byNode.c).toMatchObject({ plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint(s)'] });
    expect(trace.reasonCounts).toEqual({ 'Insufficient memory': 1, "node(s) didn't match Pod's node affinity/selector": 1, 'node(s) had untolerated taint(s)': 1 });
    expect(trace.message).toBe(scheduledCondition(pod(cluster, 'p'))?.message);
  });

  it('records every node\'s weighted scores for a scheduled pod', () => {
    const cluster = createCluster({ seed: 1 });
    applyOk(cluster, podYaml('busy', `spec:
  nodeName: node-1
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: "2"
        memory: 4Gi
`));
    applyOk(cluster, podYaml('p', `spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: 500m
        memory: 512Mi
`));
    const p = pod(cluster, 'p');
    const trace = cluster.sim.controller<Scheduler>(DEFAULT_SCHEDULER_NAME)!.explain(p.metadata.uid!)!;
    expect(trace.nodeName).toBe(p.spec?.nodeName);
    expect(p.spec?.nodeName).not.toBe('node-1');
    const scored = trace.nodes.filter((n) => n.totalScore !== undefined);
    expect(scored).toHaveLength(3);
    for (const n of scored) expect(n.totalScore).toBe(n.scores!.reduce((s, x) => s + x.weighted, 0));
    const fit = (node: string) => scored.find((n) => n.node === node)!.scores!.find((s) => s.plugin === 'NodeResourcesFit')!;
    expect(fit('node-1').normalized).toBeLessThan(fit('node-2').normalized);
    const best = Math.max(...scored.map((n) => n.totalScore!));
    expect(scored.find((n) => n.node === p.spec?.nodeName)!.totalScore).toBe(best);
  });

  it('keeps a Pending pod\'s decision however many pods are scheduled after it, and unpins it once the pod is gone', () => {
    const cluster = createCluster({ seed: 1 });
    const scheduler = cluster.sim.controller<Scheduler>(DEFAULT_SCHEDULER_NAME)!;
    applyOk(cluster, podYaml('stuck', `spec:
  containers:
  - name: main
    image: nginx
    resources:
      requests:
        cpu: "64"
`));
    const uid = pod(cluster, 'stuck').metadata.uid!;
    // Decisions of scheduled pods beyond the bound (recorded straight into the store: binding 5,000 real pods is slow).
    const scheduled = scheduler.explain(uid)!;
    for (let i = 0; i < MAX_TRACED_PODS + 10; i++) scheduler.traces.record({ ...scheduled, podUid: `other-${i}`, outcome: 'Scheduled' });
    expect(scheduler.explain(uid)?.outcome).toBe('Unschedulable');
    expect(scheduler.traces.pinnedCount()).toBe(1);
    cluster.kubectl('delete pod stuck');
    cluster.advance(1_000);
    expect(scheduler.traces.pinnedCount()).toBe(0);
  });
});
