import { FILES_MAX, FILE_CHARS_MAX, FILE_NAME_PATTERN, freeFileName, type EditorFile } from '../../store/learningSlice';
import { useStore } from '../../store/useStore';

/** The editor's tabs. Text changes come from Monaco; everything else goes through here. */

export function setActiveFile(name: string): void {
  if (useStore.getState().files.some((f) => f.name === name)) useStore.setState({ activeFile: name });
}

/** Mirrors Monaco's text for one tab into the store (and so into the saved workspace). */
export function updateFileText(name: string, text: string): void {
  useStore.setState((s) => {
    const index = s.files.findIndex((f) => f.name === name);
    if (index < 0 || s.files[index].text === text) return {};
    const files = s.files.slice();
    files[index] = { name, text: text.length > FILE_CHARS_MAX ? text.slice(0, FILE_CHARS_MAX) : text };
    return { files };
  });
}

/** A new empty tab (or with `text`), made active. Returns its name, or undefined at the tab limit. */
export function addFile(text = '', base = 'untitled'): string | undefined {
  const { files } = useStore.getState();
  if (files.length >= FILES_MAX) return undefined;
  const name = freeFileName(files, base);
  useStore.setState({ files: [...files, { name, text }], activeFile: name });
  return name;
}

/** Closes a tab; the last tab is emptied instead (there is always one). */
export function closeFile(name: string): void {
  useStore.setState((s) => {
    const index = s.files.findIndex((f) => f.name === name);
    if (index < 0) return {};
    if (s.files.length === 1) return { files: [{ name: s.files[0].name, text: '' }], filesEpoch: s.filesEpoch + 1 };
    const files = s.files.filter((f) => f.name !== name);
    const activeFile = s.activeFile === name ? files[Math.min(index, files.length - 1)].name : s.activeFile;
    return { files, activeFile };
  });
}

export type RenameProblem = 'invalid' | 'taken';

/** Renames a tab; returns what is wrong with the new name, if anything. */
export function renameFile(from: string, to: string): RenameProblem | undefined {
  const name = to.trim();
  if (name === from) return undefined;
  if (!FILE_NAME_PATTERN.test(name)) return 'invalid';
  const { files, activeFile, applyFile } = useStore.getState();
  if (files.some((f) => f.name === name)) return 'taken';
  useStore.setState({
    files: files.map((f) => (f.name === from ? { name, text: f.text } : f)),
    activeFile: activeFile === from ? name : activeFile,
    applyFile: applyFile === from ? undefined : applyFile,
  });
  return undefined;
}

/** Replaces every tab (a scenario, an imported session, a share link): the editor rebuilds its models. */
export function replaceFiles(files: readonly EditorFile[], active?: string): void {
  const list = files.length > 0 ? files.slice(0, FILES_MAX) : [{ name: 'manifest.yaml', text: '' }];
  useStore.setState((s) => ({
    files: list,
    activeFile: active && list.some((f) => f.name === active) ? active : list[0].name,
    filesEpoch: s.filesEpoch + 1,
    applyFile: undefined,
    applyErrors: [],
    applyWarnings: [],
    applySeq: s.applySeq + 1,
  }));
}
