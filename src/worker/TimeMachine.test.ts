import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import { PARKED_MAX, TimeMachine } from './TimeMachine';

const rs = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: a, image: nginx:1.27}]}
`;

/** A live cluster driven in frames, like the worker's pacer, with commands in between. */
function live() {
  const cluster = createCluster({ seed: 9 });
  cluster.apply(rs(2));
  for (let i = 0; i < 40; i++) cluster.advance(250);
  cluster.apply(rs(5));
  for (let i = 0; i < 80; i++) cluster.advance(250);
  cluster.kubectl('kubectl scale rs web --replicas=1');
  for (let i = 0; i < 40; i++) cluster.advance(250);
  return cluster;
}

/** The state at T, computed the slow way: a fresh replay of the same inputs, stopped at T. */
function reference(atMs: number) {
  const cluster = createCluster({ seed: 9 });
  cluster.apply(rs(2));
  cluster.advance(Math.min(atMs, 10_000));
  if (atMs >= 10_000) {
    cluster.apply(rs(5));
    cluster.advance(Math.min(atMs, 30_000) - 10_000);
  }
  if (atMs >= 30_000) {
    cluster.kubectl('kubectl scale rs web --replicas=1');
    cluster.advance(atMs - 30_000);
  }
  return cluster;
}

const podNames = (c: ReturnType<typeof createCluster>) => c.sim.store.list('Pod').map((p) => `${p.metadata.name}:${(p.status as { phase?: string }).phase}:${p.metadata.deletionTimestamp ? 'deleting' : ''}`).sort();

describe('TimeMachine', () => {
  it('replays to exactly the live state at now', () => {
    const cluster = live();
    const tm = new TimeMachine({ seed: 9 }, () => cluster.commandLog());
    const { replay } = tm.viewAt(cluster.now());
    expect(replay.cluster.fingerprint()).toBe(cluster.fingerprint());
  });

  it('shows any earlier moment as a fresh replay would, scrubbing back and forth', () => {
    const cluster = live();
    const tm = new TimeMachine({ seed: 9 }, () => cluster.commandLog());
    for (const t of [25_000, 5_000, 12_345, 30_000, 31_000, 9_999, 40_000]) {
      const { replay } = tm.viewAt(t);
      expect(replay.cluster.now()).toBe(t);
      expect(podNames(replay.cluster), `at ${t}`).toEqual(podNames(reference(t)));
      expect(replay.cluster.sim.store.resourceVersion, `rv at ${t}`).toBe(reference(t).sim.store.resourceVersion);
    }
  });

  it('moves forward from where it is, and parks what it leaves behind as checkpoints', () => {
    const cluster = live();
    const tm = new TimeMachine({ seed: 9 }, () => cluster.commandLog());
    expect(tm.viewAt(20_000).fromMs).toBe(0);
    expect(tm.viewAt(25_000).fromMs).toBe(20_000);
    // Back: the cursor at 25 s is parked; the replay starts over.
    expect(tm.viewAt(10_000).fromMs).toBe(0);
    expect(tm.checkpoints()).toEqual([25_000]);
    // Forward past the checkpoint: it is picked up instead of replaying from 10 s.
    expect(tm.viewAt(30_000).fromMs).toBe(25_000);
    expect(tm.checkpoints()).toEqual([10_000]);
  });

  it('keeps memory bounded: at most PARKED_MAX checkpoints, spread out', () => {
    const cluster = live();
    const tm = new TimeMachine({ seed: 9 }, () => cluster.commandLog());
    for (let t = 39_000; t >= 1_000; t -= 2_000) tm.viewAt(t);
    const kept = tm.checkpoints();
    expect(kept.length).toBeLessThanOrEqual(PARKED_MAX);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    // The newest and the oldest survive eviction (it removes the densest middle ones).
    expect(kept.at(-1)).toBe(39_000);
    expect(kept[0]).toBe(3_000);
  });

  it('sees commands logged after a checkpoint was parked', () => {
    const cluster = live();
    const tm = new TimeMachine({ seed: 9 }, () => cluster.commandLog());
    tm.viewAt(40_000);
    tm.viewAt(1_000);
    cluster.apply(rs(3));
    cluster.advance(5_000);
    const { replay, fromMs } = tm.viewAt(cluster.now());
    expect(fromMs).toBe(40_000);
    expect(replay.cluster.fingerprint()).toBe(cluster.fingerprint());
  });
});
