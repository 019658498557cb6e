import type { Pod } from '../../api/types';
import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl taint', () => {
  it('adds, overwrites and removes taints; NoExecute evicts pods that do not tolerate it', async () => {
    const s = new KubectlSession().file('nginx.yaml', M.NGINX_POD);
    expect(s.run('taint nodes node-1 dedicated=gpu:NoSchedule').stdout).toBe('node/node-1 tainted\n');
    s.run('taint nodes node-1 dedicated=ml:NoSchedule');
    s.run('taint nodes node-1 dedicated=ml:NoSchedule --overwrite');
    s.run('taint node node-2 maintenance:PreferNoSchedule');
    s.run('describe node node-1');
    s.run('apply -f nginx.yaml');
    s.advance(20_000);
    const node = s.cluster.sim.store.get<Pod>('Pod', 'default', 'nginx')!.spec!.nodeName as string;
    s.run(`taint node ${node} evict=now:NoExecute`);
    s.advance(35_000);
    s.run('get pods');
    s.run('events --for pod/nginx');
    s.run('taint nodes node-1 dedicated:NoSchedule-');
    s.run('taint nodes node-1 dedicated-');
    s.run('taint nodes node-1 nothere-');
    s.run('taint nodes node-1 bad=value:Sometimes');
    s.run('taint nodes node-1');
    s.run('get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/taint.txt');
  });
});
