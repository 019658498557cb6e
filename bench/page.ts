/**
 * The page benchmark, in real Chromium against the built app (it builds nothing: run `npm run build`
 * first). `bench/run.ts` runs it as `tsx bench/page.ts [--quick]` and reads the LAST stdout line:
 * `{"rows":[{name, figure, target, verdict}]}`.
 *
 * Measures: first paint of the graph and editor ready (localhost), the initial JS (gzip, without
 * the lazy Monaco chunks), frames per second while the simulation runs at 10× (`?bench=N` starts a
 * cluster of N pods, 5 % of them crash-looping so statuses keep changing), and the worker → page
 * patch cost (onmessage → a task after it: store update plus React's render).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';

interface Row { name: string; figure: string; target: string; verdict: 'pass' | 'FAIL' | 'info' }

const quick = process.argv.includes('--quick');
const root = path.resolve(import.meta.dirname, '..');
const distArg = process.argv.indexOf('--dist');
/** dist/ by default; `--dist <dir>` measures another build of the same app. */
const dist = distArg > 0 ? path.resolve(process.argv[distArg + 1]) : path.join(root, 'dist');
const PORT = 4174;
const BASE = `http://localhost:${PORT}/`;
const rows: Row[] = [];
const log = (text: string) => process.stderr.write(`${text}\n`);

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

// ------------------------------------------------------------------------------------------------
// 1. Initial JS: the entry and its modulepreloads, as index.html references them (Monaco is lazy).
// ------------------------------------------------------------------------------------------------
function initialJs(): void {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0;
  let gzip = 0;
  for (const ref of refs) {
    const file = readFileSync(path.join(dist, ref.replace(/^\.?\//, '')));
    raw += file.length;
    gzip += gzipSync(file, { level: 9 }).length;
  }
  const kb = gzip / 1000;
  rows.push({ name: 'initial JS (index.html entry + modulepreloads, Monaco lazy)', figure: `${fmt(kb, 1)} kB gzip (${fmt(raw / 1000, 1)} kB raw, ${refs.length} file${refs.length === 1 ? '' : 's'})`, target: '< 300 kB gzip', verdict: kb < 300 ? 'pass' : 'FAIL' });
  // The engine worker also loads at start (in its own thread): reported, not counted.
  const assets = path.join(dist, 'assets');
  const worker = existsSync(assets) ? readdirSync(assets).find((f) => f.startsWith('engine.worker') && f.endsWith('.js')) : undefined;
  if (worker) {
    const file = readFileSync(path.join(assets, worker));
    rows.push({ name: 'engine worker (loads at start, off the main thread)', figure: `${fmt(gzipSync(file, { level: 9 }).length / 1000, 1)} kB gzip`, target: '—', verdict: 'info' });
  }
}

// ------------------------------------------------------------------------------------------------
// The server and the browser.
// ------------------------------------------------------------------------------------------------
async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(PORT), '--strictPort', '--outDir', dist], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  server.stdout!.on('data', (d) => (output += String(d)));
  server.stderr!.on('data', (d) => (output += String(d)));
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited: ${output.trim()}`);
    try {
      const response = await fetch(BASE);
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite preview did not start on port ${PORT}: ${output.trim()}`);
}

async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost'],
  });
}

/*
 * Page-side probes are plain strings: tsx (esbuild keepNames) wraps named inner functions in a
 * `__name` helper the page does not have, so serialised TS functions would throw there.
 */

