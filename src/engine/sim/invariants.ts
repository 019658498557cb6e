/**
 * Invariants of the simulated cluster, checked after every drain in tests and in the DST fuzz suite
 * (model-codebases.md §4 rule 9; tldraw recordStoreFuzzing's from-scratch oracle, TigerBeetle's
 * assertions). `checkInvariants` is what `ClusterConfig.checkInvariants` takes: it throws an Error
 * naming every broken invariant and the objects involved, so the fuzz run stops at the first step
 * that makes the cluster show a learner something impossible.
 *
 * Safety invariants (must hold after every drain): metadata stamps, unique uids, resourceVersions
 * that only move forward, incremental indexes equal to a rebuild, valid pod phases, no Running pod
 * without a node, terminal phases and nodeName never change back, scheduler placements fit the
 * node's allocatable, controller-owned objects whose owners are all gone are being collected, no
 * pod bound to a missing node for longer than PodGC takes, no timer in the past.
 *
 * Liveness ("converges when quiet") is `assertConverged(cluster)`, used after a long quiet advance.
 *
 * Cost: O(objects) when something was written since the last check, O(1) otherwise, so small
 * clusters can afford it after every drain. It subscribes to the simulation's watch (once per
 * simulation, kept in a WeakMap) to see every single write: which pods the scheduler placed (created
 * unbound, bound later), per-write resourceVersions, phase and nodeName transitions, node deletions.
 * Test-only: never enabled in the browser.
 */
import type { KubeObject, Node, Pod, Typed, Taint, Toleration, ReplicaSet, DaemonSet, Deployment, HorizontalPodAutoscaler, ReplicationController } from '../api/types';
import { replicaSetTallyMismatches } from '../controllers/replicaSet/ReplicaSetController';
import { controllerRef, kindInfo } from '../api/types';
import type { Simulation } from './Simulation';
import type { Cluster } from './Cluster';
import type { WatchChange } from '../store/ObjectsDiff';
import { virtualMsFromIso } from '../clock/VirtualClock';
import { tryParseQuantity } from '../api/quantity';
import { selectorFromSet } from '../api/labels';
import { NODE_FAILURE_ANNOTATION } from '../api/node';
import { MAX_OBJECTS } from './limits';
import { MAX_STORED_EVENTS } from '../events/EventRecorder';
import { deepEqual } from '../util/clone';

/**
 * How long a pod may stay bound to a node that does not exist before PodGC must have acted:
 * kube-controller-manager's PodGC (pkg/controller/podgc/gc_controller.go) runs every 20 s
 * (gcCheckPeriod) and deletes pods whose node has been missing for 40 s (quarantineTime), so at
 * most ~60 s; the bound leaves slack for a simulation that runs PodGC on node deletion instead.
 */
export const POD_GC_ORPHAN_BOUND_MS = 90_000;

const VALID_POD_PHASES = new Set(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);
const TERMINAL_PHASES = new Set(['Succeeded', 'Failed']);

export class InvariantError extends Error {
  constructor(readonly violations: readonly string[], atMs: number) {
    super(`Invariant violated at t=${atMs}ms:\n` + violations.slice(0, 20).map((v) => '  - ' + v).join('\n') + (violations.length > 20 ? `\n  … and ${violations.length - 20} more` : ''));
    this.name = 'InvariantError';
  }
}

interface Tracker {
  /** Store resourceVersion at the last write the watch saw. */
  lastWriteRv: number;
  /** Store resourceVersion at the last structural check (nothing changed ⇒ skip it). */
  lastCheckedRv: number;
  lastCheckedMs: number;
  /** Pods the watch saw created without spec.nodeName: if bound now, the scheduler placed them. */
  createdUnbound: Set<string>;
  /** Node name → virtual ms when it was deleted (or first seen missing while a pod was bound to it). */
  nodeMissingSinceMs: Map<string, number>;
  /** Node names that pods are bound to but that do not exist, from the last structural check. */
  missingNodes: Set<string>;
  /** Violations seen by the watch, reported at the next check. */
  pending: string[];
}

const trackers = new WeakMap<Simulation, Tracker>();

function trackerFor(sim: Simulation): Tracker {
  let tracker = trackers.get(sim);
  if (tracker) return tracker;
  tracker = {
    lastWriteRv: sim.store.resourceVersion,
    lastCheckedRv: -1,
    lastCheckedMs: -1,
    createdUnbound: new Set(),
    nodeMissingSinceMs: new Map(),
    missingNodes: new Set(),
    pending: [],
  };
  const t = tracker;
  sim.watch((change) => onWrite(sim, t, change));
  trackers.set(sim, tracker);
  return tracker;
}

