import type { Node, Pod, Taint, Toleration, Typed } from '../api/types';
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/Controller';
import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import type { Action } from '../sim/actions';
import type { EventInput } from '../events/EventRecorder';
import { clone, deepEqual } from '../util/clone';
import { matchingTolerations } from '../scheduler/taints';
import { withPodCondition } from '../scheduler/podConditions';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
const SYNC_KEY = '@sync';

interface ScheduledEviction {
  readonly createdAtMs: number;
  readonly fireAtMs: number;
}

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * getMinTolerationTime: the smallest tolerationSeconds among the tolerations used (0 or less means
 * at once); -1 (forever) when none of them sets tolerationSeconds.
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    if (t.tolerationSeconds < min) min = t.tolerationSeconds;
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000;
}

/**
 * The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go): pods on a node
 * with NoExecute taints they do not tolerate are deleted at once; pods that tolerate them for
 * tolerationSeconds (300 s from the DefaultTolerationSeconds admission) are deleted when that runs
 * out, counted from when the controller saw the taint; tolerating forever (DaemonSet pods) means
 * never. A taint that goes away cancels pending deletions. Deletion is a normal graceful delete
 * after a DisruptionTarget condition; on a dead node the pod then stays Terminating.
 */
export class TaintEvictionController implements Controller {
  readonly name = TAINT_EVICTION_CONTROLLER;
  private readonly scheduled = new Map<string, ScheduledEviction>();
  private readonly dirtyNodes = new Set<string>();
  /** Pods to look at again (ns/name), and whether they were deleted. */
  private readonly dirtyPods = new Map<string, { nodeName: string; deleted: boolean }>();

  initialKeys(view: StoreView): readonly string[] {
    for (const n of view.list<Node>('Node')) if (noExecuteTaints(n).length > 0) this.dirtyNodes.add(n.metadata.name);
    return this.dirtyNodes.size > 0 ? [SYNC_KEY] : [];
  }

  keysFor(change: WatchChange): readonly string[] {
    const obj = change.object;
    if (obj.kind === 'Node') {
      const old = change.old as Node | undefined;
      if (change.type === 'modified' && old && deepEqual(noExecuteTaints(old), noExecuteTaints(obj as Node))) return [];
      this.dirtyNodes.add(obj.metadata.name);
      return [SYNC_KEY];
    }
    if (obj.kind !== 'Pod') return [];
    const pod = obj as Typed<Pod>;
    const old = change.old as Typed<Pod> | undefined;
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    if (change.type === 'modified' && old && deepEqual(old.spec?.tolerations, pod.spec?.tolerations) && old.spec?.nodeName === pod.spec?.nodeName) return [];
    if (change.type !== 'deleted' && !pod.spec?.nodeName) return [];
    this.dirtyPods.set(key, { nodeName: pod.spec?.nodeName ?? '', deleted: change.type === 'deleted' });
    return [SYNC_KEY];
  }

  reconcile(_key: string, ctx: ReconcileContext): ReconcileResult {
    const now = ctx.nowMs;
    const actions: Action[] = [];
    // Node updates are handled before pod updates, as the real workers prioritise them.
    for (const name of [...this.dirtyNodes]) {
      this.dirtyNodes.delete(name);
      const node = ctx.view.get<Node>('Node', undefined, name);
      if (!node) continue;
      const taints = noExecuteTaints(node);
      const pods = ctx.view.podsOnNode(name);
      for (const pod of pods) {
        const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
        if (taints.length === 0) this.cancel(key, actions);
        else this.processPod(key, pod.spec?.tolerations, taints, now, actions);
      }
    }
    for (const [key, info] of [...this.dirtyPods]) {
      this.dirtyPods.delete(key);
      const [ns, name] = splitKey(key);
      const pod = info.deleted ? undefined : ctx.view.get<Pod>('Pod', ns, name);
      if (!pod) {
        this.cancel(key, actions);
        continue;
      }
      const nodeName = pod.spec?.nodeName;
      if (!nodeName || nodeName !== info.nodeName) continue;
      const taints = noExecuteTaints(ctx.view.get<Node>('Node', undefined, nodeName));
      if (taints.length === 0) continue;
      this.processPod(key, pod.spec?.tolerations, taints, now, actions);
    }
    // Fire due evictions.
    let next: number | undefined;
    for (const [key, s] of [...this.scheduled]) {
      if (s.fireAtMs > now) {
        next = next === undefined ? s.fireAtMs : Math.min(next, s.fireAtMs);
        continue;
      }
      this.scheduled.delete(key);
      actions.push(...this.evict(ctx.view, key, now));
    }
    return { actions, requeueAfterMs: next === undefined ? undefined : next - now };
  }

  /** processPodOnNode. */
  private processPod(key: string, tolerations: readonly Toleration[] | undefined, taints: readonly Taint[], now: number, actions: Action[]): void {
    const { allTolerated, used } = matchingTolerations(taints, tolerations);
    if (!allTolerated) {
      this.cancel(key, actions);
      this.scheduled.set(key, { createdAtMs: now, fireAtMs: now });
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) {
      this.cancel(key, actions);
      return;
    }
    const trigger = now + min;
    const existing = this.scheduled.get(key);
    let createdAtMs = now;
    if (existing) {
      createdAtMs = existing.createdAtMs;
      // An eviction already counting down from earlier keeps its (earlier or equal) deadline.
      if (createdAtMs + min <= trigger) return;
      this.cancel(key, actions);
    }
    this.scheduled.set(key, { createdAtMs, fireAtMs: trigger });
  }

  /** cancelWorkWithEvent. */
  private cancel(key: string, actions: Action[]): void {
    if (!this.scheduled.delete(key)) return;
    const [ns, name] = splitKey(key);
    actions.push({ type: 'event', event: podEvent(ns, name, `Cancelling deletion of Pod ${key}`) });
  }

  /** deletePodHandler: the event, a DisruptionTarget condition, then a normal delete. */
  private evict(view: StoreView, key: string, now: number): Action[] {
    const [ns, name] = splitKey(key);
    const actions: Action[] = [{ type: 'event', event: podEvent(ns, name, `Marking for deletion Pod ${key}`) }];
    const pod = view.get<Pod>('Pod', ns, name);
    if (!pod) return actions;
    const conditions = withPodCondition(pod.status?.conditions, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }, now);
    if (!deepEqual(conditions, pod.status?.conditions)) {
      const updated = clone(pod);
      updated.status = { ...(updated.status ?? {}), conditions };
      delete updated.metadata.resourceVersion;
      actions.push({ type: 'update', object: updated });
    }
    actions.push({ type: 'delete', kind: 'Pod', namespace: ns, name, options: { uid: pod.metadata.uid } });
    return actions;
  }

  /** Pending evictions (ns/name → virtual ms when it fires), for the UI's countdowns. */
  pendingEvictions(): ReadonlyMap<string, number> {
    return new Map([...this.scheduled].map(([k, s]) => [k, s.fireAtMs]));
  }
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** emitPodDeletionEvent / emitCancelPodDeletionEvent: the reference names the pod without a uid. */
function podEvent(namespace: string, name: string, message: string): EventInput {
  return {
    involvedObject: { kind: 'Pod', namespace, name, apiVersion: 'v1' },
    type: 'Normal',
    reason: 'TaintManagerEviction',
    message,
    source: { component: TAINT_EVICTION_CONTROLLER },
  };
}
