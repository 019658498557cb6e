import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl scale', () => {
  it('scales ReplicaSets and Deployments, with preconditions and errors', async () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS).file('web.yaml', M.WEB_DEPLOYMENT);
    s.run('apply -f frontend.yaml');
    s.run('apply -f web.yaml');
    s.advance(20_000);
    expect(s.run('scale --replicas=5 rs/frontend').stdout).toBe('replicaset.apps/frontend scaled\n');
    s.run('scale deploy web --replicas=1 --current-replicas=3');
    s.run('scale deploy web --replicas=2 --current-replicas=3');
    s.run('scale -f frontend.yaml --replicas=2');
    s.run('scale rs frontend');
    s.run('scale rs frontend --replicas=-1');
    s.run('scale pod nginx --replicas=2');
    s.run('scale rs nope --replicas=2');
    s.advance(20_000);
    s.run('get rs,deploy');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/scale.txt');
  });
});
