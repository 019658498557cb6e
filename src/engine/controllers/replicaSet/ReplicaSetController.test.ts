import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, ReplicaSet, Typed } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { fixture, summarize, written } from '../common/testFixture';
import { BURST_REPLICAS, ReplicaSetController } from './ReplicaSetController';

const controller = new ReplicaSetController();

function rs(name: string, replicas: number | undefined, extra: { labels?: Record<string, string>; selector?: Record<string, string>; minReadySeconds?: number; status?: object; generation?: number; deleting?: boolean; owner?: { uid: string } } = {}): Typed<ReplicaSet> {
  const labels = extra.labels ?? { tier: 'frontend' };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, generation: extra.generation ?? 1,
      ...(extra.deleting ? { deletionTimestamp: isoTime(0), finalizers: ['orphan'] } : {}),
      ...(extra.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: extra.owner.uid, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      ...(extra.minReadySeconds ? { minReadySeconds: extra.minReadySeconds } : {}),
      selector: { matchLabels: extra.selector ?? { tier: 'frontend' } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'php-redis', image: 'gcr.io/google_samples/gb-frontend:v3' }] } },
    },
    ...(extra.status ? { status: extra.status } : {}),
  } as Typed<ReplicaSet>;
}

interface PodOptions { labels?: Record<string, string>; owner?: string; node?: string; phase?: string; readySinceMs?: number; createdMs?: number; uid?: string; deleting?: boolean }
function pod(name: string, o: PodOptions = {}): Typed<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: o.uid ?? `uid-${name}`, labels: o.labels ?? { tier: 'frontend' },
      creationTimestamp: isoTime(o.createdMs ?? 0),
      ...(o.deleting ? { deletionTimestamp: isoTime(0), deletionGracePeriodSeconds: 30 } : {}),
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.owner, uid: `uid-${o.owner}`, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: { ...(o.node ? { nodeName: o.node } : {}), containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: o.phase ?? (o.readySinceMs !== undefined ? 'Running' : 'Pending'),
      ...(o.readySinceMs !== undefined ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoTime(o.readySinceMs) }] } : {}),
    },
  } as Typed<Pod>;
}

const settled = (replicas: number, ready = 0) => ({ replicas, fullyLabeledReplicas: replicas, ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}), observedGeneration: 1 });

