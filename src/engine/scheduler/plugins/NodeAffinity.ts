import type { Node, Pod } from '../../api/types';
import { LabelSelectorError, newRequirement, selectorFromRequirements, selectorFromSet, type Operator, type Selector } from '../../api/labels';
import { defaultNormalizeScore, MAX_NODE_SCORE, SKIP, unresolvable, type SchedulerPlugin } from '../framework';

export const NODE_AFFINITY = 'NodeAffinity';
/** ErrReasonPod. */
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** errReasonConflict: every required term pins conflicting node names. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

interface NodeSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}
interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

interface ParsedTerm {
  readonly labels?: Selector;
  readonly fields?: readonly { readonly op: 'In' | 'NotIn'; readonly key: string; readonly value: string }[];
  readonly error?: string;
}

const OPERATORS: Readonly<Record<string, Operator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' };

/** newNodeSelectorTerm: label requirements and metadata.name field requirements; errors make the term match nothing. */
function parseTerm(term: NodeSelectorTerm): ParsedTerm {
  let labels: Selector | undefined;
  let fields: { op: 'In' | 'NotIn'; key: string; value: string }[] | undefined;
  try {
    if ((term.matchExpressions ?? []).length > 0) {
      labels = selectorFromRequirements(
        term.matchExpressions!.map((e) => {
          const op = OPERATORS[e.operator ?? ''];
          if (!op) throw new LabelSelectorError(`Unsupported value: "${e.operator ?? ''}"`);
          return newRequirement(e.key ?? '', op, e.values ?? []);
        }),
      );
    }
    if ((term.matchFields ?? []).length > 0) {
      fields = term.matchFields!.map((f) => {
        if (f.operator !== 'In' && f.operator !== 'NotIn') throw new LabelSelectorError(`Unsupported value: "${f.operator ?? ''}"`);
        if ((f.values ?? []).length !== 1) throw new LabelSelectorError('must have one element');
        return { op: f.operator, key: f.key ?? '', value: f.values![0] };
      });
    }
  } catch (error) {
    if (!(error instanceof LabelSelectorError)) throw error;
    return { error: error.message };
  }
  return { labels, fields };
}

function termMatches(term: ParsedTerm, node: Node): boolean {
  if (term.error) return false;
  if (term.labels && !term.labels.matches(node.metadata?.labels ?? {})) return false;
  if (term.fields && node.metadata?.name) {
    for (const f of term.fields) {
      const value = f.key === 'metadata.name' ? node.metadata.name : '';
      if (f.op === 'In' ? value !== f.value : value === f.value) return false;
    }
  }
  return true;
}

function isEmptyTerm(term: NodeSelectorTerm): boolean {
  return (term.matchExpressions ?? []).length === 0 && (term.matchFields ?? []).length === 0;
}

interface RequiredNodeAffinity {
  readonly nodeSelector?: Selector;
  /** undefined: no required node affinity; empty: a required affinity whose terms are all empty (matches nothing). */
  readonly terms?: readonly ParsedTerm[];
}

const requiredCache = new WeakMap<object, RequiredNodeAffinity>();

/** nodeaffinity.GetRequiredNodeAffinity: spec.nodeSelector AND the required node affinity terms (ORed). */
export function requiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  let cached = requiredCache.get(pod);
  if (cached) return cached;
  const nodeSelector = pod.spec?.nodeSelector && Object.keys(pod.spec.nodeSelector).length > 0 ? selectorFromSet(pod.spec.nodeSelector) : undefined;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution as { nodeSelectorTerms?: NodeSelectorTerm[] } | undefined;
  const terms = required ? (required.nodeSelectorTerms ?? []).filter((t) => !isEmptyTerm(t)).map(parseTerm) : undefined;
  cached = { nodeSelector, terms };
  requiredCache.set(pod, cached);
  return cached;
}

/** RequiredNodeAffinity.Match. */
export function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
  const r = requiredNodeAffinity(pod);
  if (r.nodeSelector && !r.nodeSelector.matches(node.metadata?.labels ?? {})) return false;
  if (r.terms) return r.terms.some((t) => termMatches(t, node));
  return true;
}

const preferredCache = new WeakMap<object, { weight: number; term: ParsedTerm }[]>();

/** NewPreferredSchedulingTerms: zero-weight and empty terms are dropped. */
function preferredTerms(pod: Pod): { weight: number; term: ParsedTerm }[] {
  let cached = preferredCache.get(pod);
  if (cached) return cached;
  const list = (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as { weight?: number; preference?: NodeSelectorTerm }[];
  cached = list.filter((p) => (p.weight ?? 0) !== 0 && !isEmptyTerm(p.preference ?? {})).map((p) => ({ weight: p.weight ?? 0, term: parseTerm(p.preference ?? {}) }));
  preferredCache.set(pod, cached);
  return cached;
}

/** The node names a required term pins with `matchFields metadata.name In` (DaemonSet pods), or undefined. */
function pinnedNodeNames(pod: Pod): Set<string> | undefined | 'conflict' {
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution as { nodeSelectorTerms?: NodeSelectorTerm[] } | undefined;
  const terms = required?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const f of t.matchFields ?? []) {
      if (f.key !== 'metadata.name' || f.operator !== 'In') continue;
      const s = new Set(f.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    // A term without a name restriction allows every node (terms are ORed).
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  if (names && names.size === 0) return 'conflict';
  return names;
}

/**
 * Models pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go and
 * component-helpers/scheduling/corev1/nodeaffinity: the filter needs spec.nodeSelector and a
 * required term to match; PreFilter narrows the node list to names pinned by matchFields; the
 * score sums the weights of matching preferred terms.
 */
export const NodeAffinity: SchedulerPlugin = {
  name: NODE_AFFINITY,
  scoreWeight: 2,
  preFilter(_h, _state, pod) {
    const hasRequired = Boolean(pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    if (!hasRequired && !pod.spec?.nodeSelector) return { status: SKIP };
    const pinned = pinnedNodeNames(pod);
    if (pinned === 'conflict') return { status: unresolvable(ERR_REASON_CONFLICT) };
    return pinned ? { nodeNames: pinned } : undefined;
  },
  filter(_h, _state, pod, nodeInfo) {
    return matchesRequiredNodeAffinity(pod, nodeInfo.node) ? undefined : unresolvable(ERR_REASON_NODE_AFFINITY);
  },
  preScore(_h, _state, pod) {
    return preferredTerms(pod).length === 0 && !pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ? SKIP : undefined;
  },
  score(_h, _state, pod, nodeInfo) {
    let total = 0;
    for (const p of preferredTerms(pod)) if (termMatches(p.term, nodeInfo.node)) total += p.weight;
    return total;
  },
  normalizeScore(_h, _state, _pod, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  },
  isSchedulableAfter(pod, event) {
    if (event.type === 'NodeAdd') return matchesRequiredNodeAffinity(pod, event.node);
    if (event.type === 'NodeUpdate' && event.changes.has('labels')) {
      return matchesRequiredNodeAffinity(pod, event.node) && !matchesRequiredNodeAffinity(pod, event.old);
    }
    return false;
  },
};
