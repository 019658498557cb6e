import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { newNode } from '../../api/node';
import { tableFor } from './index';
import { writeTable, type TablePrintOptions } from './table';
import { TABLE_TABWRITER, TabWriter } from '../tabwriter';
import { eventToObject } from '../eventObjects';

const NOW_MS = 3 * 3600_000 + 25 * 60_000; // 3h25m after the cluster started
const at = (ms: number) => isoTime(ms);

function render(kind: string, objects: KubeObject[], options: TablePrintOptions = {}): string {
  const w = new TabWriter(TABLE_TABWRITER);
  writeTable(w, tableFor(kind, objects, NOW_MS), options);
  return w.take();
}

const running = (name: string, restarts: number, lastFinishedMs?: number): Record<string, unknown> => ({
  name,
  ready: true,
  started: true,
  restartCount: restarts,
  image: 'nginx',
  imageID: '',
  containerID: 'containerd://1',
  state: { running: { startedAt: at(60_000) } },
  lastState: lastFinishedMs === undefined ? {} : { terminated: { exitCode: 137, reason: 'Error', startedAt: at(0), finishedAt: at(lastFinishedMs) } },
});

function pod(name: string, status: Record<string, unknown>, extra: { spec?: Record<string, unknown>; metadata?: Record<string, unknown> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: at(0), labels: { app: 'web', tier: 'frontend' }, ...(extra.metadata ?? {}) },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], nodeName: 'node-1', ...(extra.spec ?? {}) },
    status,
  };
}

const PODS: KubeObject[] = [
  pod('running', { phase: 'Running', podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }], conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running('nginx', 0)] }),
  pod('pending-unscheduled', { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }, { spec: { nodeName: undefined } }),
  pod('creating', { phase: 'Pending', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } }] }),
  pod('crashloop', {
    phase: 'Running',
    podIP: '10.244.0.7',
    podIPs: [{ ip: '10.244.0.7' }],
    containerStatuses: [{ name: 'nginx', ready: false, restartCount: 7, image: 'nginx', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(NOW_MS - 5 * 60_000) } } }],
  }),
  pod('oomkilled', { phase: 'Running', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: at(NOW_MS - 2000) } } }] }),
  pod('completed', { phase: 'Succeeded', containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: at(NOW_MS - 60_000) } } }] }),
  pod('terminating', { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running('nginx', 2, NOW_MS - 3 * 3600_000)] }, { metadata: { deletionTimestamp: at(NOW_MS + 20_000), deletionGracePeriodSeconds: 30 } }),
  pod('init', { phase: 'Pending', initContainerStatuses: [{ name: 'setup', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { running: { startedAt: at(10_000) } } }] }, { spec: { initContainers: [{ name: 'setup', image: 'busybox' }] } }),
  pod('two-containers', { phase: 'Running', containerStatuses: [running('a', 0), { ...running('b', 0), ready: false }] }, { spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }], readinessGates: [{ conditionType: 'example.com/gate' }] } }),
];

