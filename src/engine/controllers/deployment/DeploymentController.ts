import type { Deployment, KubeObject, LabelSelector, Pod, ReplicaSet, Typed } from '../../api/types';
import type { Labels } from '../../api/labels';
import type { StoreView } from '../../store/ObjectStore';
import type { WatchChange } from '../../store/ObjectsDiff';
import type { Controller, ReconcileContext, ReconcileResult } from '../Controller';
import { DONE, NO_KEYS } from '../Controller';
import type { EventInput } from '../../events/EventRecorder';
import { virtualMsFromIso } from '../../clock/VirtualClock';
import { clone, deepEqual } from '../../util/clone';
import { Changes } from '../common/changes';
import { claimObjects, getControllerOf, newControllerRef, resolveControllerRef, withControllerRef, withoutOwnerRef } from '../common/controllerRef';
import { labelSelectorFor } from '../common/selectors';
import { computeHash } from '../common/hash';
import {
  REASON, REVISION_ANNOTATION, POD_TEMPLATE_HASH_LABEL, bySizeNewer, bySizeOlder, byCreation, byRevision, deploymentComplete, deploymentProgressing,
  deploymentTimedOut, equalIgnoreHash, filterActiveReplicaSets, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets, getCondition, getProportion,
  hasProgressDeadline, isRollingUpdate, isSaturated, maxRevision, maxSurge, maxUnavailable, newCondition, newRSNewReplicas, progressDeadlineSeconds,
  removeCondition, replicasAnnotationsNeedUpdate, replicasOf, revisionHistoryLimit, rsReplicas, setCondition, setDeploymentRevision,
  setNewReplicaSetAnnotations, setReplicasAnnotations, sumAvailableReplicas, sumReadyReplicas, sumSpecReplicas, sumStatusReplicas,
  type DeploymentObj, type DeploymentStatus, type ReplicaSetObj,
} from './deploymentUtil';

const COMPONENT = 'deployment-controller';
/** Models sync.go maxRevHistoryLengthInChars. */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;
/** The workqueue's first rate-limited retry (DefaultControllerRateLimiter base delay). */
const RATE_LIMITED_RETRY_MS = 5;

/** A hash collision: the Deployment's collisionCount was raised and the sync ends until it is observed. */
class HashCollision extends Error {}

