import type { KubeObject, Pod, PodTemplateSpec, ReplicaSet, Typed } from '../../api/types';
import type { Labels, Selector } from '../../api/labels';
import { matchesNothing, selectorFromSet } from '../../api/labels';
import type { StoreView } from '../../store/ObjectStore';
import type { WatchChange } from '../../store/ObjectsDiff';
import type { Controller, ReconcileContext, ReconcileResult } from '../Controller';
import { DONE, NO_KEYS } from '../Controller';
import type { EventInput } from '../../events/EventRecorder';
import { MAX_OBJECTS } from '../../sim/limits';
import { deepEqual } from '../../util/clone';
import { isoTime, virtualMsFromIso } from '../../clock/VirtualClock';
import { Changes } from '../common/changes';
import { claimObjects, getControllerOf, newControllerRef, resolveControllerRef, withControllerRef, withoutOwnerRef } from '../common/controllerRef';
import { filterActivePods, isPodActive, isPodAvailable, isPodReady, nextAvailabilityCheckMs, podReadyCondition, podReadySinceMs } from '../common/pods';
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
  // Keyed by the selector object, which status writes share: one parse per selector, not per RS version.
  selector: (owner) => {
    const selector = (owner as Typed<ReplicaSet>).spec?.selector;
    return labelSelectorFor(selector ?? owner, selector);
  },
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
 *
 * Cost: a sync reads per-ReplicaSet tallies kept from watch changes (keysFor) plus the orphans its
 * selector matches, so it grows with changes, not with owned pods; only scale-down and releases walk
 * the owned pods (`fullSync`, whose output the fast path reproduces exactly).
 */
export class ReplicaSetController implements Controller {
  readonly name: string;
  private readonly books = new WeakMap<StoreView, TallyBook>();

  constructor(private readonly adapter: ReplicaSetAdapter = replicaSetAdapter) {
    this.name = adapter.component;
  }

  initialKeys(view: StoreView): readonly string[] {
    return view.list(this.adapter.kind).map((o) => replicaSetKey(o.metadata.namespace, o.metadata.name));
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    this.track(change, view);
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
    if (pod.metadata.deletionTimestamp) {
      if (!labelChanged) return this.keyOfController(view, pod);
      const keys = new Set<string>(this.keyOfController(view, pod));
      for (const key of this.keyOfController(view, old)) keys.add(key);
      return [...keys];
    }
    const curRef = getControllerOf(pod);
    const oldRef = getControllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    // The common case (a status write to a controlled pod): one key, nothing to merge.
    if (curRef && !(refChanged && oldRef)) return this.keyOfController(view, pod);
    if (!curRef && !labelChanged && !refChanged) return NO_KEYS;
    const keys = new Set<string>();
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
    const view = ctx.view;
    const owner = view.get<ReplicaSetLike>(this.adapter.kind, namespace, name);
    if (!owner) return DONE;
    const selector = this.adapter.selector(owner);
    if (!selector) return DONE;
    const changes = new Changes();
    const deleting = Boolean(owner.metadata.deletionTimestamp);
    const minReadySeconds = owner.spec?.minReadySeconds ?? 0;
    const ref = newControllerRef(owner, this.adapter.apiVersion, this.adapter.kind);

    // Only pods this ReplicaSet controls and orphans can be claimed; pods of other controllers are skipped.
    const tally = this.tallyFor(view, owner, selector);
    const adoptable: Typed<Pod>[] = [];
    if (!deleting) {
      for (const pod of view.orphansSelecting<Pod>('Pod', namespace, selector)) {
        replicaSetTestHooks.podVisits++;
        if (isPodActive(pod)) adoptable.push(pod);
      }
    }
    const claimedCount = tally.matching + adoptable.length;
    const releasePending = !deleting && tally.activeOwned > tally.matching;
    const scaleDown = !deleting && claimedCount > (owner.spec?.replicas ?? 1);
    if (replicaSetTestHooks.fullSyncOnly || releasePending || scaleDown) return this.fullSync(owner, selector, ctx, changes);

    // Fast path, same writes as fullSync: the tally holds the owned pods' counts, only matching orphans
    // were looked at, and with nothing to release or delete the claimed pods' order plays no part.
    for (const pod of adoptable) changes.edit(pod).metadata = withControllerRef(pod, ref).metadata;
    let manageError: { reason: string; message: string } | undefined;
    if (!deleting) manageError = this.manageReplicas(claimedCount, () => [], owner, ctx, changes);
    const nowMs = ctx.nowMs;
    const counts: StatusCounts = { replicas: claimedCount, fullyLabeled: tally.fullyLabeled, ready: tally.ready, available: availableInTally(tally, minReadySeconds, nowMs) };
    const templateLabels = tally.templateLabels;
    for (const pod of adoptable) {
      if (templateLabels.matches(pod.metadata.labels as Labels | undefined)) counts.fullyLabeled++;
      if (isPodReady(pod)) {
        counts.ready++;
        if (isPodAvailable(pod, minReadySeconds, nowMs)) counts.available++;
      }
    }
    this.writeStatus(owner, counts, manageError, nowMs, changes);
    if (minReadySeconds <= 0) return { actions: changes.actions() };
    const tallyDueMs = nextAvailableInTallyMs(tally, minReadySeconds, nowMs);
    const adoptedAfterMs = nextAvailabilityCheckMs(adoptable, minReadySeconds, nowMs);
    const dueMs = Math.min(tallyDueMs ?? Infinity, adoptedAfterMs === undefined ? Infinity : nowMs + adoptedAfterMs);
    return { actions: changes.actions(), requeueAfterMs: dueMs === Infinity ? undefined : Math.max(1, dueMs - nowMs) };
  }

