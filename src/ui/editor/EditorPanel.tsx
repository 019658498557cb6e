import { Suspense, lazy, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../bridge/engineClient';
import type { DiffResultDto } from '../../protocol/learning';
import { FILES_MAX } from '../../store/learningSlice';
import { useStore } from '../../store/useStore';
import { applyEditor, deleteEditorObjects, diffEditor, errorLine } from '../commands/applyEditor';
import { addFile, closeFile, renameFile, setActiveFile } from '../commands/editorFiles';
import { Dialog } from '../components/Dialog';
import { MessageList } from '../messages/MessageList';
import { appendToEditor, editorHandle } from './editorHandle';
import { SNIPPETS, appendDocument, plainSnippet } from './snippets';

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
const DiffView = lazy(() => import('./DiffView'));

/** Longest wait for the first cluster before Monaco loads anyway (an engine that never says hello). */
const MONACO_WAIT_MS = 1500;

/**
 * True once the first cluster arrived (hello applied: its nodes and pods render now), or the engine
 * failed, or MONACO_WAIT_MS passed. Monaco's megabytes are fetched, compiled and run after that, not
 * while the engine worker loads and the page first renders.
 */
function useGraphFirst(): boolean {
  const ready = useStore((s) => s.connected || s.fatal !== undefined);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (ready) return;
    const timer = setTimeout(() => setWaited(true), MONACO_WAIT_MS);
    return () => clearTimeout(timer);
  }, [ready]);
  // Once true, stays true: the editor is never unmounted again.
  const [go, setGo] = useState(false);
  if (!go && (ready || waited)) setGo(true);
  return go || ready || waited;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function FileTabs() {
  const { t } = useTranslation();
  const files = useStore((s) => s.files);
  const active = useStore((s) => s.activeFile);
  const [renaming, setRenaming] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const startRename = (name: string) => {
    setRenaming(name);
    setDraft(name);
    setProblem(undefined);
  };
  const finishRename = (commit: boolean) => {
    if (!renaming) return;
    if (commit) {
      const issue = renameFile(renaming, draft);
      if (issue) {
        setProblem(t(issue === 'taken' ? 'editor.nameTaken' : 'editor.nameInvalid'));
        return;
      }
    }
    setRenaming(undefined);
    setProblem(undefined);
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, name: string, index: number) => {
    if (e.key === 'F2') {
      e.preventDefault();
      startRename(name);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const next = files[(index + (e.key === 'ArrowRight' ? 1 : files.length - 1)) % files.length];
      setActiveFile(next.name);
      document.querySelector<HTMLButtonElement>(`[data-testid="file-tab-${CSS.escape(next.name)}"]`)?.focus();
    }
  };

  return (
    <div className="filetabs" role="group" aria-label={t('editor.files')}>
      {files.map((f, index) =>
        renaming === f.name ? (
          <span key={f.name} className="filetab filetab--editing">
            <input
              className="filetab__input"
              value={draft}
              autoFocus
              aria-label={t('editor.renameLabel', { file: f.name })}
              aria-invalid={problem ? true : undefined}
              title={problem}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => finishRename(true)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') finishRename(true);
                else if (e.key === 'Escape') finishRename(false);
              }}
            />
          </span>
        ) : (
          <span key={f.name} className={`filetab${f.name === active ? ' filetab--active' : ''}`}>
            <button
              type="button"
              className="filetab__name"
              data-testid={`file-tab-${f.name}`}
              aria-current={f.name === active ? 'true' : undefined}
              onClick={() => setActiveFile(f.name)}
              onDoubleClick={() => startRename(f.name)}
              onKeyDown={(e) => onTabKey(e, f.name, index)}
              title={t('editor.tabTitle')}
            >
              {f.name}
            </button>
            <button type="button" className="filetab__close" onClick={() => closeFile(f.name)} aria-label={t('editor.closeFile', { file: f.name })} title={t('editor.closeFile', { file: f.name })}>
              ×
            </button>
          </span>
        ),
      )}
      <button type="button" className="filetab__add" data-testid="file-add" onClick={() => addFile()} disabled={files.length >= FILES_MAX} aria-label={t('editor.newFile')} title={t('editor.newFile')}>
        +
      </button>
      {problem && (
        <span className="filetabs__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

interface DiffState {
  readonly fileName: string;
  readonly result?: DiffResultDto;
  readonly error?: string;
}

function DiffDialog({ diff, onClose }: { diff: DiffState; onClose: () => void }) {
  const { t } = useTranslation();
  const docs = diff.result?.documents ?? [];
  const errors = diff.result?.errors ?? [];
  const original = docs.map((d) => d.original).join('---\n');
  const modified = docs.map((d) => d.modified).join('---\n');
  const unchanged = docs.length > 0 && docs.every((d) => d.original === d.modified);
  return (
    <Dialog title={t('editor.diffTitle', { file: diff.fileName })} onClose={onClose} wide testId="diff-dialog">
      {!diff.result && !diff.error && <p>{t('common.loading')}</p>}
      {diff.error && <p className="dialog__error">{diff.error}</p>}
      {errors.length > 0 && (
        <>
          <p className="dialog__error">{t('editor.diffErrors')}</p>
          <pre className="message__lines">{errors.map(errorLine).join('\n')}</pre>
        </>
      )}
      {docs.length > 0 && (
        <>
          <ul className="diff__summary" data-testid="diff-summary">
            {docs.map((d) => (
              <li key={`${d.kind}/${d.namespace ?? ''}/${d.name}`}>
                {d.kind} {d.namespace ? `${d.namespace}/` : ''}
                {d.name}: {d.original === '' ? t('editor.diffNew') : d.original === d.modified ? t('editor.diffSame') : t('editor.diffChanged')}
              </li>
            ))}
          </ul>
          {!unchanged && (
            <div className="diff__legend" aria-hidden="true">
              <span>{t('editor.diffLive')}</span>
              <span>{t('editor.diffAfter')}</span>
            </div>
          )}
          {!unchanged && (
            <div className="diff__editor nokey">
              <Suspense fallback={<p>{t('common.loading')}</p>}>
                <DiffView original={original} modified={modified} label={t('editor.diffTitle', { file: diff.fileName })} />
              </Suspense>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}

export function EditorPanel() {
  const { t } = useTranslation();
  const applying = useStore((s) => s.applying);
  const connected = useStore((s) => s.connected);
  const past = useStore((s) => s.past !== undefined || s.scrubMs !== undefined);
  const [diff, setDiff] = useState<DiffState | undefined>(undefined);
  const busy = applying || !connected || past;
  const loadEditor = useGraphFirst();

  const openDiff = () => {
    setDiff({ fileName: useStore.getState().activeFile });
    diffEditor().then(
      (d) => setDiff(d),
      (error: Error) => setDiff((s) => (s ? { ...s, error: error.message } : s)),
    );
  };

  const insertSnippet = (kind: string) => {
    const snippet = SNIPPETS.find((s) => s.kind === kind);
    const handle = editorHandle();
    if (!snippet || !handle) return;
    appendToEditor(appendDocument(handle.getValue(), plainSnippet(snippet.body)));
  };

  return (
    <section className="editor" aria-label={t('editor.label')}>
      <FileTabs />
      <div className="editor__toolbar">
        <button type="button" className="button button--primary" data-testid="apply" onClick={() => void applyEditor()} disabled={busy} title={past ? t('editor.pastTitle') : t('editor.applyTitle')}>
          {t('editor.apply')} <kbd>{isMac ? '⌘' : 'Ctrl'}+Enter</kbd>
        </button>
        <button type="button" className="button" data-testid="diff" onClick={openDiff} disabled={!connected} title={t('editor.diffButtonTitle')}>
          {t('editor.diff')}
        </button>
        <button type="button" className="button" data-testid="delete" onClick={() => void deleteEditorObjects()} disabled={busy} title={t('editor.deleteTitle')}>
          {t('editor.delete')}
        </button>
        <select
          className="select editor__snippets"
          data-testid="snippet"
          aria-label={t('editor.snippets')}
          value=""
          onChange={(e) => {
            insertSnippet(e.target.value);
            e.target.value = '';
          }}
        >
          <option value="">{t('editor.snippets')}</option>
          {SNIPPETS.map((s) => (
            <option key={s.kind} value={s.kind}>
              {s.kind}
            </option>
          ))}
        </select>
      </div>
      {/* `nokey`: React Flow ignores keys typed in here (it would eat Space otherwise, toolchain.md G3). */}
      <div className="editor__host nokey" data-testid="editor">
        <Suspense fallback={<div className="editor__loading">{t('editor.loading')}</div>}>
          {loadEditor ? <ManifestEditor /> : <div className="editor__loading">{t('editor.loading')}</div>}
        </Suspense>
      </div>
      <MessageList />
      {diff && <DiffDialog diff={diff} onClose={() => setDiff(undefined)} />}
    </section>
  );
}
