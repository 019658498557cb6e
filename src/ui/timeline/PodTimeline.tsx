import { useEffect, useMemo, useRef, useState } from 'react';
import type { PodTimelineDto } from '../../protocol/dto';
import { viewOf } from '../../store/clusterSlice';
import { selectFocus } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import { formatClock } from '../app/formatClock';
import { timelineText as t } from './text';
import { axisTicks, podLanes, timeWindow, type ContainerLane, type TimeWindow } from './timelineModel';

const GUTTER = 78;
const STATE_H = 18;
const PROBE_H = 11;
const MARK_H = 16;
const MEM_H = 26;
const LANE_GAP = 10;
const HEAD_H = 16;
const AXIS_H = 16;

function laneHeight(lane: ContainerLane): number {
  return HEAD_H + STATE_H + 4 + lane.probes.length * PROBE_H + 2 * MARK_H + (lane.memory ? MEM_H : 0);
}

function Lane({ lane, y, width, tw }: { lane: ContainerLane; y: number; width: number; tw: TimeWindow }) {
  let row = y + HEAD_H;
  const stateY = row;
  row += STATE_H + 4;
  const probeRows = lane.probes.map((p) => {
    const ry = row;
    row += PROBE_H;
    return { ...p, y: ry };
  });
  const markY = row;
  row += MARK_H;
  const killY = row;
  row += MARK_H;
  const memY = row;
  return (
    <g data-testid={`timeline-container-${lane.name}`} data-restarts={lane.restartCount}>
      <text x={0} y={y + 11} className="tl-head">
        {t.container(lane.name, lane.init)}
        {lane.restartCount > 0 ? ` · ${t.restarts(lane.restartCount)}` : ''}
      </text>
      <text x={0} y={stateY + 13} className="tl-label">
        {t.state}
      </text>
      <g transform={`translate(${GUTTER},0)`}>
        {lane.bands.map((b, i) => (
          <g key={i} data-testid="tl-band" data-state={b.state} data-reason={b.reason ?? ''}>
            <rect x={b.x} y={stateY} width={b.width} height={STATE_H} rx={2} className={`tl-band tl-band--${b.state}${b.state === 'running' && !b.ready ? '-unready' : ''}${b.reason === 'CrashLoopBackOff' ? ' tl-band--crashloop' : ''}`}>
              <title>{t.band(b.state, b.reason, b.ready, b.fromMs, b.toMs)}</title>
            </rect>
            {b.width > 70 && !lane.backoffs.some((w) => w.fromMs < b.toMs && w.fromMs + w.lengthMs > b.fromMs) && (
              <text x={b.x + 4} y={stateY + 13} className="tl-band-text">
                {b.reason ?? b.state}
              </text>
            )}
          </g>
        ))}
        {lane.backoffs.map((b, i) => (
          <g key={`b${i}`} data-testid="tl-backoff" data-length-ms={b.lengthMs}>
            <rect x={b.x} y={stateY - 2} width={b.width} height={STATE_H + 4} className={`tl-backoff${b.current ? ' tl-backoff--current' : ''}`}>
              <title>{t.backoff(b.lengthMs, b.fromMs)}</title>
            </rect>
            {b.width > 18 && (
              <text x={b.x + b.width / 2} y={stateY + 13} textAnchor="middle" className="tl-backoff-text">
                {t.backoffLabel(b.lengthMs)}
              </text>
            )}
          </g>
        ))}
      </g>
      {probeRows.map((p) => (
        <g key={p.type} data-testid={`tl-probe-${p.type}`} data-failures={p.ticks.filter((k) => !k.ok).length} data-successes={p.ticks.filter((k) => k.ok).length}>
          <text x={0} y={p.y + 9} className="tl-label">
            {t.probe[p.type]}
          </text>
          <g transform={`translate(${GUTTER},0)`}>
            {p.ticks.map((k, i) => (
              <line key={i} x1={k.x} x2={k.x} y1={p.y + 1} y2={p.y + PROBE_H - 1} className={k.ok ? 'tl-tick tl-tick--ok' : 'tl-tick tl-tick--fail'}>
                <title>{t.tick(p.type, k.ok, k.atMs, k.message)}</title>
              </line>
            ))}
          </g>
        </g>
      ))}
      <text x={0} y={markY + 12} className="tl-label">
        {t.restartsRow}
      </text>
      <text x={0} y={killY + 12} className="tl-label">
        {t.killsRow}
      </text>
      <g transform={`translate(${GUTTER},0)`}>
        {lane.markers.map((m, i) => (
          <text key={i} x={m.x} y={(m.kind === 'restart' ? markY : killY) + 12} textAnchor="middle" className={`tl-mark tl-mark--${m.kind}`} data-testid={`tl-${m.kind}`}>
            {m.kind === 'restart' ? `↻${m.restartCount}` : m.kind === 'oom' ? 'OOM' : '✕'}
            <title>{m.kind === 'restart' ? t.restartMarker(m.restartCount, m.atMs) : m.kind === 'oom' ? t.oomMarker(m.usageBytes, m.limitBytes, m.atMs) : t.killMarker(m.reason, m.atMs)}</title>
          </text>
        ))}
      </g>
      {lane.memory && (
        <g data-testid="tl-memory">
          <text x={0} y={memY + 10} className="tl-label">
            {t.memory}
          </text>
          <text x={0} y={memY + 21} className="tl-label tl-label--small">
            {t.memoryNow(lane.memory.lastBytes, lane.memory.limitBytes)}
          </text>
          <g transform={`translate(${GUTTER},0)`}>
            {lane.memory.limit !== undefined && <line x1={0} x2={width} y1={memY + MEM_H - 3 - lane.memory.limit * (MEM_H - 6)} y2={memY + MEM_H - 3 - lane.memory.limit * (MEM_H - 6)} className="tl-limit" />}
            {lane.memory.segments.map((segment, i) => (
              <polyline key={i} className="tl-mem" points={segment.map(([x, f]) => `${x},${memY + MEM_H - 3 - f * (MEM_H - 6)}`).join(' ')} />
            ))}
          </g>
        </g>
      )}
      <title>{`${lane.name}: ${formatClock(tw.startMs)} – ${formatClock(tw.endMs)}`}</title>
    </g>
  );
}

