import type { Pod, PodCondition, Typed } from '../../api/types';
import { virtualMsFromIso } from '../../clock/VirtualClock';

/** Models pkg/controller/controller_utils.go IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function filterActivePods<T extends Pod>(pods: readonly T[]): T[] {
  return pods.filter(isPodActive);
}

export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** Models pkg/api/v1/pod IsPodReady. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** When the pod last became Ready, in virtual ms; undefined for a zero (missing) time or a pod that is not ready. */
export function podReadySinceMs(pod: Pod): number | undefined {
  const condition = podReadyCondition(pod);
  if (condition?.status !== 'True') return undefined;
  return virtualMsFromIso(condition.lastTransitionTime);
}

/**
 * Models pkg/api/v1/pod IsPodAvailable: ready, and ready for longer than minReadySeconds (strictly,
 * `lastTransitionTime + minReadySeconds` must be before now).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const readySinceMs = podReadySinceMs(pod);
  return readySinceMs !== undefined && readySinceMs + minReadySeconds * 1000 < nowMs;
}

/**
 * The earliest instant one of these ready pods turns available, for a requeue. The real controllers
 * add one second "to avoid milliseconds skew" (replica_set.go updatePod); so do we.
 */
export function nextAvailabilityCheckMs(pods: readonly Pod[], minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  let earliest: number | undefined;
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReadySeconds, nowMs)) continue;
    const readySinceMs = podReadySinceMs(pod);
    if (readySinceMs === undefined) continue;
    const dueMs = readySinceMs + minReadySeconds * 1000 + 1000;
    if (earliest === undefined || dueMs < earliest) earliest = dueMs;
  }
  return earliest === undefined ? undefined : Math.max(1, earliest - nowMs);
}

export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const status of pod.status?.containerStatuses ?? []) max = Math.max(max, status.restartCount ?? 0);
  return max;
}

/** Virtual ms of an object's creationTimestamp; undefined stands for Go's zero time. */
export function creationMs(obj: { metadata?: { creationTimestamp?: string } }): number | undefined {
  return virtualMsFromIso(obj.metadata?.creationTimestamp);
}

export function podKey(pod: Typed<Pod>): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}
