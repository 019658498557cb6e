/**
 * The incremental ReplicaSet sync: its per-ReplicaSet tallies always equal a recount, its output is
 * byte-identical to the full sync's, and a sync after one pod change does not visit every owned pod.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Pod, Typed } from '../../api/types';
import type { Cluster } from '../../sim/Cluster';
import type { Simulation } from '../../sim/Simulation';
import { checkInvariants } from '../../sim/invariants';
import { replicaSetTallyMismatches, replicaSetTestHooks } from './ReplicaSetController';
import fc from 'fast-check';
import { runStep, scenarioArb } from '../../../../tests/dst/scenario';

afterEach(() => {
  replicaSetTestHooks.fullSyncOnly = false;
});

function checkTallies(sim: Simulation): void {
  checkInvariants(sim);
  const mismatches = replicaSetTallyMismatches(sim);
  if (mismatches.length > 0) throw new Error(`ReplicaSet tallies differ from a recount at t=${sim.nowMs()}ms:\n${mismatches.join('\n')}`);
}

const rsManifest = (name: string, replicas: number, extra = '') => `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  ${extra}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}, tier: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources: {requests: {cpu: 10m, memory: 16Mi}}
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2}
`;

const rcManifest = `apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  replicas: 4
  selector: {app: legacy}
  template:
    metadata: {labels: {app: legacy}}
    spec:
      containers: [{name: web, image: nginx:1.27, resources: {requests: {cpu: 10m, memory: 16Mi}}}]
`;

const crashingManifest = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: crashy}
spec:
  replicas: 6
  selector: {matchLabels: {app: crashy}}
  template:
    metadata: {labels: {app: crashy}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources: {requests: {cpu: 10m, memory: 16Mi}}
        livenessProbe: {httpGet: {path: /healthz, port: 81}, periodSeconds: 1, failureThreshold: 1}
`;

const bareManifest = (name: string, app: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${app}}}
spec:
  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: 10m, memory: 16Mi}}}]
`;

const podNames = (c: Cluster, app: string) => c.sim.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp).map((p) => p.metadata.name);

/** Adoption, release, relabels, scale up/down, minReadySeconds, template changes, crash loops, deletes. */
function churn(c: Cluster): void {
  c.apply(rsManifest('front', 8));
  c.apply(rcManifest);
  c.apply(crashingManifest);
  c.advance(20_000);
  c.apply(bareManifest('stray-1', 'front'));
  c.apply(bareManifest('stray-2', 'front'));
  c.advance(5_000);
  const front = podNames(c, 'front');
  c.kubectl(`kubectl label pod ${front[0]} app=elsewhere --overwrite`); // released, replaced
  c.kubectl(`kubectl label pod ${front[1]} tier=other --overwrite`); // still owned, no longer fully labeled
  c.kubectl(`kubectl scale rs front --replicas=3`);
  c.advance(10_000);
  c.kubectl(`kubectl label pod ${podNames(c, 'elsewhere')[0]} app=front --overwrite`); // orphan matching again: adopted, then surplus
  c.kubectl(`kubectl delete pod ${podNames(c, 'legacy')[0]} --wait=false`);
  c.kubectl(`kubectl scale rc legacy --replicas=1`);
  c.advance(15_000);
  c.apply(rsManifest('front', 5, 'minReadySeconds: 7'));
  c.advance(30_000);
  c.apply(rsManifest('front', 5).replace('tier: web', 'tier: api'));
  c.kubectl('kubectl scale rs crashy --replicas=2');
  c.advance(60_000);
  c.kubectl('kubectl delete rs front --cascade=orphan');
  c.advance(10_000);
  c.apply(rsManifest('front', 2));
  c.advance(30_000);
}

function fingerprintOf(run: (c: Cluster) => void): { events: string; fingerprint: string } {
  const c = createCluster({ seed: 5, freezeObjects: true, checkInvariants: checkTallies });
  run(c);
  return { events: JSON.stringify(c.events()), fingerprint: c.fingerprint() };
}

