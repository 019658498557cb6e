import { engineCrashed, loadCluster, restartEngine } from '../../bridge/engineClient';
import { sessionLog, sessionSetup } from '../../bridge/session';
import { withMessage } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';
import { resumeOptions } from '../app/boot';
import { formatClock } from '../app/formatClock';
import { currentPayload } from '../session/persist';
import { PAYLOAD_CHARS_MAX, type SessionPayload } from '../session/payload';
import { parsePayloadJson, shareUrl } from '../session/shareLink';
import { replaceFiles } from './editorFiles';
import { loadCatalog } from './lessons';
import { select } from './select';
import { goLive } from './timeTravel';

/** A link that rebuilds this cluster at this moment, with these editor tabs. */
export function createShareLink(): string {
  return shareUrl(location, currentPayload());
}

/** Downloads the session as a JSON file. */
export function exportSessionFile(): void {
  const json = JSON.stringify(currentPayload(), null, 1);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `podlab-${formatClock(useStore.getState().clockMs).replace(/:/g, '')}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function report(level: 'error' | 'success' | 'info', title: string, key: string, lines: readonly string[], params?: Record<string, string | number>): void {
  useStore.setState((s) => ({ messages: withMessage(s.messages, { level, title, key, params, lines, clockMs: s.clockMs }) }));
}

/** Replaces the cluster and the editor with a session (an imported file, a share link in this tab). */
export function openPayload(payload: SessionPayload): void {
  goLive(false);
  select(undefined);
  replaceFiles(payload.files, payload.activeFile);
  const options = resumeOptions(payload);
  if (engineCrashed()) restartEngine(options);
  else loadCluster(options);
  if (payload.setup.scenarioId) void loadCatalog().catch(() => undefined);
  report('success', `Opened a session at ${formatClock(payload.clockMs)}`, 'session.opened', [], { time: formatClock(payload.clockMs) });
}

/** Reads an exported session file (untrusted: size-limited and validated). */
export async function importSessionFile(file: File): Promise<boolean> {
  if (file.size > PAYLOAD_CHARS_MAX * 2) {
    report('error', 'This file could not be opened', 'session.importFailed', [`the file is too large (${file.size} bytes)`]);
    return false;
  }
  const checked = parsePayloadJson(await file.text());
  if (!checked.ok) {
    report('error', 'This file could not be opened', 'session.importFailed', checked.errors);
    return false;
  }
  openPayload(checked.value);
  return true;
}

/** A share link that could not be opened: said clearly, and the learner's own work is untouched. */
export function reportBadShareLink(errors: readonly string[]): void {
  report('error', 'This share link could not be opened', 'session.badLink', errors);
  useStore.setState({ linkError: errors });
}

/**
 * After an engine crash: a new worker replays the command log the page kept, up to the last moment
 * the page was shown (the command that was running when it crashed never reached the log), paused.
 */
export function recoverFromCrash(): void {
  const s = useStore.getState();
  const untilMs = s.clockMs;
  const progress = s.scenario.progress ?? undefined;
  const setup = sessionSetup();
  goLive(false);
  select(undefined);
  restartEngine({ seed: setup.seed, nodes: setup.nodes, manifests: setup.manifests, scenarioId: setup.scenarioId, speed: 0, resume: { log: sessionLog(), untilMs, progress } });
  useStore.setState({ consoleStream: undefined });
  report('info', `Restarted from ${formatClock(untilMs)}, the last good moment (paused)`, 'recovery.restarted', [], { time: formatClock(untilMs) });
}

/** After a crash: start the setup over with a fresh engine (the editor keeps its tabs). */
export function restartFresh(): void {
  const setup = sessionSetup();
  goLive(false);
  select(undefined);
  restartEngine({ seed: setup.seed, nodes: setup.nodes, manifests: setup.manifests, scenarioId: setup.scenarioId, speed: useStore.getState().lastRunningSpeed });
  useStore.setState({ consoleStream: undefined });
}
