/**
 * Registers the service worker that keeps the built site usable offline (scripts/vitePlugins.ts
 * writes sw.js). Production builds only: the dev server has none, and tests that block service
 * workers simply see the registration refused.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
