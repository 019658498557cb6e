import { expect, test } from '@playwright/test';
import { openApp, podlabMarkers, setEditorText } from './helpers';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';

// User text is data, never markup: names, annotations and container output with HTML in them show
// as text in every panel, and nothing runs.
test('hostile names, annotations and log lines render as text and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  const scriptsBefore = await page.locator('script').count();

  // A name and a label value the apiserver rejects: the error (which quotes it) is text in the messages and a marker.
  await setEditorText(page, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "${SCRIPT}"\n  labels:\n    app: "${SCRIPT}"\nspec:\n  containers:\n    - name: a\n      image: busybox\n`);
  await page.getByTestId('apply').click();
  const messages = page.getByTestId('messages');
  await expect(messages).toContainText(`The Pod "${SCRIPT}" is invalid`);
  await expect(messages).toContainText(`metadata.labels: Invalid value: "${SCRIPT}"`);
  await expect.poll(async () => (await podlabMarkers(page)).map((m) => m.message).join('\n')).toContain(SCRIPT);
  // Hover the marker: Monaco shows the message as text.
  const squiggle = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
  expect(squiggle).not.toBeNull();
  await page.mouse.move(squiggle!.x + squiggle!.width / 2, squiggle!.y + squiggle!.height / 2);
  await expect(page.locator('.monaco-hover:not(.hidden)').filter({ hasText: SCRIPT }).first()).toBeVisible();

  // An annotation and a container that prints markup.
  await setEditorText(page, `apiVersion: v1
kind: Pod
metadata:
  name: hostile
  labels:
    app: hostile
  annotations:
    note: "${SCRIPT} ${IMG}"
spec:
  containers:
    - name: app
      image: busybox
      command: ["sh", "-c", "echo '${SCRIPT}'; echo '${IMG}'; sleep 3600"]
`);
  await page.getByTestId('apply').click();
  await expect(messages).toContainText('pod/hostile created');
  await page.getByRole('button', { name: '+10s' }).click();
  const input = page.getByTestId('console-input');
  const output = page.getByTestId('console-output');
  await input.fill('kubectl logs hostile');
  await input.press('Enter');
  await expect(output).toContainText(SCRIPT);
  await expect(output).toContainText(IMG);
  await input.fill('kubectl describe pod hostile');
  await input.press('Enter');
  await expect(output).toContainText(`note: ${SCRIPT} ${IMG}`);

  // The inspector's YAML view of the pod.
  const uid = await page.evaluate(() => [...window.__podlab!.store.getState().objects.values()].find((o) => o.name === 'hostile')!.uid);
  await page.evaluate((id) => window.__podlab!.select(id), uid);
  await page.getByTestId('inspector-tab-yaml').click();
  await expect(page.getByTestId('inspector-yaml')).toContainText(SCRIPT);

  expect(await page.locator('script').count()).toBe(scriptsBefore);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
