import type { Edge, Node } from '@xyflow/react';
import type { Topology, TopologyOwner, TopologyPod } from '../../store/topology';
import type { GraphFilter } from '../../store/uiSlice';
import { matchesRequirements, parseLabelFilter } from '../../store/labelSelector';
import {
  EMPTY_MEMORY,
  GROUP_GAP,
  OWNER_BAND_GAP,
  OWNER_GAP,
  OWNER_HEIGHT,
  OWNER_WIDTH,
  POD_HEIGHT,
  POD_WIDTH,
  assignSlots,
  capacityFor,
  groupSize,
  groupsPerRow,
  highestSlot,
  orderGroups,
  slotPosition,
  type LayoutMemory,
} from './layout';

export type ClusterNodeData = { uid: string; name: string; collapsed: boolean; podUids: readonly string[] };
export type LaneData = { collapsed: boolean; podUids: readonly string[] };
export type PodData = { uid: string };
export type OwnerData = { uid: string; kind: string };

export type ClusterFlowNode = Node<ClusterNodeData, 'clusterNode'>;
export type LaneFlowNode = Node<LaneData, 'lane'>;
export type PodFlowNode = Node<PodData, 'pod'>;
export type OwnerFlowNode = Node<OwnerData, 'owner'>;
export type FlowNode = ClusterFlowNode | LaneFlowNode | PodFlowNode | OwnerFlowNode;

/** An ownerReference (owner → dependent), an HPA's scale target, or many pods of one owner on one node. */
export type OwnerEdgeData = { ownerUid: string; childUid?: string; count?: number; kind: 'owns' | 'scales' | 'aggregate' };
export type OwnerFlowEdge = Edge<OwnerEdgeData, 'owner'>;

export const LANE_ID = 'lane-unscheduled';
export const nodeGroupId = (nodeName: string) => `node-${nodeName}`;
/** Stable per name, so a test (or a learner's bookmark) can find `pod-default/web-x7k2p`. */
export const podNodeId = (pod: { namespace: string; name: string }) => `pod-${pod.namespace}/${pod.name}`;
export const ownerNodeId = (owner: { kind: string; namespace: string; name: string }) => `owner-${owner.kind}/${owner.namespace}/${owner.name}`;

/** Above this many pods the graph starts collapsed: nodes become tiles with counts by status. */
export const LOD_PODS = 300;
/** Pod → owner edges are drawn one by one up to this many pods, per node beyond. */
export const POD_EDGES_MAX = 250;

export interface GroupBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FlowGraph {
  readonly nodes: FlowNode[];
  readonly edges: OwnerFlowEdge[];
  /** Bounds of the drawing (owners sit above y = 0), to refit the view when the cluster grows. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly groups: readonly GroupBox[];
  /** Feed back into the next call to keep everything in place. */
  readonly memory: LayoutMemory;
  /** Whether the filters' label text could be read. */
  readonly labelFilterValid: boolean;
}

export interface GraphOptions {
  /** Viewport width / height: decides how many groups go in a row. */
  readonly aspect?: number;
  readonly filter?: Pick<GraphFilter, 'namespace' | 'label' | 'kind'>;
  /** Groups whose pods are drawn: 'all', or (level of detail) only these group ids. */
  readonly detail?: ReadonlySet<string> | 'all';
}

/** Owners drawn in the top tier: those not owned by another owner. */
function tierOf(owner: TopologyOwner, owners: ReadonlyMap<string, TopologyOwner>): number {
  return owner.ownerUid && owners.has(owner.ownerUid) ? 1 : 0;
}

/**
 * Which pods and owners the filters keep. Kind 'pods' hides owners; an owner kind keeps that kind's
 * owners and everything they control (their subtree), plus HPAs' targets' subtrees.
 */
export function visibleSets(topology: Topology, filter: Pick<GraphFilter, 'namespace' | 'label' | 'kind'>): { pods: Set<string>; owners: Set<string>; labelValid: boolean } {
  const requirements = parseLabelFilter(filter.label);
  const labelValid = requirements !== undefined;
  const keep = (o: { namespace: string; labels: Readonly<Record<string, string>> }) =>
    (filter.namespace === '' || o.namespace === filter.namespace) && (!requirements || matchesRequirements(requirements, o.labels));
  const owners = new Set<string>();
  const pods = new Set<string>();
  if (filter.kind === 'all' || filter.kind === 'pods') {
    for (const pod of topology.pods) if (keep(pod)) pods.add(pod.uid);
    if (filter.kind === 'all') for (const owner of topology.owners) if (keep(owner)) owners.add(owner.uid);
    return { pods, owners, labelValid };
  }
  // Subtrees rooted at owners of the chosen kind.
  const roots = new Set<string>();
  for (const owner of topology.owners) {
    if (owner.kind !== filter.kind) continue;
    roots.add(owner.uid);
    if (owner.targetUid) roots.add(owner.targetUid);
  }
  const inTree = new Set<string>(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const owner of topology.owners) {
      if (!inTree.has(owner.uid) && owner.ownerUid && inTree.has(owner.ownerUid)) {
        inTree.add(owner.uid);
        grew = true;
      }
    }
  }
  for (const owner of topology.owners) if (inTree.has(owner.uid) && keep(owner)) owners.add(owner.uid);
  for (const pod of topology.pods) if (pod.ownerUid && inTree.has(pod.ownerUid) && keep(pod)) pods.add(pod.uid);
  return { pods, owners, labelValid };
}

