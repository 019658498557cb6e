import type { Node } from '@xyflow/react';
import type { Topology, TopologyPod } from '../../store/topology';
import { MIN_LANE_COLUMNS, MIN_NODE_COLUMNS, POD_HEIGHT, POD_WIDTH, arrangeGroups, columnsFor, groupHeight, groupWidth, podPosition, rowsFor } from './layout';

export type ClusterNodeData = { uid: string; name: string; podCount: number };
export type LaneData = { podCount: number };
export type PodData = { uid: string };

export type ClusterFlowNode = Node<ClusterNodeData, 'clusterNode'>;
export type LaneFlowNode = Node<LaneData, 'lane'>;
export type PodFlowNode = Node<PodData, 'pod'>;
export type FlowNode = ClusterFlowNode | LaneFlowNode | PodFlowNode;

export const LANE_ID = 'lane-unscheduled';
export const nodeGroupId = (nodeName: string) => `node-${nodeName}`;
/** Stable per name, so a test (or a learner's bookmark) can find `pod-default/web-x7k2p`. */
export const podNodeId = (pod: { namespace: string; name: string }) => `pod-${pod.namespace}/${pod.name}`;

export interface FlowGraph {
  readonly nodes: FlowNode[];
  /** Overall size, to refit the view when the cluster grows or shrinks. */
  readonly width: number;
  readonly height: number;
}

/**
 * Cluster topology → React Flow nodes. Pure: the same topology gives equal output. Depends only on
 * topology (never on statuses), so it runs when pods appear, vanish or move, not on every tick.
 * Parents come before their children, as React Flow requires. `aspect` (viewport width / height)
 * decides how many groups go in a row, so the fitted drawing is as large as possible.
 */
export function toFlowGraph(topology: Topology, aspect = 16 / 9): FlowGraph {
  const known = new Set(topology.nodes.map((n) => n.name));
  const unscheduled: TopologyPod[] = [];
  const byNode = new Map<string, TopologyPod[]>(topology.nodes.map((n) => [n.name, []]));
  for (const pod of topology.pods) {
    // A pod bound to a node that no longer exists has nowhere to be drawn but the lane.
    if (pod.nodeName && known.has(pod.nodeName)) byNode.get(pod.nodeName)!.push(pod);
    else unscheduled.push(pod);
  }

  const groups = [
    { id: LANE_ID, pods: unscheduled, columns: unscheduled.length === 0 ? MIN_LANE_COLUMNS : columnsFor(unscheduled.length, MIN_LANE_COLUMNS), node: undefined },
    ...topology.nodes.map((node) => {
      const pods = byNode.get(node.name)!;
      return { id: nodeGroupId(node.name), pods, columns: columnsFor(pods.length, MIN_NODE_COLUMNS), node };
    }),
  ];
  const rows = Math.max(...groups.map((g) => rowsFor(g.pods.length, g.columns)));
  const height = groupHeight(rows);

  const widths = groups.map((g) => groupWidth(g.columns));
  const arranged = arrangeGroups(widths, height, aspect);

  const nodes: FlowNode[] = [];
  groups.forEach((group, groupIndex) => {
    const width = widths[groupIndex];
    const common = { id: group.id, position: arranged.placements[groupIndex], width, height, draggable: false, selectable: false, connectable: false } as const;
    if (group.node) nodes.push({ ...common, type: 'clusterNode', data: { uid: group.node.uid, name: group.node.name, podCount: group.pods.length } });
    else nodes.push({ ...common, type: 'lane', data: { podCount: group.pods.length } });
    group.pods.forEach((pod, index) => {
      nodes.push({
        id: podNodeId(pod),
        type: 'pod',
        parentId: group.id,
        extent: 'parent',
        position: podPosition(index, group.columns),
        width: POD_WIDTH,
        height: POD_HEIGHT,
        draggable: false,
        connectable: false,
        data: { uid: pod.uid },
      });
    });
  });
  return { nodes, width: arranged.width, height: arranged.height };
}
