import type { KubeObject, OwnerReference } from '../../api/types';
import { kindInfo } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import type { WatchChange } from '../../store/ObjectsDiff';
import type { Controller, ReconcileContext, ReconcileResult } from '../Controller';
import { DONE, NO_KEYS } from '../Controller';
import type { PropagationPolicy } from '../../sim/actions';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from '../../sim/Writer';
import { deepEqual } from '../../util/clone';
import { Changes } from '../common/changes';

const hasFinalizer = (obj: KubeObject, finalizer: string): boolean => obj.metadata.finalizers?.includes(finalizer) ?? false;

/** Models garbagecollector graph node isDeletingDependents: being deleted in the foreground. */
const NO_REFS: readonly OwnerReference[] = Object.freeze([]);

/** Writes share unchanged subtrees, so unchanged owner references are usually the same array. */
function sameRefs(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  return a === b || deepEqual(a, b);
}

function isDeletingDependents(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp) && hasFinalizer(obj, FINALIZER_FOREGROUND);
}

function isOrphaning(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp) && hasFinalizer(obj, FINALIZER_ORPHAN);
}

interface Classified {
  readonly solid: OwnerReference[];
  readonly dangling: OwnerReference[];
  readonly waitingForDependentsDeletion: OwnerReference[];
}

/**
 * Models pkg/controller/garbagecollector: a dependent goes once none of its owners is left
 * (background), owners deleted in the foreground wait for their blockOwnerDeletion dependents, and
 * orphaning owners first strip themselves from their dependents' ownerReferences. Keys are uids.
 */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';

  initialKeys(view: StoreView): readonly string[] {
    const keys: string[] = [];
    for (const kind of ['Pod', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'Deployment', 'HorizontalPodAutoscaler']) {
      for (const obj of view.list(kind)) {
        if (obj.metadata.uid && (obj.metadata.ownerReferences?.length || isDeletingDependents(obj) || isOrphaning(obj))) keys.push(obj.metadata.uid);
      }
    }
    return keys;
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    const obj = change.object;
    const uid = obj.metadata.uid;
    if (!uid) return NO_KEYS;
    const refs = obj.metadata.ownerReferences ?? NO_REFS;
    // Most changes are status writes that touch neither owners nor deletion: decide that before allocating.
    if (change.type === 'modified' && !isDeletingDependents(obj) && !isOrphaning(obj) && sameRefs(change.old?.metadata.ownerReferences ?? NO_REFS, refs)) return NO_KEYS;
    const keys = new Set<string>();
    if (change.type === 'deleted') {
      // Its dependents may have lost their last owner; a foreground owner may have lost a blocker.
      for (const dependent of view.dependentsOf(uid)) if (dependent.metadata.uid) keys.add(dependent.metadata.uid);
      for (const ref of refs) {
        const owner = view.getByUid(ref.uid);
        if (owner && isDeletingDependents(owner)) keys.add(ref.uid);
      }
      return [...keys];
    }
    if (isDeletingDependents(obj) || isOrphaning(obj)) {
      const old = change.old;
      if (!old || old.metadata.deletionTimestamp !== obj.metadata.deletionTimestamp || !deepEqual(old.metadata.finalizers, obj.metadata.finalizers)) keys.add(uid);
    }
    const oldRefs = change.old?.metadata.ownerReferences ?? NO_REFS;
    if (change.type === 'added' ? refs.length > 0 : !sameRefs(oldRefs, refs)) {
      if (refs.length > 0) keys.add(uid);
      for (const ref of oldRefs) {
        const owner = view.getByUid(ref.uid);
        if (owner && isDeletingDependents(owner)) keys.add(ref.uid);
      }
    }
    return [...keys];
  }

  reconcile(uid: string, ctx: ReconcileContext): ReconcileResult {
    const obj = ctx.view.getByUid(uid);
    if (!obj) return DONE;
    const changes = new Changes();
    if (isOrphaning(obj)) {
      this.orphanDependents(obj, ctx.view, changes);
    } else if (isDeletingDependents(obj)) {
      this.processDeletingDependents(obj, ctx.view, changes);
    } else {
      this.attemptToDelete(obj, ctx.view, changes);
    }
    return { actions: changes.actions() };
  }

  /** Models garbagecollector.go attemptToOrphan: strip this owner from every dependent, then drop the finalizer. */
  private orphanDependents(owner: KubeObject, view: StoreView, changes: Changes): void {
    const ownerUid = owner.metadata.uid!;
    for (const dependent of view.dependentsOf(ownerUid)) {
      const copy = changes.edit(dependent);
      const remaining = (copy.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== ownerUid);
      if (remaining.length > 0) copy.metadata.ownerReferences = remaining;
      else delete copy.metadata.ownerReferences;
    }
    removeFinalizer(changes.edit(owner), FINALIZER_ORPHAN);
  }

  /**
   * Models garbagecollector.go processDeletingDependentsItem: the owner keeps its foregroundDeletion
   * finalizer until no dependent with blockOwnerDeletion is left; meanwhile its dependents are
   * collected (they see this owner as waiting for their deletion).
   */
  private processDeletingDependents(owner: KubeObject, view: StoreView, changes: Changes): void {
    const ownerUid = owner.metadata.uid!;
    const dependents = view.dependentsOf(ownerUid);
    const blocking = dependents.filter((d) => d.metadata.ownerReferences?.some((ref) => ref.uid === ownerUid && ref.blockOwnerDeletion === true));
    if (blocking.length === 0) {
      removeFinalizer(changes.edit(owner), FINALIZER_FOREGROUND);
      return;
    }
    for (const dependent of dependents) if (!isDeletingDependents(dependent)) this.attemptToDelete(dependent, view, changes);
  }

  /** Models garbagecollector.go attemptToDeleteItem for an object not being deleted in the foreground. */
  private attemptToDelete(item: KubeObject, view: StoreView, changes: Changes): void {
    if (item.metadata.deletionTimestamp && !isDeletingDependents(item)) return;
    const refs = item.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const { solid, dangling, waitingForDependentsDeletion } = classifyReferences(item, refs, view);
    if (solid.length > 0) {
      if (dangling.length === 0 && waitingForDependentsDeletion.length === 0) return;
      // Drop references that would keep this object or its waiting owners stuck.
      const gone = new Set([...dangling, ...waitingForDependentsDeletion].map((ref) => ref.uid));
      const copy = changes.edit(item);
      copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((ref) => !gone.has(ref.uid));
      return;
    }
    const itemUid = item.metadata.uid!;
    if (waitingForDependentsDeletion.length > 0 && view.dependentsOf(itemUid).length > 0) {
      // A foreground owner waits for us, and we have dependents of our own: delete in the foreground too.
      if (view.dependentsOf(itemUid).some(isDeletingDependents)) {
        // Break a possible cycle: our references stop blocking before we wait on our dependents.
        const copy = changes.edit(item);
        copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).map((ref) => (ref.blockOwnerDeletion ? { ...ref, blockOwnerDeletion: false } : ref));
      }
      this.deleteObject(item, 'Foreground', changes);
      return;
    }
    const policy: PropagationPolicy = hasFinalizer(item, FINALIZER_ORPHAN) ? 'Orphan' : hasFinalizer(item, FINALIZER_FOREGROUND) ? 'Foreground' : 'Background';
    this.deleteObject(item, policy, changes);
  }

  private deleteObject(item: KubeObject, policy: PropagationPolicy, changes: Changes): void {
    changes.delete(item.kind, item.metadata.namespace, item.metadata.name, { uid: item.metadata.uid, propagationPolicy: policy });
  }
}

/**
 * Models garbagecollector.go classifyReferences: an owner that is gone (or replaced by a namesake
 * with another uid) is dangling; one deleting in the foreground is waiting; the rest are solid.
 * Owners of kinds Podlab does not serve cannot be looked up, so they count as solid (the real
 * collector cannot map them either and leaves the dependent alone).
 */
export function classifyReferences(item: KubeObject, refs: readonly OwnerReference[], view: StoreView): Classified {
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waitingForDependentsDeletion: OwnerReference[] = [];
  for (const ref of refs) {
    const info = kindInfo(ref.kind);
    if (!info) {
      solid.push(ref);
      continue;
    }
    const owner = view.get(ref.kind, info.namespaced ? item.metadata.namespace : undefined, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) dangling.push(ref);
    else if (isDeletingDependents(owner)) waitingForDependentsDeletion.push(ref);
    else solid.push(ref);
  }
  return { solid, dangling, waitingForDependentsDeletion };
}

function removeFinalizer(obj: KubeObject, finalizer: string): void {
  const remaining = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (remaining.length > 0) obj.metadata.finalizers = remaining;
  else delete obj.metadata.finalizers;
}
