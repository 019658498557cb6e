/**
 * Per-container history for the UI's timelines: state bands as kubectl would have shown them,
 * probe results (run-length encoded, so a healthy probe every 10 s costs an increment), restarts,
 * OOM kills with the usage that crossed the limit, back-off windows, kills. Bounded; plain data.
 */

import { clone } from '../util/clone';
import { internMade } from '../util/intern';

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

/**
 * Lists of fewer records than this grow by exact copies: V8 gives a pushed array 17 slots and then
 * half again, too many per pod; longer ones (bounded by MAX_ITEMS) grow by push, as copying would cost.
 */
const COMPACT_UNTIL = 64;

/** What a band shows (interned: bands of every pod share the few there are). */
interface BandKind {
  readonly state: StateBand['state'];
  readonly reason?: string;
  readonly ready: boolean;
}

/** What a probe run reported (interned). */
interface ProbeKind {
  readonly type: ProbeRun['type'];
  readonly outcome: ProbeRun['outcome'];
  readonly message: string;
}

/** Histories hold their kinds by reference, so a table starting over only stops sharing. */
const MAX_KINDS = 10_000;
const bandKinds = new Map<string, BandKind>();
const probeKinds = new Map<string, ProbeKind>();


/** Band records: [kind, fromMs] pairs; a band lasts until the next one starts (the last is open). */
const BAND_STRIDE = 2;
/** Probe runs: [kind, fromMs, periodMs, count] quadruples. */
const RUN_STRIDE = 4;

/**
 * What the kubelet keeps per container for its timeline, flat and interned (a steady pod has three
 * bands and two probe runs; most pods no restarts, kills, OOMs or back-offs, so those lists are
 * created on first use). `exportTimeline` gives the public shape.
 */
export interface ContainerHistory {
  bands?: (BandKind | number)[];
  probes?: (ProbeKind | number)[];
  /** [atMs, restartCount] pairs. */
  restarts?: number[];
  /** [atMs, usageBytes, limitBytes] triples. */
  ooms?: number[];
  /** [fromMs, lengthMs] pairs. */
  backoffs?: number[];
  /** [atMs, reason] pairs. */
  kills?: (number | string)[];
  readonly limits: ContainerTimeline['limits'];
}

const NO_LIMITS: ContainerTimeline['limits'] = Object.freeze({ memoryBytes: undefined, cpuMilli: undefined });

export function newContainerHistory(limits: ContainerTimeline['limits']): ContainerHistory {
  // bands and probes are soon set: in the literal, not in a separate slack-padded property array.
  return { bands: undefined, probes: undefined, limits: limits.memoryBytes === undefined && limits.cpuMilli === undefined ? NO_LIMITS : limits };
}

export function recordRestart(h: ContainerHistory, atMs: number, restartCount: number): void {
  h.restarts = appendRecord(h.restarts, 2, [atMs, restartCount]);
}

export function recordOom(h: ContainerHistory, atMs: number, usageBytes: number, limitBytes: number): void {
  h.ooms = appendRecord(h.ooms, 3, [atMs, usageBytes, limitBytes]);
}

export function recordKill(h: ContainerHistory, atMs: number, reason: string): void {
  h.kills = appendRecord<number | string>(h.kills, 2, [atMs, reason]);
}

/** Records a back-off window once (several syncs report the same one). */
export function recordBackoff(h: ContainerHistory, fromMs: number, lengthMs: number): void {
  const list = h.backoffs;
  if (list !== undefined) for (let i = 0; i < list.length; i += 2) if (list[i] === fromMs) return;
  h.backoffs = appendRecord(list, 2, [fromMs, lengthMs]);
}

/** Appends one flat record of `stride` values, keeping at most MAX_ITEMS records; returns the list to store. */
function appendRecord<T>(list: T[] | undefined, stride: number, record: T[]): T[] {
  if (list === undefined) return record;
  if (list.length < COMPACT_UNTIL * stride) return list.concat(record);
  list.push(...record);
  if (list.length > MAX_ITEMS * stride) list.splice(0, list.length - MAX_ITEMS * stride);
  return list;
}

