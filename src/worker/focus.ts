import { selectorFromLabelSelector, selectorFromSet, toGoYaml, type Cluster, type KubeObject } from '../engine/index';
import type { ContainerStateDto, ContainerTimelineDto, FocusDto, ObjectRefDto, OwnershipDto, PodTimelineDto, SchedulingDto } from '../protocol/dto';
import type { History } from './History';
import { isoMs } from './podColumns';
import { bytes, eventToDto, selectorText } from './toDto';

/** Events sent with a focus (the newest). */
export const FOCUS_EVENTS_MAX = 200;

type Obj = KubeObject & { spec?: any; status?: any };

/*
 * The kubelet and the scheduler are reached through the simulation's controller registry and
 * duck-typed here: their UI APIs (`timeline(podUid)`, `explain(podUid)`) are plain data, and the
 * page's DTOs below are what the protocol promises, whatever the engine's internals become.
 */
interface KubeletTimelineApi {
  timeline(podUid: string): RawPodTimeline | undefined;
}
interface RawPodTimeline {
  nodeName: string;
  containers: readonly (Omit<ContainerTimelineDto, 'memoryLimitBytes'> & { limits?: { memoryBytes?: number } })[];
}
interface SchedulerExplainApi {
  explain(podUid: string): RawDecision | undefined;
}
interface RawDecision extends Omit<SchedulingDto, 'nodes'> {
  nodes: readonly { node: string; feasible: boolean; rejectedBy?: { plugin: string; reasons: readonly string[] }; totalScore?: number }[];
}

function controllerApi<T>(cluster: Cluster, name: string, method: string): T | undefined {
  const controller = cluster.sim.controller(name) as unknown as Record<string, unknown> | undefined;
  return controller && typeof controller[method] === 'function' ? (controller as T) : undefined;
}

export function podTimeline(cluster: Cluster, uid: string): PodTimelineDto | undefined {
  const raw = controllerApi<KubeletTimelineApi>(cluster, 'kubelet', 'timeline')?.timeline(uid);
  if (!raw) return undefined;
  return {
    nodeName: raw.nodeName,
    containers: raw.containers.map((c) => ({
      name: c.name,
      init: c.init,
      bands: c.bands.map((b) => ({ fromMs: b.fromMs, toMs: b.toMs, state: b.state, reason: b.reason, ready: b.ready })),
      probes: c.probes.map((p) => ({ type: p.type, outcome: p.outcome, message: p.message, fromMs: p.fromMs, periodMs: p.periodMs, count: p.count })),
      restarts: c.restarts.map((r) => ({ atMs: r.atMs, restartCount: r.restartCount })),
      ooms: c.ooms.map((o) => ({ atMs: o.atMs, usageBytes: o.usageBytes, limitBytes: o.limitBytes })),
      backoffs: c.backoffs.map((b) => ({ fromMs: b.fromMs, lengthMs: b.lengthMs })),
      kills: c.kills.map((k) => ({ atMs: k.atMs, reason: k.reason })),
      memoryLimitBytes: c.limits?.memoryBytes,
      memory: (c.memory ?? []).map((m) => ({ tMs: m.tMs, bytes: m.bytes })),
    })),
  };
}

export function podScheduling(cluster: Cluster, uid: string): SchedulingDto | undefined {
  const d = controllerApi<SchedulerExplainApi>(cluster, 'default-scheduler', 'explain')?.explain(uid);
  if (!d) return undefined;
  return {
    atMs: d.atMs,
    attempt: d.attempt,
    outcome: d.outcome,
    nodeName: d.nodeName,
    message: d.message,
    numAllNodes: d.numAllNodes,
    feasibleNodes: d.feasibleNodes,
    nodes: d.nodes.map((n) => ({ node: n.node, feasible: n.feasible, plugin: n.rejectedBy?.plugin, reasons: [...(n.rejectedBy?.reasons ?? [])], totalScore: n.totalScore })),
    omittedNodes: d.omittedNodes,
    preFilter: d.preFilter.map((p) => ({ plugin: p.plugin, result: p.result })),
    tiedNodes: d.tiedNodes ? [...d.tiedNodes] : undefined,
    notes: [...d.notes],
  };
}

