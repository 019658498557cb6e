import { describe, expect, it } from 'vitest';
import { Simulation } from './Simulation';
import type { Controller } from '../controllers/Controller';
import { ApiError } from '../apiserver/errors';
import type { Pod, Typed } from '../api/types';

const pod = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, ...extra });

describe('Simulation and Writer', () => {
  it('stamps uid, resourceVersion, creationTimestamp and generated names on create', () => {
    const sim = new Simulation({ seed: 1, controllers: [], freezeObjects: true });
    sim.advance(5000);
    const created = sim.write({ type: 'create', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: '', generateName: 'web-' }, spec: {} } }, 'test');
    expect(created).not.toBeInstanceOf(ApiError);
    const obj = created as { metadata: Record<string, unknown> };
    expect(obj.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(obj.metadata.namespace).toBe('default');
    expect(obj.metadata.creationTimestamp).toBe('2026-01-01T00:00:05Z');
    expect(obj.metadata.resourceVersion).toBe('1');
    expect(Object.isFrozen(obj)).toBe(true);
  });

  it('shares unchanged parts between versions and between siblings; a no-op update keeps the resourceVersion', () => {
    const sim = new Simulation({ seed: 1, controllers: [], freezeObjects: true });
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true };
    const child = (name: string) => ({ ...pod(name), metadata: { name, namespace: 'default', labels: { app: 'web' }, ownerReferences: [owner] } });
    const a = sim.write({ type: 'create', object: child('a') }, 't') as Typed<Pod>;
    const b = sim.write({ type: 'create', object: child('b') }, 't') as Typed<Pod>;
    expect(b.spec).toBe(a.spec);
    expect(b.metadata.labels).toBe(a.metadata.labels);
    const running = sim.write({ type: 'update', object: { ...a, status: { phase: 'Running' } } }, 't') as Typed<Pod>;
    expect(running.spec).toBe(a.spec);
    expect(running.status).toEqual({ phase: 'Running' });
    expect(Number(running.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    const again = sim.write({ type: 'update', object: structuredClone(running) }, 't');
    expect(again).toBe(running);
    const relabelled = sim.write({ type: 'update', object: { ...running, metadata: { ...running.metadata, labels: { app: 'other' } } } }, 't') as Typed<Pod>;
    expect(relabelled.metadata.labels).toEqual({ app: 'other' });
    expect(relabelled.status).toBe(running.status);
    expect(sim.store.get<Pod>('Pod', 'default', 'b')?.metadata.labels).toEqual({ app: 'web' });
  });

  it('shares the bound spec between siblings bound to one node', () => {
    const sim = new Simulation({ seed: 1, controllers: [], freezeObjects: true });
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true };
    const child = (name: string) => ({ ...pod(name), metadata: { name, namespace: 'default', ownerReferences: [owner] } });
    const bind = (p: Typed<Pod>, nodeName: string) => sim.write({ type: 'update', object: { ...p, spec: { ...p.spec, nodeName } } }, 't') as Typed<Pod>;
    const [a, b, c] = ['a', 'b', 'c'].map((name) => sim.write({ type: 'create', object: child(name) }, 't') as Typed<Pod>);
    const boundA = bind(a, 'n1'), boundB = bind(b, 'n1'), boundC = bind(c, 'n2');
    expect(boundB.spec).toBe(boundA.spec);
    expect(boundC.spec).not.toBe(boundA.spec);
    expect(boundC.spec).toEqual({ ...a.spec, nodeName: 'n2' });
  });

  it('keeps the stored metadata stamps on update, in the order a spread copy has', () => {
    const sim = new Simulation({ seed: 1, controllers: [], freezeObjects: true });
    const a = sim.write({ type: 'create', object: pod('a', { metadata: { name: 'a', namespace: 'default', labels: { x: '1' } } }) }, 't') as Typed<Pod>;
    const { uid, creationTimestamp, ...rest } = a.metadata;
    const updated = sim.write({ type: 'update', object: { ...a, metadata: { ...rest, uid: undefined, deletionTimestamp: 'x', labels: { x: '2' } }, status: { phase: 'Running' } } }, 't') as Typed<Pod>;
    expect(updated.metadata.uid).toBe(uid);
    expect(updated.metadata.creationTimestamp).toBe(creationTimestamp);
    expect(Object.keys(updated.metadata)).toEqual(['name', 'namespace', 'labels', 'resourceVersion', 'uid', 'creationTimestamp']);
  });

  it('rejects duplicates and unknown objects with apiserver texts', () => {
    const sim = new Simulation({ seed: 1, controllers: [] });
    sim.write({ type: 'create', object: pod('a') }, 't');
    const dup = sim.write({ type: 'create', object: pod('a') }, 't') as ApiError;
    expect(dup.message).toBe('pods "a" already exists');
    const missing = sim.write({ type: 'delete', kind: 'ReplicaSet', namespace: 'default', name: 'x' }, 't') as ApiError;
    expect(missing.reason).toBe('NotFound');
    expect(missing.message).toBe('replicasets.apps "x" not found');
  });

  it('bumps generation only when spec changes and skips no-op writes', () => {
    const sim = new Simulation({ seed: 1, controllers: [] });
    const rs = sim.write({ type: 'create', object: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { replicas: 1 } } }, 't') as { metadata: { generation: number; resourceVersion: string } };
    expect(rs.metadata.generation).toBe(1);
    const same = sim.write({ type: 'update', object: { ...(rs as object), status: undefined } as never }, 't') as typeof rs;
    expect(same.metadata.resourceVersion).toBe(rs.metadata.resourceVersion);
    const scaled = sim.write({ type: 'update', object: { ...(rs as object), spec: { replicas: 3 } } as never }, 't') as typeof rs;
    expect(scaled.metadata.generation).toBe(2);
    const status = sim.write({ type: 'update', object: { ...(scaled as object), status: { replicas: 3 } } as never }, 't') as typeof rs;
    expect(status.metadata.generation).toBe(2);
    expect(Number(status.metadata.resourceVersion)).toBeGreaterThan(Number(scaled.metadata.resourceVersion));
  });

  it('rejects stale resourceVersions (optimistic concurrency)', () => {
    const sim = new Simulation({ seed: 1, controllers: [] });
    const a = sim.write({ type: 'create', object: pod('a') }, 't') as { metadata: object };
    sim.write({ type: 'update', object: { ...(a as object), metadata: { ...a.metadata }, status: { phase: 'Running' } } as never }, 't');
    const stale = sim.write({ type: 'update', object: { ...(a as object), status: { phase: 'Failed' } } as never }, 't') as ApiError;
    expect(stale.reason).toBe('Conflict');
  });

  it('gives bound pods a grace period and removes unbound pods at once', () => {
    const sim = new Simulation({ seed: 1, controllers: [] });
    sim.write({ type: 'create', object: pod('bound', { spec: { nodeName: 'n1', containers: [] } }) }, 't');
    sim.write({ type: 'create', object: pod('unbound') }, 't');
    sim.advance(1000);
    const terminating = sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'bound' }, 't') as { metadata: Record<string, unknown> };
    expect(terminating.metadata.deletionTimestamp).toBe('2026-01-01T00:00:31Z');
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(sim.store.get('Pod', 'default', 'bound')).toBeDefined();
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'unbound' }, 't');
    expect(sim.store.get('Pod', 'default', 'unbound')).toBeUndefined();
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'bound', options: { gracePeriodSeconds: 0 } }, 't');
    expect(sim.store.get('Pod', 'default', 'bound')).toBeUndefined();
  });

  it('adds the orphan / foregroundDeletion finalizers and removes the object when they are cleared', () => {
    const sim = new Simulation({ seed: 1, controllers: [] });
    sim.write({ type: 'create', object: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: {} } }, 't');
    const deleting = sim.write({ type: 'delete', kind: 'ReplicaSet', namespace: 'default', name: 'r', options: { propagationPolicy: 'Orphan' } }, 't') as { metadata: { finalizers: string[]; deletionTimestamp: string } };
    expect(deleting.metadata.finalizers).toEqual(['orphan']);
    expect(deleting.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    sim.write({ type: 'update', object: { ...(deleting as object), metadata: { ...deleting.metadata, finalizers: [] } } as never }, 't');
    expect(sim.store.get('ReplicaSet', 'default', 'r')).toBeUndefined();
  });

  it('removes a pod whose kubelet already sent its final delete once the last finalizer goes (markAsDeleting)', () => {
    const sim = new Simulation({ seed: 1, controllers: [] });
    sim.write({ type: 'create', object: pod('p', { spec: { nodeName: 'n1', containers: [] } }) }, 't');
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'p', options: { propagationPolicy: 'Foreground' } }, 't');
    sim.advance(10_000);
    // The kubelet finishes early and sends its grace-0 delete while the GC still holds the finalizer.
    const held = sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'p', options: { gracePeriodSeconds: 0 } }, 'kubelet') as { metadata: Record<string, unknown> };
    expect(held.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(held.metadata.deletionTimestamp).toBe('2026-01-01T00:00:10Z');
    sim.write({ type: 'update', object: { ...(held as object), metadata: { ...held.metadata, finalizers: [] } } as never }, 'garbage-collector');
    expect(sim.store.get('Pod', 'default', 'p')).toBeUndefined();
  });

  it('drives controllers level-based: watch → key → reconcile → actions, and requeues on timers', () => {
    const seen: string[] = [];
    const echo: Controller = {
      name: 'echo',
      keysFor: (change) => (change.object.kind === 'Pod' && change.type === 'added' ? [change.object.metadata.name] : []),
      reconcile: (key, ctx) => {
        seen.push(`${ctx.nowMs}:${key}`);
        return seen.length < 3 ? { requeueAfterMs: 10_000 } : {};
      },
    };
    const sim = new Simulation({ seed: 1, controllers: [echo] });
    sim.write({ type: 'create', object: pod('p') }, 't');
    sim.drain();
    sim.advance(60_000);
    expect(seen).toEqual(['0:p', '10000:p', '20000:p']);
    expect(sim.nowMs()).toBe(60_000);
  });

  it('keeps incremental indexes equal to a rebuild from scratch', () => {
    const sim = new Simulation({ seed: 9, controllers: [] });
    const owner = sim.write({ type: 'create', object: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: {} } }, 't') as { metadata: { uid: string } };
    for (let i = 0; i < 5; i++) {
      sim.write({ type: 'create', object: pod(`p${i}`, { metadata: { name: `p${i}`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r', uid: owner.metadata.uid, controller: true }] }, spec: { nodeName: `n${i % 2}` } }) }, 't');
    }
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'p1', options: { gracePeriodSeconds: 0 } }, 't');
    expect(sim.store.dependentsOf(owner.metadata.uid)).toHaveLength(4);
    expect(sim.store.podsOnNode('n0').map((p) => p.metadata.name)).toEqual(['p0', 'p2', 'p4']);
    expect(sim.store.indexSignature()).toBe(sim.store.rebuilt().indexSignature());
  });
});
