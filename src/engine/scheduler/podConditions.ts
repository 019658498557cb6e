import type { PodCondition } from '../api/types';
import { isoTime } from '../clock/VirtualClock';

/**
 * podutil.UpdatePodCondition: replace the condition of that type or append it; lastTransitionTime
 * moves only when the status changes. Used by the scheduler, the node lifecycle controller, the
 * taint eviction controller and PodGC.
 */
export function withPodCondition(conditions: readonly PodCondition[] | undefined, condition: PodCondition, nowMs: number): PodCondition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex((c) => c.type === condition.type);
  const old = index >= 0 ? list[index] : undefined;
  const next = { ...condition, lastProbeTime: condition.lastProbeTime ?? null, lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : isoTime(nowMs) } as PodCondition;
  if (!next.reason) delete next.reason;
  if (!next.message) delete next.message;
  if (index >= 0) list[index] = next;
  else list.push(next);
  return list;
}
