import type { Node, Pod, Typed } from '../../api/types';
import { MAX_NODE_SCORE, type SchedulerPlugin, type Status } from '../framework';
import type { NodeInfo } from '../NodeInfo';
import { nodeAllocatable, podResources, requestsNothing, type ResourceVector } from '../resources';

export const NODE_RESOURCES_FIT = 'NodeResourcesFit';
const STATE_KEY = 'PreFilter' + NODE_RESOURCES_FIT;

/** One resource the node is short of (noderesources.InsufficientResource). */
export interface InsufficientResource {
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: number;
  readonly used: number;
  readonly capacity: number;
  /** The pod asks for more than the node has in total: evicting pods cannot help (since Kubernetes 1.34). */
  readonly unresolvable: boolean;
}

/**
 * fitsRequest: the pod count first (kubelet maxPods, 110 by default), then — only for resources the
 * pod requests — cpu, memory, ephemeral-storage and scalar resources against allocatable minus what
 * the node's pods already request. Requests, never actual usage.
 */
export function fitsRequest(request: ResourceVector, node: NodeInfo): InsufficientResource[] {
  // Hot path (every node of every cycle): no closures, no allocation unless something is short.
  let out: InsufficientResource[] | undefined;
  const podCount = node.podCount;
  if (podCount + 1 > node.allowedPodNumber) {
    (out ??= []).push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: podCount, capacity: node.allowedPodNumber, unresolvable: false });
  }
  if (requestsNothing(request)) return out ?? NONE;
  if (request.milliCPU > 0 && request.milliCPU > node.allocMilliCPU - node.requestedMilliCPU) {
    (out ??= []).push(insufficient('cpu', request.milliCPU, node.requestedMilliCPU, node.allocMilliCPU));
  }
  if (request.memoryBytes > 0 && request.memoryBytes > node.allocMemoryBytes - node.requestedMemoryBytes) {
    (out ??= []).push(insufficient('memory', request.memoryBytes, node.requestedMemoryBytes, node.allocMemoryBytes));
  }
  const alloc = node.allocatable;
  const used = node.requested;
  if (request.ephemeralStorageBytes > 0 && request.ephemeralStorageBytes > alloc.ephemeralStorageBytes - used.ephemeralStorageBytes) {
    (out ??= []).push(insufficient('ephemeral-storage', request.ephemeralStorageBytes, used.ephemeralStorageBytes, alloc.ephemeralStorageBytes));
  }
  for (const name in request.scalar) {
    const want = request.scalar[name];
    if (want === 0) continue;
    const have = alloc.scalar[name] ?? 0;
    const inUse = used.scalar[name] ?? 0;
    if (want > have - inUse) (out ??= []).push(insufficient(name, want, inUse, have));
  }
  if (out && out.length > 1) {
    // Scalar resources come from a Go map; keep them in name order after the fixed ones.
    const fixed = out.filter((r) => r.resourceName === 'pods' || r.resourceName === 'cpu' || r.resourceName === 'memory' || r.resourceName === 'ephemeral-storage');
    const scalars = out.filter((r) => !fixed.includes(r)).sort((a, b) => (a.resourceName < b.resourceName ? -1 : 1));
    out = [...fixed, ...scalars];
  }
  return out ?? NONE;
}

const NONE: InsufficientResource[] = [];

/** The usual reasons as shared strings: a pod that fits nowhere gets one per node. */
const INSUFFICIENT_REASONS: Readonly<Record<string, string>> = { cpu: 'Insufficient cpu', memory: 'Insufficient memory', 'ephemeral-storage': 'Insufficient ephemeral-storage' };

function insufficient(name: string, requested: number, used: number, capacity: number): InsufficientResource {
  return { resourceName: name, reason: INSUFFICIENT_REASONS[name] ?? `Insufficient ${name}`, requested, used, capacity, unresolvable: requested > capacity };
}

/** The filter's verdict: every insufficient resource's reason; unresolvable if the pod is bigger than the node. */
export function fitStatus(pod: Pod, node: NodeInfo): Status | undefined {
  const insufficient = fitsRequest(podResources(pod).requests, node);
  if (insufficient.length === 0) return undefined;
  const code = insufficient.some((r) => r.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable';
  return { code, reasons: insufficient.map((r) => r.reason) };
}

/** leastRequestedScore: (capacity - requested) * 100 / capacity, integer; 0 when over capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** The least-allocated scorer over cpu and memory (weight 1 each), using non-zero requests. */
export function leastAllocatedScore(pod: Pod, node: NodeInfo): number {
  const r = podResources(pod);
  let score = 0;
  let weights = 0;
  if (node.allocMilliCPU !== 0) {
    score += leastRequestedScore(node.nonZeroMilliCPU + r.nonZeroMilliCPU, node.allocMilliCPU);
    weights++;
  }
  if (node.allocMemoryBytes !== 0) {
    score += leastRequestedScore(node.nonZeroMemoryBytes + r.nonZeroMemoryBytes, node.allocMemoryBytes);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}

/** Fit's queueing hint for a node: would this pod fit on the node if it were empty? */
function fitsEmptyNode(pod: Pod, node: Typed<Node>): boolean {
  const alloc = nodeAllocatable(node);
  const req = podResources(pod).requests;
  if (alloc.allowedPodNumber < 1) return false;
  if (req.milliCPU > alloc.milliCPU || req.memoryBytes > alloc.memoryBytes || req.ephemeralStorageBytes > alloc.ephemeralStorageBytes) return false;
  return Object.entries(req.scalar).every(([name, want]) => want <= (alloc.scalar[name] ?? 0));
}

/**
 * Models pkg/scheduler/framework/plugins/noderesources/fit.go (filter) and least_allocated.go
 * (the default scoring strategy). Every failing resource is reported, so one node can give
 * "Insufficient cpu" and "Insufficient memory" at once.
 */
export const NodeResourcesFit: SchedulerPlugin = {
  name: NODE_RESOURCES_FIT,
  scoreWeight: 1,
  preFilter(_h, state, pod) {
    state.write(STATE_KEY, podResources(pod).requests);
    return undefined;
  },
  filter(_h, _state, pod, nodeInfo) {
    return fitStatus(pod, nodeInfo);
  },
  score(_h, _state, pod, nodeInfo) {
    return leastAllocatedScore(pod, nodeInfo);
  },
  isSchedulableAfter(pod, event) {
    switch (event.type) {
      case 'NodeAdd':
        return fitsEmptyNode(pod, event.node);
      case 'NodeUpdate': {
        if (!event.changes.has('allocatable') || !fitsEmptyNode(pod, event.node)) return false;
        const before = nodeAllocatable(event.old);
        const after = nodeAllocatable(event.node);
        const req = podResources(pod).requests;
        return (
          after.allowedPodNumber > before.allowedPodNumber ||
          (req.milliCPU > 0 && after.milliCPU > before.milliCPU) ||
          (req.memoryBytes > 0 && after.memoryBytes > before.memoryBytes) ||
          (req.ephemeralStorageBytes > 0 && after.ephemeralStorageBytes > before.ephemeralStorageBytes) ||
          Object.keys(req.scalar).some((n) => (after.scalar[n] ?? 0) > (before.scalar[n] ?? 0))
        );
      }
      case 'AssignedPodDelete':
        return true;
      default:
        return false;
    }
  },
};
