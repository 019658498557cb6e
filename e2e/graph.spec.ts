import { expect, test, type Page } from '@playwright/test';
import { openApp, pods, rs, setEditorText } from './helpers';

async function pause(page: Page): Promise<void> {
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
}

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

const bare = (name: string, app: string, cpu = '100m') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${app}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: ${cpu}
`;

test('owners are drawn with ownerReference edges; orphans are marked; hovering an owner lights what it controls', async ({ page }) => {
  await openApp(page);
  const owner = page.getByTestId('owner-ReplicaSet/nginx');
  await expect(owner).toBeVisible();
  await expect(owner).toContainText('3/3 ready');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await pause(page);
  await applyText(page, bare('stray', 'other'));
  const stray = page.getByTestId('pod-default/stray');
  await expect(stray).toHaveAttribute('data-owner', 'orphan');
  await expect(stray).toContainText('no owner');
  await expect(pods(page, 'nginx-').first()).toHaveAttribute('data-owner', 'owned');

  await owner.hover();
  for (const pod of await pods(page, 'nginx-').all()) await expect(pod).toHaveClass(/hl--owned/);
  await expect(stray).toHaveClass(/hl--dim/);
  await expect(page.locator('.owner-edge--lit')).toHaveCount(3);
});

test('filters hide by namespace, label and kind; search highlights by name', async ({ page }) => {
  await openApp(page);
  await pause(page);
  await applyText(page, bare('stray', 'other'));
  await expect(page.getByTestId('pod-default/stray')).toBeVisible();
  await page.getByTestId('filter-label').fill('app=other');
  await expect(pods(page, 'nginx-')).toHaveCount(0);
  await expect(page.getByTestId('pod-default/stray')).toBeVisible();
  await page.getByTestId('filter-label').fill('app in (');
  await expect(page.getByTestId('filter-label')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('filter-label').fill('');
  await expect(pods(page, 'nginx-')).toHaveCount(3);
  await page.getByTestId('filter-kind').selectOption('pods');
  await expect(page.getByTestId('owner-ReplicaSet/nginx')).toHaveCount(0);
  await page.getByTestId('filter-kind').selectOption('ReplicaSet');
  await expect(page.getByTestId('owner-ReplicaSet/nginx')).toBeVisible();
  await expect(page.getByTestId('pod-default/stray')).toHaveCount(0);
  await page.getByTestId('filter-kind').selectOption('all');
  await page.getByTestId('filter-namespace').selectOption('default');
  await expect(pods(page, 'nginx-')).toHaveCount(3);
  await page.getByTestId('graph-search').fill('stray');
  await expect(page.getByTestId('search-hits')).toHaveText('1 match');
  await expect(page.getByTestId('pod-default/stray')).toHaveClass(/search--hit/);
  await expect(pods(page, 'nginx-').first()).toHaveClass(/search--miss/);
});

test('the inspector explains Pending, shows live YAML, owners and owned objects, and events select objects', async ({ page }) => {
  await openApp(page);
  await pause(page);
  await applyText(page, bare('huge', 'huge', '64'));
  const huge = page.getByTestId('pod-default/huge');
  await expect(huge).toHaveAttribute('data-node', '');
  await expect(page.getByTestId('lane-unscheduled').locator('..')).toBeVisible();
  await huge.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('inspector-name')).toHaveText('huge');
  await expect(page.getByTestId('why-pending')).toContainText('0/3 nodes are available: 3 Insufficient cpu.');
  await expect(page.getByTestId('why-pending')).toContainText('node-1: Insufficient cpu (NodeResourcesFit)');
  await expect(page.getByTestId('why-ownership')).toContainText('No owner');

  // The ReplicaSet: YAML with status, and the pods it owns.
  await advance(page, 20_000);
  await page.getByTestId('owner-ReplicaSet/nginx').click();
  await expect(inspector.getByTestId('inspector-name')).toHaveText('nginx');
  await expect(inspector.getByTestId('owned-list').locator('button')).toHaveCount(3);
  await page.getByTestId('inspector-tab-yaml').click();
  await expect(page.getByTestId('inspector-yaml')).toContainText('kind: ReplicaSet');
  await expect(page.getByTestId('inspector-yaml')).toContainText('readyReplicas: 3');
  await page.getByTestId('inspector-tab-events').click();
  await expect(page.getByTestId('inspector-events')).toContainText('SuccessfulCreate');

  // The cluster's events: a click selects the object.
  await page.getByTestId('dock-tab-events').click();
  await page.getByTestId('events-filter').fill('FailedScheduling');
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await page.getByTestId('event-row').first().click();
  await expect(inspector.getByTestId('inspector-name')).toHaveText('huge');
  await page.getByTestId('events-type').selectOption('Warning');
  await expect(page.getByTestId('event-row').first()).toHaveAttribute('data-reason', 'FailedScheduling');
});

test('scaling down says why each pod was chosen for deletion', async ({ page }) => {
  await openApp(page);
  await pause(page);
  // 1 CPU each: 3 fit on each 4-CPU node (nginx takes 100m), the rest stay Pending.
  const big = (n: number) => rs('web', n).replace('image: nginx:1.27', 'image: nginx:1.27\n          resources:\n            requests:\n              cpu: "1"');
  await applyText(page, big(12));
  await advance(page, 20_000);
  await expect(pods(page, 'web-')).toHaveCount(12);
  const pending = page.locator('[data-testid^="pod-default/web-"][data-node=""]');
  await expect(pending).toHaveCount(3);
  const pendingIds = await pending.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
  // Scale-down removes unscheduled pods first: the 3 Pending ones go at once, then one Running pod.
  await applyText(page, big(8));
  await expect(pods(page, 'web-')).toHaveCount(9);
  for (const id of pendingIds) await expect(page.getByTestId(id!)).toHaveCount(0);
  const terminating = page.locator('[data-testid^="pod-default/web-"][data-status="Terminating"]');
  await expect(terminating).toHaveCount(1);
  await terminating.click();
  const why = page.getByTestId('why-scale-down');
  await expect(why).toContainText('ReplicaSet web had 12 pods but wanted 8, so it deleted 4');
  await expect(why).toContainText('Kubernetes deletes first: unscheduled, then Pending/Unknown');
});

test('above a few hundred pods nodes collapse to tiles with counts by status, and expand on click', async ({ page }) => {
  await page.goto('/?bench=500');
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-lod', 'collapsed', { timeout: 30_000 });
  const tile = page.getByTestId('node-node-1');
  await expect(tile.getByTestId('tally')).toBeVisible();
  await expect(tile.getByTestId('tally').locator('[data-status]').first()).toContainText(/Running|CrashLoopBackOff|ContainerCreating|Pending/);
  await expect(page.locator('[data-testid^="pod-default/"]')).toHaveCount(0);
  await tile.click();
  await expect.poll(async () => page.locator('[data-testid^="pod-default/"]').count(), { timeout: 15_000 }).toBeGreaterThan(20);
  await expect(page.getByTestId('lod-toggle')).toBeVisible();
});
