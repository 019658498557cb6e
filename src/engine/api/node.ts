import type { Node, Taint, Typed } from './types';
import { isoTime } from '../clock/VirtualClock';

/** Podlab's own annotations live under this prefix; they model things a real cluster gets from the outside world. */
export const PODLAB_PREFIX = 'podlab.dev/';
/**
 * Set on a Node to simulate a machine failure: its kubelet stops (no heartbeats, no probes, no
 * status updates) until the annotation is removed. Data in the store, so failures replay.
 */
export const NODE_FAILURE_ANNOTATION = 'podlab.dev/failure';

export function isNodeDown(node: Typed<Node> | undefined): boolean {
  return !node || Boolean(node.metadata.annotations?.[NODE_FAILURE_ANNOTATION]);
}

export interface NodeConfig {
  readonly name: string;
  /** Allocatable CPU as a quantity (default "4"). */
  readonly cpu?: string;
  /** Allocatable memory as a quantity (default "8Gi"). */
  readonly memory?: string;
  /** Max pods (kubelet maxPods, default 110). */
  readonly pods?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  /** Role label shown in ROLES; "control-plane" adds the usual NoSchedule taint. */
  readonly role?: 'control-plane' | 'worker';
}

export const DEFAULT_NODES: readonly NodeConfig[] = [
  { name: 'node-1' },
  { name: 'node-2' },
  { name: 'node-3' },
];

/** Kubernetes 1.35: scheduler texts (`node(s) had untolerated taint(s)`) and defaults follow this release. */
export const KUBELET_VERSION = 'v1.35.1';

/** A Ready node as kubelet registration would create it, with the labels kubeadm/kind set. */
export function newNode(config: NodeConfig, index: number, nowMs: number): Typed<Node> {
  const cpu = config.cpu ?? '4';
  const memory = config.memory ?? '8Gi';
  const pods = String(config.pods ?? 110);
  const heartbeat = isoTime(nowMs);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': config.name,
    'kubernetes.io/os': 'linux',
    ...(config.role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    ...(config.labels ?? {}),
  };
  const taints: Taint[] = [...(config.taints ?? [])];
  if (config.role === 'control-plane' && !taints.some((t) => t.key === 'node-role.kubernetes.io/control-plane')) {
    taints.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
  }
  const condition = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: heartbeat, lastTransitionTime: heartbeat, reason, message });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: config.name, labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
    spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`], ...(taints.length > 0 ? { taints } : {}) },
    status: {
      capacity: { cpu, 'ephemeral-storage': '61255492Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory, pods },
      allocatable: { cpu, 'ephemeral-storage': '61255492Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory, pods },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: config.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: '', systemUUID: '', bootID: '',
        kernelVersion: '6.8.0-podlab', osImage: 'Debian GNU/Linux 12 (bookworm)', operatingSystem: 'linux', architecture: 'amd64',
        containerRuntimeVersion: 'containerd://2.1.3', kubeletVersion: KUBELET_VERSION, kubeProxyVersion: KUBELET_VERSION,
      },
    },
  } as Typed<Node>;
}
