import { describe, expect, it } from 'vitest';
import { exportTimeline, newContainerHistory, recordBackoff, recordBand, recordKill, recordOom, recordProbe, recordRestart, type ContainerTimeline, type ProbeRun, type StateBand } from './timeline';

/** The object-per-record timeline the compact history replaced: what it exports must not change. */
function reference(limits: ContainerTimeline['limits']) {
  const MAX = 300;
  const t = { name: 'web', init: false, bands: [] as StateBand[], probes: [] as ProbeRun[], restarts: [] as { atMs: number; restartCount: number }[], ooms: [] as { atMs: number; usageBytes: number; limitBytes: number }[], backoffs: [] as { fromMs: number; lengthMs: number }[], kills: [] as { atMs: number; reason: string }[], limits };
  const bounded = <T>(list: T[], item: T) => {
    list.push(item);
    if (list.length > MAX) list.splice(0, list.length - MAX);
  };
  return {
    t,
    band(atMs: number, state: StateBand['state'], reason: string | undefined, ready: boolean) {
      const last = t.bands[t.bands.length - 1] as { toMs?: number } & StateBand | undefined;
      if (last && last.toMs === undefined && last.state === state && last.reason === reason && last.ready === ready) return;
      if (last && last.toMs === undefined) last.toMs = atMs;
      bounded(t.bands, { fromMs: atMs, state, reason, ready });
    },
    probe(atMs: number, type: ProbeRun['type'], outcome: ProbeRun['outcome'], message: string) {
      for (let i = t.probes.length - 1; i >= 0 && i >= t.probes.length - 3; i--) {
        const run = t.probes[i];
        if (run.type !== type) continue;
        if (run.outcome === outcome && run.message === message) {
          if (run.count === 1) {
            run.periodMs = atMs - run.fromMs;
            run.count = 2;
            return;
          }
          if (atMs === run.fromMs + run.count * run.periodMs) {
            run.count++;
            return;
          }
        }
        break;
      }
      bounded(t.probes, { type, outcome, message, fromMs: atMs, periodMs: 0, count: 1 });
    },
    bounded,
  };
}

/** Deterministic pseudo-random choices (LCG). */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe('compact container history', () => {
  it('exports exactly what one object per record gave, past the bound too', () => {
    for (const seed of [1, 2, 3]) {
      const pick = rng(seed);
      const limits = seed === 1 ? { memoryBytes: undefined, cpuMilli: undefined } : { memoryBytes: 64 * 2 ** 20, cpuMilli: 250 };
      const ref = reference(limits);
      const h = newContainerHistory(limits);
      let now = 0;
      for (let i = 0; i < 3_000; i++) {
        now += pick(3) * 5_000;
        switch (pick(7)) {
          case 0: case 1: {
            const state = (['waiting', 'running', 'terminated'] as const)[pick(3)];
            const reason = state === 'running' ? undefined : ['CrashLoopBackOff', 'Error', 'ContainerCreating'][pick(3)];
            const ready = pick(2) === 0;
            ref.band(now, state, reason, ready);
            recordBand(h, now, state, reason, ready);
            break;
          }
          case 2: case 3: {
            const type = (['liveness', 'readiness', 'startup'] as const)[pick(3)];
            const outcome = (['success', 'failure'] as const)[pick(4) === 0 ? 1 : 0];
            const message = outcome === 'success' ? '' : 'HTTP probe failed with statuscode: 404';
            ref.probe(now, type, outcome, message);
            recordProbe(h, now, type, outcome, message);
            break;
          }
          case 4:
            ref.bounded(ref.t.restarts, { atMs: now, restartCount: i });
            recordRestart(h, now, i);
            ref.bounded(ref.t.kills, { atMs: now, reason: 'liveness' });
            recordKill(h, now, 'liveness');
            break;
          case 5:
            ref.bounded(ref.t.ooms, { atMs: now, usageBytes: i, limitBytes: 7 });
            recordOom(h, now, i, 7);
            break;
          default: {
            const fromMs = now - pick(2) * 5_000;
            if (!ref.t.backoffs.some((b) => b.fromMs === fromMs)) ref.bounded(ref.t.backoffs, { fromMs, lengthMs: 10_000 });
            recordBackoff(h, fromMs, 10_000);
          }
        }
        if (i % 250 === 0 || i === 2_999) expect(exportTimeline('web', false, h)).toEqual(JSON.parse(JSON.stringify(ref.t)));
      }
      expect(exportTimeline('web', false, h).bands.length).toBe(300);
    }
  });

  it('allocates lists on first use and hands out copies', () => {
    const h = newContainerHistory({ memoryBytes: undefined, cpuMilli: undefined });
    // bands and probes have slots from the start (soon set for every container), but no lists yet.
    expect(Object.keys(h).filter((k) => h[k as keyof typeof h] !== undefined)).toEqual(['limits']);
    recordBand(h, 0, 'waiting', 'ContainerCreating', false);
    recordBand(h, 1_000, 'running', undefined, true);
    recordBand(h, 2_000, 'running', undefined, true);
    const out = exportTimeline('web', false, h);
    expect(out.bands).toEqual([{ fromMs: 0, state: 'waiting', reason: 'ContainerCreating', ready: false, toMs: 1_000 }, { fromMs: 1_000, state: 'running', ready: true }]);
    expect(out.restarts).toEqual([]);
    (out.bands[1] as { toMs?: number }).toMs = 5;
    expect(exportTimeline('web', false, h).bands[1]).toEqual({ fromMs: 1_000, state: 'running', ready: true });
  });
});
