import type { Node, Pod, PodCondition, Typed } from '../api/types';
import { NO_KEYS, type Controller, type ReconcileContext, type ReconcileResult } from '../controllers/Controller';
import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import type { Action } from '../sim/actions';
import type { Rng } from '../random/Rng';
import { clone, deepEqual } from '../util/clone';
import type { ClusterEvent, NodeChange, SchedulerPlugin, SchedulingHandle } from './framework';
import { SchedulerCache } from './SchedulerCache';
import { SchedulingQueue, type UnschedulableEntry } from './SchedulingQueue';
import { SchedulingAlgorithm, attemptMessage, type ScheduleAttempt } from './scheduleOne';
import { DecisionTraceStore, NO_NODES, type SchedulingDecision } from './DecisionTrace';
import { fitErrorMessage } from './fitError';
import { isNonTerminalPod } from './NodeInfo';
import { withPodCondition } from './podConditions';
import { NodeUnschedulable } from './plugins/NodeUnschedulable';
import { NodeName } from './plugins/NodeName';
import { TaintToleration } from './plugins/TaintToleration';
import { NodeAffinity } from './plugins/NodeAffinity';
import { NodePorts } from './plugins/NodePorts';
import { NodeResourcesFit } from './plugins/NodeResourcesFit';
import { PodTopologySpread } from './plugins/PodTopologySpread';
import { InterPodAffinity } from './plugins/InterPodAffinity';
import { DefaultPreemption, preempt } from './plugins/DefaultPreemption';
import { NodeResourcesBalancedAllocation } from './plugins/NodeResourcesBalancedAllocation';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
const QUEUE_KEY = 'queue';
/** keysFor's answers, shared (read-only): it runs for every write in the cluster. */
const QUEUE_KEYS: readonly string[] = Object.freeze([QUEUE_KEY]);
/** validation.NoteLengthLimit: event messages longer than this are cut with " ...". */
const NOTE_LENGTH_LIMIT = 1024;
/**
 * The DynamicResources PostFilter's text for a pod without resource claims. DRA is on by default
 * since 1.34, so every FailedScheduling message of a current cluster carries it before `preemption:`.
 */
export const DRA_POSTFILTER_MESSAGE = 'no new claims to deallocate';

/**
 * The default profile's plugins in MultiPoint order (pkg/scheduler/apis/config/v1/default_plugins.go),
 * minus volume plugins and ImageLocality, which Podlab does not simulate.
 */
export function defaultPlugins(): SchedulerPlugin[] {
  return [NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, PodTopologySpread, InterPodAffinity, DefaultPreemption, NodeResourcesBalancedAllocation];
}

function truncateMessage(message: string): string {
  return message.length <= NOTE_LENGTH_LIMIT ? message : message.slice(0, NOTE_LENGTH_LIMIT - 4) + ' ...';
}

