import { describe, expect, it } from 'vitest';
import type { DaemonSet, KubeObject, Node, Pod, Typed } from '../../api/types';
import { newNode } from '../../api/node';
import { isoTime } from '../../clock/VirtualClock';
import { fixture, summarize, written } from '../common/testFixture';
import { computeHash } from '../common/hash';
import { CONTROLLER_REVISION_HASH_LABEL, DaemonSetController, nodeShouldRunDaemonPod, targetNodeName } from './DaemonSetController';

const controller = new DaemonSetController();

function ds(extra: { nodeSelector?: Record<string, string>; status?: object; image?: string; tolerations?: object[] } = {}): Typed<DaemonSet> {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'ssd-monitor', namespace: 'default', uid: 'uid-ds', generation: 1 },
    spec: {
      selector: { matchLabels: { app: 'ssd-monitor' } },
      template: {
        metadata: { labels: { app: 'ssd-monitor' } },
        spec: {
          ...(extra.nodeSelector ? { nodeSelector: extra.nodeSelector } : {}),
          ...(extra.tolerations ? { tolerations: extra.tolerations } : {}),
          containers: [{ name: 'main', image: extra.image ?? 'luksa/ssd-monitor' }],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
    ...(extra.status ? { status: extra.status } : {}),
  } as Typed<DaemonSet>;
}

const node = (name: string, labels: Record<string, string> = {}, taints?: object[]) => newNode({ name, labels, taints: taints as never }, 0, 0);
const hashOf = (set: Typed<DaemonSet>) => computeHash(set.spec!.template);

function dsPod(name: string, nodeName: string, extra: { hash?: string; ready?: boolean; createdMs?: number; owner?: string; labels?: Record<string, string>; phase?: string } = {}): Typed<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: isoTime(extra.createdMs ?? 0),
      labels: extra.labels ?? { app: 'ssd-monitor', [CONTROLLER_REVISION_HASH_LABEL]: extra.hash ?? hashOf(ds()) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: extra.owner ?? 'DaemonSet', name: extra.owner ? 'other' : 'ssd-monitor', uid: extra.owner ? 'uid-other' : 'uid-ds', controller: true, blockOwnerDeletion: true }],
    },
    spec: { nodeName, containers: [{ name: 'main', image: 'luksa/ssd-monitor' }] },
    status: { phase: extra.phase ?? 'Running', ...(extra.ready ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoTime(0) }] } : {}) },
  } as Typed<Pod>;
}

