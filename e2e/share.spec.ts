import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;
import { editorText, openApp, rs, setEditorText, waitForEditor } from './helpers';

/** What the page shows of the cluster: every pod with its status, readiness, restarts and node. */
async function clusterView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const s = window.__podlab!.store.getState();
    return [...s.objects.values()]
      .map((o) => (o.dto === 'pod' ? `pod ${o.name} ${o.status} ${o.ready} ${o.restarts} ${o.nodeName ?? '-'}` : `${o.kind} ${o.name} ${o.rv}`))
      .sort();
  });
}

async function runCommand(page: Page, line: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await expect(input).toBeEditable();
  await input.fill(line);
  await input.press('Enter');
}

test('a share link opens the identical cluster at the identical moment in a fresh browser', async ({ page, browser }) => {
  await openApp(page);
  // Some history: an apply from the editor, kubectl from the console, time passing in between.
  await setEditorText(page, rs('web', 4));
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps/web created');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('speed-state')).toHaveText('paused');
  await page.getByRole('button', { name: '+10s' }).click();
  await runCommand(page, 'kubectl scale rs nginx --replicas=1');
  await runCommand(page, 'kubectl delete pod -l app=web --wait=false');
  await page.getByRole('button', { name: '+1s' }).click();
  await page.getByRole('button', { name: '+1s' }).click();
  // A second editor tab travels with the link.
  await page.getByTestId('file-add').click();
  await setEditorText(page, '# notes for the class\n');

  const clock = await page.getByTestId('clock').textContent();
  const view = await clusterView(page);
  expect(view.filter((line) => line.startsWith('pod web-')).length).toBeGreaterThan(0);
  expect(view.filter((line) => line.startsWith('pod nginx-')).length).toBeGreaterThan(0);
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#share=/);

  const context = await browser.newContext();
  const other = await context.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(link);
  await expect(other.getByTestId('node-node-1')).toBeVisible();
  await expect(other.getByTestId('clock')).toHaveText(clock!);
  await expect(other.getByTestId('speed-state')).toHaveText('paused');
  await expect.poll(() => clusterView(other)).toEqual(view);
  // The editor tabs came along; the link left the address bar (a reload continues from here).
  await waitForEditor(other);
  await expect(other.getByTestId('file-tab-untitled.yaml')).toBeVisible();
  expect(await editorText(other)).toBe('# notes for the class\n');
  expect(new URL(other.url()).hash).toBe('');
  expect(errors).toEqual([]);

  // The same session as a file: export from the sender, open it in the receiver after a reset.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = await download.path();
  await other.getByRole('button', { name: 'Reset' }).click();
  await expect(other.getByTestId('clock')).not.toHaveText(clock!);
  await other.getByTestId('share').click();
  await other.getByTestId('import-file').setInputFiles(file);
  await expect(other.getByTestId('share-dialog')).toBeHidden();
  await expect(other.getByTestId('clock')).toHaveText(clock!);
  await expect.poll(() => clusterView(other)).toEqual(view);
  await context.close();
});

test('a damaged or hostile share link is refused with a clear message', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/#share=N4IgdghgtgpiBcIDCB7ANgSwA4FMB0AJg');
  await expect(page.getByTestId('link-error')).toContainText('This share link could not be opened.');
  // The app still runs the learner's own (default) cluster.
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  await expect(page.getByTestId('messages')).toContainText('This share link could not be opened');
  await page.getByTestId('link-error').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('link-error')).toBeHidden();

  // Well-formed JSON with hostile content: a file name with markup is refused field by field; file
  // text with markup opens as text.
  const bad = compressToEncodedURIComponent(JSON.stringify({ v: 1, setup: { seed: 1 }, log: [], clockMs: 0, files: [{ name: '<img src=x onerror=alert(1)>', text: '' }] }));
  await page.goto('about:blank');
  await page.goto(`/#share=${bad}`);
  await expect(page.getByTestId('link-error')).toContainText('files[0].name: not a file name');
  const text = 'kind: Pod\n# <script>alert(1)</script> <img src=x onerror=alert(2)>\n';
  const good = compressToEncodedURIComponent(JSON.stringify({ v: 1, setup: { seed: 1, manifests: [] }, log: [], clockMs: 0, files: [{ name: 'x.yaml', text }] }));
  await page.goto('about:blank');
  await page.goto(`/#share=${good}`);
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toBe(text);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
