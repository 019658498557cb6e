import type { Node, Pod, PodCondition, Typed } from '../api/types';
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/Controller';
import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import type { Action } from '../sim/actions';
import { virtualMsFromIso } from '../clock/VirtualClock';
import { clone } from '../util/clone';
import { withPodCondition } from '../scheduler/podConditions';
import { TAINT_NODE_OUT_OF_SERVICE } from '../scheduler/taints';

export const POD_GC_CONTROLLER = 'pod-garbage-collector';
/** gcCheckPeriod. */
export const GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime: a missing node must stay missing this long before its pods are collected. */
export const QUARANTINE_MS = 40_000;
/** --terminated-pod-gc-threshold. */
export const TERMINATED_POD_GC_THRESHOLD = 12_500;
const GC_KEY = '@gc';

function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function isReady(node: Node): boolean {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
}

/**
 * PodGC (pkg/controller/podgc/gc_controller.go), every 20 s: force-deletes pods bound to a node
 * that has been gone for the 40 s quarantine (marking them Failed with a DisruptionTarget
 * condition first), terminating pods on a NotReady node tainted `node.kubernetes.io/out-of-service`,
 * terminating pods that were never scheduled, and the oldest finished pods above 12,500.
 * Work is tracked from watch changes, so an idle cluster runs no passes.
 */
export class PodGCController implements Controller {
  readonly name = POD_GC_CONTROLLER;
  /** Missing node → the pass that first saw it missing. */
  private readonly quarantine = new Map<string, number | undefined>();
  private readonly terminal = new Map<string, Typed<Pod>>();
  private outOfServiceCheck = false;
  private unscheduledTerminating = false;

  initialKeys(view: StoreView): readonly string[] {
    for (const pod of view.list<Pod>('Pod')) this.track(pod, view);
    return this.hasWork() ? [GC_KEY] : [];
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    const obj = change.object;
    if (obj.kind === 'Node') {
      if (change.type === 'deleted' && view.podsOnNode(obj.metadata.name).length > 0) this.quarantine.set(obj.metadata.name, undefined);
      if (change.type !== 'deleted' && (obj as Node).spec?.taints?.some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE)) this.outOfServiceCheck = true;
    } else if (obj.kind === 'Pod') {
      const uid = obj.metadata.uid ?? '';
      if (change.type === 'deleted') this.terminal.delete(uid);
      else this.track(obj as Typed<Pod>, view);
    } else return [];
    return this.hasWork() ? [GC_KEY] : [];
  }

  private track(pod: Typed<Pod>, view: StoreView): void {
    const uid = pod.metadata.uid ?? '';
    if (isTerminal(pod)) this.terminal.set(uid, pod);
    else this.terminal.delete(uid);
    const nodeName = pod.spec?.nodeName;
    if (nodeName && !view.get('Node', undefined, nodeName) && !this.quarantine.has(nodeName)) this.quarantine.set(nodeName, undefined);
    if (pod.metadata.deletionTimestamp) {
      if (!nodeName) this.unscheduledTerminating = true;
      else if (view.get<Node>('Node', undefined, nodeName)?.spec?.taints?.some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE)) this.outOfServiceCheck = true;
    }
  }

  private hasWork(): boolean {
    return this.quarantine.size > 0 || this.outOfServiceCheck || this.unscheduledTerminating || this.terminal.size > TERMINATED_POD_GC_THRESHOLD;
  }

  reconcile(_key: string, ctx: ReconcileContext): ReconcileResult {
    const now = ctx.nowMs;
    const tick = Math.ceil(now / GC_CHECK_PERIOD_MS) * GC_CHECK_PERIOD_MS;
    if (tick !== now) return { requeueAfterMs: tick - now };
    const view = ctx.view;
    const actions: Action[] = [];

    // gcTerminated: the oldest finished pods beyond the threshold.
    const excess = this.terminal.size - TERMINATED_POD_GC_THRESHOLD;
    if (excess > 0) {
      const oldest = [...this.terminal.values()].sort((a, b) => (virtualMsFromIso(a.metadata.creationTimestamp) ?? 0) - (virtualMsFromIso(b.metadata.creationTimestamp) ?? 0) || (a.metadata.name < b.metadata.name ? -1 : 1));
      for (const pod of oldest.slice(0, excess)) actions.push(forceDelete(pod));
    }

    // gcTerminating: terminating pods on NotReady, out-of-service nodes.
    if (this.outOfServiceCheck) {
      this.outOfServiceCheck = false;
      for (const node of view.list<Node>('Node')) {
        if (isReady(node) || !node.spec?.taints?.some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE)) continue;
        for (const pod of view.podsOnNode(node.metadata.name)) {
          if (pod.metadata.deletionTimestamp && !isTerminal(pod)) actions.push(...markFailedAndDelete(pod, undefined, now));
        }
      }
    }

    // gcOrphaned: pods on nodes missing for the whole quarantine.
    let pending = false;
    for (const [nodeName, firstSeenMissing] of [...this.quarantine]) {
      if (view.get('Node', undefined, nodeName)) {
        this.quarantine.delete(nodeName);
        continue;
      }
      if (firstSeenMissing === undefined) {
        this.quarantine.set(nodeName, now);
        pending = true;
        continue;
      }
      if (now < firstSeenMissing + QUARANTINE_MS) {
        pending = true;
        continue;
      }
      this.quarantine.delete(nodeName);
      for (const pod of view.podsOnNode(nodeName)) {
        actions.push(...markFailedAndDelete(pod, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }, now));
      }
    }

    // gcUnscheduledTerminating.
    if (this.unscheduledTerminating) {
      this.unscheduledTerminating = false;
      for (const pod of view.list<Pod>('Pod')) if (pod.metadata.deletionTimestamp && !pod.spec?.nodeName) actions.push(forceDelete(pod));
    }

    return { actions, requeueAfterMs: pending ? GC_CHECK_PERIOD_MS : undefined };
  }
}

function forceDelete(pod: Typed<Pod>): Action {
  return { type: 'delete', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, options: { gracePeriodSeconds: 0, uid: pod.metadata.uid } };
}

/** markFailedAndDeletePodWithCondition: phase Failed (a pod on a dead node would stay Running forever), then delete with grace 0. */
function markFailedAndDelete(pod: Typed<Pod>, condition: PodCondition | undefined, now: number): Action[] {
  const actions: Action[] = [];
  if (!isTerminal(pod)) {
    const updated = clone(pod);
    updated.status = { ...(updated.status ?? {}), phase: 'Failed' };
    if (condition) updated.status.conditions = withPodCondition(pod.status?.conditions, condition, now);
    delete updated.metadata.resourceVersion;
    actions.push({ type: 'update', object: updated });
  }
  actions.push(forceDelete(pod));
  return actions;
}
