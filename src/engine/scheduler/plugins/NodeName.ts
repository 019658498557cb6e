import type { SchedulerPlugin } from '../framework';
import { unresolvable } from '../framework';

export const NODE_NAME = 'NodeName';
/** ErrReason. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/**
 * Models pkg/scheduler/framework/plugins/nodename/node_name.go. The scheduler only picks up pods
 * without spec.nodeName, so in practice this filter always passes; it is kept for completeness and
 * for the per-node explanation.
 */
export const NodeName: SchedulerPlugin = {
  name: NODE_NAME,
  filter(_h, _state, pod, nodeInfo) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === nodeInfo.name ? undefined : unresolvable(ERR_REASON_NODE_NAME);
  },
  isSchedulableAfter(pod, event) {
    return event.type === 'NodeAdd' && (!pod.spec?.nodeName || pod.spec.nodeName === event.node.metadata.name);
  },
};
