import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * The built site (dist/) as any static host would serve it, under a sub-path (/podlab/, as on
 * GitHub Pages), with no special headers: the app, Monaco with its YAML worker and the engine worker
 * must all run under the page's own Content-Security-Policy, and it must work offline after the
 * first load.
 */
const DIST = join(process.cwd(), 'dist');
const BASE = '/podlab/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.json': 'application/json', '.woff2': 'font/woff2' };

let server: Server;
let origin = '';

test.beforeAll(async () => {
  expect(existsSync(join(DIST, 'index.html')), 'run `npm run build` first').toBe(true);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(BASE)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(BASE.length)) || 'index.html');
    const file = join(DIST, rel);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Collects CSP violations (page and workers report them to the console) and page errors. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

test('the built site works from a sub-path under its strict CSP (app, Monaco, YAML worker, engine worker)', async ({ page }) => {
  const problems = watchProblems(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}${BASE}`);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'; script-src 'self'/);
  // The engine worker runs: the cluster is drawn and pods come up.
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  await expect(page.locator('[data-testid^="pod-default/nginx-"]')).toHaveCount(3);
  // Monaco and monaco-yaml's worker run: a schema error is marked.
  await page.waitForFunction(() => Boolean(window.__editor && window.__monaco));
  await page.evaluate(() => window.__editor!.getModel()!.setValue('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: 3\n'));
  await expect.poll(() => page.evaluate(() => window.__monaco!.editor.getModelMarkers({ owner: 'yaml' }).length), { timeout: 15_000 }).toBeGreaterThan(0);
  // Everything came from under the sub-path.
  for (const url of requests.filter((u) => u.startsWith('http'))) expect(new URL(url).pathname.startsWith(BASE), url).toBe(true);
  expect(requests.some((u) => u.includes('engine.worker'))).toBe(true);
  expect(requests.some((u) => u.includes('yaml.worker'))).toBe(true);
  expect(problems).toEqual([]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after the first load, the site opens and runs with the network off', async ({ page, context }) => {
    const problems = watchProblems(page);
    await page.goto(`${origin}${BASE}`);
    await expect(page.getByTestId('node-node-1')).toBeVisible();
    // The service worker installs (caching the built assets) and takes control.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.ready;
      return Boolean(registration.active && navigator.serviceWorker.controller);
    }, undefined, { timeout: 20_000 });
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('node-node-1')).toBeVisible();
    await expect(page.locator('[data-testid^="pod-default/nginx-"]')).toHaveCount(3);
    await page.waitForFunction(() => Boolean(window.__editor && window.__monaco));
    await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
    await context.setOffline(false);
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
  });
});
