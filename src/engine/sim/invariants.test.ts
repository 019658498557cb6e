import { describe, expect, it } from 'vitest';
import { Simulation } from './Simulation';
import type { Controller } from '../controllers/Controller';
import type { KubeObject } from '../api/types';
import { newNode } from '../api/node';
import { assertConverged, checkInvariants, ConvergenceError, InvariantError, podRequests, toleratesTaint, POD_GC_ORPHAN_BOUND_MS } from './invariants';
import type { Cluster } from './Cluster';
import { clone } from '../util/clone';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

const pod = (name: string, spec: Record<string, unknown> = {}, extra: Partial<KubeObject> = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', ...(extra.metadata ?? {}) },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});

const cpuPod = (name: string, cpu: string, spec: Record<string, unknown> = {}) =>
  pod(name, { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu, memory: '64Mi' } } }], ...spec });

/** A bare simulation with invariants on and a few nodes; writes go straight through the writer. */
function setup(controllers: Controller[] = [], nodes = [{ name: 'n1', cpu: '1', memory: '1Gi', pods: 3 }, { name: 'n2' }]) {
  const sim = new Simulation({ seed: 3, controllers, freezeObjects: true, checkInvariants });
  sim.writer.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  nodes.forEach((n, i) => sim.writer.create(newNode(n, i, 0)));
  sim.start();
  const create = (obj: KubeObject) => {
    const out = sim.write({ type: 'create', object: obj }, 'test');
    sim.drain();
    return out as Obj;
  };
  const update = (obj: KubeObject) => {
    const out = sim.write({ type: 'update', object: obj }, 'test');
    sim.drain();
    return out as Obj;
  };
  return { sim, create, update };
}

function violation(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvariantError || error instanceof ConvergenceError) return error.message;
    throw error;
  }
  return '';
}

/** A stand-in scheduler that binds every unbound pod to one node, fit or not. */
function greedyBinder(nodeName: string): Controller {
  return {
    name: 'binder',
    keysFor: (change) => (change.object.kind === 'Pod' && change.type === 'added' ? [change.object.metadata.name] : []),
    reconcile: (key, ctx) => {
      const p = ctx.view.get<Obj>('Pod', 'default', key);
      if (!p || p.spec?.nodeName) return {};
      const bound = clone(p);
      bound.spec = { ...bound.spec, nodeName };
      bound.status = { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] };
      return { actions: [{ type: 'update', object: bound }] };
    },
  };
}

