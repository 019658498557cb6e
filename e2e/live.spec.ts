import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, setEditorText } from './helpers';

// The live picture (issue 7): badges, timelines, the inspector's explanations and time travel.
// Virtual time is driven with the protocol's `step` through the test hook, never by waiting.

const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-pod
spec:
  containers:
    - name: my-app
      image: nginx
      livenessProbe:
        httpGet:
          path: /health
          port: 80
        initialDelaySeconds: 5
        periodSeconds: 10
`;

const CRASHER = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
    - name: app
      image: busybox
      command: ["sh", "-c", "echo starting; exit 1"]
`;

async function pause(page: Page): Promise<void> {
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
}

/** Advances virtual time by `ms` in 10 s steps and waits until the page has seen it. */
async function advance(page: Page, ms: number): Promise<void> {
  const target = (await page.evaluate(() => window.__podlab!.store.getState().clockMs)) + ms;
  for (let left = ms; left > 0; left -= 10_000) await page.evaluate((step) => window.__podlab!.step(step), Math.min(10_000, left));
  await page.waitForFunction((t) => window.__podlab!.store.getState().clockMs >= t, target);
}

async function applyText(page: Page, text: string): Promise<void> {
  await setEditorText(page, text);
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('messages').locator('[data-level="success"]').first()).toBeVisible();
}

const backoffLengths = (page: Page) =>
  page.getByTestId('pod-timeline').getByTestId('tl-backoff').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-length-ms'))));

test('the liveness example: restarts grow on the pod badge, back-off windows on its timeline, and the why', async ({ page }) => {
  await openApp(page);
  await pause(page);
  await applyText(page, LIVENESS);
  const pod = page.getByTestId('pod-default/liveness-pod');
  await expect(pod).toBeVisible();
  const restarts = async () => Number(await pod.getAttribute('data-restarts'));

  // After the image pull and three failed probes (10 s apart, after a 5 s delay) the kubelet kills
  // the container; it restarts at once.
  await advance(page, 60_000);
  await expect.poll(restarts).toBeGreaterThanOrEqual(1);
  await expect(pod.getByTestId('restarts-badge')).toHaveText(/^↻\d+$/);
  // Then a kill every ~30 s: watch the badge count up until the pod shows CrashLoopBackOff.
  const seen = [await restarts()];
  for (let i = 0; i < 60 && (await pod.getAttribute('data-status')) !== 'CrashLoopBackOff'; i++) {
    await advance(page, 5_000);
    seen.push(await restarts());
  }
  await expect(pod).toHaveAttribute('data-status', 'CrashLoopBackOff');
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.at(-1)).toBeGreaterThanOrEqual(4);
  expect(new Set(seen).size).toBeGreaterThanOrEqual(4);
  await expect(pod.getByTestId('restarts-badge')).toHaveText(`↻${await restarts()}`);

  await pod.click();
  await page.getByTestId('dock-tab-timeline').click();
  const lane = page.getByTestId('pod-timeline').getByTestId('timeline-container-my-app');
  await expect(lane).toBeVisible();
  // Every liveness result was a failure (nginx has no /health): red ticks only.
  await expect.poll(async () => Number(await lane.getByTestId('tl-probe-liveness').getAttribute('data-failures'))).toBeGreaterThanOrEqual(12);
  await expect(lane.getByTestId('tl-probe-liveness')).toHaveAttribute('data-successes', '0');
  await expect.poll(async () => lane.getByTestId('tl-restart').count()).toBeGreaterThanOrEqual(4);
  // The kubelet measures the back-off from the previous container's exit: containers that live
  // ~30 s outlast the 10 s and 20 s delays, so the first wait the timeline shows is 40 s.
  await expect.poll(() => backoffLengths(page)).toEqual([40_000]);
  await expect(lane.getByTestId('tl-backoff').first()).toContainText('40s');

  // More time: the waits keep doubling, and the badge keeps counting.
  const before = await restarts();
  await advance(page, 300_000);
  await expect.poll(restarts).toBeGreaterThan(before);
  await expect.poll(() => backoffLengths(page)).toEqual([40_000, 80_000, 160_000]);

  // The inspector says why, in plain words.
  const why = page.getByTestId('why-restarts');
  await expect(why).toContainText('the liveness probe (http-get http://:80/health) failed 3 times in a row');
  await expect(why).toContainText('HTTP probe failed with statuscode: 404');
  await expect(why).toContainText('came without a wait');
  await page.getByTestId('inspector-tab-yaml').click();
  await expect(page.getByTestId('inspector-yaml')).toContainText('reason: CrashLoopBackOff');
});

