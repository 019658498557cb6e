import type { Node, Pod, ReplicaSet, ReplicationController } from '../../api/types';
import { LabelSelectorError, newRequirement, NOTHING, selectorFromLabelSelector, selectorFromRequirements, selectorFromSet, type Selector } from '../../api/labels';
import { MAX_NODE_SCORE, SKIP, unresolvable, unschedulable, type SchedulerPlugin, type SchedulingHandle } from '../framework';
import type { NodeInfo } from '../NodeInfo';
import { findUntoleratedTaint, isDoNotScheduleTaint } from '../taints';
import { matchesRequiredNodeAffinity } from './NodeAffinity';

export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
/** ErrReasonConstraintsNotMatch. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** ErrReasonNodeLabelNotMatch. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)';

const LABEL_HOSTNAME = 'kubernetes.io/hostname';
const LABEL_ZONE = 'topology.kubernetes.io/zone';
const PRE_FILTER_KEY = 'PreFilter' + POD_TOPOLOGY_SPREAD;
const PRE_SCORE_KEY = 'PreScore' + POD_TOPOLOGY_SPREAD;

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  readonly nodeAffinityPolicy: 'Honor' | 'Ignore';
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/** The kube-scheduler's system default constraints (ScheduleAnyway), used for pods that set none. */
const SYSTEM_DEFAULTS: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

interface RawConstraint {
  maxSkew?: number;
  topologyKey?: string;
  whenUnsatisfiable?: string;
  labelSelector?: unknown;
  minDomains?: number;
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
  matchLabelKeys?: string[];
}

function selectorOf(c: RawConstraint, podLabels: Record<string, string>): Selector {
  let selector: Selector;
  try {
    selector = selectorFromLabelSelector(c.labelSelector as never);
    // matchLabelKeys: the pod's own values for these keys are ANDed into the selector.
    const extra = (c.matchLabelKeys ?? []).filter((k) => k in podLabels).map((k) => newRequirement(k, 'in', [podLabels[k]]));
    if (extra.length > 0 && selector !== NOTHING) selector = selectorFromRequirements([...selector.requirements, ...extra]);
  } catch (error) {
    if (!(error instanceof LabelSelectorError)) throw error;
    selector = NOTHING;
  }
  return selector;
}

/** filterTopologySpreadConstraints: the pod's constraints with the given whenUnsatisfiable. */
export function podConstraints(pod: Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  const labels = pod.metadata?.labels ?? {};
  return ((pod.spec?.topologySpreadConstraints ?? []) as RawConstraint[])
    .filter((c) => (c.whenUnsatisfiable ?? 'DoNotSchedule') === action)
    .map((c) => ({
      maxSkew: c.maxSkew ?? 1,
      topologyKey: c.topologyKey ?? '',
      selector: selectorOf(c, labels),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    }));
}

const rsSelectorCache = new WeakMap<object, Selector | null>();
const systemDefaultsCache = new WeakMap<Selector, SpreadConstraint[]>();

/** The system default constraints for a default selector, built once per selector (read-only, shared by every cycle). */
function systemDefaultConstraints(selector: Selector): SpreadConstraint[] {
  let constraints = systemDefaultsCache.get(selector);
  if (!constraints) {
    constraints = SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, minDomains: 1, nodeAffinityPolicy: 'Honor' as const, nodeTaintsPolicy: 'Ignore' as const }));
    systemDefaultsCache.set(selector, constraints);
  }
  return constraints;
}

/**
 * helper.DefaultSelector: the selector of the pod's controlling ReplicaSet / ReplicationController
 * (Services and StatefulSets are not simulated). Empty when the pod has no such owner.
 */
export function defaultSelector(pod: Pod, h: SchedulingHandle): Selector | undefined {
  const ref = pod.metadata?.ownerReferences?.find((r) => r.controller);
  if (!ref) return undefined;
  const ns = pod.metadata?.namespace;
  if (ref.kind === 'ReplicaSet' && ref.apiVersion.startsWith('apps/')) {
    const rs = h.view.get<ReplicaSet>('ReplicaSet', ns, ref.name);
    if (!rs) return undefined;
    // Parsed once per selector object (stored objects are immutable; RS status writes share it), not per pod.
    const key: object = rs.spec?.selector ?? rs;
    const cached = rsSelectorCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let parsed: Selector | null;
    try {
      const s = selectorFromLabelSelector(rs.spec?.selector as never);
      parsed = s.requirements.length > 0 ? s : null;
    } catch {
      parsed = null;
    }
    rsSelectorCache.set(key, parsed);
    return parsed ?? undefined;
  }
  if (ref.kind === 'ReplicationController' && ref.apiVersion === 'v1') {
    const rc = h.view.get<ReplicationController>('ReplicationController', ns, ref.name);
    const s = selectorFromSet(rc?.spec?.selector);
    return s.requirements.length > 0 ? s : undefined;
  }
  return undefined;
}