describe('table printers (printers.go)', () => {
  it('prints pods in every state', async () => {
    await expect(render('Pod', PODS)).toMatchFileSnapshot('../__golden__/printers/pods.txt');
  });

  it('prints -o wide, -A, --show-labels and -L the way decorateTable does', async () => {
    const subset = PODS.slice(0, 3);
    const text = [render('Pod', subset, { wide: true }), render('Pod', subset, { withNamespace: true, showLabels: true }), render('Pod', subset, { columnLabels: ['app', 'example.com/tier'], kindPrefix: 'pod' })].join('---\n');
    await expect(text).toMatchFileSnapshot('../__golden__/printers/pods-decorated.txt');
  });

  it('prints nothing for an empty table with headers, only rows without', () => {
    expect(render('Pod', [])).toBe('');
    expect(render('Pod', PODS.slice(0, 1), { noHeaders: true })).toBe('running   1/1   Running   0     3h25m\n');
  });

  it('prints nodes, including NotReady, cordoned and control-plane roles', async () => {
    const ready = newNode({ name: 'node-1' }, 0, 0) as KubeObject;
    const cp = newNode({ name: 'control-plane', role: 'control-plane' }, 1, 0) as KubeObject;
    const cordoned = { ...(newNode({ name: 'node-2' }, 2, 0) as KubeObject), spec: { unschedulable: true } };
    const down = newNode({ name: 'node-3' }, 3, 0) as KubeObject;
    (down.status as { conditions: { type: string; status: string }[] }).conditions[3].status = 'Unknown';
    await expect(render('Node', [cp, ready, cordoned, down], {}) + '---\n' + render('Node', [ready], { wide: true })).toMatchFileSnapshot('../__golden__/printers/nodes.txt');
  });

  it('prints workloads: rs, rc, ds, deployment and hpa', async () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] } };
    const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'frontend', namespace: 'default', creationTimestamp: at(NOW_MS - 6000) }, spec: { replicas: 3, selector: { matchLabels: { tier: 'frontend' } }, template }, status: { replicas: 3, readyReplicas: 2 } };
    const rc: KubeObject = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia', namespace: 'default', creationTimestamp: at(0) }, spec: { replicas: 3, selector: { app: 'kubia' }, template }, status: { replicas: 3, readyReplicas: 3 } };
    const ds: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ssd-monitor', namespace: 'default', creationTimestamp: at(NOW_MS - 43_000) }, spec: { selector: { matchLabels: { app: 'ssd-monitor' } }, template: { ...template, spec: { ...template.spec, nodeSelector: { disk: 'ssd' } } } }, status: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0 } };
    const deploy: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', creationTimestamp: at(NOW_MS - 90_000) }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template }, status: { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 } };
    const hpa: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default', creationTimestamp: at(NOW_MS - 300_000) },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }, { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }] },
      status: { currentReplicas: 3, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '12m' } } }] },
    };
    const hpaUnknown: KubeObject = { ...hpa, metadata: { ...hpa.metadata, name: 'fresh' }, spec: { scaleTargetRef: { kind: 'ReplicaSet', name: 'frontend' }, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 30 } } }] }, status: {} };
    const text = [render('ReplicaSet', [rs]), render('ReplicaSet', [rs], { wide: true }), render('ReplicationController', [rc], { wide: true }), render('DaemonSet', [ds]), render('DaemonSet', [ds], { wide: true }), render('Deployment', [deploy]), render('Deployment', [deploy], { wide: true }), render('HorizontalPodAutoscaler', [hpa, hpaUnknown])].join('---\n');
    await expect(text).toMatchFileSnapshot('../__golden__/printers/workloads.txt');
  });

  it('prints events and namespaces', async () => {
    const base = { involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', uid: 'u1', fieldPath: 'spec.containers{nginx}' }, source: { component: 'kubelet', host: 'node-1' }, namespace: 'default', uid: 'e', seq: 1 };
    const events = [
      eventToObject({ ...base, name: 'nginx.1', type: 'Normal', reason: 'Pulled', message: 'Container image "nginx" already present on machine', count: 1, firstTimestampMs: NOW_MS - 120_000, lastTimestampMs: NOW_MS - 120_000 }),
      eventToObject({ ...base, name: 'nginx.2', type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container nginx in pod nginx_default(u1)\nsecond line', count: 26, firstTimestampMs: NOW_MS - 581_000, lastTimestampMs: NOW_MS - 221_000 }),
    ];
    const ns: KubeObject[] = ['default', 'kube-system'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: at(0) }, status: { phase: 'Active' } }));
    await expect([render('Event', events), render('Event', events, { wide: true }), render('Namespace', ns)].join('---\n')).toMatchFileSnapshot('../__golden__/printers/events-namespaces.txt');
  });
});
