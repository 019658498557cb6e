import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { OwnerEdge } from './edges/OwnerEdge';
import { ClusterNodeGroup } from './nodes/ClusterNodeGroup';
import { OwnerNode } from './nodes/OwnerNode';
import { PodNode } from './nodes/PodNode';
import { UnscheduledLane } from './nodes/UnscheduledLane';

/** Module scope on purpose: a new object per render makes React Flow remount every node (error002). */
export const nodeTypes: NodeTypes = {
  clusterNode: ClusterNodeGroup,
  lane: UnscheduledLane,
  pod: PodNode,
  owner: OwnerNode,
};

export const edgeTypes: EdgeTypes = {
  owner: OwnerEdge,
};