describe('ReplicaSet incremental sync', () => {
  it('keeps every tally equal to a recount after every drain, and matches the full sync byte for byte', () => {
    const fast = fingerprintOf(churn);
    replicaSetTestHooks.fullSyncOnly = true;
    const full = fingerprintOf(churn);
    expect(fast.events).toBe(full.events);
    expect(fast.fingerprint).toBe(full.fingerprint);
  }, 60_000);

  it('generated DST scenarios (plus 5 quiet minutes): tallies hold and the output equals the full sync\'s', () => {
    const scenarios = fc.sample(scenarioArb, { seed: 11, numRuns: 40 }).filter((s) => s.steps.some((st) => st.t === 'apply' && ['ReplicaSet', 'Deployment', 'ReplicationController'].includes(st.doc.kind)));
    expect(scenarios.length).toBeGreaterThan(10);
    for (const scenario of scenarios) {
      const runWith = (fullSyncOnly: boolean) => {
        replicaSetTestHooks.fullSyncOnly = fullSyncOnly;
        const c = createCluster({ seed: scenario.seed, nodes: scenario.nodes, freezeObjects: true, checkInvariants: checkTallies });
        let error: unknown;
        try {
          for (const step of scenario.steps) runStep(c, step);
          c.advance(5 * 60_000);
        } catch (e) {
          error = e;
        }
        return { error: String(error), events: JSON.stringify(c.events()), fingerprint: c.fingerprint() };
      };
      const fast = runWith(false);
      const full = runWith(true);
      expect(fast.error, `scenario seed ${scenario.seed}`).toBe(full.error);
      expect(fast.error).not.toMatch(/tallies differ/);
      expect(fast.events === full.events && fast.fingerprint === full.fingerprint, `scenario seed ${scenario.seed}: fast and full syncs differ`).toBe(true);
    }
  }, 300_000);

  it('a sync after one pod changed does not visit every owned pod', () => {
    const replicas = 300;
    const c = createCluster({ seed: 1, nodes: Array.from({ length: 4 }, (_, i) => ({ name: `node-${i + 1}`, cpu: '64', memory: '256Gi', pods: 200 })) });
    c.apply(rsManifest('big', replicas));
    // Bare pods in the same namespace that no ReplicaSet selects: orphans a sync must not scan either.
    c.apply(Array.from({ length: 50 }, (_, i) => bareManifest(`bare-${i}`, 'other')).join('---\n'));
    c.advance(180_000);
    const pods = c.sim.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'big');
    expect(pods.filter((p) => p.status?.phase === 'Running')).toHaveLength(replicas);
    const rs = () => c.sim.store.get<{ status?: { fullyLabeledReplicas?: number } }>('ReplicaSet', 'default', 'big')!;
    expect(rs().status?.fullyLabeledReplicas).toBe(replicas);

    const visitsFor = (act: () => void) => {
      const before = replicaSetTestHooks.podVisits;
      const reconcilesBefore = c.sim.reconcileCount;
      act();
      expect(c.sim.reconcileCount).toBeGreaterThan(reconcilesBefore);
      return replicaSetTestHooks.podVisits - before;
    };
    // A relabel that keeps the pod owned but no longer fully labeled: the ReplicaSet syncs and its status changes.
    const victim = pods[17] as Typed<Pod>;
    const visits = visitsFor(() => c.kubectl(`kubectl label pod ${victim.metadata.name} tier=other --overwrite`));
    expect(rs().status?.fullyLabeledReplicas).toBe(replicas - 1);
    expect(visits).toBeLessThan(10);

    // The same change through the full sync visits them all (the hook measures what it should).
    replicaSetTestHooks.fullSyncOnly = true;
    const fullVisits = visitsFor(() => c.kubectl(`kubectl label pod ${victim.metadata.name} tier=web --overwrite`));
    expect(rs().status?.fullyLabeledReplicas).toBe(replicas);
    expect(fullVisits).toBeGreaterThanOrEqual(replicas);
    expect(replicaSetTallyMismatches(c.sim)).toEqual([]);

    // Time-dependent availability (minReadySeconds) is counted from the tally too.
    replicaSetTestHooks.fullSyncOnly = false;
    c.apply(rsManifest('big', replicas, 'minReadySeconds: 5'));
    c.advance(10_000);
    const minReadyVisits = visitsFor(() => c.kubectl(`kubectl label pod ${victim.metadata.name} tier=other --overwrite`));
    expect(rs().status?.fullyLabeledReplicas).toBe(replicas - 1);
    expect(minReadyVisits).toBeLessThan(10);
    expect(replicaSetTallyMismatches(c.sim)).toEqual([]);
  }, 60_000);
});
