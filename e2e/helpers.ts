import { expect, type Page } from '@playwright/test';

export const rs = (name: string, replicas: number, templateApp = name) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${templateApp}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

/** Pod boxes on the graph whose name starts with `prefix` (default namespace). */
export const pods = (page: Page, prefix: string) => page.locator(`[data-testid^="pod-default/${prefix}"]`);

/** Opens the app and waits until the cluster is drawn and the editor is ready. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  await waitForEditor(page);
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__editor && window.__monaco));
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
}

/** Replaces the editor text through the test hook (deterministic; typing has its own test). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => window.__editor!.getModel()!.setValue(value), text);
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__editor!.getModel()!.getValue());
}

/** Podlab's own markers (owner 'podlab'), as plain data. */
export async function podlabMarkers(page: Page): Promise<{ line: number; message: string; severity: number }[]> {
  return page.evaluate(() =>
    window.__monaco!.editor.getModelMarkers({ owner: 'podlab' }).map((m) => ({ line: m.startLineNumber, message: m.message, severity: m.severity })),
  );
}

/** 1-based line of the first line of `text` that matches. */
export function lineOf(text: string, pattern: RegExp, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i])) return i + 1;
  throw new Error(`no line matches ${pattern}`);
}
