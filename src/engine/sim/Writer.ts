import type { KubeObject, Pod, PodSpec, Typed } from '../api/types';
import { kindInfo, DEFAULT_NAMESPACE } from '../api/types';
import type { ObjectStore } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import type { VirtualClock } from '../clock/VirtualClock';
import { isoTime, virtualMsFromIso } from '../clock/VirtualClock';
import type { Rng } from '../random/Rng';
import { generateName, newUid } from '../random/ids';
import { ApiError, alreadyExists, notFound } from '../apiserver/errors';
import { clone, cloneShared, deepEqual, deepFreeze, setOwn, shareEqual } from '../util/clone';
import type { DeleteOptions } from './actions';
import { strategyFor } from '../apiserver/strategy';
import '../apiserver/kinds/index';
import { MAX_GRACE_PERIOD_SECONDS } from './limits';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';
export const DEFAULT_TERMINATION_GRACE_SECONDS = 30;

/** metadata fields a new version may share with the previous one (the rest are stamped per write). */
const SHARED_METADATA = ['labels', 'annotations', 'ownerReferences', 'finalizers'] as const;
const SHARED_METADATA_KEYS: ReadonlySet<string> = new Set(SHARED_METADATA);
/** Owners whose last created object is remembered for sharing; past this the memo starts over. */
const SIBLINGS_MAX = 10_000;

/** Generated names retry on collision like the apiserver; past this it reports the conflict. */
const MAX_GENERATE_NAME_ATTEMPTS = 8;