function matchesInclusion(c: SpreadConstraint, pod: Pod, node: Node): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequiredNodeAffinity(pod, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, isDoNotScheduleTaint)) return false;
  return true;
}

function hasAllKeys(node: Node, constraints: readonly SpreadConstraint[]): boolean {
  const labels = node.metadata?.labels ?? {};
  return constraints.every((c) => c.topologyKey in labels);
}

/** countPodsMatchSelector per node: matching, non-terminating pods of the namespace (kept by the cache). */
function matchingCountsByNode(h: SchedulingHandle, selector: Selector, namespace: string): ReadonlyMap<string, number> {
  if (selector === NOTHING || selector.requirements.length === 0) return new Map();
  return h.cache.matchingCounts(namespace, selector);
}

class PreFilterState {
  constructor(
    readonly constraints: SpreadConstraint[],
    /** Per constraint: topology value → matching pods in that domain (eligible domains only). */
    readonly matchNum: Map<string, number>[],
  ) {}
  /** minMatchNum per constraint, memoized: Filter asks for every node, and only `update` changes it. */
  private mins: (number | undefined)[] = [];
  minMatchNum(i: number): number {
    const memo = this.mins[i];
    if (memo !== undefined) return memo;
    const m = this.matchNum[i];
    let min = 0;
    if (m.size >= this.constraints[i].minDomains) {
      min = Number.MAX_SAFE_INTEGER;
      for (const v of m.values()) if (v < min) min = v;
    }
    this.mins[i] = min;
    return min;
  }
  clone(): PreFilterState {
    return new PreFilterState(this.constraints, this.matchNum.map((m) => new Map(m)));
  }
  update(h: SchedulingHandle, pod: Pod, changed: Pod, node: NodeInfo, delta: number): void {
    if ((changed.metadata?.namespace ?? 'default') !== (pod.metadata?.namespace ?? 'default')) return;
    if (!hasAllKeys(node.node, this.constraints)) return;
    this.mins = [];
    this.constraints.forEach((c, i) => {
      if (!matchesInclusion(c, pod, node.node) || !c.selector.matches(changed.metadata?.labels ?? {})) return;
      const value = node.node.metadata.labels![c.topologyKey];
      this.matchNum[i].set(value, (this.matchNum[i].get(value) ?? 0) + delta);
    });
  }
}

interface PreScoreState {
  readonly constraints: SpreadConstraint[];
  readonly ignored: Set<string>;
  /** Per constraint (non-hostname): topology value → matching pods. */
  readonly pairCounts: Map<string, number>[];
  /** Per constraint with the hostname key: node → matching pods. */
  readonly hostCounts: ReadonlyMap<string, number>[];
  readonly weights: number[];
}

/**
 * Models pkg/scheduler/framework/plugins/podtopologyspread (filtering.go, scoring.go, common.go).
 * DoNotSchedule constraints filter by skew = matching pods in the node's domain + (1 if the pod
 * matches itself) − the smallest count over eligible domains; ScheduleAnyway constraints (or, for
 * pods owned by a ReplicaSet/ReplicationController, the system defaults: hostname maxSkew 3, zone
 * maxSkew 5) score nodes with fewer matching pods higher, which spreads replicas.
 */
