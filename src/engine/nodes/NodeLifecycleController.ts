import type { Node, NodeCondition, Pod, Taint, Typed } from '../api/types';
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/Controller';
import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import type { Action } from '../sim/actions';
import type { EventInput } from '../events/EventRecorder';
import { isoTime } from '../clock/VirtualClock';
import { clone, deepEqual } from '../util/clone';
import { NodeLeases } from './leases';
import {
  sameTaint,
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from '../scheduler/taints';
import { withPodCondition } from '../scheduler/podConditions';

export const NODE_CONTROLLER = 'node-controller';
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period (50 s since 1.32; 40 s before). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** --node-eviction-rate: NoExecute taints per zone per second (one every 10 s). */
const NODE_EVICTION_RATE_QPS = 0.1;
/** --secondary-node-eviction-rate, used in a partially disrupted large zone. */
const SECONDARY_NODE_EVICTION_RATE_QPS = 0.01;
/** --large-cluster-size-threshold: smaller zones stop evicting when partially disrupted. */
const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** --unhealthy-zone-threshold. */
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
const LABEL_ZONE = 'topology.kubernetes.io/zone';
const LABEL_REGION = 'topology.kubernetes.io/region';
const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';
const MONITOR_KEY = '@monitor';

type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** nodeConditionToTaintKeyStatusMap: which condition statuses become a NoSchedule taint. */
const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};
const MANAGED_NO_SCHEDULE_KEYS = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), TAINT_NODE_UNSCHEDULABLE]);
/** Conditions the controller turns Unknown when the kubelet goes silent (NetworkUnavailable is left alone). */
const SILENCED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

function readyStatus(node: Node): string {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

function zoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {};
  const region = labels[LABEL_REGION] ?? '';
  const zone = labels[LABEL_ZONE] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}

function heartbeatOnly(old: Node, node: Node): boolean {
  const strip = (n: Node) => ({
    ...n,
    metadata: { ...n.metadata, resourceVersion: undefined },
    status: { ...n.status, conditions: (n.status?.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: undefined })) },
  });
  return deepEqual(strip(old), strip(node));
}

function ceilTo(ms: number, period: number): number {
  return Math.ceil(ms / period) * period;
}

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go) as a
 * `node-controller`. Per node: when the kubelet's Lease has not been renewed for the grace period
 * (checked on the 5 s monitor grid), the Ready/MemoryPressure/DiskPressure/PIDPressure conditions
 * become Unknown, a NodeNotReady event is recorded and the node's pods get Ready=False. NoSchedule
 * taints follow the conditions and spec.unschedulable at once (doNoScheduleTaintingPass).
 * On the monitor grid, NoExecute `not-ready`/`unreachable` taints follow Ready, rate-limited per
 * zone (one node every 10 s), and suspended when every node is down (master disruption mode).
 * The taint eviction controller turns those NoExecute taints into pod evictions.
 */
export class NodeLifecycleController implements Controller {
  readonly name = NODE_CONTROLLER;
  /** When the controller first saw a node: the probe baseline for a kubelet that never renewed. */
  private readonly firstSeen = new Map<string, number>();
  /** Nodes waiting for a NoExecute taint (zoneNoExecuteTainter), with when they were queued. */
  private readonly taintQueue = new Map<string, number>();
  private readonly lastTaintMs = new Map<string, number>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private allFullyDisrupted = false;

  constructor(readonly leases: NodeLeases = new NodeLeases()) {}

  initialKeys(view: StoreView): readonly string[] {
    return [...view.list<Node>('Node').map((n) => n.metadata.name), MONITOR_KEY];
  }

  keysFor(change: WatchChange): readonly string[] {
    if (change.object.kind !== 'Node') return [];
    const name = change.object.metadata.name;
    if (change.type === 'deleted') {
      this.firstSeen.delete(name);
      this.taintQueue.delete(name);
      return [MONITOR_KEY];
    }
    if (change.type === 'modified' && change.old && heartbeatOnly(change.old as Node, change.object as Node)) return [];
    return [name, MONITOR_KEY];
  }

  reconcile(key: string, ctx: ReconcileContext): ReconcileResult {
    return key === MONITOR_KEY ? this.monitor(ctx) : this.reconcileNode(key, ctx);
  }

  /** When this node's silence crosses the grace period, on the monitor grid (undefined while the lease is fresh). */
  private staleAtMs(name: string, nowMs: number): number {
    const lastRenew = this.leases.lastRenewMs(name, nowMs);
    const seen = this.firstSeen.get(name) ?? nowMs;
    // probeTimestamp: the monitor pass that observed the last renewal.
    const probe = ceilTo(Math.max(lastRenew ?? seen, seen), NODE_MONITOR_PERIOD_MS);
    // Unknown once probe + grace is strictly before the pass.
    return (Math.floor((probe + NODE_MONITOR_GRACE_PERIOD_MS) / NODE_MONITOR_PERIOD_MS) + 1) * NODE_MONITOR_PERIOD_MS;
  }

