import { Suspense, lazy } from 'react';
import { request } from '../../bridge/engineClient';
import { useStore } from '../../store/useStore';
import { applyEditor } from '../commands/applyEditor';
import { MessageList } from '../messages/MessageList';

/** How long the editor waits for the engine's schema before opening without it (it is applied later). */
const SCHEMA_WAIT_MS = 3000;

function loadSchema(): { now: Promise<unknown>; later: Promise<unknown> } {
  const later = request({ type: 'schema' }).then((r) => r.schema, () => null);
  const timeout = new Promise<unknown>((resolve) => setTimeout(() => resolve(undefined), SCHEMA_WAIT_MS));
  return { now: Promise.race([later, timeout]), later };
}

// Monaco is big: load it after the graph, in its own chunk (toolchain.md §7). The schema is fetched
// from the worker meanwhile, so monaco-yaml starts once, with it.
const ManifestEditor = lazy(async () => {
  const schema = loadSchema();
  const [module, now] = await Promise.all([import('./ManifestEditor'), schema.now]);
  module.configureYaml(now ?? null);
  if (now === undefined) void schema.later.then((late) => module.configureYaml(late));
  return module;
});

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function EditorPanel() {
  const applying = useStore((s) => s.applying);
  const connected = useStore((s) => s.connected);
  const fileName = useStore((s) => s.editorFileName);
  return (
    <section className="editor" aria-label="Manifest editor">
      <div className="editor__toolbar">
        <span className="editor__file" title="kubectl apply -f uses this name">{fileName}</span>
        <button type="button" className="button button--primary" data-testid="apply" onClick={() => void applyEditor()} disabled={applying || !connected} title="kubectl apply -f">
          Apply <kbd>{isMac ? '⌘' : 'Ctrl'}+Enter</kbd>
        </button>
      </div>
      {/* `nokey`: React Flow ignores keys typed in here (it would eat Space otherwise, toolchain.md G3). */}
      <div className="editor__host nokey" data-testid="editor">
        <Suspense fallback={<div className="editor__loading">Loading editor…</div>}>
          <ManifestEditor />
        </Suspense>
      </div>
      <MessageList />
    </section>
  );
}
