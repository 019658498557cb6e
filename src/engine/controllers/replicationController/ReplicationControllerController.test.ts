import { describe, expect, it } from 'vitest';
import type { Pod, ReplicationController, Typed } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { fixture, summarize, written } from '../common/testFixture';
import { createReplicationControllerController } from './ReplicationControllerController';

const controller = createReplicationControllerController();

function rc(name: string, replicas: number, status?: object): Typed<ReplicationController> {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 1 },
    spec: { replicas, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    ...(status ? { status } : {}),
  } as Typed<ReplicationController>;
}

function pod(name: string, labels: Record<string, string>, owner?: { kind: string; name: string }): Typed<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, labels, creationTimestamp: isoTime(0),
      ...(owner ? { ownerReferences: [{ apiVersion: 'v1', kind: owner.kind, name: owner.name, uid: owner.kind === 'ReplicationController' ? `uid-${owner.name}` : `uid-rs-${owner.name}`, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Pending' },
  } as Typed<Pod>;
}

describe('ReplicationController controller', () => {
  it('creates pods owned by v1 ReplicationController, with replication-controller events', () => {
    const result = controller.reconcile('default/kubia', fixture([rc('kubia', 2)]).ctx());
    const creates = result.actions!.filter((a) => a.type === 'create').map((a) => (a as { object: Typed<Pod> }).object);
    expect(creates).toHaveLength(2);
    expect(creates[0].metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: 'uid-kubia', controller: true, blockOwnerDeletion: true }]);
    const events = result.actions!.filter((a) => a.type === 'event').map((a) => (a as { event: { source: { component: string }; involvedObject: { kind: string } } }).event);
    expect(events.map((e) => e.source.component)).toEqual(['replication-controller', 'replication-controller']);
    expect(events[0].involvedObject.kind).toBe('ReplicationController');
  });

  it('deletes the surplus', () => {
    const f = fixture([rc('kubia', 1, { replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 }), pod('a', { app: 'kubia' }, { kind: 'ReplicationController', name: 'kubia' }), pod('b', { app: 'kubia' }, { kind: 'ReplicationController', name: 'kubia' })]);
    const lines = summarize(controller.reconcile('default/kubia', f.ctx()).actions);
    expect(lines.filter((l) => l.startsWith('delete'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('SuccessfulDelete'))).toHaveLength(1);
  });

  it('matches with the equality selector: extra labels are fine, a changed value is not', () => {
    const f = fixture([rc('kubia', 1), pod('extra', { app: 'kubia', env: 'prod' }), pod('other', { app: 'kubia-v2' })]);
    const result = controller.reconcile('default/kubia', f.ctx());
    expect(summarize(result.actions)).toEqual(['update Pod/default/extra', 'update ReplicationController/default/kubia']);
    expect(written(result.actions).get('Pod/default/extra')!.metadata.ownerReferences![0].kind).toBe('ReplicationController');
  });

  it('does nothing when converged', () => {
    const f = fixture([rc('kubia', 1, { replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1 }), pod('a', { app: 'kubia' }, { kind: 'ReplicationController', name: 'kubia' })]);
    expect(controller.reconcile('default/kubia', f.ctx()).actions).toEqual([]);
  });

  it('ignores pods owned by a ReplicaSet with the same name', () => {
    const f = fixture([rc('kubia', 1, { replicas: 0, observedGeneration: 1 }), pod('rs-pod', { app: 'kubia' }, { kind: 'ReplicaSet', name: 'kubia' })]);
    const lines = summarize(controller.reconcile('default/kubia', f.ctx()).actions);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^create Pod\/default\/kubia-/);
    expect(controller.keysFor({ type: 'added', object: pod('rs-pod', { app: 'kubia' }, { kind: 'ReplicaSet', name: 'kubia' }) }, f.store)).toEqual([]);
  });
});