  private reconcileNode(name: string, ctx: ReconcileContext): ReconcileResult {
    const node = ctx.view.get<Node>('Node', undefined, name);
    if (!node) return {};
    const now = ctx.nowMs;
    this.leases.sync(node, now);
    if (!this.firstSeen.has(name)) this.firstSeen.set(name, now);
    const actions: Action[] = [];
    let working: Typed<Node> | undefined;
    let requeueAfterMs: number | undefined;

    // tryUpdateNodeHealth: a silent kubelet's conditions become Unknown.
    const staleAt = this.staleAtMs(name, now);
    if (now >= staleAt) {
      const updatedConditions = this.unknownConditions(node, now);
      if (updatedConditions) {
        working = clone(node);
        working.status = { ...(working.status ?? {}), conditions: updatedConditions };
        if (readyStatus(node) === 'True') {
          actions.push({ type: 'event', event: nodeStatusEvent(node, 'NodeNotReady') });
          actions.push(...markPodsNotReady(ctx.view, name, now));
        }
      }
    } else if (this.leases.isDown(name)) {
      requeueAfterMs = staleAt - now;
    }

    // doNoScheduleTaintingPass.
    const current = working ?? node;
    const taints = this.noScheduleTaints(current, now);
    if (taints) {
      working ??= clone(node);
      working.spec = { ...(working.spec ?? {}), taints };
      if (taints.length === 0) delete working.spec.taints;
    }
    if (working) {
      delete working.metadata.resourceVersion;
      actions.unshift({ type: 'update', object: working });
    }
    return { actions, requeueAfterMs };
  }

