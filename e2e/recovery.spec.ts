import { expect, test, type Page } from '@playwright/test';
import { editorText, openApp, pods, rs, setEditorText, waitForEditor } from './helpers';

const podNames = (page: Page) =>
  page.evaluate(() => [...window.__podlab!.store.getState().objects.values()].filter((o) => o.dto === 'pod').map((o) => `${o.name} ${o.status}`).sort());

// The engine worker throws in the middle of a session: the page says what happened (with the seed),
// the editor keeps every character, and a restart replays the command log up to before the failing
// command. Nothing typed is lost, not even across a reload.
test('an engine worker crash is recoverable with the editor text intact', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  await setEditorText(page, rs('web', 2));
  await page.getByTestId('apply').click();
  await expect(pods(page, 'web-')).toHaveCount(2);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
  const pausedAt = await page.getByTestId('clock').textContent();
  await page.getByRole('button', { name: '+10s' }).click();
  await expect(page.getByTestId('clock')).not.toHaveText(pausedAt!);
  const clock = await page.getByTestId('clock').textContent();
  const before = await podNames(page);

  // Unsaved work, typed with the keyboard: a new manifest in the editor.
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('# work in progress: do not lose me');
  const typed = await editorText(page);
  expect(typed).toBe('# work in progress: do not lose me');

  // The next command makes the worker throw (a test hook); the command is an apply.
  await page.evaluate(() => window.__podlab!.crash('next_command'));
  await page.getByTestId('apply').click();
  const fatal = page.getByTestId('fatal');
  await expect(fatal).toBeVisible();
  await expect(page.getByTestId('fatal-message')).toContainText('Test crash');
  await expect(page.getByTestId('fatal-message')).toContainText('while running: kubectl apply -f');
  await expect(page.getByTestId('fatal-seed')).toHaveText('(seed 1)');
  expect(await editorText(page)).toBe(typed);

  // Restart: a new worker replays the log to the last good moment, paused.
  await page.getByTestId('recover').click();
  await expect(fatal).toBeHidden();
  await expect(page.getByTestId('clock')).toHaveText(clock!);
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
  await expect.poll(() => podNames(page)).toEqual(before);
  expect(await editorText(page)).toBe(typed);
  await expect(page.getByTestId('messages')).toContainText('the last good moment');

  // And it runs on: time moves, commands work.
  await page.getByRole('button', { name: '+1s' }).click();
  await expect(page.getByTestId('clock')).not.toHaveText(clock!);

  // The work survives a reload too (saved locally as it was typed).
  await page.reload();
  await waitForEditor(page);
  expect(await editorText(page)).toBe(typed);
  await expect(pods(page, 'web-')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('an exception inside the engine while time runs stops it and offers the same restart', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.__podlab!.crash('engine'));
  await expect(page.getByTestId('fatal')).toBeVisible();
  await expect(page.getByTestId('fatal-message')).toContainText('while time advanced');
  await page.getByTestId('recover').click();
  await expect(page.getByTestId('fatal')).toBeHidden();
  await expect(pods(page, 'nginx-')).toHaveCount(3);
});