const deploymentKey = (obj: KubeObject) => `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;

/**
 * Models pkg/controller/deployment: sync.go, rolling.go, recreate.go and progress.go. The Deployment
 * owns ReplicaSets named `<deployment>-<pod-template-hash>`, scales them per its strategy and keeps
 * revision annotations, conditions and status. Rollbacks are client-side (see rollout.ts).
 */
export class DeploymentController implements Controller {
  readonly name = COMPONENT;

  initialKeys(view: StoreView): readonly string[] {
    return view.list('Deployment').map(deploymentKey);
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    const obj = change.object;
    if (obj.kind === 'Deployment') return [deploymentKey(obj)];
    if (obj.kind === 'ReplicaSet') return this.keysForReplicaSet(change, view);
    if (obj.kind === 'Pod' && change.type === 'deleted') {
      // Models deletePod: a Recreate rollout waits for the old pods to be gone.
      const rs = resolveControllerRef<ReplicaSet>(view, obj.metadata.namespace, getControllerOf(obj), 'ReplicaSet');
      const d = rs && resolveControllerRef<Deployment>(view, rs.metadata.namespace, getControllerOf(rs), 'Deployment');
      return d && d.spec?.strategy?.type === 'Recreate' ? [deploymentKey(d)] : NO_KEYS;
    }
    return NO_KEYS;
  }

  reconcile(key: string, ctx: ReconcileContext): ReconcileResult {
    const slash = key.indexOf('/');
    const stored = ctx.view.get<Deployment>('Deployment', key.slice(0, slash), key.slice(slash + 1));
    if (!stored) return DONE;
    const changes = new Changes();
    const d = changes.edit(stored, true);
    d.status ??= {};
    if (selectsEverything(stored.spec?.selector)) {
      changes.event(deploymentEvent(stored, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.'));
      if ((d.status.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) d.status.observedGeneration = d.metadata.generation;
      if (!stored.status && Object.keys(d.status).length === 0) delete d.status;
      return { actions: changes.actions() };
    }
    const selector = labelSelectorFor(stored, stored.spec?.selector);
    if (!selector) return DONE;

    // Models getReplicaSetsForDeployment: adopt matching orphans, release ReplicaSets that stopped matching.
    const claim = claimObjects(stored, selector, ctx.view.list<ReplicaSet>('ReplicaSet', stored.metadata.namespace));
    const ref = newControllerRef(stored, 'apps/v1', 'Deployment');
    for (const rs of claim.adopted) changes.edit(rs).metadata = withControllerRef(rs, ref).metadata;
    for (const rs of claim.released) changes.edit(rs).metadata = withoutOwnerRef(rs, stored.metadata.uid ?? '').metadata;
    const rsList = claim.claimed.map((rs) => changes.current(rs));

    const sync = new DeploymentSync(ctx, changes, d);
    try {
      if (d.metadata.deletionTimestamp) sync.syncStatusOnly(rsList);
      else {
        sync.checkPausedConditions();
        if (d.spec?.paused || (sync.isScalingEvent(rsList) && !sync.recreateScalingNeedsRollout(rsList))) sync.sync(rsList);
        else if (d.spec?.strategy?.type === 'Recreate') sync.rolloutRecreate(rsList, podMapFor(ctx.view, stored, rsList));
        else sync.rolloutRolling(rsList);
      }
    } catch (error) {
      if (!(error instanceof HashCollision)) throw error;
    }
    if (!stored.status && Object.keys(d.status).length === 0) delete d.status;
    return { actions: changes.actions(), requeueAfterMs: sync.requeueAfterMs };
  }

  /** Models addReplicaSet/updateReplicaSet/deleteReplicaSet. */
  private keysForReplicaSet(change: WatchChange, view: StoreView): readonly string[] {
    const rs = change.object;
    const old = change.old;
    if (change.type === 'modified') {
      if (old!.metadata.resourceVersion === rs.metadata.resourceVersion) return NO_KEYS;
      // Most are status writes to a ReplicaSet no Deployment owns, labels kept: settled before allocating.
      if (!getControllerOf(old!) && !getControllerOf(rs) && deepEqual(old!.metadata.labels ?? {}, rs.metadata.labels ?? {})) return NO_KEYS;
    }
    const keys = new Set<string>();
    const owning = (obj: KubeObject) => {
      const d = resolveControllerRef(view, obj.metadata.namespace, getControllerOf(obj), 'Deployment');
      if (d) keys.add(deploymentKey(d));
    };
    const selecting = (obj: KubeObject) => {
      for (const d of view.list<Deployment>('Deployment', obj.metadata.namespace)) {
        const selector = labelSelectorFor(d, d.spec?.selector);
        if (selector && !selector.empty() && selector.matches(obj.metadata.labels as Labels | undefined)) keys.add(deploymentKey(d));
      }
    };
    if (change.type !== 'modified') {
      if (getControllerOf(rs) || change.type === 'deleted' || rs.metadata.deletionTimestamp) owning(rs);
      else selecting(rs);
      return [...keys];
    }
    const refChanged = !deepEqual(getControllerOf(old!), getControllerOf(rs));
    if (refChanged && getControllerOf(old!)) owning(old!);
    if (getControllerOf(rs)) owning(rs);
    else if (refChanged || !deepEqual(old!.metadata.labels ?? {}, rs.metadata.labels ?? {})) selecting(rs);
    return [...keys];
  }
}

/** One sync of one Deployment: the real controller's methods over a working copy `d`. */
class DeploymentSync {
  requeueAfterMs: number | undefined;

  constructor(
    private readonly ctx: ReconcileContext,
    private readonly changes: Changes,
    private readonly d: DeploymentObj,
  ) {}

  private get status(): DeploymentStatus {
    return (this.d.status ??= {});
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.changes.event(deploymentEvent(this.d, type, reason, message));
  }

  /** Models checkPausedConditions. */
  checkPausedConditions(): void {
    if (!hasProgressDeadline(this.d)) return;
    const cond = getCondition(this.status, 'Progressing');
    if (cond?.reason === REASON.timedOut) return;
    const pausedCondExists = cond?.reason === REASON.paused;
    if (this.d.spec?.paused && !pausedCondExists) {
      setCondition(this.status, newCondition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused', this.ctx.nowMs));
    } else if (!this.d.spec?.paused && pausedCondExists) {
      setCondition(this.status, newCondition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed', this.ctx.nowMs));
    }
  }

  /** Models isScalingEvent: an active ReplicaSet was sized for a different replica count. */
  isScalingEvent(rsList: readonly ReplicaSetObj[]): boolean {
    const [newRS, oldRSs] = this.getAllReplicaSetsAndSyncRevision(rsList, false);
    for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
      const desired = rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'];
      if (desired === undefined || !/^-?[0-9]+$/.test(desired)) continue;
      if (Number(desired) !== replicasOf(this.d)) return true;
    }
    return false;
  }

  /**
   * A Recreate Deployment whose replica count changed while several ReplicaSets are active: scale()
   * only resizes a single active (or the latest) ReplicaSet, and proportional scaling is for
   * RollingUpdate, so sync would leave the desired-replicas annotations stale and see the same
   * scaling event forever. rolloutRecreate handles it instead: it scales the old ReplicaSets to 0
   * (which refreshes their annotations) and then the new one to the full count.
   */
  recreateScalingNeedsRollout(rsList: readonly ReplicaSetObj[]): boolean {
    if (this.d.spec?.strategy?.type !== 'Recreate') return false;
    const [newRS, oldRSs] = this.getAllReplicaSetsAndSyncRevision(rsList, false);
    return !findActiveOrLatest(newRS, oldRSs) && !isSaturated(this.d, newRS);
  }

  syncStatusOnly(rsList: readonly ReplicaSetObj[]): void {
    const [newRS, oldRSs] = this.getAllReplicaSetsAndSyncRevision(rsList, false);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS);
  }

  /** Models sync: scaling events and paused Deployments (no rollout). */
  sync(rsList: readonly ReplicaSetObj[]): void {
    const [newRS, oldRSs] = this.getAllReplicaSetsAndSyncRevision(rsList, false);
    this.scale(newRS, oldRSs);
    if (this.d.spec?.paused) this.cleanupDeployment(oldRSs);
    this.syncDeploymentStatus([...oldRSs.map((rs) => this.changes.current(rs)), newRS && this.changes.current(newRS)], newRS);
  }

  /** Models rolling.go rolloutRolling. */
  rolloutRolling(rsList: readonly ReplicaSetObj[]): void {
    const [newRS, oldRSs] = this.getAllReplicaSetsAndSyncRevision(rsList, true);
    const allRSs = [...oldRSs, newRS!];
    if (this.reconcileNewReplicaSet(allRSs, newRS!)) return this.syncRolloutStatus(allRSs, newRS);
    if (this.reconcileOldReplicaSets(allRSs, filterActiveReplicaSets(oldRSs), newRS!)) return this.syncRolloutStatus(allRSs, newRS);
    if (deploymentComplete(this.d, this.status)) this.cleanupDeployment(oldRSs);
    this.syncRolloutStatus(allRSs, newRS);
  }

  /** Models recreate.go rolloutRecreate: scale every old ReplicaSet to 0, wait for their pods, then scale up. */
  rolloutRecreate(rsList: readonly ReplicaSetObj[], podMap: Map<string, Typed<Pod>[]>): void {
    let [newRS, oldRSs] = this.getAllReplicaSetsAndSyncRevision(rsList, false);
    let allRSs = [...oldRSs, newRS];
    let scaledDown = false;
    for (const rs of filterActiveReplicaSets(oldRSs)) if (this.scaleReplicaSetAndRecordEvent(rs, 0)[0]) scaledDown = true;
    if (scaledDown) return this.syncRolloutStatus(allRSs, newRS);
    if (oldPodsRunning(newRS, oldRSs, podMap)) return this.syncRolloutStatus(allRSs, newRS);
    if (!newRS) {
      [newRS, oldRSs] = this.getAllReplicaSetsAndSyncRevision(rsList, true);
      allRSs = [...oldRSs, newRS];
    }
    this.scaleReplicaSetAndRecordEvent(newRS!, replicasOf(this.d));
    if (deploymentComplete(this.d, this.status)) this.cleanupDeployment(oldRSs);
    this.syncRolloutStatus(allRSs, newRS);
  }

  /** Models sync.go getAllReplicaSetsAndSyncRevision. */
  private getAllReplicaSetsAndSyncRevision(rsList: readonly ReplicaSetObj[], createIfNotExisted: boolean): [ReplicaSetObj | undefined, ReplicaSetObj[]] {
    const current = rsList.map((rs) => this.changes.current(rs));
    const [, oldRSs] = findOldReplicaSets(this.d, current);
    return [this.getNewReplicaSet(current, oldRSs, createIfNotExisted), oldRSs];
  }

  /** Models sync.go getNewReplicaSet: sync the new ReplicaSet's revision, or create it (pod-template-hash named). */
  private getNewReplicaSet(rsList: readonly ReplicaSetObj[], oldRSs: readonly ReplicaSetObj[], createIfNotExisted: boolean): ReplicaSetObj | undefined {
    const d = this.d;
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    if (existing) {
      const rsCopy = this.changes.edit(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, MAX_REV_HISTORY_LENGTH_IN_CHARS);
      const minReadySeconds = d.spec?.minReadySeconds ?? 0;
      if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
        rsCopy.spec = { ...rsCopy.spec!, minReadySeconds };
        if (!minReadySeconds) delete rsCopy.spec.minReadySeconds;
        return rsCopy;
      }
      setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION]);
      if (hasProgressDeadline(d) && !getCondition(this.status, 'Progressing')) {
        setCondition(this.status, newCondition('Progressing', 'True', REASON.foundNewRS, `Found new replica set "${rsCopy.metadata.name}"`, this.ctx.nowMs));
      }
      return rsCopy;
    }
    if (!createIfNotExisted) return undefined;

    const template = clone(d.spec?.template ?? {});
    const hash = computeHash(template, this.status.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = clone(d.spec?.selector ?? {}) as LabelSelector;
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const newRS: ReplicaSetObj = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')] },
      spec: { replicas: 0, ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
    } as ReplicaSetObj;
    const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    newRS.spec!.replicas = newReplicasCount;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false, MAX_REV_HISTORY_LENGTH_IN_CHARS);

    let created: ReplicaSetObj;
    const namesake = this.ctx.view.get<ReplicaSet>('ReplicaSet', d.metadata.namespace, newRS.metadata.name);
    const alreadyExists = Boolean(namesake);
    if (namesake) {
      if (getControllerOf(namesake)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, namesake.spec?.template)) {
        created = this.changes.current(namesake);
      } else {
        // A different ReplicaSet already has this name: bump collisionCount so the next hash differs.
        this.status.collisionCount = (this.status.collisionCount ?? 0) + 1;
        throw new HashCollision();
      }
    } else {
      created = this.changes.create(newRS);
    }
    if (!alreadyExists && newReplicasCount > 0) this.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicasCount}`);
    setDeploymentRevision(d, newRevision);
    if (!alreadyExists && hasProgressDeadline(d)) {
      setCondition(this.status, newCondition('Progressing', 'True', REASON.newReplicaSet, `Created new replica set "${created.metadata.name}"`, this.ctx.nowMs));
    }
    return created;
  }

  /** Models sync.go scale: proportional scaling of every active ReplicaSet when the replica count changes mid-rollout. */
  private scale(newRS: ReplicaSetObj | undefined, oldRSs: readonly ReplicaSetObj[]): void {
    const d = this.d;
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (rsReplicas(activeOrLatest) !== replicasOf(d)) this.scaleReplicaSetAndRecordEvent(activeOrLatest, replicasOf(d));
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActiveReplicaSets(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
    const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    const toAdd = allowedSize - sumSpecReplicas(allRSs);
    let operation = '';
    if (toAdd > 0) {
      allRSs.sort(bySizeNewer);
      operation = 'up';
    } else if (toAdd < 0) {
      allRSs.sort(bySizeOlder);
      operation = 'down';
    }
    let added = 0;
    const sizes = allRSs.map((rs) => {
      if (toAdd === 0) return rsReplicas(rs);
      const proportion = getProportion(rs, d, toAdd, added);
      added += proportion;
      return rsReplicas(rs) + proportion;
    });
    allRSs.forEach((rs, i) => {
      // Leftovers go to the largest ReplicaSet.
      if (i === 0 && toAdd !== 0) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
      this.scaleReplicaSet(rs, sizes[i], operation);
    });
  }

  private scaleReplicaSetAndRecordEvent(rs: ReplicaSetObj, newScale: number): [boolean, ReplicaSetObj] {
    if (rsReplicas(rs) === newScale) return [false, rs];
    return this.scaleReplicaSet(rs, newScale, rsReplicas(rs) < newScale ? 'up' : 'down');
  }

  /** Models scaleReplicaSet: set replicas and the desired/max annotations; an event when the size changes. */
  private scaleReplicaSet(rs: ReplicaSetObj, newScale: number, operation: string): [boolean, ReplicaSetObj] {
    const d = this.d;
    const sizeNeedsUpdate = rsReplicas(rs) !== newScale;
    const max = replicasOf(d) + maxSurge(d);
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicasOf(d), max)) return [false, rs];
    const oldScale = rsReplicas(rs);
    const copy = this.changes.edit(rs);
    copy.spec = { ...copy.spec!, replicas: newScale };
    setReplicasAnnotations(copy, replicasOf(d), max);
    if (sizeNeedsUpdate) this.event('Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${copy.metadata.name} from ${oldScale} to ${newScale}`);
    return [sizeNeedsUpdate, copy];
  }

  /** Models rolling.go reconcileNewReplicaSet. */
  private reconcileNewReplicaSet(allRSs: readonly ReplicaSetObj[], newRS: ReplicaSetObj): boolean {
    const replicas = replicasOf(this.d);
    if (rsReplicas(newRS) === replicas) return false;
    if (rsReplicas(newRS) > replicas) return this.scaleReplicaSetAndRecordEvent(newRS, replicas)[0];
    return this.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(this.d, allRSs, newRS))[0];
  }

  /** Models rolling.go reconcileOldReplicaSets: scale old ReplicaSets down as far as availability allows. */
  private reconcileOldReplicaSets(allRSs: readonly ReplicaSetObj[], oldRSs: ReplicaSetObj[], newRS: ReplicaSetObj): boolean {
    if (sumSpecReplicas(oldRSs) === 0) return false;
    const minAvailable = replicasOf(this.d) - maxUnavailable(this.d);
    const newRSUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = sumSpecReplicas(allRSs) - minAvailable - newRSUnavailable;
    if (maxScaledDown <= 0) return false;
    const [cleaned, cleanupCount] = this.cleanupUnhealthyReplicas(oldRSs, maxScaledDown);
    const scaledDownCount = this.scaleDownOldReplicaSetsForRollingUpdate([...cleaned, newRS], cleaned);
    return cleanupCount + scaledDownCount > 0;
  }

  /** Models cleanupUnhealthyReplicas: drop unavailable old replicas first, oldest ReplicaSet first. */
  private cleanupUnhealthyReplicas(oldRSs: readonly ReplicaSetObj[], maxCleanupCount: number): [ReplicaSetObj[], number] {
    const sorted = [...oldRSs].sort(byCreation);
    let total = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (total >= maxCleanupCount) break;
      const target = sorted[i];
      const available = target.status?.availableReplicas ?? 0;
      if (rsReplicas(target) === 0 || rsReplicas(target) === available) continue;
      const scaledDown = Math.min(maxCleanupCount - total, rsReplicas(target) - available);
      sorted[i] = this.scaleReplicaSetAndRecordEvent(target, rsReplicas(target) - scaledDown)[1];
      total += scaledDown;
    }
    return [sorted, total];
  }

  /** Models scaleDownOldReplicaSetsForRollingUpdate: never below replicas - maxUnavailable available pods. */
  private scaleDownOldReplicaSetsForRollingUpdate(allRSs: readonly ReplicaSetObj[], oldRSs: readonly ReplicaSetObj[]): number {
    const minAvailable = replicasOf(this.d) - maxUnavailable(this.d);
    const available = sumAvailableReplicas(allRSs);
    if (available <= minAvailable) return 0;
    const totalScaleDownCount = available - minAvailable;
    let total = 0;
    for (const target of [...oldRSs].sort(byCreation)) {
      if (total >= totalScaleDownCount) break;
      if (rsReplicas(target) === 0) continue;
      const scaleDownCount = Math.min(rsReplicas(target), totalScaleDownCount - total);
      this.scaleReplicaSetAndRecordEvent(target, rsReplicas(target) - scaleDownCount);
      total += scaleDownCount;
    }
    return total;
  }

  /** Models cleanupDeployment: keep revisionHistoryLimit old ReplicaSets; delete older empty ones. */
  private cleanupDeployment(oldRSs: readonly ReplicaSetObj[]): void {
    const cleanable = oldRSs.map((rs) => this.changes.current(rs)).filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - revisionHistoryLimit(this.d);
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (const rs of cleanable.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.changes.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name, { uid: rs.metadata.uid });
    }
  }

  /** Models sync.go calculateStatus. */
  private calculateStatus(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined): DeploymentStatus {
    const d = this.d;
    const available = sumAvailableReplicas(allRSs);
    const unavailable = Math.max(0, sumSpecReplicas(allRSs) - available);
    const status: DeploymentStatus = {};
    if (d.metadata.generation) status.observedGeneration = d.metadata.generation;
    const replicas = sumStatusReplicas(allRSs);
    const updated = sumStatusReplicas([newRS]);
    const ready = sumReadyReplicas(allRSs);
    // The API omits zero counts.
    if (replicas) status.replicas = replicas;
    if (updated) status.updatedReplicas = updated;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    if (unavailable) status.unavailableReplicas = unavailable;
    if (this.status.conditions?.length) status.conditions = this.status.conditions.map((c) => ({ ...c }));
    if (this.status.collisionCount !== undefined) status.collisionCount = this.status.collisionCount;
    if (available >= replicasOf(d) - maxUnavailable(d)) {
      setCondition(status, newCondition('Available', 'True', REASON.minimumReplicasAvailable, 'Deployment has minimum availability.', this.ctx.nowMs));
    } else {
      setCondition(status, newCondition('Available', 'False', REASON.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', this.ctx.nowMs));
    }
    return status;
  }

  private syncDeploymentStatus(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined): void {
    const next = this.calculateStatus(allRSs, newRS);
    if (!deepEqual(this.d.status, next)) this.d.status = next;
  }

  /** Models progress.go syncRolloutStatus: Progressing condition (complete, progressing, or timed out). */
  private syncRolloutStatus(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined): void {
    const d = this.d;
    const next = this.calculateStatus(allRSs, newRS);
    if (!hasProgressDeadline(d)) removeCondition(next, 'Progressing');
    const currentCond = getCondition(this.status, 'Progressing');
    const isCompleteDeployment = (next.replicas ?? 0) === (next.updatedReplicas ?? 0) && currentCond?.reason === REASON.newRSAvailable;
    if (hasProgressDeadline(d) && !isCompleteDeployment) {
      const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
      if (deploymentComplete(d, next)) {
        setCondition(next, newCondition('Progressing', 'True', REASON.newRSAvailable, `${subject} has successfully progressed.`, this.ctx.nowMs));
      } else if (deploymentProgressing(d, next)) {
        // Progress refreshes lastUpdateTime even with the same reason, so the condition is replaced.
        const condition = newCondition('Progressing', 'True', REASON.replicaSetUpdated, `${subject} is progressing.`, this.ctx.nowMs);
        if (currentCond) {
          if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
          removeCondition(next, 'Progressing');
        }
        setCondition(next, condition);
      } else if (deploymentTimedOut(d, next, this.ctx.nowMs)) {
        setCondition(next, newCondition('Progressing', 'False', REASON.timedOut, `${subject} has timed out progressing.`, this.ctx.nowMs));
      }
    }
    const failure = replicaFailure(allRSs, newRS);
    if (failure) setCondition(next, failure);
    else removeCondition(next, 'ReplicaFailure');
    if (deepEqual(this.status, next)) {
      this.requeueStuckDeployment(next);
      return;
    }
    d.status = next;
  }

  /** Models requeueStuckDeployment: come back when the progress deadline would pass. */
  private requeueStuckDeployment(next: DeploymentStatus): void {
    const d = this.d;
    const currentCond = getCondition(this.status, 'Progressing');
    if (!hasProgressDeadline(d) || !currentCond) return;
    if (deploymentComplete(d, next) || currentCond.reason === REASON.timedOut) return;
    // A rollout that completed (NewReplicaSetAvailable) never times out (deploymentTimedOut), so
    // waiting for its deadline can change nothing: requeueing would only spin.
    if (currentCond.reason === REASON.newRSAvailable) return;
    const lastUpdateMs = virtualMsFromIso(currentCond.lastUpdateTime);
    if (lastUpdateMs === undefined) return;
    const afterMs = lastUpdateMs + progressDeadlineSeconds(d) * 1000 - this.ctx.nowMs;
    // Past the deadline the sync that saw it already ran deploymentTimedOut; a tight retry loop
    // would not change the outcome (the real rate limiter backs off exponentially).
    if (afterMs < 0) return;
    this.requeueAfterMs = afterMs < 1000 ? Math.max(RATE_LIMITED_RETRY_MS, afterMs + 1) : afterMs;
  }
}

/** Models getReplicaFailures: the new ReplicaSet's ReplicaFailure wins over old ones'. */
function replicaFailure(allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj | undefined) {
  const fromRS = (rs: ReplicaSetObj | undefined) => {
    const c = rs?.status?.conditions?.find((cond) => cond.type === 'ReplicaFailure');
    return c ? { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message } : undefined;
  };
  return fromRS(newRS) ?? allRSs.map(fromRS).find((c) => c !== undefined);
}

/** Models recreate.go oldPodsRunning: old ReplicaSets still report pods, or any of their pods is not finished. */
function oldPodsRunning(newRS: ReplicaSetObj | undefined, oldRSs: readonly ReplicaSetObj[], podMap: Map<string, Typed<Pod>[]>): boolean {
  if (sumStatusReplicas(oldRSs) > 0) return true;
  for (const [rsUid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUid) continue;
    if (pods.some((pod) => pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}

/** Models getPodMapForDeployment: the Deployment's pods grouped by the uid of their ReplicaSet. */
function podMapFor(view: StoreView, d: DeploymentObj, rsList: readonly ReplicaSetObj[]): Map<string, Typed<Pod>[]> {
  const map = new Map<string, Typed<Pod>[]>();
  for (const rs of rsList) if (rs.metadata.uid) map.set(rs.metadata.uid, []);
  const selector = labelSelectorFor(d, d.spec?.selector);
  if (!selector) return map;
  // Only pods controlled by these ReplicaSets land in the map: read them from the controller index.
  for (const [rsUid, list] of map) {
    for (const pod of view.controlledBy<Pod>('Pod', d.metadata.namespace, rsUid)) if (selector.matches(pod.metadata.labels as Labels | undefined)) list.push(pod);
  }
  return map;
}

function selectsEverything(selector: LabelSelector | undefined): boolean {
  return selector !== undefined && selector !== null && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

function deploymentEvent(d: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): EventInput {
  return { involvedObject: { kind: 'Deployment', namespace: d.metadata.namespace, name: d.metadata.name, uid: d.metadata.uid, apiVersion: 'apps/v1' }, type, reason, message, source: { component: COMPONENT } };
}
