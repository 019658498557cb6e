import * as engine from '../engine/index';
import type { EventRecord, KubeObject } from '../engine/index';
import type { EventDto, NodeDto, ObjectDto, ObjectRefDto, OwnerDto, OwnerKind, PodDto, ResourcesDto, SelectorRequirementDto } from '../protocol/dto';
import { isoMs } from './podColumns';

/* Raw API objects are walked defensively: the engine stores whatever valid YAML the learner wrote. */

/** The kubectl columns plus the counts the graph colours pods by, all from the engine's printPod port. */
export interface PodColumns {
  readonly status: string;
  readonly ready: string;
  readonly restarts: string;
  readonly restartCount: number;
  readonly readyContainers: number;
  readonly totalContainers: number;
}

export function engineJsonSchema(): unknown {
  return engine.jsonSchemaForAll();
}

export function podColumns(pod: KubeObject, nowMs: number): PodColumns {
  const cols = engine.podStatusColumns(pod as engine.KubeObject as Parameters<typeof engine.podStatusColumns>[0], nowMs);
  // READY is `<ready>/<containers + sidecars>`; the graph needs both numbers.
  const [readyContainers, totalContainers] = cols.ready.split('/').map(Number);
  return { status: cols.status, ready: cols.ready, restarts: cols.restarts, restartCount: cols.restartCount, readyContainers, totalContainers };
}

const OWNER_KINDS = new Set<string>(['ReplicaSet', 'ReplicationController', 'DaemonSet', 'Deployment', 'HorizontalPodAutoscaler']);
const EMPTY: ResourcesDto = { cpuMilli: 0, memoryBytes: 0, pods: 0 };

function base(obj: KubeObject) {
  const meta = obj.metadata;
  const refs = (meta.ownerReferences ?? []) as any[];
  const ref = refs.find((r) => r?.controller) ?? refs[0];
  const owner: ObjectRefDto | undefined = ref ? { kind: String(ref.kind), name: String(ref.name), uid: ref.uid ? String(ref.uid) : undefined, namespace: meta.namespace } : undefined;
  return {
    uid: meta.uid ?? `${obj.kind}/${meta.namespace ?? ''}/${meta.name}`,
    name: meta.name,
    namespace: meta.namespace ?? undefined,
    rv: String(meta.resourceVersion ?? ''),
    labels: { ...((meta.labels ?? {}) as Record<string, string>) },
    owner,
    deleting: Boolean(meta.deletionTimestamp),
    createdMs: isoMs(meta.creationTimestamp) ?? 0,
  };
}

/** cpu quantity → millicores; malformed values count as 0 (validation is the apiserver's job). */
export function cpuMilli(value: unknown): number {
  if (value === undefined || value === null || value === '') return 0;
  try {
    return engine.parseQuantity(String(value)).milliValue();
  } catch {
    return 0;
  }
}

export function bytes(value: unknown): number {
  if (value === undefined || value === null || value === '') return 0;
  try {
    return engine.parseQuantity(String(value)).value();
  } catch {
    return 0;
  }
}

/** Requests of one pod: regular containers summed, init containers as a max (the scheduler's rule). */
export function podRequests(pod: KubeObject): ResourcesDto {
  const spec = (pod.spec ?? {}) as any;
  let cpu = 0;
  let memory = 0;
  for (const c of (spec.containers ?? []) as any[]) {
    cpu += cpuMilli(c?.resources?.requests?.cpu ?? c?.resources?.limits?.cpu);
    memory += bytes(c?.resources?.requests?.memory ?? c?.resources?.limits?.memory);
  }
  for (const c of (spec.initContainers ?? []) as any[]) {
    cpu = Math.max(cpu, cpuMilli(c?.resources?.requests?.cpu));
    memory = Math.max(memory, bytes(c?.resources?.requests?.memory));
  }
  return { cpuMilli: cpu, memoryBytes: memory, pods: 1 };
}

export function podToDto(pod: KubeObject, nowMs: number): PodDto {
  const spec = (pod.spec ?? {}) as any;
  const status = (pod.status ?? {}) as any;
  const cols = podColumns(pod, nowMs);
  const scheduled = ((status.conditions ?? []) as any[]).find((c) => c?.type === 'PodScheduled');
  return {
    ...base(pod),
    dto: 'pod',
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? 'default',
    nodeName: spec.nodeName || undefined,
    phase: String(status.phase ?? 'Pending'),
    status: cols.status,
    ready: cols.ready,
    restarts: cols.restarts,
    restartCount: cols.restartCount,
    readyContainers: cols.readyContainers,
    totalContainers: cols.totalContainers,
    requests: podRequests(pod),
    images: ((spec.containers ?? []) as any[]).map((c) => String(c?.image ?? '')),
    unschedulableMessage: scheduled?.status === 'False' && scheduled.message ? String(scheduled.message) : undefined,
    podIP: status.podIP || undefined,
  };
}

