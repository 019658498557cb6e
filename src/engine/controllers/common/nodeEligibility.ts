import type { Node, NodeSelectorRequirementLike, PodSpec, Taint, Toleration } from './nodeTypes';

export type { NodeSelectorRequirementLike } from './nodeTypes';

/** Models core/v1 toleration.go ToleratesTaint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Models v1helper.FindMatchingUntoleratedTaint: the first taint passing `filter` that no toleration tolerates. */
export function findUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, filter: (taint: Taint) => boolean): Taint | undefined {
  for (const taint of taints ?? []) {
    if (!filter(taint)) continue;
    if (!(tolerations ?? []).some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}

const INT64_RE = /^[+-]?[0-9]+$/;

/** One node selector requirement against a value lookup (labels or fields), as nodeaffinity.go evaluates it. */
function requirementMatches(req: NodeSelectorRequirementLike, lookup: (key: string) => string | undefined, fields: boolean): boolean {
  const values = req.values ?? [];
  const value = lookup(req.key);
  switch (req.operator) {
    case 'In':
      return values.length > 0 && value !== undefined && values.includes(value);
    case 'NotIn':
      return values.length > 0 && (value === undefined || !values.includes(value));
    case 'Exists':
      return !fields && values.length === 0 && value !== undefined;
    case 'DoesNotExist':
      return !fields && values.length === 0 && value === undefined;
    case 'Gt':
    case 'Lt': {
      if (fields || values.length !== 1 || !INT64_RE.test(values[0]) || value === undefined || !INT64_RE.test(value)) return false;
      const have = BigInt(value);
      const want = BigInt(values[0]);
      return req.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/**
 * Models component-helpers nodeaffinity GetRequiredNodeAffinity(pod).Match(node): every nodeSelector
 * pair must match, and one of the required nodeSelectorTerms (ORed; a term with nothing in it
 * matches nothing; matchFields knows only metadata.name).
 */
export function matchesRequiredNodeAffinity(spec: PodSpec | undefined, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [key, value] of Object.entries(spec?.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  const fieldOf = (key: string) => (key === 'metadata.name' ? node.metadata?.name : undefined);
  return (required.nodeSelectorTerms ?? []).some((term) => {
    const expressions = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (expressions.length === 0 && fields.length === 0) return false;
    return expressions.every((req) => requirementMatches(req, (key) => labels[key], false)) && fields.every((req) => req.key === 'metadata.name' && requirementMatches(req, fieldOf, true));
  });
}
