import type { Status } from './framework';

/**
 * Why a pod fits no node: per-node statuses plus one status for nodes absent from the map.
 * Models pkg/scheduler/framework/types.go Diagnosis, NodeToStatus and FitError.
 */
export interface Diagnosis {
  /** Nodes a filter (or preemption's dry run) rejected, in the order they were checked. */
  readonly nodeStatuses: Map<string, Status>;
  /** Status of every node not in nodeStatuses (a PreFilter narrowed the list, or PreFilter failed). */
  absentStatus?: Status;
  /** Plugins that rejected the pod; their queueing hints decide when it is retried. */
  readonly unschedulablePlugins: Set<string>;
  preFilterMsg?: string;
  postFilterMsg?: string;
}

export function newDiagnosis(): Diagnosis {
  return { nodeStatuses: new Map(), unschedulablePlugins: new Set() };
}

/** Go's sort.Strings: byte order, which for these ASCII texts is code-unit order. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * FitError.Error: `0/<N> nodes are available: <PreFilterMsg>. <histogram>. <PostFilterMsg>`.
 * The histogram counts every reason of every node, including the absent-node status for each node
 * not in the map, prints `<count> <reason>`, and sorts those strings (so "1 node(s)…" comes before
 * "2 Insufficient cpu"). With a PreFilter message the per-node histogram is left out.
 */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const status of d.nodeStatuses.values()) for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    const absent = numAllNodes - d.nodeStatuses.size;
    if (absent > 0 && d.absentStatus) for (const reason of d.absentStatus.reasons) counts.set(reason, (counts.get(reason) ?? 0) + absent);
    const histogram = [...counts].map(([reason, count]) => `${count} ${reason}`).sort(compareStrings);
    if (histogram.length > 0) msg += ` ${histogram.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}