describe('ReplicaSetController', () => {
  it('creates the missing pods from the template, owned by the ReplicaSet, with one event each', () => {
    const f = fixture([rs('frontend', 3)]);
    const result = controller.reconcile('default/frontend', f.ctx());
    const lines = summarize(result.actions);
    expect(lines).toHaveLength(7);
    const created = result.actions!.filter((a) => a.type === 'create').map((a) => (a as { object: Typed<Pod> }).object);
    expect(lines).toEqual([
      `create Pod/default/${created[0].metadata.name}`,
      `event Normal SuccessfulCreate ReplicaSet/frontend: Created pod: ${created[0].metadata.name}`,
      `create Pod/default/${created[1].metadata.name}`,
      `event Normal SuccessfulCreate ReplicaSet/frontend: Created pod: ${created[1].metadata.name}`,
      `create Pod/default/${created[2].metadata.name}`,
      `event Normal SuccessfulCreate ReplicaSet/frontend: Created pod: ${created[2].metadata.name}`,
      'update ReplicaSet/default/frontend',
    ]);
    for (const p of created) {
      expect(p.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('frontend-');
      expect(p.metadata.labels).toEqual({ tier: 'frontend' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: 'uid-frontend', controller: true, blockOwnerDeletion: true }]);
      expect(p.spec).toEqual({ containers: [{ name: 'php-redis', image: 'gcr.io/google_samples/gb-frontend:v3' }] });
    }
    expect(new Set(created.map((p) => p.metadata.name)).size).toBe(3);
    expect(written(result.actions).get('ReplicaSet/default/frontend')!.status).toEqual({ replicas: 0, observedGeneration: 1 });
  });

  it('defaults replicas to 1', () => {
    const result = controller.reconcile('default/frontend', fixture([rs('frontend', undefined)]).ctx());
    expect(summarize(result.actions).filter((l) => l.startsWith('create'))).toHaveLength(1);
  });

  it('creates at most burstReplicas pods per sync', () => {
    const result = controller.reconcile('default/big', fixture([rs('big', 700)]).ctx());
    expect(result.actions!.filter((a) => a.type === 'create')).toHaveLength(BURST_REPLICAS);
  });

  it('deletes the surplus, choosing victims by rank: unscheduled, then newer ready pods', () => {
    const now = 300_000;
    const f = fixture([
      rs('frontend', 2, { status: settled(4, 3) }),
      pod('old-a', { owner: 'frontend', node: 'n1', readySinceMs: 10_000, createdMs: 0, uid: 'a' }),
      pod('old-b', { owner: 'frontend', node: 'n2', readySinceMs: 10_000, createdMs: 0, uid: 'b' }),
      pod('new-ready', { owner: 'frontend', node: 'n1', readySinceMs: 290_000, createdMs: 280_000 }),
      pod('unscheduled', { owner: 'frontend', createdMs: 0 }),
    ], { nowMs: now });
    const result = controller.reconcile('default/frontend', f.ctx());
    expect(summarize(result.actions)).toEqual([
      'delete Pod/default/unscheduled',
      'event Normal SuccessfulDelete ReplicaSet/frontend: Deleted pod: unscheduled',
      'delete Pod/default/new-ready',
      'event Normal SuccessfulDelete ReplicaSet/frontend: Deleted pod: new-ready',
    ]);
    const del = result.actions![0] as { options?: { uid?: string } };
    expect(del.options).toEqual({ uid: 'uid-unscheduled' });
  });

  it('adopts matching orphans and deletes the surplus at once (the pod1/pod2 example)', () => {
    const f = fixture([
      rs('frontend', 3, { status: settled(3, 3) }),
      pod('frontend-b2zdv', { owner: 'frontend', node: 'n1', readySinceMs: 0 }),
      pod('frontend-vcmts', { owner: 'frontend', node: 'n2', readySinceMs: 0 }),
      pod('frontend-wtsmm', { owner: 'frontend', node: 'n3', readySinceMs: 0 }),
      pod('pod1', { createdMs: 600_000 }),
      pod('pod2', { createdMs: 600_000 }),
    ], { nowMs: 600_000 });
    const result = controller.reconcile('default/frontend', f.ctx());
    expect(summarize(result.actions)).toEqual([
      'update Pod/default/pod1',
      'update Pod/default/pod2',
      'delete Pod/default/pod1',
      'event Normal SuccessfulDelete ReplicaSet/frontend: Deleted pod: pod1',
      'delete Pod/default/pod2',
      'event Normal SuccessfulDelete ReplicaSet/frontend: Deleted pod: pod2',
      'update ReplicaSet/default/frontend',
    ]);
    expect(written(result.actions).get('Pod/default/pod1')!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: 'uid-frontend', controller: true, blockOwnerDeletion: true }]);
    expect(written(result.actions).get('ReplicaSet/default/frontend')!.status).toEqual({ replicas: 5, fullyLabeledReplicas: 5, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('adopts bare pods that exist before it and creates only the shortfall', () => {
    const f = fixture([rs('frontend', 3), pod('pod1'), pod('pod2')]);
    const lines = summarize(controller.reconcile('default/frontend', f.ctx()).actions);
    expect(lines.slice(0, 2)).toEqual(['update Pod/default/pod1', 'update Pod/default/pod2']);
    expect(lines.filter((l) => l.startsWith('create'))).toHaveLength(1);
  });

  it('releases a pod whose labels stopped matching and replaces it', () => {
    const f = fixture([
      rs('frontend', 2, { status: settled(2) }),
      pod('keep', { owner: 'frontend' }),
      pod('relabelled', { owner: 'frontend', labels: { tier: 'debug' } }),
    ]);
    const result = controller.reconcile('default/frontend', f.ctx());
    const lines = summarize(result.actions);
    expect(lines[0]).toBe('update Pod/default/relabelled');
    expect(lines[1]).toMatch(/^create Pod\/default\/frontend-/);
    expect(lines[2]).toMatch(/^event Normal SuccessfulCreate ReplicaSet\/frontend: Created pod: frontend-/);
    expect(lines[3]).toBe('update ReplicaSet/default/frontend');
    expect(written(result.actions).get('Pod/default/relabelled')!.metadata.ownerReferences).toBeUndefined();
  });

  it('does nothing when converged', () => {
    const f = fixture([
      rs('frontend', 2, { status: settled(2, 2) }),
      pod('a', { owner: 'frontend', node: 'n1', readySinceMs: 0 }),
      pod('b', { owner: 'frontend', node: 'n2', readySinceMs: 0 }),
    ], { nowMs: 60_000 });
    expect(controller.reconcile('default/frontend', f.ctx())).toEqual({ actions: [], requeueAfterMs: undefined });
  });

  it('ignores pods controlled by another controller, even with matching labels', () => {
    const f = fixture([
      rs('frontend', 1, { status: { replicas: 0, observedGeneration: 1 } }),
      pod('ds-pod', { owner: 'other' }),
      pod('terminating', { deleting: true }),
    ]);
    const result = controller.reconcile('default/frontend', f.ctx());
    const lines = summarize(result.actions);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^create Pod\/default\/frontend-/);
    expect(lines.some((l) => l.includes('ds-pod') || l.includes('terminating'))).toBe(false);
  });

  it('neither creates nor adopts while being deleted', () => {
    const f = fixture([rs('frontend', 3, { deleting: true, status: settled(0) }), pod('orphan')]);
    expect(summarize(controller.reconcile('default/frontend', f.ctx()).actions)).toEqual([]);
  });

  it('counts ready and available pods with minReadySeconds and requeues for the next one to become available', () => {
    const f = fixture([
      rs('web', 2, { minReadySeconds: 10, labels: { tier: 'frontend', extra: 'x' } }),
      pod('a', { owner: 'web', node: 'n1', readySinceMs: 0, labels: { tier: 'frontend', extra: 'x' } }),
      pod('b', { owner: 'web', node: 'n2', readySinceMs: 15_000 }),
    ], { nowMs: 20_000 });
    const result = controller.reconcile('default/web', f.ctx());
    expect(written(result.actions).get('ReplicaSet/default/web')!.status).toEqual({ replicas: 2, fullyLabeledReplicas: 1, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 });
    // b became ready at 15 s: available after 25 s, checked one second later.
    expect(result.requeueAfterMs).toBe(26_000 - 20_000);
  });

  it('uses co-location rank for ReplicaSets owned by a Deployment', () => {
    const owner = { uid: 'uid-deploy' };
    const f = fixture([
      rs('web-1', 1, { owner, status: settled(2, 2) }),
      rs('web-2', 1, { owner, selector: { tier: 'other' }, labels: { tier: 'other' } }),
      pod('lonely', { owner: 'web-1', node: 'n1', readySinceMs: 0, createdMs: 0, uid: 'z' }),
      pod('crowded', { owner: 'web-1', node: 'n2', readySinceMs: 0, createdMs: 0, uid: 'a' }),
      pod('sibling', { owner: 'web-2', node: 'n2', readySinceMs: 0, labels: { tier: 'other' } }),
    ], { nowMs: 100_000 });
    expect(summarize(controller.reconcile('default/web-1', f.ctx()).actions)).toEqual([
      'delete Pod/default/crowded',
      'event Normal SuccessfulDelete ReplicaSet/web-1: Deleted pod: crowded',
    ]);
  });

  describe('keysFor', () => {
    const store = fixture([rs('frontend', 3), rs('backend', 1, { selector: { tier: 'backend' }, labels: { tier: 'backend' } })]).store;
    const change = (type: 'added' | 'modified' | 'deleted', object: KubeObject, old?: KubeObject) => controller.keysFor({ type, object, old }, store);

    it('maps an owned pod to its controller and an orphan to every ReplicaSet selecting it', () => {
      expect(change('added', pod('p', { owner: 'frontend' }))).toEqual(['default/frontend']);
      expect(change('added', pod('p'))).toEqual(['default/frontend']);
      expect(change('added', pod('p', { labels: { tier: 'none' } }))).toEqual([]);
      expect(change('deleted', pod('p', { owner: 'frontend' }))).toEqual(['default/frontend']);
    });

    it('wakes the old and the new ReplicaSet when a pod is relabelled', () => {
      const before = pod('p', { owner: 'frontend' });
      const released = { ...pod('p', { labels: { tier: 'backend' } }), metadata: { ...pod('p', { labels: { tier: 'backend' } }).metadata, resourceVersion: '9' } };
      expect(change('modified', released, before)).toEqual(['default/frontend', 'default/backend']);
    });

    it('ignores pods owned by a different uid and its own kind maps to its key', () => {
      const stranger = pod('p');
      stranger.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: 'someone-else', controller: true }];
      expect(change('added', stranger)).toEqual([]);
      expect(change('modified', rs('frontend', 4), rs('frontend', 3))).toEqual(['default/frontend']);
    });
  });
});
