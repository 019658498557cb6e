/** The console's pure parts (history, completion), unit-tested without a browser. */

export interface HistoryCursor {
  /** Index into history while browsing; undefined at the fresh prompt. */
  readonly index: number | undefined;
  /** What was typed before browsing started (↓ past the newest entry returns to it). */
  readonly draft: string;
}

export const FRESH: HistoryCursor = { index: undefined, draft: '' };

/** ↑ (-1) or ↓ (+1) through `history` (oldest first); returns the new input and cursor. */
export function browseHistory(history: readonly string[], cursor: HistoryCursor, input: string, direction: -1 | 1): { input: string; cursor: HistoryCursor } {
  if (history.length === 0) return { input, cursor };
  if (direction === -1) {
    if (cursor.index === undefined) return { input: history[history.length - 1], cursor: { index: history.length - 1, draft: input } };
    const index = Math.max(0, cursor.index - 1);
    return { input: history[index], cursor: { ...cursor, index } };
  }
  if (cursor.index === undefined) return { input, cursor };
  const index = cursor.index + 1;
  if (index >= history.length) return { input: cursor.draft, cursor: FRESH };
  return { input: history[index], cursor: { ...cursor, index } };
}

/** The history after running `line`: newest last, no duplicates, bounded. */
export function withHistory(history: readonly string[], line: string, max: number): string[] {
  return [...history.filter((h) => h !== line), line].slice(-max);
}

/** Longest common prefix of the candidates. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Words the console completes itself, before the engine's kubectl does. */
const LOCAL_FIRST_WORDS = ['kubectl', 'clear', 'help'];

/** Completion for the first word (`kub` → `kubectl `); undefined when kubectl should answer. */
export function localCompletion(line: string): { from: number; candidates: string[] } | undefined {
  if (/\s/.test(line.trimStart()) || line.trim() === '') return undefined;
  const word = line.trimStart();
  if (word === 'kubectl' || word === 'k') return undefined;
  const from = line.length - word.length;
  const candidates = LOCAL_FIRST_WORDS.filter((w) => w.startsWith(word) && w !== word);
  return candidates.length > 0 ? { from, candidates } : undefined;
}

export interface CompletionOutcome {
  /** The new input line. */
  readonly line: string;
  /** Candidates to list (more than one, and nothing more could be completed). */
  readonly list: readonly string[];
}

/**
 * Applies completion candidates for the word starting at `from` (the cursor is at the end): one
 * candidate completes the word (plus a space unless it ends in `=` or `/`); several complete their
 * common prefix, and list themselves when that adds nothing.
 */
export function applyCompletion(line: string, completion: { readonly from: number; readonly candidates: readonly string[] }): CompletionOutcome {
  const { candidates } = completion;
  const from = Math.max(0, Math.min(completion.from, line.length));
  const typed = line.slice(from);
  if (candidates.length === 0) return { line, list: [] };
  if (candidates.length === 1) {
    const word = candidates[0];
    const space = /[=/]$/.test(word) ? '' : ' ';
    return { line: line.slice(0, from) + word + space, list: [] };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > typed.length && prefix.startsWith(typed)) return { line: line.slice(0, from) + prefix, list: [] };
  return { line, list: candidates };
}

/** Whether a kubectl line reads files, so the editor's tabs must go with it (`-f`, `--filename`, `-k`). */
export function readsFiles(line: string): boolean {
  return /(^|\s)(-f|--filename|-k|--kustomize)(\s|=|$)/.test(line) || /(^|\s)-f\S/.test(line);
}

/** Formats candidates in columns for the console (at most `width` characters a row). */
export function columns(words: readonly string[], width = 100): string[] {
  if (words.length === 0) return [];
  const cell = Math.min(width, Math.max(...words.map((w) => w.length)) + 2);
  const perRow = Math.max(1, Math.floor(width / cell));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) rows.push(words.slice(i, i + perRow).map((w) => w.padEnd(cell)).join('').trimEnd());
  return rows;
}
