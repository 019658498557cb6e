import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useStore } from '../../store/useStore';
import { applyEditor } from '../commands/applyEditor';
import { markersFor } from './markers';
import { configureYaml, monaco } from './monacoSetup';

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

function showMarkers(editor: CodeEditor): void {
  const model = editor.getModel();
  if (!model) return;
  const { applyErrors, applyWarnings } = useStore.getState();
  const markers = markersFor(model.getValue(), applyErrors, applyWarnings).map((m) => ({
    ...m,
    severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    source: 'kubectl apply',
  }));
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}

/**
 * The Monaco YAML editor (lazy-loaded). Uncontrolled: its text lives in Monaco and is mirrored into
 * the store for Apply and the console; nothing ever resets it, so the text survives every error.
 */
export default function ManifestEditor() {
  const theme = useStore((s) => s.theme);
  const fileName = useStore((s) => s.editorFileName);
  const editorRef = useRef<CodeEditor | null>(null);

  useEffect(() => {
    // Markers follow each apply result (applySeq changes even when the errors are the same).
    return useStore.subscribe((s, prev) => {
      if (s.applySeq !== prev.applySeq && editorRef.current) showMarkers(editorRef.current);
    });
  }, []);

  const onMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    window.__editor = editor;
    window.__monaco = m as typeof monaco;
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => void applyEditor());
    showMarkers(editor);
  };

  return (
    <Editor
      path={`file:///${fileName}`}
      defaultLanguage="yaml"
      defaultValue={useStore.getState().editorText}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onMount={onMount}
      onChange={(value) => useStore.setState({ editorText: value ?? '' })}
      loading={<div className="editor__loading">Loading editor…</div>}
      options={{
        minimap: { enabled: false },
        fontSize: 14,
        lineNumbersMinChars: 3,
        scrollBeyondLastLine: false,
        tabSize: 2,
        insertSpaces: true,
        automaticLayout: true,
        renderWhitespace: 'boundary',
        fixedOverflowWidgets: true,
        ariaLabel: 'Manifest editor (YAML). Ctrl+Enter applies.',
      }}
    />
  );
}
