import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { runKubectl } from './kubectl';
import { KubectlSession } from './testkit';
import * as M from './__golden__/manifests';

describe('runKubectl: the command line', () => {
  it('accepts the kubectl/k prefix, flags before the command, -n anywhere, and quoting', async () => {
    const s = new KubectlSession().file('nginx.yaml', M.NGINX_POD);
    s.run('apply -f nginx.yaml');
    s.run('create ns team-a');
    s.run('run cache --image=redis -n team-a');
    s.advance(10_000);
    s.run('kubectl get pods');
    s.run('k get po');
    s.run('-n team-a get pods');
    s.run('get -n team-a pods');
    s.run('--namespace=team-a get pods cache');
    s.run('get pods -l "app in (nginx)"');
    s.run("get pods -o 'custom-columns=NAME:.metadata.name'");
    s.run('get pods --context=podlab');
    s.run('get pods --context=prod');
    s.run('get pods --kubeconfig=/tmp/x');
    s.run('get pods "unterminated');
    s.run('get pods && echo done');
    s.run('');
    s.run('get pods --help');
    s.run('rollout');
    s.run('rollout bogus deploy/web');
    s.run('top');
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/commands/command-line.txt');
  });

  it('keeps the CLI contract: stdout, stderr and exit code as plain data', () => {
    const c = createCluster({ seed: 1 });
    expect(runKubectl(c, 'apply -f -', { stdin: M.NGINX_POD })).toEqual({ stdout: 'pod/nginx created\n', stderr: '', exitCode: 0 });
    const bad = runKubectl(c, 'frobnicate', {});
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });
});
