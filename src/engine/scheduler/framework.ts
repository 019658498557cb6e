import type { Node, Pod, Typed } from '../api/types';
import type { StoreView } from '../store/ObjectStore';
import type { NodeInfo } from './NodeInfo';
import type { SchedulerCache } from './SchedulerCache';

/**
 * The scheduling framework's vocabulary: statuses, cycle state, plugin extension points, cluster
 * events for requeueing. Models pkg/scheduler/framework/interface.go and cycle_state.go.
 */

export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip' | 'Error';

export interface Status {
  readonly code: StatusCode;
  readonly reasons: readonly string[];
  /** The plugin that produced a rejection (Status.WithPlugin). */
  readonly plugin?: string;
}

export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: [] });
export const SKIP: Status = Object.freeze({ code: 'Skip', reasons: [] });

export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/** Status.IsRejected. */
export function isRejected(s: Status | undefined): boolean {
  return s?.code === 'Unschedulable' || s?.code === 'UnschedulableAndUnresolvable';
}

/** Status.Message: reasons joined with ", ". */
export function statusMessage(s: Status): string {
  return s.reasons.join(', ');
}

/** Per-attempt plugin data (framework.CycleState); values with `clone` are deep-copied by clone(). */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Plugins whose PreFilter returned Skip: their Filter does not run. */
  readonly skipFilterPlugins = new Set<string>();
  /** The filter plugins that run, memoized per plugin list (Filter runs for every node of a cycle). */
  private filters: { from: readonly SchedulerPlugin[]; skipped: number; run: SchedulerPlugin[] } | undefined;

  /** `plugins` with a Filter, minus the skipped ones, in order. */
  filterPlugins(plugins: readonly SchedulerPlugin[]): readonly SchedulerPlugin[] {
    const memo = this.filters;
    // skipFilterPlugins only grows (PreFilter adds to it), so its size tells whether the memo is current.
    if (memo && memo.from === plugins && memo.skipped === this.skipFilterPlugins.size) return memo.run;
    const run = plugins.filter((pl) => pl.filter && !this.skipFilterPlugins.has(pl.name));
    this.filters = { from: plugins, skipped: this.skipFilterPlugins.size, run };
    return run;
  }

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  clone(): CycleState {
    const copy = new CycleState();
    for (const [k, v] of this.data) {
      const c = v as { clone?: () => unknown };
      copy.data.set(k, typeof c?.clone === 'function' ? c.clone() : v);
    }
    for (const p of this.skipFilterPlugins) copy.skipFilterPlugins.add(p);
    return copy;
  }
}

/** What plugins may read: the store (for owners, namespaces) and the scheduler's cache. */
export interface SchedulingHandle {
  readonly view: StoreView;
  readonly cache: SchedulerCache;
  readonly nowMs: number;
}

export interface NodeScore {
  readonly name: string;
  score: number;
}

export interface PreFilterOutcome {
  readonly status?: Status;
  /** PreFilterResult.NodeNames: only these nodes can pass; undefined means all nodes. */
  readonly nodeNames?: ReadonlySet<string>;
}

/** Which Node fields changed (the scheduler's NodeUpdate action types). */
export type NodeChange = 'labels' | 'taints' | 'allocatable' | 'unschedulable' | 'conditions' | 'annotations';

export type ClusterEvent =
  | { readonly type: 'NodeAdd'; readonly node: Typed<Node> }
  | { readonly type: 'NodeUpdate'; readonly old: Typed<Node>; readonly node: Typed<Node>; readonly changes: ReadonlySet<NodeChange> }
  | { readonly type: 'NodeDelete'; readonly node: Typed<Node> }
  | { readonly type: 'AssignedPodAdd'; readonly pod: Typed<Pod> }
  | { readonly type: 'AssignedPodUpdate'; readonly old: Typed<Pod>; readonly pod: Typed<Pod> }
  | { readonly type: 'AssignedPodDelete'; readonly pod: Typed<Pod> }
  | { readonly type: 'UnschedulableTimeout' };

/**
 * A scheduler plugin. Every extension point is optional; `filter` returns undefined for success.
 * `isSchedulableAfter` is the plugin's queueing hint: given a cluster event, could a pod this plugin
 * rejected now pass? (EnqueueExtensions.EventsToRegister + QueueingHintFn.)
 */
export interface SchedulerPlugin {
  readonly name: string;
  /** Weight in the default profile's score sum; absent for filter-only plugins. */
  readonly scoreWeight?: number;
  preFilter?(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>): PreFilterOutcome | undefined;
  filter?(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, node: NodeInfo): Status | undefined;
  /** PreFilterExtensions.AddPod / RemovePod: keep PreFilter state right when pods are added or removed hypothetically. */
  addPod?(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, added: Typed<Pod>, node: NodeInfo): void;
  removePod?(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, removed: Typed<Pod>, node: NodeInfo): void;
  /** Returns SKIP when the plugin has nothing to score for this pod. */
  preScore?(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, feasible: readonly NodeInfo[]): Status | undefined;
  score?(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, node: NodeInfo): number;
  normalizeScore?(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, scores: NodeScore[]): void;
  isSchedulableAfter?(pod: Typed<Pod>, event: ClusterEvent, h: SchedulingHandle): boolean;
}

/** framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;

/** helper.DefaultNormalizeScore: scale to 0..max by the highest score; `reverse` flips it. */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: NodeScore[]): void {
  let maxCount = 0;
  for (const s of scores) if (s.score > maxCount) maxCount = s.score;
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority;
    return;
  }
  for (const s of scores) {
    let score = Math.trunc((maxPriority * s.score) / maxCount);
    if (reverse) score = maxPriority - score;
    s.score = score;
  }
}

/** pod priority as corev1helpers.PodPriority reads it (spec.priority, 0 when unset). */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

export function podKeyOf(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}
