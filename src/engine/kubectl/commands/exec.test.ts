import type { Pod } from '../../api/types';
import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl exec', () => {
  it('runs simple commands in a container: env, cat, hostname, curl to another pod', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('echo.yaml', M.ECHO_POD);
    s.run('apply -f web.yaml');
    s.run('apply -f echo.yaml');
    s.advance(30_000);
    const pod = s.cluster.sim.store.list('Pod').find((p) => p.metadata.name.startsWith('web-'))!;
    const echoIp = s.cluster.sim.store.get<Pod>('Pod', 'default', 'echo')!.status!.podIP as string;
    s.run(`exec ${pod.metadata.name} -- env`);
    s.run(`exec ${pod.metadata.name} -c nginx -- printenv GREETING`);
    s.run(`exec ${pod.metadata.name} -- cat /etc/hostname`);
    s.run(`exec ${pod.metadata.name} -- hostname`);
    s.run(`exec deploy/web -- cat /etc/nginx/conf.d/default.conf`);
    s.run(`exec ${pod.metadata.name} -- curl -s http://${echoIp}:3000/hello`);
    s.run(`exec ${pod.metadata.name} -- sh -c "echo $HOSTNAME"`);
    s.run(`exec ${pod.metadata.name} -- ls /nope`);
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/exec.txt');
  });

  it('reports usage errors, missing pods and containers, and interactive sessions', async () => {
    const s = new KubectlSession().file('nginx.yaml', M.NGINX_POD);
    s.run('apply -f nginx.yaml');
    s.run('exec nginx -- env');
    s.advance(20_000);
    s.run('exec nginx env');
    s.run('exec nginx');
    s.run('exec nginx -c nope -- env');
    const missing = s.run('exec nope -- env');
    s.run('exec -it nginx -- bash');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/exec-errors.txt');
    expect(missing.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