function ref(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ? obj.metadata.namespace + '/' : ''}${obj.metadata.name}`;
}

function onWrite(sim: Simulation, t: Tracker, change: WatchChange): void {
  const obj = change.object;
  const rv = sim.store.resourceVersion;
  if (!(rv > t.lastWriteRv)) t.pending.push(`resourceVersion-monotonic: store resourceVersion went from ${t.lastWriteRv} to ${rv} on a ${change.type} of ${ref(obj)}`);
  t.lastWriteRv = Math.max(t.lastWriteRv, rv);
  if (change.type !== 'deleted') {
    const objRv = Number(obj.metadata.resourceVersion);
    if (objRv !== rv) t.pending.push(`resourceVersion-monotonic: ${ref(obj)} was written with resourceVersion ${obj.metadata.resourceVersion} but the store is at ${rv}`);
  }
  if (change.type === 'modified' && change.old) {
    const old = change.old;
    if (Number(obj.metadata.resourceVersion) <= Number(old.metadata.resourceVersion)) {
      t.pending.push(`resourceVersion-monotonic: ${ref(obj)} went from resourceVersion ${old.metadata.resourceVersion} to ${obj.metadata.resourceVersion}`);
    }
    if (obj.metadata.uid !== old.metadata.uid) t.pending.push(`uid-immutable: ${ref(obj)} changed uid from ${old.metadata.uid} to ${obj.metadata.uid}`);
    if (old.metadata.deletionTimestamp && !obj.metadata.deletionTimestamp) t.pending.push(`deletion-irreversible: ${ref(obj)} lost its deletionTimestamp`);
    if (obj.kind === 'Pod') {
      const was = old as Typed<Pod>, now = obj as Typed<Pod>;
      if (was.spec?.nodeName && now.spec?.nodeName !== was.spec.nodeName) {
        t.pending.push(`pod-nodeName-immutable: ${ref(obj)} moved from node ${was.spec.nodeName} to ${String(now.spec?.nodeName)} (a bound pod never changes node)`);
      }
      for (const cs of now.status?.containerStatuses ?? []) {
        const prior = was.status?.containerStatuses?.find((p) => p.name === cs.name);
        if (prior && cs.restartCount < prior.restartCount) t.pending.push(`restartCount-monotonic: ${ref(obj)} container ${cs.name} restartCount went from ${prior.restartCount} to ${cs.restartCount}`);
      }
      const before = was.status?.phase, after = now.status?.phase;
      if (before && TERMINAL_PHASES.has(before) && after !== before) {
        t.pending.push(`pod-phase-terminal: ${ref(obj)} went from terminal phase ${before} to ${String(after)}`);
      }
    }
  }
  if (obj.kind === 'Pod' && obj.metadata.uid) {
    if (change.type === 'added' && !(obj as Typed<Pod>).spec?.nodeName) t.createdUnbound.add(obj.metadata.uid);
    if (change.type === 'deleted') t.createdUnbound.delete(obj.metadata.uid);
  }
  if (obj.kind === 'Node') {
    if (change.type === 'deleted') t.nodeMissingSinceMs.set(obj.metadata.name, sim.nowMs());
    if (change.type === 'added') t.nodeMissingSinceMs.delete(obj.metadata.name);
  }
}

/**
 * Throws an InvariantError listing every broken safety invariant. Pass it as
 * `ClusterConfig.checkInvariants`; it can also be called directly on any Simulation.
 */
export function checkInvariants(sim: Simulation): void {
  const t = trackerFor(sim);
  const now = sim.nowMs();
  const violations = t.pending.splice(0);
  const rv = sim.store.resourceVersion;

  if (rv !== t.lastCheckedRv) {
    structuralChecks(sim, t, violations);
    t.lastCheckedRv = rv;
  }
  if (now !== t.lastCheckedMs || violations.length > 0) {
    timeChecks(sim, t, violations);
    t.lastCheckedMs = now;
  }
  if (violations.length > 0) throw new InvariantError(violations, now);
}

function timeChecks(sim: Simulation, t: Tracker, out: string[]): void {
  const now = sim.nowMs();
  const due = sim.clock.peekDueMs();
  if (due !== undefined && due < now) out.push(`timers-not-in-past: a timer is due at ${due}ms but the clock is at ${now}ms`);
  for (const nodeName of t.missingNodes) {
    const since = t.nodeMissingSinceMs.get(nodeName) ?? now;
    if (now - since <= POD_GC_ORPHAN_BOUND_MS) continue;
    for (const pod of sim.store.podsOnNode(nodeName)) {
      if (pod.metadata.deletionTimestamp) continue;
      out.push(`pod-on-missing-node: ${ref(pod)} is bound to node ${nodeName}, which has not existed for ${now - since}ms (PodGC deletes such pods within ~60s)`);
    }
  }
}

function structuralChecks(sim: Simulation, t: Tracker, out: string[]): void {
  const store = sim.store;
  const now = sim.nowMs();
  const all = store.all();

  // Indexes maintained incrementally equal indexes rebuilt from scratch.
  const signature = store.indexSignature();
  const rebuilt = store.rebuilt().indexSignature();
  if (signature !== rebuilt) out.push(`indexes-match-rebuild: incremental store indexes differ from a rebuild (${firstDifference(signature, rebuilt)})`);
  // The ReplicaSet controllers' incremental tallies equal a recount.
  for (const mismatch of replicaSetTallyMismatches(sim)) out.push(`replicaset-tally-matches-recount: ${mismatch}`);

  // Metadata stamps, unique uids, resourceVersions bounded by the store's and unique.
  const uids = new Map<string, KubeObject>();
  const rvs = new Map<string, KubeObject>();
  const perKind = new Map<string, number>();
  for (const obj of all) {
    const m = obj.metadata;
    perKind.set(obj.kind, (perKind.get(obj.kind) ?? 0) + 1);
    if (!m || !m.name) out.push(`metadata-complete: an object of kind ${obj.kind} has no metadata.name`);
    if (!m.uid) out.push(`metadata-complete: ${ref(obj)} has no metadata.uid`);
    if (!m.resourceVersion) out.push(`metadata-complete: ${ref(obj)} has no metadata.resourceVersion`);
    if (!m.creationTimestamp || virtualMsFromIso(m.creationTimestamp) === undefined) out.push(`metadata-complete: ${ref(obj)} has no valid metadata.creationTimestamp (${String(m.creationTimestamp)})`);
    else if (virtualMsFromIso(m.creationTimestamp)! > now) out.push(`metadata-complete: ${ref(obj)} was created in the future (${m.creationTimestamp})`);
    const info = kindInfo(obj.kind);
    if (info?.namespaced && !m.namespace) out.push(`metadata-complete: namespaced ${ref(obj)} has no namespace`);
    if (info && !info.namespaced && m.namespace) out.push(`metadata-complete: cluster-scoped ${ref(obj)} has namespace ${m.namespace}`);
    if (m.uid) {
      const other = uids.get(m.uid);
      if (other) out.push(`uids-unique: ${ref(obj)} and ${ref(other)} share uid ${m.uid}`);
      uids.set(m.uid, obj);
    }
    if (m.resourceVersion) {
      const n = Number(m.resourceVersion);
      if (!Number.isInteger(n) || n <= 0 || n > store.resourceVersion) out.push(`resourceVersion-monotonic: ${ref(obj)} has resourceVersion ${m.resourceVersion} outside 1..${store.resourceVersion}`);
      const other = rvs.get(m.resourceVersion);
      if (other) out.push(`resourceVersion-monotonic: ${ref(obj)} and ${ref(other)} share resourceVersion ${m.resourceVersion} (each write gets its own)`);
      rvs.set(m.resourceVersion, obj);
    }
    const controllers = (m.ownerReferences ?? []).filter((r) => r.controller === true);
    if (controllers.length > 1) out.push(`single-controller: ${ref(obj)} has ${controllers.length} controller ownerReferences (${controllers.map((r) => `${r.kind}/${r.name}`).join(', ')}); the apiserver allows one`);
    if (m.deletionTimestamp) {
      const waiting = (m.finalizers?.length ?? 0) > 0 || (obj.kind === 'Pod' && (m.deletionGracePeriodSeconds ?? 0) > 0);
      if (!waiting) out.push(`deletion-completes: ${ref(obj)} has a deletionTimestamp but no finalizers or grace period, so it should be gone`);
    }
  }
  for (const [kind, count] of perKind) {
    if (count > MAX_OBJECTS) out.push(`bounded-store: ${count} ${kind} objects exceed MAX_OBJECTS ${MAX_OBJECTS}`);
  }
  if (sim.events.size() > MAX_STORED_EVENTS) out.push(`bounded-events: ${sim.events.size()} events exceed ${MAX_STORED_EVENTS}`);

  // Owners: an object whose owners are all gone is being collected (the GC runs in the same drain).
  if (!sim.backlogWarning) {
    for (const obj of all) {
      const refs = obj.metadata.ownerReferences;
      if (!refs || refs.length === 0 || obj.metadata.deletionTimestamp) continue;
      if (refs.every((r) => !ownerExists(sim, obj, r))) {
        const controller = controllerRef(obj);
        out.push(`owner-exists-or-collected: ${ref(obj)} has ${controller ? 'controller ' : ''}owner${refs.length > 1 ? 's' : ''} ${refs.map((r) => `${r.kind}/${r.name} (uid ${r.uid})`).join(', ')} that no longer exist${refs.length > 1 ? '' : 's'}, and it is not being deleted`);
      }
    }
  }

  // Pods: phases, Running ⇒ bound, scheduler placements fit, missing nodes.
  const nodes = new Map<string, Typed<Node>>();
  for (const node of store.list<Node>('Node')) nodes.set(node.metadata.name, node);
  t.missingNodes.clear();
  const ips = new Map<string, Typed<Pod>>();
  for (const pod of store.list<Pod>('Pod')) {
    const ip = pod.status?.podIP;
    if (ip && !pod.spec?.hostNetwork && !TERMINAL_PHASES.has(pod.status?.phase ?? '')) {
      const other = ips.get(ip);
      if (other) out.push(`pod-ip-unique: ${ref(pod)} and ${ref(other)} both have podIP ${ip}`);
      ips.set(ip, pod);
      const cidr = nodes.get(pod.spec?.nodeName ?? '')?.spec?.podCIDR;
      if (cidr && /^\d+\.\d+\.\d+\.0\/24$/.test(cidr) && !ip.startsWith(cidr.slice(0, cidr.lastIndexOf('.') + 1))) out.push(`pod-ip-in-node-cidr: ${ref(pod)} has podIP ${ip} outside its node's podCIDR ${cidr}`);
    }
    const phase = pod.status?.phase;
    if (phase !== undefined && !VALID_POD_PHASES.has(phase)) out.push(`pod-phase-valid: ${ref(pod)} has phase ${JSON.stringify(phase)}`);
    const nodeName = pod.spec?.nodeName;
    if (phase === 'Running' && !nodeName) out.push(`running-pod-has-node: ${ref(pod)} is Running but bound to no node`);
    if (nodeName && !nodes.has(nodeName)) {
      t.missingNodes.add(nodeName);
      if (!t.nodeMissingSinceMs.has(nodeName)) t.nodeMissingSinceMs.set(nodeName, now);
    }
    podStatusChecks(pod, out);
  }
  // A missing node's clock restarts once PodGC has emptied it (PodGC's quarantine does the same).
  for (const name of [...t.nodeMissingSinceMs.keys()]) if (nodes.has(name) || !t.missingNodes.has(name)) t.nodeMissingSinceMs.delete(name);

  for (const node of nodes.values()) fitCheck(sim, t, node, out);

  // A ReplicaSet deletes excess pods in the same sync that notices them (burst 500): after a full
  // drain it never has more active pods than it wants.
  if (!sim.backlogWarning) {
    const activeByOwner = new Map<string, number>();
    for (const pod of store.list<Pod>('Pod')) {
      const c = controllerRef(pod);
      if (c && (c.kind === 'ReplicaSet' || c.kind === 'ReplicationController') && isActivePod(pod)) activeByOwner.set(c.uid, (activeByOwner.get(c.uid) ?? 0) + 1);
    }
    for (const kind of ['ReplicaSet', 'ReplicationController'] as const) {
      for (const rs of store.list<ReplicaSet>(kind)) {
        if (rs.metadata.deletionTimestamp) continue;
        const want = rs.spec?.replicas ?? 1;
        const have = activeByOwner.get(rs.metadata.uid ?? '') ?? 0;
        if (have > want && have - want <= 500) out.push(`replicas-never-exceeded: ${ref(rs)} owns ${have} active pods but wants ${want}`);
      }
    }
  }

  // Events: counts and times that kubectl can print without contradiction.
  for (const e of sim.events.list()) {
    if (!(e.count >= 1) || e.firstTimestampMs > e.lastTimestampMs || e.lastTimestampMs > now) {
      out.push(`events-sane: event ${e.name} (${e.reason}) has count ${e.count}, first ${e.firstTimestampMs}ms, last ${e.lastTimestampMs}ms at ${now}ms`);
      break;
    }
  }

  // Workload status can never claim more ready than existing replicas.
  for (const kind of ['ReplicaSet', 'ReplicationController', 'Deployment', 'DaemonSet'] as const) {
    for (const obj of store.list(kind)) workloadStatusChecks(obj, out);
  }
}

