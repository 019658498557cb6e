import type { NodeDto, ObjectDto, OwnerDto, PodDto } from '../protocol/dto';
import { viewOf, type ClusterView, type FocusState } from './clusterSlice';
import type { StoreState } from './useStore';
import { useStore } from './useStore';

/**
 * Narrow selectors. Each returns either a stored reference (unchanged until that object changes)
 * or a primitive, so components re-render only when what they show changed. Everything the graph,
 * timelines and inspector draw goes through the *view*: the live cluster, or the past moment being
 * viewed (time travel).
 */
export const selectView = (s: StoreState): ClusterView => viewOf(s);
export const selectObject = (uid: string) => (s: StoreState): ObjectDto | undefined => viewOf(s).objects.get(uid);

export function usePod(uid: string): PodDto | undefined {
  return useStore((s) => {
    const obj = viewOf(s).objects.get(uid);
    return obj?.dto === 'pod' ? obj : undefined;
  });
}

export function useNodeDto(uid: string): NodeDto | undefined {
  return useStore((s) => {
    const obj = viewOf(s).objects.get(uid);
    return obj?.dto === 'node' ? obj : undefined;
  });
}

export function useOwnerDto(uid: string): OwnerDto | undefined {
  return useStore((s) => {
    const obj = viewOf(s).objects.get(uid);
    return obj?.dto === 'owner' ? obj : undefined;
  });
}

export const selectTopology = (s: StoreState) => viewOf(s).topology;
export const selectClockMs = (s: StoreState) => viewOf(s).clockMs;
export const selectLiveClockMs = (s: StoreState) => s.clockMs;
export const selectSpeed = (s: StoreState) => s.speed;
export const selectConnected = (s: StoreState) => s.connected;
export const selectViewingPast = (s: StoreState) => s.past !== undefined;
export const selectEvents = (s: StoreState) => viewOf(s).events;

/** The focus for the current selection, from the view (undefined while it is on its way). */
export function selectFocus(s: StoreState): FocusState | undefined {
  const focus = viewOf(s).focus;
  return focus && focus.uid === s.selection ? focus : undefined;
}

export function nodesOf(s: StoreState): NodeDto[] {
  const view = viewOf(s);
  const out: NodeDto[] = [];
  for (const { uid } of view.topology.nodes) {
    const obj = view.objects.get(uid);
    if (obj?.dto === 'node') out.push(obj);
  }
  return out;
}

/**
 * "3 worker nodes · 4 CPU · 8Gi · 110 pods each" when the nodes are alike, totals otherwise. A
 * string, so the header re-renders only when it reads differently.
 */
export function selectClusterSummary(s: StoreState): string {
  const nodes = nodesOf(s);
  if (nodes.length === 0) return s.connected ? 'no nodes' : 'starting…';
  const workers = nodes.filter((n) => n.roles === '<none>' || n.roles.split(',').includes('worker')).length;
  const noun = workers === nodes.length ? (nodes.length === 1 ? 'worker node' : 'worker nodes') : nodes.length === 1 ? 'node' : 'nodes';
  const first = nodes[0].allocatableText;
  const alike = nodes.every((n) => n.allocatableText.cpu === first.cpu && n.allocatableText.memory === first.memory && n.allocatableText.pods === first.pods);
  if (alike) return `${nodes.length} ${noun} · ${first.cpu} CPU · ${first.memory} · ${first.pods} pods each`;
  const cpu = nodes.reduce((sum, n) => sum + n.allocatable.cpuMilli, 0);
  const mem = nodes.reduce((sum, n) => sum + n.allocatable.memoryBytes, 0);
  const pods = nodes.reduce((sum, n) => sum + n.allocatable.pods, 0);
  return `${nodes.length} ${noun} · ${formatCpu(cpu)} CPU · ${formatBytes(mem)} · ${pods} pods in total`;
}

/** Counts of pod STATUS values among `uids`, most common first: [["Running", 3], ["Pending", 1]]. */
export function statusCounts(view: ClusterView, uids: readonly { uid: string }[] | readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of uids) {
    const pod = view.objects.get(typeof item === 'string' ? item : item.uid);
    if (pod?.dto !== 'pod') continue;
    counts.set(pod.status, (counts.get(pod.status) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

const podCountsCache = new WeakMap<ReadonlyMap<string, ObjectDto>, string>();

/** "Running 3 · Pending 1" style counts of pod STATUS values (computed once per objects map). */
export function selectPodCounts(s: StoreState): string {
  const view = viewOf(s);
  const cached = podCountsCache.get(view.objects);
  if (cached !== undefined) return cached;
  const text = statusCounts(view, view.topology.pods).map(([status, n]) => `${status} ${n}`).join(' · ');
  podCountsCache.set(view.objects, text);
  return text;
}

export function formatCpu(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  return `${milli}m`;
}

const BINARY = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
] as const;

export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [suffix, size] of BINARY) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)}${suffix}`;
    }
  }
  return String(bytes);
}
