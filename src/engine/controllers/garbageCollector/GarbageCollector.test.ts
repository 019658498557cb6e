import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { fixture, summarize, written } from '../common/testFixture';
import { GarbageCollector } from './GarbageCollector';

const gc = new GarbageCollector();

function ref(kind: string, name: string, extra: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: kind === 'Deployment' || kind === 'ReplicaSet' ? 'apps/v1' : 'v1', kind, name, uid: `uid-${name}`, ...extra };
}

function obj(kind: string, name: string, extra: { owners?: OwnerReference[]; finalizers?: string[]; deleting?: boolean; node?: string } = {}): KubeObject {
  return {
    apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
    kind,
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`,
      ...(extra.owners ? { ownerReferences: extra.owners } : {}),
      ...(extra.finalizers ? { finalizers: extra.finalizers } : {}),
      ...(extra.deleting ? { deletionTimestamp: isoTime(0) } : {}),
    },
    spec: kind === 'Pod' ? { containers: [], ...(extra.node ? { nodeName: extra.node } : {}) } : {},
  };
}

const controllerRef = (kind: string, name: string) => ref(kind, name, { controller: true, blockOwnerDeletion: true });

describe('GarbageCollector', () => {
  it('deletes a dependent whose only owner is gone (background cascade)', () => {
    const f = fixture([obj('Pod', 'p', { owners: [controllerRef('ReplicaSet', 'gone')] })]);
    expect(summarize(gc.reconcile('uid-p', f.ctx()).actions)).toEqual(['delete Pod/default/p Background']);
    const del = gc.reconcile('uid-p', f.ctx()).actions![0] as { options: { uid: string } };
    expect(del.options.uid).toBe('uid-p');
  });

  it('treats an owner replaced by a namesake with another uid as gone', () => {
    const namesake = obj('ReplicaSet', 'web');
    namesake.metadata.uid = 'uid-new-web';
    const f = fixture([namesake, obj('Pod', 'p', { owners: [controllerRef('ReplicaSet', 'web')] })]);
    expect(summarize(gc.reconcile('uid-p', f.ctx()).actions)).toEqual(['delete Pod/default/p Background']);
  });

  it('does nothing when every owner exists (converged)', () => {
    const f = fixture([obj('ReplicaSet', 'web'), obj('Pod', 'p', { owners: [controllerRef('ReplicaSet', 'web')] })]);
    expect(gc.reconcile('uid-p', f.ctx()).actions).toEqual([]);
  });

  it('keeps a dependent while any owner remains, and only drops the dangling reference', () => {
    const f = fixture([
      obj('ReplicaSet', 'alive'),
      obj('Pod', 'p', { owners: [controllerRef('ReplicaSet', 'gone'), ref('ReplicaSet', 'alive')] }),
    ]);
    const result = gc.reconcile('uid-p', f.ctx());
    expect(summarize(result.actions)).toEqual(['update Pod/default/p']);
    expect(written(result.actions).get('Pod/default/p')!.metadata.ownerReferences).toEqual([ref('ReplicaSet', 'alive')]);
  });

  it('ignores objects without owners, objects already being deleted and owners of kinds it cannot look up', () => {
    const f = fixture([
      obj('Pod', 'bare'),
      obj('Pod', 'terminating', { owners: [controllerRef('ReplicaSet', 'gone')], deleting: true }),
      obj('Pod', 'job-pod', { owners: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: 'uid-j', controller: true }] }),
    ]);
    for (const uid of ['uid-bare', 'uid-terminating', 'uid-job-pod', 'uid-missing']) expect(gc.reconcile(uid, f.ctx()).actions ?? []).toEqual([]);
  });

  it('orphans: removes the owner from its dependents, then its orphan finalizer', () => {
    const f = fixture([
      obj('ReplicaSet', 'frontend', { finalizers: ['orphan'], deleting: true }),
      obj('Pod', 'a', { owners: [controllerRef('ReplicaSet', 'frontend')] }),
      obj('Pod', 'b', { owners: [controllerRef('ReplicaSet', 'frontend'), ref('ReplicaSet', 'other')] }),
    ]);
    const result = gc.reconcile('uid-frontend', f.ctx());
    expect(summarize(result.actions)).toEqual(['update Pod/default/a', 'update Pod/default/b', 'update ReplicaSet/default/frontend']);
    const out = written(result.actions);
    expect(out.get('Pod/default/a')!.metadata.ownerReferences).toBeUndefined();
    expect(out.get('Pod/default/b')!.metadata.ownerReferences).toEqual([ref('ReplicaSet', 'other')]);
    expect(out.get('ReplicaSet/default/frontend')!.metadata.finalizers).toBeUndefined();
  });

  it('foreground: deletes the dependents and keeps the finalizer while blocking dependents exist', () => {
    const f = fixture([
      obj('ReplicaSet', 'frontend', { finalizers: ['foregroundDeletion'], deleting: true }),
      obj('Pod', 'a', { owners: [controllerRef('ReplicaSet', 'frontend')], node: 'n1' }),
      obj('Pod', 'b', { owners: [controllerRef('ReplicaSet', 'frontend')], deleting: true }),
    ]);
    expect(summarize(gc.reconcile('uid-frontend', f.ctx()).actions)).toEqual(['delete Pod/default/a Background']);
  });

  it('foreground: removes the finalizer once no blocking dependent is left', () => {
    const f = fixture([
      obj('ReplicaSet', 'frontend', { finalizers: ['foregroundDeletion'], deleting: true }),
      obj('Pod', 'loose', { owners: [ref('ReplicaSet', 'frontend')] }),
    ]);
    const result = gc.reconcile('uid-frontend', f.ctx());
    expect(summarize(result.actions)).toEqual(['update ReplicaSet/default/frontend']);
    expect(written(result.actions).get('ReplicaSet/default/frontend')!.metadata.finalizers).toBeUndefined();
  });

  it('foreground cascades: a dependent with dependents of its own is deleted in the foreground', () => {
    const f = fixture([
      obj('Deployment', 'web', { finalizers: ['foregroundDeletion'], deleting: true }),
      obj('ReplicaSet', 'web-1', { owners: [controllerRef('Deployment', 'web')] }),
      obj('Pod', 'p', { owners: [controllerRef('ReplicaSet', 'web-1')] }),
    ]);
    expect(summarize(gc.reconcile('uid-web', f.ctx()).actions)).toEqual(['delete ReplicaSet/default/web-1 Foreground']);
  });

  it('honours a dependent\'s own orphan finalizer when collecting it', () => {
    const f = fixture([obj('ReplicaSet', 'rs', { owners: [controllerRef('Deployment', 'gone')], finalizers: ['orphan'] })]);
    expect(summarize(gc.reconcile('uid-rs', f.ctx()).actions)).toEqual(['delete ReplicaSet/default/rs Orphan']);
  });

  describe('keysFor', () => {
    const f = fixture([
      obj('ReplicaSet', 'frontend', { finalizers: ['foregroundDeletion'], deleting: true }),
      obj('Pod', 'a', { owners: [controllerRef('ReplicaSet', 'frontend')] }),
      obj('Pod', 'b', { owners: [controllerRef('ReplicaSet', 'gone-rs')] }),
    ]);
    const keys = (type: 'added' | 'modified' | 'deleted', object: KubeObject, old?: KubeObject) => gc.keysFor({ type, object, old }, f.store);

    it('wakes the dependents of a deleted owner and the foreground owner of a deleted dependent', () => {
      expect(keys('deleted', obj('ReplicaSet', 'gone-rs'))).toEqual(['uid-b']);
      expect(keys('deleted', obj('Pod', 'a', { owners: [controllerRef('ReplicaSet', 'frontend')] }))).toEqual(['uid-frontend']);
    });

    it('wakes objects created with owners and owners entering orphan or foreground deletion', () => {
      expect(keys('added', obj('Pod', 'x', { owners: [controllerRef('ReplicaSet', 'frontend')] }))).toEqual(['uid-x']);
      expect(keys('added', obj('Pod', 'bare'))).toEqual([]);
      expect(keys('modified', obj('ReplicaSet', 'rs', { finalizers: ['orphan'], deleting: true }), obj('ReplicaSet', 'rs'))).toEqual(['uid-rs']);
    });

    it('ignores status-only changes of owned objects', () => {
      const before = obj('Pod', 'a', { owners: [controllerRef('ReplicaSet', 'frontend')] });
      const after = { ...before, status: { phase: 'Running' } };
      expect(keys('modified', after, before)).toEqual([]);
    });
  });
});
