import { describe, expect, it } from 'vitest';
import type { Deployment, KubeObject, ReplicaSet, Typed } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { clone } from '../../util/clone';
import { fixture, summarize, written } from '../common/testFixture';
import { computeHash } from '../common/hash';
import { DeploymentController } from './DeploymentController';
import { formatRevisionHistory, revisionHistory, rollbackDeployment, rolloutStatus } from './rollout';

const controller = new DeploymentController();

function deployment(extra: { image?: string; replicas?: number; strategy?: object; status?: object; generation?: number; annotations?: Record<string, string>; revisionHistoryLimit?: number; progressDeadlineSeconds?: number; paused?: boolean } = {}): Typed<Deployment> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx-deployment', namespace: 'default', uid: 'uid-deploy', generation: extra.generation ?? 1, labels: { app: 'nginx' }, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      replicas: extra.replicas ?? 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: extra.image ?? 'nginx:1.26' }] } },
      ...(extra.strategy ? { strategy: extra.strategy } : {}),
      ...(extra.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: extra.revisionHistoryLimit } : {}),
      ...(extra.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: extra.progressDeadlineSeconds } : {}),
      ...(extra.paused ? { paused: true } : {}),
    },
    ...(extra.status ? { status: extra.status } : {}),
  } as Typed<Deployment>;
}

/** A ReplicaSet as the controller would have made it for `image` at `revision`. */
function ownedRS(image: string, revision: number, replicas: number, available: number, extra: { createdMs?: number; max?: number; desired?: number; ownerUid?: string } = {}): Typed<ReplicaSet> {
  const template = deployment({ image }).spec!.template!;
  const hash = computeHash(template);
  const labels = { app: 'nginx', 'pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `nginx-deployment-${hash}`, namespace: 'default', uid: `uid-rs-${revision}`, generation: 1, labels, creationTimestamp: isoTime(extra.createdMs ?? revision * 1000),
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': String(extra.desired ?? 3), 'deployment.kubernetes.io/max-replicas': String(extra.max ?? 4) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx-deployment', uid: extra.ownerUid ?? 'uid-deploy', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, selector: { matchLabels: labels }, template: { ...clone(template), metadata: { labels } } },
    status: { replicas, ...(replicas ? { fullyLabeledReplicas: replicas } : {}), ...(available ? { readyReplicas: available, availableReplicas: available } : {}), observedGeneration: 1 },
  } as Typed<ReplicaSet>;
}

