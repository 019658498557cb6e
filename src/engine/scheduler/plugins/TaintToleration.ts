import type { Node, Pod, Taint, Toleration } from '../../api/types';
import { defaultNormalizeScore, MAX_NODE_SCORE, unresolvable, type SchedulerPlugin } from '../framework';
import { findUntoleratedTaint, isDoNotScheduleTaint, tolerationsTolerateTaint } from '../taints';

export const TAINT_TOLERATION = 'TaintToleration';
/**
 * The filter's reason. Kubernetes 1.35 (and 1.34 patch releases after the cherry-pick of PR 134740)
 * no longer print the taint's key and value here; 1.25–1.34.0 printed `node(s) had untolerated taint {key: value}`.
 */
export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)';

function untolerated(pod: Pod, node: Node): Taint | undefined {
  return findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, isDoNotScheduleTaint);
}

/** getAllTolerationPreferNoSchedule: tolerations with no effect or PreferNoSchedule. */
function preferNoScheduleTolerations(pod: Pod): Toleration[] {
  return (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/**
 * Models pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go: NoSchedule and
 * NoExecute taints must be tolerated (the first untolerated one rejects the node); the score counts
 * untolerated PreferNoSchedule taints, normalised in reverse so fewer is better.
 */
export const TaintToleration: SchedulerPlugin = {
  name: TAINT_TOLERATION,
  scoreWeight: 3,
  filter(_h, _state, pod, nodeInfo) {
    return nodeInfo.taints && findUntoleratedTaint(nodeInfo.taints, pod.spec?.tolerations, isDoNotScheduleTaint) ? unresolvable(ERR_REASON_UNTOLERATED) : undefined;
  },
  score(_h, _state, pod, nodeInfo) {
    const taints = nodeInfo.taints;
    if (!taints || taints.length === 0) return 0;
    const tolerations = preferNoScheduleTolerations(pod);
    let count = 0;
    for (const taint of taints) {
      if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)) count++;
    }
    return count;
  },
  normalizeScore(_h, _state, _pod, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  },
  isSchedulableAfter(pod, event) {
    if (event.type === 'NodeAdd') return !untolerated(pod, event.node);
    if (event.type === 'NodeUpdate' && (event.changes.has('taints') || event.changes.has('labels'))) {
      return Boolean(untolerated(pod, event.old)) && !untolerated(pod, event.node);
    }
    return false;
  },
};
