import { memo, useRef } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { viewOf } from '../../../store/clusterSlice';
import { highlightOf, ownerStateOf } from '../../../store/highlight';
import { searchHit } from '../../../store/labelSelector';
import { useStore } from '../../../store/useStore';
import type { PodDto } from '../../../protocol/dto';
import type { StoreState } from '../../../store/useStore';
import type { Highlight } from '../../../store/highlight';

interface PodView {
  readonly pod: PodDto | undefined;
  readonly selected: boolean;
  readonly highlight: Highlight;
  readonly ownerState: 'owned' | 'orphan' | 'ghost';
  readonly search: boolean | undefined;
}

/**
 * Everything a pod box shows, as one value that keeps its identity while nothing in it changed:
 * the selector runs for every pod on every store update, so it compares fields by hand (no
 * allocation when unchanged) instead of a generic shallow compare.
 */
function usePodView(uid: string): PodView {
  const last = useRef<PodView | undefined>(undefined);
  return useStore((s: StoreState) => {
    const obj = viewOf(s).objects.get(uid);
    const pod = obj?.dto === 'pod' ? obj : undefined;
    const selected = s.selection === uid;
    const highlight = highlightOf(s, uid);
    const ownerState = pod?.owner ? ownerStateOf(s, uid) : 'orphan';
    const search = s.graphFilter.search.trim() === '' ? undefined : searchHit(s.graphFilter.search, pod?.name ?? '');
    const prev = last.current;
    if (prev && prev.pod === pod && prev.selected === selected && prev.highlight === highlight && prev.ownerState === ownerState && prev.search === search) return prev;
    const next = { pod, selected, highlight, ownerState, search };
    last.current = next;
    return next;
  });
}
import type { PodFlowNode } from '../toFlowGraph';
import { TONE_LABEL, podTone } from '../podTone';
import { graphText as t } from '../text';

/**
 * One pod. ONE store subscription (its own DTO, selection, highlight, owner state and search hit),
 * so a patch that changes only this pod re-renders only this component, the React Flow node list is
 * untouched, and 2,000 pods cost 2,000 cheap selector calls per patch.
 */
function PodNodeView({ data }: NodeProps<PodFlowNode>) {
  const { pod, selected, highlight, ownerState, search } = usePodView(data.uid);
  if (!pod) return null;
  const tone = podTone(pod.status, pod.readyContainers, pod.totalContainers);
  const title = [
    `${pod.namespace}/${pod.name}`,
    `STATUS ${pod.status} · READY ${pod.ready} · RESTARTS ${pod.restarts}`,
    pod.nodeName ? t.onNode(pod.nodeName) : t.notScheduled,
    pod.unschedulableMessage ?? '',
    pod.owner ? t.ownedBy(pod.owner.kind, pod.owner.name) : t.orphanTitle,
    ownerState === 'ghost' ? t.ghostTitle : '',
  ].filter(Boolean).join('\n');
  const classes = [
    'pod',
    `pod--${tone}`,
    selected && 'pod--selected',
    pod.deleting && 'pod--deleting',
    ownerState !== 'owned' && `pod--${ownerState}`,
    highlight && `hl--${highlight}`,
    search === true && 'search--hit',
    search === false && 'search--miss',
  ].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      data-testid={`pod-${pod.namespace}/${pod.name}`}
      data-status={pod.status}
      data-ready={pod.ready}
      data-restarts={pod.restartCount}
      data-node={pod.nodeName ?? ''}
      data-owner={ownerState}
      title={title}
      aria-label={t.podAria(pod.name, pod.status, TONE_LABEL[tone], pod.ready, pod.restarts)}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="handle" />
      <div className="pod__name">
        {pod.namespace !== 'default' && <span className="pod__ns">{pod.namespace}/</span>}
        {pod.name}
      </div>
      <div className="pod__row">
        <span className="pod__status">{pod.status}</span>
        <span className="pod__badges">
          {ownerState !== 'owned' && <span className="badge badge--orphan" title={ownerState === 'ghost' ? t.ghostTitle : t.orphanTitle}>{ownerState === 'ghost' ? t.ownerGone : t.noOwner}</span>}
          <span className="badge" title={t.readyTitle} data-testid="ready-badge">{pod.ready}</span>
          {pod.restartCount > 0 && (
            <span className="badge badge--restarts" title={t.restartsTitle(pod.restarts)} data-testid="restarts-badge">
              ↻{pod.restartCount}
            </span>
          )}
        </span>
      </div>
    </div>
  );
}

export const PodNode = memo(PodNodeView);
