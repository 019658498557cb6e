import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';

describe('kubectl config', () => {
  it('views the kubeconfig, switches the namespace of the context, and uses it', async () => {
    const s = new KubectlSession();
    expect(s.run('config current-context').stdout).toBe('podlab\n');
    s.run('config view');
    s.run('config get-contexts');
    s.run('create namespace team-a');
    s.run('config set-context --current --namespace=team-a');
    s.run('run web --image=nginx');
    s.run('get pods');
    s.run('get pods -n default');
    s.run('config view --minify -o jsonpath={..namespace}');
    s.run('config use-context nope');
    s.run('config use-context podlab');
    s.run('config');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/config.txt');
  });
});
