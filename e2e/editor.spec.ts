import { expect, test } from '@playwright/test';
import { editorText, openApp, pods, rs, setEditorText } from './helpers';

test('editor tabs: new, rename (F2), read by kubectl -f; diff against the live object; delete; snippets', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-add').click();
  await expect(page.getByTestId('file-tab-untitled.yaml')).toHaveAttribute('aria-current', 'true');
  await page.getByTestId('file-tab-untitled.yaml').focus();
  await page.keyboard.press('F2');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('web.yaml');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('file-tab-web.yaml')).toBeVisible();
  await setEditorText(page, rs('web', 2));
  const input = page.getByTestId('console-input');
  await input.fill('kubectl apply -f web.yaml');
  await input.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('replicaset.apps/web created');
  await expect(pods(page, 'web-')).toHaveCount(2);

  // The first tab kept its own text.
  await page.getByTestId('file-tab-nginx.yaml').click();
  await expect.poll(() => editorText(page)).toContain('name: nginx');
  await page.getByTestId('file-tab-web.yaml').click();
  await expect.poll(() => editorText(page)).toContain('name: web');

  // Diff: what Apply would change (replicas 2 → 5), nothing applied.
  await setEditorText(page, rs('web', 5));
  await page.getByTestId('diff').click();
  const dialog = page.getByTestId('diff-dialog');
  await expect(page.getByTestId('diff-summary')).toHaveText('ReplicaSet default/web: changed');
  await expect(dialog.locator('.monaco-diff-editor')).toBeVisible();
  await expect(dialog.locator('.monaco-diff-editor .editor.modified')).toContainText('replicas: 5');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(pods(page, 'web-')).toHaveCount(2);

  // Delete: kubectl delete -f <tab>.
  await page.getByTestId('delete').click();
  await expect(page.getByTestId('messages')).toContainText('Deleted the objects in web.yaml');
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps "web" deleted');

  // Snippets: the toolbar inserts one as a new YAML document.
  await page.getByTestId('snippet').selectOption('Deployment');
  await expect.poll(() => editorText(page)).toContain('---\napiVersion: apps/v1\nkind: Deployment');
});

test('apply warns about fields Podlab does not simulate, as warning markers', async ({ page }) => {
  await openApp(page);
  await setEditorText(page, `apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  volumes:
    - name: data
      emptyDir: {}
  containers:
    - name: web
      image: nginx
`);
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('messages').locator('[data-level="warning"]')).toContainText('Warnings for nginx.yaml');
  await expect
    .poll(() => page.evaluate(() => window.__monaco!.editor.getModelMarkers({ owner: 'podlab' }).map((m) => `${m.severity} ${m.startLineNumber}`)))
    .toEqual(['4 6']);
  // Hover docs come from the engine's schema and say what Podlab does not simulate.
  await page.evaluate(() => {
    const editor = window.__editor!;
    editor.focus();
    editor.setPosition({ lineNumber: 6, column: 5 });
    editor.trigger('test', 'editor.action.showHover', {});
  });
  await expect(page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Not simulated in Podlab' }).first()).toBeVisible();
});