function exportBands(flat: readonly (BandKind | number)[] | undefined): StateBand[] {
  const bands: StateBand[] = [];
  if (flat === undefined) return bands;
  for (let i = 0; i < flat.length; i += BAND_STRIDE) {
    const kind = flat[i] as BandKind;
    const band: { -readonly [K in keyof StateBand]: StateBand[K] } = { fromMs: flat[i + 1] as number, state: kind.state };
    if (kind.reason !== undefined) band.reason = kind.reason;
    band.ready = kind.ready;
    if (i + BAND_STRIDE < flat.length) band.toMs = flat[i + BAND_STRIDE + 1] as number;
    bands.push(band);
  }
  return bands;
}

function exportRuns(flat: readonly (ProbeKind | number)[] | undefined): ProbeRun[] {
  const runs: ProbeRun[] = [];
  if (flat === undefined) return runs;
  for (let i = 0; i < flat.length; i += RUN_STRIDE) {
    const kind = flat[i] as ProbeKind;
    runs.push({ type: kind.type, outcome: kind.outcome, message: kind.message, fromMs: flat[i + 1] as number, periodMs: flat[i + 2] as number, count: flat[i + 3] as number });
  }
  return runs;
}

/** The public timeline of one container (a copy: callers may keep or edit it). */
export function exportTimeline(name: string, init: boolean, h: ContainerHistory): ContainerTimeline {
  const restarts: ContainerTimeline['restarts'] = [];
  const ooms: ContainerTimeline['ooms'] = [];
  const backoffs: ContainerTimeline['backoffs'] = [];
  const kills: ContainerTimeline['kills'] = [];
  const r = h.restarts ?? [], o = h.ooms ?? [], b = h.backoffs ?? [], k = h.kills ?? [];
  for (let i = 0; i < r.length; i += 2) restarts.push({ atMs: r[i], restartCount: r[i + 1] });
  for (let i = 0; i < o.length; i += 3) ooms.push({ atMs: o[i], usageBytes: o[i + 1], limitBytes: o[i + 2] });
  for (let i = 0; i < b.length; i += 2) backoffs.push({ fromMs: b[i], lengthMs: b[i + 1] });
  for (let i = 0; i < k.length; i += 2) kills.push({ atMs: k[i] as number, reason: k[i + 1] as string });
  return { name, init, bands: exportBands(h.bands), probes: exportRuns(h.probes), restarts, ooms, backoffs, kills, limits: clone(h.limits) };
}

/** Opens a new band when what kubectl would show for the container changed. */
export function recordBand(h: ContainerHistory, atMs: number, state: StateBand['state'], reason: string | undefined, ready: boolean): void {
  const bands = h.bands;
  if (bands !== undefined) {
    const last = bands[bands.length - BAND_STRIDE] as BandKind;
    if (last.state === state && last.reason === reason && last.ready === ready) return;
  }
  const kind = internMade(bandKinds, `${state}\0${reason ?? ''}\0${reason === undefined}\0${ready}`, () => (reason === undefined ? { state, ready } : { state, reason, ready }), MAX_KINDS);
  h.bands = appendRecord(bands, BAND_STRIDE, [kind, atMs]);
}

export function recordProbe(h: ContainerHistory, atMs: number, type: ProbeRun['type'], outcome: ProbeRun['outcome'], message: string): void {
  const runs = h.probes;
  if (runs !== undefined) {
    // The three newest runs: liveness, readiness and startup interleave at the same period.
    for (let i = runs.length - RUN_STRIDE; i >= 0 && i >= runs.length - 3 * RUN_STRIDE; i -= RUN_STRIDE) {
      const kind = runs[i] as ProbeKind;
      if (kind.type !== type) continue;
      if (kind.outcome === outcome && kind.message === message) {
        const fromMs = runs[i + 1] as number;
        const count = runs[i + 3] as number;
        if (count === 1) {
          runs[i + 2] = atMs - fromMs;
          runs[i + 3] = 2;
          return;
        }
        if (atMs === fromMs + count * (runs[i + 2] as number)) {
          runs[i + 3] = count + 1;
          return;
        }
      }
      break;
    }
  }
  const kind = internMade(probeKinds, `${type}\0${outcome}\0${message}`, () => ({ type, outcome, message }), MAX_KINDS);
  h.probes = appendRecord(runs, RUN_STRIDE, [kind, atMs, 0, 1]);
}
