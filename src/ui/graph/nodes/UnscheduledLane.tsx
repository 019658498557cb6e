import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { LaneFlowNode } from '../toFlowGraph';

/** Pods with no node yet (Pending until the scheduler binds them). */
function UnscheduledLaneView({ data }: NodeProps<LaneFlowNode>) {
  return (
    <div className="group group--lane" data-testid="lane-unscheduled">
      <div className="group__header">
        <span className="group__title">Unscheduled</span>
        <span className="chip">{data.podCount}</span>
      </div>
      <div className="group__hint">{data.podCount === 0 ? 'Pods wait here until the scheduler picks a node.' : 'Waiting for the scheduler to pick a node.'}</div>
    </div>
  );
}

export const UnscheduledLane = memo(UnscheduledLaneView);
