import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Node, Pod, Typed } from '../api/types';
import { setNodeFailed } from '../scheduler/testFixtures';
import type { Cluster } from '../sim/Cluster';
import { planDrain } from './drain';

/**
 * Scenario: a machine fails. NotReady after the grace period, taints, evictions after the 300 s
 * tolerations, replacements elsewhere; DaemonSet pods stay, bare pods are simply lost.
 */

const WORKLOADS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: echo-rs
spec:
  replicas: 3
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
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: fluentd
---
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  nodeName: node-1
  containers:
  - name: main
    image: nginx
`;

const pods = (c: Cluster, app?: string) => c.sim.store.list<Pod>('Pod').filter((p) => !app || p.metadata.labels?.app === app);
const onNode = (c: Cluster, node: string, app?: string) => pods(c, app).filter((p) => p.spec?.nodeName === node);
const readyOf = (n: Typed<Node>) => n.status?.conditions?.find((x) => x.type === 'Ready')?.status;

describe('node failure → eviction → replacement', () => {
  it('follows the real timings and moves only what a controller can replace', () => {
    const c = createCluster({ seed: 42 });
    expect(c.apply(WORKLOADS).errors).toEqual([]);
    c.advance(60_000);
    expect(pods(c, 'echo')).toHaveLength(3);
    expect(pods(c, 'echo').every((p) => p.status?.phase === 'Running')).toBe(true);
    // One echo replica per node (spreading), one agent per node.
    expect(onNode(c, 'node-1', 'echo')).toHaveLength(1);
    expect(onNode(c, 'node-1', 'agent')).toHaveLength(1);
    const victim = onNode(c, 'node-1', 'echo')[0].metadata.name;
    const agentOnNode1 = onNode(c, 'node-1', 'agent')[0].metadata.name;

    c.advance(5_000); // t = 65 s: the lease was last renewed at 60 s
    setNodeFailed(c, 'node-1', true);
    c.advance(114_999 - c.now());
    expect(readyOf(c.sim.store.get<Node>('Node', undefined, 'node-1')!)).toBe('True');
    c.advance(1); // t = 115 s: 60 s + 50 s grace, next 5 s monitor pass
    const node1 = c.sim.store.get<Node>('Node', undefined, 'node-1')!;
    expect(readyOf(node1)).toBe('Unknown');
    expect(node1.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    // Pods on the node are marked not ready; they keep their phase.
    const echoPod = c.sim.store.get<Pod>('Pod', 'default', victim)!;
    expect(echoPod.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
    expect(echoPod.status?.phase).toBe('Running');

    // The default 300 s tolerations run out at 415 s.
    c.advance(414_999 - c.now());
    expect(c.sim.store.get<Pod>('Pod', 'default', victim)?.metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    const evicted = c.sim.store.get<Pod>('Pod', 'default', victim)!;
    // Deleted, but the dead kubelet cannot confirm: it stays Terminating.
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(c.events().some((e) => e.reason === 'TaintManagerEviction' && e.message === `Marking for deletion Pod default/${victim}` && e.lastTimestampMs === 415_000)).toBe(true);
    expect(c.sim.store.get<Pod>('Pod', 'default', 'bare')?.metadata.deletionTimestamp).toBeDefined();

    c.advance(30_000);
    // The ReplicaSet replaced its pod on a healthy node; the bare pod has no one to replace it.
    const live = pods(c, 'echo').filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec?.nodeName !== 'node-1')).toBe(true);
    expect(live.every((p) => p.status?.phase === 'Running')).toBe(true);
    expect(pods(c).filter((p) => p.metadata.name === 'bare' || p.metadata.name.startsWith('bare-'))).toHaveLength(1);
    // The DaemonSet pod tolerates unreachable forever: never evicted, never moved.
    expect(c.sim.store.get<Pod>('Pod', 'default', agentOnNode1)?.metadata.deletionTimestamp).toBeUndefined();
    expect(onNode(c, 'node-2', 'agent')).toHaveLength(1);
    expect(onNode(c, 'node-3', 'agent')).toHaveLength(1);
    expect(pods(c, 'agent')).toHaveLength(3);

    // Deleting the dead Node lets PodGC clean up after its quarantine.
    c.delete('Node', 'node-1');
    c.advance(80_000);
    expect(onNode(c, 'node-1')).toEqual([]);
    expect(pods(c, 'echo')).toHaveLength(3);
    expect(pods(c, 'agent')).toHaveLength(2);
  });
});

describe('drain', () => {
  it('cordons, evicts the ReplicaSet pod (replaced elsewhere) and leaves the DaemonSet pod', () => {
    const c = createCluster({ seed: 7 });
    expect(c.apply(WORKLOADS.split('---\n').slice(0, 2).join('---\n')).errors).toEqual([]);
    c.advance(60_000);
    const refused = planDrain(c.sim.store, 'node-2')!;
    expect(refused.exitCode).toBe(1);
    expect(refused.errors[0]).toMatch(/^cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): default\/agent-/);

    const plan = planDrain(c.sim.store, 'node-2', { ignoreDaemonsets: true, nowMs: c.now() })!;
    expect(plan.exitCode).toBe(0);
    const evictedName = plan.podsToEvict[0].metadata.name;
    expect(plan.podsToEvict.map((p) => p.metadata.labels?.app)).toEqual(['echo']);
    for (const action of plan.actions) c.sim.write(action, 'kubectl');
    c.sim.drain();
    c.advance(60_000);
    const node2 = c.sim.store.get<Node>('Node', undefined, 'node-2')!;
    expect(node2.spec?.unschedulable).toBe(true);
    expect(node2.spec?.taints?.map((t) => t.key)).toEqual(['node.kubernetes.io/unschedulable']);
    expect(c.sim.store.get('Pod', 'default', evictedName)).toBeUndefined();
    const echo = pods(c, 'echo');
    expect(echo).toHaveLength(3);
    expect(echo.every((p) => p.spec?.nodeName !== 'node-2' && p.status?.phase === 'Running')).toBe(true);
    expect(onNode(c, 'node-2', 'agent')).toHaveLength(1);
  });
});
