import type { Node, Pod, Typed } from '../../api/types';
import { unresolvable, type ClusterEvent, type SchedulerPlugin } from '../framework';
import { TAINT_NODE_UNSCHEDULABLE, tolerationsTolerateTaint } from '../taints';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
/** ErrReasonUnschedulable. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** A cordoned node admits only pods that tolerate the unschedulable taint (DaemonSet pods do). */
function admits(pod: Pod, node: Node): boolean {
  if (!node.spec?.unschedulable) return true;
  return tolerationsTolerateTaint(pod.spec?.tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
}

/** Models pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go. */
export const NodeUnschedulable: SchedulerPlugin = {
  name: NODE_UNSCHEDULABLE,
  filter(_h, _state, pod, nodeInfo) {
    return !nodeInfo.unschedulable || admits(pod, nodeInfo.node) ? undefined : unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
  isSchedulableAfter(pod: Typed<Pod>, event: ClusterEvent) {
    if (event.type === 'NodeAdd') return admits(pod, event.node);
    if (event.type === 'NodeUpdate' && (event.changes.has('unschedulable') || event.changes.has('taints'))) {
      return !admits(pod, event.old) && admits(pod, event.node);
    }
    return false;
  },
};
