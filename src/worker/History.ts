import type { Cluster, KubeObject, WatchChange } from '../engine/index';
import type { ObjectRefDto, OwnershipChangeDto, ScaleDownCriterion, ScaleDownDto } from '../protocol/dto';
import { isoMs } from './podColumns';
import { selectorText } from './toDto';

/** Objects whose ownership history is kept (oldest forgotten first). */
export const HISTORY_OBJECTS_MAX = 5_000;
/** Changes kept per object. */
export const HISTORY_CHANGES_MAX = 12;
/** Scale-down records kept. */
export const SCALE_DOWNS_MAX = 2_000;

type Obj = KubeObject & { spec?: any; status?: any };

interface OwnerRef {
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
}

/** One sync of a ReplicaSet/ReplicationController that deleted pods: the victims and who survived. */
interface ScaleDownBatch {
  readonly atMs: number;
  readonly owner: ObjectRefDto;
  readonly desired: number;
  /** Victims as they were just before their deletion. */
  readonly victims: Obj[];
  /** Active pods of the owner that were not deleted in this sync. */
  survivors: Obj[];
  /** Active pods of related ReplicaSets (same Deployment), for the co-location rank. */
  readonly related: Obj[];
}

function controllerRef(obj: KubeObject | undefined): OwnerRef | undefined {
  const ref = (obj?.metadata.ownerReferences ?? []).find((r) => r?.controller);
  return ref ? { kind: String(ref.kind), name: String(ref.name), uid: String(ref.uid ?? '') } : undefined;
}

function isActive(pod: Obj): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/**
 * Watches one Cluster and remembers what the engine's objects do not keep: how an object's
 * controller owner changed over time (adopted, released, orphaned) and, for pods a ReplicaSet or
 * ReplicationController deleted on scale-down, the pods they were ranked against. Attached to the
 * live cluster and to every replay cluster alike, so the past has the same history (determinism).
 */
export class History {
  private readonly ownership = new Map<string, OwnershipChangeDto[]>();
  private readonly batches = new Map<string, ScaleDownBatch>();
  /** The batch each scale-down victim belongs to, by pod uid. */
  private readonly victimBatch = new Map<string, string>();
  private readonly unwatch: () => void;

  constructor(private readonly cluster: Cluster) {
    this.unwatch = cluster.sim.watch((change) => this.onChange(change));
  }

  dispose(): void {
    this.unwatch();
  }

  ownershipOf(uid: string): readonly OwnershipChangeDto[] {
    return this.ownership.get(uid) ?? [];
  }

  /** Why this pod was chosen on scale-down; undefined when it was not deleted that way. */
  scaleDownOf(uid: string): ScaleDownDto | undefined {
    const key = this.victimBatch.get(uid);
    const batch = key ? this.batches.get(key) : undefined;
    if (!batch) return undefined;
    const victim = batch.victims.find((p) => p.metadata.uid === uid)!;
    return explainScaleDown(victim, batch);
  }

  private now(): number {
    return this.cluster.now();
  }

  private onChange(change: WatchChange): void {
    const obj = change.object as Obj;
    const uid = obj.metadata.uid;
    if (!uid) return;
    if (change.type === 'deleted') {
      if (obj.kind === 'Pod' && !(change.old ?? obj).metadata.deletionTimestamp) this.noteDeletion(change.old as Obj ?? obj);
      this.ownership.delete(uid);
      return;
    }
    const before = change.type === 'modified' ? (change.old as Obj | undefined) : undefined;
    const was = controllerRef(before);
    const is = controllerRef(obj);
    if (change.type === 'added') {
      if (is) this.record(uid, { atMs: this.now(), change: 'created', owner: this.ref(is, obj) });
    } else if (was?.uid !== is?.uid) {
      if (was) {
        const owner = this.cluster.sim.store.getByUid(was.uid) as Obj | undefined;
        const gone = !owner || Boolean(owner.metadata.deletionTimestamp);
        this.record(uid, {
          atMs: this.now(),
          change: gone ? 'orphaned' : 'released',
          owner: this.ref(was, obj),
          selector: owner ? selectorText(owner.spec?.selector, owner.kind) : undefined,
          labels: { ...((obj.metadata.labels ?? {}) as Record<string, string>) },
        });
      }
      if (is) {
        const owner = this.cluster.sim.store.getByUid(is.uid) as Obj | undefined;
        this.record(uid, {
          atMs: this.now(),
          change: 'adopted',
          owner: this.ref(is, obj),
          selector: owner ? selectorText(owner.spec?.selector, owner.kind) : undefined,
          labels: { ...((obj.metadata.labels ?? {}) as Record<string, string>) },
        });
      }
    }
    if (obj.kind === 'Pod' && before && !before.metadata.deletionTimestamp && obj.metadata.deletionTimestamp) this.noteDeletion(before);
  }

