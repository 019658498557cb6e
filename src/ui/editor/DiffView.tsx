import { DiffEditor } from '@monaco-editor/react';
import { useStore } from '../../store/useStore';
import './monacoSetup';

/**
 * Live object (left) against what applying the tab would store (right), in Monaco's diff editor.
 * Lazy-loaded with the editor chunk; read-only on both sides.
 */
export default function DiffView({ original, modified, label }: { original: string; modified: string; label: string }) {
  const theme = useStore((s) => s.theme);
  const presenter = useStore((s) => s.presenter);
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language="yaml"
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        minimap: { enabled: false },
        fontSize: presenter ? 18 : 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        ariaLabel: label,
      }}
    />
  );
}