function podStatusChecks(pod: Typed<Pod>, out: string[]): void {
  const status = pod.status;
  if (!status) return;
  const phase = status.phase;
  const containers = pod.spec?.containers ?? [];
  for (const cs of status.containerStatuses ?? []) {
    if (!containers.some((c) => c.name === cs.name)) out.push(`pod-status-consistent: ${ref(pod)} has a status for container ${cs.name}, which is not in its spec`);
    if (!(cs.restartCount >= 0)) out.push(`pod-status-consistent: ${ref(pod)} container ${cs.name} has restartCount ${cs.restartCount}`);
    if (cs.ready && !cs.state?.running) out.push(`pod-status-consistent: ${ref(pod)} container ${cs.name} is ready but not running`);
    if (phase && TERMINAL_PHASES.has(phase) && cs.state?.running) out.push(`pod-status-consistent: ${ref(pod)} is ${phase} but container ${cs.name} is running`);
  }
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'True' && !pod.spec?.nodeName) out.push(`pod-status-consistent: ${ref(pod)} has PodScheduled=True but no node`);
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'True' && phase !== 'Running') out.push(`pod-status-consistent: ${ref(pod)} is Ready but its phase is ${String(phase)}`);
  if (ready?.status === 'True' && !pod.spec?.nodeName) out.push(`pod-status-consistent: ${ref(pod)} is Ready but not bound to a node`);
}

