import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

describe('kubectl label', () => {
  it('adds, overwrites, removes and lists labels on pods and nodes', async () => {
    const s = new KubectlSession().file('nginx.yaml', M.NGINX_POD).file('pods.yaml', M.POD_RS);
    s.run('apply -f nginx.yaml');
    s.run('apply -f pods.yaml');
    expect(s.run('label pod nginx env=stage').stdout).toBe('pod/nginx labeled\n');
    const conflict = s.run('label pod nginx env=prod');
    s.run('label pod nginx env=prod --overwrite');
    s.run('label pod nginx env=prod --overwrite');
    s.run('label pods -l tier=frontend release=canary');
    s.run('label pods --all team=blue');
    s.run('label pod nginx env-');
    s.run('label pod nginx env-');
    s.run('label pod nginx --list');
    s.run('label node node-1 disk=ssd');
    s.run('label no/node-2 disk=hdd zone=b');
    s.run('label pod nginx app=web --dry-run=client');
    s.run('label pod nginx bad_value=a:b');
    s.run('label pod nginx');
    s.run('label pod nope a=b');
    s.run('get pods --show-labels');
    s.run('get nodes -L disk,zone');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/label.txt');

    expect(conflict.stderr).toBe("error: 'env' already has a value (stage), and --overwrite is false\n");
  });
});
