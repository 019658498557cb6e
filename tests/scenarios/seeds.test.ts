import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/scenarios/index';
import { Player } from './harness';

/**
 * Every scenario, played by a "learner" who runs each step's commands and then lets the clock run
 * for the step's `waitSeconds` hint (plus slack), with other seeds than the detailed tests use:
 * the scenarios must not depend on one seed's names or placements, and the hints must be honest.
 */
const SEEDS = [2, 3, 7];
const SLACK_S = 30;

/** Commands that reproduce the notes' broken manifests: the API server rejects them. */
const EXPECTED_FAILURES: Record<string, readonly number[]> = {
  'daemonset-ssd/broken-yaml': [0],
  'hpa/old-field': [0],
};

/** Manual steps whose text asks the learner to wait before running the commands. */
const WAIT_BEFORE_S: Record<string, number> = {
  'hpa/top': 60,
};

describe('scenarios under other seeds, at the pace of their wait hints', () => {
  for (const scenario of SCENARIOS) {
    for (const seed of SEEDS) {
      it(`${scenario.id} (seed ${seed})`, () => {
        const p = new Player(scenario, seed);
        for (const step of scenario.steps) {
          const key = `${scenario.id}/${step.id}`;
          if (WAIT_BEFORE_S[key]) p.advance(WAIT_BEFORE_S[key]);
          p.step(step.id, { failing: EXPECTED_FAILURES[key] });
          if (step.check) p.waitUntilDone(step.id, (step.waitSeconds ?? 0) + SLACK_S);
        }
        expect(p.progress.complete).toBe(true);
      });
    }
  }
});
