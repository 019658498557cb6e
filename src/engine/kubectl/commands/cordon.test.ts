import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';

describe('kubectl cordon / uncordon', () => {
  it('marks nodes unschedulable and back, by name and by selector', async () => {
    const s = new KubectlSession();
    expect(s.run('cordon node-1').stdout).toBe('node/node-1 cordoned\n');
    s.run('cordon node-1');
    s.run('get nodes');
    s.run('run nginx --image=nginx');
    s.advance(5_000);
    s.run('get pod nginx -o wide');
    s.run('label node node-2 pool=blue');
    s.run('cordon -l pool=blue --dry-run=client');
    expect(s.run('uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    s.run('uncordon node-1');
    s.run('cordon node-9');
    s.run('cordon');
    s.run('get nodes');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/cordon.txt');
  });
});