function workloadStatusChecks(obj: KubeObject, out: string[]): void {
  const s = obj.status as { replicas?: number; readyReplicas?: number; availableReplicas?: number; currentNumberScheduled?: number; numberReady?: number; numberAvailable?: number } | undefined;
  if (!s) return;
  for (const [field, value] of Object.entries(s)) {
    if (typeof value === 'number' && (!Number.isInteger(value) || value < 0)) out.push(`workload-status-sane: ${ref(obj)} status.${field} is ${value}`);
  }
  if (s.readyReplicas !== undefined && s.readyReplicas > (s.replicas ?? 0)) out.push(`workload-status-sane: ${ref(obj)} reports ${s.readyReplicas} ready of ${s.replicas ?? 0} replicas`);
  if (s.availableReplicas !== undefined && s.availableReplicas > (s.readyReplicas ?? 0) && obj.kind !== 'Deployment') out.push(`workload-status-sane: ${ref(obj)} reports ${s.availableReplicas} available but only ${s.readyReplicas ?? 0} ready`);
  if (s.availableReplicas !== undefined && s.availableReplicas > (s.replicas ?? 0)) out.push(`workload-status-sane: ${ref(obj)} reports ${s.availableReplicas} available of ${s.replicas ?? 0} replicas`);
}

/**
 * The real GC looks the owner up by kind/name in the dependent's namespace and compares uids.
 * Owners of kinds Podlab does not serve cannot be looked up: like the GC, treat them as present.
 */
