import { expect, test } from '@playwright/test';
import { editorText, openApp, pods, setEditorText } from './helpers';

// Typing goes through Monaco's EditContext input, with React Flow on the same page: React Flow's
// Space handler must not eat spaces (toolchain.md G3, the `nokey` class).
test('typing into the editor with the real keyboard keeps every space', async ({ page }) => {
  await openApp(page);
  await setEditorText(page, '');
  await page.locator('.monaco-editor .view-lines').click();
  const lines = [
    'apiVersion: apps/v1',
    'kind: ReplicaSet',
    'metadata:',
    '  name: typed',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    '      app: typed',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: typed',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: nginx:1.27',
  ];
  for (const line of lines) {
    // Shift+Home selects Monaco's auto-indent so the typed indentation replaces it; Escape closes
    // any suggestion so Enter inserts a newline.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(line);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
  }
  const text = await editorText(page);
  expect(text.split('\n').map((l) => l.trimEnd()).filter(Boolean)).toEqual(lines);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps/typed created');
  await expect(pods(page, 'typed-')).toHaveCount(2);
});