  private unknownConditions(node: Typed<Node>, now: number): NodeCondition[] | undefined {
    const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
    let changed = false;
    for (const type of SILENCED_CONDITIONS) {
      const c = conditions.find((x) => x.type === type);
      if (!c) {
        conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: isoTime(now) });
        changed = true;
      } else if (c.status !== 'Unknown') {
        c.status = 'Unknown';
        c.reason = 'NodeStatusUnknown';
        c.message = 'Kubelet stopped posting node status.';
        c.lastTransitionTime = isoTime(now);
        changed = true;
      }
    }
    return changed ? conditions : undefined;
  }

  /** The node's taints with the condition-driven NoSchedule taints brought up to date; undefined if nothing changes. */
  private noScheduleTaints(node: Node, now: number): Taint[] | undefined {
    const desired: Taint[] = [];
    for (const c of node.status?.conditions ?? []) {
      const key = CONDITION_TAINTS[c.type]?.[c.status];
      if (key) desired.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec?.unschedulable) desired.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
    const existing = node.spec?.taints ?? [];
    const managed = existing.filter((t) => t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE_KEYS.has(t.key));
    const toAdd = desired.filter((d) => !managed.some((m) => sameTaint(m, d)));
    const toDel = managed.filter((m) => !desired.some((d) => sameTaint(m, d)));
    if (toAdd.length === 0 && toDel.length === 0) return undefined;
    return [...existing.filter((t) => !toDel.some((d) => sameTaint(t, d))), ...toAdd.map((t) => ({ ...t, timeAdded: isoTime(now) }))];
  }

  /**
   * The monitor pass for NoExecute taints: zone states, master disruption mode, swaps between
   * not-ready and unreachable, removal for Ready nodes, and the rate-limited tainting queue.
   */
  private monitor(ctx: ReconcileContext): ReconcileResult {
    const now = ctx.nowMs;
    const tick = ceilTo(now, NODE_MONITOR_PERIOD_MS);
    if (tick !== now) return { requeueAfterMs: tick - now };
    const nodes = ctx.view.list<Node>('Node');
    const actions: Action[] = [];

    // handleDisruption.
    const counts = new Map<string, { ready: number; notReady: number }>();
    for (const n of nodes) {
      if ((n.metadata.labels ?? {})[LABEL_EXCLUDE_DISRUPTION] !== undefined) continue;
      const z = zoneKey(n);
      const c = counts.get(z) ?? { ready: 0, notReady: 0 };
      if (readyStatus(n) === 'True') c.ready++;
      else c.notReady++;
      counts.set(z, c);
    }
    const newStates = new Map<string, ZoneState>();
    for (const [z, c] of counts) {
      newStates.set(z, c.ready === 0 && c.notReady > 0 ? 'FullDisruption' : c.notReady > 2 && c.notReady / (c.notReady + c.ready) >= UNHEALTHY_ZONE_THRESHOLD ? 'PartialDisruption' : 'Normal');
    }
    const allFully = newStates.size > 0 && [...newStates.values()].every((s) => s === 'FullDisruption');
    const entering = allFully && !this.allFullyDisrupted;
    for (const [z, s] of newStates) {
      if (this.zoneStates.get(z) !== s) this.lastTaintMs.delete(z); // SwapLimiter: a fresh bucket
      this.zoneStates.set(z, s);
    }
    for (const z of [...this.zoneStates.keys()]) if (!newStates.has(z)) this.zoneStates.delete(z);
    if (this.allFullyDisrupted && !allFully) {
      // Leaving master disruption mode resets every node's probe timestamp.
      for (const n of nodes) this.firstSeen.set(n.metadata.name, now);
    }
    this.allFullyDisrupted = allFully;

    const pending: number[] = [];
    for (const node of nodes) {
      const name = node.metadata.name;
      const status = readyStatus(node);
      const taints = node.spec?.taints ?? [];
      const has = (key: string) => taints.some((t) => t.key === key && t.effect === 'NoExecute');
      if (entering || status === 'True') {
        // markNodeAsReachable.
        this.taintQueue.delete(name);
        if (has(TAINT_NODE_NOT_READY) || has(TAINT_NODE_UNREACHABLE)) actions.push(this.swap(node, undefined, now));
        continue;
      }
      const want = status === 'False' ? TAINT_NODE_NOT_READY : TAINT_NODE_UNREACHABLE;
      const other = want === TAINT_NODE_NOT_READY ? TAINT_NODE_UNREACHABLE : TAINT_NODE_NOT_READY;
      if (has(want)) {
        this.taintQueue.delete(name);
        continue;
      }
      if (has(other)) {
        // Already evicting: switch the taint at once, without waiting for the rate limiter.
        actions.push(this.swap(node, want, now));
        this.taintQueue.delete(name);
        continue;
      }
      if (!this.taintQueue.has(name)) this.taintQueue.set(name, now);
    }

    // doNoExecuteTaintingPass: FIFO per zone through a token bucket.
    const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
    const queued = [...this.taintQueue.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    for (const [name] of queued) {
      const node = byName.get(name);
      if (!node) {
        this.taintQueue.delete(name);
        continue;
      }
      const z = zoneKey(node);
      const interval = this.taintIntervalMs(z, counts.get(z));
      if (interval === undefined) continue;
      const last = this.lastTaintMs.get(z);
      if (last !== undefined && now < last + interval) {
        pending.push(last + interval);
        continue;
      }
      this.lastTaintMs.set(z, now);
      this.taintQueue.delete(name);
      actions.push(this.swap(node, readyStatus(node) === 'False' ? TAINT_NODE_NOT_READY : TAINT_NODE_UNREACHABLE, now));
    }
    const next = pending.length > 0 ? ceilTo(Math.min(...pending), NODE_MONITOR_PERIOD_MS) : undefined;
    return { actions, requeueAfterMs: next === undefined ? undefined : next - now };
  }

  /** The token bucket interval for a zone, or undefined when tainting is stopped there. */
  private taintIntervalMs(zone: string, count: { ready: number; notReady: number } | undefined): number | undefined {
    if (this.allFullyDisrupted) return undefined;
    const state = this.zoneStates.get(zone) ?? 'Normal';
    if (state === 'PartialDisruption') {
      const size = (count?.ready ?? 0) + (count?.notReady ?? 0);
      return size > LARGE_CLUSTER_SIZE_THRESHOLD ? 1000 / SECONDARY_NODE_EVICTION_RATE_QPS : undefined;
    }
    return 1000 / NODE_EVICTION_RATE_QPS;
  }

  /** SwapNodeControllerTaint for the NoExecute pair: the wanted one (if any) in, the others out. */
  private swap(node: Typed<Node>, want: string | undefined, now: number): Action {
    const updated = clone(node);
    const kept = (updated.spec?.taints ?? []).filter((t) => !(t.effect === 'NoExecute' && (t.key === TAINT_NODE_NOT_READY || t.key === TAINT_NODE_UNREACHABLE)));
    const taints = want ? [...kept, { key: want, effect: 'NoExecute', timeAdded: isoTime(now) }] : kept;
    updated.spec = { ...(updated.spec ?? {}), taints };
    if (taints.length === 0) delete updated.spec.taints;
    delete updated.metadata.resourceVersion;
    return { type: 'update', object: updated };
  }
}

/** RecordNodeStatusChange: `Node <name> status is now: <status>` from node-controller. */
function nodeStatusEvent(node: Typed<Node>, status: string): EventInput {
  return {
    involvedObject: { kind: 'Node', name: node.metadata.name, uid: node.metadata.uid, apiVersion: 'v1' },
    type: 'Normal',
    reason: status,
    message: `Node ${node.metadata.name} status is now: ${status}`,
    source: { component: NODE_CONTROLLER },
  };
}

/** MarkPodsNotReady: Ready=False on the node's pods, each with a NodeNotReady warning. */
function markPodsNotReady(view: StoreView, nodeName: string, now: number): Action[] {
  const actions: Action[] = [];
  for (const pod of view.podsOnNode(nodeName)) {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const updated: Typed<Pod> = clone(pod);
    updated.status = { ...(updated.status ?? {}), conditions: withPodCondition(pod.status?.conditions, { ...ready, status: 'False' }, now) };
    delete updated.metadata.resourceVersion;
    actions.push({ type: 'update', object: updated });
    actions.push({
      type: 'event',
      event: {
        involvedObject: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: 'v1' },
        type: 'Warning',
        reason: 'NodeNotReady',
        message: 'Node is not ready',
        source: { component: NODE_CONTROLLER },
      },
    });
  }
  return actions;
}
