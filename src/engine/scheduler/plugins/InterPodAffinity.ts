import type { Node, Pod, Typed } from '../../api/types';
import type { Labels } from '../../api/labels';
import { SKIP, MAX_NODE_SCORE, unresolvable, unschedulable, type SchedulerPlugin, type SchedulingHandle } from '../framework';
import type { NodeInfo } from '../NodeInfo';
import { mergeNamespaceSelector, podAffinityInfo, termMatches, type AffinityTerm, type WeightedAffinityTerm } from '../affinityTerms';

export const INTER_POD_AFFINITY = 'InterPodAffinity';
/** ErrReasonExistingAntiAffinityRulesNotMatch. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
/** ErrReasonAffinityRulesNotMatch. */
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
/** ErrReasonAntiAffinityRulesNotMatch. */
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

/** InterPodAffinityArgs.HardPodAffinityWeight default. */
const HARD_POD_AFFINITY_WEIGHT = 1;
const PRE_FILTER_KEY = 'PreFilter' + INTER_POD_AFFINITY;
const PRE_SCORE_KEY = 'PreScore' + INTER_POD_AFFINITY;

type Counts = Map<string, number>;
const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

function nodeOf(h: SchedulingHandle, pod: Pod): Typed<Node> | undefined {
  const name = pod.spec?.nodeName;
  return name ? h.view.get<Node>('Node', undefined, name) : undefined;
}

function bump(counts: Counts, node: Node, topologyKey: string, delta: number): void {
  const value = node.metadata?.labels?.[topologyKey];
  if (value === undefined) return;
  const k = pairKey(topologyKey, value);
  const next = (counts.get(k) ?? 0) + delta;
  if (next === 0) counts.delete(k);
  else counts.set(k, next);
}

function matchesAll(terms: readonly AffinityTerm[], pod: Pod): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, undefined));
}

class PreFilterState {
  constructor(
    readonly pod: Typed<Pod>,
    readonly affinityTerms: readonly AffinityTerm[],
    readonly antiAffinityTerms: readonly AffinityTerm[],
    readonly namespaceLabels: Labels,
    /** Topology pairs where existing pods' required anti-affinity matches the incoming pod. */
    readonly existingAntiAffinity: Counts,
    /** Topology pairs with pods matching all of the incoming pod's affinity terms. */
    readonly affinity: Counts,
    /** Topology pairs with pods matching one of the incoming pod's anti-affinity terms. */
    readonly antiAffinity: Counts,
  ) {}
  clone(): PreFilterState {
    return new PreFilterState(this.pod, this.affinityTerms, this.antiAffinityTerms, this.namespaceLabels, new Map(this.existingAntiAffinity), new Map(this.affinity), new Map(this.antiAffinity));
  }
  /** preFilterState.updateWithPod. */
  update(other: Pod, node: Node, delta: number): void {
    for (const t of podAffinityInfo(other).requiredAntiAffinity) if (termMatches(t, this.pod, this.namespaceLabels)) bump(this.existingAntiAffinity, node, t.topologyKey, delta);
    if (matchesAll(this.affinityTerms, other)) for (const t of this.affinityTerms) bump(this.affinity, node, t.topologyKey, delta);
    for (const t of this.antiAffinityTerms) if (termMatches(t, other, undefined)) bump(this.antiAffinity, node, t.topologyKey, delta);
  }
}

function satisfiesExistingAntiAffinity(s: PreFilterState, node: Node): boolean {
  if (s.existingAntiAffinity.size === 0) return true;
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) if ((s.existingAntiAffinity.get(pairKey(k, v)) ?? 0) > 0) return false;
  return true;
}

