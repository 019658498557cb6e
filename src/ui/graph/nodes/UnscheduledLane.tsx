import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { LaneFlowNode } from '../toFlowGraph';
import { graphText as t } from '../text';
import { CollapsedTile } from './CollapsedTile';

/** Pods with no node yet (Pending until the scheduler binds them). */
function UnscheduledLaneView({ data, width, height }: NodeProps<LaneFlowNode>) {
  const count = data.podUids.length;
  if (data.collapsed) {
    return (
      <div className="group group--lane group--collapsed" data-testid="lane-unscheduled">
        <Handle type="target" position={Position.Top} isConnectable={false} className="handle" />
        <CollapsedTile title={t.unscheduled} chip={String(count)} chipOk meters={[]} podUids={data.podUids} width={width ?? 400} height={height ?? 200} />
      </div>
    );
  }
  return (
    <div className={`group group--lane${data.collapsed ? ' group--collapsed' : ''}`} data-testid="lane-unscheduled">
      <Handle type="target" position={Position.Top} isConnectable={false} className="handle" />
      <div className="group__header">
        <span className="group__title">{t.unscheduled}</span>
        <span className="chip">{count}</span>
      </div>
      <div className="group__hint">{count === 0 ? t.laneHintEmpty : t.laneHint}</div>
    </div>
  );
}

export const UnscheduledLane = memo(UnscheduledLaneView);
