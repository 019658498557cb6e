import type { Node, NodeCondition, Typed } from '../api/types';
import { isNodeDown, KUBELET_VERSION } from '../api/node';
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/Controller';
import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import type { Action } from '../sim/actions';
import type { EventInput } from '../events/EventRecorder';
import { isoTime, virtualMsFromIso } from '../clock/VirtualClock';
import { clone, deepEqual } from '../util/clone';
import { NodeLeases } from './leases';

export const NODE_HEARTBEAT = 'node-heartbeat';
/** nodeStatusReportFrequency: with leases, an unchanged status is re-posted every 5 minutes. */
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60 * 1000;

/** The four conditions the kubelet's status setters own, healthy, in the order it posts them. */
const HEALTHY: readonly { type: string; status: string; reason: string; message: string; event: string }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

const DEFAULT_CAPACITY: Readonly<Record<string, string>> = { cpu: '4', 'ephemeral-storage': '61255492Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8Gi', pods: '110' };

function heartbeatOnly(old: Node, node: Node): boolean {
  const strip = (n: Node) => ({
    ...n,
    metadata: { ...n.metadata, resourceVersion: undefined },
    status: { ...n.status, conditions: (n.status?.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: undefined })) },
  });
  return deepEqual(strip(old), strip(node));
}

/**
 * The kubelet's node status loop (pkg/kubelet/kubelet_node_status.go) for every node whose machine
 * is up: it registers a node that has no status yet, re-posts the status every 5 minutes (moving the
 * conditions' lastHeartbeatTime), renews the node Lease every 10 s (in `leases`, see NodeLeases) and,
 * when a failed machine comes back, posts healthy conditions again with the events the kubelet's
 * condition setters record. A node annotated `podlab.dev/failure` gets nothing: that silence is what
 * the node lifecycle controller notices.
 */
export class NodeHeartbeat implements Controller {
  readonly name = NODE_HEARTBEAT;

  constructor(readonly leases: NodeLeases = new NodeLeases()) {}

  initialKeys(view: StoreView): readonly string[] {
    return view.list<Node>('Node').map((n) => n.metadata.name);
  }

  keysFor(change: WatchChange): readonly string[] {
    if (change.object.kind !== 'Node') return [];
    const node = change.object as Typed<Node>;
    if (change.type === 'deleted') {
      this.leases.forget(node.metadata.name);
      return [];
    }
    if (change.type === 'modified' && change.old && heartbeatOnly(change.old as Node, node)) return [];
    return [node.metadata.name];
  }

  reconcile(name: string, ctx: ReconcileContext): ReconcileResult {
    const node = ctx.view.get<Node>('Node', undefined, name);
    if (!node) return {};
    this.leases.sync(node, ctx.nowMs);
    if (isNodeDown(node)) return {};
    const now = ctx.nowMs;
    const conditions = node.status?.conditions ?? [];
    const unhealthy = HEALTHY.some((h) => conditions.find((c) => c.type === h.type)?.status !== h.status);
    const lastReport = Math.max(...conditions.map((c) => virtualMsFromIso(c.lastHeartbeatTime) ?? -Infinity), -Infinity);
    const dueMs = Number.isFinite(lastReport) ? lastReport + NODE_STATUS_REPORT_FREQUENCY_MS : now;
    const needsRegistration = !node.status?.capacity || !node.status?.nodeInfo;
    if (!unhealthy && !needsRegistration && now < dueMs) return { requeueAfterMs: dueMs - now };

    const actions: Action[] = [];
    const updated = clone(node);
    const status = { ...(updated.status ?? {}) };
    if (needsRegistration) this.register(status, name);
    status.conditions = this.postConditions(node, now, actions);
    updated.status = status;
    delete updated.metadata.resourceVersion;
    return { actions: [{ type: 'update', object: updated }, ...actions], requeueAfterMs: NODE_STATUS_REPORT_FREQUENCY_MS };
  }

  /** Fills what the kubelet reports at registration when a Node object was created without it. */
  private register(status: NonNullable<Node['status']>, name: string): void {
    status.capacity = { ...DEFAULT_CAPACITY, ...(status.capacity ?? {}) };
    status.allocatable = { ...status.capacity, ...(status.allocatable ?? {}) };
    status.addresses ??= [{ type: 'Hostname', address: name }];
    status.daemonEndpoints ??= { kubeletEndpoint: { Port: 10250 } };
    status.nodeInfo ??= {
      machineID: '', systemUUID: '', bootID: '',
      kernelVersion: '6.8.0-podlab', osImage: 'Debian GNU/Linux 12 (bookworm)', operatingSystem: 'linux', architecture: 'amd64',
      containerRuntimeVersion: 'containerd://2.1.3', kubeletVersion: KUBELET_VERSION, kubeProxyVersion: KUBELET_VERSION,
    };
  }

  /** The condition setters: every heartbeat moves; a transition moves lastTransitionTime and records an event. */
  private postConditions(node: Typed<Node>, now: number, actions: Action[]): NodeCondition[] {
    const nowIso = isoTime(now);
    const existing = node.status?.conditions ?? [];
    const out: NodeCondition[] = existing.filter((c) => !HEALTHY.some((h) => h.type === c.type)).map((c) => ({ ...c }));
    for (const h of HEALTHY) {
      const old = existing.find((c) => c.type === h.type);
      const changed = old?.status !== h.status;
      out.push({ type: h.type, status: h.status, lastHeartbeatTime: nowIso, lastTransitionTime: changed || !old?.lastTransitionTime ? nowIso : old.lastTransitionTime, reason: h.reason, message: h.message });
      if (changed) actions.push({ type: 'event', event: nodeEvent(node, h.event) });
    }
    // The kubelet keeps its own four conditions first, in setter order, then any others.
    return [...out.slice(out.length - HEALTHY.length), ...out.slice(0, out.length - HEALTHY.length)];
  }
}

/** recordNodeStatusEvent: `Node <name> status is now: <event>`, from the kubelet, about the node (uid = node name). */
function nodeEvent(node: Typed<Node>, reason: string): EventInput {
  const name = node.metadata.name;
  return {
    involvedObject: { kind: 'Node', name, uid: name },
    type: 'Normal',
    reason,
    message: `Node ${name} status is now: ${reason}`,
    source: { component: 'kubelet', host: name },
  };
}
