import { onSessionChange, sessionLog, sessionSetup, sessionVersion } from '../../bridge/session';
import type { EditorFile, Language } from '../../store/learningSlice';
import { useStore } from '../../store/useStore';
import { isLanguage } from '../i18n/languages';
import { parsePayloadJson } from './shareLink';
import { validatePayload, type SessionPayload } from './payload';

/**
 * Work in progress survives a reload: editor tabs (saved as the learner types), the cluster session
 * (setup + command log + clock + scenario progress, saved every few seconds and when the page is
 * hidden), language, theme, teacher mode and console history. Everything read back is validated
 * like a share link: localStorage is just another untrusted input.
 */
export const STORAGE_KEYS = {
  workspace: 'podlab.workspace.v1',
  session: 'podlab.session.v1',
  language: 'podlab.lang',
  theme: 'podlab.theme',
  presenter: 'podlab.presenter',
  history: 'podlab.history',
} as const;

/** How often the running cluster's session is saved (it also saves on every command and when hidden). */
export const SESSION_SAVE_MS = 3000;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled (private mode): the app works on, it just will not remember.
  }
}

export function forget(key: keyof typeof STORAGE_KEYS): void {
  try {
    localStorage.removeItem(STORAGE_KEYS[key]);
  } catch {
    // ignore
  }
}

export function savedLanguage(): Language | undefined {
  const value = read(STORAGE_KEYS.language);
  return isLanguage(value) ? value : undefined;
}

export function savedTheme(): 'dark' | 'light' | undefined {
  const value = read(STORAGE_KEYS.theme);
  return value === 'dark' || value === 'light' ? value : undefined;
}

export function savedPresenter(): boolean {
  return read(STORAGE_KEYS.presenter) === 'true';
}

export function savedHistory(): string[] {
  try {
    const list = JSON.parse(read(STORAGE_KEYS.history) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((l): l is string => typeof l === 'string' && l.length < 2000).slice(-100) : [];
  } catch {
    return [];
  }
}

/** The saved editor tabs, if any (validated). */
export function savedWorkspace(): { files: EditorFile[]; activeFile?: string } | undefined {
  const json = read(STORAGE_KEYS.workspace);
  if (!json) return undefined;
  try {
    const data = JSON.parse(json) as { files?: unknown; activeFile?: unknown };
    const checked = validatePayload({ v: 1, setup: { seed: 1 }, log: [], clockMs: 0, files: data.files, activeFile: data.activeFile });
    return checked.ok ? { files: [...checked.value.files], activeFile: checked.value.activeFile } : undefined;
  } catch {
    return undefined;
  }
}

/** The saved cluster session (with the saved tabs), if any and valid. */
export function savedSession(): SessionPayload | undefined {
  const json = read(STORAGE_KEYS.session);
  if (!json) return undefined;
  const workspace = savedWorkspace();
  try {
    const data = JSON.parse(json) as Record<string, unknown>;
    const checked = parsePayloadJson(JSON.stringify({ ...data, files: workspace?.files ?? [{ name: 'manifest.yaml', text: '' }], activeFile: workspace?.activeFile }));
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined;
  }
}

/** The session as it stands (the live cluster, not a past moment being viewed). */
export function currentPayload(): SessionPayload {
  const s = useStore.getState();
  const progress = s.scenario.progress ?? undefined;
  return {
    v: 1,
    setup: sessionSetup(),
    log: sessionLog(),
    clockMs: s.clockMs,
    files: s.files,
    activeFile: s.activeFile,
    ...(progress ? { progress: { scenarioId: progress.scenarioId, current: progress.current, done: progress.done, complete: progress.complete } } : {}),
  };
}

let started = false;

/** Saves as things change. Call once, after the store holds the starting state. */
export function startPersistence(): void {
  if (started) return;
  started = true;
  let saved = '';
  const saveSession = () => {
    const s = useStore.getState();
    // Nothing to keep before the cluster is up, and a crashed engine's state is kept as it was.
    if (!s.connected || s.fatal) return;
    const stamp = `${sessionVersion()}|${s.clockMs}|${JSON.stringify(s.scenario.progress)}`;
    if (stamp === saved) return;
    saved = stamp;
    const { files: _files, activeFile: _active, ...rest } = currentPayload();
    const json = JSON.stringify(rest);
    if (json.length < 2_000_000) write(STORAGE_KEYS.session, json);
  };
  useStore.subscribe((s, prev) => {
    if (s.files !== prev.files || s.activeFile !== prev.activeFile) write(STORAGE_KEYS.workspace, JSON.stringify({ files: s.files, activeFile: s.activeFile }));
    if (s.language !== prev.language) write(STORAGE_KEYS.language, s.language);
    if (s.theme !== prev.theme) write(STORAGE_KEYS.theme, s.theme);
    if (s.presenter !== prev.presenter) write(STORAGE_KEYS.presenter, String(s.presenter));
    if (s.consoleHistory !== prev.consoleHistory) write(STORAGE_KEYS.history, JSON.stringify(s.consoleHistory.slice(-100)));
    if (s.scenario !== prev.scenario) saveSession();
  });
  onSessionChange(saveSession);
  setInterval(saveSession, SESSION_SAVE_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveSession();
  });
  window.addEventListener('pagehide', saveSession);
}
