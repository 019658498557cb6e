import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

// Classes use Podlab on projectors and with screen readers: no serious or critical axe findings in
// our own UI, in both themes. Monaco's and React Flow's internals are checked by their authors.
for (const theme of ['dark', 'light'] as const) {
  test(`no serious accessibility violations (${theme} theme)`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('podlab.theme', t), theme);
    // Colours are checked as they settle, not halfway through a status fade.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page);
    const results = await new AxeBuilder({ page })
      .exclude('.monaco-editor')
      .exclude('.react-flow__renderer')
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The graph's pods are checked separately: they carry their own labels and colours.
    // The fades really are off under reduced motion (what makes this check settle).
    const pod = page.locator('[data-testid^="pod-default/"]').first();
    await expect(pod).toBeVisible();
    expect(await pod.evaluate((el) => getComputedStyle(el).transitionDuration.split(',').every((d) => parseFloat(d) === 0))).toBe(true);
    const pods = await new AxeBuilder({ page }).include('.react-flow__nodes').withRules(['color-contrast', 'aria-allowed-attr', 'aria-prohibited-attr']).analyze();
    expect(pods.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
}