  /** The sync over every candidate pod: scale-down ranks the claimed pods, releases need the owned ones. */
  private fullSync(owner: Typed<ReplicaSetLike & KubeObject>, selector: Selector, ctx: ReconcileContext, changes: Changes): ReconcileResult {
    const candidates = ctx.view.controlledByOrOrphans<Pod>('Pod', owner.metadata.namespace, owner.metadata.uid ?? '');
    replicaSetTestHooks.podVisits += candidates.length;
    const claim = claimObjects(owner, selector, filterActivePods(candidates));
    const ref = newControllerRef(owner, this.adapter.apiVersion, this.adapter.kind);
    for (const pod of claim.adopted) changes.edit(pod).metadata = withControllerRef(pod, ref).metadata;
    for (const pod of claim.released) changes.edit(pod).metadata = withoutOwnerRef(pod, owner.metadata.uid ?? '').metadata;

    let manageError: { reason: string; message: string } | undefined;
    if (!owner.metadata.deletionTimestamp) manageError = this.manageReplicas(claim.claimed.length, () => claim.claimed, owner, ctx, changes);

    const minReadySeconds = owner.spec?.minReadySeconds ?? 0;
    this.writeStatus(owner, this.countStatus(owner, claim.claimed, ctx.nowMs), manageError, ctx.nowMs, changes);
    return { actions: changes.actions(), requeueAfterMs: nextAvailabilityCheckMs(claim.claimed, minReadySeconds, ctx.nowMs) };
  }

  private writeStatus(owner: Typed<ReplicaSetLike & KubeObject>, counts: StatusCounts, manageError: { reason: string; message: string } | undefined, nowMs: number, changes: Changes): void {
    const status = this.calculateStatus(owner, counts, manageError, nowMs);
    if (!statusSettled(owner, status)) {
      // Save the generation acted on, so a retried write never claims to have seen a later spec.
      if (owner.metadata.generation) status.observedGeneration = owner.metadata.generation;
      changes.edit(owner).status = status;
    }
  }

  /** The tally of this ReplicaSet's controlled pods, rebuilt when missing, stale or for another selector/template. */
  private tallyFor(view: StoreView, owner: Typed<ReplicaSetLike & KubeObject>, selector: Selector): Tally {
    const book = this.bookFor(view);
    const uid = owner.metadata.uid ?? '';
    const { basis, templateLabels, keepsReadyTimes } = this.basisOf(owner, selector);
    let tally = book.tallies.get(uid);
    if (tally && tally.basis === basis && tally.namespace === owner.metadata.namespace) return tally;
    tally = { basis, namespace: owner.metadata.namespace, selector, templateLabels, keepsReadyTimes, activeOwned: 0, matching: 0, fullyLabeled: 0, ready: 0, readySinceMs: [], lastLabels: undefined, lastMatch: LabelMatch.None };
    for (const pod of view.controlledBy<Pod>('Pod', owner.metadata.namespace, uid)) {
      replicaSetTestHooks.podVisits++;
      addToTally(tally, pod, 1);
    }
    book.tallies.set(uid, tally);
    return tally;
  }

