/**
 * Pinned DST seeds: every failing seed the fuzz suite found, kept once fixed (tldraw's
 * "(regression) with seed 128383"). Each runs exactly like a fuzz seed — the scenario fast-check
 * draws first for it, invariants after every drain, then the quiet phase and assertConverged.
 *
 * A seed's scenario depends on the generators in scenario.ts; when they change, the seed keeps
 * being a random test but may stop reproducing its bug. Replay files under tests/dst/regressions/
 * pin the exact command log instead and do not depend on the generators.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replayFile, reportFailure, runScenario, scenarioFromSeed, type ReplayFile } from './scenario';

/** seed → what it found (one line). */
export const REGRESSION_SEEDS: readonly { readonly seed: number; readonly note: string }[] = [
];

const FILES_DIR = fileURLToPath(new URL('./regressions', import.meta.url));

describe('DST regressions', () => {
  for (const { seed, note } of REGRESSION_SEEDS) {
    it(`(regression) seed ${seed}: ${note}`, () => {
      const scenario = scenarioFromSeed(seed);
      const result = runScenario(scenario);
      if (result.error !== undefined) expect.fail(reportFailure(`regression-${seed}`, scenario, result, seed).split('\nReplay file:')[0]);
    }, 120_000);
  }

  const files = existsSync(FILES_DIR) ? readdirSync(FILES_DIR).filter((f) => f.endsWith('.json')).sort() : [];
  for (const name of files) {
    const file = JSON.parse(readFileSync(join(FILES_DIR, name), 'utf8')) as ReplayFile & { note?: string };
    it(`(regression) replay ${name}: ${file.note ?? ''}`, () => {
      const result = replayFile(file);
      if (result.error !== undefined) throw result.error;
    }, 120_000);
  }

  it('has a test for every pinned seed', () => {
    expect(new Set(REGRESSION_SEEDS.map((r) => r.seed)).size).toBe(REGRESSION_SEEDS.length);
  });
});
