import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { usePod } from '../../../store/selectors';
import { useStore } from '../../../store/useStore';
import type { PodFlowNode } from '../toFlowGraph';
import { TONE_LABEL, podTone } from '../podTone';

/**
 * One pod. Subscribes to its own DTO, so a patch that changes only this pod re-renders only this
 * component (the React Flow node list is untouched).
 */
function PodNodeView({ data }: NodeProps<PodFlowNode>) {
  const pod = usePod(data.uid);
  const selected = useStore((s) => s.selection === data.uid);
  if (!pod) return null;
  const tone = podTone(pod.status, pod.readyContainers, pod.totalContainers);
  const title = [
    `${pod.namespace}/${pod.name}`,
    `STATUS ${pod.status} · READY ${pod.ready} · RESTARTS ${pod.restarts}`,
    pod.nodeName ? `node ${pod.nodeName}` : 'not scheduled',
    pod.unschedulableMessage ?? '',
    pod.owner ? `owned by ${pod.owner.kind} ${pod.owner.name}` : '',
  ].filter(Boolean).join('\n');
  return (
    <div
      className={`pod pod--${tone}${selected ? ' pod--selected' : ''}${pod.deleting ? ' pod--deleting' : ''}`}
      data-testid={`pod-${pod.namespace}/${pod.name}`}
      data-status={pod.status}
      data-ready={pod.ready}
      data-node={pod.nodeName ?? ''}
      title={title}
      aria-label={`Pod ${pod.name}: ${pod.status}, ${TONE_LABEL[tone]}, ready ${pod.ready}, restarts ${pod.restarts}`}
    >
      <div className="pod__name">
        {pod.namespace !== 'default' && <span className="pod__ns">{pod.namespace}/</span>}
        {pod.name}
      </div>
      <div className="pod__row">
        <span className="pod__status">{pod.status}</span>
        <span className="pod__badges">
          <span className="badge" title="READY containers">{pod.ready}</span>
          {pod.restartCount > 0 && (
            <span className="badge badge--restarts" title={`RESTARTS ${pod.restarts}`}>
              ↻{pod.restartCount}
            </span>
          )}
        </span>
      </div>
    </div>
  );
}

export const PodNode = memo(PodNodeView);
