import { describe, expect, it } from 'vitest';
import { isoTime, type EventRecord, type KubeObject } from '../../src/engine/index';
import {
  describeCheck,
  evaluateCheck,
  evaluateScenario,
  markStepDone,
  readPath,
  resolveCommand,
  startProgress,
  type Check,
  type ClusterState,
  type Scenario,
} from '../../src/scenarios/index';

// Hand-built objects: the checker is tested on its own, independent of the controllers.
const NOW = 600_000;

function pod(name: string, opts: {
  labels?: Record<string, string>;
  node?: string;
  phase?: string;
  owner?: { kind: string; name: string };
  image?: string;
  ready?: boolean;
  state?: Record<string, unknown>;
  lastState?: Record<string, unknown>;
  restarts?: number;
  deleting?: boolean;
  created?: number;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels: opts.labels,
      creationTimestamp: isoTime(opts.created ?? 0),
      ...(opts.deleting ? { deletionTimestamp: isoTime(NOW - 5000), deletionGracePeriodSeconds: 30 } : {}),
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner.kind, name: opts.owner.name, uid: `uid-${opts.owner.name}`, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: { nodeName: opts.node, containers: [{ name: 'c', image: opts.image ?? 'nginx' }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: opts.ready ? 'True' : 'False' }],
      containerStatuses: opts.phase === 'Pending' && !opts.state
        ? undefined
        : [{ name: 'c', image: opts.image ?? 'nginx', imageID: '', ready: opts.ready ?? false, restartCount: opts.restarts ?? 0, started: opts.ready ?? false, state: opts.state ?? { running: { startedAt: isoTime(1000) } }, lastState: opts.lastState ?? {} }],
    },
  };
}

function node(name: string, opts: { labels?: Record<string, string>; ready?: string; taints?: { key: string; effect: string }[] } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...opts.labels } },
    spec: opts.taints ? { taints: opts.taints } : {},
    status: { conditions: [{ type: 'Ready', status: opts.ready ?? 'True' }] },
  };
}

function event(reason: string, name: string, message: string, count = 1, kind = 'Pod'): EventRecord {
  return {
    involvedObject: { kind, namespace: 'default', name },
    type: reason === 'Unhealthy' || reason === 'BackOff' ? 'Warning' : 'Normal',
    reason,
    message,
    source: { component: 'kubelet' },
    name: `${name}.${reason}`,
    namespace: 'default',
    uid: `e-${name}-${reason}-${message}`,
    count,
    firstTimestampMs: 0,
    lastTimestampMs: 0,
    seq: 0,
  };
}

const crashLoop = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=c' } };
const lastCompleted = { terminated: { reason: 'Completed', exitCode: 0, startedAt: isoTime(100_000), finishedAt: isoTime(500_000) } };
const oom = { terminated: { reason: 'OOMKilled', exitCode: 137, startedAt: isoTime(1000), finishedAt: isoTime(2000) } };

const OBJECTS: KubeObject[] = [
  node('node-1'),
  node('node-2', { labels: { disk: 'ssd' }, ready: 'Unknown', taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }] }),
  pod('web-aaaaa', { labels: { app: 'web' }, node: 'node-1', ready: true, owner: { kind: 'ReplicaSet', name: 'web' }, created: 1000 }),
  pod('web-bbbbb', { labels: { app: 'web' }, node: 'node-2', ready: true, owner: { kind: 'ReplicaSet', name: 'web' }, created: 2000, image: 'nginx:1.27' }),
  pod('web-ccccc', { labels: { app: 'web' }, node: 'node-2', ready: true, owner: { kind: 'ReplicaSet', name: 'web' }, created: 3000, deleting: true }),
  pod('liveness-pod', { node: 'node-1', state: crashLoop, lastState: lastCompleted, restarts: 7 }),
  pod('limits-pod', { node: 'node-1', state: oom, restarts: 0 }),
  pod('solo', { labels: { app: 'solo' }, node: 'node-2', ready: true }),
  pod('pending', { labels: { app: 'big' }, phase: 'Pending' }),
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web' },
    spec: { replicas: 3, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } },
    status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {},
    status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1 },
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'hpa', namespace: 'default' },
    spec: {},
    status: { currentReplicas: 5, desiredReplicas: 5 },
  },
];