describe('checkInvariants', () => {
  it('accepts a healthy simulation, drain after drain', () => {
    const { sim, create, update } = setup([greedyBinder('n2')]);
    const p = create(cpuPod('a', '100m'));
    update({ ...sim.store.get<Obj>('Pod', 'default', 'a')!, status: { phase: 'Running' } } as never);
    sim.advance(60_000);
    expect(p.metadata.uid).toBeDefined();
    expect(() => checkInvariants(sim)).not.toThrow();
  });

  it('names a Running pod without a node and an invalid phase', () => {
    const { create } = setup();
    expect(violation(() => create({ ...pod('r'), status: { phase: 'Running' } } as never))).toMatch(/running-pod-has-node: Pod\/default\/r is Running but bound to no node/);
    expect(violation(() => create({ ...pod('x'), status: { phase: 'Crashing' } } as never))).toMatch(/pod-phase-valid: Pod\/default\/x has phase "Crashing"/);
  });

  it('forbids terminal phases going back and bound pods changing node', () => {
    const { sim, create, update } = setup();
    create({ ...pod('done', { nodeName: 'n2' }), status: { phase: 'Failed' } } as never);
    expect(violation(() => update({ ...sim.store.get<Obj>('Pod', 'default', 'done')!, status: { phase: 'Running' } } as never))).toMatch(/pod-phase-terminal: Pod\/default\/done went from terminal phase Failed to Running/);
    create(pod('moved', { nodeName: 'n1' }));
    const moved = sim.store.get<Obj>('Pod', 'default', 'moved')!;
    expect(violation(() => update({ ...moved, spec: { ...moved.spec, nodeName: 'n2' } } as never))).toMatch(/pod-nodeName-immutable: Pod\/default\/moved moved from node n1 to n2/);
  });

  it('catches the scheduler overcommitting a node, but not pods created with nodeName', () => {
    const { create } = setup([greedyBinder('n1')]);
    // Bypassing the scheduler may overcommit, as in Kubernetes.
    create(cpuPod('manual-1', '800m', { nodeName: 'n1' }));
    create(cpuPod('manual-2', '800m', { nodeName: 'n1' }));
    create(cpuPod('s1', '600m'));
    const message = violation(() => create(cpuPod('s2', '600m')));
    expect(message).toMatch(/scheduler-respects-allocatable: pods the scheduler placed on node n1 request cpu 1200m > 1000m allocatable \(pods: s1, s2\)/);
  });

  it('counts the pods limit and ignores terminated pods', () => {
    const { sim, create, update } = setup([greedyBinder('n1')]);
    create(pod('a'));
    create(pod('b'));
    create(pod('c'));
    update({ ...sim.store.get<Obj>('Pod', 'default', 'c')!, status: { phase: 'Succeeded' } } as never);
    create(pod('d'));
    expect(violation(() => create(pod('e')))).toMatch(/pods 4 > 3/);
  });

  it('computes pod requests like the scheduler (limits default requests, init containers, overhead)', () => {
    const p = pod('r', {
      containers: [{ name: 'a', resources: { requests: { cpu: '250m' } } }, { name: 'b', resources: { limits: { cpu: '1', memory: '1Gi' } } }],
      initContainers: [{ name: 'i', resources: { requests: { cpu: '2', memory: '64Mi' } } }],
      overhead: { cpu: '10m' },
    });
    expect(podRequests(p as never)).toEqual({ cpuMilli: 2010, memory: 1024 ** 3 });
  });

  it('requires controller-owned objects to have their owner or be terminating', () => {
    const { sim, create } = setup();
    const rs = create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1 } });
    const ownerRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid!, controller: true };
    create(pod('owned', { nodeName: 'n2' }, { metadata: { name: 'owned', ownerReferences: [ownerRef] } }));
    // A ref whose uid matches nothing, and one whose uid belongs to another kind, are both dangling.
    const bad = violation(() => create(pod('ghost', {}, { metadata: { name: 'ghost', ownerReferences: [{ ...ownerRef, uid: 'nope' }] } })));
    expect(bad).toMatch(/owner-exists-or-collected: Pod\/default\/ghost has controller owner ReplicaSet\/web \(uid nope\) that no longer exists/);
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'ghost', options: { gracePeriodSeconds: 0 } }, 't');
    // Without a garbage collector the owned pod now dangles.
    expect(violation(() => {
      sim.write({ type: 'delete', kind: 'ReplicaSet', namespace: 'default', name: 'web' }, 't');
      sim.drain();
    })).toMatch(/owner-exists-or-collected: Pod\/default\/owned/);
    // Being deleted is fine.
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'owned' }, 't');
    expect(() => sim.drain()).not.toThrow();
  });

  it('lets PodGC take its time with pods on a deleted node, then complains', () => {
    const { sim, create } = setup();
    create(pod('orphan', { nodeName: 'n1' }));
    create(pod('leaving', { nodeName: 'n1' }));
    sim.write({ type: 'delete', kind: 'Node', name: 'n1' }, 't');
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'leaving', options: { gracePeriodSeconds: 600 } }, 't');
    sim.drain();
    sim.advance(POD_GC_ORPHAN_BOUND_MS - 1000);
    sim.scheduleAt('tick', 'k', sim.nowMs() + 5000);
    const message = violation(() => sim.advance(10_000));
    expect(message).toMatch(/pod-on-missing-node: Pod\/default\/orphan is bound to node n1/);
    expect(message).not.toMatch(/leaving/);
  });

  it('restarts the PodGC clock for a missing node once its pods are gone', () => {
    const { sim, create } = setup();
    create(pod('first', { nodeName: 'ghost' }));
    sim.advance(50_000);
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'first', options: { gracePeriodSeconds: 0 } }, 'podgc');
    sim.drain();
    sim.advance(200_000);
    create(pod('second', { nodeName: 'ghost' }));
    sim.scheduleAt('tick', 'k', sim.nowMs() + 30_000);
    expect(() => sim.advance(40_000)).not.toThrow();
  });

  it('notices a resourceVersion going backwards, duplicate uids, missing stamps and broken indexes', () => {
    const { sim, create } = setup();
    sim.store.resourceVersion = 1;
    expect(violation(() => create(pod('a')))).toMatch(/resourceVersion-monotonic/);

    const s2 = setup().sim;
    const a = s2.write({ type: 'create', object: pod('a') }, 't') as Obj;
    s2.store.put({ ...a, metadata: { ...a.metadata, name: 'copy' } });
    s2.store.resourceVersion++;
    expect(violation(() => s2.drain())).toMatch(/uids-unique: Pod\/default\/copy and Pod\/default\/a share uid/);

    const s3 = setup().sim;
    s3.store.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'raw', namespace: 'default' } });
    s3.store.resourceVersion++;
    expect(violation(() => s3.drain())).toMatch(/metadata-complete: Pod\/default\/raw has no metadata.uid/);

    const s4 = new Simulation({ seed: 1, controllers: [], checkInvariants });
    s4.drain();
    const mutable = s4.write({ type: 'create', object: pod('m', { nodeName: 'n1' }) }, 't') as Obj;
    (mutable.spec as Record<string, unknown>).nodeName = 'n2'; // a controller mutating the store
    s4.write({ type: 'create', object: pod('other') }, 't');
    expect(violation(() => s4.drain())).toMatch(/indexes-match-rebuild/);
  });

  it('flags objects left with a deletionTimestamp and nothing to wait for', () => {
    const { sim } = setup();
    sim.store.put({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'zombie', namespace: 'default', uid: 'u-z', resourceVersion: String(++sim.store.resourceVersion), creationTimestamp: '2026-01-01T00:00:00Z', deletionTimestamp: '2026-01-01T00:00:00Z' } });
    expect(violation(() => sim.drain())).toMatch(/deletion-completes: ReplicaSet\/default\/zombie/);
  });

  it('flags workload status claiming more ready than existing replicas', () => {
    const { create } = setup();
    expect(violation(() => create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'liar', namespace: 'default' }, spec: { replicas: 3 }, status: { replicas: 2, readyReplicas: 3 } }))).toMatch(/workload-status-sane: ReplicaSet\/default\/liar reports 3 ready of 2 replicas/);
  });

  it('flags a timer left in the past', () => {
    const { sim } = setup();
    sim.advance(10_000);
    type Slot = { dueMs: number; refs: number };
    const clock = sim.clock as unknown as { push(dueMs: number, seq: number, slot: Slot): void; slots: Map<string, Map<string, Slot>> };
    sim.clock.schedule('x', 'k', 1e12);
    const slot = clock.slots.get('x')!.get('k')!;
    slot.dueMs = 5;
    slot.refs++;
    clock.push(5, 1e9, slot);
    sim.store.resourceVersion++;
    expect(violation(() => sim.drain())).toMatch(/timers-not-in-past: a timer is due at 5ms but the clock is at 10000ms/);
  });

  it('flags two controllers, duplicate pod IPs, IPs outside the node CIDR and PodScheduled without a node', () => {
    const { create } = setup();
    const rs = create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 5 } });
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid!, controller: true };
    expect(violation(() => create(pod('two', { nodeName: 'n1' }, { metadata: { name: 'two', ownerReferences: [owner, { ...owner }] } })))).toMatch(/single-controller: Pod\/default\/two has 2 controller ownerReferences/);
    const { create: create2 } = setup();
    create2({ ...pod('ip1', { nodeName: 'n1' }), status: { phase: 'Running', podIP: '10.244.0.5' } } as never);
    expect(violation(() => create2({ ...pod('ip2', { nodeName: 'n1' }), status: { phase: 'Running', podIP: '10.244.0.5' } } as never))).toMatch(/pod-ip-unique: Pod\/default\/ip2 and Pod\/default\/ip1 both have podIP 10.244.0.5/);
    const { create: create3 } = setup();
    expect(violation(() => create3({ ...pod('far', { nodeName: 'n2' }), status: { phase: 'Running', podIP: '10.244.0.9' } } as never))).toMatch(/pod-ip-in-node-cidr: Pod\/default\/far has podIP 10.244.0.9 outside its node's podCIDR 10.244.1.0\/24/);
    expect(violation(() => create3({ ...pod('sched'), status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] } } as never))).toMatch(/PodScheduled=True but no node/);
  });

  it('flags a restartCount going down and a ReplicaSet with more active pods than it wants', () => {
    const { sim, create, update } = setup();
    create({ ...pod('r', { nodeName: 'n1' }), status: { phase: 'Running', containerStatuses: [{ name: 'c', restartCount: 3, ready: false, image: 'nginx', imageID: '' }] } } as never);
    const r = sim.store.get<Obj>('Pod', 'default', 'r')!;
    expect(violation(() => update({ ...r, status: { ...r.status, containerStatuses: [{ name: 'c', restartCount: 1, ready: false, image: 'nginx', imageID: '' }] } } as never))).toMatch(/restartCount-monotonic: Pod\/default\/r container c restartCount went from 3 to 1/);
    const { create: c2 } = setup();
    const rs = c2({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1 } });
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid!, controller: true };
    c2(pod('w1', { nodeName: 'n1' }, { metadata: { name: 'w1', ownerReferences: [owner] } }));
    expect(violation(() => c2(pod('w2', { nodeName: 'n1' }, { metadata: { name: 'w2', ownerReferences: [owner] } })))).toMatch(/replicas-never-exceeded: ReplicaSet\/default\/web owns 2 active pods but wants 1/);
  });

  it('is cheap when nothing changed: the structural pass is skipped', () => {
    const { sim } = setup();
    const spy = sim.store.rebuilt.bind(sim.store);
    let rebuilds = 0;
    (sim.store as unknown as { rebuilt: () => unknown }).rebuilt = () => (rebuilds++, spy());
    for (let i = 0; i < 10; i++) sim.drain();
    expect(rebuilds).toBe(0);
    sim.write({ type: 'create', object: pod('a') }, 't');
    sim.drain();
    expect(rebuilds).toBe(1);
  });
});

