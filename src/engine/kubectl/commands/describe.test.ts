import type { Pod } from '../../api/types';
import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl describe', () => {
  it('describes a pod, a ReplicaSet, a DaemonSet, a Deployment and a node with their events', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('agent.yaml', M.AGENT_DAEMONSET).file('frontend.yaml', M.FRONTEND_RS);
    s.run('apply -f web.yaml');
    s.run('apply -f agent.yaml');
    s.run('apply -f frontend.yaml');
    s.advance(90_000);
    const pod = s.cluster.sim.store.list<Pod>('Pod').find((p) => p.metadata.name.startsWith('web-'))!;
    s.run(`describe pod ${pod.metadata.name}`);
    s.run('describe rs frontend');
    s.run('describe ds agent');
    s.run('describe deploy web');
    s.run(`describe node ${pod.spec!.nodeName}`);
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/describe-kinds.txt');
  });

  it('describes a pending pod with the scheduler\'s reason, an HPA and a namespace', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('labels-node.yaml', M.LABELS_NODE_POD);
    s.run('create -f labels-node.yaml');
    s.run('apply -f web.yaml');
    s.run('autoscale deployment web --min=2 --max=6 --cpu-percent=60');
    s.advance(75_000);
    s.run('describe pod nginx');
    s.run('describe hpa web');
    s.run('describe ns default');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/describe-pending-hpa-ns.txt');
  });

  it('describes by name prefix, by type only, by label, and reports what it cannot find', async () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS);
    s.run('apply -f frontend.yaml');
    s.advance(20_000);
    const byPrefix = s.run('describe pods frontend').stdout;
    s.run('describe rs -l tier=frontend');
    const missing = s.run('describe pod nope');
    s.run('describe pods -l app=nope');
    s.run('describe');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/describe-select.txt');

    // The prefix fallback (DescribeMatchingResources) prints each description followed by one newline.
    expect(byPrefix.split('\n\nName:').length).toBe(3);
    expect(missing).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });
});
