import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { formatBytes, formatCpu, useNodeDto } from '../../../store/selectors';
import type { ClusterFlowNode } from '../toFlowGraph';
import { graphText as t } from '../text';
import { CollapsedTile } from './CollapsedTile';

function Bar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const ratio = total > 0 ? Math.min(1, used / total) : 0;
  return (
    <div className="meter" title={t.requested(label, text)}>
      <span className="meter__label">{label}</span>
      <span className="meter__track">
        <span className={`meter__fill${ratio > 0.9 ? ' meter__fill--hot' : ''}`} style={{ width: `${ratio * 100}%` }} />
      </span>
      <span className="meter__text">{text}</span>
    </div>
  );
}

/** A cluster node: a group whose children are the pods bound to it (or, collapsed, their tally). */
function ClusterNodeGroupView({ data, width, height }: NodeProps<ClusterFlowNode>) {
  const node = useNodeDto(data.uid);
  const ready = node?.ready === 'True';
  const status = node?.status ?? 'Unknown';
  if (data.collapsed) {
    const meters = node
      ? [
          { label: t.cpu, ratio: node.allocatable.cpuMilli > 0 ? node.requests.cpuMilli / node.allocatable.cpuMilli : 0, text: `${formatCpu(node.requests.cpuMilli)} / ${node.allocatableText.cpu}` },
          { label: t.memory, ratio: node.allocatable.memoryBytes > 0 ? node.requests.memoryBytes / node.allocatable.memoryBytes : 0, text: `${formatBytes(node.requests.memoryBytes)} / ${node.allocatableText.memory}` },
          { label: t.pods, ratio: node.allocatable.pods > 0 ? node.requests.pods / node.allocatable.pods : 0, text: `${node.requests.pods} / ${node.allocatableText.pods}` },
        ]
      : [];
    return (
      <div className={`group group--node group--collapsed${ready ? '' : ' group--notready'}`} data-testid={`node-${data.name}`} data-status={status} aria-label={t.nodeAria(data.name, status)}>
        <Handle type="target" position={Position.Top} isConnectable={false} className="handle" />
        <CollapsedTile title={data.name} chip={status} chipOk={ready} meters={meters} podUids={data.podUids} width={width ?? 400} height={height ?? 200} />
      </div>
    );
  }
  return (
    <div
      className={`group group--node${ready ? '' : ' group--notready'}${node?.unschedulable ? ' group--cordoned' : ''}${data.collapsed ? ' group--collapsed' : ''}`}
      data-testid={`node-${data.name}`}
      data-status={status}
      aria-label={t.nodeAria(data.name, status)}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="handle" />
      <div className="group__header">
        <span className="group__title">{data.name}</span>
        <span className={`chip ${ready ? 'chip--ok' : 'chip--bad'}`}>{status}</span>
      </div>
      {node && (
        <div className="group__meters">
          <Bar label={t.cpu} used={node.requests.cpuMilli} total={node.allocatable.cpuMilli} text={`${formatCpu(node.requests.cpuMilli)} / ${node.allocatableText.cpu}`} />
          <Bar label={t.memory} used={node.requests.memoryBytes} total={node.allocatable.memoryBytes} text={`${formatBytes(node.requests.memoryBytes)} / ${node.allocatableText.memory}`} />
          <Bar label={t.pods} used={node.requests.pods} total={node.allocatable.pods} text={`${node.requests.pods} / ${node.allocatableText.pods}`} />
        </div>
      )}
    </div>
  );
}

export const ClusterNodeGroup = memo(ClusterNodeGroupView);
