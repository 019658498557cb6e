import { unschedulable, type SchedulerPlugin } from '../framework';
import { podHostPorts, portsConflict } from '../NodeInfo';

export const NODE_PORTS = 'NodePorts';
/** ErrReason. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** Models pkg/scheduler/framework/plugins/nodeports/node_ports.go: a hostPort can be bound once per node. */
export const NodePorts: SchedulerPlugin = {
  name: NODE_PORTS,
  preFilter(_h, state, pod) {
    const ports = podHostPorts(pod);
    if (ports.length === 0) return { status: { code: 'Skip', reasons: [] } };
    state.write(NODE_PORTS, ports);
    return undefined;
  },
  filter(_h, state, _pod, nodeInfo) {
    const wanted = state.read<ReturnType<typeof podHostPorts>>(NODE_PORTS) ?? [];
    return portsConflict(nodeInfo.usedPorts, wanted) ? unschedulable(ERR_REASON_NODE_PORTS) : undefined;
  },
  isSchedulableAfter(pod, event) {
    if (event.type === 'NodeAdd') return true;
    if (event.type === 'AssignedPodDelete') return portsConflict(podHostPorts(event.pod), podHostPorts(pod));
    return false;
  },
};
