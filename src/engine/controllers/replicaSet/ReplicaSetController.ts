import type { KubeObject, Pod, PodTemplateSpec, ReplicaSet, Typed } from '../../api/types';
import type { Labels, Selector } from '../../api/labels';
import { selectorFromSet } from '../../api/labels';
import type { StoreView } from '../../store/ObjectStore';
import type { WatchChange } from '../../store/ObjectsDiff';
import type { Controller, ReconcileContext, ReconcileResult } from '../Controller';
import { DONE, NO_KEYS } from '../Controller';
import type { EventInput } from '../../events/EventRecorder';
import { MAX_OBJECTS } from '../../sim/limits';
import { deepEqual } from '../../util/clone';
import { isoTime } from '../../clock/VirtualClock';
import { Changes } from '../common/changes';
import { claimObjects, getControllerOf, newControllerRef, resolveControllerRef, withControllerRef, withoutOwnerRef } from '../common/controllerRef';
import { filterActivePods, isPodActive, isPodAvailable, isPodReady, nextAvailabilityCheckMs } from '../common/pods';
import { sortActivePodsWithRanks } from '../common/activePods';
import { chooseGeneratedName, podFromTemplate } from '../common/podTemplate';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../common/slowStart';
import { labelSelectorFor } from '../common/selectors';

/** Models replica_set.go BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;

/** The bits that differ between a ReplicaSet and a ReplicationController (pkg/controller/replication adapters). */
export interface ReplicaSetAdapter {
  readonly kind: 'ReplicaSet' | 'ReplicationController';
  /** apiVersion stamped in the pods' controller reference. */
  readonly apiVersion: string;
  /** Event source and controller name. */
  readonly component: string;
  /** The pod selector; undefined when it does not convert (the object is skipped). */
  selector(owner: Typed<KubeObject>): Selector | undefined;
  template(owner: Typed<KubeObject>): PodTemplateSpec | undefined;
}

interface ReplicaSetLike {
  spec?: { replicas?: number; minReadySeconds?: number };
  status?: ReplicaSetLikeStatus;
}

interface ReplicaSetLikeStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[];
}

export const replicaSetAdapter: ReplicaSetAdapter = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  component: 'replicaset-controller',
  selector: (owner) => labelSelectorFor(owner, (owner as Typed<ReplicaSet>).spec?.selector),
  template: (owner) => (owner as Typed<ReplicaSet>).spec?.template,
};

export function replicaSetKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/**
 * Models pkg/controller/replicaset/replica_set.go. One implementation serves ReplicaSets and, through
 * an adapter, ReplicationControllers (pkg/controller/replication), as in Kubernetes.
 */
export class ReplicaSetController implements Controller {
  readonly name: string;

  constructor(private readonly adapter: ReplicaSetAdapter = replicaSetAdapter) {
    this.name = adapter.component;
  }

