import { expect, test } from '@playwright/test';
import { editorText, lineOf, openApp, pods, podlabMarkers, rs, setEditorText } from './helpers';

test('opens with the default running cluster', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByTestId('cluster-summary')).toHaveText('3 worker nodes · 4 CPU · 8Gi · 110 pods each');
  for (const name of ['node-1', 'node-2', 'node-3']) await expect(page.getByTestId(`node-${name}`)).toBeVisible();
  await expect(page.getByTestId('lane-unscheduled')).toBeVisible();
  // The starting scenario's ReplicaSet has 3 pods on the graph.
  await expect(pods(page, 'nginx-')).toHaveCount(3);
  await expect(pods(page, 'nginx-').first()).toBeVisible();
  // Time runs: the virtual clock moves.
  const clock = page.getByTestId('clock');
  const first = await clock.textContent();
  await expect(clock).not.toHaveText(first ?? '');
  expect(errors).toEqual([]);
});

test('applies a ReplicaSet with the button and with Ctrl+Enter', async ({ page }) => {
  await openApp(page);
  await setEditorText(page, rs('web', 3));
  await page.getByTestId('apply').click();
  await expect(pods(page, 'web-')).toHaveCount(3);
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps/web created');

  await setEditorText(page, rs('api', 3));
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(pods(page, 'api-')).toHaveCount(3);
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps/api created');
  await expect(pods(page, 'web-')).toHaveCount(3);
});

test('an invalid manifest shows a marker at the right line and changes nothing', async ({ page }) => {
  await openApp(page);
  await expect(pods(page, 'nginx-')).toHaveCount(3);
  // Template labels that do not match the selector: the apiserver rejects the ReplicaSet.
  const text = rs('broken', 2, 'other');
  await setEditorText(page, text);
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('messages').locator('[data-level="error"]').first()).toContainText('was not applied');
  await expect(page.getByTestId('messages')).toContainText('selector');
  const templateLabels = lineOf(text, /^ {6}labels:/, lineOf(text, /^ {2}template:/) - 1);
  await expect.poll(async () => (await podlabMarkers(page)).map((m) => m.line)).toContain(templateLabels);
  expect(await editorText(page)).toBe(text);
  await expect(pods(page, 'broken-')).toHaveCount(0);
  await expect(pods(page, 'nginx-')).toHaveCount(3);
});

test('a YAML syntax error is marked on its line', async ({ page }) => {
  await openApp(page);
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: oops\n  labels: [unclosed\nspec: {}\n';
  await setEditorText(page, text);
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('messages').locator('[data-level="error"]').first()).toContainText('YAML');
  await expect.poll(async () => (await podlabMarkers(page)).length).toBeGreaterThan(0);
  const markers = await podlabMarkers(page);
  expect(markers[0].line).toBeGreaterThanOrEqual(5);
  expect(markers[0].line).toBeLessThanOrEqual(7);
  expect(await editorText(page)).toBe(text);
  // A clean apply clears the markers.
  await setEditorText(page, rs('fixed', 1));
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps/fixed created');
  await expect.poll(async () => (await podlabMarkers(page)).length).toBe(0);
});

test('the console runs kubectl through the engine', async ({ page }) => {
  await openApp(page);
  const input = page.getByTestId('console-input');
  await input.fill('kubectl frobnicate');
  await input.press('Enter');
  const output = page.getByTestId('console-output');
  await expect(output).toContainText('$ kubectl frobnicate');
  await expect(output.locator('.console__line--stderr').first()).toBeVisible();
});

test('pause stops the virtual clock, play and speed resume it', async ({ page }) => {
  await openApp(page);
  const clock = page.getByTestId('clock');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
  const frozen = await clock.textContent();
  await page.waitForTimeout(1500);
  await expect(clock).toHaveText(frozen ?? '');
  await page.getByTestId('speed').selectOption('60');
  await expect(page.getByTestId('speed-state')).toHaveText('60×');
  await expect(clock).not.toHaveText(frozen ?? '');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('speed-state')).toHaveText('60×');
});
