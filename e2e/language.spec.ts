import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('.react-flow__renderer').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('switches the whole UI and the lesson texts to Korean, and remembers it', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('open-lessons')).toHaveText('Lessons');
  await page.getByTestId('language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('open-lessons')).toHaveText('레슨');
  await expect(page.getByTestId('cluster-summary')).toHaveText('워커 노드 3개 · CPU 4 · 8Gi · 노드당 파드 110개');
  await expect(page.getByTestId('console-input')).toHaveAttribute('aria-label', 'kubectl 명령');
  await expect(page.getByTestId('apply')).toContainText('적용');
  // The other panels too: the dock, the graph, the time bar.
  await expect(page.getByTestId('dock-tab-console')).toHaveText('콘솔');
  await expect(page.getByTestId('lane-unscheduled')).toContainText('스케줄 대기');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-label', '일시 정지');

  // A lesson in Korean: its title, steps and the panel around them.
  await page.getByTestId('open-lessons').click();
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toContainText('파드와 레플리카셋 기초');
  await gallery.getByRole('button', { name: '파드와 레플리카셋 기초 레슨 시작' }).click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('파드와 레플리카셋 기초');
  await expect(page.getByTestId('lesson-progress')).toHaveText('7단계 중 1단계');
  await expect(page.getByTestId('step-bare-pod')).toContainText('파드를 단독으로 만들고');

  // Korean passes axe too (lesson panel open).
  expect(await seriousViolations(page)).toEqual([]);

  // Reload: still Korean, the lesson still open.
  await page.reload();
  await expect(page.getByTestId('open-lessons')).toHaveText('레슨');
  await expect(page.getByTestId('lesson')).toContainText('파드와 레플리카셋 기초');
});

test.describe('with a Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('defaults to Korean', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByTestId('open-lessons')).toHaveText('레슨');
  });
});

// The learning surface's own panels and dialogs, in both themes (the base page is covered by a11y.spec.ts).
test('lesson panel, gallery and share dialog have no serious accessibility violations, dark and light', async ({ page }) => {
  await page.goto('/?scenario=replicaset-basics');
  await expect(page.getByTestId('lesson')).toBeVisible();
  await expect(page.getByTestId('node-node-1')).toBeVisible();
  for (const theme of ['dark', 'light']) {
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await seriousViolations(page), theme).toEqual([]);
    await page.getByTestId('open-lessons').click();
    await expect(page.getByTestId('gallery')).toContainText('Pods and ReplicaSet basics');
    expect(await seriousViolations(page), theme).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('gallery')).toBeHidden();
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-link')).toBeVisible();
    expect(await seriousViolations(page), theme).toEqual([]);
    await page.keyboard.press('Escape');
    if (theme === 'dark') await page.getByRole('button', { name: 'Switch to light theme' }).click();
  }
});