export function TimelineChart({ timeline, nowMs, spanMs }: { timeline: PodTimelineDto; nowMs: number; spanMs?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const plotWidth = Math.max(100, width - GUTTER - 8);
  const tw = useMemo(() => timeWindow(timeline, nowMs, spanMs), [timeline, nowMs, spanMs]);
  const lanes = useMemo(() => podLanes(timeline, tw, plotWidth), [timeline, tw, plotWidth]);
  const ticks = axisTicks(tw, Math.max(2, Math.floor(plotWidth / 90)));
  const scale = (ms: number) => ((ms - tw.startMs) / Math.max(1, tw.endMs - tw.startMs)) * plotWidth;
  let y = 0;
  const placed = lanes.map((lane) => {
    const top = y;
    y += laneHeight(lane) + LANE_GAP;
    return { lane, top };
  });
  const height = y + AXIS_H;
  return (
    <div className="tl" ref={ref}>
      <svg width={width} height={height} role="img" aria-label={`${timeline.containers.map((c) => c.name).join(', ')}: ${formatClock(tw.startMs)} – ${formatClock(tw.endMs)}`}>
        {placed.map(({ lane, top }) => (
          <Lane key={lane.name} lane={lane} y={top} width={plotWidth} tw={tw} />
        ))}
        <g transform={`translate(${GUTTER},${height - AXIS_H})`} className="tl-axis">
          <line x1={0} x2={plotWidth} y1={0} y2={0} />
          {ticks.map((tick) => (
            <g key={tick} transform={`translate(${scale(tick)},0)`}>
              <line y1={0} y2={4} />
              <text y={14} textAnchor="middle">
                {formatClock(tick)}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </div>
  );
}

const SPANS: (number | undefined)[] = [undefined, 300_000, 60_000];

/** The selected pod's containers over virtual time (from the view: live, or the past). */
export function PodTimeline() {
  const selection = useStore((s) => s.selection);
  const kind = useStore((s) => (s.selection ? viewOf(s).objects.get(s.selection)?.kind : undefined));
  const focus = useStore(selectFocus);
  const [span, setSpan] = useState<number | undefined>(undefined);
  if (!selection) return <p className="dock__note">{t.noPod}</p>;
  if (kind !== undefined && kind !== 'Pod') return <p className="dock__note">{t.notPod}</p>;
  if (!focus) return <p className="dock__note">{t.loading}</p>;
  const timeline = focus.data?.timeline;
  return (
    <div className="pod-timeline" data-testid="pod-timeline">
      <div className="pod-timeline__bar">
        <span className="pod-timeline__name">{focus.data?.name}</span>
        <span className="segmented" role="group" aria-label={t.span}>
          {SPANS.map((s) => (
            <button key={String(s)} type="button" className={`segmented__item${span === s ? ' segmented__item--on' : ''}`} aria-pressed={span === s} onClick={() => setSpan(s)}>
              {t.spans[String(s ?? 'all')]}
            </button>
          ))}
        </span>
      </div>
      {timeline ? <TimelineChart timeline={timeline} nowMs={focus.data!.atMs} spanMs={span} /> : <p className="dock__note">{t.noTimeline}</p>}
    </div>
  );
}
