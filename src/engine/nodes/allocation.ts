import type { Node, Pod, Typed } from '../api/types';
import type { StoreView } from '../store/ObjectStore';
import { addQuantities, quantityFromValue, tryParseQuantity, type Quantity } from '../api/quantity';
import { isHugePageResourceName, podLimitsList, podRequestsList, type ResourceList } from '../scheduler/resources';
import { isNonTerminalPod } from '../scheduler/NodeInfo';

/** One row of "Non-terminated Pods" in `kubectl describe node`. */
export interface PodAllocation {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly creationTimestamp?: string;
  readonly cpuRequestsMilli: number;
  readonly cpuLimitsMilli: number;
  readonly memoryRequestsBytes: number;
  readonly memoryLimitsBytes: number;
  /** As kubectl prints the quantities: "100m", "0", "300Mi". */
  readonly cpuRequests: string;
  readonly cpuLimits: string;
  readonly memoryRequests: string;
  readonly memoryLimits: string;
  /** Percent of allocatable, truncated like kubectl's int64(float64(req) / float64(alloc) * 100). */
  readonly cpuRequestsPercent: number;
  readonly cpuLimitsPercent: number;
  readonly memoryRequestsPercent: number;
  readonly memoryLimitsPercent: number;
}

/** One row of "Allocated resources". Extended resources have no percentages (undefined). */
export interface ResourceTotal {
  readonly resource: string;
  readonly requests: string;
  readonly limits: string;
  /** Base units (cpu: millicores). */
  readonly requestsValue: number;
  readonly limitsValue: number;
  readonly requestsPercent?: number;
  readonly limitsPercent?: number;
}

export interface NodeAllocation {
  readonly nodeName: string;
  readonly allocatable: { readonly cpuMilli: number; readonly memoryBytes: number; readonly ephemeralStorageBytes: number; readonly pods: number };
  /** Pods not Succeeded/Failed on the node, sorted by namespace then name as the API lists them. */
  readonly pods: readonly PodAllocation[];
  /** cpu, memory, ephemeral-storage, then hugepages-* and extended resources, in kubectl's order. */
  readonly totals: readonly ResourceTotal[];
  readonly cpu: ResourceTotal;
  readonly memory: ResourceTotal;
}

const ZERO = quantityFromValue(0);

/** kubectl: float64(a) / float64(b) * 100, truncated toward zero; 0 when nothing is allocatable. */
export function kubectlPercent(value: number, allocatable: number): number {
  if (allocatable === 0) return 0;
  return Math.trunc((value / allocatable) * 100);
}

function asNumber(name: string, q: Quantity | undefined): number {
  if (!q) return 0;
  return name === 'cpu' ? q.milliValue() : q.value();
}

/** A quantity as kubectl's Quantity.String() prints it (the original spelling survives a single add). */
function text(q: Quantity | undefined): string {
  return (q ?? ZERO).apiString();
}

function sumInto(total: Map<string, Quantity>, list: ResourceList): void {
  for (const [name, q] of list) {
    const existing = total.get(name);
    total.set(name, existing ? addQuantities(existing, q) : q);
  }
}

/** IsStandardContainerResourceName. */
function isStandardContainerResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || isHugePageResourceName(name);
}

/**
 * What `kubectl describe node` computes for "Non-terminated Pods" and "Allocated resources"
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNodeResource): each pod's requests
 * and limits (PodRequestsAndLimits: containers summed, init containers by the max rule, overhead
 * added) as quantities and percentages of allocatable, and their totals. The UI's capacity bars
 * use the same numbers. Undefined when the node does not exist.
 */
export function nodeAllocation(view: StoreView, nodeName: string): NodeAllocation | undefined {
  const node = view.get<Node>('Node', undefined, nodeName);
  if (!node) return undefined;
  const allocatableSource = node.status?.allocatable && Object.keys(node.status.allocatable).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const allocatable = new Map<string, Quantity>();
  for (const [name, value] of Object.entries(allocatableSource)) {
    const q = tryParseQuantity(value);
    if (q) allocatable.set(name, q);
  }
  const allocCpu = asNumber('cpu', allocatable.get('cpu'));
  const allocMem = asNumber('memory', allocatable.get('memory'));

  const pods = view
    .podsOnNode(nodeName)
    .filter(isNonTerminalPod)
    .sort((a, b) => compare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compare(a.metadata.name, b.metadata.name));
  const reqTotal = new Map<string, Quantity>();
  const limTotal = new Map<string, Quantity>();
  const rows: PodAllocation[] = pods.map((pod: Typed<Pod>) => {
    const req = podRequestsList(pod);
    const lim = podLimitsList(pod);
    sumInto(reqTotal, req);
    sumInto(limTotal, lim);
    const cpuReq = asNumber('cpu', req.get('cpu'));
    const cpuLim = asNumber('cpu', lim.get('cpu'));
    const memReq = asNumber('memory', req.get('memory'));
    const memLim = asNumber('memory', lim.get('memory'));
    return {
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      creationTimestamp: pod.metadata.creationTimestamp,
      cpuRequestsMilli: cpuReq,
      cpuLimitsMilli: cpuLim,
      memoryRequestsBytes: memReq,
      memoryLimitsBytes: memLim,
      cpuRequests: text(req.get('cpu')),
      cpuLimits: text(lim.get('cpu')),
      memoryRequests: text(req.get('memory')),
      memoryLimits: text(lim.get('memory')),
      cpuRequestsPercent: kubectlPercent(cpuReq, allocCpu),
      cpuLimitsPercent: kubectlPercent(cpuLim, allocCpu),
      memoryRequestsPercent: kubectlPercent(memReq, allocMem),
      memoryLimitsPercent: kubectlPercent(memLim, allocMem),
    };
  });

  const total = (name: string, withPercent: boolean): ResourceTotal => {
    const r = asNumber(name, reqTotal.get(name));
    const l = asNumber(name, limTotal.get(name));
    const a = asNumber(name, allocatable.get(name));
    return {
      resource: name,
      requests: text(reqTotal.get(name)),
      limits: text(limTotal.get(name)),
      requestsValue: r,
      limitsValue: l,
      ...(withPercent ? { requestsPercent: kubectlPercent(r, a), limitsPercent: kubectlPercent(l, a) } : {}),
    };
  };
  const names = [...allocatable.keys()];
  const hugePages = names.filter(isHugePageResourceName).sort(compare);
  const extended = names.filter((n) => !isStandardContainerResource(n) && n !== 'pods').sort(compare);
  const cpu = total('cpu', true);
  const memory = total('memory', true);
  const totals = [cpu, memory, total('ephemeral-storage', true), ...hugePages.map((n) => total(n, true)), ...extended.map((n) => total(n, false))];
  return {
    nodeName,
    allocatable: { cpuMilli: allocCpu, memoryBytes: allocMem, ephemeralStorageBytes: asNumber('ephemeral-storage', allocatable.get('ephemeral-storage')), pods: asNumber('pods', allocatable.get('pods')) },
    pods: rows,
    totals,
    cpu,
    memory,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
