import { memo } from 'react';
import { viewOf } from '../../../store/clusterSlice';
import { statusCounts } from '../../../store/selectors';
import { useStore } from '../../../store/useStore';
import { podTone } from '../podTone';
import { graphText as t } from '../text';

/** The last tally per group (its pod list), recomputed only when the objects map changes. */
const cache = new WeakMap<readonly string[], { objects: unknown; key: string }>();

export function tallyKey(view: ReturnType<typeof viewOf>, podUids: readonly string[]): string {
  const hit = cache.get(podUids);
  if (hit && hit.objects === view.objects) return hit.key;
  const key = statusCounts(view, podUids).map(([status, n]) => `${status}\t${n}`).join('\n');
  cache.set(podUids, { objects: view.objects, key });
  return key;
}

export interface TileMeter {
  readonly label: string;
  readonly ratio: number;
  readonly text: string;
}

/** Drawn this many units wide, whatever the group's size: the text scales with the tile. */
const UNITS = 320;
const TONE_COLOR: Record<string, string> = {
  running: 'var(--pod-running-border)',
  unready: 'var(--pod-unready-border)',
  pending: 'var(--pod-pending-border)',
  creating: 'var(--pod-creating-border)',
  succeeded: 'var(--pod-succeeded-border)',
  failed: 'var(--pod-failed-border)',
  terminating: 'var(--pod-terminating-border)',
  unknown: 'var(--pod-unknown-border)',
};
const toneOf = (status: string) => podTone(status, status === 'Running' ? 1 : 0, 1);

/**
 * A collapsed group (level of detail): its name, state, requests and its pods as counts by STATUS,
 * drawn as one SVG that fills the group, so it stays readable when the whole cluster is in view.
 * The tally's selector returns a string: it re-renders only when a count changes.
 */
function CollapsedTileView({ title, chip, chipOk, meters, podUids, width, height }: { title: string; chip?: string; chipOk?: boolean; meters: readonly TileMeter[]; podUids: readonly string[]; width: number; height: number }) {
  const key = useStore((s) => tallyKey(viewOf(s), podUids));
  const rows = key === '' ? [] : key.split('\n').map((line) => line.split('\t') as [string, string]);
  const h = Math.max(60, (height / width) * UNITS);
  const total = podUids.length;
  // One "status … count" per row, as many rows as the tile has room for.
  const shown = rows.slice(0, Math.max(2, Math.floor((h - 64) / 17)));
  let x = 0;
  return (
    <svg className="tile" viewBox={`0 0 ${UNITS} ${h}`} preserveAspectRatio="xMidYMid meet" data-testid="tally" role="img" aria-label={`${title}: ${rows.map(([s, n]) => `${s} ${n}`).join(', ') || t.collapsedHint(0)}`}>
      <text x={8} y={24} className="tile__title">
        {title}
      </text>
      {chip && (
        <text x={UNITS - 8} y={24} textAnchor="end" className={`tile__chip ${chipOk ? 'tile__chip--ok' : 'tile__chip--bad'}`}>
          {chip}
        </text>
      )}
      {meters.map((m, i) => {
        const w = (UNITS - 16 - 2 * 8) / 3;
        return (
          <g key={m.label} transform={`translate(${8 + i * (w + 8)}, 34)`}>
            <rect width={w} height={5} rx={2} className="tile__track" />
            <rect width={w * Math.min(1, m.ratio)} height={5} rx={2} className={m.ratio > 0.9 ? 'tile__fill tile__fill--hot' : 'tile__fill'} />
            <title>{`${m.label} ${m.text}`}</title>
          </g>
        );
      })}
      <g transform="translate(8, 46)">
        <rect width={UNITS - 16} height={12} rx={3} className="tile__track" />
        {rows.map(([status, n]) => {
          const w = total > 0 ? ((UNITS - 16) * Number(n)) / total : 0;
          const rect = <rect key={status} x={x} width={w} height={12} style={{ fill: TONE_COLOR[toneOf(status)] }} />;
          x += w;
          return rect;
        })}
      </g>
      {shown.map(([status, n], i) => (
        <g key={status} transform={`translate(8, ${78 + i * 17})`} data-status={status}>
          <circle cx={5} cy={-5} r={4.5} style={{ fill: TONE_COLOR[toneOf(status)] }} />
          <text x={14} y={0} className="tile__status">
            {status}
          </text>
          <text x={UNITS - 16} y={0} textAnchor="end" className="tile__n">
            {n}
          </text>
        </g>
      ))}
      {rows.length === 0 && (
        <text x={8} y={78} className="tile__status">
          {t.collapsedHint(0)}
        </text>
      )}
      {rows.length > shown.length && (
        <text x={UNITS - 8} y={h - 6} textAnchor="end" className="tile__more">
          {t.moreStatuses(rows.length - shown.length)}
        </text>
      )}
    </svg>
  );
}

export const CollapsedTile = memo(CollapsedTileView);
