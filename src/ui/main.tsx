/**
 * The entry: reads how to start, starts the engine worker, then loads the app (./mount.tsx, a chunk
 * of its own: React, React Flow, the panels). The worker's script and the app chunk load at the same
 * time, so the engine is not kept waiting behind the app's parse and first render.
 */
import '@xyflow/react/dist/style.css';
import './styles.css';
import './learning.css';
import { debugCrash, enablePerfProbe, send, startEngine } from '../bridge/engineClient';
import { useStore } from '../store/useStore';
import { benchCluster } from './app/benchCluster';
import { chooseBoot } from './app/boot';
import { replaceFiles } from './commands/editorFiles';
import { select } from './commands/select';
import { goLive, viewAt } from './commands/timeTravel';
import { browserLanguage } from './i18n/languages';
import { savedHistory, savedLanguage, savedPresenter, savedSession, savedTheme, savedWorkspace, startPersistence } from './session/persist';

const params = new URLSearchParams(location.search);

// `?bench=N`: a big cluster for bench/page.ts (fps, patch cost), with the patch-cost probe on.
const benchPods = Number(params.get('bench'));
const bench = Number.isInteger(benchPods) && benchPods > 0 ? benchCluster(Math.min(benchPods, 20_000)) : undefined;
if (bench || params.has('perf')) enablePerfProbe();

const language = savedLanguage() ?? browserLanguage();
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

// The engine starts before the app is even loaded, so the first hello races the first paint.
startEngine(bench ? { seed: Number(params.get('seed')) || 1, ...bench } : boot.start);
startPersistence();

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

void import('./mount').then((app) => app.mount(boot, language));