function isTerminal(pod: KubeObject): boolean {
  const phase = (pod.status as any)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Stored objects are immutable: a pod's requests are parsed once per version (nodes re-sum them every frame). */
const requestsCache = new WeakMap<KubeObject, ResourcesDto>();

function cachedPodRequests(pod: KubeObject): ResourcesDto {
  let r = requestsCache.get(pod);
  if (!r) {
    r = podRequests(pod);
    requestsCache.set(pod, r);
  }
  return r;
}

/** Requests of the pods bound to a node, as the scheduler counts them (terminated pods excluded). */
export function nodeRequests(pods: readonly KubeObject[]): ResourcesDto {
  let cpu = 0;
  let memory = 0;
  let count = 0;
  for (const pod of pods) {
    if (isTerminal(pod)) continue;
    const r = cachedPodRequests(pod);
    cpu += r.cpuMilli;
    memory += r.memoryBytes;
    count++;
  }
  return { cpuMilli: cpu, memoryBytes: memory, pods: count };
}

function resources(list: any): ResourcesDto {
  if (!list) return EMPTY;
  return { cpuMilli: cpuMilli(list.cpu), memoryBytes: bytes(list.memory), pods: Number(bytes(list.pods)) };
}

export function nodeToDto(node: KubeObject, podsOnNode: readonly KubeObject[]): NodeDto {
  const spec = (node.spec ?? {}) as any;
  const status = (node.status ?? {}) as any;
  const conditions = ((status.conditions ?? []) as any[]).map((c) => ({
    type: String(c.type),
    status: String(c.status),
    reason: c.reason ? String(c.reason) : undefined,
    message: c.message ? String(c.message) : undefined,
  }));
  const readyCondition = conditions.find((c) => c.type === 'Ready');
  const ready = readyCondition?.status ?? 'Unknown';
  const unschedulable = Boolean(spec.unschedulable);
  // kubectl printNode: Ready / NotReady from the Ready condition, Unknown without one.
  const statusText = (!readyCondition ? 'Unknown' : ready === 'True' ? 'Ready' : 'NotReady') + (unschedulable ? ',SchedulingDisabled' : '');
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean)
    .sort()
    .join(',') || '<none>';
  const allocatable = status.allocatable ?? status.capacity ?? {};
  return {
    ...base(node),
    dto: 'node',
    kind: 'Node',
    status: statusText,
    ready,
    roles,
    unschedulable,
    capacity: resources(status.capacity),
    allocatable: resources(allocatable),
    requests: nodeRequests(podsOnNode),
    allocatableText: { cpu: String(allocatable.cpu ?? '0'), memory: String(allocatable.memory ?? '0'), pods: String(allocatable.pods ?? '0') },
    conditions,
    taints: ((spec.taints ?? []) as any[]).map((t) => ({ key: String(t.key), value: t.value ? String(t.value) : undefined, effect: String(t.effect) })),
  };
}

