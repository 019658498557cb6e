import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { highlightOf } from '../../../store/highlight';
import { searchHit } from '../../../store/labelSelector';
import { useOwnerDto } from '../../../store/selectors';
import { useStore } from '../../../store/useStore';
import type { OwnerFlowNode } from '../toFlowGraph';
import { graphText as t } from '../text';

const SHORT: Record<string, string> = {
  Deployment: 'deploy',
  ReplicaSet: 'rs',
  ReplicationController: 'rc',
  DaemonSet: 'ds',
  HorizontalPodAutoscaler: 'hpa',
};

/** A controller (Deployment, ReplicaSet, DaemonSet, ReplicationController) or an HPA. */
function OwnerNodeView({ data }: NodeProps<OwnerFlowNode>) {
  const owner = useOwnerDto(data.uid);
  const selected = useStore((s) => s.selection === data.uid);
  const highlight = useStore((s) => highlightOf(s, data.uid));
  const search = useStore((s) => (s.graphFilter.search.trim() === '' ? undefined : searchHit(s.graphFilter.search, owner?.name ?? '')));
  if (!owner) return null;
  const r = owner.replicas;
  const healthy = owner.hpa ? true : (r.ready ?? 0) >= (r.desired ?? 0);
  const detail = owner.hpa ? t.hpaText(owner.hpa.targets, owner.hpa.currentReplicas, owner.hpa.minReplicas, owner.hpa.maxReplicas) : t.ownerReplicas(r.ready, r.desired);
  const classes = [
    'owner',
    `owner--${SHORT[owner.kind] ?? 'other'}`,
    healthy ? 'owner--healthy' : 'owner--short',
    selected && 'owner--selected',
    owner.deleting && 'owner--deleting',
    highlight && `hl--${highlight}`,
    search === true && 'search--hit',
    search === false && 'search--miss',
  ].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      data-testid={`owner-${owner.kind}/${owner.name}`}
      data-kind={owner.kind}
      title={`${owner.kind} ${owner.namespace}/${owner.name}\n${owner.hpa ? '' : t.selector(owner.selector)}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="handle" />
      <div className="owner__head">
        <span className="owner__kind">{owner.kind}</span>
        {owner.namespace !== 'default' && <span className="owner__ns">{owner.namespace}</span>}
      </div>
      <div className="owner__name">{owner.name}</div>
      <div className="owner__detail">{detail}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="handle" />
    </div>
  );
}

export const OwnerNode = memo(OwnerNodeView);
