import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { formatBytes, formatCpu, useNodeDto } from '../../../store/selectors';
import type { ClusterFlowNode } from '../toFlowGraph';

function Bar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const ratio = total > 0 ? Math.min(1, used / total) : 0;
  return (
    <div className="meter" title={`${label} requested: ${text}`}>
      <span className="meter__label">{label}</span>
      <span className="meter__track">
        <span className={`meter__fill${ratio > 0.9 ? ' meter__fill--hot' : ''}`} style={{ width: `${ratio * 100}%` }} />
      </span>
      <span className="meter__text">{text}</span>
    </div>
  );
}

/** A cluster node: a group whose children are the pods bound to it. */
function ClusterNodeGroupView({ data }: NodeProps<ClusterFlowNode>) {
  const node = useNodeDto(data.uid);
  const ready = node?.ready === 'True';
  const status = node?.status ?? 'Unknown';
  return (
    <div className={`group group--node${ready ? '' : ' group--notready'}${node?.unschedulable ? ' group--cordoned' : ''}`} data-testid={`node-${data.name}`} data-status={status}>
      <div className="group__header">
        <span className="group__title">{data.name}</span>
        <span className={`chip ${ready ? 'chip--ok' : 'chip--bad'}`}>{status}</span>
      </div>
      {node && (
        <div className="group__meters">
          <Bar label="CPU" used={node.requests.cpuMilli} total={node.allocatable.cpuMilli} text={`${formatCpu(node.requests.cpuMilli)} / ${node.allocatableText.cpu}`} />
          <Bar label="Mem" used={node.requests.memoryBytes} total={node.allocatable.memoryBytes} text={`${formatBytes(node.requests.memoryBytes)} / ${node.allocatableText.memory}`} />
          <Bar label="Pods" used={node.requests.pods} total={node.allocatable.pods} text={`${node.requests.pods} / ${node.allocatableText.pods}`} />
        </div>
      )}
    </div>
  );
}

export const ClusterNodeGroup = memo(ClusterNodeGroupView);
