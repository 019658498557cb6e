import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { activeFileOf } from '../../store/learningSlice';
import { useStore } from '../../store/useStore';
import { applyEditor } from '../commands/applyEditor';
import { updateFileText } from '../commands/editorFiles';
import { i18n } from '../i18n';
import { setEditorHandle } from './editorHandle';
import { markersFor } from './markers';
import { configureYaml, monaco } from './monacoSetup';
import { SNIPPETS } from './snippets';

export { configureYaml };

type CodeEditor = Parameters<OnMount>[0];

declare global {
  interface Window {
    /** Test hooks (e2e): the editor instance and the monaco namespace. */
    __editor?: CodeEditor;
    __monaco?: typeof monaco;
  }
}

/** Owner of Podlab's own markers (engine validation), apart from monaco-yaml's 'yaml' markers. */
export const MARKER_OWNER = 'podlab';

const uriOf = (name: string) => monaco.Uri.parse(`file:///${name}`);

/** Engine errors and warnings of the last apply, on the model of the tab they belong to. */
function showMarkers(): void {
  const { applyFile, applyErrors, applyWarnings } = useStore.getState();
  for (const model of monaco.editor.getModels()) {
    if (model.uri.scheme !== 'file') continue;
    const isTarget = applyFile !== undefined && model.uri.toString() === uriOf(applyFile).toString();
    const markers = isTarget
      ? markersFor(model.getValue(), applyErrors, applyWarnings).map((m) => ({
          ...m,
          severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          source: 'kubectl apply',
        }))
      : [];
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }
}

/**
 * Models follow the tabs: a closed or renamed tab's model goes; after the tabs were replaced from
 * outside (scenario, import, share link) every model takes the tab's text.
 */
function syncModels(editor: CodeEditor | null, replaced: boolean): void {
  const { files } = useStore.getState();
  const wanted = new Map(files.map((f) => [uriOf(f.name).toString(), f.text]));
  const current = editor?.getModel();
  for (const model of monaco.editor.getModels()) {
    if (model.uri.scheme !== 'file') continue;
    const text = wanted.get(model.uri.toString());
    if (text === undefined) {
      if (model !== current) model.dispose();
    } else if (replaced && model.getValue() !== text) {
      model.setValue(text);
    }
  }
}

let snippetsRegistered = false;

/** Snippets for each simulated kind, offered at the start of a line (type the kind's name). */
function registerSnippets(): void {
  if (snippetsRegistered) return;
  snippetsRegistered = true;
  monaco.languages.registerCompletionItemProvider('yaml', {
    provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      if (!/^[A-Za-z]*$/.test(before)) return { suggestions: [] };
      const range = new monaco.Range(position.lineNumber, 1, position.lineNumber, position.column);
      return {
        suggestions: SNIPPETS.map((s) => ({
          label: s.kind,
          kind: monaco.languages.CompletionItemKind.Snippet,
          detail: i18n.t('editor.snippetDetail', { kind: s.kind }),
          insertText: s.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          range,
          sortText: `0-${s.kind}`,
        })),
      };
    },
  });
}

/**
 * The Monaco YAML editor (lazy-loaded), one model per tab. Monaco owns the text while typing and
 * mirrors it into the store (so the console's `-f`, Apply and the saved workspace see it); nothing
 * resets it, so the text survives every error and every engine restart.
 */
export default function ManifestEditor() {
  const theme = useStore((s) => s.theme);
  const presenter = useStore((s) => s.presenter);
  const activeName = useStore((s) => s.activeFile);
  const files = useStore((s) => s.files);
  const epoch = useStore((s) => s.filesEpoch);
  const editorRef = useRef<CodeEditor | null>(null);
  const seenEpoch = useRef(epoch);

  useEffect(() => {
    // Markers follow each apply result (applySeq changes even when the errors are the same).
    return useStore.subscribe((s, prev) => {
      if (s.applySeq !== prev.applySeq) showMarkers();
    });
  }, []);

  useEffect(() => {
    // Runs after @monaco-editor/react switched models (child effects first), so the model on
    // screen is never disposed under it.
    const replaced = seenEpoch.current !== epoch;
    seenEpoch.current = epoch;
    syncModels(editorRef.current, replaced);
  }, [files, epoch]);

  useEffect(() => () => setEditorHandle(undefined), []);

  const onMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    window.__editor = editor;
    window.__monaco = m as typeof monaco;
    setEditorHandle(editor);
    registerSnippets();
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => void applyEditor());
    syncModels(editor, true);
    showMarkers();
  };

  const active = activeFileOf({ files, activeFile: activeName });
  return (
    <Editor
      path={`file:///${active.name}`}
      language="yaml"
      defaultValue={active.text}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onMount={onMount}
      onChange={(value) => {
        const model = editorRef.current?.getModel();
        if (!model) return;
        const name = decodeURIComponent(model.uri.path.replace(/^\//, ''));
        updateFileText(name, value ?? '');
      }}
      loading={<div className="editor__loading">{i18n.t('editor.loading')}</div>}
      options={{
        minimap: { enabled: false },
        fontSize: presenter ? 20 : 14,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        tabSize: 2,
        insertSpaces: true,
        automaticLayout: true,
        renderWhitespace: 'boundary',
        fixedOverflowWidgets: true,
        ariaLabel: i18n.t('editor.ariaLabel', { file: active.name }),
        // Tab moves focus out of the editor only when asked (Ctrl+M toggles, as in VS Code).
        tabFocusMode: false,
      }}
    />
  );
}