function ownerExists(sim: Simulation, dependent: KubeObject, r: { uid: string; kind: string; name: string }): boolean {
  if (!kindInfo(r.kind)) return true;
  const owner = sim.store.getByUid(r.uid);
  if (!owner || owner.kind !== r.kind || owner.metadata.name !== r.name) return false;
  if (owner.metadata.namespace && owner.metadata.namespace !== dependent.metadata.namespace) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------------

interface Requests { cpuMilli: number; memory: number }

function quantity(value: unknown, milli: boolean): number {
  const q = tryParseQuantity(value);
  if (!q) return 0;
  return milli ? q.milliValue() : q.value();
}

/** A container's request for a resource; the apiserver defaults a missing request to the limit. */
function containerRequests(c: { resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> } }): Requests {
  const req = c.resources?.requests ?? {}, lim = c.resources?.limits ?? {};
  return {
    cpuMilli: quantity(req.cpu ?? lim.cpu, true),
    memory: quantity(req.memory ?? lim.memory, false),
  };
}

/** The scheduler's pod request: max(Σ containers, max init container) + overhead (resource helpers). */
export function podRequests(pod: Typed<Pod>): Requests {
  let cpuMilli = 0, memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = containerRequests(c as never);
    cpuMilli += r.cpuMilli;
    memory += r.memory;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c as never);
    cpuMilli = Math.max(cpuMilli, r.cpuMilli);
    memory = Math.max(memory, r.memory);
  }
  const overhead = (pod.spec?.overhead ?? {}) as Record<string, unknown>;
  cpuMilli += quantity(overhead.cpu, true);
  memory += quantity(overhead.memory, false);
  return { cpuMilli, memory };
}

/**
 * Pods the scheduler placed must fit the node: it counts every non-terminated pod on the node
 * (terminating ones too, until they are gone), so the placed ones alone can never exceed it.
 * Pods created with spec.nodeName bypass the scheduler and may overcommit, as in Kubernetes.
 */