const EVENTS: EventRecord[] = [
  event('Unhealthy', 'liveness-pod', 'Liveness probe failed: HTTP probe failed with statuscode: 404', 21),
  event('Killing', 'liveness-pod', 'Container my-app failed liveness probe, will be restarted', 7),
  event('SuccessfulCreate', 'web', 'Created pod: web-aaaaa', 1, 'ReplicaSet'),
  event('SuccessfulCreate', 'web', 'Created pod: web-bbbbb', 1, 'ReplicaSet'),
];

const STATE: ClusterState = {
  nowMs: NOW,
  list: (kind) => OBJECTS.filter((o) => o.kind === kind),
  events: () => EVENTS,
};

const passes = (check: Check) => evaluateCheck(STATE, check).passed;

describe('evaluateCheck', () => {
  it('podStatus reads the STATUS and RESTARTS columns', () => {
    expect(passes({ type: 'podStatus', name: 'liveness-pod', status: 'CrashLoopBackOff' })).toBe(true);
    expect(passes({ type: 'podStatus', name: 'liveness-pod', status: 'CrashLoopBackOff', minRestarts: 7, ready: '0/1' })).toBe(true);
    expect(passes({ type: 'podStatus', name: 'liveness-pod', status: 'CrashLoopBackOff', minRestarts: 8 })).toBe(false);
    expect(passes({ type: 'podStatus', name: 'limits-pod', status: 'OOMKilled' })).toBe(true);
    expect(passes({ type: 'podStatus', name: 'web-ccccc', status: 'Terminating' })).toBe(true);
    expect(passes({ type: 'podStatus', name: 'pending', status: 'Pending' })).toBe(true);
    expect(passes({ type: 'podStatus', name: 'missing', status: 'Running' })).toBe(false);
    expect(passes({ type: 'podStatus', selector: 'app=web', status: 'Running' })).toBe(true);
    expect(passes({ type: 'podStatus', selector: 'app=web', status: 'Terminating' })).toBe(true);
    const detail = evaluateCheck(STATE, { type: 'podStatus', name: 'liveness-pod', status: 'Running' }).detail;
    expect(detail.en).toContain('STATUS CrashLoopBackOff');
    expect(detail.en).toContain('RESTARTS 7');
  });

  it('podCount counts active pods with filters', () => {
    expect(passes({ type: 'podCount', selector: 'app=web', count: 2 })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app=web', count: 3, includeTerminating: true })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app=web', node: 'node-2', count: 1 })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app=web', node: 'node-2', count: 0, includeTerminating: true })).toBe(false);
    expect(passes({ type: 'podCount', selector: 'app=web', ready: true, count: 2 })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app=web', image: 'nginx:1.27', count: 1 })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app=web', status: 'Terminating', count: 1 })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app in (web,solo)', min: 3, max: 3 })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app=big', phase: 'Pending', count: 1 })).toBe(true);
    expect(passes({ type: 'podCount', selector: 'app=nothing', count: 0 })).toBe(true);
    expect(evaluateCheck(STATE, { type: 'podCount', selector: 'app in (', count: 0 }).passed).toBe(false);
  });

  it('podOnNode, containerTerminated, objectExists / objectGone', () => {
    expect(passes({ type: 'podOnNode', name: 'solo', node: 'node-2' })).toBe(true);
    expect(passes({ type: 'podOnNode', name: 'solo', nodeLabel: { key: 'disk', value: 'ssd' } })).toBe(true);
    expect(passes({ type: 'podOnNode', selector: 'app=web', node: 'node-1' })).toBe(false);
    expect(passes({ type: 'podOnNode', name: 'pending' })).toBe(false);
    expect(passes({ type: 'containerTerminated', pod: 'limits-pod', reason: 'OOMKilled', exitCode: 137 })).toBe(true);
    expect(passes({ type: 'containerTerminated', pod: 'liveness-pod', reason: 'Completed', exitCode: 0 })).toBe(true);
    expect(passes({ type: 'containerTerminated', pod: 'liveness-pod', reason: 'OOMKilled' })).toBe(false);
    expect(passes({ type: 'objectExists', kind: 'ReplicaSet', name: 'web' })).toBe(true);
    expect(passes({ type: 'objectGone', kind: 'Pod', name: 'web-ccccc' })).toBe(false);
    expect(passes({ type: 'objectGone', kind: 'Pod', name: 'echo' })).toBe(true);
  });

  it('ownerOf, eventSeen', () => {
    expect(passes({ type: 'ownerOf', selector: 'app=web', ownerKind: 'ReplicaSet', ownerName: 'web' })).toBe(true);
    expect(passes({ type: 'ownerOf', pod: 'solo', orphan: true })).toBe(true);
    expect(passes({ type: 'ownerOf', pod: 'web-aaaaa', orphan: true })).toBe(false);
    expect(passes({ type: 'eventSeen', reason: 'Unhealthy', involvedName: 'liveness-pod', messageIncludes: 'statuscode: 404', minCount: 21 })).toBe(true);
    expect(passes({ type: 'eventSeen', reason: 'Unhealthy', involvedName: 'liveness-pod', minCount: 22 })).toBe(false);
    expect(passes({ type: 'eventSeen', reason: 'SuccessfulCreate', involvedKind: 'ReplicaSet', involvedName: 'web', minCount: 2 })).toBe(true);
    expect(passes({ type: 'eventSeen', reason: 'SuccessfulCreate', involvedKind: 'ReplicationController', involvedName: 'web' })).toBe(false);
    expect(passes({ type: 'eventSeen', reason: 'Killing', eventType: 'Warning' })).toBe(false);
  });

  it('nodes: labels, status, taints', () => {
    expect(passes({ type: 'nodeLabel', node: 'node-2', key: 'disk', value: 'ssd' })).toBe(true);
    expect(passes({ type: 'nodeLabel', node: 'node-1', key: 'disk', absent: true })).toBe(true);
    expect(passes({ type: 'nodeLabel', node: 'node-2', key: 'disk', value: 'hdd' })).toBe(false);
    expect(passes({ type: 'nodeStatus', node: 'node-2', status: 'NotReady' })).toBe(true);
    expect(passes({ type: 'nodeStatus', node: 'node-1', status: 'Ready' })).toBe(true);
    expect(passes({ type: 'nodeTaint', node: 'node-2', key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' })).toBe(true);
    expect(passes({ type: 'nodeTaint', node: 'node-1', key: 'node.kubernetes.io/unreachable', absent: true })).toBe(true);
  });

  it('replicas per kind, fieldEquals', () => {
    expect(passes({ type: 'replicas', kind: 'ReplicaSet', name: 'web', desired: 3, current: 3, ready: 2 })).toBe(true);
    expect(passes({ type: 'replicas', kind: 'ReplicaSet', name: 'web', ready: 3 })).toBe(false);
    expect(passes({ type: 'replicas', kind: 'DaemonSet', name: 'agent', desired: 2, ready: 1 })).toBe(true);
    expect(passes({ type: 'replicas', kind: 'HorizontalPodAutoscaler', name: 'hpa', current: 5, desired: 5 })).toBe(true);
    expect(passes({ type: 'replicas', kind: 'Deployment', name: 'nope', ready: 0 })).toBe(false);
    expect(passes({ type: 'fieldEquals', kind: 'ReplicaSet', name: 'web', path: 'spec.selector.matchExpressions[0].operator', value: 'In' })).toBe(true);
    expect(passes({ type: 'fieldEquals', kind: 'ReplicaSet', name: 'web', path: 'spec.selector.matchLabels.app', value: 'web' })).toBe(false);
    expect(readPath({ a: [{ b: [1, 2] }] }, 'a[0].b[1]')).toBe(2);
    expect(readPath({ a: 1 }, 'a.b.c')).toBeUndefined();
  });

  it('all / any / not', () => {
    const yes: Check = { type: 'objectExists', kind: 'ReplicaSet', name: 'web' };
    const no: Check = { type: 'objectExists', kind: 'ReplicaSet', name: 'nope' };
    expect(passes({ type: 'all', checks: [yes, yes] })).toBe(true);
    expect(passes({ type: 'all', checks: [yes, no] })).toBe(false);
    expect(passes({ type: 'any', checks: [no, yes] })).toBe(true);
    expect(passes({ type: 'not', check: no })).toBe(true);
    // The detail of a failing `all` names what is missing.
    expect(evaluateCheck(STATE, { type: 'all', checks: [yes, no] }).detail.en).toContain('nope');
  });

  it('is deterministic and describes every check in both languages', () => {
    const check: Check = { type: 'podCount', selector: 'app=web', count: 2, ready: true, node: 'node-1' };
    expect(evaluateCheck(STATE, check)).toEqual(evaluateCheck(STATE, check));
    const goal = describeCheck(check);
    expect(goal.en).toMatch(/app=web/);
    expect(goal.ko).toMatch(/파드/);
  });

  it('reads a plain snapshot as well as a live view', () => {
    const snapshot = { nowMs: NOW, resourceVersion: 1, objects: OBJECTS, events: EVENTS };
    expect(evaluateCheck(snapshot, { type: 'podStatus', name: 'liveness-pod', status: 'CrashLoopBackOff' }).passed).toBe(true);
  });
});

describe('resolveCommand', () => {
  it('fills pod placeholders with the oldest active matching pod', () => {
    expect(resolveCommand(STATE, 'kubectl delete pod {pod:app=web}')).toEqual({ line: 'kubectl delete pod web-aaaaa', unresolved: [] });
    expect(resolveCommand(STATE, 'kubectl label pod {podOf:ReplicaSet/web} x=y').line).toBe('kubectl label pod web-aaaaa x=y');
    expect(resolveCommand(STATE, 'kubectl get pod {pod:app=none}')).toEqual({ line: 'kubectl get pod {pod:app=none}', unresolved: ['{pod:app=none}'] });
    expect(resolveCommand(STATE, 'kubectl get pods')).toEqual({ line: 'kubectl get pods', unresolved: [] });
  });
});

describe('evaluateScenario', () => {
  const scenario: Scenario = {
    id: 'demo',
    title: { en: 'Demo', ko: '데모' },
    summary: { en: 'Demo', ko: '데모' },
    files: [],
    steps: [
      { id: 'one', text: { en: 'one', ko: '하나' }, commands: ['kubectl get pods'], check: { type: 'objectExists', kind: 'ReplicaSet', name: 'web' } },
      { id: 'read', text: { en: 'read', ko: '읽기' }, commands: ['kubectl describe rs web'] },
      { id: 'two', text: { en: 'two', ko: '둘' }, commands: ['kubectl get pods'], check: { type: 'objectExists', kind: 'Pod', name: 'solo' } },
      { id: 'three', text: { en: 'three', ko: '셋' }, commands: ['kubectl get pods'], check: { type: 'objectExists', kind: 'Pod', name: 'later' } },
    ],
  };

  it('takes steps in order, one check per evaluation, and latches them', () => {
    let progress = startProgress(scenario);
    progress = evaluateScenario(STATE, scenario, progress);
    expect(progress.current).toBe(1);
    expect(progress.done.one).toEqual({ atMs: NOW, how: 'check' });
    // A step without a check waits for the learner.
    progress = evaluateScenario(STATE, scenario, progress);
    expect(progress.current).toBe(1);
    progress = markStepDone(scenario, progress, 'read', NOW);
    expect(progress.done.read.how).toBe('manual');
    // `two` already holds, but it is only evaluated now that it is current.
    expect(progress.done.two).toBeUndefined();
    progress = evaluateScenario(STATE, scenario, progress);
    expect(progress.current).toBe(3);
    progress = evaluateScenario(STATE, scenario, progress);
    expect(progress.current).toBe(3);
    expect(progress.currentResult?.passed).toBe(false);
    expect(progress.complete).toBe(false);
    progress = markStepDone(scenario, progress, 'three', NOW);
    expect(progress.complete).toBe(true);
  });
});