function isResponsible(pod: Pod): boolean {
  return (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME && !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && isNonTerminalPod(pod);
}

/** Bound and not finished: counted on its node. */
function accounted(p: Pod | undefined): boolean {
  return Boolean(p?.spec?.nodeName) && isNonTerminalPod(p!);
}

function nodeChanges(old: Node, node: Node): Set<NodeChange> {
  const changes = new Set<NodeChange>();
  if (!deepEqual(old.metadata?.labels, node.metadata?.labels)) changes.add('labels');
  if (!deepEqual(old.spec?.taints, node.spec?.taints)) changes.add('taints');
  if (!deepEqual(old.status?.allocatable, node.status?.allocatable)) changes.add('allocatable');
  if (Boolean(old.spec?.unschedulable) !== Boolean(node.spec?.unschedulable)) changes.add('unschedulable');
  return changes;
}

/** What a pod update must change for the scheduler to try again (isPodUpdated ignores status). */
function specOrMetaChanged(old: Pod, pod: Pod): boolean {
  return !deepEqual(old.spec, pod.spec) || !deepEqual(old.metadata?.labels, pod.metadata?.labels) || !deepEqual(old.metadata?.annotations, pod.metadata?.annotations);
}

/**
 * kube-scheduler's default profile as a controller. Watch changes keep the scheduler cache and
 * queue current (the informers); reconcile pops the active queue in priority order and runs one
 * scheduling cycle per pod, binding (spec.nodeName + PodScheduled=True + Scheduled event) or
 * recording why not (PodScheduled=False/Unschedulable + FailedScheduling event), with preemption
 * as PostFilter. Pods with spec.nodeName set never pass through here. Every decision is kept as a
 * trace: `explain(podUid)`.
 */
export class Scheduler implements Controller {
  readonly name = DEFAULT_SCHEDULER_NAME;
  readonly cache = new SchedulerCache();
  readonly queue = new SchedulingQueue();
  readonly traces = new DecisionTraceStore();
  readonly plugins: readonly SchedulerPlugin[];
  private readonly algorithm: SchedulingAlgorithm;
  private readonly pluginByName: Map<string, SchedulerPlugin>;
  private lastNowMs = 0;

  constructor(plugins: readonly SchedulerPlugin[] = defaultPlugins()) {
    this.plugins = plugins;
    this.algorithm = new SchedulingAlgorithm(plugins);
    this.pluginByName = new Map(plugins.map((p) => [p.name, p]));
  }

  /** The last scheduling decision for a pod: per-node filter results and scores, and the outcome. */
  explain(podUid: string): SchedulingDecision | undefined {
    return this.traces.get(podUid);
  }

  initialKeys(view: StoreView): readonly string[] {
    this.cache.rebuild(view);
    for (const pod of view.list<Pod>('Pod')) if (isResponsible(pod)) this.queue.activate(pod);
    return this.queue.hasActive() ? [QUEUE_KEY] : [];
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    this.cache.attach(view);
    this.cache.onChange(change);
    const obj = change.object;
    if (obj.kind === 'Node') this.onNodeChange(change, view);
    else if (obj.kind === 'Pod') this.onPodChange(change, view);
    return this.queue.hasActive() ? QUEUE_KEYS : NO_KEYS;
  }

  private onNodeChange(change: WatchChange, view: StoreView): void {
    const node = change.object as Typed<Node>;
    if (change.type === 'added') this.move({ type: 'NodeAdd', node }, view);
    else if (change.type === 'deleted') this.move({ type: 'NodeDelete', node }, view);
    else {
      const changes = nodeChanges(change.old as Typed<Node>, node);
      if (changes.size > 0) this.move({ type: 'NodeUpdate', old: change.old as Typed<Node>, node, changes }, view);
    }
  }

  private onPodChange(change: WatchChange, view: StoreView): void {
    const pod = change.object as Typed<Pod>;
    const old = change.old as Typed<Pod> | undefined;
    const uid = pod.metadata.uid ?? '';
    if (change.type === 'deleted') {
      this.forget(uid);
      if (accounted(old ?? pod)) this.move({ type: 'AssignedPodDelete', pod: old ?? pod }, view);
      return;
    }
    if (pod.spec?.nodeName) {
      this.forget(uid);
      const wasAccounted = change.type === 'modified' && accounted(old);
      if (!wasAccounted && accounted(pod)) this.move({ type: 'AssignedPodAdd', pod }, view);
      else if (wasAccounted && !accounted(pod)) this.move({ type: 'AssignedPodDelete', pod: old! }, view);
      else if (wasAccounted && !deepEqual(old!.metadata.labels, pod.metadata.labels)) this.move({ type: 'AssignedPodUpdate', old: old!, pod }, view);
      return;
    }
    if (!isResponsible(pod)) {
      this.forget(uid);
      return;
    }
    if (change.type === 'added' || !old || specOrMetaChanged(old, pod)) this.queue.activate(pod);
  }

  /** The pod left our hands (bound, deleted, not ours): drop it from the queue, unpin its decision. */
  private forget(uid: string): void {
    this.queue.forget(uid);
    this.traces.release(uid);
  }

  private resolve(view: StoreView, e: UnschedulableEntry): Typed<Pod> | undefined {
    const pod = view.get<Pod>('Pod', e.namespace, e.name);
    return pod && pod.metadata.uid === e.uid && isResponsible(pod) ? pod : undefined;
  }

  private handle(view: StoreView, nowMs: number): SchedulingHandle {
    return { view, cache: this.cache, nowMs };
  }

  /** A cluster event wakes the unschedulable pods whose rejecting plugins say it may help. */
  private move(event: ClusterEvent, view: StoreView): void {
    const h = this.handle(view, this.lastNowMs);
    this.queue.moveOnEvent(event, (e) => this.resolve(view, e), (plugin, pod, ev) => this.pluginByName.get(plugin)?.isSchedulableAfter?.(pod, ev, h) ?? false);
  }

  reconcile(_key: string, ctx: ReconcileContext): ReconcileResult {
    const view = ctx.view;
    this.lastNowMs = ctx.nowMs;
    this.cache.attach(view);
    this.cache.forgetAssumed();
    this.queue.flushLeftovers(ctx.nowMs, (e) => this.resolve(view, e));
    const h = this.handle(view, ctx.nowMs);
    const actions: Action[] = [];
    for (const entry of this.queue.popAll()) {
      const pod = view.get<Pod>('Pod', entry.namespace, entry.name);
      if (!pod || pod.metadata.uid !== entry.uid || !isResponsible(pod)) continue;
      this.scheduleOne(h, pod, ctx.rng, actions);
    }
    const next = this.queue.nextFlushMs();
    return { actions, requeueAfterMs: next === undefined ? undefined : Math.max(0, next - ctx.nowMs) };
  }

  private scheduleOne(h: SchedulingHandle, pod: Typed<Pod>, rng: Rng, actions: Action[]): void {
    const uid = pod.metadata.uid ?? '';
    const attemptNo = this.queue.countAttempt(uid);
    const ns = pod.metadata.namespace ?? 'default';
    if ((pod.spec?.schedulingGates ?? []).length > 0) {
      // SchedulingGates PreEnqueue: the pod waits, untouched, until its gates are removed.
      this.queue.parkUnschedulable({ uid, namespace: ns, name: pod.metadata.name, timestampMs: h.nowMs, plugins: new Set(['SchedulingGates']) });
      this.record(h, pod, attemptNo, { outcome: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' });
      return;
    }
    const attempt = this.algorithm.schedule(h, pod, rng);
    if (attempt.nodeName) {
      this.bind(h, pod, attempt.nodeName, actions);
      this.queue.forget(uid);
      this.record(h, pod, attemptNo, { outcome: 'Scheduled', nodeName: attempt.nodeName, message: `Successfully assigned ${ns}/${pod.metadata.name} to ${attempt.nodeName}` }, attempt);
      return;
    }
    this.fail(h, pod, attempt, attemptNo, rng, actions);
  }

  /** The binding subresource: spec.nodeName, PodScheduled=True, nominatedNodeName cleared. */
  private bind(h: SchedulingHandle, pod: Typed<Pod>, nodeName: string, actions: Action[]): void {
    this.cache.assume(pod, nodeName);
    // Shallow copies: the writer copies what it stores, and parts still the stored ones are shared by identity.
    const metadata = { ...pod.metadata };
    delete metadata.resourceVersion;
    const status = { ...(pod.status ?? {}) };
    status.conditions = withPodCondition(status.conditions, { type: 'PodScheduled', status: 'True' }, h.nowMs);
    delete status.nominatedNodeName;
    const bound = { ...pod, metadata, spec: { ...pod.spec!, nodeName }, status } as Typed<Pod>;
    actions.push({ type: 'update', object: bound });
    actions.push({
      type: 'event',
      event: {
        involvedObject: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: 'v1' },
        type: 'Normal',
        reason: 'Scheduled',
        message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${nodeName}`,
        source: { component: DEFAULT_SCHEDULER_NAME },
      },
    });
  }

  /** handleSchedulingFailure, after running the PostFilter plugins (DynamicResources, DefaultPreemption). */
  private fail(h: SchedulingHandle, pod: Typed<Pod>, attempt: ScheduleAttempt, attemptNo: number, rng: Rng, actions: Action[]): void {
    const uid = pod.metadata.uid ?? '';
    const ns = pod.metadata.namespace ?? 'default';
    let message: string;
    let nominated: string | undefined = pod.status?.nominatedNodeName;
    let preemption: SchedulingDecision['preemption'];
    if (attempt.error) {
      message = attempt.error;
    } else {
      const outcome = preempt({
        h,
        pod,
        state: attempt.state,
        diagnosis: attempt.diagnosis,
        rng,
        plugins: this.plugins,
        runFilters: (state, p, node) => this.algorithm.runFiltersWithNominated(h, state, p, node).status,
      });
      attempt.diagnosis.postFilterMsg = outcome.nominatedNode ? undefined : `${DRA_POSTFILTER_MESSAGE}, ${outcome.message}`;
      message = fitErrorMessage(attempt.numAllNodes, attempt.diagnosis);
      if (outcome.nominatedNode) {
        nominated = outcome.nominatedNode;
        this.evictVictims(h, pod, outcome.nominatedNode, outcome.victims, actions);
      } else if (outcome.clearNomination) nominated = undefined;
      preemption = {
        message: outcome.message,
        nominatedNode: outcome.nominatedNode,
        victims: outcome.victims.map((v) => ({ namespace: v.metadata.namespace ?? 'default', name: v.metadata.name, priority: v.spec?.priority ?? 0 })),
        nodes: outcome.nodes,
      };
    }
    const condition: PodCondition = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message };
    const conditions = withPodCondition(pod.status?.conditions, condition, h.nowMs);
    if (!deepEqual(conditions, pod.status?.conditions) || (pod.status?.nominatedNodeName ?? undefined) !== nominated) {
      const updated = clone(pod);
      updated.status = { ...(updated.status ?? {}), conditions };
      if (nominated) updated.status.nominatedNodeName = nominated;
      else delete updated.status.nominatedNodeName;
      if (!updated.status.phase) updated.status.phase = 'Pending';
      delete updated.metadata.resourceVersion;
      actions.push({ type: 'update', object: updated });
    }
    actions.push({
      type: 'event',
      event: {
        involvedObject: { kind: 'Pod', namespace: ns, name: pod.metadata.name, uid, apiVersion: 'v1' },
        type: 'Warning',
        reason: 'FailedScheduling',
        message: truncateMessage(message),
        source: { component: DEFAULT_SCHEDULER_NAME },
      },
    });
    this.queue.parkUnschedulable({ uid, namespace: ns, name: pod.metadata.name, timestampMs: h.nowMs, plugins: attempt.diagnosis.unschedulablePlugins });
    this.record(h, pod, attemptNo, { outcome: attempt.error ? 'Error' : 'Unschedulable', message, preemption, nodeName: undefined }, attempt);
  }

  /** prepareCandidate: mark and delete the victims, and drop lower-priority nominations to that node. */
  private evictVictims(h: SchedulingHandle, preemptor: Typed<Pod>, nodeName: string, victims: readonly Typed<Pod>[], actions: Action[]): void {
    for (const victim of victims) {
      const marked = clone(victim);
      marked.status = {
        ...(marked.status ?? {}),
        conditions: withPodCondition(marked.status?.conditions, { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${DEFAULT_SCHEDULER_NAME}: preempting to accommodate a higher priority pod` }, h.nowMs),
      };
      delete marked.metadata.resourceVersion;
      actions.push({ type: 'update', object: marked });
      actions.push({ type: 'delete', kind: 'Pod', namespace: victim.metadata.namespace, name: victim.metadata.name, options: { uid: victim.metadata.uid } });
      actions.push({
        type: 'event',
        event: {
          involvedObject: { kind: 'Pod', namespace: victim.metadata.namespace, name: victim.metadata.name, uid: victim.metadata.uid, apiVersion: 'v1' },
          type: 'Normal',
          reason: 'Preempted',
          message: `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName}`,
          source: { component: DEFAULT_SCHEDULER_NAME },
        },
      });
    }
    const priority = preemptor.spec?.priority ?? 0;
    for (const p of this.cache.nominatedPods(nodeName)) {
      if (p.metadata.uid === preemptor.metadata.uid || (p.spec?.priority ?? 0) >= priority) continue;
      const cleared = clone(p);
      if (cleared.status) delete cleared.status.nominatedNodeName;
      delete cleared.metadata.resourceVersion;
      actions.push({ type: 'update', object: cleared });
    }
  }

  private record(h: SchedulingHandle, pod: Typed<Pod>, attemptNo: number, outcome: Pick<SchedulingDecision, 'outcome' | 'message'> & Partial<SchedulingDecision>, attempt?: ScheduleAttempt): void {
    this.traces.record({
      podUid: pod.metadata.uid ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      atMs: h.nowMs,
      attempt: attemptNo,
      numAllNodes: attempt?.numAllNodes ?? this.cache.numNodes(),
      evaluatedNodes: attempt?.evaluatedNodes ?? 0,
      feasibleNodes: attempt?.feasibleNodes ?? 0,
      preFilter: attempt?.preFilter ?? [],
      filterOrder: attempt?.filterOrder ?? [],
      skippedFilters: attempt ? [...attempt.state.skipFilterPlugins] : [],
      // With packed nodes the trace takes those, and the attempt's nodes are never built.
      nodes: attempt ? (attempt.packed ? NO_NODES : attempt.nodes) : [],
      omittedNodes: attempt?.omittedNodes ?? 0,
      reasonCounts: attempt ? reasonCounts(attempt) : {},
      tiedNodes: attempt?.tiedNodes,
      notes: attempt?.notes ?? [],
      ...outcome,
    }, attempt?.packed);
  }
}

function reasonCounts(a: ScheduleAttempt): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of a.diagnosis.nodeStatuses.values()) for (const r of s.reasons) out[r] = (out[r] ?? 0) + 1;
  const absent = a.numAllNodes - a.diagnosis.nodeStatuses.size - a.feasibleNodes;
  if (a.diagnosis.absentStatus && absent > 0) for (const r of a.diagnosis.absentStatus.reasons) out[r] = (out[r] ?? 0) + absent;
  return out;
}

export { attemptMessage, withPodCondition };
