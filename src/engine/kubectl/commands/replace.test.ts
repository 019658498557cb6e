import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl replace', () => {
  it('replaces an existing object, --force recreates it, and a missing one is an error', async () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS).file('nginx.yaml', M.NGINX_POD);
    s.run('replace -f frontend.yaml');
    s.run('create -f frontend.yaml');
    s.file('frontend.yaml', M.FRONTEND_RS.replace('replicas: 3', 'replicas: 1'));
    expect(s.run('replace -f frontend.yaml').stdout).toBe('replicaset.apps/frontend replaced\n');
    s.advance(5_000);
    s.run('get rs frontend');
    s.run('create -f nginx.yaml');
    s.advance(5_000);
    s.file('nginx.yaml', M.NGINX_POD.replace('image: nginx', 'image: nginx:1.27'));
    s.run('replace -f nginx.yaml --grace-period=5');
    // The console waits while the old pod terminates, then creates the new one.
    s.follow(s.stream('replace -f nginx.yaml --force'), 10_000, 1000);
    s.run('get pods nginx -o jsonpath={.spec.containers[0].image}');
    s.advance(10_000);
    // Without the console's streaming there is nobody to wait; kubectl says so instead of hanging.
    const blocked = s.run('replace -f nginx.yaml --force');
    expect(blocked.exitCode).toBe(1);
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/replace.txt');
  });
});
