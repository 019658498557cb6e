import type { StateCreator } from 'zustand';
import type { EventDto, ManifestErrorDto, ObjectDto } from '../protocol/dto';
import type { FromEngine } from '../protocol/messages';
import { EMPTY_TOPOLOGY, affectsTopology, topologyOf, type Topology } from './topology';
import type { StoreState } from './useStore';

/** Events kept on the page for timelines (newest kept). */
export const EVENTS_MAX = 1000;

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
};

export const createClusterSlice: StateCreator<StoreState, [], [], ClusterSlice> = () => ({ ...initialClusterState });

type Hello = Extract<FromEngine, { type: 'hello' }>;
type Patch = Extract<FromEngine, { type: 'patch' }>;

export function clusterFromHello(message: Hello): ClusterSlice {
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
export function clusterAfterPatch(state: ClusterSlice, message: Patch): Pick<ClusterSlice, 'rv' | 'clockMs' | 'objects' | 'topology' | 'events'> {
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
