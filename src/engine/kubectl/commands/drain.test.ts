import type { Pod } from '../../api/types';
import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl drain', () => {
  it('refuses DaemonSet and bare pods without flags, then evicts and reports each pod', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('agent.yaml', M.AGENT_DAEMONSET).file('nginx.yaml', M.NGINX_POD);
    s.run('apply -f web.yaml');
    s.run('apply -f agent.yaml');
    s.run('apply -f nginx.yaml');
    s.advance(30_000);
    const node = s.cluster.sim.store.get<Pod>('Pod', 'default', 'nginx')!.spec!.nodeName as string;
    const refused = s.run(`drain ${node}`);
    s.run(`drain ${node} --ignore-daemonsets --dry-run=client`);
    s.follow(s.stream(`drain ${node} --ignore-daemonsets --force`), 60_000, 1000);
    s.run('get nodes');
    s.run('get pods -o wide');
    s.run(`uncordon ${node}`);
    s.run('drain node-9');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/drain.txt');

    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`error: unable to drain node "${node}" due to error: [`);
    expect(refused.stderr).toContain(`There are pending nodes to be drained:\n ${node}\n`);
  });
});
