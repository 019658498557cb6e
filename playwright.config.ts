import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const CI = Boolean(process.env.CI);
// 4173 by default; another port lets two checkouts run e2e side by side.
const port = Number(process.env.PODLAB_E2E_PORT ?? 4173);
// Debian's chromium where it exists (this workplace), Playwright's own browser elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The JSON report is what `npm test` counts for its closing `N passed, N failed` line, locally too.
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    // The built site registers a caching service worker; tests start clean (e2e/static.spec.ts
    // turns it on to check offline use).
    serviceWorkers: 'block',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
        // Any non-local host fails fast instead of hanging (and e2e/offline.spec.ts notices it).
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
      ],
    },
  },
  webServer: {
    // Serves dist/ from `npm run build`; node + vite.js directly so stopping it leaves no child behind.
    command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
});