  private ref(owner: OwnerRef, obj: KubeObject): ObjectRefDto {
    return { kind: owner.kind, name: owner.name, uid: owner.uid, namespace: obj.metadata.namespace };
  }

  private record(uid: string, change: OwnershipChangeDto): void {
    let list = this.ownership.get(uid);
    if (!list) {
      if (this.ownership.size >= HISTORY_OBJECTS_MAX) this.ownership.delete(this.ownership.keys().next().value!);
      list = [];
      this.ownership.set(uid, list);
    }
    list.push(change);
    if (list.length > HISTORY_CHANGES_MAX) list.splice(0, list.length - HISTORY_CHANGES_MAX);
  }

  /**
   * A pod of a ReplicaSet / ReplicationController started deleting. It was a scale-down when the
   * owner had more active pods than it wants (replica_set.go manageReplicas deletes then); pods
   * deleted by hand while the count is right are not.
   */
  private noteDeletion(pod: Obj): void {
    const ref = controllerRef(pod);
    // `pod` is the state just before the deletion started, so it has no deletionTimestamp yet.
    if (!ref || (ref.kind !== 'ReplicaSet' && ref.kind !== 'ReplicationController') || !isActive(pod)) return;
    const store = this.cluster.sim.store;
    const owner = store.getByUid(ref.uid) as Obj | undefined;
    if (!owner || owner.metadata.deletionTimestamp) return;
    const atMs = this.now();
    const key = `${ref.uid}@${atMs}`;
    const uid = pod.metadata.uid!;
    let batch = this.batches.get(key);
    if (batch) {
      batch.victims.push(pod);
      batch.survivors = batch.survivors.filter((p) => p.metadata.uid !== uid);
    } else {
      const siblings = (store.list('Pod', pod.metadata.namespace) as Obj[]).filter((p) => p.metadata.uid !== uid && isActive(p) && controllerRef(p)?.uid === ref.uid);
      const desired = typeof owner.spec?.replicas === 'number' ? owner.spec.replicas : 1;
      if (siblings.length + 1 <= desired) return;
      // The controller ranked pods before deleting any: count this victim as it was.
      const related = relatedPods(this.cluster, owner).filter((p) => p.metadata.uid !== uid);
      if (related.length > 0) related.push(pod);
      batch = { atMs, owner: { kind: ref.kind, name: ref.name, uid: ref.uid, namespace: pod.metadata.namespace }, desired, victims: [pod], survivors: siblings, related };
      this.batches.set(key, batch);
      if (this.batches.size > SCALE_DOWNS_MAX) {
        const [oldKey, old] = this.batches.entries().next().value!;
        this.batches.delete(oldKey);
        for (const v of old.victims) if (this.victimBatch.get(v.metadata.uid!) === oldKey) this.victimBatch.delete(v.metadata.uid!);
      }
    }
    this.victimBatch.set(uid, key);
  }
}

/** replica_set.go getIndirectlyRelatedPods: active pods of every ReplicaSet sharing this one's controller. */
function relatedPods(cluster: Cluster, owner: Obj): Obj[] {
  const controller = controllerRef(owner);
  if (!controller) return [];
  const rsUids = new Set((cluster.sim.store.list(owner.kind, owner.metadata.namespace) as Obj[]).filter((rs) => controllerRef(rs)?.uid === controller.uid).map((rs) => rs.metadata.uid));
  return (cluster.sim.store.list('Pod', owner.metadata.namespace) as Obj[]).filter((p) => isActive(p) && rsUids.has(controllerRef(p)?.uid));
}

// ------------------------------------------------------------------------------------------------
// The scale-down ranking, restated to say *which* rule decided. Models controller_utils.go
// ActivePodsWithRanks.Less with the PodDeletionCost and LogarithmicScaleDown gates on (defaults).
// ------------------------------------------------------------------------------------------------

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

export interface RankFacts {
  readonly name: string;
  readonly uid: string;
  readonly node: string;
  readonly phase: string;
  readonly ready: boolean;
  readonly deletionCost: number;
  /** Active related pods on the same node. */
  readonly colocated: number;
  readonly readySinceMs?: number;
  readonly restarts: number;
  readonly createdMs?: number;
}

export function rankFacts(pod: Obj, related: readonly Obj[]): RankFacts {
  const ready = (pod.status?.conditions ?? []).find((c: any) => c?.type === 'Ready');
  const node = pod.spec?.nodeName ?? '';
  const cost = pod.metadata.annotations?.[DELETION_COST];
  const parsedCost = cost !== undefined && /^(0|-?[1-9][0-9]*)$/.test(cost) ? Number(cost) : 0;
  return {
    name: pod.metadata.name,
    uid: pod.metadata.uid ?? '',
    node,
    phase: String(pod.status?.phase ?? 'Pending'),
    ready: ready?.status === 'True',
    deletionCost: parsedCost >= -2147483648 && parsedCost <= 2147483647 ? parsedCost : 0,
    colocated: related.filter((p) => (p.spec?.nodeName ?? '') === node).length,
    readySinceMs: ready?.status === 'True' ? isoMs(ready.lastTransitionTime) : undefined,
    restarts: Math.max(0, ...((pod.status?.containerStatuses ?? []) as any[]).map((s) => Number(s?.restartCount ?? 0))),
    createdMs: isoMs(pod.metadata.creationTimestamp),
  };
}

