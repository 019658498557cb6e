import { memo } from 'react';
import type { EventDto } from '../../protocol/dto';
import { useStore } from '../../store/useStore';
import { formatClock } from '../app/formatClock';
import { selectInvolved } from '../commands/select';
import { goLive, stepTime, viewAt } from '../commands/timeTravel';
import { timeTravelText as t } from './text';

/** Marks drawn on the scrubber (the newest). */
const MARKS_MAX = 300;
const STEP_MS = 10_000;

/**
 * Events as ticks along the bar, warnings in red: one SVG with two paths (cheap to redraw on every
 * patch). A click picks the nearest event: it shows that moment and selects the event's object.
 */
const EventMarks = memo(function EventMarks({ events, endMs }: { events: readonly EventDto[]; endMs: number }) {
  const recent = events.slice(-MARKS_MAX);
  if (endMs <= 0 || recent.length === 0) return null;
  const x = (ms: number) => Math.min(1000, (ms / endMs) * 1000).toFixed(1);
  const path = (warning: boolean) => recent.filter((e) => (e.type === 'Warning') === warning).map((e) => `M${x(e.lastMs)} 0V8`).join('');
  const onClick = (event: React.MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const atMs = ((event.clientX - box.left) / box.width) * endMs;
    let best = recent[0];
    for (const e of recent) if (Math.abs(e.lastMs - atMs) < Math.abs(best.lastMs - atMs)) best = e;
    if (Math.abs(best.lastMs - atMs) > endMs * 0.02) return;
    viewAt(best.lastMs);
    selectInvolved(best.involved);
  };
  return (
    <svg className="timebar__marks" viewBox="0 0 1000 8" preserveAspectRatio="none" onClick={onClick} aria-hidden="true">
      <title>{t.marksHint}</title>
      <path className="timebar__mark" d={path(false)} />
      <path className="timebar__mark timebar__mark--warning" d={path(true)} />
    </svg>
  );
});

/**
 * The scrubber over virtual time: drag back to see the cluster (graph, timelines, YAML) as it was;
 * "Back to live" returns. While the past is shown, nothing can change the cluster.
 */
export function TimeBar() {
  const liveSecond = useStore((s) => Math.floor(s.clockMs / 1000));
  const liveMs = liveSecond * 1000;
  const connected = useStore((s) => s.connected);

  const scrubMs = useStore((s) => s.scrubMs);
  const past = useStore((s) => s.past);
  const replay = past ? { fromMs: past.replayedFromMs, wallMs: past.replayMs } : undefined;
  const events = useStore((s) => s.events);
  const pastMs = past?.clockMs;
  const inPast = pastMs !== undefined || scrubMs !== undefined;
  const shown = scrubMs ?? pastMs ?? liveMs;
  return (
    <div className={`timebar${inPast ? ' timebar--past' : ''}`} role="group" aria-label={t.barLabel} data-testid="timebar" data-mode={inPast ? 'past' : 'live'}>
      <button type="button" className="button button--small" onClick={() => stepTime(-STEP_MS)} disabled={!connected || shown <= 0} aria-label={t.back(STEP_MS / 1000)} title={t.back(STEP_MS / 1000)} data-testid="time-back">
        ◀ 10s
      </button>
      <div className="timebar__track">
        <EventMarks events={events} endMs={liveMs} />
        <input
          type="range"
          className="timebar__range"
          min={0}
          max={Math.max(1000, liveMs)}
          step={1000}
          value={Math.min(shown, Math.max(1000, liveMs))}
          disabled={!connected}
          aria-label={t.scrubberLabel}
          aria-valuetext={formatClock(shown)}
          title={t.pastHint}
          data-testid="time-scrubber"
          onChange={(e) => {
            const value = Number(e.target.value);
            if (value >= liveMs) goLive(false);
            else viewAt(value);
          }}
        />
      </div>
      <button type="button" className="button button--small" onClick={() => stepTime(STEP_MS)} disabled={!inPast} aria-label={t.forward(STEP_MS / 1000)} title={t.forward(STEP_MS / 1000)} data-testid="time-forward">
        10s ▶
      </button>
      <span className="timebar__readout" data-testid="time-readout">
        {inPast ? (
          <>
            <strong className="timebar__past">{t.viewingPast}</strong> <span className="timebar__clock">{formatClock(shown)}</span>{' '}
            <span className="timebar__muted">
              {scrubMs !== undefined ? t.replaying : replay ? t.replayInfo(formatClock(replay.fromMs), replay.wallMs) : ''} · {t.liveAt(formatClock(liveMs))}
            </span>
          </>
        ) : (
          <span className="timebar__muted">{t.live}</span>
        )}
      </span>
      {inPast && (
        <button type="button" className="button button--primary button--small" onClick={() => goLive()} data-testid="go-live">
          {t.backToLive}
        </button>
      )}
    </div>
  );
}