  /** The selector/template-labels/minReadySeconds identity of a stored owner, cached per object (stored objects never change). */
  private basisOf(owner: Typed<ReplicaSetLike & KubeObject>, selector: Selector): Basis {
    // Every input lives under spec, which status writes share: one entry per spec, not per RS version.
    const key: object = owner.spec ?? owner;
    let cached = basisCache.get(key);
    if (!cached) {
      const templateLabels = selectorFromSet(this.adapter.template(owner)?.metadata?.labels as Labels | undefined);
      const keepsReadyTimes = (owner.spec?.minReadySeconds ?? 0) > 0;
      basisCache.set(key, (cached = { basis: basisKey(selector, templateLabels, keepsReadyTimes), templateLabels, keepsReadyTimes }));
    }
    return cached;
  }

  /** The tallies kept for one store; dropped whenever a write reached the store without passing keysFor. */
  private bookFor(view: StoreView): TallyBook {
    let book = this.books.get(view);
    if (!book) this.books.set(view, (book = { syncedWriteCount: view.writeCount, tallies: new Map() }));
    if (book.syncedWriteCount !== view.writeCount) {
      book.tallies.clear();
      book.syncedWriteCount = view.writeCount;
    }
    return book;
  }

  /** Applies one watch change to the tallies (called from keysFor, which sees every write in order). */
  private track(change: WatchChange, view: StoreView): void {
    const book = this.books.get(view);
    if (!book) return;
    const writeCount = view.writeCount;
    // A missed write, or a modification without its old object, leaves nothing to subtract: start over.
    if (book.syncedWriteCount !== writeCount - 1 || (change.type === 'modified' && !change.old)) {
      book.tallies.clear();
      book.syncedWriteCount = writeCount;
      return;
    }
    book.syncedWriteCount = writeCount;
    if (book.tallies.size === 0) return;
    const obj = change.object;
    if (obj.kind === this.adapter.kind) {
      if (change.type === 'deleted' && obj.metadata.uid) book.tallies.delete(obj.metadata.uid);
      return;
    }
    if (obj.kind !== 'Pod') return;
    // Most pod writes are status writes that leave the pod's tally contribution as it was.
    if (change.type === 'modified' && sameTallyContribution(change.old as Typed<Pod>, obj as Typed<Pod>)) return;
    if (change.type !== 'added') tallyChange(book, (change.old ?? obj) as Typed<Pod>, -1);
    if (change.type !== 'deleted') tallyChange(book, obj as Typed<Pod>, 1);
  }

  /** Checks every tally against a recount from the store (invariants, tests); returns the mismatches. */
  tallyMismatches(view: StoreView): string[] {
    const book = this.books.get(view);
    if (!book || book.syncedWriteCount !== view.writeCount) return [];
    const out: string[] = [];
    for (const [uid, tally] of book.tallies) {
      const fresh: Tally = { ...tally, activeOwned: 0, matching: 0, fullyLabeled: 0, ready: 0, readySinceMs: [] };
      for (const pod of view.controlledBy<Pod>('Pod', tally.namespace, uid)) addToTally(fresh, pod, 1);
      for (const field of ['activeOwned', 'matching', 'fullyLabeled', 'ready'] as const) {
        if (fresh[field] !== tally[field]) out.push(`${this.adapter.kind} uid ${uid}: tally ${field} is ${tally[field]} but a recount gives ${fresh[field]}`);
      }
      if (fresh.readySinceMs.join() !== tally.readySinceMs.join()) out.push(`${this.adapter.kind} uid ${uid}: tally readySinceMs [${tally.readySinceMs.join()}] but a recount gives [${fresh.readySinceMs.join()}]`);
    }
    return out;
  }