function bucket(tMs: number, nowMs: number): number {
  const ns = (nowMs - tMs) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

export interface RankDecision {
  readonly criterion: ScaleDownCriterion;
  /** True when `a` goes before `b`. */
  readonly aFirst: boolean;
  readonly a?: string;
  readonly b?: string;
}

/** The first rule on which a and b differ, and which goes first. */
export function compareForScaleDown(a: RankFacts, b: RankFacts, nowMs: number): RankDecision {
  if (a.node !== b.node && (a.node === '' || b.node === '')) return { criterion: 'unassigned', aFirst: a.node === '', a: a.node || '—', b: b.node || '—' };
  const pa = PHASE_ORDINAL[a.phase] ?? 0;
  const pb = PHASE_ORDINAL[b.phase] ?? 0;
  if (pa !== pb) return { criterion: 'phase', aFirst: pa < pb, a: a.phase, b: b.phase };
  if (a.ready !== b.ready) return { criterion: 'notReady', aFirst: !a.ready, a: String(a.ready), b: String(b.ready) };
  if (a.deletionCost !== b.deletionCost) return { criterion: 'deletionCost', aFirst: a.deletionCost < b.deletionCost, a: String(a.deletionCost), b: String(b.deletionCost) };
  if (a.colocated !== b.colocated) return { criterion: 'colocated', aFirst: a.colocated > b.colocated, a: String(a.colocated), b: String(b.colocated) };
  const tie = (): RankDecision => ({ criterion: 'tie', aFirst: a.uid < b.uid });
  if (a.ready && b.ready && a.readySinceMs !== b.readySinceMs) {
    const values = { a: String(a.readySinceMs ?? ''), b: String(b.readySinceMs ?? '') };
    if (a.readySinceMs === undefined || b.readySinceMs === undefined) return { criterion: 'readySince', aFirst: a.readySinceMs === undefined, ...values };
    const diff = bucket(a.readySinceMs, nowMs) - bucket(b.readySinceMs, nowMs);
    if (diff === 0) return tie();
    return { criterion: 'readySince', aFirst: diff < 0, ...values };
  }
  if (a.restarts !== b.restarts) return { criterion: 'restarts', aFirst: a.restarts > b.restarts, a: String(a.restarts), b: String(b.restarts) };
  if (a.createdMs !== b.createdMs) {
    const values = { a: String(a.createdMs ?? ''), b: String(b.createdMs ?? '') };
    if (a.createdMs === undefined || b.createdMs === undefined) return { criterion: 'newer', aFirst: a.createdMs === undefined, ...values };
    const diff = bucket(a.createdMs, nowMs) - bucket(b.createdMs, nowMs);
    if (diff === 0) return tie();
    return { criterion: 'newer', aFirst: diff < 0, ...values };
  }
  return { criterion: 'tie', aFirst: false };
}

/**
 * The explanation for one victim: compared with the survivor that came closest (the first survivor
 * in deletion order), which rule put the victim ahead. 'other' if the restated ranking disagrees.
 */
export function explainScaleDown(victim: Obj, batch: Pick<ScaleDownBatch, 'atMs' | 'owner' | 'desired' | 'victims' | 'survivors' | 'related'>): ScaleDownDto {
  const mine = rankFacts(victim, batch.related);
  const survivors = batch.survivors.map((p) => rankFacts(p, batch.related));
  const base = {
    atMs: batch.atMs,
    owner: batch.owner,
    activeBefore: batch.victims.length + batch.survivors.length,
    desired: batch.desired,
    together: batch.victims.filter((v) => v.metadata.uid !== victim.metadata.uid).map((v) => v.metadata.name),
  };
  if (survivors.length === 0) return { ...base, criterion: 'other' };
  // The survivor ranked first for deletion is the victim's closest competitor.
  const closest = survivors.reduce((best, s) => (compareForScaleDown(s, best, batch.atMs).aFirst ? s : best));
  const decision = compareForScaleDown(mine, closest, batch.atMs);
  if (!decision.aFirst && decision.criterion !== 'tie') return { ...base, criterion: 'other', comparedWith: closest.name };
  return { ...base, criterion: decision.criterion, comparedWith: closest.name, mine: decision.a, theirs: decision.b };
}
