import type { KubeObject, OwnerReference } from '../../api/types';
import type { Labels, Selector } from '../../api/labels';
import type { StoreView } from '../../store/ObjectStore';
import { clone } from '../../util/clone';

/** Models metav1.NewControllerRef: the reference a controller stamps on what it creates or adopts. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** Models metav1.GetControllerOf. */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/**
 * Resolves a controller reference the way controllers do (resolveControllerRef): same kind, looked up
 * by name in the dependent's namespace, and only if the uid still matches.
 */
export function resolveControllerRef<T = KubeObject>(view: StoreView, namespace: string | undefined, ref: OwnerReference | undefined, kind: string) {
  if (!ref || ref.kind !== kind) return undefined;
  const owner = view.get<T>(kind, namespace, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** The object with this owner added as its controller (the adoption patch of controller_ref_manager.go). */
export function withControllerRef<T extends KubeObject>(obj: T, ref: OwnerReference): T {
  const copy = clone(obj);
  const refs = copy.metadata.ownerReferences ?? [];
  // Strategic merge keyed by uid: an existing entry for this owner is merged in place.
  copy.metadata.ownerReferences = refs.some((r) => r.uid === ref.uid) ? refs.map((r) => (r.uid === ref.uid ? { ...r, ...ref } : r)) : [...refs, { ...ref }];
  return copy;
}

/** The object with every reference to this owner uid removed (the `$patch: delete` release patch). */
export function withoutOwnerRef<T extends KubeObject>(obj: T, ownerUid: string): T {
  const copy = clone(obj);
  const remaining = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (remaining.length > 0) copy.metadata.ownerReferences = remaining;
  else delete copy.metadata.ownerReferences;
  return copy;
}

export interface ClaimResult<T extends KubeObject> {
  /** Objects this controller now owns (adopted ones included), in input order. */
  readonly claimed: T[];
  readonly adopted: T[];
  readonly released: T[];
}

/**
 * Models controller_ref_manager.go claimObject for a list: adopt matching orphans, release owned
 * objects whose labels stopped matching, ignore objects controlled by others. Nothing is adopted or
 * released while the controller itself is being deleted; objects being deleted are never adopted.
 * `match` defaults to the selector on the object's labels; the caller writes the returned changes.
 */
export function claimObjects<T extends KubeObject>(controller: KubeObject, selector: Selector, objects: readonly T[], match: (obj: T) => boolean = (obj) => selector.matches(obj.metadata.labels as Labels | undefined)): ClaimResult<T> {
  const claimed: T[] = [];
  const adopted: T[] = [];
  const released: T[] = [];
  const controllerDeleting = Boolean(controller.metadata.deletionTimestamp);
  for (const obj of objects) {
    const ref = getControllerOf(obj);
    if (ref) {
      if (ref.uid !== controller.metadata.uid) continue;
      if (match(obj)) claimed.push(obj);
      else if (!controllerDeleting) released.push(obj);
      continue;
    }
    if (controllerDeleting || !match(obj) || obj.metadata.deletionTimestamp) continue;
    adopted.push(obj);
    claimed.push(obj);
  }
  return { claimed, adopted, released };
}
