import type { Pod } from '../api/types';
import { EVERYTHING, LabelSelectorError, NOTHING, selectorFromLabelSelector, type Labels, type Selector } from '../api/labels';

/**
 * Parsed inter-pod (anti-)affinity terms. Models pkg/scheduler/framework/types.go AffinityTerm,
 * newAffinityTerm and getNamespacesFromPodAffinityTerm.
 */
export interface AffinityTerm {
  /** Namespaces named by the term (the pod's own namespace when neither namespaces nor namespaceSelector is set). */
  readonly namespaces: ReadonlySet<string>;
  /** NOTHING when the term has no namespaceSelector. */
  readonly namespaceSelector: Selector;
  readonly selector: Selector;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

export interface PodAffinityInfo {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinity: readonly WeightedAffinityTerm[];
  /** A selector that did not convert (validation normally prevents it); the pod is then unschedulable. */
  readonly parseError?: string;
}

interface RawTerm {
  labelSelector?: unknown;
  namespaceSelector?: unknown;
  namespaces?: string[];
  topologyKey?: string;
}

function selectorOf(value: unknown, errors: string[]): Selector {
  try {
    return selectorFromLabelSelector(value as never);
  } catch (error) {
    if (!(error instanceof LabelSelectorError)) throw error;
    errors.push(error.message);
    return NOTHING;
  }
}

function parseTerm(pod: Pod, term: RawTerm, errors: string[]): AffinityTerm {
  const namespaces = new Set<string>(term.namespaces ?? []);
  if ((term.namespaces ?? []).length === 0 && (term.namespaceSelector === undefined || term.namespaceSelector === null)) {
    namespaces.add(pod.metadata?.namespace ?? 'default');
  }
  return {
    namespaces,
    namespaceSelector: term.namespaceSelector === undefined || term.namespaceSelector === null ? NOTHING : selectorOf(term.namespaceSelector, errors),
    selector: selectorOf(term.labelSelector, errors),
    topologyKey: term.topologyKey ?? '',
  };
}

const cache = new WeakMap<object, PodAffinityInfo>();
const EMPTY: PodAffinityInfo = Object.freeze({ requiredAffinity: [], requiredAntiAffinity: [], preferredAffinity: [], preferredAntiAffinity: [] });

/** framework.NewPodInfo's affinity part, cached per stored pod object. */
export function podAffinityInfo(pod: Pod): PodAffinityInfo {
  const cached = cache.get(pod);
  if (cached) return cached;
  const affinity = pod.spec?.affinity;
  if (!affinity?.podAffinity && !affinity?.podAntiAffinity) {
    cache.set(pod, EMPTY);
    return EMPTY;
  }
  const errors: string[] = [];
  const required = (list: readonly RawTerm[] | undefined) => (list ?? []).map((t) => parseTerm(pod, t, errors));
  const preferred = (list: readonly { weight?: number; podAffinityTerm?: RawTerm }[] | undefined) =>
    (list ?? []).map((w) => ({ ...parseTerm(pod, w.podAffinityTerm ?? {}, errors), weight: w.weight ?? 0 }));
  const info: PodAffinityInfo = {
    requiredAffinity: required(affinity.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution as RawTerm[] | undefined),
    requiredAntiAffinity: required(affinity.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution as RawTerm[] | undefined),
    preferredAffinity: preferred(affinity.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution as never),
    preferredAntiAffinity: preferred(affinity.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution as never),
    ...(errors.length > 0 ? { parseError: errors[0] } : {}),
  };
  cache.set(pod, info);
  return info;
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces (or a selected one) and has matching labels. */
export function termMatches(term: AffinityTerm, pod: Pod, namespaceLabels: Labels | undefined): boolean {
  const ns = pod.metadata?.namespace ?? 'default';
  if (term.namespaces.has(ns) || (namespaceLabels !== undefined && term.namespaceSelector.matches(namespaceLabels))) {
    return term.selector.matches(pod.metadata?.labels ?? {});
  }
  return false;
}

/**
 * mergeAffinityTermNamespacesIfNotEmpty: for the incoming pod, a namespaceSelector is resolved
 * against the current namespaces once and folded into the namespace set.
 */
export function mergeNamespaceSelector(term: AffinityTerm, namespaces: readonly { name: string; labels: Labels | undefined }[]): AffinityTerm {
  if (term.namespaceSelector === NOTHING) return term;
  const merged = new Set(term.namespaces);
  for (const ns of namespaces) if (term.namespaceSelector.matches(ns.labels ?? {})) merged.add(ns.name);
  return { ...term, namespaces: merged, namespaceSelector: NOTHING };
}

export function hasRequiredAntiAffinity(pod: Pod): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
}

/** Pods that InterPodAffinity scoring must look at even when the incoming pod has no preferences (PodsWithAffinity). */
export function hasAnyPodAffinity(pod: Pod): boolean {
  const a = pod.spec?.affinity;
  return Boolean(a?.podAffinity || a?.podAntiAffinity);
}

export { EVERYTHING, NOTHING };