/** The selector as kubectl prints it; '<error>' when it does not parse. */
export function selectorText(selector: unknown, kind: string): string {
  if (!selector || typeof selector !== 'object') return '';
  try {
    // ReplicationController's selector is a plain map; the apps/v1 kinds use a LabelSelector.
    const s = kind === 'ReplicationController' ? engine.selectorFromSet(selector as Record<string, string>) : engine.selectorFromLabelSelector(selector as any);
    return s.toString();
  } catch {
    return '<error>';
  }
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * A selector as requirements the page can evaluate. Undefined when it would match nothing or is not
 * valid (the engine's own parser decides validity, so both agree).
 */
export function selectorRequirements(selector: unknown, kind: string): SelectorRequirementDto[] | undefined {
  if (!selector || typeof selector !== 'object') return undefined;
  if (selectorText(selector, kind) === '<error>') return undefined;
  if (kind === 'ReplicationController') {
    return Object.entries(selector as Record<string, unknown>).map(([key, value]) => ({ key, operator: 'In' as const, values: [String(value)] }));
  }
  const s = selector as { matchLabels?: Record<string, unknown>; matchExpressions?: { key?: unknown; operator?: unknown; values?: unknown[] }[] };
  const out: SelectorRequirementDto[] = Object.entries(s.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'In' as const, values: [String(value)] }));
  for (const e of s.matchExpressions ?? []) {
    const operator = String(e?.operator ?? '');
    if (!OPERATORS.has(operator)) return undefined;
    out.push({ key: String(e.key ?? ''), operator: operator as SelectorRequirementDto['operator'], values: (e.values ?? []).map(String) });
  }
  return out;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function ownerToDto(obj: KubeObject): OwnerDto {
  const spec = (obj.spec ?? {}) as any;
  const status = (obj.status ?? {}) as any;
  const kind = obj.kind as OwnerKind;
  const b = { ...base(obj), dto: 'owner' as const, kind, namespace: obj.metadata.namespace ?? 'default' };
  if (kind === 'HorizontalPodAutoscaler') {
    const target = spec.scaleTargetRef ?? {};
    return {
      ...b,
      selector: '',
      replicas: { desired: num(status.desiredReplicas), current: num(status.currentReplicas) },
      hpa: {
        target: { kind: String(target.kind ?? ''), name: String(target.name ?? ''), namespace: b.namespace },
        minReplicas: num(spec.minReplicas) ?? 1,
        maxReplicas: num(spec.maxReplicas) ?? 0,
        currentReplicas: num(status.currentReplicas),
        desiredReplicas: num(status.desiredReplicas),
        targets: hpaTargets(spec, status),
      },
    };
  }
  if (kind === 'DaemonSet') {
    return {
      ...b,
      selector: selectorText(spec.selector, kind),
      selectorRequirements: selectorRequirements(spec.selector, kind),
      replicas: {
        desired: num(status.desiredNumberScheduled),
        current: num(status.currentNumberScheduled),
        ready: num(status.numberReady),
        available: num(status.numberAvailable),
        updated: num(status.updatedNumberScheduled),
      },
    };
  }
  return {
    ...b,
    selector: selectorText(spec.selector, kind),
    selectorRequirements: selectorRequirements(spec.selector, kind),
    replicas: {
      desired: num(spec.replicas) ?? 1,
      current: num(status.replicas),
      ready: num(status.readyReplicas),
      available: num(status.availableReplicas),
      updated: kind === 'Deployment' ? num(status.updatedReplicas) : undefined,
    },
  };
}

/** A short form of kubectl's HPA TARGETS column (resource metrics only). */
function hpaTargets(spec: any, status: any): string {
  const metrics: any[] = spec.metrics ?? (spec.targetCPUUtilizationPercentage !== undefined ? [{ type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: spec.targetCPUUtilizationPercentage } } }] : []);
  const current: any[] = status.currentMetrics ?? [];
  const parts = metrics.map((m, i) => {
    if (m?.type !== 'Resource') return `<${m?.type ?? 'unknown'}>`;
    const name = m.resource?.name ?? '';
    const want = m.resource?.target?.averageUtilization;
    const have = current[i]?.resource?.current?.averageUtilization;
    return `${name}: ${have === undefined ? '<unknown>' : have + '%'}/${want === undefined ? '?' : want + '%'}`;
  });
  return parts.length > 0 ? parts.join(', ') : '<none>';
}

/** Any object → its DTO. `podsOnNode` is only consulted for nodes. */
export function toDto(obj: KubeObject, nowMs: number, podsOnNode: (nodeName: string) => readonly KubeObject[]): ObjectDto {
  if (obj.kind === 'Pod') return podToDto(obj, nowMs);
  if (obj.kind === 'Node') return nodeToDto(obj, podsOnNode(obj.metadata.name));
  if (OWNER_KINDS.has(obj.kind)) return ownerToDto(obj);
  return { ...base(obj), dto: 'object', kind: obj.kind };
}

export function eventToDto(e: EventRecord): EventDto {
  return {
    uid: e.uid,
    name: e.name,
    namespace: e.namespace,
    type: e.type,
    reason: e.reason,
    message: e.message,
    count: e.count,
    firstMs: e.firstTimestampMs,
    lastMs: e.lastTimestampMs,
    seq: e.seq,
    involved: { kind: e.involvedObject.kind, name: e.involvedObject.name, namespace: e.involvedObject.namespace, uid: e.involvedObject.uid },
    source: e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component,
  };
}
