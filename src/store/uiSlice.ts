import type { StateCreator } from 'zustand';
import type { ManifestErrorDto } from '../protocol/dto';
import type { StoreState } from './useStore';

export type MessageLevel = 'info' | 'success' | 'warning' | 'error';

/** One entry in the message area (apply results, errors, engine notices). */
export interface UiMessage {
  readonly id: number;
  readonly level: MessageLevel;
  /** Shown as is when there is no `key`. */
  readonly title: string;
  /** A translation key (src/ui/i18n) for the title, rendered in the current language with `params`. */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number>>;
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

/** Which objects the graph draws (hidden ones keep their place, so nothing else moves). */
export interface GraphFilter {
  /** '' = every namespace. */
  readonly namespace: string;
  /** A label selector (`app=web,tier!=db`); '' = no label filter. */
  readonly label: string;
  /** 'all', 'pods' (no owners), or one owner kind (that kind and the pods it controls). */
  readonly kind: string;
  /** Name search: matches are highlighted, the rest dimmed. */
  readonly search: string;
}

export const EMPTY_FILTER: GraphFilter = { namespace: '', label: '', kind: 'all', search: '' };

export interface EventFilter {
  readonly text: string;
  readonly type: 'all' | 'Warning' | 'Normal';
  /** '' = every kind. */
  readonly kind: string;
}

export type DockTab = 'console' | 'timeline' | 'events';
export type InspectorTab = 'why' | 'yaml' | 'events';

/** UI-only state: never sent to the engine as state, only as commands. */
export interface UiSlice {
  /** uid of the selected graph object. */
  selection: string | undefined;
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
  /** uid of the owner or pod under the pointer (selector matches are highlighted). */
  hover: string | undefined;
  graphFilter: GraphFilter;
  eventFilter: EventFilter;
  dockTab: DockTab;
  inspectorTab: InspectorTab;
  /** Time travel: the moment asked for while a replay is on its way (the scrubber shows it). */
  scrubMs: number | undefined;
  /** The live speed before entering the past, restored when going back to live. */
  speedBeforePast: number | undefined;
}

export const MESSAGES_MAX = 50;
export const CONSOLE_LINES_MAX = 500;
export const CONSOLE_HISTORY_MAX = 100;

export const initialUiState: UiSlice = {
  selection: undefined,
  applyErrors: [],
  applyWarnings: [],
  applySeq: 0,
  applying: false,
  messages: [],
  consoleLines: [],
  consoleHistory: [],
  theme: 'dark',
  hover: undefined,
  graphFilter: EMPTY_FILTER,
  eventFilter: { text: '', type: 'all', kind: '' },
  dockTab: 'console',
  inspectorTab: 'why',
  scrubMs: undefined,
  speedBeforePast: undefined,
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
