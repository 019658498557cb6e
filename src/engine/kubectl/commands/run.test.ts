import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';

describe('kubectl run', () => {
  it('creates pods from images, with labels, env, ports, commands and dry-run output', async () => {
    const s = new KubectlSession();
    expect(s.run('run nginx --image=nginx').stdout).toBe('pod/nginx created\n');
    s.run('run echo --image=ghcr.io/subicura/echo:v1 --labels=app=echo,tier=app --port=3000 --env=MODE=demo');
    s.run('run sleeper --image=busybox --restart=Never --command -- sleep 3600');
    s.run('run once --image=busybox --restart=Never -- echo hello');
    s.run('run preview --image=nginx:1.27 --dry-run=client -o yaml');
    s.run('run preview --image=nginx:1.27 --dry-run=server');
    s.advance(15_000);
    s.run('get pods --show-labels');
    s.run('get pod sleeper -o jsonpath={.spec.containers[0].command}');
    s.run('logs once');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/run.txt');
  });

  it('rejects what kubectl rejects and explains what Podlab cannot do', async () => {
    const s = new KubectlSession();
    s.run('run nginx');
    s.run('run --image=nginx');
    s.run('run nginx --image=nginx --restart=Sometimes');
    s.run('run nginx --image=nginx');
    s.run('run nginx --image=nginx');
    s.run('run shell --image=busybox -it -- sh');
    s.run('run bad_name --image=nginx');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/run-errors.txt');
  });
});
