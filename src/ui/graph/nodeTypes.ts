import type { NodeTypes } from '@xyflow/react';
import { ClusterNodeGroup } from './nodes/ClusterNodeGroup';
import { PodNode } from './nodes/PodNode';
import { UnscheduledLane } from './nodes/UnscheduledLane';

/** Module scope on purpose: a new object per render makes React Flow remount every node (error002). */
export const nodeTypes: NodeTypes = {
  clusterNode: ClusterNodeGroup,
  lane: UnscheduledLane,
  pod: PodNode,
};
