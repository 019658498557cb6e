import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import './learning.css';
import { debugCrash, enablePerfProbe, send, startEngine } from '../bridge/engineClient';
import { useStore } from '../store/useStore';
import { App } from './app/App';
import { benchCluster } from './app/benchCluster';
import { chooseBoot } from './app/boot';
import { replaceFiles } from './commands/editorFiles';
import { loadCatalog } from './commands/lessons';
import { openPayload, reportBadShareLink } from './commands/session';
import { decodeShare, hasShare } from './session/shareLink';
import { select } from './commands/select';
import { goLive, viewAt } from './commands/timeTravel';
import { applyLanguage, browserLanguage } from './i18n';
import { savedHistory, savedLanguage, savedPresenter, savedSession, savedTheme, savedWorkspace, startPersistence } from './session/persist';
import { registerServiceWorker } from './serviceWorker';

const params = new URLSearchParams(location.search);

// `?bench=N`: a big cluster for bench/page.ts (fps, patch cost), with the patch-cost probe on.
const benchPods = Number(params.get('bench'));
const bench = Number.isInteger(benchPods) && benchPods > 0 ? benchCluster(Math.min(benchPods, 20_000)) : undefined;
if (bench || params.has('perf')) enablePerfProbe();

const language = savedLanguage() ?? browserLanguage();
applyLanguage(language);
const boot = chooseBoot({ hash: location.hash, params, saved: bench ? undefined : savedSession(), savedFiles: savedWorkspace() });
// The link (or ?scenario=, ?seed=) was read: take it out of the address bar, so a reload continues
// from the saved session instead of starting over.
if (!bench && (location.hash !== '' || params.has('scenario') || params.has('seed'))) history.replaceState(null, '', location.pathname);

useStore.setState({
  theme: savedTheme() ?? 'dark',
  language,
  presenter: savedPresenter(),
  consoleHistory: savedHistory(),
});
if (boot.files) replaceFiles(boot.files, boot.activeFile);
document.documentElement.dataset.theme = useStore.getState().theme;
document.documentElement.dataset.presenter = String(useStore.getState().presenter);
useStore.subscribe((s, prev) => {
  if (s.presenter !== prev.presenter) document.documentElement.dataset.presenter = String(s.presenter);
});

// The engine starts before React renders, so the first hello races the first paint.
startEngine(bench ? { seed: Number(params.get('seed')) || 1, ...bench } : boot.start);
startPersistence();
if (boot.linkErrors) reportBadShareLink(boot.linkErrors);
if (boot.scenarioFiles || boot.start.scenarioId) {
  const id = boot.scenarioFiles;
  void loadCatalog().then((catalog) => {
    const scenario = id ? catalog.find((s) => s.id === id) : undefined;
    if (scenario) replaceFiles(scenario.files.map((f) => ({ name: f.name, text: f.text })));
  }, () => undefined);
}

// A share link pasted into the address bar of an open Podlab (same page, new hash).
window.addEventListener('hashchange', () => {
  if (!hasShare(location.hash)) return;
  const shared = decodeShare(location.hash);
  history.replaceState(null, '', location.pathname);
  if (shared.ok) openPayload(shared.value);
  else reportBadShareLink(shared.errors);
});

declare global {
  interface Window {
    /** Test hooks (e2e, bench): the store and a few commands, so tests need not wait on wall time. */
    __podlab?: {
      store: typeof useStore;
      step(ms: number): void;
      select(uid: string | undefined): void;
      viewAt(ms: number): void;
      goLive(): void;
      /** Makes the engine worker throw (crash-recovery tests). */
      crash(when: 'now' | 'next_command' | 'engine'): void;
    };
  }
}
window.__podlab = { store: useStore, step: (ms) => send({ type: 'step', advanceMs: ms }), select, viewAt, goLive, crash: debugCrash };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
