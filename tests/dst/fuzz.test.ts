/**
 * The seeded fuzz suite (DST). Each test is one scenario seed: a random cluster and 3–30 random
 * steps, invariants checked after every drain, then a 15-minute quiet phase and a convergence check.
 *
 *   npx vitest run tests/dst                 FUZZ_RUNS (default 25) seeds from a fixed base: CI is deterministic
 *   npm run fuzz                             500 seeds from a random base (printed)
 *   FUZZ_SEED=123 FUZZ_RUNS=1 npx vitest run tests/dst/fuzz.test.ts     rerun one seed
 *   FUZZ_SEED=123 FUZZ_SHRINK=1 npx vitest run tests/dst/fuzz.test.ts   rerun and shrink it with fast-check
 *   FUZZ_REPLAY=reports/dst/x.json npx vitest run tests/dst/fuzz.test.ts  replay a failure file
 *   npx tsx tests/dst/replay.ts reports/dst/x.json                      the same, outside vitest
 *
 * A failure prints the seed, the failing step, the error and the full command log as JSON, and writes
 * it to reports/dst/. Keep the seed in tests/dst/regressions.test.ts once it is fixed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { replayFile, reportFailure, runScenario, scenarioArb, scenarioFromSeed, type ReplayFile } from './scenario';

const DEFAULT_BASE_SEED = 20_260_101;
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const BASE_SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS !== undefined ? Math.floor(Math.random() * 1e9) : DEFAULT_BASE_SEED;
const TIMEOUT_MS = 120_000;

if (process.env.FUZZ_REPLAY) {
  describe('DST replay', () => {
    it(`replays ${process.env.FUZZ_REPLAY}`, () => {
      const file = JSON.parse(readFileSync(process.env.FUZZ_REPLAY!, 'utf8')) as ReplayFile;
      const result = replayFile(file);
      if (result.error !== undefined) throw result.error;
    }, TIMEOUT_MS);
  });
} else if (process.env.FUZZ_SHRINK) {
  describe('DST shrink', () => {
    it(`shrinks seed ${BASE_SEED}`, () => {
      let smallest: string | undefined;
      try {
        fc.assert(
          fc.property(scenarioArb, (scenario) => {
            const result = runScenario(scenario);
            if (result.error === undefined) return true;
            smallest = reportFailure(`shrunk-${BASE_SEED}`, scenario, result, BASE_SEED);
            return false;
          }),
          { seed: BASE_SEED, numRuns: 1 },
        );
      } finally {
        if (smallest) console.error(smallest);
      }
    }, 30 * TIMEOUT_MS);
  });
} else {
  describe(`DST fuzz: ${RUNS} seeds from ${BASE_SEED}`, () => {
    for (let i = 0; i < RUNS; i++) {
      const seed = BASE_SEED + i;
      it(`seed ${seed}`, () => {
        const scenario = scenarioFromSeed(seed);
        const result = runScenario(scenario);
        if (result.error !== undefined) {
          const message = reportFailure(`seed-${seed}`, scenario, result, seed);
          console.error(message);
          expect.fail(message.split('\nReplay file:')[0]);
        }
      }, TIMEOUT_MS);
    }
  });
}
