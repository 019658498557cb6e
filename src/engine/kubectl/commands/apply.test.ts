import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl apply', () => {
  it('creates, configures and leaves unchanged; reads buffers and stdin', async () => {
    const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('pods.yaml', M.POD_RS);
    expect(s.run('apply -f web.yaml').stdout).toBe('deployment.apps/web created\n');
    expect(s.run('apply -f web.yaml').stdout).toBe('deployment.apps/web unchanged\n');
    s.file('web.yaml', M.WEB_DEPLOYMENT.replace('replicas: 3', 'replicas: 2'));
    expect(s.run('apply -f web.yaml').stdout).toBe('deployment.apps/web configured\n');
    s.run('apply -f pods.yaml');
    s.run('apply -f -', M.NGINX_POD);
    s.run('apply -f web.yaml -f pods.yaml --dry-run=client');
    s.run('apply -f web.yaml --dry-run=server');
    s.run('apply -f web.yaml -o name');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/apply.txt');
  });

  it('prints the planned object for --dry-run with -o, new and existing', async () => {
    const s = new KubectlSession().file('rs.yaml', M.MY_REPLICASET);
    s.run('apply -f rs.yaml --dry-run=server -o yaml');
    s.run('apply -f rs.yaml --dry-run=client');
    expect(s.run('get rs').stdout).toBe('');
    s.run('apply -f rs.yaml');
    s.file('rs.yaml', M.MY_REPLICASET.replace(/replicas: \d+/, 'replicas: 5'));
    const server = s.run('apply -f rs.yaml --dry-run=server -o yaml');
    expect(server.stdout).toContain('replicas: 5');
    const client = s.run('apply -f rs.yaml --dry-run=client -o json');
    expect(client.stdout).toContain('"replicas": 5');
    s.run('apply -f rs.yaml --dry-run=client -o name');
    expect(s.run('apply -f rs.yaml --dry-run=server').stdout).toMatch(/configured \(server dry run\)\n$/);
    s.run('apply -f rs.yaml --dry-run=client');
    expect(s.run('get rs -o yaml').stdout).not.toContain('replicas: 5');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/apply-dry-run.txt');
  });

  it('reports missing files, invalid manifests and missing arguments', async () => {
    const s = new KubectlSession()
      .file('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n')
      .file('broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: [\n');
    s.run('apply -f missing.yaml');
    s.run('apply -f bad.yaml');
    s.run('apply -f broken.yaml');
    s.run('apply');
    s.run('apply -f bad.yaml extra');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/apply-errors.txt');
  });
});
