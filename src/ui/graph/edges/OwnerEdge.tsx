import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { highlightOf } from '../../../store/highlight';
import { useStore } from '../../../store/useStore';
import type { OwnerFlowEdge } from '../toFlowGraph';
import { graphText as t } from '../text';

/**
 * An ownerReference drawn from owner to dependent (or an HPA to its target, dashed). It lights up
 * along the hovered object's ownership chain; the subscription returns a string, so only the edges
 * whose state flips re-render.
 */
function OwnerEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<OwnerFlowEdge>) {
  // Lit when both ends are lit (the hovered object and what it controls, or its owners).
  const state = useStore((s) => {
    if (s.hover === undefined || !data) return '';
    const on = (uid: string | undefined) => uid === undefined || ((h) => h === 'self' || h === 'owned')(highlightOf(s, uid));
    return on(data.ownerUid) && on(data.childUid) ? 'lit' : 'dim';
  });
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const kind = data?.kind ?? 'owns';
  // Counted edges (many pods per node) would cross the whole cluster: drawn only for the hovered owner.
  if (kind === 'aggregate' && state !== 'lit') return null;
  return (
    <>
      <BaseEdge id={id} path={path} className={`owner-edge owner-edge--${kind}${state ? ` owner-edge--${state}` : ''}`} />
      {kind === 'aggregate' && data?.count !== undefined && (
        <EdgeLabelRenderer>
          <div className="edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {t.edgeCount(data.count)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const OwnerEdge = memo(OwnerEdgeView);