describe('DaemonSetController', () => {
  it('creates one pod per eligible node, pinned by node affinity, with the DaemonSet tolerations', () => {
    const f = fixture([ds({ nodeSelector: { disk: 'ssd' } }), node('node-1', { disk: 'ssd' }), node('node-2'), node('node-3', { disk: 'ssd' })]);
    const result = controller.reconcile('default/ssd-monitor', f.ctx());
    const created = result.actions!.filter((a) => a.type === 'create').map((a) => (a as { object: Typed<Pod> }).object);
    expect(summarize(result.actions)).toEqual([
      `create Pod/default/${created[0].metadata.name}`,
      `event Normal SuccessfulCreate DaemonSet/ssd-monitor: Created pod: ${created[0].metadata.name}`,
      `create Pod/default/${created[1].metadata.name}`,
      `event Normal SuccessfulCreate DaemonSet/ssd-monitor: Created pod: ${created[1].metadata.name}`,
      'update DaemonSet/default/ssd-monitor',
    ]);
    expect(created.map(targetNodeName)).toEqual(['node-1', 'node-3']);
    const pod = created[0];
    expect(pod.metadata.name).toMatch(/^ssd-monitor-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec!.nodeName).toBeUndefined();
    expect(pod.spec!.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }] } } });
    expect(pod.spec!.tolerations!.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(pod.metadata.labels).toEqual({ app: 'ssd-monitor', [CONTROLLER_REVISION_HASH_LABEL]: hashOf(ds({ nodeSelector: { disk: 'ssd' } })) });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: 'uid-ds', controller: true, blockOwnerDeletion: true }]);
    expect(written(result.actions).get('DaemonSet/default/ssd-monitor')!.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 0, observedGeneration: 1, numberUnavailable: 2 });
  });

  it('deletes the pod from a node that lost the label', () => {
    const set = ds({ nodeSelector: { disk: 'ssd' } });
    const f = fixture([set, node('node-1', { disk: 'hdd' }), dsPod('ssd-monitor-abcde', 'node-1', { hash: hashOf(set), ready: true })]);
    const result = controller.reconcile('default/ssd-monitor', f.ctx());
    expect(summarize(result.actions)).toEqual([
      'delete Pod/default/ssd-monitor-abcde',
      'event Normal SuccessfulDelete DaemonSet/ssd-monitor: Deleted pod: ssd-monitor-abcde',
      'update DaemonSet/default/ssd-monitor',
    ]);
    expect(written(result.actions).get('DaemonSet/default/ssd-monitor')!.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 1, desiredNumberScheduled: 0, numberReady: 0, observedGeneration: 1 });
  });

  it('does nothing when converged', () => {
    const status = { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 2 };
    const f = fixture([ds({ status }), node('node-1'), node('node-2'), dsPod('a', 'node-1', { ready: true }), dsPod('b', 'node-2', { ready: true })]);
    expect(controller.reconcile('default/ssd-monitor', f.ctx())).toEqual({ actions: [], requeueAfterMs: undefined });
  });

  it('ignores pods controlled by others with the same labels (a ReplicaSet and a DaemonSet coexist)', () => {
    const rsPod = dsPod('my-replicaset-l5l2z', 'node-1', { owner: 'ReplicaSet' });
    const f = fixture([ds(), node('node-1'), rsPod]);
    const lines = summarize(controller.reconcile('default/ssd-monitor', f.ctx()).actions);
    expect(lines[0]).toMatch(/^create Pod\/default\/ssd-monitor-/);
    expect(lines.some((l) => l.includes('my-replicaset'))).toBe(false);
  });

  it('releases a relabelled pod and makes a new one on its node', () => {
    const relabelled = dsPod('my-daemonset-7bv22', 'node-1', { labels: { app: 'no-app' } });
    const f = fixture([ds(), node('node-1'), relabelled]);
    const result = controller.reconcile('default/ssd-monitor', f.ctx());
    const lines = summarize(result.actions);
    expect(lines[0]).toBe('update Pod/default/my-daemonset-7bv22');
    expect(lines[1]).toMatch(/^create Pod\/default\/ssd-monitor-/);
    expect(written(result.actions).get('Pod/default/my-daemonset-7bv22')!.metadata.ownerReferences).toBeUndefined();
  });

  it('keeps the oldest of several daemon pods on one node', () => {
    const f = fixture([ds(), node('node-1'), dsPod('newer', 'node-1', { createdMs: 5_000 }), dsPod('older', 'node-1', { createdMs: 1_000 })], { nowMs: 10_000 });
    expect(summarize(controller.reconcile('default/ssd-monitor', f.ctx()).actions).slice(0, 2)).toEqual(['delete Pod/default/newer', 'event Normal SuccessfulDelete DaemonSet/ssd-monitor: Deleted pod: newer']);
  });

  it('rolls a changed template one node at a time (maxUnavailable 1)', () => {
    const updated = ds({ image: 'luksa/ssd-monitor:v2' });
    const oldHash = hashOf(ds());
    const f = fixture([updated, node('node-1'), node('node-2'), dsPod('a', 'node-1', { hash: oldHash, ready: true }), dsPod('b', 'node-2', { hash: oldHash, ready: true })], { nowMs: 60_000 });
    const lines = summarize(controller.reconcile('default/ssd-monitor', f.ctx()).actions);
    expect(lines.slice(0, 2)).toEqual(['delete Pod/default/a', 'event Normal SuccessfulDelete DaemonSet/ssd-monitor: Deleted pod: a']);
    expect(lines.filter((l) => l.startsWith('delete'))).toHaveLength(1);
  });

  it('with maxSurge 1 starts a new pod beside an old one, then deletes the old one once the new is available', () => {
    const surging = ds({ image: 'luksa/ssd-monitor:v2' });
    surging.spec!.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } };
    const oldHash = hashOf(ds());
    const newHash = computeHash(surging.spec!.template);
    const first = controller.reconcile('default/ssd-monitor', fixture([surging, node('node-1'), node('node-2'), dsPod('a', 'node-1', { hash: oldHash, ready: true }), dsPod('b', 'node-2', { hash: oldHash, ready: true })], { nowMs: 60_000 }).ctx());
    const created = first.actions!.filter((a) => a.type === 'create').map((a) => (a as { object: Typed<Pod> }).object);
    expect(created.map(targetNodeName)).toEqual(['node-1']);
    expect(summarize(first.actions).some((l) => l.startsWith('delete'))).toBe(false);

    const fresh = dsPod('a2', 'node-1', { hash: newHash, ready: true, createdMs: 30_000 });
    const second = controller.reconcile('default/ssd-monitor', fixture([surging, node('node-1'), node('node-2'), dsPod('a', 'node-1', { hash: oldHash, ready: true }), fresh, dsPod('b', 'node-2', { hash: oldHash, ready: true })], { nowMs: 60_000 }).ctx());
    expect(summarize(second.actions).filter((l) => l.startsWith('delete') || l.startsWith('create'))).toEqual(['delete Pod/default/a']);
  });

  it('deletes a failed daemon pod with a warning, then backs off', () => {
    const local = new DaemonSetController();
    const f = fixture([ds(), node('node-1'), dsPod('crashed', 'node-1', { phase: 'Failed' })]);
    expect(summarize(local.reconcile('default/ssd-monitor', f.ctx(0)).actions).slice(0, 3)).toEqual([
      'event Warning FailedDaemonPod DaemonSet/ssd-monitor: Found failed daemon pod default/crashed on node node-1, will try to kill it',
      'delete Pod/default/crashed',
      'event Normal SuccessfulDelete DaemonSet/ssd-monitor: Deleted pod: crashed',
    ]);
    const again = local.reconcile('default/ssd-monitor', f.ctx(500));
    expect(summarize(again.actions).some((l) => l.startsWith('delete'))).toBe(false);
    expect(again.requeueAfterMs).toBe(1_000);
  });

  it('warns and stops when the selector selects everything', () => {
    const everything = ds();
    everything.spec!.selector = {};
    expect(summarize(controller.reconcile('default/ssd-monitor', fixture([everything, node('node-1')]).ctx()).actions)).toEqual([
      'event Warning SelectingAll DaemonSet/ssd-monitor: This daemon set is selecting all pods. A non-empty selector is required.',
    ]);
  });

  describe('node eligibility', () => {
    it('follows taints: NoSchedule stops new pods, NoExecute also evicts', () => {
      const noSchedule = node('a', {}, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
      const noExecute = node('b', {}, [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }]);
      const cordoned = node('c', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
      expect(nodeShouldRunDaemonPod(noSchedule, ds())).toEqual([false, true]);
      expect(nodeShouldRunDaemonPod(noExecute, ds())).toEqual([false, false]);
      expect(nodeShouldRunDaemonPod(cordoned, ds())).toEqual([true, true]);
      expect(nodeShouldRunDaemonPod(noExecute, ds({ tolerations: [{ key: 'dedicated', operator: 'Exists' }] }))).toEqual([true, true]);
    });

    it('wakes the DaemonSet only when a node change flips its verdict', () => {
      const f = fixture([ds({ nodeSelector: { disk: 'ssd' } })]);
      const before = node('node-1');
      const labelled = node('node-1', { disk: 'ssd' });
      expect(controller.keysFor({ type: 'modified', object: labelled as KubeObject, old: before as KubeObject }, f.store)).toEqual(['default/ssd-monitor']);
      const heartbeat = { ...before, status: { ...before.status, conditions: before.status!.conditions!.map((c) => ({ ...c, lastHeartbeatTime: isoTime(99_000) })) } } as Typed<Node>;
      expect(controller.keysFor({ type: 'modified', object: heartbeat as KubeObject, old: before as KubeObject }, f.store)).toEqual([]);
      expect(controller.keysFor({ type: 'added', object: node('node-9') as KubeObject }, f.store)).toEqual([]);
      expect(controller.keysFor({ type: 'added', object: labelled as KubeObject }, f.store)).toEqual(['default/ssd-monitor']);
    });
  });
});