function satisfiesAntiAffinity(s: PreFilterState, node: Node): boolean {
  if (s.antiAffinity.size === 0) return true;
  const labels = node.metadata?.labels ?? {};
  for (const t of s.antiAffinityTerms) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiAffinity.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesAffinity(s: PreFilterState, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  let podsExist = true;
  for (const t of s.affinityTerms) {
    const v = labels[t.topologyKey];
    if (v === undefined) return false; // every topology key must exist on the node
    if ((s.affinity.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself: allowed if nothing else matches yet.
  return s.affinity.size === 0 && matchesAll(s.affinityTerms, s.pod);
}

/** Topology key → value → score, as scoring.go's scoreMap. */
type ScoreMap = Map<string, Map<string, number>>;

function addScore(m: ScoreMap, term: AffinityTerm, weight: number, pod: Pod, nsLabels: Labels | undefined, node: Node, multiplier: number): void {
  if (!termMatches(term, pod, nsLabels)) return;
  const value = node.metadata?.labels?.[term.topologyKey];
  if (value === undefined) return;
  let inner = m.get(term.topologyKey);
  if (!inner) m.set(term.topologyKey, (inner = new Map()));
  inner.set(value, (inner.get(value) ?? 0) + weight * multiplier);
}

/**
 * Models pkg/scheduler/framework/plugins/interpodaffinity (filtering.go, scoring.go). Required
 * affinity needs a matching pod in the node's topology domain; required anti-affinity (the pod's own,
 * or an existing pod's that matches this pod) forbids one. Preferred terms add or subtract their
 * weight per topology domain; scores are min-max normalised.
 */
export const InterPodAffinity: SchedulerPlugin = {
  name: INTER_POD_AFFINITY,
  scoreWeight: 2,
  preFilter(h, state, pod) {
    const info = podAffinityInfo(pod);
    if (info.parseError) return { status: unresolvable(`parsing pod: ${info.parseError}`) };
    // Nothing to count either way (the usual pod): Skip, as the full pass below would, without its maps.
    if (info.requiredAffinity.length === 0 && info.requiredAntiAffinity.length === 0 && !h.cache.hasPodsWithRequiredAntiAffinity()) return { status: SKIP };
    // Listed only when a term needs them: most pods have no inter-pod affinity at all.
    const namespaces = info.requiredAffinity.length > 0 || info.requiredAntiAffinity.length > 0 ? h.cache.namespaces() : [];
    const affinityTerms = info.requiredAffinity.map((t) => mergeNamespaceSelector(t, namespaces));
    const antiAffinityTerms = info.requiredAntiAffinity.map((t) => mergeNamespaceSelector(t, namespaces));
    const nsLabels = h.cache.namespaceLabels(pod.metadata.namespace ?? 'default') ?? {};
    const existing: Counts = new Map();
    for (const other of h.cache.podsWithRequiredAntiAffinity()) {
      const node = nodeOf(h, other);
      if (!node) continue;
      for (const t of podAffinityInfo(other).requiredAntiAffinity) if (termMatches(t, pod, nsLabels)) bump(existing, node, t.topologyKey, 1);
    }
    const affinity: Counts = new Map();
    if (affinityTerms.length > 0) {
      for (const other of h.cache.podsMatching(affinityTerms[0].namespaces, affinityTerms[0].selector)) {
        if (!matchesAll(affinityTerms, other)) continue;
        const node = nodeOf(h, other);
        if (node) for (const t of affinityTerms) bump(affinity, node, t.topologyKey, 1);
      }
    }
    const antiAffinity: Counts = new Map();
    for (const t of antiAffinityTerms) {
      for (const other of h.cache.podsMatching(t.namespaces, t.selector)) {
        const node = nodeOf(h, other);
        if (node) bump(antiAffinity, node, t.topologyKey, 1);
      }
    }
    if (existing.size === 0 && affinityTerms.length === 0 && antiAffinityTerms.length === 0) return { status: SKIP };
    state.write(PRE_FILTER_KEY, new PreFilterState(pod, affinityTerms, antiAffinityTerms, nsLabels, existing, affinity, antiAffinity));
    return undefined;
  },
  filter(_h, state, _pod, nodeInfo) {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s) return undefined;
    if (!satisfiesAffinity(s, nodeInfo.node)) return unresolvable(ERR_REASON_AFFINITY);
    if (!satisfiesAntiAffinity(s, nodeInfo.node)) return unschedulable(ERR_REASON_ANTI_AFFINITY);
    if (!satisfiesExistingAntiAffinity(s, nodeInfo.node)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
    return undefined;
  },
  addPod(_h, state, _pod, added, node: NodeInfo) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.update(added, node.node, 1);
  },
  removePod(_h, state, _pod, removed, node: NodeInfo) {
    state.read<PreFilterState>(PRE_FILTER_KEY)?.update(removed, node.node, -1);
  },
  preScore(h, state, pod, feasible) {
    if (feasible.length === 0) return SKIP;
    const info = podAffinityInfo(pod);
    // No terms on either side: no scores, so Skip as the full pass below would, without its allocations.
    if (info.preferredAffinity.length === 0 && info.preferredAntiAffinity.length === 0 && !h.cache.hasPodsWithAffinity()) return SKIP;
    const namespaces = info.preferredAffinity.length > 0 || info.preferredAntiAffinity.length > 0 ? h.cache.namespaces() : [];
    const prefAffinity = info.preferredAffinity.map((t) => mergeNamespaceSelector(t, namespaces) as WeightedAffinityTerm);
    const prefAnti = info.preferredAntiAffinity.map((t) => mergeNamespaceSelector(t, namespaces) as WeightedAffinityTerm);
    const nsLabels = h.cache.namespaceLabels(pod.metadata.namespace ?? 'default') ?? {};
    const scores: ScoreMap = new Map();
    // The incoming pod's preferred terms against the pods they select.
    for (const [terms, sign] of [[prefAffinity, 1], [prefAnti, -1]] as const) {
      for (const t of terms) {
        for (const other of h.cache.podsMatching(t.namespaces, t.selector)) {
          const node = nodeOf(h, other);
          if (node && Object.keys(node.metadata.labels ?? {}).length > 0) addScore(scores, t, t.weight, other, undefined, node, sign);
        }
      }
    }
    // Existing pods' terms against the incoming pod (symmetry).
    for (const other of h.cache.podsWithAffinity()) {
      const node = nodeOf(h, other);
      if (!node || Object.keys(node.metadata.labels ?? {}).length === 0) continue;
      const o = podAffinityInfo(other);
      for (const t of o.requiredAffinity) addScore(scores, t, HARD_POD_AFFINITY_WEIGHT, pod, nsLabels, node, 1);
      for (const t of o.preferredAffinity) addScore(scores, t, t.weight, pod, nsLabels, node, 1);
      for (const t of o.preferredAntiAffinity) addScore(scores, t, t.weight, pod, nsLabels, node, -1);
    }
    if (scores.size === 0) return SKIP;
    state.write(PRE_SCORE_KEY, scores);
    return undefined;
  },
  score(_h, state, _pod, nodeInfo) {
    const scores = state.read<ScoreMap>(PRE_SCORE_KEY);
    if (!scores) return 0;
    const labels = nodeInfo.node.metadata.labels ?? {};
    let total = 0;
    for (const [key, values] of scores) {
      const v = labels[key];
      if (v !== undefined) total += values.get(v) ?? 0;
    }
    return total;
  },
  normalizeScore(_h, state, _pod, scores) {
    if (!state.read<ScoreMap>(PRE_SCORE_KEY)) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = Number.MIN_SAFE_INTEGER;
    for (const s of scores) {
      if (s.score > max) max = s.score;
      if (s.score < min) min = s.score;
    }
    const diff = max - min;
    for (const s of scores) s.score = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s.score - min) / diff)) : 0;
  },
  isSchedulableAfter(pod, event) {
    const info = podAffinityInfo(pod);
    switch (event.type) {
      case 'AssignedPodAdd':
        return matchesAll(info.requiredAffinity, event.pod);
      case 'AssignedPodUpdate':
        return (!matchesAll(info.requiredAffinity, event.old) && matchesAll(info.requiredAffinity, event.pod)) || (matchesAll(info.requiredAntiAffinity, event.old) && !matchesAll(info.requiredAntiAffinity, event.pod));
      case 'AssignedPodDelete':
        return info.requiredAntiAffinity.some((t) => termMatches(t, event.pod, undefined)) || podAffinityInfo(event.pod).requiredAntiAffinity.some((t) => termMatches(t, pod, undefined));
      case 'NodeAdd':
        return true;
      case 'NodeUpdate':
        return event.changes.has('labels');
      default:
        return false;
    }
  },
};
