/**
 * Per-container history for the UI's timelines: state bands as kubectl would have shown them,
 * probe results (run-length encoded, so a healthy probe every 10 s costs an increment), restarts,
 * OOM kills with the usage that crossed the limit, back-off windows, kills. Bounded; plain data.
 */

const MAX_ITEMS = 300;

export interface StateBand {
  readonly fromMs: number;
  toMs?: number;
  readonly state: 'waiting' | 'running' | 'terminated';
  readonly reason?: string;
  readonly ready?: boolean;
}

export interface ProbeRun {
  readonly type: 'liveness' | 'readiness' | 'startup';
  readonly outcome: 'success' | 'failure' | 'error';
  readonly message: string;
  readonly fromMs: number;
  periodMs: number;
  count: number;
}

export interface ContainerTimeline {
  readonly name: string;
  readonly init: boolean;
  readonly bands: StateBand[];
  readonly probes: ProbeRun[];
  readonly restarts: { atMs: number; restartCount: number }[];
  readonly ooms: { atMs: number; usageBytes: number; limitBytes: number }[];
  readonly backoffs: { fromMs: number; lengthMs: number }[];
  readonly kills: { atMs: number; reason: string }[];
  readonly limits: { memoryBytes?: number; cpuMilli?: number };
}

export interface PodTimeline {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly nodeName: string;
  readonly containers: readonly (ContainerTimeline & { memory: { tMs: number; bytes: number }[]; cpu: { tMs: number; milli: number }[] })[];
}

function bounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_ITEMS) list.splice(0, list.length - MAX_ITEMS);
}

export function newContainerTimeline(name: string, init: boolean, limits: ContainerTimeline['limits']): ContainerTimeline {
  return { name, init, bands: [], probes: [], restarts: [], ooms: [], backoffs: [], kills: [], limits };
}

/** Opens a new band when what kubectl would show for the container changed. */
export function recordBand(tl: ContainerTimeline, atMs: number, state: StateBand['state'], reason: string | undefined, ready: boolean): void {
  const last = tl.bands[tl.bands.length - 1];
  if (last && last.toMs === undefined && last.state === state && last.reason === reason && last.ready === ready) return;
  if (last && last.toMs === undefined) last.toMs = atMs;
  bounded(tl.bands, { fromMs: atMs, state, reason, ready });
}

export function recordProbe(tl: ContainerTimeline, atMs: number, type: ProbeRun['type'], outcome: ProbeRun['outcome'], message: string): void {
  for (let i = tl.probes.length - 1; i >= 0 && i >= tl.probes.length - 3; i--) {
    const run = tl.probes[i];
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
  bounded(tl.probes, { type, outcome, message, fromMs: atMs, periodMs: 0, count: 1 });
}

export const pushBounded = bounded;
