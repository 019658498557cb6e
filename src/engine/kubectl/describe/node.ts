/** `kubectl describe node` (describe.go describeNode, describeNodeResource). */
import type { Node, Typed } from '../../api/types';
import type { NodeLeases } from '../../nodes/leases';
import type { EventRecord } from '../../events/EventRecorder';
import type { StoreView } from '../../store/ObjectStore';
import { isoTime } from '../../clock/VirtualClock';
import { ageSince, rfc1123z } from '../timefmt';
import { nodeRoles } from '../printers/node';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printNodeTaintsMultiline } from './common';
import { tryParseQuantity } from '../../api/quantity';
import { nodeAllocation } from '../../nodes/allocation';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';

/** The node's kube-node-lease Lease renew time, from the heartbeat controller's lease table. */
function leaseRenewTime(leases: NodeLeases | undefined, node: Typed<Node>, nowMs: number): string {
  const renewMs = leases?.lastRenewMs(node.metadata.name, nowMs);
  return renewMs === undefined ? '<unset>' : rfc1123z(isoTime(renewMs));
}


export function describeNode(view: StoreView, leases: NodeLeases | undefined, node: Typed<Node>, events: readonly EventRecord[], nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printNodeTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name}\n`);
    w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
    w.write(LEVEL_1, `RenewTime:\t${leaseRenewTime(leases, node, nowMs)}\n`);
    const conditions = node.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResources = (list: Record<string, unknown>) => {
      for (const name of Object.keys(list).sort()) w.write(LEVEL_0, `  ${name}:\t${tryParseQuantity(list[name])?.apiString() ?? String(list[name])}\n`);
    };
    const capacity = (node.status?.capacity ?? {}) as Record<string, unknown>;
    const allocatableRaw = (node.status?.allocatable ?? {}) as Record<string, unknown>;
    if (Object.keys(capacity).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResources(capacity);
    }
    if (Object.keys(allocatableRaw).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResources(allocatableRaw);
    }
    const info = node.status?.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);

    // describeNodeResource: the numbers come from the nodes package, which the UI's capacity bars share.
    const alloc = nodeAllocation(view, node.metadata.name);
    const rows = alloc?.pods ?? [];
    w.write(LEVEL_0, `Non-terminated Pods:\t(${rows.length} in total)\n`);
    w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
    w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
    for (const p of rows) {
      w.write(
        LEVEL_1,
        `${p.namespace}\t${p.name}\t\t${p.cpuRequests} (${p.cpuRequestsPercent}%)\t${p.cpuLimits} (${p.cpuLimitsPercent}%)\t${p.memoryRequests} (${p.memoryRequestsPercent}%)\t${p.memoryLimits} (${p.memoryLimitsPercent}%)\t${ageSince(p.creationTimestamp, nowMs)}\n`,
      );
    }
    w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
    w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
    w.write(LEVEL_1, '--------\t--------\t------\n');
    for (const t of alloc?.totals ?? []) {
      if (t.requestsPercent === undefined || t.limitsPercent === undefined) w.write(LEVEL_1, `${t.resource}\t${t.requests}\t${t.limits}\n`);
      else w.write(LEVEL_1, `${t.resource}\t${t.requests} (${t.requestsPercent}%)\t${t.limits} (${t.limitsPercent}%)\n`);
    }
    describeEvents(w, events, nowMs);
  });
}
