import type { KubeObject, Node, Pod, Taint, Toleration, Typed } from '../api/types';
import { newNode } from '../api/node';
import { ObjectStore } from '../store/ObjectStore';
import type { Cluster } from '../sim/Cluster';
import { clone } from '../util/clone';
import { SchedulerCache } from './SchedulerCache';
import { CycleState, type NodeScore, type SchedulerPlugin, type SchedulingHandle, type Status } from './framework';

/**
 * Builders for scheduler and node-controller tests: real Node/Pod objects in a real ObjectStore,
 * so plugins are exercised exactly as the scheduler calls them.
 */

export interface NodeSpec {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

let uidCounter = 0;
function nextUid(prefix: string): string {
  return `${prefix}-${(uidCounter++).toString().padStart(6, '0')}`;
}

export function makeNode(name: string, spec: NodeSpec = {}, index = 0): Typed<Node> {
  const node = newNode({ name, cpu: spec.cpu, memory: spec.memory, pods: spec.pods, labels: spec.labels, taints: spec.taints }, index, 0);
  node.metadata.uid = nextUid('node');
  node.metadata.creationTimestamp = '2026-01-01T00:00:00Z';
  if (spec.unschedulable) node.spec = { ...node.spec, unschedulable: true };
  return node;
}

export interface PodSpecInput {
  namespace?: string;
  node?: string;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  /** More containers, each with its own requests. */
  containers?: { requests?: Record<string, string>; limits?: Record<string, string> }[];
  labels?: Record<string, string>;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  affinity?: unknown;
  topologySpreadConstraints?: unknown[];
  priority?: number;
  preemptionPolicy?: string;
  phase?: string;
  deleting?: boolean;
  hostPort?: number;
  owner?: { kind: string; name: string; uid?: string; apiVersion?: string };
  nominatedNodeName?: string;
  startTime?: string;
}

export function makePod(name: string, input: PodSpecInput = {}): Typed<Pod> {
  const containers = (input.containers ?? [{ requests: input.requests, limits: input.limits }]).map((c, i) => ({
    name: `c${i}`,
    image: 'nginx',
    ...(c.requests || c.limits ? { resources: { ...(c.requests ? { requests: c.requests } : {}), ...(c.limits ? { limits: c.limits } : {}) } } : {}),
    ...(input.hostPort && i === 0 ? { ports: [{ containerPort: 80, hostPort: input.hostPort }] } : {}),
  }));
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: input.namespace ?? 'default',
      uid: nextUid('pod'),
      creationTimestamp: '2026-01-01T00:00:00Z',
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.deleting ? { deletionTimestamp: '2026-01-01T00:00:30Z', deletionGracePeriodSeconds: 30 } : {}),
      ...(input.owner ? { ownerReferences: [{ apiVersion: input.owner.apiVersion ?? 'apps/v1', kind: input.owner.kind, name: input.owner.name, uid: input.owner.uid ?? 'owner-uid', controller: true }] } : {}),
    },
    spec: {
      containers,
      ...(input.node ? { nodeName: input.node } : {}),
      ...(input.tolerations ? { tolerations: input.tolerations } : {}),
      ...(input.nodeSelector ? { nodeSelector: input.nodeSelector } : {}),
      ...(input.affinity ? { affinity: input.affinity } : {}),
      ...(input.topologySpreadConstraints ? { topologySpreadConstraints: input.topologySpreadConstraints } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
      ...(input.preemptionPolicy ? { preemptionPolicy: input.preemptionPolicy } : {}),
    },
    status: {
      phase: input.phase ?? (input.node ? 'Running' : 'Pending'),
      ...(input.nominatedNodeName ? { nominatedNodeName: input.nominatedNodeName } : {}),
      ...(input.startTime ? { startTime: input.startTime } : {}),
    },
  };
  return pod as unknown as Typed<Pod>;
}

/** A store holding these objects plus a scheduler cache over it, and a handle at `nowMs`. */
export function clusterOf(objects: KubeObject[], nowMs = 0): { store: ObjectStore; cache: SchedulerCache; h: SchedulingHandle } {
  const store = new ObjectStore();
  for (const ns of ['default', 'kube-system']) store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: `ns-${ns}`, labels: { 'kubernetes.io/metadata.name': ns } } });
  for (const obj of objects) store.put(obj);
  const cache = new SchedulerCache();
  cache.rebuild(store);
  return { store, cache, h: { view: store, cache, nowMs } };
}


/** PreFilter then Filter of one plugin on one node; undefined = pass (or the plugin skipped). */
export function runFilter(plugin: SchedulerPlugin, pod: Typed<Pod>, nodeName: string, objects: KubeObject[]): Status | undefined {
  const { h, cache } = clusterOf(objects);
  const state = new CycleState();
  const pre = plugin.preFilter?.(h, state, pod);
  if (pre?.status?.code === 'Skip') return undefined;
  if (pre?.status && pre.status.code !== 'Success') return pre.status;
  const info = cache.nodeInfo(nodeName);
  if (!info) throw new Error(`no node ${nodeName}`);
  return plugin.filter!(h, state, pod, info);
}

/** PreScore, Score and NormalizeScore of one plugin over the given nodes; undefined if it skipped. */
export function runScores(plugin: SchedulerPlugin, pod: Typed<Pod>, nodeNames: string[], objects: KubeObject[]): Record<string, number> | undefined {
  const { h, cache } = clusterOf(objects);
  const state = new CycleState();
  plugin.preFilter?.(h, state, pod);
  const infos = nodeNames.map((n) => cache.nodeInfo(n)!);
  if (plugin.preScore?.(h, state, pod, infos)?.code === 'Skip') return undefined;
  const scores: NodeScore[] = infos.map((i) => ({ name: i.name, score: plugin.score!(h, state, pod, i) }));
  plugin.normalizeScore?.(h, state, pod, scores);
  return Object.fromEntries(scores.map((s) => [s.name, s.score]));
}

/** Edits a stored object as `kubectl label/taint/annotate` would (a full update), then drains. */
export function editObject<T extends KubeObject>(cluster: Cluster, kind: string, name: string, change: (obj: T) => void, namespace?: string): void {
  const current = cluster.sim.store.get<T>(kind, namespace, name);
  if (!current) throw new Error(`${kind} ${name} not found`);
  const copy = clone(current) as T;
  change(copy);
  delete copy.metadata.resourceVersion;
  const result = cluster.sim.write({ type: 'update', object: copy }, 'test');
  if (result instanceof Error) throw result;
  cluster.sim.drain();
}

/** `kubectl annotate node <n> podlab.dev/failure=stopped` (or `-` to recover). */
export function setNodeFailed(cluster: Cluster, name: string, failed: boolean): void {
  editObject<Typed<Node>>(cluster, 'Node', name, (n) => {
    const annotations = { ...(n.metadata.annotations ?? {}) };
    if (failed) annotations['podlab.dev/failure'] = 'stopped';
    else delete annotations['podlab.dev/failure'];
    n.metadata.annotations = annotations;
  });
}
