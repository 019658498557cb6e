#!/usr/bin/env node
// Regenerates docs/screenshot.png from the built app: `npm run build && node scripts/screenshot.mjs`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = 4188;
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
try {
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForSelector('.react-flow__node', { timeout: 20_000 });
  await page.waitForTimeout(6000);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
} finally {
  server.kill();
}
