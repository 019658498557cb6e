import { describe, expect, it } from 'vitest';
import { KubectlSession } from '../testkit';
import * as M from '../__golden__/manifests';

/** A cluster with a Deployment, a DaemonSet, a bare pod and a pod in another namespace, 40s old. */
function workloads(): KubectlSession {
  const s = new KubectlSession().file('web.yaml', M.WEB_DEPLOYMENT).file('agent.yaml', M.AGENT_DAEMONSET).file('nginx.yaml', M.NGINX_POD);
  s.cluster.kubectl('apply -f web.yaml', { files: s.files });
  s.cluster.kubectl('apply -f agent.yaml', { files: s.files });
  s.cluster.kubectl('apply -f nginx.yaml', { files: s.files });
  s.cluster.kubectl('create namespace team-a');
  s.cluster.kubectl('run cache --image=redis -n team-a --labels=app=cache,tier=backend');
  s.cluster.advance(40_000);
  return s;
}

describe('kubectl get', () => {
  it('prints tables: default, wide, labels, label columns, several types, all', async () => {
    const s = workloads();
    s.run('get pods');
    s.run('get po -o wide');
    s.run('get pods --show-labels');
    s.run('get pods -L app -L pod-template-hash');
    s.run('get deploy,rs,ds');
    s.run('get deployments.apps web -o wide');
    s.run('get all');
    s.run('get pods -A');
    s.run('get pods --all-namespaces --no-headers');
    s.run('get ns');
    s.run('get no');
    s.run('get nodes node-1 node-2');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/get-tables.txt');
  });

  it('selects by name, type/name, labels and fields, and sorts', async () => {
    const s = workloads();
    s.run('get pod/nginx');
    s.run('get pod nginx deploy/web');
    s.run('get pods -l app=web');
    s.run('get pods -l "app in (web,nginx),tier notin (backend)"');
    s.run('get pods -l \'!pod-template-hash\'');
    s.run('get pods -A -l tier');
    s.run('get pods --field-selector spec.nodeName=node-1');
    s.run('get pods --field-selector status.phase!=Running');
    s.run('get pods --sort-by=.metadata.name');
    s.run('get pods --sort-by=.spec.nodeName -o wide');
    s.run('get pods --sort-by=.status.containerStatuses[0].restartCount');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/get-select.txt');
  });

  it('prints names, jsonpath, custom columns, json and yaml', async () => {
    const s = workloads();
    s.run('get pods -o name');
    s.run('get deploy,ds -o name');
    s.run('get pods -o jsonpath={.items[*].metadata.name}');
    s.run(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}'`);
    s.run('get pod nginx -o jsonpath={.status.phase}');
    s.run('get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[*].image');
    s.run('get pod nginx -o json');
    s.run('get deploy web -o yaml');
    s.run('get pods -l app=nginx -o yaml');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/get-formats.txt');
  });

  it('reports errors as kubectl does', async () => {
    const s = workloads();
    const notFound = s.run('get pod nope');
    s.run('get pods nope nginx');
    const unknownType = s.run('get foo');
    const unknownFlag = s.run('get pods --foo');
    s.run('get pods -o bogus');
    s.run('get pods -n empty');
    s.run('get pods -l "app in (web"');
    s.run('get pods --field-selector metadata.labels=x');
    s.run('get pod nope --ignore-not-found');
    s.run('get');
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/get-errors.txt');

    expect(notFound).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(unknownType.stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(unknownFlag.stderr).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
  });

  it('streams changes with -w until stopped', async () => {
    const s = workloads();
    const watch = s.stream('get pods -w -l app=web');
    s.cluster.kubectl('scale deploy web --replicas=4');
    s.follow(watch, 20_000, 1000);
    const only = s.stream('get deploy web --watch-only');
    s.cluster.kubectl('scale deploy web --replicas=2');
    s.follow(only, 10_000, 1000);
    await expect(s.transcript()).toMatchFileSnapshot('../__golden__/commands/get-watch.txt');
  });
});