  initialKeys(view: StoreView): readonly string[] {
    return view.list(this.adapter.kind).map((o) => replicaSetKey(o.metadata.namespace, o.metadata.name));
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    const obj = change.object;
    if (obj.kind === this.adapter.kind) return [replicaSetKey(obj.metadata.namespace, obj.metadata.name)];
    if (obj.kind !== 'Pod') return NO_KEYS;
    const pod = obj as Typed<Pod>;
    if (change.type === 'deleted') return this.keyOfController(view, pod);
    if (change.type === 'added') {
      if (pod.metadata.deletionTimestamp || getControllerOf(pod)) return this.keyOfController(view, pod);
      return this.keysSelecting(view, pod);
    }
    // Models replica_set.go updatePod.
    const old = change.old as Typed<Pod>;
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return NO_KEYS;
    const labelChanged = !deepEqual(old.metadata.labels ?? {}, pod.metadata.labels ?? {});
    const keys = new Set<string>();
    if (pod.metadata.deletionTimestamp) {
      for (const key of this.keyOfController(view, pod)) keys.add(key);
      if (labelChanged) for (const key of this.keyOfController(view, old)) keys.add(key);
      return [...keys];
    }
    const curRef = getControllerOf(pod);
    const oldRef = getControllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) for (const key of this.keyOfController(view, old)) keys.add(key);
    if (curRef) {
      for (const key of this.keyOfController(view, pod)) keys.add(key);
    } else if (labelChanged || refChanged) {
      for (const key of this.keysSelecting(view, pod)) keys.add(key);
    }
    return [...keys];
  }

  reconcile(key: string, ctx: ReconcileContext): ReconcileResult {
    const [namespace, name] = splitKey(key);
    const owner = ctx.view.get<ReplicaSetLike>(this.adapter.kind, namespace, name);
    if (!owner) return DONE;
    const selector = this.adapter.selector(owner);
    if (!selector) return DONE;
    const changes = new Changes();

    // List every pod of the namespace, so owned pods that no longer match are released.
    const active = filterActivePods(ctx.view.list<Pod>('Pod', namespace));
    const claim = claimObjects(owner, selector, active);
    const ref = newControllerRef(owner, this.adapter.apiVersion, this.adapter.kind);
    for (const pod of claim.adopted) changes.edit(pod).metadata = withControllerRef(pod, ref).metadata;
    for (const pod of claim.released) changes.edit(pod).metadata = withoutOwnerRef(pod, owner.metadata.uid ?? '').metadata;

    let manageError: { reason: string; message: string } | undefined;
    if (!owner.metadata.deletionTimestamp) manageError = this.manageReplicas(claim.claimed, owner, ctx, changes);

    const status = this.calculateStatus(owner, claim.claimed, manageError, ctx.nowMs);
    if (!statusSettled(owner, status)) {
      // Save the generation acted on, so a retried write never claims to have seen a later spec.
      if (owner.metadata.generation) status.observedGeneration = owner.metadata.generation;
      changes.edit(owner).status = status;
    }

    return { actions: changes.actions(), requeueAfterMs: nextAvailabilityCheckMs(claim.claimed, owner.spec?.minReadySeconds ?? 0, ctx.nowMs) };
  }

  /** Models replica_set.go manageReplicas; returns the failure that becomes a ReplicaFailure condition. */
  private manageReplicas(pods: readonly Typed<Pod>[], owner: Typed<ReplicaSetLike & KubeObject>, ctx: ReconcileContext, changes: Changes): { reason: string; message: string } | undefined {
    const desired = owner.spec?.replicas ?? 1;
    const diff = pods.length - desired;
    if (diff < 0) {
      const toCreate = Math.min(-diff, BURST_REPLICAS);
      const template = this.adapter.template(owner);
      const ref = newControllerRef(owner, this.adapter.apiVersion, this.adapter.kind);
      const taken = new Set<string>();
      let failure: { reason: string; message: string } | undefined;
      let podCount = ctx.view.count('Pod');
      slowStartBatch(toCreate, SLOW_START_INITIAL_BATCH_SIZE, () => {
        const pod = podFromTemplate(template, owner, ref);
        // controller_utils.go createPods refuses pods whose template has no labels.
        if (selectorFromSet(pod.metadata.labels as Labels | undefined).empty()) {
          failure = { reason: 'FailedCreate', message: 'unable to create pods, no labels' };
          return false;
        }
        if (podCount >= MAX_OBJECTS) {
          const message = `exceeded quota: Podlab simulates at most ${MAX_OBJECTS} Pod objects`;
          changes.event(this.event(owner, 'Warning', 'FailedCreate', `Error creating: ${message}`));
          failure = { reason: 'FailedCreate', message };
          return false;
        }
        pod.metadata.name = chooseGeneratedName(ctx.view, 'Pod', owner.metadata.namespace, pod.metadata.generateName!, ctx.rng, taken);
        changes.create(pod);
        changes.event(this.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`));
        podCount++;
        return true;
      });
      return failure;
    }
    if (diff > 0) {
      const toDelete = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(pods, this.indirectlyRelatedPods(ctx.view, owner), toDelete, ctx.nowMs);
      for (const pod of victims) {
        changes.delete('Pod', pod.metadata.namespace, pod.metadata.name, { uid: pod.metadata.uid });
        changes.event(this.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`));
      }
    }
    return undefined;
  }

  /**
   * Models replica_set.go getIndirectlyRelatedPods: the pods of every ReplicaSet sharing this one's
   * controller (all ReplicaSets of a Deployment). A ReplicaSet without a controller has none, so
   * the co-location rank plays no part for bare ReplicaSets, as in Kubernetes.
   */
  private indirectlyRelatedPods(view: StoreView, owner: Typed<KubeObject>): Typed<Pod>[] {
    const controller = getControllerOf(owner);
    if (!controller) return [];
    const namespace = owner.metadata.namespace;
    const seen = new Set<string>();
    const related: Typed<Pod>[] = [];
    const pods = view.list<Pod>('Pod', namespace);
    for (const rs of view.list(this.adapter.kind, namespace)) {
      if (getControllerOf(rs)?.uid !== controller.uid) continue;
      const selector = this.adapter.selector(rs);
      if (!selector) continue;
      for (const pod of pods) {
        if (seen.has(pod.metadata.uid ?? pod.metadata.name) || !selector.matches(pod.metadata.labels as Labels | undefined)) continue;
        seen.add(pod.metadata.uid ?? pod.metadata.name);
        related.push(pod);
      }
    }
    return related;
  }

  /** Models replica_set_utils.go calculateStatus. */
  private calculateStatus(owner: Typed<ReplicaSetLike & KubeObject>, pods: readonly Typed<Pod>[], manageError: { reason: string; message: string } | undefined, nowMs: number): ReplicaSetLikeStatus {
    const templateLabels = selectorFromSet(this.adapter.template(owner)?.metadata?.labels as Labels | undefined);
    const minReadySeconds = owner.spec?.minReadySeconds ?? 0;
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    for (const pod of pods) {
      if (templateLabels.matches(pod.metadata.labels as Labels | undefined)) fullyLabeled++;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
      }
    }
    let conditions = owner.status?.conditions?.map((c) => ({ ...c }));
    const failure = conditions?.find((c) => c.type === 'ReplicaFailure');
    if (manageError && !failure) {
      conditions = [...(conditions ?? []), { type: 'ReplicaFailure', status: 'True', lastTransitionTime: isoTime(nowMs), reason: manageError.reason, message: manageError.message }];
    } else if (!manageError && failure) {
      conditions = conditions!.filter((c) => c.type !== 'ReplicaFailure');
    }
    // The API omits zero counts (omitempty) except `replicas`.
    const status: ReplicaSetLikeStatus = { replicas: pods.length };
    if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    if (conditions?.length) status.conditions = conditions;
    return status;
  }

  private event(owner: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): EventInput {
    return {
      involvedObject: { kind: this.adapter.kind, namespace: owner.metadata.namespace, name: owner.metadata.name, uid: owner.metadata.uid, apiVersion: this.adapter.apiVersion },
      type,
      reason,
      message,
      source: { component: this.adapter.component },
    };
  }

  private keyOfController(view: StoreView, pod: Typed<Pod>): readonly string[] {
    const owner = resolveControllerRef(view, pod.metadata.namespace, getControllerOf(pod), this.adapter.kind);
    return owner ? [replicaSetKey(owner.metadata.namespace, owner.metadata.name)] : NO_KEYS;
  }

  /** Models getPodReplicaSets: every controller of this kind in the namespace whose selector matches. */
  private keysSelecting(view: StoreView, pod: Typed<Pod>): readonly string[] {
    const keys: string[] = [];
    for (const owner of view.list(this.adapter.kind, pod.metadata.namespace)) {
      const selector = this.adapter.selector(owner);
      if (selector && !selector.empty() && selector.matches(pod.metadata.labels as Labels | undefined)) keys.push(replicaSetKey(owner.metadata.namespace, owner.metadata.name));
    }
    return keys;
  }
}

/** Models replica_set.go getPodsToDelete: rank the candidates unless every one of them goes. */
export function podsToDelete<T extends Pod>(pods: readonly T[], relatedPods: readonly Pod[], count: number, nowMs: number): T[] {
  if (count >= pods.length) return pods.slice(0, count);
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const ranks = pods.map((pod) => podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0);
  return sortActivePodsWithRanks(pods, ranks, nowMs).slice(0, count);
}

/** Models updateReplicaSetStatus's early return: nothing to write when counts, generation and conditions agree. */
function statusSettled(owner: Typed<ReplicaSetLike & KubeObject>, status: ReplicaSetLikeStatus): boolean {
  const current = owner.status ?? {};
  return (current.replicas ?? 0) === (status.replicas ?? 0) &&
    (current.fullyLabeledReplicas ?? 0) === (status.fullyLabeledReplicas ?? 0) &&
    (current.readyReplicas ?? 0) === (status.readyReplicas ?? 0) &&
    (current.availableReplicas ?? 0) === (status.availableReplicas ?? 0) &&
    (owner.metadata.generation ?? 0) === (current.observedGeneration ?? 0) &&
    deepEqual(current.conditions ?? [], status.conditions ?? []);
}
