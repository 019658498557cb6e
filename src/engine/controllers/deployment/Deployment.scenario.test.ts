import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { Cluster } from '../../sim/Cluster';
import { isPodReady } from '../common/pods';
import { revisionHistory, rolloutStatus } from './rollout';

const deploymentYaml = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3${extra}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;

const deploymentOf = (c: Cluster) => c.sim.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
const replicaSets = (c: Cluster) => c.sim.store.list<ReplicaSet>('ReplicaSet', 'default');
const livePods = (c: Cluster) => c.sim.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
const scalingEvents = (c: Cluster) => c.events().filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);

function rolledOut(seed: number): Cluster {
  const c = createCluster({ seed });
  expect(c.apply(deploymentYaml('nginx:1.26')).errors).toEqual([]);
  c.advance(60_000);
  expect(rolloutStatus(deploymentOf(c)).message).toBe('deployment "nginx-deployment" successfully rolled out\n');
  return c;
}

describe('Deployment scenarios', () => {
  it('creates a ReplicaSet named <deployment>-<pod-template-hash> at revision 1', () => {
    const c = rolledOut(51);
    const [rs] = replicaSets(c);
    expect(replicaSets(c)).toHaveLength(1);
    expect(rs.metadata.name).toMatch(/^nginx-deployment-[456789bcdf]{1,10}$/);
    const hash = rs.metadata.name.slice('nginx-deployment-'.length);
    expect(rs.metadata.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(livePods(c).every((p) => p.metadata.name.startsWith(`${rs.metadata.name}-`))).toBe(true);
    expect(scalingEvents(c)).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
    const d = deploymentOf(c);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status!.conditions!.map((x) => [x.type, x.status, x.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
  });

  it('rolls nginx:1.26 → nginx:1.27 within maxSurge 1 / maxUnavailable 0 at every instant', () => {
    const c = rolledOut(52);
    const oldRS = replicaSets(c)[0].metadata.name;
    expect(c.kubectl('set image deployment/nginx-deployment nginx=nginx:1.27').stdout).toBe('deployment.apps/nginx-deployment image updated\n');
    let sawSurge = false;
    for (let second = 0; second < 180; second++) {
      const pods = livePods(c);
      const specTotal = replicaSets(c).reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
      expect(specTotal).toBeLessThanOrEqual(4);
      expect(pods.length).toBeLessThanOrEqual(4);
      expect(pods.filter(isPodReady).length).toBeGreaterThanOrEqual(3);
      if (pods.length === 4) sawSurge = true;
      c.advance(1_000);
    }
    expect(sawSurge).toBe(true);
    const d = deploymentOf(c);
    expect(rolloutStatus(d)).toEqual({ message: 'deployment "nginx-deployment" successfully rolled out\n', done: true });
    const newRS = replicaSets(c).find((rs) => rs.metadata.name !== oldRS)!;
    expect(newRS.spec!.replicas).toBe(3);
    expect(replicaSets(c).find((rs) => rs.metadata.name === oldRS)!.spec!.replicas).toBe(0);
    expect(livePods(c).map((p) => p.spec!.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    expect(scalingEvents(c)).toEqual([
      `Scaled up replica set ${oldRS} from 0 to 3`,
      `Scaled up replica set ${newRS.metadata.name} from 0 to 1`,
      `Scaled down replica set ${oldRS} from 3 to 2`,
      `Scaled up replica set ${newRS.metadata.name} from 1 to 2`,
      `Scaled down replica set ${oldRS} from 2 to 1`,
      `Scaled up replica set ${newRS.metadata.name} from 2 to 3`,
      `Scaled down replica set ${oldRS} from 1 to 0`,
    ]);
    expect(revisionHistory(c.sim.store, d).map((e) => [e.revision, e.replicaSet])).toEqual([[1, oldRS], [2, newRS.metadata.name]]);
    expect(c.kubectl('rollout history deployment/nginx-deployment').stdout).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(c.kubectl('rollout status deployment/nginx-deployment').stdout).toBe('deployment "nginx-deployment" successfully rolled out\n');

    // `kubectl rollout undo`: the old template comes back as revision 3 on the old ReplicaSet.
    expect(c.kubectl('rollout undo deployment/nginx-deployment').stdout).toBe('deployment.apps/nginx-deployment rolled back\n');
    c.advance(180_000);
    const back = replicaSets(c).find((rs) => rs.metadata.name === oldRS)!;
    expect(back.spec!.replicas).toBe(3);
    expect(back.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(revisionHistory(c.sim.store, deploymentOf(c)).map((e) => e.revision)).toEqual([2, 3]);
  });

  it('kubectl delete deployment cascades to its ReplicaSets and their pods', () => {
    const c = rolledOut(55);
    expect(c.kubectl('delete deployment nginx-deployment').exitCode).toBe(0);
    expect(replicaSets(c)).toEqual([]);
    expect(livePods(c)).toEqual([]);
    c.advance(60_000);
    expect(c.sim.store.list('Pod', 'default')).toEqual([]);
  });

  it('replays identically from the same seed', () => {
    const run = () => {
      const c = rolledOut(56);
      c.kubectl('set image deployment/nginx-deployment nginx=nginx:1.27');
      c.kubectl('scale deployment/nginx-deployment --replicas=5');
      c.advance(120_000);
      return c.fingerprint();
    };
    expect(run()).toBe(run());
  });

  it('Recreate stops every old pod before starting the new ones', () => {
    const c = createCluster({ seed: 53 });
    const recreate = '\n  strategy:\n    type: Recreate';
    expect(c.apply(deploymentYaml('nginx:1.26', recreate)).errors).toEqual([]);
    c.advance(60_000);
    expect(c.apply(deploymentYaml('nginx:1.27', recreate)).errors).toEqual([]);
    for (let second = 0; second < 120; second++) {
      const images = new Set(c.sim.store.list<Pod>('Pod', 'default').map((p) => p.spec!.containers[0].image));
      expect(images.size).toBeLessThanOrEqual(1);
      c.advance(1_000);
    }
    expect(livePods(c).map((p) => p.spec!.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
  });

  it('a rollout whose new pods never get Ready stops at the surge and exceeds its progress deadline', () => {
    const c = rolledOut(54);
    const probe = `
        readinessProbe:
          httpGet:
            path: /healthz
            port: 80
          periodSeconds: 5`;
    expect(c.apply(deploymentYaml('nginx:1.27', '\n  progressDeadlineSeconds: 60') + probe).errors).toEqual([]);
    c.advance(30_000);
    expect(rolloutStatus(deploymentOf(c)).message).toBe('Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    c.advance(60_000);
    const d = deploymentOf(c);
    expect(rolloutStatus(d).error).toBe('deployment "nginx-deployment" exceeded its progress deadline');
    const progressing = d.status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect([progressing.status, progressing.reason]).toEqual(['False', 'ProgressDeadlineExceeded']);
    expect(livePods(c).filter(isPodReady)).toHaveLength(3);
    expect(livePods(c)).toHaveLength(4);
  });
});


