import type { DiffDto, ObjectDto, OwnerKind } from '../protocol/dto';

/**
 * What the graph's layout depends on: which nodes, pods and owners exist, where pods sit, who owns
 * whom, and the labels filters look at. Statuses are NOT part of it: they reach components through
 * per-object selectors, so a tick that only changes a status never rebuilds React Flow's node list.
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
  /** The controller owner's uid (it may not exist any more). */
  readonly ownerUid?: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface TopologyOwner {
  readonly uid: string;
  readonly kind: OwnerKind;
  readonly namespace: string;
  readonly name: string;
  readonly ownerUid?: string;
  /** HPA only: the uid of its scale target, when that object exists. */
  readonly targetUid?: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface Topology {
  /** Sorted by name. */
  readonly nodes: readonly TopologyNode[];
  /** In creation order (then namespace/name), so new pods append instead of reshuffling the grid. */
  readonly pods: readonly TopologyPod[];
  /** In creation order. */
  readonly owners: readonly TopologyOwner[];
  /** Namespaces that hold pods or owners, sorted. */
  readonly namespaces: readonly string[];
}

export const EMPTY_TOPOLOGY: Topology = { nodes: [], pods: [], owners: [], namespaces: [] };

export function topologyOf(objects: ReadonlyMap<string, ObjectDto>): Topology {
  const nodes: TopologyNode[] = [];
  const pods: (TopologyPod & { createdMs: number })[] = [];
  const owners: (TopologyOwner & { createdMs: number })[] = [];
  const byKey = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const obj of objects.values()) {
    if (obj.dto === 'node') nodes.push({ uid: obj.uid, name: obj.name });
    else if (obj.dto === 'pod') {
      pods.push({ uid: obj.uid, namespace: obj.namespace, name: obj.name, nodeName: obj.nodeName, ownerUid: obj.owner?.uid, labels: obj.labels, createdMs: obj.createdMs });
      namespaces.add(obj.namespace);
    } else if (obj.dto === 'owner') {
      byKey.set(`${obj.kind}/${obj.namespace}/${obj.name}`, obj.uid);
      namespaces.add(obj.namespace);
    }
  }
  for (const obj of objects.values()) {
    if (obj.dto !== 'owner') continue;
    const target = obj.hpa?.target;
    const targetUid = target ? byKey.get(`${target.kind}/${obj.namespace}/${target.name}`) : undefined;
    owners.push({ uid: obj.uid, kind: obj.kind, namespace: obj.namespace, name: obj.name, ownerUid: obj.owner?.uid, targetUid, labels: obj.labels, createdMs: obj.createdMs });
  }
  nodes.sort((a, b) => naturalCompare(a.name, b.name));
  const byAge = <T extends { createdMs: number; namespace: string; name: string }>(a: T, b: T) => a.createdMs - b.createdMs || compare(a.namespace, b.namespace) || compare(a.name, b.name);
  pods.sort(byAge);
  owners.sort((a, b) => byAge(a, b) || compare(a.kind, b.kind));
  return {
    nodes,
    pods: pods.map(({ createdMs: _createdMs, ...pod }) => pod),
    owners: owners.map(({ createdMs: _createdMs, ...owner }) => owner),
    namespaces: [...namespaces].sort(compare),
  };
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/** True when a diff adds or removes a node, pod or owner, moves a pod, or changes ownership or labels. */
export function affectsTopology(before: ReadonlyMap<string, ObjectDto>, diff: DiffDto): boolean {
  for (const obj of diff.added) if (obj.dto !== 'object') return true;
  for (const uid of diff.removed) {
    const old = before.get(uid);
    if (old && old.dto !== 'object') return true;
  }
  for (const obj of diff.updated) {
    if (obj.dto === 'object') continue;
    const old = before.get(obj.uid);
    if (!old || old.dto !== obj.dto) return true;
    if (obj.dto === 'node') continue;
    if (old.owner?.uid !== obj.owner?.uid || !sameLabels(old.labels, obj.labels)) return true;
    if (obj.dto === 'pod' && old.dto === 'pod' && old.nodeName !== obj.nodeName) return true;
    if (obj.dto === 'owner' && old.dto === 'owner' && (old.hpa?.target.name !== obj.hpa?.target.name || old.hpa?.target.kind !== obj.hpa?.target.kind)) return true;
  }
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** node-2 before node-10. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) return Number(x) - Number(y) || compare(x, y);
    return compare(x, y);
  }
  return pa.length - pb.length;
}