export const PodTopologySpread: SchedulerPlugin = {
  name: POD_TOPOLOGY_SPREAD,
  scoreWeight: 2,
  preFilter(h, state, pod) {
    // No constraints at all (the usual pod): the same Skip, without building the empty list.
    const raw = pod.spec?.topologySpreadConstraints;
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return { status: SKIP };
    const constraints = podConstraints(pod, 'DoNotSchedule');
    if (constraints.length === 0) return { status: SKIP };
    const ns = pod.metadata?.namespace ?? 'default';
    const matchNum = constraints.map(() => new Map<string, number>());
    const perConstraintCounts = constraints.map((c) => matchingCountsByNode(h, c.selector, ns));
    for (const name of h.cache.nodeNames()) {
      const info = h.cache.nodeInfo(name);
      if (!info || !hasAllKeys(info.node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!matchesInclusion(c, pod, info.node)) return;
        const value = info.node.metadata.labels![c.topologyKey];
        matchNum[i].set(value, (matchNum[i].get(value) ?? 0) + (perConstraintCounts[i].get(name) ?? 0));
      });
    }
    state.write(PRE_FILTER_KEY, new PreFilterState(constraints, matchNum));
    return undefined;
  },
  filter(_h, state, pod, nodeInfo) {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s || s.constraints.length === 0) return undefined;
    const labels = nodeInfo.labels;
    const podLabels = pod.metadata?.labels ?? {};
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!(c.topologyKey in labels)) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
      const self = c.selector.matches(podLabels) ? 1 : 0;
      const skew = (s.matchNum[i].get(labels[c.topologyKey]) ?? 0) + self - s.minMatchNum(i);
      if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return undefined;
  },
  addPod(h, state, pod, added, node) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.update(h, pod, added, node, 1);
  },
  removePod(h, state, pod, removed, node) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.update(h, pod, removed, node, -1);
  },
  preScore(h, state, pod, feasible) {
    if (feasible.length === 0 || h.cache.numNodes() === 0) return SKIP;
    const own = (pod.spec?.topologySpreadConstraints ?? []).length > 0;
    let constraints: SpreadConstraint[];
    if (own) constraints = podConstraints(pod, 'ScheduleAnyway');
    else {
      const selector = defaultSelector(pod, h);
      constraints = selector ? systemDefaultConstraints(selector) : [];
    }
    if (constraints.length === 0) return SKIP;
    // System-default spreading does not require nodes to carry every topology key.
    const requireAll = own;
    const ns = pod.metadata?.namespace ?? 'default';
    const ignored = new Set<string>();
    const domains = constraints.map(() => new Set<string>());
    // Plain loops: this runs over every feasible node of every cycle.
    const keyCarried = constraints.map(() => false);
    for (let f = 0; f < feasible.length; f++) {
      const info = feasible[f];
      const labels = info.labels;
      const isIgnored = requireAll && !hasAllKeys(info.node, constraints);
      if (isIgnored) ignored.add(info.name);
      for (let i = 0; i < constraints.length; i++) {
        const key = constraints[i].topologyKey;
        if (key === LABEL_HOSTNAME) continue;
        // Ignored nodes still count as carrying the key (below), not as domains.
        if (key in labels) keyCarried[i] = true;
        if (!isIgnored) domains[i].add(labels[key] ?? '');
      }
    }
    const pairCounts = constraints.map(() => new Map<string, number>());
    const hostCounts: ReadonlyMap<string, number>[] = constraints.map(() => new Map<string, number>());
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      // A key no feasible node carries adds nothing to any score: skip counting it.
      if (c.topologyKey !== LABEL_HOSTNAME && !keyCarried[i]) continue;
      const counts = matchingCountsByNode(h, c.selector, ns);
      if (c.topologyKey === LABEL_HOSTNAME) {
        hostCounts[i] = counts;
        continue;
      }
      for (const v of domains[i]) pairCounts[i].set(v, 0);
      for (const [nodeName, n] of counts) {
        const info = h.cache.nodeInfo(nodeName);
        if (!info) continue;
        if (requireAll && !hasAllKeys(info.node, constraints)) continue;
        if (!matchesInclusion(c, pod, info.node)) continue;
        const value = info.node.metadata.labels?.[c.topologyKey] ?? '';
        if (pairCounts[i].has(value)) pairCounts[i].set(value, pairCounts[i].get(value)! + n);
      }
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : domains[i].size) + 2));
    state.write(PRE_SCORE_KEY, { constraints, ignored, pairCounts, hostCounts, weights } satisfies PreScoreState);
    return undefined;
  },
  score(_h, state, _pod, nodeInfo) {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (!s || (s.ignored.size > 0 && s.ignored.has(nodeInfo.name))) return 0;
    const labels = nodeInfo.labels;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!(c.topologyKey in labels)) continue;
      const count = c.topologyKey === LABEL_HOSTNAME ? (s.hostCounts[i].get(nodeInfo.name) ?? 0) : (s.pairCounts[i].get(labels[c.topologyKey]) ?? 0);
      score += count * s.weights[i] + (c.maxSkew - 1);
    }
    return Math.round(score);
  },
  normalizeScore(_h, state, _pod, scores) {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (!s) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (const sc of scores) {
      if (s.ignored.has(sc.name)) continue;
      if (sc.score < min) min = sc.score;
      if (sc.score > max) max = sc.score;
    }
    for (const sc of scores) {
      if (s.ignored.has(sc.name)) sc.score = 0;
      else if (max === 0) sc.score = MAX_NODE_SCORE;
      else sc.score = Math.trunc((MAX_NODE_SCORE * (max + min - sc.score)) / max);
    }
  },
  isSchedulableAfter(pod, event) {
    const constraints = podConstraints(pod, 'DoNotSchedule');
    if (constraints.length === 0) return false;
    const relevantPod = (p: Pod) => (p.metadata?.namespace ?? 'default') === (pod.metadata?.namespace ?? 'default') && constraints.some((c) => c.selector.matches(p.metadata?.labels ?? {}));
    switch (event.type) {
      case 'AssignedPodAdd':
      case 'AssignedPodDelete':
        return relevantPod(event.pod);
      case 'AssignedPodUpdate':
        return relevantPod(event.pod) || relevantPod(event.old);
      case 'NodeAdd':
        return hasAllKeys(event.node, constraints);
      case 'NodeUpdate':
        return event.changes.has('labels') || event.changes.has('taints');
      case 'NodeDelete':
        return true;
      default:
        return false;
    }
  },
};

