import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl delete', () => {
  it('cascades in the background by default, orphans with --cascade=orphan, waits with foreground', async () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS).file('web.yaml', M.WEB_DEPLOYMENT);
    s.run('apply -f frontend.yaml');
    s.run('apply -f web.yaml');
    s.advance(30_000);
    expect(s.run('delete rs frontend --cascade=orphan').stdout).toBe('replicaset.apps "frontend" deleted from default namespace\n');
    s.run('get pods -l tier=frontend -o custom-columns=NAME:.metadata.name,OWNERS:.metadata.ownerReferences');
    s.run('delete deploy web --cascade=false');
    s.run('apply -f web.yaml');
    s.advance(30_000);
    s.follow(s.stream('delete deployment web --cascade=foreground'), 60_000, 1000);
    s.run('get deploy,rs,pods -l app=web');
    s.run('delete pods -l tier=frontend');
    s.run('get pods');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/delete-cascade.txt');
  });

  it('honours --grace-period, --now and --force, and -f files', async () => {
    const s = new KubectlSession().file('nginx.yaml', M.NGINX_POD).file('pods.yaml', M.POD_RS);
    s.run('apply -f nginx.yaml');
    s.run('apply -f pods.yaml');
    s.advance(20_000);
    s.follow(s.stream('delete pod nginx --grace-period=5'), 10_000, 1000);
    const forced = s.run('delete pod pod1 --force');
    s.run('delete pod pod2 --grace-period=0 --force -o name');
    s.run('get pods');
    s.run('apply -f pods.yaml');
    s.advance(20_000);
    s.run('delete -f pods.yaml --now --wait=false');
    s.run('get pods');
    s.run('delete pod pod1 --force --grace-period=3');
    s.run('delete pod nope');
    s.run('delete pod nope --ignore-not-found');
    s.run('delete pods --all -n empty');
    s.run('delete');
    s.run('delete rs --cascade=sideways');
    s.run('delete node node-3 -n default --dry-run=client');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/delete-options.txt');

    expect(forced.stdout).toBe('pod "pod1" force deleted from default namespace\n');
    expect(forced.stderr).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  });
});
