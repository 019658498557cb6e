import type { StateCreator } from 'zustand';
import type { ManifestErrorDto } from '../protocol/dto';
import type { StoreState } from './useStore';

export type MessageLevel = 'info' | 'success' | 'warning' | 'error';

/** One entry in the message area (apply results, errors, engine notices). */
export interface UiMessage {
  readonly id: number;
  readonly level: MessageLevel;
  readonly title: string;
  readonly lines: readonly string[];
  /** Virtual time when it was posted. */
  readonly clockMs: number;
}

export type ConsoleLineKind = 'input' | 'stdout' | 'stderr' | 'info';

export interface ConsoleLine {
  readonly id: number;
  readonly kind: ConsoleLineKind;
  readonly text: string;
}

export type Theme = 'dark' | 'light';

/** UI-only state: never sent to the engine as state, only as commands. */
export interface UiSlice {
  /** uid of the selected graph object. */
  selection: string | undefined;
  editorText: string;
  editorFileName: string;
  /** Errors of the last apply, shown as editor markers; [] after a clean apply. */
  applyErrors: readonly ManifestErrorDto[];
  applyWarnings: readonly ManifestErrorDto[];
  /** Bumped on every apply result, so the editor refreshes markers even for identical errors. */
  applySeq: number;
  applying: boolean;
  messages: readonly UiMessage[];
  consoleLines: readonly ConsoleLine[];
  consoleHistory: readonly string[];
  theme: Theme;
}

export const MESSAGES_MAX = 50;
export const CONSOLE_LINES_MAX = 500;
export const CONSOLE_HISTORY_MAX = 100;

export const initialUiState: UiSlice = {
  selection: undefined,
  editorText: '',
  editorFileName: 'manifest.yaml',
  applyErrors: [],
  applyWarnings: [],
  applySeq: 0,
  applying: false,
  messages: [],
  consoleLines: [],
  consoleHistory: [],
  theme: 'dark',
};

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = () => ({ ...initialUiState });

let nextId = 1;
export function newId(): number {
  return nextId++;
}

export function withMessage(messages: readonly UiMessage[], message: Omit<UiMessage, 'id'>): readonly UiMessage[] {
  const next = [{ ...message, id: newId() }, ...messages];
  return next.length > MESSAGES_MAX ? next.slice(0, MESSAGES_MAX) : next;
}

export function withConsoleLines(lines: readonly ConsoleLine[], added: readonly { kind: ConsoleLineKind; text: string }[]): readonly ConsoleLine[] {
  const next = lines.concat(added.map((line) => ({ ...line, id: newId() })));
  return next.length > CONSOLE_LINES_MAX ? next.slice(next.length - CONSOLE_LINES_MAX) : next;
}
