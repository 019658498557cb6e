import type { StateCreator } from 'zustand';
import type { EventDto, FocusDto, ManifestErrorDto, ObjectDto } from '../protocol/dto';
import type { FromEngine } from '../protocol/messages';
import { EMPTY_TOPOLOGY, affectsTopology, topologyOf, type Topology } from './topology';
import type { StoreState } from './useStore';

/** Events kept on the page for timelines (newest kept). */
export const EVENTS_MAX = 1000;

/** What the inspector shows: the worker's focus for `uid` (null data: no such object there and then). */
export interface FocusState {
  readonly uid: string;
  readonly data: FocusDto | null;
}

/** The parts of the cluster components draw; the live cluster and a past moment both have them. */
export interface ClusterView {
  readonly clockMs: number;
  readonly objects: ReadonlyMap<string, ObjectDto>;
  readonly topology: Topology;
  readonly events: readonly EventDto[];
  readonly focus: FocusState | undefined;
}

/** The cluster at a past moment (time travel), replayed by the worker. Read-only. */
export interface PastView extends ClusterView {
  /** The live clock when this moment was replayed (the scrubber's end). */
  readonly liveClockMs: number;
  readonly replayedFromMs: number;
  readonly replayMs: number;
}

/**
 * The cluster as the worker last reported it. Written only through bridge/applyPatch.ts. Maps are
 * replaced, never mutated, and unchanged objects keep their identity, so a selector on one pod
 * returns the same value until that pod changes.
 */
export interface ClusterSlice {
  /** True once the first hello arrived. */
  connected: boolean;
  seed: number;
  rv: number;
  clockMs: number;
  objects: ReadonlyMap<string, ObjectDto>;
  /** Replaced only when nodes/pods/placement change (see topology.ts). */
  topology: Topology;
  /** Recent events, oldest first, one entry per event uid (aggregated events update in place). */
  events: readonly EventDto[];
  initErrors: readonly ManifestErrorDto[];
  fatal: { readonly message: string; readonly seed: number } | undefined;
  /** Focus from the live cluster. */
  focus: FocusState | undefined;
  /** Set while the page views the past: components draw it instead of the live cluster. */
  past: PastView | undefined;
}

export const initialClusterState: ClusterSlice = {
  connected: false,
  seed: 0,
  rv: 0,
  clockMs: 0,
  objects: new Map(),
  topology: EMPTY_TOPOLOGY,
  events: [],
  initErrors: [],
  fatal: undefined,
  focus: undefined,
  past: undefined,
};

export const createClusterSlice: StateCreator<StoreState, [], [], ClusterSlice> = () => ({ ...initialClusterState });

type Hello = Extract<FromEngine, { type: 'hello' }>;
type Patch = Extract<FromEngine, { type: 'patch' }>;

export function clusterFromHello(message: Hello): Omit<ClusterSlice, 'focus' | 'past'> {
  const objects = new Map<string, ObjectDto>();
  for (const obj of message.snapshot.objects) objects.set(obj.uid, obj);
  return {
    connected: true,
    seed: message.seed,
    rv: message.rv,
    clockMs: message.clockMs,
    objects,
    topology: topologyOf(objects),
    events: message.snapshot.events.slice(-EVENTS_MAX),
    initErrors: message.initErrors,
    fatal: undefined,
  };
}

/** The cluster fields that change with a patch; unchanged parts keep their identity. */
export function clusterAfterPatch(state: Pick<ClusterSlice, 'objects' | 'topology' | 'events'>, message: Patch): Pick<ClusterSlice, 'rv' | 'clockMs' | 'objects' | 'topology' | 'events'> {
  const { diff } = message;
  const changed = diff.added.length > 0 || diff.updated.length > 0 || diff.removed.length > 0;
  let objects = state.objects;
  let topology = state.topology;
  if (changed) {
    const next = new Map(state.objects);
    for (const obj of diff.added) next.set(obj.uid, obj);
    for (const obj of diff.updated) next.set(obj.uid, obj);
    for (const uid of diff.removed) next.delete(uid);
    if (affectsTopology(state.objects, diff)) topology = topologyOf(next);
    objects = next;
  }
  return { rv: message.toRv, clockMs: message.clockMs, objects, topology, events: mergeEvents(state.events, message.events) };
}

export function mergeEvents(current: readonly EventDto[], incoming: readonly EventDto[]): readonly EventDto[] {
  if (incoming.length === 0) return current;
  const replaced = new Set(incoming.map((e) => e.uid));
  const merged = current.filter((e) => !replaced.has(e.uid)).concat(incoming);
  return merged.length > EVENTS_MAX ? merged.slice(merged.length - EVENTS_MAX) : merged;
}

/** The live cluster, or the past moment being viewed. */
export function viewOf(s: ClusterSlice): ClusterView {
  return s.past ?? s;
}

/** Builds the past view from a view_at result. */
export function pastFrom(result: { atMs: number; liveClockMs: number; snapshot: { objects: readonly ObjectDto[]; events: readonly EventDto[] }; replayedFromMs: number; replayMs: number }, focus: FocusState | undefined): PastView {
  const objects = new Map<string, ObjectDto>();
  for (const obj of result.snapshot.objects) objects.set(obj.uid, obj);
  return {
    clockMs: result.atMs,
    liveClockMs: result.liveClockMs,
    objects,
    topology: topologyOf(objects),
    events: result.snapshot.events.slice(-EVENTS_MAX),
    focus,
    replayedFromMs: result.replayedFromMs,
    replayMs: result.replayMs,
  };
}
