import { expect, test, type Page } from '@playwright/test';
import { editorText, waitForEditor } from './helpers';

/** Types a console command with the real keyboard and presses Enter. */
async function typeCommand(page: Page, line: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await expect(input).toBeEditable();
  await input.click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

const stepState = (page: Page, id: string) => page.getByTestId(`step-${id}`);

// The whole guided lesson "Scaling a ReplicaSet with kubectl scale", with the real keyboard in the
// console and in the editor; every step's check ticks on its own when the cluster gets there.
test('completes a guided lesson end to end by typing in the console and the editor', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  await page.getByTestId('open-lessons').click();
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toBeVisible();
  await gallery.getByRole('button', { name: 'Start the lesson Scaling a ReplicaSet with kubectl scale' }).click();
  await expect(gallery).toBeHidden();

  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('Scaling a ReplicaSet with kubectl scale');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 6');
  // The lesson's manifests are the editor's tabs.
  for (const name of ['pod-nginx.yaml', 'replicaset-nginx.yaml', 'pod-scale.yaml']) await expect(page.getByTestId(`file-tab-${name}`)).toBeVisible();
  await waitForEditor(page);
  // Fast enough for a test, slow enough that each step is a separate moment.
  await page.getByTestId('speed').selectOption('60');

  // 1. A bare pod (the console's -f reads the editor tab of that name).
  await typeCommand(page, 'kubectl apply -f pod-nginx.yaml');
  await expect(page.getByTestId('console-output')).toContainText('pod/nginx-pod created');
  await expect(stepState(page, 'bare-pod')).toHaveAttribute('data-state', 'done');

  // 2. The ReplicaSet adopts it.
  await expect(stepState(page, 'replicaset-5')).toHaveAttribute('data-state', 'current');
  await typeCommand(page, 'kubectl apply -f replicaset-nginx.yaml');
  await expect(stepState(page, 'replicaset-5')).toHaveAttribute('data-state', 'done');

  // 3. Delete it (kubectl waits for the deletion, as in a terminal).
  await typeCommand(page, 'kubectl delete rs nginx-replicaset');
  await expect(page.getByTestId('console-output')).toContainText('replicaset.apps "nginx-replicaset" deleted');
  await expect(stepState(page, 'delete-replicaset')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  // 4. Apply pod-scale.yaml from the editor with Ctrl+Enter.
  await page.getByTestId('file-tab-pod-scale.yaml').click();
  await expect.poll(() => editorText(page)).toContain('replicas: 3');
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps/nginx-replicaset created');
  await expect(stepState(page, 'replicaset-3')).toHaveAttribute('data-state', 'done');

  // 5. Scale out by editing the manifest with the keyboard: replicas 3 → 8, then Ctrl+Enter.
  await page.locator('.monaco-editor .view-line', { hasText: 'replicas: 3' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('8');
  await page.keyboard.press('Escape');
  await expect.poll(() => editorText(page)).toContain('replicas: 8');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('messages')).toContainText('replicaset.apps/nginx-replicaset configured');
  await expect(stepState(page, 'scale-out')).toHaveAttribute('data-state', 'done');

  // 6. Scale in from the console; history (↑) and Tab completion help type it.
  await typeCommand(page, 'kubectl scale --replicas=2 rs/nginx-replicaset');
  await expect(page.getByTestId('console-output')).toContainText('replicaset.apps/nginx-replicaset scaled');
  await expect(page.getByTestId('lesson-complete')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lesson-progress')).toHaveText('Complete');
  for (const id of ['bare-pod', 'replicaset-5', 'delete-replicaset', 'replicaset-3', 'scale-out', 'scale-in']) await expect(stepState(page, id)).toHaveAttribute('data-state', 'done');
});

test('the console: Tab completion, history, and a -w watch stopped with Ctrl+C', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  const input = page.getByTestId('console-input');
  await expect(input).toBeEditable();
  await input.click();
  // Completion of the command, the kind and an object name.
  await page.keyboard.type('kub');
  await page.keyboard.press('Tab');
  await expect(input).toHaveValue('kubectl ');
  await page.keyboard.type('get replicase');
  await page.keyboard.press('Tab');
  await expect(input).toHaveValue('kubectl get replicasets.apps ');
  await page.keyboard.type('ng');
  await page.keyboard.press('Tab');
  await expect(input).toHaveValue('kubectl get replicasets.apps nginx ');
  await page.keyboard.press('Enter');
  const output = page.getByTestId('console-output');
  await expect(output).toContainText(/nginx\s+3\s+3/);

  // ↑ brings the last command back.
  await page.keyboard.press('ArrowUp');
  await expect(input).toHaveValue('kubectl get replicasets.apps nginx');
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveValue('');

  // A watch streams new rows until Ctrl+C; the prompt waits meanwhile.
  await page.keyboard.type('kubectl get pods -w');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('console-stop')).toBeVisible();
  await expect(input).toHaveAttribute('readonly', '');
  // Scale from the editor (the console is busy): the watch prints the new pods as they come.
  await page.evaluate(() => window.__editor!.getModel()!.setValue(window.__editor!.getModel()!.getValue().replace('replicas: 3', 'replicas: 5')));
  await page.getByTestId('apply').click();
  await expect(output).toContainText(/nginx-\w{5}\s+0\/1\s+Pending/);
  await input.click();
  await page.keyboard.press('Control+c');
  await expect(output.locator('.console__line').last()).toHaveText('^C');
  await expect(page.getByTestId('console-stop')).toBeHidden();
  await expect(input).not.toHaveAttribute('readonly', '');
});

test('lessons work from the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  const tabTo = async (label: string) => {
    for (let i = 0; i < 40 && !(await focusedLabel()).startsWith(label); i++) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toContain(label);
  };
  await page.getByTestId('open-lessons').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gallery')).toBeVisible();
  await tabTo('Start the lesson Pods and ReplicaSet basics');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson')).toBeVisible();
  // Focus went back to the Lessons button; on to the first step's Run button.
  await tabTo('Run kubectl apply -f echo-pod.yml');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText('pod/echo created');
  await tabTo('Paste kubectl get pod');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('console-input')).toBeFocused();
  await expect(page.getByTestId('console-input')).toHaveValue('kubectl get pod');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('console-output')).toContainText(/echo\s+\d\/1/);
});
