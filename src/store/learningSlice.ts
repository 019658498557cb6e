import type { StateCreator } from 'zustand';
import type { ScenarioDto, ScenarioStateDto } from '../protocol/learning';
import type { StoreState } from './useStore';
import { withConsoleLines, type ConsoleLineKind } from './uiSlice';

/** One editor tab: `kubectl apply -f <name>` in the console reads it. */
export interface EditorFile {
  readonly name: string;
  readonly text: string;
}

export type Language = 'en' | 'ko';

/** A console command that keeps printing (`get -w`): the prompt waits until it ends or Ctrl+C. */
export interface ConsoleStream {
  readonly id: string;
  readonly line: string;
}

/**
 * The learning surface's state: editor tabs, the guided scenario as the worker reports it, language,
 * teacher mode and the console's open stream. UI-only except `scenario`, which bridge/applyPatch.ts
 * writes from the worker's `scenario` messages.
 */
export interface LearningSlice {
  files: readonly EditorFile[];
  activeFile: string;
  /** Bumped when the files are replaced from outside the editor (scenario, import, share link). */
  filesEpoch: number;
  /** The file the last apply's errors and warnings belong to. */
  applyFile: string | undefined;
  /** Every guided scenario, once the worker sent them. */
  scenarios: readonly ScenarioDto[] | undefined;
  /** The active scenario and its progress, as the worker last reported them. */
  scenario: ScenarioStateDto;
  galleryOpen: boolean;
  language: Language;
  /** Teacher mode: presenter layout, large type, slow motion. */
  presenter: boolean;
  consoleStream: ConsoleStream | undefined;
  /** The console's prompt text (kept here so it survives panels re-mounting). */
  consoleInput: string;
  /** Why a share link could not be opened (shown until dismissed). */
  linkError: readonly string[] | undefined;
  /** The speed before teacher mode slowed time down (restored when it ends). */
  speedBeforePresenter: number | undefined;
}

export const NO_SCENARIO: ScenarioStateDto = { scenarioId: null, progress: null, commands: [] };

export const initialLearningState: LearningSlice = {
  files: [{ name: 'manifest.yaml', text: '' }],
  activeFile: 'manifest.yaml',
  filesEpoch: 0,
  applyFile: undefined,
  scenarios: undefined,
  scenario: NO_SCENARIO,
  galleryOpen: false,
  language: 'en',
  presenter: false,
  consoleStream: undefined,
  consoleInput: '',
  linkError: undefined,
  speedBeforePresenter: undefined,
};

export const createLearningSlice: StateCreator<StoreState, [], [], LearningSlice> = () => ({ ...initialLearningState });

/** Editor tabs at most, and characters per tab (a tab is a manifest, not a data set). */
export const FILES_MAX = 20;
export const FILE_CHARS_MAX = 500_000;
/** What a tab may be called: a plain file name (kubectl -f reads it by that name). */
export const FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function activeFileOf(s: Pick<LearningSlice, 'files' | 'activeFile'>): EditorFile {
  return s.files.find((f) => f.name === s.activeFile) ?? s.files[0];
}

/** The tabs as kubectl's `-f` inputs. */
export function filesRecord(files: readonly EditorFile[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f.name, f.text]));
}

/** `untitled.yaml`, `untitled-2.yaml`, … whichever is free. */
export function freeFileName(files: readonly EditorFile[], base = 'untitled', ext = '.yaml'): string {
  const taken = new Set(files.map((f) => f.name));
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}${ext}` : `${base}-${i}${ext}`;
    if (!taken.has(name)) return name;
  }
}

/** Console output of a stream message; the prompt comes back when the stream it waits on is done. */
export function consoleAfterStream(
  s: Pick<StoreState, 'consoleLines' | 'consoleStream'>,
  message: { readonly streamId: string; readonly stdout: string; readonly stderr: string; readonly done: boolean },
): Pick<StoreState, 'consoleLines' | 'consoleStream'> {
  const lines = [...splitOutput('stdout', message.stdout), ...splitOutput('stderr', message.stderr)];
  return {
    consoleLines: lines.length > 0 ? withConsoleLines(s.consoleLines, lines) : s.consoleLines,
    consoleStream: message.done && s.consoleStream?.id === message.streamId ? undefined : s.consoleStream,
  };
}

/** Command output as console lines (a trailing newline does not make an empty line). */
export function splitOutput(kind: ConsoleLineKind, text: string): { kind: ConsoleLineKind; text: string }[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n').map((line) => ({ kind, text: line }));
}
