import type { ContainerTimelineDto, PodTimelineDto, ProbeRunDto } from '../../protocol/dto';

/**
 * Pure geometry of a pod's timeline: one lane per container on the virtual time axis, with state
 * bands, probe ticks (one row per probe type), restart / OOM / kill markers, CrashLoopBackOff
 * windows and memory against the limit. x is in pixels from the window's start. Unit-tested.
 */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

export interface BandItem {
  readonly x: number;
  readonly width: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly state: 'waiting' | 'running' | 'terminated';
  readonly reason?: string;
  readonly ready?: boolean;
  /** Still going at the end of the data. */
  readonly open: boolean;
}

export interface ProbeTick {
  readonly x: number;
  readonly atMs: number;
  readonly ok: boolean;
  readonly message: string;
}

export type MarkerItem =
  | { readonly x: number; readonly atMs: number; readonly kind: 'restart'; readonly restartCount: number }
  | { readonly x: number; readonly atMs: number; readonly kind: 'oom'; readonly usageBytes: number; readonly limitBytes: number }
  /** `reason`: liveness, startup or spec (a kill on the pod's deletion is not a marker). */
  | { readonly x: number; readonly atMs: number; readonly kind: 'kill'; readonly reason: string };

export interface BackoffItem {
  readonly x: number;
  readonly width: number;
  readonly fromMs: number;
  readonly lengthMs: number;
  /** Still waiting at the end of the data. */
  readonly current: boolean;
}

export interface MemoryTrack {
  /** Points as [x, fraction of the scale] (0 = bottom, 1 = top). */
  readonly points: readonly (readonly [number, number])[];
  /** The same points split where a container instance ended (no line across a restart). */
  readonly segments: readonly (readonly (readonly [number, number])[])[];
  /** The limit as a fraction of the scale, when there is one. */
  readonly limit?: number;
  readonly scaleBytes: number;
  readonly lastBytes?: number;
  readonly limitBytes?: number;
}

export interface ContainerLane {
  readonly name: string;
  readonly init: boolean;
  readonly bands: readonly BandItem[];
  /** Only the probe types the container has results for, in liveness / readiness / startup order. */
  readonly probes: readonly { readonly type: ProbeRunDto['type']; readonly ticks: readonly ProbeTick[] }[];
  readonly markers: readonly MarkerItem[];
  readonly backoffs: readonly BackoffItem[];
  readonly memory?: MemoryTrack;
  readonly restartCount: number;
}

/** The span shown: the whole life of the pod's data, or the last `spanMs` of it. */
export function timeWindow(timeline: PodTimelineDto, nowMs: number, spanMs?: number): TimeWindow {
  let start = nowMs;
  for (const c of timeline.containers) {
    for (const b of c.bands) start = Math.min(start, b.fromMs);
    for (const p of c.probes) start = Math.min(start, p.fromMs);
  }
  if (spanMs !== undefined) start = Math.max(start, nowMs - spanMs);
  // At least ten seconds, so a fresh pod is not drawn a pixel wide.
  return { startMs: Math.min(start, nowMs - 10_000), endMs: nowMs };
}

function scaler(window: TimeWindow, width: number) {
  const span = Math.max(1, window.endMs - window.startMs);
  return (ms: number) => ((ms - window.startMs) / span) * width;
}

/** Every probe result a run stands for, inside the window. */
export function expandRun(run: ProbeRunDto, window: TimeWindow): number[] {
  const out: number[] = [];
  const period = run.count > 1 ? run.periodMs : 0;
  for (let i = 0; i < run.count; i++) {
    const t = run.fromMs + i * period;
    if (t < window.startMs) continue;
    if (t > window.endMs) break;
    out.push(t);
  }
  return out;
}

const PROBE_ORDER: readonly ProbeRunDto['type'][] = ['liveness', 'readiness', 'startup'];