const completeStatus = (replicas: number, extra: object = {}) => ({
  observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas,
  conditions: [
    { type: 'Available', status: 'True', lastUpdateTime: isoTime(0), lastTransitionTime: isoTime(0), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
    { type: 'Progressing', status: 'True', lastUpdateTime: isoTime(0), lastTransitionTime: isoTime(0), reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "x" has successfully progressed.' },
  ],
  ...extra,
});

const revisioned = { 'deployment.kubernetes.io/revision': '1' };

describe('DeploymentController', () => {
  it('creates the first ReplicaSet, named by the pod-template-hash, at full size', () => {
    const f = fixture([deployment()]);
    const result = controller.reconcile('default/nginx-deployment', f.ctx());
    const rs = result.actions!.find((a) => a.type === 'create')!.object as Typed<ReplicaSet>;
    const hash = computeHash(deployment().spec!.template);
    expect(rs.metadata.name).toBe(`nginx-deployment-${hash}`);
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(summarize(result.actions)).toEqual([
      `create ReplicaSet/default/nginx-deployment-${hash}`,
      `event Normal ScalingReplicaSet Deployment/nginx-deployment: Scaled up replica set nginx-deployment-${hash} from 0 to 3`,
      'update Deployment/default/nginx-deployment',
    ]);
    expect(rs.metadata.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx-deployment', uid: 'uid-deploy', controller: true, blockOwnerDeletion: true }]);
    expect(rs.spec).toEqual({ replicas: 3, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': hash } }, template: { metadata: { labels: { app: 'nginx', 'pod-template-hash': hash } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } });
    const d = written(result.actions).get('Deployment/default/nginx-deployment') as Typed<Deployment>;
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(d.status!.observedGeneration).toBe(1);
    expect(d.status!.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "nginx-deployment-${hash}"`],
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
    ]);
  });

  it('starts a rolling update with one surge pod and scales nothing down yet (25%/25% of 3 = surge 1, unavailable 0)', () => {
    const old = ownedRS('nginx:1.26', 1, 3, 3);
    const f = fixture([deployment({ image: 'nginx:1.27', generation: 2, annotations: revisioned, status: completeStatus(3) }), old], { nowMs: 60_000 });
    const result = controller.reconcile('default/nginx-deployment', f.ctx());
    const newHash = computeHash(deployment({ image: 'nginx:1.27' }).spec!.template);
    expect(summarize(result.actions)).toEqual([
      `create ReplicaSet/default/nginx-deployment-${newHash}`,
      `event Normal ScalingReplicaSet Deployment/nginx-deployment: Scaled up replica set nginx-deployment-${newHash} from 0 to 1`,
      'update Deployment/default/nginx-deployment',
    ]);
    const rs = written(result.actions).get(`ReplicaSet/default/nginx-deployment-${newHash}`)!;
    expect((rs.metadata.annotations as Record<string, string>)['deployment.kubernetes.io/revision']).toBe('2');
    expect((written(result.actions).get('Deployment/default/nginx-deployment')!.metadata.annotations as Record<string, string>)['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('scales the old ReplicaSet down once a new pod is available', () => {
    const d = deployment({ image: 'nginx:1.27', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' }, status: completeStatus(3, { observedGeneration: 2, replicas: 4, updatedReplicas: 1 }) });
    const old = ownedRS('nginx:1.26', 1, 3, 3);
    const fresh = ownedRS('nginx:1.27', 2, 1, 1);
    const result = controller.reconcile('default/nginx-deployment', fixture([d, old, fresh], { nowMs: 90_000 }).ctx());
    expect(summarize(result.actions)).toEqual([
      `update ReplicaSet/default/${old.metadata.name}`,
      `event Normal ScalingReplicaSet Deployment/nginx-deployment: Scaled down replica set ${old.metadata.name} from 3 to 2`,
      'update Deployment/default/nginx-deployment',
    ]);
    expect((written(result.actions).get(`ReplicaSet/default/${old.metadata.name}`) as Typed<ReplicaSet>).spec!.replicas).toBe(2);
  });

  it('does not scale old pods down while the new one is unavailable (maxUnavailable 0)', () => {
    const d = deployment({ image: 'nginx:1.27', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' } });
    const result = controller.reconcile('default/nginx-deployment', fixture([d, ownedRS('nginx:1.26', 1, 3, 3), ownedRS('nginx:1.27', 2, 1, 0)], { nowMs: 90_000 }).ctx());
    expect(summarize(result.actions).filter((l) => !l.startsWith('update Deployment'))).toEqual([]);
  });

  it('does nothing when converged', () => {
    const current = ownedRS('nginx:1.26', 1, 3, 3);
    const f = fixture([deployment({ annotations: revisioned, status: completeStatus(3) }), current], { nowMs: 120_000 });
    expect(controller.reconcile('default/nginx-deployment', f.ctx())).toEqual({ actions: [], requeueAfterMs: undefined });
  });

  it('ignores ReplicaSets controlled by someone else', () => {
    const foreign = ownedRS('nginx:1.26', 1, 3, 3, { ownerUid: 'uid-other-deploy' });
    const result = controller.reconcile('default/nginx-deployment', fixture([deployment(), foreign]).ctx());
    expect(summarize(result.actions).some((l) => l.includes(`ReplicaSet/default/${foreign.metadata.name}`) && !l.startsWith('create'))).toBe(false);
    // Same template, same hash name: the name is taken by a stranger, so the controller bumps collisionCount.
    const d = written(result.actions).get('Deployment/default/nginx-deployment') as Typed<Deployment>;
    expect(d.status!.collisionCount).toBe(1);
  });

  it('Recreate scales every old ReplicaSet to zero before creating the new one', () => {
    const d = deployment({ image: 'nginx:1.27', generation: 2, strategy: { type: 'Recreate' }, annotations: revisioned, status: completeStatus(3) });
    const old = ownedRS('nginx:1.26', 1, 3, 3);
    const first = controller.reconcile('default/nginx-deployment', fixture([d, old], { nowMs: 10_000 }).ctx());
    expect(summarize(first.actions).slice(0, 2)).toEqual([`update ReplicaSet/default/${old.metadata.name}`, `event Normal ScalingReplicaSet Deployment/nginx-deployment: Scaled down replica set ${old.metadata.name} from 3 to 0`]);
    expect(summarize(first.actions).some((l) => l.startsWith('create'))).toBe(false);

    const drained = { ...old, spec: { ...old.spec!, replicas: 0 }, status: { replicas: 0, observedGeneration: 1 } } as Typed<ReplicaSet>;
    const oldPod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'old-pod', namespace: 'default', labels: old.metadata.labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: old.metadata.name, uid: old.metadata.uid, controller: true }], deletionTimestamp: isoTime(5_000) }, spec: { nodeName: 'n', containers: [] }, status: { phase: 'Running' } } as KubeObject;
    const waiting = controller.reconcile('default/nginx-deployment', fixture([d, drained, oldPod], { nowMs: 20_000 }).ctx());
    expect(summarize(waiting.actions).some((l) => l.startsWith('create'))).toBe(false);

    const gone = controller.reconcile('default/nginx-deployment', fixture([d, drained], { nowMs: 40_000 }).ctx());
    expect(summarize(gone.actions).filter((l) => l.startsWith('create') || l.includes('Scaled up'))).toHaveLength(2);
  });

  it('reports ProgressDeadlineExceeded when no progress was made within progressDeadlineSeconds, and requeues for the deadline', () => {
    const progressing = { type: 'Progressing', status: 'True', lastUpdateTime: isoTime(0), lastTransitionTime: isoTime(0), reason: 'ReplicaSetUpdated', message: 'ReplicaSet "x" is progressing.' };
    const status = { observedGeneration: 2, replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1, conditions: [completeStatus(3).conditions[0], progressing] };
    const d = deployment({ image: 'nginx:1.27', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' }, status, progressDeadlineSeconds: 60 });
    const rss = [ownedRS('nginx:1.26', 1, 3, 3), ownedRS('nginx:1.27', 2, 1, 0)];
    const early = controller.reconcile('default/nginx-deployment', fixture([d, ...rss], { nowMs: 30_000 }).ctx());
    expect(early.actions).toEqual([]);
    expect(early.requeueAfterMs).toBe(30_000);
    const late = controller.reconcile('default/nginx-deployment', fixture([d, ...rss], { nowMs: 61_000 }).ctx());
    const cond = (written(late.actions).get('Deployment/default/nginx-deployment') as Typed<Deployment>).status!.conditions!.find((c) => c.type === 'Progressing')!;
    expect([cond.status, cond.reason, cond.message]).toEqual(['False', 'ProgressDeadlineExceeded', `ReplicaSet "${rss[1].metadata.name}" has timed out progressing.`]);
  });

  it('deletes old empty ReplicaSets beyond revisionHistoryLimit, oldest revision first', () => {
    const d = deployment({ image: 'nginx:1.29', annotations: { 'deployment.kubernetes.io/revision': '4' }, status: completeStatus(3), revisionHistoryLimit: 1 });
    const rss = [ownedRS('nginx:1.26', 1, 0, 0), ownedRS('nginx:1.27', 2, 0, 0), ownedRS('nginx:1.28', 3, 0, 0), ownedRS('nginx:1.29', 4, 3, 3)];
    const lines = summarize(controller.reconcile('default/nginx-deployment', fixture([d, ...rss], { nowMs: 100_000 }).ctx()).actions);
    expect(lines.filter((l) => l.startsWith('delete'))).toEqual([`delete ReplicaSet/default/${rss[0].metadata.name}`, `delete ReplicaSet/default/${rss[1].metadata.name}`]);
  });

  it('scales proportionally when replicas change in the middle of a rollout', () => {
    const d = deployment({ image: 'nginx:1.27', replicas: 6, generation: 3, annotations: { 'deployment.kubernetes.io/revision': '2' } });
    const old = ownedRS('nginx:1.26', 1, 2, 2);
    const fresh = ownedRS('nginx:1.27', 2, 2, 0);
    const lines = summarize(controller.reconcile('default/nginx-deployment', fixture([d, old, fresh], { nowMs: 50_000 }).ctx()).actions);
    // allowed 6 + surge 2 = 8 for 4 running: each ReplicaSet gets 2 more.
    expect(lines.filter((l) => l.includes('ScalingReplicaSet'))).toEqual([
      `event Normal ScalingReplicaSet Deployment/nginx-deployment: Scaled up replica set ${fresh.metadata.name} from 2 to 4`,
      `event Normal ScalingReplicaSet Deployment/nginx-deployment: Scaled up replica set ${old.metadata.name} from 2 to 4`,
    ]);
  });

  it('does not roll out a paused Deployment but still scales it and reports the pause', () => {
    const d = deployment({ image: 'nginx:1.27', replicas: 5, generation: 2, paused: true, annotations: revisioned, status: completeStatus(3) });
    const old = ownedRS('nginx:1.26', 1, 3, 3);
    const result = controller.reconcile('default/nginx-deployment', fixture([d, old], { nowMs: 10_000 }).ctx());
    expect(summarize(result.actions)).toEqual([
      `update ReplicaSet/default/${old.metadata.name}`,
      `event Normal ScalingReplicaSet Deployment/nginx-deployment: Scaled up replica set ${old.metadata.name} from 3 to 5`,
      'update Deployment/default/nginx-deployment',
    ]);
    const progressing = (written(result.actions).get('Deployment/default/nginx-deployment') as Typed<Deployment>).status!.conditions!.find((c) => c.type === 'Progressing')!;
    expect([progressing.status, progressing.reason, progressing.message]).toEqual(['Unknown', 'DeploymentPaused', 'Deployment is paused']);
  });

  it('maps ReplicaSet changes to their Deployment and orphans to selecting Deployments', () => {
    const f = fixture([deployment()]);
    const rs = ownedRS('nginx:1.26', 1, 3, 3);
    expect(controller.keysFor({ type: 'added', object: rs }, f.store)).toEqual(['default/nginx-deployment']);
    const orphan = { ...rs, metadata: { ...rs.metadata, ownerReferences: undefined } } as KubeObject;
    expect(controller.keysFor({ type: 'added', object: orphan }, f.store)).toEqual(['default/nginx-deployment']);
    expect(controller.keysFor({ type: 'added', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } as KubeObject }, f.store)).toEqual([]);
  });
});

describe('rollout helpers', () => {
  it('rolloutStatus prints kubectl\'s messages', () => {
    expect(rolloutStatus(deployment({ generation: 2, status: { observedGeneration: 1 } })).message).toBe('Waiting for deployment spec update to be observed...\n');
    expect(rolloutStatus(deployment({ status: { observedGeneration: 1, replicas: 4, updatedReplicas: 1 } })).message).toBe('Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(rolloutStatus(deployment({ status: { observedGeneration: 1, replicas: 4, updatedReplicas: 3, availableReplicas: 3 } })).message).toBe('Waiting for deployment "nginx-deployment" rollout to finish: 1 old replicas are pending termination...\n');
    expect(rolloutStatus(deployment({ status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 1 } })).message).toBe('Waiting for deployment "nginx-deployment" rollout to finish: 1 of 3 updated replicas are available...\n');
    expect(rolloutStatus(deployment({ status: completeStatus(3) }))).toEqual({ message: 'deployment "nginx-deployment" successfully rolled out\n', done: true });
    const stuck = completeStatus(3, { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(rolloutStatus(deployment({ status: stuck })).error).toBe('deployment "nginx-deployment" exceeded its progress deadline');
    expect(rolloutStatus(deployment({ annotations: revisioned, status: completeStatus(3) }), 2).error).toBe('desired revision (2) is different from the running revision (1)');
  });

  const history = () => fixture([deployment({ image: 'nginx:1.27', annotations: { 'deployment.kubernetes.io/revision': '2' } }), ownedRS('nginx:1.26', 1, 0, 0), ownedRS('nginx:1.27', 2, 3, 3)]);

  it('lists revisions like kubectl rollout history', () => {
    const f = history();
    const d = f.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
    const entries = revisionHistory(f.store, d);
    expect(entries.map((e) => [e.revision, e.changeCause])).toEqual([[1, '<none>'], [2, '<none>']]);
    expect(formatRevisionHistory(d, entries)).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('rolls back to the previous revision and skips a revision that is already current', () => {
    const f = history();
    const d = f.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
    const back = rollbackDeployment(f.store, d);
    expect(back.kind).toBe('rolledBack');
    if (back.kind !== 'rolledBack') return;
    expect(back.deployment.spec!.template!.spec!.containers[0].image).toBe('nginx:1.26');
    expect(back.deployment.spec!.template!.metadata!.labels).toEqual({ app: 'nginx' });
    expect(back.deployment.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2' });
    expect(rollbackDeployment(f.store, d, 2)).toEqual({ kind: 'skipped', message: 'skipped rollback (current template already matches revision 2)' });
    expect(rollbackDeployment(f.store, d, 7)).toEqual({ kind: 'error', message: 'unable to find specified revision 7 in history' });
    const paused = { ...d, spec: { ...d.spec!, paused: true } } as Typed<Deployment>;
    expect(rollbackDeployment(f.store, paused, 1).message).toBe("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/nginx-deployment' and try again");
  });
});

