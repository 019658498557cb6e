import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl rollout', () => {
  it('follows a rolling update, lists history, undoes and restarts', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT);
    s.run('apply -f web.yaml');
    s.advance(30_000);
    s.run('rollout status deployment/web');
    s.run('set image deployment/web nginx=nginx:1.26');
    s.follow(s.stream('rollout status deploy/web'), 120_000, 1000);
    s.run('rollout history deployment/web');
    s.run('rollout history deployment/web --revision=2');
    expect(s.run('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    s.follow(s.stream('rollout status deployment/web'), 120_000, 1000);
    s.run('rollout history deploy web');
    s.run('rollout undo deployment/web --to-revision=9');
    s.run('rollout restart deployment/web');
    s.advance(60_000);
    s.run('get rs');
    s.run('rollout pause deployment/web');
    s.run('rollout pause deployment/web');
    s.run('rollout resume deployment/web');
    s.run('rollout status rs/web');
    s.run('rollout status deployment/nope');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/rollout.txt');
  });

  it('rolls out a DaemonSet and reports a stuck rollout without waiting', async () => {
    const s = new KubectlSession().file('agent.yaml', M.AGENT_DAEMONSET).file('web.yaml', M.WEB_DEPLOYMENT);
    s.run('apply -f agent.yaml');
    s.advance(20_000);
    s.run('set image ds/agent agent=busybox:1.36');
    s.follow(s.stream('rollout status ds/agent'), 60_000, 1000);
    s.run('apply -f web.yaml');
    s.advance(20_000);
    s.run('set image deploy/web nginx=nginx:does-not-exist');
    s.advance(20_000);
    s.run('rollout status deploy/web --watch=false');
    s.run('get pods -l app=web');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/rollout-daemonset.txt');
  });
});