export function containerLane(c: ContainerTimelineDto, window: TimeWindow, width: number): ContainerLane {
  const x = scaler(window, width);
  const clampX = (ms: number) => Math.max(0, Math.min(width, x(ms)));
  const bands: BandItem[] = [];
  for (const b of c.bands) {
    const toMs = b.toMs ?? window.endMs;
    if (toMs < window.startMs || b.fromMs > window.endMs) continue;
    const x0 = clampX(b.fromMs);
    bands.push({ x: x0, width: Math.max(0.5, clampX(toMs) - x0), fromMs: b.fromMs, toMs, state: b.state, reason: b.reason, ready: b.ready, open: b.toMs === undefined });
  }
  const probes = PROBE_ORDER.flatMap((type) => {
    const runs = c.probes.filter((p) => p.type === type);
    if (runs.length === 0) return [];
    // One tick per pixel column: a failure wins over a success in the same column.
    const columns = new Map<number, ProbeTick>();
    for (const run of runs) {
      const ok = run.outcome === 'success';
      for (const t of expandRun(run, window)) {
        const px = Math.round(x(t));
        const existing = columns.get(px);
        if (!existing || (existing.ok && !ok)) columns.set(px, { x: x(t), atMs: t, ok, message: run.message });
      }
    }
    return [{ type, ticks: [...columns.values()].sort((a, b) => a.atMs - b.atMs) }];
  });
  const inWindow = (t: number) => t >= window.startMs && t <= window.endMs;
  const markers: MarkerItem[] = [
    ...c.kills.filter((k) => inWindow(k.atMs) && k.reason !== 'delete').map((k): MarkerItem => ({ x: x(k.atMs), atMs: k.atMs, kind: 'kill', reason: k.reason })),
    ...c.ooms.filter((o) => inWindow(o.atMs)).map((o): MarkerItem => ({ x: x(o.atMs), atMs: o.atMs, kind: 'oom', usageBytes: o.usageBytes, limitBytes: o.limitBytes })),
    ...c.restarts.filter((r) => inWindow(r.atMs)).map((r): MarkerItem => ({ x: x(r.atMs), atMs: r.atMs, kind: 'restart', restartCount: r.restartCount })),
  ].sort((a, b) => a.atMs - b.atMs);
  const backoffs: BackoffItem[] = c.backoffs
    .filter((b) => b.fromMs + b.lengthMs >= window.startMs && b.fromMs <= window.endMs)
    .map((b) => {
      const x0 = clampX(b.fromMs);
      return { x: x0, width: Math.max(1, clampX(b.fromMs + b.lengthMs) - x0), fromMs: b.fromMs, lengthMs: b.lengthMs, current: b.fromMs + b.lengthMs > window.endMs };
    });
  let memory: MemoryTrack | undefined;
  const samples = c.memory.filter((m) => inWindow(m.tMs));
  if (samples.length > 0) {
    const peak = Math.max(...samples.map((m) => m.bytes), c.memoryLimitBytes ?? 0, 1);
    const scaleBytes = peak * 1.1;
    const points = samples.map((m) => [x(m.tMs), m.bytes / scaleBytes] as const);
    // Samples of one instance are evenly spaced; a jump well beyond the usual step is the next instance.
    const gaps = samples.slice(1).map((m, i) => m.tMs - samples[i].tMs).sort((a, b) => a - b);
    const usual = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : 0;
    const segments: (readonly [number, number])[][] = [[points[0]]];
    for (let i = 1; i < samples.length; i++) {
      if (samples[i].tMs - samples[i - 1].tMs > Math.max(5000, 3 * usual)) segments.push([]);
      segments[segments.length - 1].push(points[i]);
    }
    memory = {
      points,
      segments,
      limit: c.memoryLimitBytes ? c.memoryLimitBytes / scaleBytes : undefined,
      scaleBytes,
      lastBytes: samples[samples.length - 1].bytes,
      limitBytes: c.memoryLimitBytes,
    };
  }
  const restartCount = c.restarts.length > 0 ? c.restarts[c.restarts.length - 1].restartCount : 0;
  return { name: c.name, init: c.init, bands, probes, markers, backoffs, memory, restartCount };
}

export function podLanes(timeline: PodTimelineDto, window: TimeWindow, width: number): ContainerLane[] {
  return timeline.containers.map((c) => containerLane(c, window, width));
}

/** Axis ticks at a round step so there are about `target` of them. */
export function axisTicks(window: TimeWindow, target = 6): number[] {
  const span = Math.max(1, window.endMs - window.startMs);
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);
  const step = steps.find((s) => span / s <= target) ?? steps[steps.length - 1];
  const out: number[] = [];
  for (let t = Math.ceil(window.startMs / step) * step; t <= window.endMs; t += step) out.push(t);
  return out;
}
