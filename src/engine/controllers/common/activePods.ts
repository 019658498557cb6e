import type { Pod } from '../../api/types';
import { creationMs, isPodReady, maxContainerRestarts, podReadySinceMs } from './pods';

/** The annotation users set to steer scale-down (core.PodDeletionCost). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

/** Feature gates that change the ranking; both are on by default in current Kubernetes. */
export interface RankingGates {
  readonly podDeletionCost?: boolean;
  readonly logarithmicScaleDown?: boolean;
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };
const phaseOrdinal = (pod: Pod): number => PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Models pkg/apis/core/helper GetDeletionCostFromPodAnnotations: an int32 without a plus sign or
 * leading zeros; anything else (and a missing annotation) counts as 0.
 */
export function deletionCost(pod: Pod): number {
  const value = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (value === undefined) return 0;
  const validFirstDigit = value.length > 0 && (value[0] === '-' || value === '0' || (value[0] >= '1' && value[0] <= '9'));
  if (!validFirstDigit || !/^-?[0-9]+$/.test(value)) return 0;
  const parsed = Number(value);
  return parsed < INT32_MIN || parsed > INT32_MAX ? 0 : parsed;
}

/**
 * Models controller_utils.go logarithmicRankDiff: compares floor(log2(ns since t)) buckets, with -1
 * for a time not in the past. Virtual ms are converted to the nanoseconds Go measures.
 */
export function logarithmicRankDiff(t1Ms: number, t2Ms: number, nowMs: number): number {
  const bucket = (tMs: number): number => {
    const ns = (nowMs - tMs) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return bucket(t1Ms) - bucket(t2Ms);
}

/** afterOrZero: a zero (undefined) time counts as after any real time. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

function uidLess(a: Pod, b: Pod): boolean {
  return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
}

/**
 * Models controller_utils.go ActivePodsWithRanks.Less: true when pod a should be deleted before b.
 * `nowMs` undefined stands for a zero Now, which falls back to plain time comparisons.
 */
export function activePodsWithRanksLess(a: Pod, rankA: number, b: Pod, rankB: number, nowMs: number | undefined, gates: RankingGates = {}): boolean {
  const podDeletionCost = gates.podDeletionCost ?? true;
  const logarithmic = gates.logarithmicScaleDown ?? true;
  // 1. Unassigned < assigned.
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  // 2. Pending < Unknown < Running.
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  // 3. Not ready < ready.
  const readyA = isPodReady(a);
  const readyB = isPodReady(b);
  if (readyA !== readyB) return !readyA;
  // 4. Lower pod-deletion-cost first.
  if (podDeletionCost) {
    const costA = deletionCost(a);
    const costB = deletionCost(b);
    if (costA !== costB) return costA < costB;
  }
  // 5. More co-located pods of the same owner first.
  if (rankA !== rankB) return rankA > rankB;
  // 6. Both ready: the more recently ready first (zero time counts as most recent).
  if (readyA && readyB) {
    const t1 = podReadySinceMs(a);
    const t2 = podReadySinceMs(b);
    if (t1 !== t2) {
      if (!logarithmic || nowMs === undefined || t1 === undefined || t2 === undefined) return afterOrZero(t1, t2);
      const diff = logarithmicRankDiff(t1, t2, nowMs);
      if (diff === 0) return uidLess(a, b);
      return diff < 0;
    }
  }
  // 7. Higher restart count first.
  const restartsA = maxContainerRestarts(a);
  const restartsB = maxContainerRestarts(b);
  if (restartsA !== restartsB) return restartsA > restartsB;
  // 8. Newer first (zero time counts as newest).
  const c1 = creationMs(a);
  const c2 = creationMs(b);
  if (c1 !== c2) {
    if (!logarithmic || nowMs === undefined || c1 === undefined || c2 === undefined) return afterOrZero(c1, c2);
    const diff = logarithmicRankDiff(c1, c2, nowMs);
    if (diff === 0) return uidLess(a, b);
    return diff < 0;
  }
  return false;
}

/** Pods ordered for deletion, first to go first. Stable for ties (Go's sort.Sort promises no order). */
export function sortActivePodsWithRanks<T extends Pod>(pods: readonly T[], ranks: readonly number[], nowMs: number | undefined, gates?: RankingGates): T[] {
  const indexed = pods.map((pod, i) => ({ pod, rank: ranks[i] ?? 0, i }));
  indexed.sort((x, y) => {
    if (activePodsWithRanksLess(x.pod, x.rank, y.pod, y.rank, nowMs, gates)) return -1;
    if (activePodsWithRanksLess(y.pod, y.rank, x.pod, x.rank, nowMs, gates)) return 1;
    return x.i - y.i;
  });
  return indexed.map((entry) => entry.pod);
}

/**
 * Models controller_utils.go ActivePods.Less, the rank-free ordering other controllers use (e.g. the
 * DaemonSet picks which surplus pod to keep): plain time comparisons, no deletion cost.
 */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  const readyA = isPodReady(a);
  const readyB = isPodReady(b);
  if (readyA !== readyB) return !readyA;
  if (readyA && readyB) {
    const t1 = podReadySinceMs(a);
    const t2 = podReadySinceMs(b);
    if (t1 !== t2) return afterOrZero(t1, t2);
  }
  const restartsA = maxContainerRestarts(a);
  const restartsB = maxContainerRestarts(b);
  if (restartsA !== restartsB) return restartsA > restartsB;
  const c1 = creationMs(a);
  const c2 = creationMs(b);
  if (c1 !== c2) return afterOrZero(c1, c2);
  return false;
}

export function sortActivePods<T extends Pod>(pods: readonly T[]): T[] {
  const indexed = pods.map((pod, i) => ({ pod, i }));
  indexed.sort((x, y) => (activePodsLess(x.pod, y.pod) ? -1 : activePodsLess(y.pod, x.pod) ? 1 : x.i - y.i));
  return indexed.map((entry) => entry.pod);
}
