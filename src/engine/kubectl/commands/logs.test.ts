import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl logs', () => {
  it('prints, tails, picks containers, shows the previous instance and follows', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('liveness.yaml', M.LIVENESS_POD);
    s.run('apply -f web.yaml');
    s.run('apply -f liveness.yaml');
    s.run('run two --image=busybox --restart=Never --command -- sh -c "echo one; sleep 3600"');
    s.advance(60_000);
    const pod = s.cluster.sim.store.list('Pod').find((p) => p.metadata.name.startsWith('web-'))!.metadata.name;
    s.run(`logs ${pod}`);
    s.run(`logs ${pod} --tail=3`);
    s.run(`logs ${pod} -c nginx --timestamps --tail=2`);
    s.run('logs deploy/web --tail=1');
    s.run('logs liveness-pod --previous --tail=4');
    s.run('logs two');
    s.run('logs -l app=web --tail=1 --prefix');
    const follow = s.stream('logs liveness-pod -f --tail=2');
    s.follow(follow, 40_000, 5_000);
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/logs.txt');
  });

  it('reports missing pods, containers and previous instances', async () => {
    const s = new KubectlSession().file('nginx.yaml', M.NGINX_POD);
    s.run('apply -f nginx.yaml');
    s.run('logs nginx');
    s.advance(20_000);
    const noPrevious = s.run('logs nginx --previous');
    s.run('logs nginx -c sidecar');
    s.run('logs nope');
    s.run('logs');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/logs-errors.txt');
    expect(noPrevious.stderr).toBe('Error from server (BadRequest): previous terminated container "nginx" in pod "nginx" not found\n');
  });
});
