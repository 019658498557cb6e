import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import { History, compareForScaleDown, rankFacts, type RankFacts } from './History';
import { focusOf } from './focus';

const rs = (name: string, replicas: number, app = name, cpu = '100m') => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources: {requests: {cpu: "${cpu}"}}
`;
const barePod = (name: string, app: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${app}}}
spec: {containers: [{name: a, image: nginx:1.27}]}
`;

function setup() {
  const cluster = createCluster({ seed: 3 });
  const history = new History(cluster);
  const uidOf = (name: string) => cluster.sim.store.get('Pod', 'default', name)!.metadata.uid!;
  return { cluster, history, uidOf, focus: (name: string) => focusOf(cluster, history, uidOf(name))! };
}

describe('History: ownership', () => {
  it('records adoption of a matching orphan, with the selector and labels', () => {
    const { cluster, focus } = setup();
    cluster.apply(barePod('stray', 'web'));
    cluster.advance(5000);
    cluster.apply(rs('web', 2));
    cluster.advance(1000);
    const ownership = focus('stray').ownership;
    expect(ownership.history).toEqual([{ atMs: 5000, change: 'adopted', owner: expect.objectContaining({ kind: 'ReplicaSet', name: 'web' }), selector: 'app=web', labels: { app: 'web' } }]);
    expect(ownership.owner).toMatchObject({ kind: 'ReplicaSet', name: 'web', exists: true });
  });

  it('records release when labels stop matching, and orphaning on --cascade=orphan', () => {
    const { cluster, focus, history, uidOf } = setup();
    cluster.apply(rs('web', 2));
    cluster.advance(10_000);
    const [first, second] = cluster.sim.store.list('Pod', 'default').map((p) => p.metadata.name);
    cluster.kubectl(`kubectl label pod ${first} app=debug --overwrite`);
    cluster.advance(1000);
    const released = focus(first).ownership;
    expect(released.history.map((c) => c.change)).toEqual(['created', 'released']);
    expect(released.history[1]).toMatchObject({ selector: 'app=web', labels: { app: 'debug' } });
    expect(released.owner).toBeUndefined();
    cluster.kubectl('kubectl delete rs web --cascade=orphan');
    cluster.advance(5000);
    expect(history.ownershipOf(uidOf(second)).map((c) => c.change)).toEqual(['created', 'orphaned']);
  });
});

describe('History: scale-down', () => {
  it('explains why each victim was chosen: unscheduled pods first', () => {
    const { cluster, history } = setup();
    // 4 CPU per node, 1 CPU each: 12 fit, 2 stay Pending.
    cluster.apply(rs('web', 14, 'web', '1'));
    cluster.advance(20_000);
    const pending = cluster.sim.store.list('Pod', 'default').filter((p) => !(p.spec as { nodeName?: string }).nodeName).map((p) => p.metadata.uid!);
    expect(pending).toHaveLength(2);
    cluster.apply(rs('web', 12, 'web', '1'));
    cluster.advance(1000);
    for (const uid of pending) {
      const why = history.scaleDownOf(uid)!;
      expect(why).toMatchObject({ activeBefore: 14, desired: 12, criterion: 'unassigned', owner: { kind: 'ReplicaSet', name: 'web' } });
      expect(why.together).toHaveLength(1);
    }
  });

  it('is not a scale-down when a pod is deleted by hand at the right count', () => {
    const { cluster, history, uidOf } = setup();
    cluster.apply(rs('web', 2));
    cluster.advance(10_000);
    const name = cluster.sim.store.list('Pod', 'default')[0].metadata.name;
    const uid = uidOf(name);
    cluster.kubectl(`kubectl delete pod ${name}`);
    expect(history.scaleDownOf(uid)).toBeUndefined();
  });

  it('compares by the ranking rules in order', () => {
    const base: RankFacts = { name: 'a', uid: 'a', node: 'n1', phase: 'Running', ready: true, deletionCost: 0, colocated: 1, readySinceMs: 1000, restarts: 0, createdMs: 0 };
    const other = { ...base, name: 'b', uid: 'b' };
    expect(compareForScaleDown({ ...base, node: '' }, other, 100_000)).toMatchObject({ criterion: 'unassigned', aFirst: true });
    expect(compareForScaleDown({ ...base, phase: 'Pending' }, other, 100_000)).toMatchObject({ criterion: 'phase', aFirst: true, a: 'Pending', b: 'Running' });
    expect(compareForScaleDown({ ...base, ready: false, readySinceMs: undefined }, other, 100_000)).toMatchObject({ criterion: 'notReady', aFirst: true });
    expect(compareForScaleDown({ ...base, deletionCost: 5 }, other, 100_000)).toMatchObject({ criterion: 'deletionCost', aFirst: false });
    expect(compareForScaleDown({ ...base, colocated: 3 }, other, 100_000)).toMatchObject({ criterion: 'colocated', aFirst: true });
    // Ready times compare in powers-of-two buckets: 1 s apart at 100 s is a tie (uid order).
    expect(compareForScaleDown({ ...base, readySinceMs: 2000 }, other, 100_000).criterion).toBe('tie');
    expect(compareForScaleDown({ ...base, readySinceMs: 90_000 }, other, 100_000)).toMatchObject({ criterion: 'readySince', aFirst: true });
    expect(compareForScaleDown({ ...base, restarts: 2 }, other, 100_000)).toMatchObject({ criterion: 'restarts', aFirst: true });
    expect(compareForScaleDown({ ...base, createdMs: 95_000 }, other, 100_000)).toMatchObject({ criterion: 'newer', aFirst: true });
  });

  it('reads the facts from a pod', () => {
    const { cluster } = setup();
    cluster.apply(rs('web', 1));
    cluster.advance(10_000);
    const pod = cluster.sim.store.list('Pod', 'default')[0];
    expect(rankFacts(pod as never, [])).toMatchObject({ phase: 'Running', ready: true, restarts: 0, colocated: 0, createdMs: 0 });
  });
});

describe('focus', () => {
  it('carries YAML, events, the scheduler decision and the kubelet timeline of a pod', () => {
    const { cluster, focus } = setup();
    cluster.apply(barePod('solo', 'x'));
    cluster.advance(30_000);
    const f = focus('solo');
    expect(f.yaml).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(f.yaml).toContain('status:');
    expect(f.events.map((e) => e.reason)).toContain('Scheduled');
    expect(f.scheduling).toMatchObject({ outcome: 'Scheduled', numAllNodes: 3 });
    expect(f.timeline?.containers[0].bands.some((b) => b.state === 'running')).toBe(true);
    expect(f.containers?.[0]).toMatchObject({ name: 'a', state: 'running', ready: true });
    expect(f.ownership).toEqual({ history: [], owner: undefined, matchingOwners: [] });
    expect(focusOf(cluster, new History(cluster), 'no-such-uid')).toBeNull();
  });
});
