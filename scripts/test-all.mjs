#!/usr/bin/env node
// `npm test`: every check and every test — types, lint, unit (vitest), production build, e2e
// (Playwright in Chromium) — then one plain summary line `N passed, N failed` for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const node = process.execPath;
mkdirSync('reports', { recursive: true });
for (const report of ['reports/unit.json', 'reports/e2e.json']) rmSync(report, { force: true });

function run(label, args, extraEnv = {}) {
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return result.status === 0;
}

const steps = [];
steps.push(['types', run('typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']) && run('typecheck (engine, no DOM)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'src/engine/tsconfig.json'])]);
steps.push(['lint', run('lint', ['node_modules/eslint/bin/eslint.js', '.'])]);
steps.push(['unit', run('unit tests', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json'])]);
const built = run('build', ['node_modules/vite/bin/vite.js', 'build']);
steps.push(['build', built]);
if (built && process.env.SKIP_E2E !== '1') steps.push(['e2e', run('e2e tests', ['node_modules/@playwright/test/cli.js', 'test'])]);

let passed = 0, failed = 0;
const unit = readJson('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0);
}
const e2e = readJson('reports/e2e.json');
if (e2e?.stats) {
  passed += e2e.stats.expected ?? 0;
  failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
}
const failedSteps = steps.filter(([, ok]) => !ok).map(([name]) => name);
// A step that failed without failing a counted test (types, lint, build, a crashed runner) still fails the run.
if (failedSteps.length > 0 && failed === 0) failed = failedSteps.length;
console.log(failedSteps.length > 0 ? `\nFailed steps: ${failedSteps.join(', ')}` : '\nAll steps passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
