import type { Container, Node, Pod, Taint, Typed } from '../api/types';

type ContainerPort = NonNullable<Container['ports']>[number];
import { accumulate, emptyVector, nodeAllocatable, podResources, type NodeAllocatable, type ResourceVector } from './resources';

/** One host port a pod occupies (framework.HostPortInfo entry). */
export interface HostPort {
  readonly protocol: string;
  readonly hostIP: string;
  readonly port: number;
}

/** The host ports a pod asks for: containers' ports with a hostPort (util.GetHostPorts). */
export function podHostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  // No closure here: preemption clones NodeInfos, which calls this for every pod of every node.
  for (const c of pod.spec?.containers ?? []) addHostPorts(out, c.ports);
  for (const c of pod.spec?.initContainers ?? []) if (c.restartPolicy === 'Always') addHostPorts(out, c.ports);
  return out;
}

function addHostPorts(out: HostPort[], ports: readonly ContainerPort[] | undefined): void {
  if (!ports) return;
  for (const p of ports) {
    if (!p.hostPort || p.hostPort <= 0) continue;
    out.push({ protocol: p.protocol || 'TCP', hostIP: p.hostIP || '0.0.0.0', port: p.hostPort });
  }
}

/** HostPortInfo.CheckConflict: same protocol and port, and one side binds 0.0.0.0 or both bind the same IP. */
export function portsConflict(used: readonly HostPort[], wanted: readonly HostPort[]): boolean {
  for (const w of wanted) {
    for (const u of used) {
      if (u.protocol !== w.protocol || u.port !== w.port) continue;
      if (u.hostIP === '0.0.0.0' || w.hostIP === '0.0.0.0' || u.hostIP === w.hostIP) return true;
    }
  }
  return false;
}

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** A phase in which the scheduler (and kubectl describe node) still counts the pod on its node. */
export function isNonTerminalPod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/**
 * The scheduler's per-node aggregate: the node, its allocatable, the pods bound to it (terminating
 * ones included, finished ones not: the scheduler's informer drops Succeeded/Failed pods) and what
 * they request. Models pkg/scheduler/framework/types.go NodeInfo. Mutable only through addPod /
 * removePod, which the cache uses for assumed pods and preemption uses on clones.
 */
export class NodeInfo {
  readonly allocatable: NodeAllocatable;
  readonly requested: ResourceVector = emptyVector();
  nonZeroMilliCPU = 0;
  nonZeroMemoryBytes = 0;
  readonly pods: Typed<Pod>[] = [];
  readonly usedPorts: HostPort[] = [];
  readonly name: string;
  /**
   * Copies of the numbers Fit and BalancedAllocation read for every node of every cycle, held in
   * this object so the hot loops do not chase `allocatable`, `requested` and `pods` (cache misses
   * dominate on clusters with thousands of nodes).
   */
  readonly allocMilliCPU: number;
  readonly allocMemoryBytes: number;
  readonly allowedPodNumber: number;
  /** The node's labels, taints and cordon flag, for the same reason (a Node change makes a new NodeInfo). */
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[] | undefined;
  readonly unschedulable: boolean;
  podCount = 0;
  requestedMilliCPU = 0;
  requestedMemoryBytes = 0;

  constructor(
    readonly node: Typed<Node>,
    pods: Iterable<Typed<Pod>> = [],
  ) {
    this.name = node.metadata.name;
    this.allocatable = nodeAllocatable(node);
    this.allocMilliCPU = this.allocatable.milliCPU;
    this.allocMemoryBytes = this.allocatable.memoryBytes;
    this.allowedPodNumber = this.allocatable.allowedPodNumber;
    this.labels = node.metadata.labels ?? NO_LABELS;
    this.taints = node.spec?.taints;
    this.unschedulable = Boolean(node.spec?.unschedulable);
    for (const pod of pods) this.addPod(pod);
  }

  addPod(pod: Typed<Pod>): void {
    const r = podResources(pod);
    accumulate(this.requested, r.requests, 1);
    this.nonZeroMilliCPU += r.nonZeroMilliCPU;
    this.nonZeroMemoryBytes += r.nonZeroMemoryBytes;
    this.pods.push(pod);
    this.mirror();
    this.usedPorts.push(...podHostPorts(pod));
  }

  /** Removes a pod by uid; returns false if it was not there. */
  removePod(pod: Pod): boolean {
    const index = this.pods.findIndex((p) => p.metadata.uid === pod.metadata?.uid);
    if (index < 0) return false;
    const [removed] = this.pods.splice(index, 1);
    const r = podResources(removed);
    accumulate(this.requested, r.requests, -1);
    this.nonZeroMilliCPU -= r.nonZeroMilliCPU;
    this.nonZeroMemoryBytes -= r.nonZeroMemoryBytes;
    this.mirror();
    for (const port of podHostPorts(removed)) {
      const i = this.usedPorts.findIndex((u) => u.protocol === port.protocol && u.port === port.port && u.hostIP === port.hostIP);
      if (i >= 0) this.usedPorts.splice(i, 1);
    }
    return true;
  }

  private mirror(): void {
    this.podCount = this.pods.length;
    this.requestedMilliCPU = this.requested.milliCPU;
    this.requestedMemoryBytes = this.requested.memoryBytes;
  }

  clone(): NodeInfo {
    return new NodeInfo(this.node, this.pods);
  }
}