function fitCheck(sim: Simulation, t: Tracker, node: Typed<Node>, out: string[]): void {
  const alloc = (node.status?.allocatable ?? {}) as Record<string, unknown>;
  const cpu = quantity(alloc.cpu, true), memory = quantity(alloc.memory, false);
  const maxPods = alloc.pods !== undefined ? quantity(alloc.pods, false) : Infinity;
  let usedCpu = 0, usedMemory = 0, count = 0;
  const placed: string[] = [];
  for (const pod of sim.store.podsOnNode(node.metadata.name)) {
    const phase = pod.status?.phase;
    if (phase && TERMINAL_PHASES.has(phase)) continue;
    if (!pod.metadata.uid || !t.createdUnbound.has(pod.metadata.uid)) continue;
    const r = podRequests(pod);
    usedCpu += r.cpuMilli;
    usedMemory += r.memory;
    count++;
    placed.push(pod.metadata.name);
  }
  const problems: string[] = [];
  if (alloc.cpu !== undefined && usedCpu > cpu) problems.push(`cpu ${usedCpu}m > ${cpu}m`);
  if (alloc.memory !== undefined && usedMemory > memory) problems.push(`memory ${usedMemory} > ${memory} bytes`);
  if (count > maxPods) problems.push(`pods ${count} > ${maxPods}`);
  if (problems.length > 0) {
    out.push(`scheduler-respects-allocatable: pods the scheduler placed on node ${node.metadata.name} request ${problems.join(', ')} allocatable (pods: ${placed.join(', ')})`);
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `incremental …${a.slice(Math.max(0, i - 40), i + 80)}… vs rebuilt …${b.slice(Math.max(0, i - 40), i + 80)}…`;
}

// ---------------------------------------------------------------------------------------------------
// Convergence (liveness): after a long quiet advance with every node recovered.
// ---------------------------------------------------------------------------------------------------

export class ConvergenceError extends Error {
  constructor(readonly problems: readonly string[], atMs: number) {
    super(`Cluster did not converge by t=${atMs}ms:\n` + problems.slice(0, 30).map((p) => '  - ' + p).join('\n') + (problems.length > 30 ? `\n  … and ${problems.length - 30} more` : ''));
    this.name = 'ConvergenceError';
  }
}

function isActivePod(pod: Typed<Pod>): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && !(phase && TERMINAL_PHASES.has(phase));
}

function isNodeReady(node: Typed<Node>): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** core/v1 toleration.go ToleratesTaint. */
export function toleratesTaint(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  if (!tol.key && tol.operator !== 'Exists') return false;
  if (tol.operator === 'Exists') return true;
  return (tol.value ?? '') === (taint.value ?? '');
}

/** Tolerations the DaemonSet controller adds to every daemon pod (daemonset.md table). */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

interface NodeSelectorRequirement { key: string; operator: string; values?: string[] }
interface NodeSelectorTerm { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return value !== undefined && values.includes(value);
    case 'NotIn': return value === undefined || !values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt': return value !== undefined && /^-?\d+$/.test(value) && values.length === 1 && Number(value) > Number(values[0]);
    case 'Lt': return value !== undefined && /^-?\d+$/.test(value) && values.length === 1 && Number(value) < Number(values[0]);
    default: return false;
  }
}

/** component-helpers nodeaffinity: nodeSelector map AND (any required term). */
export function nodeMatchesPodSelector(spec: Pod['spec'], node: Typed<Node>): boolean {
  const labels = node.metadata.labels ?? {};
  if (spec?.nodeSelector && !selectorFromSet(spec.nodeSelector).matches(labels)) return false;
  const terms = (spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? undefined) as NodeSelectorTerm[] | undefined;
  if (!terms) return true;
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? [], fields = term.matchFields ?? [];
    if (exprs.length === 0 && fields.length === 0) return false;
    return exprs.every((e) => matchRequirement(e, labels[e.key])) && fields.every((f) => matchRequirement(f, f.key === 'metadata.name' ? node.metadata.name : undefined));
  });
}

/** The node a daemon pod is for: its nodeName, or the matchFields metadata.name the controller sets. */
function daemonPodTarget(pod: Typed<Pod>): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = (pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) as NodeSelectorTerm[];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

function intOrPercent(value: unknown, total: number, roundUp: boolean, fallback: string): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v));
  if (!m) return Number(v) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * Liveness: after a long quiet advance (every failed node recovered), the controllers have done
 * their job. Throws a ConvergenceError listing what did not converge.
 */
