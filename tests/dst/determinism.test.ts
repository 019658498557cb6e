/**
 * Same seed ⇒ same run, byte for byte, for generated scenarios (not just the hand-written one in
 * tests/determinism.test.ts), and replayCluster(config, log) lands on the identical cluster. Also
 * proves the invariant checker only observes: runs with and without it are identical.
 */
import { describe, expect, it } from 'vitest';
import { replayCluster } from '../../src/engine/index';
import { runScenario, scenarioFromSeed } from './scenario';

const SEEDS = [7, 1234, 99_001];

describe('DST determinism', () => {
  for (const seed of SEEDS) {
    it(`scenario seed ${seed}: two runs give identical event logs and fingerprints`, () => {
      const scenario = scenarioFromSeed(seed);
      const a = runScenario(scenario, { invariants: false });
      const b = runScenario(scenario, { invariants: false });
      // Determinism, not correctness: a run that fails its convergence check must fail identically.
      expect(String(b.error)).toBe(String(a.error));
      expect(JSON.stringify(b.cluster.events())).toBe(JSON.stringify(a.cluster.events()));
      expect(b.cluster.fingerprint()).toBe(a.cluster.fingerprint());
      expect(b.cluster.commandLog()).toEqual(a.cluster.commandLog());
    }, 120_000);

    it(`scenario seed ${seed}: the invariant checker only observes`, () => {
      const scenario = scenarioFromSeed(seed);
      const checked = runScenario(scenario, { invariants: true, converge: false });
      const plain = runScenario(scenario, { invariants: false, converge: false });
      if (checked.error !== undefined) return; // a violation stops the checked run early; the fuzz suite reports it
      expect(JSON.stringify(checked.cluster.events())).toBe(JSON.stringify(plain.cluster.events()));
      expect(checked.cluster.fingerprint()).toBe(plain.cluster.fingerprint());
    }, 120_000);

    it(`scenario seed ${seed}: replayCluster(config, log) reproduces the run`, () => {
      const scenario = scenarioFromSeed(seed);
      const original = runScenario(scenario, { invariants: false }).cluster;
      const replayed = replayCluster({ seed: scenario.seed, nodes: scenario.nodes }, original.commandLog());
      expect(replayed.now()).toBe(original.now());
      expect(JSON.stringify(replayed.events())).toBe(JSON.stringify(original.events()));
      expect(replayed.fingerprint()).toBe(original.fingerprint());
      // Replaying must not log anything twice (e.g. `kubectl apply -f -` logging an extra apply).
      expect(replayed.commandLog()).toEqual(original.commandLog());
    }, 120_000);
  }

  it('different cluster seeds give different runs', () => {
    const scenario = scenarioFromSeed(7);
    const a = runScenario(scenario, { invariants: false, converge: false }).cluster;
    const b = runScenario({ ...scenario, seed: scenario.seed + 1 }, { invariants: false, converge: false }).cluster;
    expect(b.fingerprint()).not.toBe(a.fingerprint());
  }, 120_000);
});