/** Records, from the first frame, when the graph's nodes and pods and the editor first appear. */
const PAINT_PROBE = `
  window.__bench = {};
  const tick = () => {
    const b = window.__bench;
    if (b.graphMs === undefined && document.querySelector('[data-testid="node-node-1"]') && document.querySelector('[data-testid^="pod-default/"]')) b.graphMs = performance.now();
    if (b.editorMs === undefined && window.__editor && document.querySelector('.monaco-editor .view-lines')) b.editorMs = performance.now();
    if (b.graphMs === undefined || b.editorMs === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** Resolves with frame timestamps (requestAnimationFrame) over DURATION ms of wall time. */
const FRAMES = `new Promise((resolve) => {
  const stamps = [];
  const start = performance.now();
  const tick = (t) => {
    stamps.push(t);
    if (t - start < DURATION) requestAnimationFrame(tick);
    else resolve(stamps);
  };
  requestAnimationFrame(tick);
})`;

async function paintTimes(browser: Browser): Promise<{ graphMs: number; editorMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript({ content: PAINT_PROBE });
  await page.goto(BASE);
  await page.waitForFunction(() => {
    const b = (window as unknown as { __bench: { graphMs?: number; editorMs?: number } }).__bench;
    return b.graphMs !== undefined && b.editorMs !== undefined;
  }, undefined, { timeout: 30_000 });
  const result = await page.evaluate(() => (window as unknown as { __bench: { graphMs: number; editorMs: number } }).__bench);
  await context.close();
  return result;
}

/** Frame timestamps for `ms` of wall time. */
async function frames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(FRAMES.replace('DURATION', String(ms))) as Promise<number[]>;
}

interface FpsResult { medianFps: number; p95FrameMs: number; patchMedianMs: number; patchP95Ms: number; patches: number; drawnPods: number; lod: string; simSpeed: number }

async function fpsRun(browser: Browser, pods: number, detail: boolean, measureMs: number): Promise<FpsResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${BASE}?bench=${pods}`);
  await page.waitForFunction((n) => (window as unknown as { __podlab?: { store: { getState(): { topology: { pods: unknown[] } } } } }).__podlab?.store.getState().topology.pods.length! >= n, pods, { timeout: 180_000 });
  await page.waitForSelector('[data-testid="node-node-1"]', { timeout: 60_000 });
  if (detail && (await page.getByTestId('graph').getAttribute('data-lod')) === 'collapsed') {
    await page.getByTestId('lod-toggle').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="graph"]')?.getAttribute('data-lod') === 'detail');
  }
  // Let the first layout and the fit animation settle, then measure with the simulation at 10×.
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    (window as unknown as { __podlabPerf?: { patchMs: number[] } }).__podlabPerf!.patchMs.length = 0;
  });
  const clock = () => page.evaluate(() => (window as unknown as { __podlab: { store: { getState(): { clockMs: number } } } }).__podlab.store.getState().clockMs);
  const clockBefore = await clock();
  const wallBefore = Date.now();
  const stamps = await frames(page, measureMs);
  const simSpeed = (await clock() - clockBefore) / Math.max(1, Date.now() - wallBefore);
  const patchMs = await page.evaluate(() => [...(window as unknown as { __podlabPerf: { patchMs: number[] } }).__podlabPerf.patchMs]);
  const drawnPods = await page.locator('.react-flow__node-pod').count();
  const lod = (await page.getByTestId('graph').getAttribute('data-lod')) ?? '?';
  const speed = await page.evaluate(() => (window as unknown as { __podlab: { store: { getState(): { speed: number } } } }).__podlab.store.getState().speed);
  await context.close();
  if (speed !== 10) log(`warning: bench page ran at ${speed}×, not 10×`);
  // fps per whole second of the window, and frame times.
  const perSecond: number[] = [];
  const start = stamps[0];
  for (let s = 0; s < Math.floor((stamps.at(-1)! - start) / 1000); s++) perSecond.push(stamps.filter((t) => t >= start + s * 1000 && t < start + (s + 1) * 1000).length);
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  return { medianFps: median(perSecond), p95FrameMs: percentile(gaps, 95), patchMedianMs: median(patchMs), patchP95Ms: percentile(patchMs, 95), patches: patchMs.length, drawnPods, lod, simSpeed };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (bench/page.ts builds nothing).');
  initialJs();
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    // First paint and editor ready: median of fresh contexts.
    const runs = quick ? 2 : 3;
    const paints: { graphMs: number; editorMs: number }[] = [];
    for (let i = 0; i < runs; i++) paints.push(await paintTimes(browser));
    const graph = median(paints.map((p) => p.graphMs));
    const editor = median(paints.map((p) => p.editorMs));
    rows.push({ name: 'first paint of the graph (localhost, default cluster)', figure: `${fmt(graph)} ms (median of ${runs})`, target: '< 1000 ms', verdict: graph < 1000 ? 'pass' : 'FAIL' });
    rows.push({ name: 'editor ready (Monaco loaded, localhost)', figure: `${fmt(editor)} ms (median of ${runs})`, target: '< 2000 ms', verdict: editor < 2000 ? 'pass' : 'FAIL' });

    const measureMs = quick ? 3000 : 5000;
    const cases: { pods: number; detail: boolean; target?: number; label: string }[] = [
      { pods: 500, detail: true, target: 60, label: '500 pods, every pod drawn' },
      ...(quick ? [] : [{ pods: 2000, detail: true, label: '2,000 pods, every pod drawn' }]),
      { pods: 5000, detail: false, target: 30, label: '5,000 pods, nodes collapsed (level of detail)' },
    ];
    for (const c of cases) {
      log(`fps: ${c.label}…`);
      const r = await fpsRun(browser, c.pods, c.detail, measureMs);
      // A 60 Hz display caps rAF at 60: within one frame of it counts as 60.
      const ok = c.target === undefined ? undefined : r.medianFps >= (c.target === 60 ? 59 : c.target);
      rows.push({
        name: `fps at 10× speed, ${c.label}`,
        // The worker may not keep up with 10× on a big cluster: the virtual speed it reached is shown.
        figure: `${fmt(r.medianFps)} fps median, p95 frame ${fmt(r.p95FrameMs, 1)} ms (${r.drawnPods} pod nodes drawn, ${r.lod}; simulation reached ${fmt(r.simSpeed, 1)}×)`,
        target: c.target === undefined ? '—' : c.target === 60 ? '60 fps median' : `≥ ${c.target} fps`,
        verdict: ok === undefined ? 'info' : ok ? 'pass' : 'FAIL',
      });
      rows.push({
        name: `worker → page patch cost, ${c.label}`,
        figure: `median ${fmt(r.patchMedianMs, 1)} ms, p95 ${fmt(r.patchP95Ms, 1)} ms (${r.patches} patches)`,
        target: '— (one frame is 16.7 ms)',
        verdict: r.patches === 0 ? 'FAIL' : 'info',
      });
    }
  } finally {
    await browser?.close();
    server.kill();
  }
}

main()
  .then(() => {
    for (const r of rows) log(`${r.verdict.padEnd(4)} ${r.name}: ${r.figure} (target ${r.target})`);
    console.log(JSON.stringify({ rows }));
  })
  .catch((error: unknown) => {
    log(String((error as Error)?.stack ?? error));
    console.log(JSON.stringify({ rows, error: String((error as Error)?.message ?? error) }));
    process.exit(1);
  });