describe('toleratesTaint', () => {
  it('follows core/v1 ToleratesTaint', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', value: 'v' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'w' }, taint)).toBe(false);
    expect(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: '', operator: 'Equal' }, taint)).toBe(false);
  });
});

describe('assertConverged', () => {
  function bare(nodes = [{ name: 'n1', labels: { disk: 'ssd' } }, { name: 'n2' }]) {
    const { sim, create } = setup([], nodes);
    return { sim, create, cluster: { sim } as unknown as Cluster };
  }
  const ownedBy = (owner: Obj) => ({ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true });

  it('checks ReplicaSet replicas against active owned pods and status', () => {
    const { create, cluster } = bare();
    const rs = create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2 }, status: { replicas: 1, observedGeneration: 1 } });
    create(pod('web-1', { nodeName: 'n1' }, { metadata: { name: 'web-1', ownerReferences: [ownedBy(rs)] } }));
    create({ ...pod('web-2', { nodeName: 'n1' }, { metadata: { name: 'web-2', ownerReferences: [ownedBy(rs)] } }), status: { phase: 'Failed' } } as never);
    expect(violation(() => assertConverged(cluster))).toMatch(/replicas-converge: ReplicaSet\/default\/web wants 2 replicas but owns 1 active pods/);
  });

  it('checks one daemon pod per eligible Ready node and none elsewhere', () => {
    const { create, cluster } = bare();
    const ds = create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { template: { spec: { nodeSelector: { disk: 'ssd' }, containers: [] } } } });
    const message = violation(() => assertConverged(cluster));
    expect(message).toMatch(/daemonset-converge: DaemonSet\/default\/agent has 0 active pods for eligible Ready node n1 \(want 1\)/);
    expect(message).not.toMatch(/node n2/);
    const affinity = (node: string) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } });
    create(pod('agent-a', { affinity: affinity('n1') }, { metadata: { name: 'agent-a', ownerReferences: [ownedBy(ds)] } }));
    create(pod('agent-b', { affinity: affinity('n2') }, { metadata: { name: 'agent-b', ownerReferences: [ownedBy(ds)] } }));
    expect(violation(() => assertConverged(cluster))).toMatch(/has 1 active pods for node n2, where it may not run/);
  });

  it('checks that HPAs keep their target within bounds and nodes are Ready', () => {
    const { sim, create, cluster } = bare();
    create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'api', namespace: 'default' }, spec: { replicas: 9 }, status: { observedGeneration: 1 } });
    create({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'api', namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api' }, minReplicas: 1, maxReplicas: 5 } });
    const node = sim.store.get<Obj>('Node', undefined, 'n2')!;
    const status = node.status as { conditions: { type: string; status: string }[] };
    sim.write({ type: 'update', object: { ...node, status: { ...status, conditions: status.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'Unknown' } : c)) } } }, 't');
    sim.drain();
    const message = violation(() => assertConverged(cluster));
    expect(message).toMatch(/hpa-converge: HorizontalPodAutoscaler\/default\/api keeps ReplicaSet\/default\/api at 9 replicas, outside \[1, 5\]/);
    expect(message).toMatch(/node-ready: Node\/n2 is not Ready/);
  });

  it('checks that nothing is stuck terminating', () => {
    const { sim, create, cluster } = bare();
    create(pod('slow', { nodeName: 'n1' }));
    sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'slow', options: { gracePeriodSeconds: 30 } }, 't');
    sim.advance(60_000);
    expect(() => assertConverged(cluster)).not.toThrow();
    sim.advance(120_000);
    expect(violation(() => assertConverged(cluster))).toMatch(/deletion-completes: Pod\/default\/slow has been terminating since/);
  });
});