export function assertConverged(cluster: Cluster): void {
  const sim = cluster.sim;
  const store = sim.store;
  const now = sim.nowMs();
  const problems: string[] = [];
  if (sim.backlogWarning) problems.push(`backlog: ${sim.backlogWarning}`);
  const nodes = store.list<Node>('Node');
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const pods = store.list<Pod>('Pod');
  const podsByOwner = new Map<string, Typed<Pod>[]>();
  for (const pod of pods) {
    const c = controllerRef(pod);
    if (!c) continue;
    let list = podsByOwner.get(c.uid);
    if (!list) podsByOwner.set(c.uid, (list = []));
    list.push(pod);
  }
  const activeOwned = (uid: string | undefined) => (uid ? podsByOwner.get(uid) ?? [] : []).filter(isActivePod);

  // Nodes that are not failed are Ready again and untainted by the node lifecycle controller.
  for (const node of nodes) {
    if (node.metadata.annotations?.[NODE_FAILURE_ANNOTATION]) continue;
    if (!isNodeReady(node)) problems.push(`node-ready: Node/${node.metadata.name} is not Ready although its kubelet runs`);
    const cordonTaint = (node.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unschedulable' && t.effect === 'NoSchedule');
    if (Boolean(node.spec?.unschedulable) !== cordonTaint) problems.push(`node-taints: Node/${node.metadata.name} has spec.unschedulable=${Boolean(node.spec?.unschedulable)} but ${cordonTaint ? 'has' : 'lacks'} the node.kubernetes.io/unschedulable:NoSchedule taint`);
    const stale = (node.spec?.taints ?? []).filter((t) => t.key === 'node.kubernetes.io/unreachable' || t.key === 'node.kubernetes.io/not-ready');
    if (stale.length > 0) problems.push(`node-ready: Node/${node.metadata.name} still has taints ${stale.map((t) => `${t.key}:${t.effect}`).join(', ')}`);
  }

  // Nothing stuck deleting: pods finish within their grace period, finalizers get removed.
  for (const obj of store.all()) {
    const ts = virtualMsFromIso(obj.metadata.deletionTimestamp);
    if (ts === undefined) continue;
    const slackMs = obj.kind === 'Pod' ? 120_000 : 300_000;
    if (now - ts > slackMs) problems.push(`deletion-completes: ${ref(obj)} has been terminating since ${obj.metadata.deletionTimestamp} (finalizers: ${JSON.stringify(obj.metadata.finalizers ?? [])})`);
  }

  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    if (nodeName && !nodeByName.has(nodeName)) problems.push(`pod-on-missing-node: ${ref(pod)} is still bound to missing node ${nodeName}`);
    for (const r of pod.metadata.ownerReferences ?? []) {
      if (!ownerExists(sim, pod, r) && !pod.metadata.deletionTimestamp) problems.push(`owner-exists-or-collected: ${ref(pod)} still references missing owner ${r.kind}/${r.name}`);
    }
  }

  // ReplicaSets and ReplicationControllers: active owned pods == spec.replicas.
  for (const kind of ['ReplicaSet', 'ReplicationController'] as const) {
    for (const rs of store.list<ReplicaSet | ReplicationController>(kind)) {
      if (rs.metadata.deletionTimestamp) continue;
      const want = rs.spec?.replicas ?? 1;
      const have = activeOwned(rs.metadata.uid).length;
      if (have !== want) problems.push(`replicas-converge: ${ref(rs)} wants ${want} replicas but owns ${have} active pods`);
      const status = rs.status as { replicas?: number; observedGeneration?: number } | undefined;
      if ((status?.replicas ?? 0) !== have) problems.push(`replicas-converge: ${ref(rs)} status.replicas is ${status?.replicas ?? 0} but it owns ${have} active pods`);
      if (status?.observedGeneration !== rs.metadata.generation) problems.push(`replicas-converge: ${ref(rs)} observedGeneration ${String(status?.observedGeneration)} != generation ${rs.metadata.generation}`);
    }
  }

  // DaemonSets: one active pod per eligible Ready node, none where it may not keep running.
  for (const ds of store.list<DaemonSet>('DaemonSet')) {
    if (ds.metadata.deletionTimestamp) continue;
    const template = ds.spec?.template?.spec;
    const tolerations = [...(template?.tolerations ?? []), ...DAEMON_TOLERATIONS];
    const byNode = new Map<string, Typed<Pod>[]>();
    for (const pod of activeOwned(ds.metadata.uid)) {
      const target = daemonPodTarget(pod) ?? '<none>';
      let list = byNode.get(target);
      if (!list) byNode.set(target, (list = []));
      list.push(pod);
    }
    for (const node of nodes) {
      const matches = (!template?.nodeName || template.nodeName === node.metadata.name) && nodeMatchesPodSelector(template, node);
      const taints = node.spec?.taints ?? [];
      const untolerated = (effect: string) => taints.some((taint) => taint.effect === effect && !tolerations.some((tol) => toleratesTaint(tol, taint)));
      const shouldRun = matches && !untolerated('NoSchedule') && !untolerated('NoExecute');
      const shouldContinue = matches && !untolerated('NoExecute');
      const have = byNode.get(node.metadata.name)?.length ?? 0;
      byNode.delete(node.metadata.name);
      if (shouldRun && isNodeReady(node) && have !== 1) problems.push(`daemonset-converge: ${ref(ds)} has ${have} active pods for eligible Ready node ${node.metadata.name} (want 1)`);
      else if (!shouldContinue && have > 0) problems.push(`daemonset-converge: ${ref(ds)} has ${have} active pods for node ${node.metadata.name}, where it may not run`);
      else if (have > 1) problems.push(`daemonset-converge: ${ref(ds)} has ${have} active pods for node ${node.metadata.name} (want at most 1)`);
    }
    for (const [target, list] of byNode) problems.push(`daemonset-converge: ${ref(ds)} has ${list.length} active pods for ${target === '<none>' ? 'no node' : `missing node ${target}`}`);
  }

  // Deployments: one current ReplicaSet, replica totals within the strategy's bounds.
  for (const d of store.list<Deployment>('Deployment')) {
    if (d.metadata.deletionTimestamp || d.spec?.paused) continue;
    const replicas = d.spec?.replicas ?? 1;
    const owned = store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((rs) => controllerRef(rs)?.uid === d.metadata.uid && !rs.metadata.deletionTimestamp);
    const current = owned.filter((rs) => deepEqual(withoutHash(rs.spec?.template), withoutHash(d.spec?.template)));
    if (current.length !== 1) problems.push(`deployment-converge: ${ref(d)} has ${current.length} ReplicaSets matching its template (want 1)`);
    const total = owned.reduce((sum, rs) => sum + (rs.spec?.replicas ?? 1), 0);
    const recreate = d.spec?.strategy?.type === 'Recreate';
    let surge = recreate ? 0 : intOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge, replicas, true, '25%');
    let unavailable = recreate ? 0 : intOrPercent(d.spec?.strategy?.rollingUpdate?.maxUnavailable, replicas, false, '25%');
    if (!recreate && surge === 0 && unavailable === 0) unavailable = 1;
    surge = Math.max(0, surge);
    if (total < replicas - unavailable || total > replicas + surge) problems.push(`deployment-converge: ${ref(d)} wants ${replicas} replicas (surge ${surge}, unavailable ${unavailable}) but its ReplicaSets total ${total}`);
    const newRs = current[0];
    if (newRs && (newRs.spec?.replicas ?? 1) === replicas && ((newRs.status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0) === replicas) {
      const old = owned.filter((rs) => rs !== newRs && (rs.spec?.replicas ?? 1) > 0);
      if (old.length > 0) problems.push(`deployment-converge: ${ref(d)} finished rolling out but old ReplicaSets still have replicas: ${old.map((rs) => `${rs.metadata.name}=${rs.spec?.replicas ?? 1}`).join(', ')}`);
    }
    const observed = (d.status as { observedGeneration?: number } | undefined)?.observedGeneration;
    if (observed !== d.metadata.generation) problems.push(`deployment-converge: ${ref(d)} observedGeneration ${String(observed)} != generation ${d.metadata.generation}`);
  }

  // HPAs keep their target within [minReplicas, maxReplicas] unless autoscaling is disabled (0).
  for (const hpa of store.list<HorizontalPodAutoscaler>('HorizontalPodAutoscaler')) {
    if (hpa.metadata.deletionTimestamp) continue;
    const target = hpa.spec?.scaleTargetRef;
    if (!target) continue;
    const obj = store.get<{ spec?: { replicas?: number } }>(target.kind, hpa.metadata.namespace, target.name);
    if (!obj || obj.metadata.deletionTimestamp) continue;
    const replicas = obj.spec?.replicas ?? 1;
    const min = hpa.spec?.minReplicas ?? 1, max = hpa.spec?.maxReplicas ?? 1;
    if (replicas === 0 && min !== 0) continue;
    if (replicas < min || replicas > max) problems.push(`hpa-converge: ${ref(hpa)} keeps ${ref(obj)} at ${replicas} replicas, outside [${min}, ${max}]`);
  }

  if (problems.length > 0) throw new ConvergenceError(problems, now);
}

function withoutHash(template: unknown): unknown {
  const t = template as { metadata?: { labels?: Record<string, string> } } | undefined;
  if (!t?.metadata?.labels || !('pod-template-hash' in t.metadata.labels)) return template;
  const labels = { ...t.metadata.labels };
  delete labels['pod-template-hash'];
  return { ...t, metadata: { ...t.metadata, labels } };
}

