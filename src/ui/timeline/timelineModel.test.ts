import { describe, expect, it } from 'vitest';
import type { ContainerTimelineDto, PodTimelineDto } from '../../protocol/dto';
import { axisTicks, containerLane, expandRun, timeWindow } from './timelineModel';

// A container crashing on start: back-off 10 s, 20 s, 40 s.
const crasher: ContainerTimelineDto = {
  name: 'app', init: false,
  bands: [
    { fromMs: 0, toMs: 2000, state: 'waiting', reason: 'ContainerCreating' },
    { fromMs: 2000, toMs: 12_900, state: 'terminated', reason: 'Error' },
    { fromMs: 12_900, toMs: 14_000, state: 'waiting', reason: 'CrashLoopBackOff' },
    { fromMs: 14_000, state: 'running', ready: false },
  ],
  probes: [
    { type: 'readiness', outcome: 'failure', message: 'connection refused', fromMs: 3000, periodMs: 10_000, count: 3 },
    { type: 'liveness', outcome: 'success', message: '', fromMs: 5000, periodMs: 10_000, count: 5 },
    { type: 'liveness', outcome: 'failure', message: '404', fromMs: 55_000, periodMs: 0, count: 1 },
  ],
  restarts: [{ atMs: 2929, restartCount: 1 }, { atMs: 13_372, restartCount: 2 }, { atMs: 34_005, restartCount: 3 }],
  ooms: [{ atMs: 50_000, usageBytes: 120, limitBytes: 100 }],
  backoffs: [{ fromMs: 2929, lengthMs: 10_000 }, { fromMs: 13_372, lengthMs: 20_000 }, { fromMs: 34_005, lengthMs: 40_000 }],
  kills: [{ atMs: 54_000, reason: 'liveness' }, { atMs: 60_000, reason: 'delete' }],
  memoryLimitBytes: 100,
  memory: [{ tMs: 14_000, bytes: 10 }, { tMs: 15_000, bytes: 12 }, { tMs: 16_000, bytes: 12 }, { tMs: 50_000, bytes: 120 }, { tMs: 51_000, bytes: 110 }],
};
const timeline: PodTimelineDto = { nodeName: 'node-1', containers: [crasher] };

describe('timeline model', () => {
  it('spans the pod from its first band to now, or the last span', () => {
    expect(timeWindow(timeline, 100_000)).toEqual({ startMs: 0, endMs: 100_000 });
    expect(timeWindow(timeline, 100_000, 60_000)).toEqual({ startMs: 40_000, endMs: 100_000 });
    // At least ten seconds wide.
    expect(timeWindow({ nodeName: 'n', containers: [] }, 3000)).toEqual({ startMs: -7000, endMs: 3000 });
  });

  it('draws bands to scale, the open one up to now', () => {
    const lane = containerLane(crasher, { startMs: 0, endMs: 100_000 }, 1000);
    expect(lane.bands.map((b) => [b.state, b.reason, Math.round(b.x), Math.round(b.width), b.open])).toEqual([
      ['waiting', 'ContainerCreating', 0, 20, false],
      ['terminated', 'Error', 20, 109, false],
      ['waiting', 'CrashLoopBackOff', 129, 11, false],
      ['running', undefined, 140, 860, true],
    ]);
  });

  it('keeps the back-off windows with their lengths (10 s, 20 s, 40 s)', () => {
    const lane = containerLane(crasher, { startMs: 0, endMs: 100_000 }, 1000);
    expect(lane.backoffs.map((b) => [b.lengthMs, Math.round(b.x), Math.round(b.width), b.current])).toEqual([
      [10_000, 29, 100, false],
      [20_000, 134, 200, false],
      [40_000, 340, 400, false],
    ]);
    // A window still running at the end of the data is current.
    expect(containerLane(crasher, { startMs: 0, endMs: 50_000 }, 500).backoffs[2].current).toBe(true);
  });

  it('expands probe runs into ticks, one row per probe type in a fixed order', () => {
    expect(expandRun(crasher.probes[1], { startMs: 0, endMs: 100_000 })).toEqual([5000, 15_000, 25_000, 35_000, 45_000]);
    expect(expandRun(crasher.probes[1], { startMs: 20_000, endMs: 40_000 })).toEqual([25_000, 35_000]);
    const lane = containerLane(crasher, { startMs: 0, endMs: 100_000 }, 1000);
    expect(lane.probes.map((p) => [p.type, p.ticks.filter((t) => t.ok).length, p.ticks.filter((t) => !t.ok).length])).toEqual([
      ['liveness', 5, 1],
      ['readiness', 0, 3],
    ]);
  });

  it('merges ticks that share a pixel, failures first', () => {
    const lane = containerLane({ ...crasher, probes: [{ type: 'liveness', outcome: 'success', message: '', fromMs: 0, periodMs: 1000, count: 100 }, { type: 'liveness', outcome: 'failure', message: 'x', fromMs: 50_500, periodMs: 0, count: 1 }] }, { startMs: 0, endMs: 100_000 }, 10);
    expect(lane.probes[0].ticks.length).toBeLessThanOrEqual(11);
    expect(lane.probes[0].ticks.some((t) => !t.ok)).toBe(true);
  });

  it('marks restarts, OOM kills and probe kills (not deletion kills) in time order, and memory against the limit', () => {
    const lane = containerLane(crasher, { startMs: 0, endMs: 100_000 }, 1000);
    expect(lane.markers.map((m) => m.kind)).toEqual(['restart', 'restart', 'restart', 'oom', 'kill']);
    expect(lane.restartCount).toBe(3);
    expect(lane.memory!.limit).toBeCloseTo(100 / 132);
    expect(lane.memory!.points.map(([x]) => x)).toEqual([140, 150, 160, 500, 510]);
    // 34 s between samples taken every second: a new instance, so no line joins them.
    expect(lane.memory!.segments.map((seg) => seg.length)).toEqual([3, 2]);
  });

  it('puts axis ticks on round times', () => {
    expect(axisTicks({ startMs: 0, endMs: 100_000 }, 6)).toEqual([0, 30_000, 60_000, 90_000]);
    expect(axisTicks({ startMs: 5000, endMs: 65_000 }, 4)).toEqual([15_000, 30_000, 45_000, 60_000]);
  });
});