/** The resource name kubectl and the apiserver use in messages: `pods`, `replicasets.apps`. */
export function qualifiedResource(kind: string): string {
  const info = kindInfo(kind);
  if (!info) return kind.toLowerCase();
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/**
 * The single writer: the only code that mutates the ObjectStore. Every write stamps metadata the
 * way the apiserver does (uid, resourceVersion, generation, creationTimestamp, generated names),
 * produces one WatchChange, and applies deletion semantics (grace periods, finalizers).
 */
export class Writer {
  /** The last object each controller created: its next one (same template) shares the equal parts. */
  private readonly lastCreatedByOwner = new Map<string, KubeObject>();
  /**
   * Bound pod specs by the unbound spec they came from, per node: siblings share their unbound spec
   * (see create), and binding them to one node makes equal specs again, kept once.
   */
  private readonly boundSpecs = new WeakMap<PodSpec, Map<string, PodSpec>>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    private readonly emit: (change: WatchChange) => void,
    private readonly freeze: boolean,
  ) {}

  create(input: KubeObject): KubeObject {
    const obj = clone(input);
    // Every create goes through the kind's defaulting and admission, as in the apiserver (idempotent).
    strategyFor(obj.kind)?.defaults(obj);
    const info = kindInfo(obj.kind);
    obj.metadata = { ...obj.metadata };
    if (info?.namespaced) obj.metadata.namespace = obj.metadata.namespace || DEFAULT_NAMESPACE;
    else delete obj.metadata.namespace;
    if (!obj.metadata.name) {
      const base = obj.metadata.generateName;
      if (!base) throw new ApiError('Invalid', `${obj.kind} is invalid: metadata.name: Required value: name or generateName is required`);
      let attempt = 0;
      do {
        obj.metadata.name = generateName(base, this.rng);
      } while (this.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name) && ++attempt < MAX_GENERATE_NAME_ATTEMPTS);
    }
    if (this.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) throw alreadyExists(qualifiedResource(obj.kind), obj.metadata.name);
    obj.metadata.uid = newUid(this.rng);
    obj.metadata.creationTimestamp = isoTime(this.clock.nowMs());
    obj.metadata.resourceVersion = String(++this.store.resourceVersion);
    if (hasGeneration(obj.kind)) obj.metadata.generation = 1;
    delete obj.metadata.deletionTimestamp;
    const ownerUid = obj.metadata.ownerReferences?.find((ref) => ref.controller)?.uid;
    if (ownerUid) {
      const sibling = this.lastCreatedByOwner.get(ownerUid);
      if (sibling && sibling.kind === obj.kind) shareWith(obj, sibling);
      if (this.lastCreatedByOwner.size >= SIBLINGS_MAX) this.lastCreatedByOwner.clear();
      this.lastCreatedByOwner.set(ownerUid, obj);
    }
    this.commit(obj);
    this.emit({ type: 'added', object: obj });
    return obj;
  }

  /** Replaces an object. A set resourceVersion must match (optimistic concurrency); metadata stamps are kept. */
  update(input: KubeObject): KubeObject {
    const current = this.store.get(input.kind, input.metadata.namespace ?? (kindInfo(input.kind)?.namespaced ? DEFAULT_NAMESPACE : undefined), input.metadata.name);
    if (!current) throw notFound(qualifiedResource(input.kind), input.metadata.name);
    if (input.metadata.uid && input.metadata.uid !== current.metadata.uid) {
      throw new ApiError('Conflict', `Precondition failed: UID in precondition: ${input.metadata.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== current.metadata.resourceVersion) {
      throw new ApiError('Conflict', `Operation cannot be fulfilled on ${qualifiedResource(input.kind)} "${input.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const obj = copyAgainst(input, current);
    if (hasGeneration(obj.kind)) {
      const generation = current.metadata.generation ?? 1;
      obj.metadata.generation = deepEqual(obj.spec, current.spec) ? generation : generation + 1;
    }
    // copyAgainst made every part equal to current's *be* current's, so identity is equality here.
    if (sameBodyAs(obj, current) && deepEqual(obj.metadata, { ...current.metadata, resourceVersion: obj.metadata.resourceVersion ?? current.metadata.resourceVersion })) {
      return current; // no-op writes do not bump resourceVersion, as in the apiserver
    }
    obj.metadata.resourceVersion = String(++this.store.resourceVersion);
    if (obj.metadata.deletionTimestamp && (obj.metadata.finalizers?.length ?? 0) === 0 && !isGracefulPod(obj)) {
      return this.remove(current);
    }
    if (obj.kind === 'Pod') this.shareBoundSpec(obj as Typed<Pod>, current as Typed<Pod>);
    this.commit(obj);
    this.emit({ type: 'modified', object: obj, old: current });
    return obj;
  }

  /**
   * Models the apiserver's graceful deletion and finalizer handling: pods on a node get a
   * deletionTimestamp and wait for their kubelet; objects with finalizers (including orphan and
   * foregroundDeletion added here for those policies) wait for the garbage collector.
   */
  delete(kind: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    const ns = kindInfo(kind)?.namespaced ? namespace || DEFAULT_NAMESPACE : undefined;
    const current = this.store.get(kind, ns, name);
    if (!current) throw notFound(qualifiedResource(kind), name);
    if (options.uid && options.uid !== current.metadata.uid) {
      throw new ApiError('Conflict', `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    const now = this.clock.nowMs();
    const finalizers = [...(current.metadata.finalizers ?? [])];
    const policy = options.propagationPolicy;
    if (policy === 'Orphan' && !finalizers.includes(FINALIZER_ORPHAN)) finalizers.push(FINALIZER_ORPHAN);
    if (policy === 'Foreground' && !finalizers.includes(FINALIZER_FOREGROUND)) finalizers.push(FINALIZER_FOREGROUND);

    if (kind === 'Pod') {
      const pod = current as Typed<Pod>;
      const phase = pod.status?.phase;
      const bound = Boolean(pod.spec?.nodeName);
      let grace = options.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_SECONDS;
      // Unbound and finished pods have no kubelet to wait for (pkg/registry/core/pod/strategy.go CheckGracefulDelete).
      if (!bound || phase === 'Succeeded' || phase === 'Failed') grace = 0;
      // Keep deletionTimestamp representable whatever the manifest said (1e15 s overflows a Date).
      if (!(grace <= MAX_GRACE_PERIOD_SECONDS)) grace = MAX_GRACE_PERIOD_SECONDS;
      const currentGrace = current.metadata.deletionGracePeriodSeconds;
      if (grace > 0 && (currentGrace === undefined || grace < currentGrace)) {
        return this.markDeleting(current, finalizers, now + grace * 1000, grace);
      }
      if (grace > 0) return current; // already terminating with a shorter or equal grace period
    }
    if (finalizers.length > 0) {
      // markAsDeleting (genericregistry store): a final, grace-0 delete of a pod still held by
      // finalizers records grace 0 and a deletionTimestamp no later than now, so the pod goes as soon
      // as the finalizers are removed instead of waiting for a kubelet that has already finished.
      const since = virtualMsFromIso(current.metadata.deletionTimestamp);
      const finalPodDelete = kind === 'Pod' && (current.metadata.deletionGracePeriodSeconds ?? 0) > 0;
      return this.markDeleting(current, finalizers, since === undefined || (finalPodDelete && since > now) ? now : undefined, 0, finalPodDelete);
    }
    return this.remove(current);
  }

  private markDeleting(current: KubeObject, finalizers: string[], deletionAtMs: number | undefined, graceSeconds: number, setGrace = false): KubeObject {
    // Only top-level metadata changes: the rest stays shared with the current version.
    const obj = { ...current, metadata: { ...current.metadata } } as KubeObject;
    obj.metadata.finalizers = finalizers.length > 0 ? finalizers : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    if (deletionAtMs !== undefined) obj.metadata.deletionTimestamp = isoTime(deletionAtMs);
    if (deletionAtMs !== undefined || setGrace) obj.metadata.deletionGracePeriodSeconds = graceSeconds;
    if (deepEqual(obj.metadata, current.metadata)) return current;
    obj.metadata.resourceVersion = String(++this.store.resourceVersion);
    this.commit(obj);
    this.emit({ type: 'modified', object: obj, old: current });
    return obj;
  }

  private remove(current: KubeObject): KubeObject {
    this.store.remove(current);
    this.store.resourceVersion++;
    this.emit({ type: 'deleted', object: current, old: current });
    return current;
  }

  private shareBoundSpec(pod: Typed<Pod>, current: Typed<Pod>): void {
    const spec = pod.spec, unbound = current.spec;
    if (!spec?.nodeName || !unbound || unbound.nodeName || spec === unbound) return;
    let byNode = this.boundSpecs.get(unbound);
    if (!byNode) this.boundSpecs.set(unbound, (byNode = new Map()));
    const kept = byNode.get(spec.nodeName);
    if (kept && deepEqual(kept, spec)) pod.spec = kept;
    else byNode.set(spec.nodeName, spec);
  }

  private commit(obj: KubeObject): void {
    this.store.put(this.freeze ? deepFreeze(obj) : obj);
  }
}

/** metadata an update cannot change: the stored version's values are kept (see keptMetadata). */
const KEPT_METADATA = ['uid', 'name', 'namespace', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const;
const KEPT_METADATA_KEYS: ReadonlySet<string> = new Set(KEPT_METADATA);

/** Whether an update's metadata holds this kept key: namespace only when set, the deletion stamps only on a deleting object (an update never clears them). */
function keptMetadata(currentMeta: Record<string, unknown>, key: string): boolean {
  if (key === 'namespace') return Boolean(currentMeta.namespace);
  if (key === 'deletionTimestamp' || key === 'deletionGracePeriodSeconds') return Boolean(currentMeta.deletionTimestamp);
  return true;
}

/**
 * The writer's private copy of an update: metadata is fresh (the writer stamps it) and keeps the
 * stored version's KEPT_METADATA; every other part is copied only where it differs from the stored
 * version and is the stored part otherwise.
 */
function copyAgainst(input: KubeObject, current: KubeObject): KubeObject {
  const next = input as unknown as Record<string, unknown>, old = current as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in next) {
    const value = next[key];
    if (value === undefined || key === 'metadata') continue;
    setOwn(out, key, cloneShared(value, old[key]));
  }
  const meta: Record<string, unknown> = {};
  const inputMeta = input.metadata as Record<string, unknown>, oldMeta = current.metadata as Record<string, unknown>;
  for (const key in inputMeta) {
    const value = inputMeta[key];
    if (value === undefined) continue;
    if (KEPT_METADATA_KEYS.has(key)) {
      if (keptMetadata(oldMeta, key)) meta[key] = oldMeta[key];
    } else setOwn(meta, key, SHARED_METADATA_KEYS.has(key) ? cloneShared(value, oldMeta[key]) : clone(value));
  }
  // Kept keys the input lacks go last. Built without `delete`: that turns an object into a hash
  // table (metadata took 448 bytes more per stored version).
  for (const key of KEPT_METADATA) if (!Object.prototype.hasOwnProperty.call(meta, key) && keptMetadata(oldMeta, key)) meta[key] = oldMeta[key];
  out.metadata = meta;
  return out as unknown as KubeObject;
}

/** Every part but metadata is the stored part (after copyAgainst, that means equal). */
function sameBodyAs(obj: KubeObject, current: KubeObject): boolean {
  const next = obj as unknown as Record<string, unknown>, old = current as unknown as Record<string, unknown>;
  let count = 0;
  for (const key in next) {
    if (key === 'metadata' || next[key] === undefined) continue;
    if (next[key] !== old[key]) return false;
    count++;
  }
  for (const key in old) if (key !== 'metadata' && old[key] !== undefined) count--;
  return count === 0;
}

/** Points the parts of a new object version that equal `prev`'s at prev's (stored objects are immutable). */
function shareWith(obj: KubeObject, prev: KubeObject): void {
  const next = obj as unknown as Record<string, unknown>, old = prev as unknown as Record<string, unknown>;
  for (const key in next) {
    if (key === 'metadata' || key === '__proto__' || next[key] === undefined) continue;
    next[key] = shareEqual(next[key], old[key]);
  }
  const meta = obj.metadata as Record<string, unknown>, oldMeta = prev.metadata as Record<string, unknown>;
  for (const key of SHARED_METADATA) if (meta[key] !== undefined) meta[key] = shareEqual(meta[key], oldMeta[key]);
}

function hasGeneration(kind: string): boolean {
  return kind !== 'Node' && kind !== 'Namespace' && kind !== 'Pod';
}

/** A pod still being stopped by its kubelet keeps existing after its finalizers are gone. */
function isGracefulPod(obj: KubeObject): boolean {
  return obj.kind === 'Pod' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}
