import type { DiffDto, ObjectDto } from '../protocol/dto';

/**
 * What the graph's layout depends on: which nodes exist and which pods sit where. Statuses are NOT
 * part of it: they reach pod components through per-pod selectors, so a tick that only changes a
 * status never rebuilds React Flow's node list.
 */
export interface TopologyNode {
  readonly uid: string;
  readonly name: string;
}

export interface TopologyPod {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  /** undefined: in the "unscheduled" lane. */
  readonly nodeName?: string;
}

export interface Topology {
  /** Sorted by name. */
  readonly nodes: readonly TopologyNode[];
  /** In creation order (then namespace/name), so new pods append instead of reshuffling the grid. */
  readonly pods: readonly TopologyPod[];
}

export const EMPTY_TOPOLOGY: Topology = { nodes: [], pods: [] };

export function topologyOf(objects: ReadonlyMap<string, ObjectDto>): Topology {
  const nodes: TopologyNode[] = [];
  const pods: (TopologyPod & { createdMs: number })[] = [];
  for (const obj of objects.values()) {
    if (obj.dto === 'node') nodes.push({ uid: obj.uid, name: obj.name });
    else if (obj.dto === 'pod') pods.push({ uid: obj.uid, namespace: obj.namespace, name: obj.name, nodeName: obj.nodeName, createdMs: obj.createdMs });
  }
  nodes.sort((a, b) => compare(a.name, b.name));
  pods.sort((a, b) => a.createdMs - b.createdMs || compare(a.namespace, b.namespace) || compare(a.name, b.name));
  return { nodes, pods: pods.map(({ createdMs: _createdMs, ...pod }) => pod) };
}

/** True when a diff adds or removes a node or pod, or moves a pod (binding, eviction). */
export function affectsTopology(before: ReadonlyMap<string, ObjectDto>, diff: DiffDto): boolean {
  for (const obj of diff.added) if (obj.dto === 'pod' || obj.dto === 'node') return true;
  for (const uid of diff.removed) {
    const old = before.get(uid);
    if (old && (old.dto === 'pod' || old.dto === 'node')) return true;
  }
  for (const obj of diff.updated) {
    if (obj.dto !== 'pod' && obj.dto !== 'node') continue;
    const old = before.get(obj.uid);
    if (!old) return true;
    if (obj.dto === 'pod' && (old.dto !== 'pod' || old.nodeName !== obj.nodeName)) return true;
  }
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
