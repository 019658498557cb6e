/**
 * The mounted Monaco editor, for toolbar actions outside the lazy editor chunk (insert a snippet,
 * focus). Typed structurally so this module does not pull Monaco into the main bundle.
 */
export interface EditorHandle {
  getValue(): string;
  focus(): void;
  getModel(): { getLineCount(): number; getLineMaxColumn(line: number): number } | null;
  executeEdits(source: string, edits: { range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }; text: string }[]): boolean;
  setPosition(position: { lineNumber: number; column: number }): void;
  revealLine(line: number): void;
}

let handle: EditorHandle | undefined;
let firstMounted: () => void = () => undefined;

/** Resolves when an editor first mounts: the end of start-up (the service worker waits for it). */
export const editorMounted = new Promise<void>((resolve) => {
  firstMounted = resolve;
});

export function setEditorHandle(editor: EditorHandle | undefined): void {
  handle = editor;
  if (editor) firstMounted();
}

export function editorHandle(): EditorHandle | undefined {
  return handle;
}

/** Appends `text` at the end of the open tab (as one undoable edit) and puts the cursor there. */
export function appendToEditor(text: string): boolean {
  const editor = handle;
  const model = editor?.getModel();
  if (!editor || !model) return false;
  const line = model.getLineCount();
  const column = model.getLineMaxColumn(line);
  editor.executeEdits('podlab-snippet', [{ range: { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column }, text }]);
  const end = model.getLineCount();
  editor.setPosition({ lineNumber: end, column: 1 });
  editor.revealLine(end);
  editor.focus();
  return true;
}
