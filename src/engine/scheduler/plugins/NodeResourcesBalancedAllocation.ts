import { MAX_NODE_SCORE, SKIP, type SchedulerPlugin } from '../framework';
import type { NodeInfo } from '../NodeInfo';
import { podResources } from '../resources';
import type { Pod } from '../../api/types';

export const NODE_RESOURCES_BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

/**
 * balancedResourceScorer: (1 - standard deviation of the cpu and memory request fractions) * 100,
 * fractions capped at 1, using actual requests (not the non-zero defaults).
 */
export function balancedAllocationScore(pod: Pod, node: NodeInfo): number {
  const req = podResources(pod).requests;
  // Only cpu and memory are configured, so the standard deviation is |f1 - f2| / 2 (0 with one resource).
  const cpu = node.allocMilliCPU === 0 ? undefined : Math.min(1, (node.requestedMilliCPU + req.milliCPU) / node.allocMilliCPU);
  const mem = node.allocMemoryBytes === 0 ? undefined : Math.min(1, (node.requestedMemoryBytes + req.memoryBytes) / node.allocMemoryBytes);
  const std = cpu !== undefined && mem !== undefined ? Math.abs((cpu - mem) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * Models pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go. Best-effort pods
 * (no cpu or memory requests) skip this score, so they do not all pile onto one node.
 */
export const NodeResourcesBalancedAllocation: SchedulerPlugin = {
  name: NODE_RESOURCES_BALANCED_ALLOCATION,
  scoreWeight: 1,
  preScore(_h, _state, pod) {
    const req = podResources(pod).requests;
    return req.milliCPU === 0 && req.memoryBytes === 0 ? SKIP : undefined;
  },
  score(_h, _state, pod, nodeInfo) {
    return balancedAllocationScore(pod, nodeInfo);
  },
};