/** kubectl describe's probe line, e.g. `http-get http://:80/health`. */
export function probeAction(probe: any): string {
  if (probe?.httpGet) {
    const h = probe.httpGet;
    return `http-get ${String(h.scheme ?? 'HTTP').toLowerCase()}://${h.host ?? ''}:${h.port ?? ''}${h.path ?? '/'}`;
  }
  if (probe?.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port ?? ''}`;
  if (probe?.exec) return `exec [${((probe.exec.command ?? []) as unknown[]).map(String).join(' ')}]`;
  if (probe?.grpc) return `grpc <pod>:${probe.grpc.port ?? ''} ${probe.grpc.service ?? ''}`.trim();
  return 'unknown';
}

export function containerStates(pod: Obj): ContainerStateDto[] {
  const statuses = new Map<string, any>(((pod.status?.containerStatuses ?? []) as any[]).map((s) => [s?.name, s]));
  return ((pod.spec?.containers ?? []) as any[]).map((c) => {
    const s = statuses.get(c?.name) ?? {};
    const state = s.state?.running ? 'running' : s.state?.terminated ? 'terminated' : s.state?.waiting ? 'waiting' : 'unknown';
    const detail = s.state?.waiting ?? s.state?.terminated ?? {};
    const last = s.lastState?.terminated;
    const limit = c?.resources?.limits?.memory;
    return {
      name: String(c?.name ?? ''),
      state,
      reason: detail.reason ? String(detail.reason) : undefined,
      message: detail.message ? String(detail.message) : undefined,
      exitCode: typeof detail.exitCode === 'number' ? detail.exitCode : undefined,
      restartCount: Number(s.restartCount ?? 0),
      ready: Boolean(s.ready),
      lastTerminated: last ? { reason: last.reason ? String(last.reason) : undefined, exitCode: typeof last.exitCode === 'number' ? last.exitCode : undefined, finishedMs: isoMs(last.finishedAt) } : undefined,
      probes: (['liveness', 'readiness', 'startup'] as const)
        .filter((type) => c?.[`${type}Probe`])
        .map((type) => {
          const p = c[`${type}Probe`];
          return { type, action: probeAction(p), periodSeconds: Number(p.periodSeconds ?? 10), failureThreshold: Number(p.failureThreshold ?? 3), initialDelaySeconds: Number(p.initialDelaySeconds ?? 0) };
        }),
      memoryLimitBytes: limit !== undefined ? bytes(limit) : undefined,
    };
  });
}

const SELECTING_KINDS = ['ReplicaSet', 'ReplicationController', 'DaemonSet'] as const;

function matches(owner: Obj, labels: Record<string, string>): boolean {
  try {
    const selector = owner.kind === 'ReplicationController' ? (owner.spec?.selector ? selectorFromSet(owner.spec.selector) : undefined) : selectorFromLabelSelector(owner.spec?.selector);
    return Boolean(selector && !selector.empty() && selector.matches(labels));
  } catch {
    return false;
  }
}

export function ownership(cluster: Cluster, history: History, obj: Obj): OwnershipDto {
  const store = cluster.sim.store;
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r?.controller) ?? obj.metadata.ownerReferences?.[0];
  let owner: OwnershipDto['owner'];
  if (ref) {
    const found = ref.uid ? store.getByUid(ref.uid) : undefined;
    owner = { kind: String(ref.kind), name: String(ref.name), uid: ref.uid, namespace: obj.metadata.namespace, exists: Boolean(found) };
  }
  const matchingOwners: (ObjectRefDto & { selector: string })[] = [];
  if (obj.kind === 'Pod') {
    const labels = (obj.metadata.labels ?? {}) as Record<string, string>;
    for (const kind of SELECTING_KINDS) {
      for (const candidate of store.list(kind, obj.metadata.namespace) as Obj[]) {
        if (matches(candidate, labels)) matchingOwners.push({ kind, name: candidate.metadata.name, uid: candidate.metadata.uid, namespace: candidate.metadata.namespace, selector: selectorText(candidate.spec?.selector, kind) });
      }
    }
  }
  return { history: history.ownershipOf(obj.metadata.uid ?? ''), owner, matchingOwners };
}

/** Everything the inspector shows for `uid` in this cluster now; null when there is no such object. */
export function focusOf(cluster: Cluster, history: History, uid: string): FocusDto | null {
  const obj = cluster.sim.store.getByUid(uid) as Obj | undefined;
  if (!obj) return null;
  const meta = obj.metadata;
  const events = cluster.sim.events
    .list((e) => (e.involvedObject.uid ? e.involvedObject.uid === uid : e.involvedObject.kind === obj.kind && e.involvedObject.name === meta.name && (e.involvedObject.namespace ?? '') === (meta.namespace ?? '')))
    .slice(-FOCUS_EVENTS_MAX)
    .map(eventToDto);
  const isPod = obj.kind === 'Pod';
  return {
    uid,
    kind: obj.kind,
    name: meta.name,
    namespace: meta.namespace ?? undefined,
    atMs: cluster.now(),
    yaml: toGoYaml(obj),
    events,
    timeline: isPod ? podTimeline(cluster, uid) : undefined,
    scheduling: isPod ? podScheduling(cluster, uid) : undefined,
    scaleDown: isPod ? history.scaleDownOf(uid) : undefined,
    ownership: ownership(cluster, history, obj),
    containers: isPod ? containerStates(obj) : undefined,
  };
}
