import { editorMounted } from './editor/editorHandle';

/** Longest wait for the editor before the service worker registers anyway. */
const START_UP_MAX_MS = 10_000;

/**
 * Registers the service worker that keeps the built site usable offline (scripts/vitePlugins.ts
 * writes sw.js). Production builds only: the dev server has none, and tests that block service
 * workers simply see the registration refused.
 *
 * Not before start-up is over (graph drawn, then Monaco loaded, which follows the first cluster):
 * installing fetches every built asset and compiles the scripts again for the code cache, which
 * would compete with the engine worker and Monaco for the CPU.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  };
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, START_UP_MAX_MS));
  void Promise.race([editorMounted, timeout]).then(register);
}