/**
 * Cluster topology → React Flow nodes and edges. Pure: the same inputs give equal output. Depends
 * only on topology (never on statuses), so it runs when pods appear, vanish or move, not per tick.
 * Parents come before their children, as React Flow requires.
 */
export function toFlowGraph(topology: Topology, memory: LayoutMemory = EMPTY_MEMORY, options: GraphOptions = {}): FlowGraph {
  const aspect = options.aspect ?? 16 / 9;
  const detail = options.detail ?? 'all';
  const filter = options.filter ?? { namespace: '', label: '', kind: 'all' };

  // 1. Pods into groups, slots kept from last time.
  const known = new Set(topology.nodes.map((n) => n.name));
  const members = new Map<string, TopologyPod[]>([[LANE_ID, []], ...topology.nodes.map((n) => [nodeGroupId(n.name), []] as [string, TopologyPod[]])]);
  for (const pod of topology.pods) {
    // A pod bound to a node that no longer exists has nowhere to be drawn but the lane.
    const group = pod.nodeName && known.has(pod.nodeName) ? nodeGroupId(pod.nodeName) : LANE_ID;
    members.get(group)!.push(pod);
  }
  const podSlots = new Map<string, Map<string, number>>();
  let needed = 0;
  for (const [group, pods] of members) {
    const slots = assignSlots(memory.podSlots.get(group), pods.map((p) => p.uid));
    podSlots.set(group, slots);
    needed = Math.max(needed, highestSlot(slots) + 1);
  }
  // Capacity grows, never shrinks (shrinking would move groups back and forth), until the cluster empties.
  const capacity = topology.pods.length === 0 ? capacityFor(needed) : Math.max(memory.capacity, capacityFor(needed));
  const cell = groupSize(capacity);

  // 2. Groups in a grid: the lane first, nodes in order of appearance.
  const nodeOrder = orderGroups(memory.groupOrder, topology.nodes.map((n) => nodeGroupId(n.name)));
  const nodeByGroup = new Map(topology.nodes.map((n) => [nodeGroupId(n.name), n]));
  const groupIds = [LANE_ID, ...nodeOrder];
  const perRow = groupsPerRow(groupIds.length, cell, aspect);
  const groups: GroupBox[] = groupIds.map((id, i) => ({ id, x: (i % perRow) * (cell.width + GROUP_GAP), y: Math.floor(i / perRow) * (cell.height + GROUP_GAP), width: cell.width, height: cell.height }));
  const rows = Math.ceil(groupIds.length / perRow);
  const gridWidth = Math.min(groupIds.length, perRow) * (cell.width + GROUP_GAP) - GROUP_GAP;
  const gridHeight = rows * (cell.height + GROUP_GAP) - GROUP_GAP;

  // 3. Owners in two tiers above the grid (owned owners such as a Deployment's ReplicaSets nearest the pods).
  const ownersByUid = new Map(topology.owners.map((o) => [o.uid, o]));
  const tiers = [0, 1].map((tier) => topology.owners.filter((o) => tierOf(o, ownersByUid) === tier));
  const ownerSlots = new Map<number, Map<string, number>>();
  ownerSlots.set(0, assignSlots(memory.ownerSlots.get(0), tiers[0].map((o) => o.uid)));
  // An owned owner (a Deployment's ReplicaSet) goes under its owner when that place is free.
  ownerSlots.set(1, assignSlots(memory.ownerSlots.get(1), tiers[1].map((o) => o.uid), (uid) => ownerSlots.get(0)!.get(ownersByUid.get(uid)?.ownerUid ?? '')));
  const ownersPerRow = Math.max(4, Math.floor((gridWidth + OWNER_GAP) / (OWNER_WIDTH + OWNER_GAP)));
  const tierRows = [0, 1].map((tier) => Math.ceil((highestSlot(ownerSlots.get(tier)!) + 1) / ownersPerRow));
  const tierTop = (tier: number): number => {
    // Tier 1 sits right above the grid, tier 0 above tier 1.
    const below = tier === 1 ? 0 : tierRows[1];
    const height = (tierRows[tier] + below) * (OWNER_HEIGHT + OWNER_GAP);
    return -OWNER_BAND_GAP - height + OWNER_GAP;
  };
  const ownerPosition = (owner: TopologyOwner) => {
    const tier = tierOf(owner, ownersByUid);
    const slot = ownerSlots.get(tier)!.get(owner.uid)!;
    return { x: (slot % ownersPerRow) * (OWNER_WIDTH + OWNER_GAP), y: tierTop(tier) + Math.floor(slot / ownersPerRow) * (OWNER_HEIGHT + OWNER_GAP) };
  };

  // 4. Nodes for React Flow (filters hide things in place: nothing else moves).
  const visible = visibleSets(topology, filter);
  const nodes: FlowNode[] = [];
  const drawnPods = new Map<string, string>();
  for (const owner of topology.owners) {
    if (!visible.owners.has(owner.uid)) continue;
    nodes.push({ id: ownerNodeId(owner), type: 'owner', position: ownerPosition(owner), width: OWNER_WIDTH, height: OWNER_HEIGHT, draggable: false, connectable: false, data: { uid: owner.uid, kind: owner.kind } });
  }
  groups.forEach((box) => {
    const pods = members.get(box.id)!;
    const collapsed = detail !== 'all' && !detail.has(box.id);
    const podUids = pods.map((p) => p.uid);
    const common = { id: box.id, position: { x: box.x, y: box.y }, width: box.width, height: box.height, draggable: false, selectable: false, connectable: false } as const;
    const node = nodeByGroup.get(box.id);
    if (node) nodes.push({ ...common, type: 'clusterNode', data: { uid: node.uid, name: node.name, collapsed, podUids } });
    else nodes.push({ ...common, type: 'lane', data: { collapsed, podUids } });
    if (collapsed) return;
    const slots = podSlots.get(box.id)!;
    for (const pod of pods) {
      if (!visible.pods.has(pod.uid)) continue;
      const id = podNodeId(pod);
      drawnPods.set(pod.uid, id);
      nodes.push({ id, type: 'pod', parentId: box.id, extent: 'parent', position: slotPosition(slots.get(pod.uid)!), width: POD_WIDTH, height: POD_HEIGHT, draggable: false, connectable: false, data: { uid: pod.uid } });
    }
  });

  // 5. Edges: owner → owned owner, HPA → target, owner → pod (or → node group, counted, when many).
  const edges: OwnerFlowEdge[] = [];
  const ownerIds = new Map<string, string>();
  for (const owner of topology.owners) if (visible.owners.has(owner.uid)) ownerIds.set(owner.uid, ownerNodeId(owner));
  for (const owner of topology.owners) {
    const source = owner.ownerUid ? ownerIds.get(owner.ownerUid) : undefined;
    const target = ownerIds.get(owner.uid);
    if (source && target) edges.push({ id: `e-${owner.ownerUid}-${owner.uid}`, source, target, type: 'owner', data: { ownerUid: owner.ownerUid!, childUid: owner.uid, kind: 'owns' } });
    const scaled = owner.targetUid ? ownerIds.get(owner.targetUid) : undefined;
    if (target && scaled) edges.push({ id: `s-${owner.uid}-${owner.targetUid}`, source: target, target: scaled, type: 'owner', data: { ownerUid: owner.uid, childUid: owner.targetUid, kind: 'scales' } });
  }
  const onePerPod = drawnPods.size <= POD_EDGES_MAX;
  const aggregate = new Map<string, { ownerUid: string; group: string; count: number }>();
  for (const [group, pods] of members) {
    for (const pod of pods) {
      if (!pod.ownerUid || !visible.pods.has(pod.uid)) continue;
      const source = ownerIds.get(pod.ownerUid);
      if (!source) continue;
      const target = drawnPods.get(pod.uid);
      if (target && onePerPod) {
        edges.push({ id: `e-${pod.ownerUid}-${pod.uid}`, source, target, type: 'owner', data: { ownerUid: pod.ownerUid, childUid: pod.uid, kind: 'owns' } });
        continue;
      }
      const key = `${pod.ownerUid}|${group}`;
      const entry = aggregate.get(key) ?? { ownerUid: pod.ownerUid, group, count: 0 };
      entry.count++;
      aggregate.set(key, entry);
    }
  }
  for (const { ownerUid, group, count } of aggregate.values()) {
    edges.push({ id: `a-${ownerUid}-${group}`, source: ownerIds.get(ownerUid)!, target: group, type: 'owner', data: { ownerUid, count, kind: 'aggregate' } });
  }

  const ownersTop = topology.owners.length > 0 ? Math.min(tierTop(0), tierTop(1)) : 0;
  const ownersWidth = topology.owners.length > 0 ? Math.min(topology.owners.length, ownersPerRow) * (OWNER_WIDTH + OWNER_GAP) - OWNER_GAP : 0;
  return {
    nodes,
    edges,
    x: 0,
    y: ownersTop,
    width: Math.max(gridWidth, ownersWidth),
    height: gridHeight - ownersTop,
    groups,
    memory: { podSlots, groupOrder: nodeOrder, ownerSlots, capacity },
    labelFilterValid: visible.labelValid,
  };
}