test('a container that crashes on start waits 10 s, 20 s, 40 s between restarts', async ({ page }) => {
  await openApp(page);
  await pause(page);
  await applyText(page, CRASHER);
  const pod = page.getByTestId('pod-default/crasher');
  await expect(pod).toBeVisible();
  await advance(page, 120_000);
  await pod.click();
  await page.getByTestId('dock-tab-timeline').click();
  await expect.poll(async () => (await backoffLengths(page)).slice(0, 3)).toEqual([10_000, 20_000, 40_000]);
  const labels = await page.getByTestId('pod-timeline').locator('.tl-backoff-text').allTextContents();
  expect(labels.slice(0, 3)).toEqual(['10s', '20s', '40s']);
  await expect(page.getByTestId('why-restarts')).toContainText('Back-off waits so far: 10s → 20s → 40s');
});

test('scrubbing back shows the earlier cluster, read-only, and "Back to live" returns', async ({ page }) => {
  await openApp(page);
  await pause(page);
  await applyText(page, LIVENESS);
  const pod = page.getByTestId('pod-default/liveness-pod');
  await expect(pod).toBeVisible();
  await advance(page, 200_000);
  await expect.poll(async () => Number(await pod.getAttribute('data-restarts'))).toBeGreaterThanOrEqual(4);
  const liveRestarts = await pod.getAttribute('data-restarts');
  await pod.click();
  await page.getByTestId('dock-tab-timeline').click();
  await expect(page.getByTestId('pod-timeline').getByTestId('tl-backoff')).toHaveCount(1);

  // Drag the scrubber back with the keyboard: Home is 0:00, each → is a second.
  const scrubber = page.getByTestId('time-scrubber');
  await scrubber.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
  // (The pod was created about a second in; its first kill comes about 40 s later.)
  await expect(page.getByTestId('timebar')).toHaveAttribute('data-mode', 'past');
  await expect(page.getByTestId('time-readout')).toContainText('Viewing the past');
  await expect.poll(() => page.evaluate(() => window.__podlab!.store.getState().past?.clockMs)).toBe(25_000);
  await expect(page.getByTestId('time-readout')).toContainText('00:00:25');
  await expect(page.getByTestId('clock')).toHaveText('00:00:25');

  // The graph, the timeline and the YAML as they were 25 s in: running, no restarts yet.
  await expect(pod).toHaveAttribute('data-restarts', '0');
  await expect(pod).toHaveAttribute('data-status', 'Running');
  await expect(pod.getByTestId('restarts-badge')).toHaveCount(0);
  await expect(page.getByTestId('pod-timeline').getByTestId('tl-backoff')).toHaveCount(0);
  await expect(page.getByTestId('pod-timeline').getByTestId('tl-restart')).toHaveCount(0);
  await page.getByTestId('inspector-tab-yaml').click();
  await expect(page.getByTestId('inspector-yaml')).toContainText('restartCount: 0');
  // Read-only: nothing can change the cluster from the past.
  await expect(page.getByTestId('apply')).toBeDisabled();
  await expect(page.getByTestId('console-input')).toBeDisabled();

  // Step forward in the past: 55 s in, the first restart has happened.
  for (let i = 0; i < 3; i++) await page.getByTestId('time-forward').click();
  await expect.poll(() => page.evaluate(() => window.__podlab!.store.getState().past?.clockMs)).toBe(55_000);
  await expect(pod).toHaveAttribute('data-restarts', '1');

  await page.getByTestId('go-live').click();
  await expect(page.getByTestId('timebar')).toHaveAttribute('data-mode', 'live');
  await expect(pod).toHaveAttribute('data-restarts', liveRestarts!);
  await expect(page.getByTestId('pod-timeline').getByTestId('tl-backoff')).toHaveCount(1);
  await expect(page.getByTestId('apply')).toBeEnabled();
  // The live cluster did not move while the past was shown (it was paused, and stays paused).
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
});

for (const theme of ['dark', 'light'] as const) {
  test(`the inspector, timeline, events and the past have no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('podlab.theme', t), theme);
    await openApp(page);
    await pause(page);
    await applyText(page, LIVENESS);
    await advance(page, 200_000);
    await page.getByTestId('pod-default/liveness-pod').click();
    const scan = async () => {
      const results = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('.react-flow__renderer').analyze();
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    await page.getByTestId('dock-tab-timeline').click();
    await expect(page.getByTestId('timeline-container-my-app')).toBeVisible();
    expect(await scan()).toEqual([]);
    await page.getByTestId('dock-tab-events').click();
    await page.getByTestId('inspector-tab-events').click();
    expect(await scan()).toEqual([]);
    await page.evaluate(() => window.__podlab!.viewAt(30_000));
    await expect(page.getByTestId('go-live')).toBeVisible();
    await page.getByTestId('inspector-tab-yaml').click();
    expect(await scan()).toEqual([]);
  });
}
