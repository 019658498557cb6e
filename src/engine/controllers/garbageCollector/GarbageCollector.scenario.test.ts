import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Pod, ReplicaSet } from '../../api/types';
import type { Cluster } from '../../sim/Cluster';

// Cascading deletion as replicaset.md describes it: background by default, foreground, and orphan
// with a new ReplicaSet adopting the orphans.

const frontend = (name: string) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: gcr.io/google_samples/gb-frontend:v3
`;

const pods = (c: Cluster) => c.sim.store.list<Pod>('Pod', 'default');
const live = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp);

function started(seed: number): Cluster {
  const c = createCluster({ seed });
  expect(c.apply(frontend('frontend')).errors).toEqual([]);
  c.advance(30_000);
  expect(live(c).filter((p) => p.status?.phase === 'Running')).toHaveLength(3);
  return c;
}

describe('garbage collection scenarios', () => {
  it('background (the default): the ReplicaSet goes at once and its pods are collected', () => {
    const c = started(41);
    expect(c.kubectl('delete rs frontend').exitCode).toBe(0);
    expect(c.sim.store.get('ReplicaSet', 'default', 'frontend')).toBeUndefined();
    expect(live(c)).toHaveLength(0);
    expect(pods(c)).toHaveLength(3);
    expect(c.kubectl('get pods').stdout).toMatch(/Terminating/);
  });

  it('foreground: the ReplicaSet stays, with the foregroundDeletion finalizer, until its pods are gone', () => {
    const c = started(42);
    expect(c.kubectl('delete rs frontend --cascade=foreground').exitCode).toBe(0);
    const rs = c.sim.store.get<ReplicaSet>('ReplicaSet', 'default', 'frontend');
    expect(live(c)).toHaveLength(0);
    // The pods are bound, so they terminate gracefully (Terminating); the owner waits for them.
    expect(pods(c)).toHaveLength(3);
    expect(rs!.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(rs!.metadata.deletionTimestamp).toBeDefined();
    for (let second = 0; second < 40; second++) {
      c.advance(1_000);
      if (pods(c).length > 0) expect(c.sim.store.get('ReplicaSet', 'default', 'frontend')).toBeDefined();
    }
    expect(pods(c)).toHaveLength(0);
    expect(c.sim.store.get('ReplicaSet', 'default', 'frontend')).toBeUndefined();
  });

  it('orphan: the pods stay without an ownerReference, and a new ReplicaSet with the same selector adopts them', () => {
    const c = started(43);
    const names = live(c).map((p) => p.metadata.name).sort();
    expect(c.kubectl('delete rs frontend --cascade=orphan').exitCode).toBe(0);
    expect(c.sim.store.get('ReplicaSet', 'default', 'frontend')).toBeUndefined();
    expect(live(c).map((p) => p.metadata.name).sort()).toEqual(names);
    for (const p of live(c)) expect(p.metadata.ownerReferences).toBeUndefined();

    expect(c.apply(frontend('frontend-v2')).errors).toEqual([]);
    c.advance(1_000);
    expect(live(c).map((p) => p.metadata.name).sort()).toEqual(names);
    for (const p of live(c)) expect(p.metadata.ownerReferences?.map((r) => `${r.kind}/${r.name}`)).toEqual(['ReplicaSet/frontend-v2']);
    expect(c.events().some((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.name === 'frontend-v2')).toBe(false);
  });

  it('collects a pod whose ownerReference names a uid that does not exist', () => {
    const c = createCluster({ seed: 44 });
    expect(c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: dangling
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: ghost
    uid: 6d6f6e6b-6579-4a00-8000-000000000000
spec:
  containers:
  - name: c
    image: nginx
`).errors).toEqual([]);
    c.advance(1_000);
    expect(live(c)).toHaveLength(0);
  });
});
