import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('the built page requests nothing from any host but its own', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const failed: string[] = [];
  const all: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    all.push(url);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  await openApp(page);
  // Let the editor's workers (editor, yaml) and the engine worker settle.
  await page.waitForLoadState('networkidle');
  expect(foreign).toEqual([]);
  expect(failed).toEqual([]);
  expect(all.some((url) => url.includes('engine.worker'))).toBe(true);
  expect(all.some((url) => url.includes('yaml.worker'))).toBe(true);
});
