/** The app, loaded by ./main.tsx once the engine worker is on its way. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../store/learningSlice';
import { App } from './app/App';
import type { Boot } from './app/boot';
import { replaceFiles } from './commands/editorFiles';
import { loadCatalog } from './commands/lessons';
import { openPayload, reportBadShareLink } from './commands/session';
import { applyLanguage } from './i18n';
import { registerServiceWorker } from './serviceWorker';
import { decodeShare, hasShare } from './session/shareLink';

export function mount(boot: Boot, language: Language): void {
  applyLanguage(language);
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

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

  registerServiceWorker();
}
