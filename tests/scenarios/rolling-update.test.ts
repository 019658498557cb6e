import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../src/engine/index';
import { podColumns, scenarioById } from '../../src/scenarios/index';
import { parseTable, Player } from './harness';

const scenario = scenarioById('rolling-update')!;
const APP = parseSelector('app=nginx');

/** maxSurge 1 / maxUnavailable 0 for 3 replicas: at most 4 pods, at least 3 ready ones, at every tick. */
function surgeInvariant(p: Player): () => void {
  let maxPods = 0;
  let minReady = Infinity;
  const stop = p.watch((player) => {
    const pods = player.cluster.sim.store.list('Pod', 'default').filter((x) => APP.matches(x.metadata.labels) && !x.metadata.deletionTimestamp);
    const ready = pods.filter((x) => {
      const c = podColumns(x, player.cluster.now());
      return c.status === 'Running' && c.ready === '1/1';
    });
    maxPods = Math.max(maxPods, pods.length);
    minReady = Math.min(minReady, ready.length);
  });
  return () => {
    stop();
    expect(maxPods, 'never more than replicas + maxSurge (1)').toBeLessThanOrEqual(4);
    expect(minReady, 'never fewer than replicas − maxUnavailable (0) ready').toBeGreaterThanOrEqual(3);
  };
}

describe('scenario rolling-update', () => {
  it('plays through: 1.26 → 1.27 one pod at a time, history, undo', () => {
    const p = new Player(scenario);

    const [apply] = p.step('deploy');
    expect(apply.result.stdout).toBe('deployment.apps/nginx-deployment created\n');
    p.waitUntilDone('deploy', 30);
    const rs1 = parseTable(p.kubectl('kubectl get rs').stdout);
    expect(rs1).toHaveLength(1);
    expect(rs1[0].NAME).toMatch(/^nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs1[0]).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
    expect(p.row('kubectl get deployments', 'nginx-deployment')).toMatchObject({ READY: '3/3', 'UP-TO-DATE': '3', AVAILABLE: '3' });

    const check1 = surgeInvariant(p);
    const [update] = p.step('update');
    expect(update.result.stdout).toBe('deployment.apps/nginx-deployment configured\n');
    p.waitUntilDone('update', 60);
    p.advance(10);
    check1();
    const rs2 = parseTable(p.kubectl('kubectl get rs').stdout);
    expect(rs2).toHaveLength(2);
    expect(rs2.find((r) => r.NAME === rs1[0].NAME), 'the old ReplicaSet is kept at 0').toMatchObject({ DESIRED: '0', CURRENT: '0', READY: '0' });
    expect(rs2.find((r) => r.NAME !== rs1[0].NAME)).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
    expect(p.kubectl('kubectl rollout status deployment/nginx-deployment').stdout).toBe('deployment "nginx-deployment" successfully rolled out\n');

    const [history, describe] = p.step('history');
    expect(history.result.stdout).toMatch(/^deployment\.apps\/nginx-deployment\s*\nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/);
    expect(describe.result.stdout).toMatch(/Normal\s+ScalingReplicaSet\s+.*deployment-controller\s+Scaled up replica set nginx-deployment-\w+ (from 0 )?to 1/);

    const check2 = surgeInvariant(p);
    const [undo] = p.step('undo');
    expect(undo.result.stdout).toBe('deployment.apps/nginx-deployment rolled back\n');
    p.waitUntilDone('undo', 60);
    p.advance(10);
    check2();
    const rs3 = parseTable(p.kubectl('kubectl get rs').stdout);
    expect(rs3.find((r) => r.NAME === rs1[0].NAME), 'the first ReplicaSet is scaled up again').toMatchObject({ DESIRED: '3', READY: '3' });
    expect(p.kubectl('kubectl rollout history deployment/nginx-deployment').stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n/);
    expect(p.progress.complete).toBe(true);
  });
});