  /** Models replica_set.go manageReplicas; returns the failure that becomes a ReplicaFailure condition. */
  private manageReplicas(podCount: number, pods: () => readonly Typed<Pod>[], owner: Typed<ReplicaSetLike & KubeObject>, ctx: ReconcileContext, changes: Changes): { reason: string; message: string } | undefined {
    const desired = owner.spec?.replicas ?? 1;
    const diff = podCount - desired;
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
        if (hasNoLabels(pod.metadata.labels)) {
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
      const victims = podsToDelete(pods(), this.indirectlyRelatedPods(ctx.view, owner), toDelete, ctx.nowMs);
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
    const selectors: Selector[] = [];
    for (const rs of view.controlledBy(this.adapter.kind, namespace, controller.uid)) {
      const selector = this.adapter.selector(rs);
      if (selector) selectors.push(selector);
    }
    // A pod counts once however many of the selectors match it (only node counts are used).
    const seen = new Set<Typed<Pod>>();
    for (const selector of selectors) {
      for (const pod of view.selecting<Pod>('Pod', namespace, selector)) {
        replicaSetTestHooks.podVisits++;
        seen.add(pod);
      }
    }
    return [...seen];
  }

  private countStatus(owner: Typed<ReplicaSetLike & KubeObject>, pods: readonly Typed<Pod>[], nowMs: number): StatusCounts {
    const templateLabels = selectorFromSet(this.adapter.template(owner)?.metadata?.labels as Labels | undefined);
    const minReadySeconds = owner.spec?.minReadySeconds ?? 0;
    const counts: StatusCounts = { replicas: pods.length, fullyLabeled: 0, ready: 0, available: 0 };
    for (const pod of pods) {
      if (templateLabels.matches(pod.metadata.labels as Labels | undefined)) counts.fullyLabeled++;
      if (isPodReady(pod)) {
        counts.ready++;
        if (isPodAvailable(pod, minReadySeconds, nowMs)) counts.available++;
      }
    }
    return counts;
  }

  /** Models replica_set_utils.go calculateStatus. */
  private calculateStatus(owner: Typed<ReplicaSetLike & KubeObject>, counts: StatusCounts, manageError: { reason: string; message: string } | undefined, nowMs: number): ReplicaSetLikeStatus {
    const { fullyLabeled, ready, available } = counts;
    let conditions = owner.status?.conditions?.map((c) => ({ ...c }));
    const failure = conditions?.find((c) => c.type === 'ReplicaFailure');
    if (manageError && !failure) {
      conditions = [...(conditions ?? []), { type: 'ReplicaFailure', status: 'True', lastTransitionTime: isoTime(nowMs), reason: manageError.reason, message: manageError.message }];
    } else if (!manageError && failure) {
      conditions = conditions!.filter((c) => c.type !== 'ReplicaFailure');
    }
    // The API omits zero counts (omitempty) except `replicas`.
    const status: ReplicaSetLikeStatus = { replicas: counts.replicas };
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

interface StatusCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/**
 * Counts over the pods one ReplicaSet controls, under the selector and template labels it was built
 * with (`basis`): kept up to date from watch changes so a sync need not visit every owned pod.
 */
interface Tally {
  readonly basis: string;
  readonly namespace: string | undefined;
  readonly selector: Selector;
  readonly templateLabels: Selector;
  /** Whether readySinceMs is kept: only minReadySeconds reads it, and most ReplicaSets have none. */
  readonly keepsReadyTimes: boolean;
  /** Active controlled pods. */
  activeOwned: number;
  /** Active controlled pods the selector matches: what claimObjects keeps. */
  matching: number;
  /** Of those, the ones matching the template labels. */
  fullyLabeled: number;
  /** Of those, the Ready ones (also the available ones while minReadySeconds is 0). */
  ready: number;
  /** When each Ready one became ready (those with a time), ascending: availability under minReadySeconds (empty without keepsReadyTimes). */
  readonly readySinceMs: number[];
  /** The labels object last matched against the selectors, and the answer. */
  lastLabels: Labels | undefined;
  lastMatch: LabelMatch;
}

interface TallyBook {
  /** store.writeCount the tallies reflect. */
  syncedWriteCount: number;
  /** By ReplicaSet uid. */
  readonly tallies: Map<string, Tally>;
}

/**
 * Test hooks: `podVisits` counts pods looked at by syncs and tally rebuilds (cost tests);
 * `fullSyncOnly` makes every sync take the full path (differential tests against the fast path).
 */
export const replicaSetTestHooks = { podVisits: 0, fullSyncOnly: false };

/** selectorFromSet(labels).empty() without building the selector (once per created pod). */
function hasNoLabels(labels: Labels | undefined): boolean {
  if (labels === undefined || labels === null) return true;
  for (const key in labels) if (Object.prototype.hasOwnProperty.call(labels, key)) return false;
  return true;
}

interface Basis {
  readonly basis: string;
  readonly templateLabels: Selector;
  readonly keepsReadyTimes: boolean;
}

const basisCache = new WeakMap<object, Basis>();

function basisKey(selector: Selector, templateLabels: Selector, keepsReadyTimes: boolean): string {
  return `${matchesNothing(selector) ? '!' : ''}${selector.toString()}\u0000${templateLabels.toString()}\u0000${keepsReadyTimes ? 't' : ''}`;
}

function addToTally(tally: Tally, pod: Typed<Pod>, sign: 1 | -1): void {
  if (pod.metadata.namespace !== tally.namespace || !isPodActive(pod)) return;
  tally.activeOwned += sign;
  const match = labelMatch(tally, pod.metadata.labels as Labels | undefined);
  if (match === LabelMatch.None) return;
  tally.matching += sign;
  if (match === LabelMatch.FullyLabeled) tally.fullyLabeled += sign;
  if (!isPodReady(pod)) return;
  tally.ready += sign;
  if (!tally.keepsReadyTimes) return;
  const sinceMs = podReadySinceMs(pod);
  if (sinceMs === undefined) return;
  const times = tally.readySinceMs;
  const at = lowerBound(times, sinceMs);
  if (sign > 0) times.splice(at, 0, sinceMs);
  else if (times[at] === sinceMs) times.splice(at, 1);
}

const enum LabelMatch {
  None,
  Selector,
  FullyLabeled,
}

/** What the tally's selectors say of these labels; a pod's old and new versions usually share one labels object. */
function labelMatch(tally: Tally, labels: Labels | undefined): LabelMatch {
  if (labels !== undefined && labels === tally.lastLabels) return tally.lastMatch;
  const match = !tally.selector.matches(labels) ? LabelMatch.None : tally.templateLabels.matches(labels) ? LabelMatch.FullyLabeled : LabelMatch.Selector;
  if (labels !== undefined) {
    tally.lastLabels = labels;
    tally.lastMatch = match;
  }
  return match;
}

/** Index of the first element ≥ value in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** isPodAvailable over the tally: ready for longer than minReadySeconds (strictly), counted by binary search. */
function availableInTally(tally: Tally, minReadySeconds: number, nowMs: number): number {
  if (minReadySeconds <= 0) return tally.ready;
  // readySince + minReadySeconds·1000 < now  ⇔  readySince < now − minReadySeconds·1000
  return lowerBound(tally.readySinceMs, nowMs - minReadySeconds * 1000);
}

/** nextAvailabilityCheckMs over the tally, as an absolute due time: the first ready pod not yet available. */
function nextAvailableInTallyMs(tally: Tally, minReadySeconds: number, nowMs: number): number | undefined {
  const times = tally.readySinceMs;
  const firstPending = lowerBound(times, nowMs - minReadySeconds * 1000);
  return firstPending < times.length ? times[firstPending] + minReadySeconds * 1000 + 1000 : undefined;
}

/**
 * Whether removing `old` and adding `pod` would leave every tally as it is: same controller,
 * namespace and labels object (so the same selector results), activity, readiness and ready time.
 */
function sameTallyContribution(old: Typed<Pod>, pod: Typed<Pod>): boolean {
  if (old.metadata.labels !== pod.metadata.labels || old.metadata.namespace !== pod.metadata.namespace) return false;
  if (getControllerOf(old)?.uid !== getControllerOf(pod)?.uid) return false;
  if (isPodActive(old) !== isPodActive(pod)) return false;
  const readyCondition = podReadyCondition(pod);
  const oldReadyCondition = podReadyCondition(old);
  const ready = readyCondition?.status === 'True';
  if (ready !== (oldReadyCondition?.status === 'True')) return false;
  if (!ready) return true;
  // The same timestamp text is the same time, without parsing it twice.
  const since = readyCondition!.lastTransitionTime;
  const oldSince = oldReadyCondition!.lastTransitionTime;
  return since === oldSince || virtualMsFromIso(since) === virtualMsFromIso(oldSince);
}

function tallyChange(book: TallyBook, pod: Typed<Pod>, sign: 1 | -1): void {
  const ref = getControllerOf(pod);
  if (!ref) return;
  const tally = book.tallies.get(ref.uid);
  if (tally) addToTally(tally, pod, sign);
}

/**
 * Every ReplicaSet/ReplicationController tally of a simulation that differs from a full recount of
 * the store, as messages (empty when consistent). For invariants and tests: O(controlled pods).
 */
export function replicaSetTallyMismatches(sim: { readonly controllers: readonly Controller[]; readonly store: StoreView }): string[] {
  const out: string[] = [];
  for (const controller of sim.controllers) if (controller instanceof ReplicaSetController) out.push(...controller.tallyMismatches(sim.store));
  return out;
}
