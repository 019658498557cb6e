import { request, send } from '../../bridge/engineClient';
import type { Speed } from '../../bridge/constants';
import { pastFrom } from '../../store/clusterSlice';
import { withMessage } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';
import { timeTravelText as t } from '../timetravel/text';

/*
 * Time travel. Viewing the past pauses the live cluster (remembering its speed) and asks the worker
 * to replay the command log up to the chosen moment. Only one replay is in flight: while it runs,
 * newer requests replace each other and the latest is sent when it returns (scrubbing coalesces).
 */
let inFlight = false;
let wanted: number | undefined;
/** Bumped when going back to live, so a replay that returns afterwards is dropped. */
let generation = 0;

/** Shows the cluster as it was at `atMs` (virtual ms); clamped to [0, live now]. */
export function viewAt(atMs: number): void {
  const s = useStore.getState();
  if (!s.connected) return;
  const target = Math.max(0, Math.min(Math.round(atMs), s.clockMs));
  if (!s.past) {
    useStore.setState({ speedBeforePast: s.speed });
    if (s.speed !== 0) send({ type: 'set_speed', speed: 0 });
  }
  useStore.setState({ scrubMs: target });
  wanted = target;
  if (!inFlight) void pump();
}

async function pump(): Promise<void> {
  while (wanted !== undefined) {
    const target = wanted;
    const started = generation;
    wanted = undefined;
    inFlight = true;
    try {
      const result = await request({ type: 'view_at', atMs: target });
      if (started !== generation) continue;
      useStore.setState((s) => ({
        past: pastFrom(result, s.past?.focus?.uid === s.selection ? s.past?.focus : undefined),
        scrubMs: wanted === undefined ? undefined : s.scrubMs,
      }));
    } catch (error) {
      useStore.setState((s) => ({
        scrubMs: undefined,
        messages: withMessage(s.messages, { level: 'error', title: t.replayFailed, lines: [(error as Error).message], clockMs: s.clockMs }),
      }));
    } finally {
      inFlight = false;
    }
  }
}

/** Back to the live cluster, at the speed it had. */
export function goLive(resume = true): void {
  const s = useStore.getState();
  if (!s.past && s.scrubMs === undefined) return;
  wanted = undefined;
  generation++;
  const speed = s.speedBeforePast;
  useStore.setState({ past: undefined, scrubMs: undefined, speedBeforePast: undefined });
  void request({ type: 'view_live' }).catch(() => undefined);
  if (resume && speed) send({ type: 'set_speed', speed: speed as Speed });
}

/** Moves the viewed moment by `deltaMs` (past mode), or enters the past that far back from now. */
export function stepTime(deltaMs: number): void {
  const s = useStore.getState();
  const from = s.scrubMs ?? s.past?.clockMs ?? s.clockMs;
  const target = from + deltaMs;
  if (target >= s.clockMs && s.past) {
    goLive(false);
    return;
  }
  viewAt(target);
}
