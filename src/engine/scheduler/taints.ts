import type { Taint, Toleration } from '../api/types';

/**
 * Taint and toleration matching, shared by the scheduler, the node lifecycle controller and the
 * taint eviction controller.
 * Models k8s.io/component-helpers/scheduling/corev1/helpers.go and api/core/v1/toleration.go.
 */

/** Well-known taint keys (staging/src/k8s.io/api/core/v1/well_known_taints.go). */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/**
 * Toleration.ToleratesTaint: an empty effect matches every effect, an empty key (only valid with
 * Exists) matches every key, Exists ignores the value, Equal (or no operator) compares it.
 * The alpha Lt/Gt operators (TaintTolerationComparisonOperators) are off by default, so they never match.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** TolerationsTolerateTaint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  for (const toleration of tolerations ?? []) if (toleratesTaint(toleration, taint)) return true;
  return false;
}

/**
 * FindMatchingUntoleratedTaint: the first taint (in node order) that passes `include` and that no
 * toleration tolerates.
 */
export function findUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, include: (taint: Taint) => boolean): Taint | undefined {
  for (const taint of taints ?? []) {
    if (!include(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}

/** helper.DoNotScheduleTaintsFilterFunc: the effects the scheduler's filter cares about. */
export function isDoNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/**
 * v1helper.GetMatchingTolerations: every taint must be tolerated; returns, per taint, the first
 * toleration that tolerates it (the taint eviction controller reads their tolerationSeconds).
 */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): { allTolerated: boolean; used: Toleration[] } {
  if (taints.length === 0) return { allTolerated: true, used: [] };
  const list = tolerations ?? [];
  if (list.length === 0) return { allTolerated: false, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = list.find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/** Taint.ToString as `kubectl describe` and the scheduler logs print it: `key=value:Effect`. */
export function taintToString(taint: Taint): string {
  return taint.value ? `${taint.key}=${taint.value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}

/** taints.TaintExists: same key and effect. */
export function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}
