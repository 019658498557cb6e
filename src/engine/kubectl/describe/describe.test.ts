/**
 * describe layouts for objects built by hand, covering states a short scenario rarely reaches:
 * init containers, every probe kind, env sources, volumes, a terminating pod, a NotReady node,
 * an HPA with several metrics, aggregated events.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { createCluster } from '../../index';
import type { EventRecord } from '../../events/EventRecorder';
import { describeObject } from './index';
import { describeEvents } from './common';
import { tabbedString } from './writer';

const NOW_MS = 2 * 3600_000;
const at = (ms: number) => isoTime(ms);

function sim() {
  const c = createCluster({ seed: 1 });
  c.advance(NOW_MS);
  return c.sim;
}

const POD: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'shop-7d4b9c-x2x9q',
    namespace: 'default',
    uid: '11111111-2222-3333-4444-555555555555',
    creationTimestamp: at(0),
    deletionTimestamp: at(NOW_MS + 20_000),
    deletionGracePeriodSeconds: 30,
    labels: { app: 'shop', 'pod-template-hash': '7d4b9c' },
    annotations: { 'prometheus.io/scrape': 'true' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'shop-7d4b9c', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    nodeName: 'node-2',
    priority: 0,
    serviceAccountName: 'default',
    nodeSelector: { disk: 'ssd' },
    initContainers: [{ name: 'migrate', image: 'busybox:1.36', command: ['sh', '-c', 'echo migrating'] }],
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 9090, name: 'metrics', protocol: 'TCP' }],
        resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, initialDelaySeconds: 3, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 30 },
        env: [
          { name: 'MODE', value: 'production' },
          { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
          { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'web', resource: 'limits.memory', divisor: '1Mi' } } },
        ],
        volumeMounts: [{ name: 'cache', mountPath: '/var/cache/nginx' }, { name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true }],
      },
      { name: 'sidecar', image: 'busybox', command: ['sleep', '3600'] },
    ],
    volumes: [
      { name: 'cache', emptyDir: {} },
      { name: 'config', hostPath: { path: '/srv/nginx', type: 'Directory' } },
      { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    ],
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'dedicated', operator: 'Equal', value: 'shop', effect: 'NoSchedule' },
      { operator: 'Exists' },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.3',
    hostIPs: [{ ip: '172.18.0.3' }],
    podIP: '10.244.1.7',
    podIPs: [{ ip: '10.244.1.7' }],
    startTime: at(0),
    qosClass: 'Burstable',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at(2000) },
      { type: 'Initialized', status: 'True', lastTransitionTime: at(5000) },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: at(60_000) },
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: at(60_000) },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: at(0) },
    ],
    initContainerStatuses: [
      { name: 'migrate', image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:aaaa', containerID: 'containerd://init1', ready: true, restartCount: 0, started: false, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(2000), finishedAt: at(4000), containerID: 'containerd://init1' } }, lastState: {} },
    ],
    containerStatuses: [
      { name: 'web', image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:bbbb', containerID: 'containerd://web1', ready: true, started: true, restartCount: 0, state: { running: { startedAt: at(6000) } }, lastState: {} },
      {
        name: 'sidecar',
        image: 'docker.io/library/busybox:latest',
        imageID: 'docker.io/library/busybox@sha256:cccc',
        containerID: 'containerd://side4',
        ready: false,
        started: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=sidecar pod=shop-7d4b9c-x2x9q_default(11111111-2222-3333-4444-555555555555)' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at(NOW_MS - 90_000), finishedAt: at(NOW_MS - 60_000), containerID: 'containerd://side4' } },
      },
    ],
  },
};

const NODE: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-9', creationTimestamp: at(0), labels: { 'kubernetes.io/hostname': 'node-9', 'node-role.kubernetes.io/control-plane': '', disk: 'ssd' }, annotations: {} },
  spec: {
    unschedulable: true,
    podCIDR: '10.244.9.0/24',
    podCIDRs: ['10.244.9.0/24'],
    taints: [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at(NOW_MS - 30_000) },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at(NOW_MS - 30_000) },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at(NOW_MS - 60_000) },
    ],
  },
  status: {
    capacity: { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '20Gi', 'example.com/gpu': '1' },
    allocatable: { cpu: '1900m', memory: '3800Mi', pods: '110', 'ephemeral-storage': '20Gi', 'example.com/gpu': '1' },
    conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
      type,
      status: 'Unknown',
      lastHeartbeatTime: at(NOW_MS - 80_000),
      lastTransitionTime: at(NOW_MS - 40_000),
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    })),
    addresses: [{ type: 'InternalIP', address: '172.18.0.10' }, { type: 'Hostname', address: 'node-9' }],
    nodeInfo: { machineID: 'm', systemUUID: 's', bootID: 'b', kernelVersion: '6.8.0', osImage: 'Debian GNU/Linux 12 (bookworm)', operatingSystem: 'linux', architecture: 'arm64', containerRuntimeVersion: 'containerd://2.1.3', kubeletVersion: 'v1.35.1', kubeProxyVersion: 'v1.35.1' },
  },
};

const HPA: KubeObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'shop', namespace: 'default', creationTimestamp: at(0) },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop' },
    minReplicas: 2,
    maxReplicas: 10,
    metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'requests_per_second' }, target: { type: 'AverageValue', averageValue: '100' } } },
    ],
  },
  status: {
    currentReplicas: 4,
    desiredReplicas: 5,
    lastScaleTime: at(NOW_MS - 120_000),
    currentMetrics: [
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 75, averageValue: '187m' } } },
      { type: 'Resource', resource: { name: 'memory', current: { averageValue: '150Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'requests_per_second' }, current: { averageValue: '120' } } },
    ],
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 5', lastTransitionTime: at(NOW_MS - 120_000) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: at(0) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: at(0) },
    ],
  },
};

function event(reason: string, message: string, type: 'Normal' | 'Warning', firstMs: number, lastMs: number, count: number, seq: number, fieldPath?: string): EventRecord {
  return {
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'shop-7d4b9c-x2x9q', uid: POD.metadata.uid, apiVersion: 'v1', ...(fieldPath ? { fieldPath } : {}) },
    type, reason, message, source: { component: fieldPath ? 'kubelet' : 'default-scheduler', host: fieldPath ? 'node-2' : undefined },
    name: `shop.${seq}`, namespace: 'default', uid: `e${seq}`, count, firstTimestampMs: firstMs, lastTimestampMs: lastMs, seq,
  };
}

describe('describe writers with hand-built objects', () => {
  it('describes a terminating pod with init containers, probes, env sources and volumes', async () => {
    await expect(describeObject(sim(), POD, true)).toMatchFileSnapshot('../__golden__/describe/pod.txt');
  });

  it('describes a NotReady, cordoned control-plane node with taints and an extended resource', async () => {
    const s = sim();
    // Stored, so the node's resource summary (nodes/allocation) can see it.
    const stored = s.writer.create(structuredClone(NODE));
    await expect(describeObject(s, stored as KubeObject, true)).toMatchFileSnapshot('../__golden__/describe/node.txt');
  });

  it('describes an HPA with several metrics', async () => {
    await expect(describeObject(sim(), HPA, true)).toMatchFileSnapshot('../__golden__/describe/hpa.txt');
  });

  it('prints events: ages, repeat counts, fieldPath prefixes, ordered by last time', () => {
    const text = tabbedString((w) =>
      describeEvents(
        w,
        [
          event('BackOff', 'Back-off restarting failed container sidecar in pod shop', 'Warning', NOW_MS - 600_000, NOW_MS - 5_500, 26, 3, 'spec.containers{sidecar}'),
          event('Scheduled', 'Successfully assigned default/shop to node-2', 'Normal', NOW_MS - 7_200_000, NOW_MS - 7_200_000, 1, 1),
          event('Pulled', 'Container image "busybox" already present on machine', 'Normal', NOW_MS - 3_000_000, NOW_MS - 61_000, 5, 2, 'spec.containers{sidecar}'),
        ],
        NOW_MS,
      ),
    );
    expect(text).toBe(
      'Events:\n' +
        '  Type     Reason     Age                From               Message\n' +
        '  ----     ------     ----               ----               -------\n' +
        '  Normal   Scheduled  120m               default-scheduler  Successfully assigned default/shop to node-2\n' +
        '  Normal   Pulled     61s (x5 over 50m)  kubelet            spec.containers{sidecar}: Container image "busybox" already present on machine\n' +
        '  Warning  BackOff    6s (x26 over 10m)  kubelet            spec.containers{sidecar}: Back-off restarting failed container sidecar in pod shop\n',
    );
  });
});
