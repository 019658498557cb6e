import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Pod, ReplicaSet, ReplicationController, Typed } from '../../api/types';
import type { Cluster } from '../../sim/Cluster';

// The docs' and notes' ReplicaSet examples, through the public API (kubernetes.io replicaset.md, seed notes).

const FRONTEND = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
    tier: frontend
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

const POD_RS = `apiVersion: v1
kind: Pod
metadata:
  name: pod1
  labels:
    tier: frontend
spec:
  containers:
  - name: hello1
    image: gcr.io/google-samples/hello-app:2.0
---
apiVersion: v1
kind: Pod
metadata:
  name: pod2
  labels:
    tier: frontend
spec:
  containers:
  - name: hello2
    image: gcr.io/google-samples/hello-app:1.0
`;

const pods = (c: Cluster) => c.sim.store.list<Pod>('Pod', 'default');
const podNamed = (c: Cluster, name: string) => c.sim.store.get<Pod>('Pod', 'default', name);
const live = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp);
const ownerNames = (p: Typed<Pod>) => (p.metadata.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`);

function applyOk(c: Cluster, text: string): void {
  const result = c.apply(text);
  expect(result.errors).toEqual([]);
}

describe('ReplicaSet scenarios', () => {
  it('creates three pods named frontend-xxxxx, owned by the ReplicaSet, with SuccessfulCreate events', () => {
    const c = createCluster({ seed: 11 });
    applyOk(c, FRONTEND);
    c.advance(5_000);
    const created = pods(c);
    expect(created).toHaveLength(3);
    for (const p of created) {
      expect(p.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      const rs = c.sim.store.get<ReplicaSet>('ReplicaSet', 'default', 'frontend')!;
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    const events = c.events().filter((e) => e.involvedObject.kind === 'ReplicaSet' && e.involvedObject.name === 'frontend');
    expect(events.map((e) => `${e.reason} ${e.source.component}: ${e.message}`).sort()).toEqual(created.map((p) => `SuccessfulCreate replicaset-controller: Created pod: ${p.metadata.name}`).sort());
    const rs = c.sim.store.get<ReplicaSet>('ReplicaSet', 'default', 'frontend')!;
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('adopts bare pods created after it and terminates them at once (pod1/pod2)', () => {
    const c = createCluster({ seed: 12 });
    applyOk(c, FRONTEND);
    c.advance(30_000);
    expect(c.kubectl('get rs frontend').stdout).toMatch(/frontend +3 +3 +3 /);
    const original = pods(c).map((p) => p.metadata.name).sort();
    applyOk(c, POD_RS);
    for (const name of ['pod1', 'pod2']) {
      // Adopted, then deleted: gone, or Terminating while their kubelet stops them.
      const pod = podNamed(c, name);
      expect(pod === undefined || (pod.metadata.deletionTimestamp !== undefined && ownerNames(pod).includes('ReplicaSet/frontend'))).toBe(true);
    }
    expect(live(c).map((p) => p.metadata.name).sort()).toEqual(original);
    const deletes = c.events().filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message).sort();
    expect(deletes).toEqual(['Deleted pod: pod1', 'Deleted pod: pod2']);
  });

  it('adopts bare pods that exist before it and creates only the shortfall', () => {
    const c = createCluster({ seed: 13 });
    applyOk(c, POD_RS);
    applyOk(c, FRONTEND);
    c.advance(1_000);
    const names = live(c).map((p) => p.metadata.name).sort();
    expect(names).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('frontend-'))).toHaveLength(1);
    expect(ownerNames(podNamed(c, 'pod1')!)).toEqual(['ReplicaSet/frontend']);
    expect(ownerNames(podNamed(c, 'pod2')!)).toEqual(['ReplicaSet/frontend']);
  });

  it('scales 3 → 8 → 2 and removes the five newest pods plus one more', () => {
    const c = createCluster({ seed: 14 });
    applyOk(c, FRONTEND.replace('name: frontend\n', 'name: nginx-replicaset\n'));
    c.advance(130_000);
    const firstThree = live(c).map((p) => p.metadata.name);
    expect(c.kubectl('scale --replicas=8 rs/nginx-replicaset').stdout).toBe('replicaset.apps/nginx-replicaset scaled\n');
    c.advance(19_000);
    expect(live(c)).toHaveLength(8);
    expect(c.kubectl('get rs nginx-replicaset').stdout).toMatch(/nginx-replicaset +8 +8 +8 /);
    expect(c.kubectl('scale --replicas=2 rs/nginx-replicaset').exitCode).toBe(0);
    const survivors = live(c).map((p) => p.metadata.name);
    expect(survivors).toHaveLength(2);
    for (const name of survivors) expect(firstThree).toContain(name);
    expect(c.events().filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(6);
  });

  it('replaces a relabelled pod, which lives on as an orphan', () => {
    const c = createCluster({ seed: 15 });
    applyOk(c, FRONTEND);
    c.advance(5_000);
    const victim = pods(c)[0].metadata.name;
    const out = c.kubectl(`label pod ${victim} tier=debug --overwrite`);
    expect(out.stdout).toBe(`pod/${victim} labeled\n`);
    const relabelled = podNamed(c, victim)!;
    expect(relabelled.metadata.ownerReferences).toBeUndefined();
    expect(relabelled.metadata.deletionTimestamp).toBeUndefined();
    const owned = live(c).filter((p) => ownerNames(p).includes('ReplicaSet/frontend'));
    expect(owned).toHaveLength(3);
    expect(owned.map((p) => p.metadata.name)).not.toContain(victim);
  });

  it('rejects template labels that do not match the selector, and restart policies other than Always', () => {
    const c = createCluster({ seed: 16 });
    const bad = c.apply(FRONTEND.replace('      labels:\n        tier: frontend\n    spec:', '      labels:\n        tier: backend\n    spec:'));
    expect(bad.errors.map((e) => e.message).join('\n')).toContain('`selector` does not match template `labels`');
    const never = c.apply(FRONTEND.replace('      containers:', '      restartPolicy: Never\n      containers:'));
    expect(never.errors.map((e) => e.message).join('\n')).toContain('spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
    expect(pods(c)).toEqual([]);
  });
});

describe('ReplicationController scenarios', () => {
  const KUBIA = `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
`;

  it('defaults the selector from the template, creates pods and replaces a relabelled one', () => {
    const c = createCluster({ seed: 21 });
    applyOk(c, KUBIA);
    const rc = c.sim.store.get<ReplicationController>('ReplicationController', 'default', 'kubia')!;
    expect(rc.spec!.selector).toEqual({ app: 'kubia' });
    c.advance(2_000);
    expect(live(c)).toHaveLength(3);
    expect(ownerNames(live(c)[0])).toEqual(['ReplicationController/kubia']);
    expect(c.events().filter((e) => e.reason === 'SuccessfulCreate').every((e) => e.source.component === 'replication-controller')).toBe(true);
    const victim = live(c)[0].metadata.name;
    c.kubectl(`label pod ${victim} app=foo --overwrite`);
    expect(podNamed(c, victim)!.metadata.ownerReferences).toBeUndefined();
    expect(live(c).filter((p) => ownerNames(p).includes('ReplicationController/kubia'))).toHaveLength(3);
  });

  it('deleting with --cascade=orphan keeps the pods running without an owner', () => {
    const c = createCluster({ seed: 22 });
    applyOk(c, KUBIA);
    c.advance(2_000);
    const out = c.kubectl('delete rc kubia --cascade=orphan');
    expect(out.exitCode).toBe(0);
    c.advance(1_000);
    expect(c.sim.store.get('ReplicationController', 'default', 'kubia')).toBeUndefined();
    expect(live(c)).toHaveLength(3);
    for (const p of live(c)) expect(p.metadata.ownerReferences).toBeUndefined();
  });
});
