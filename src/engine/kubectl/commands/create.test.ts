import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl create', () => {
  it('creates from files and generators, and refuses what already exists', async () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS);
    expect(s.run('create -f frontend.yaml').stdout).toBe('replicaset.apps/frontend created\n');
    const again = s.run('create -f frontend.yaml');
    expect(s.run('create deployment hello --image=nginx --replicas=2').stdout).toBe('deployment.apps/hello created\n');
    s.run('create deployment multi --image=nginx --image=busybox --port=80 --dry-run=client -o yaml');
    expect(s.run('create namespace team-a').stdout).toBe('namespace/team-a created\n');
    s.run('create ns team-a');
    s.run('create deployment nope');
    s.run('create secret generic regcred --from-literal=a=b');
    s.advance(10_000);
    s.run('get deploy,rs');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/create.txt');

    expect(again.stderr).toBe('Error from server (AlreadyExists): error when creating "frontend.yaml": replicasets.apps "frontend" already exists\n');
  });

  it('create -f --dry-run=client never asks the server: an existing object still shows as created', () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS);
    s.run('create -f frontend.yaml');
    const rvBefore = s.run('get rs frontend -o jsonpath={.metadata.resourceVersion}').stdout;
    const dry = s.run('create -f frontend.yaml --dry-run=client');
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toBe('replicaset.apps/frontend created (dry run)\n');
    expect(s.run('create -n missing -f frontend.yaml --dry-run=client').stdout).toBe('replicaset.apps/frontend created (dry run)\n');
    expect(s.run('create -f frontend.yaml --dry-run=server').stderr).toMatch(/AlreadyExists/);
    expect(s.run('get rs frontend -o jsonpath={.metadata.resourceVersion}').stdout).toBe(rvBefore);
  });
});
