import type { Pod } from '../api/types';
/**
 * The kubectl transcripts of the learner notes (/work/shared/seeds), re-run against the
 * simulator. Each test replays what the note did and compares the whole session with a golden
 * file; the assertions beside it pin what the note showed (same columns, same statuses).
 */
import { describe, expect, it } from 'vitest';
import { KubectlSession } from './testkit';
import * as M from './__golden__/manifests';

const header = (stdout: string) => stdout.split('\n')[0].split(/\s{2,}/);
const rowOf = (stdout: string, name: string) => stdout.split('\n').find((l) => l.startsWith(`${name} `))?.split(/\s{2,}/);

describe('seed 001: liveness probe, ReplicaSet and DaemonSet sharing labels', () => {
  it('restarts a pod whose liveness probe gets 404 until it backs off', async () => {
    const s = new KubectlSession().file('liveness-pod.yaml', M.LIVENESS_POD);
    s.run('apply -f liveness-pod.yaml');
    // The note looked at 14m, while the pod waited out its 5-minute back-off.
    s.advance(13 * 60_000 + 40_000);
    const pods = s.run('get pods').stdout;
    const describe = s.run('describe po liveness-pod').stdout;
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/001-liveness.txt');

    expect(header(pods)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    const row = rowOf(pods, 'liveness-pod')!;
    expect(row[1]).toBe('0/1');
    expect(row[2]).toBe('CrashLoopBackOff');
    expect(row[3]).toMatch(/^\d+ \(\d+m ago\)$/);
    expect(describe).toContain('Liveness:       http-get http://:80/health delay=5s timeout=1s period=10s #success=1 #failure=3\n');
    expect(describe).toMatch(/\n  Warning  Unhealthy  .* \(x\d+ over \d+m\)\s+kubelet\s+spec\.containers\{my-app\}: Liveness probe failed: HTTP probe failed with statuscode: 404\n/);
    expect(describe).toMatch(/\n  Normal   Killing    .*kubelet\s+spec\.containers\{my-app\}: Container my-app failed liveness probe, will be restarted\n/);
    expect(describe).toMatch(/\n  Warning  BackOff    .* \(x\d+ over \d+m(\d+s)?\)\s+kubelet\s+spec\.containers\{my-app\}: Back-off restarting failed container my-app in pod liveness-pod_default\(.*\)\n/);
  });

  it('keeps a relabelled DaemonSet pod when the DaemonSet is deleted', async () => {
    const s = new KubectlSession().file('rs.yaml', M.MY_REPLICASET).file('ds.yaml', M.MY_DAEMONSET);
    s.run('apply -f rs.yaml');
    s.advance(160_000);
    s.run('apply -f ds.yaml');
    s.advance(43_000);
    s.run('get pods');
    const ds = s.cluster.sim.store.list('Pod').find((p) => p.metadata.name.startsWith('my-daemonset-'))!;
    s.run(`label pod ${ds.metadata.name} app=no-app`);
    s.run(`label pod ${ds.metadata.name} app=no-app --overwrite`);
    s.advance(276_000);
    s.run('get pods --show-labels');
    const deleted = s.run('delete ds my-daemonset').stdout;
    const after = s.run('get pods').stdout;
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/001-daemonset-relabel.txt');

    expect(deleted).toBe('daemonset.apps "my-daemonset" deleted from default namespace\n');
    expect(rowOf(after, ds.metadata.name)?.[2]).toBe('Running');
    expect(after.split('\n').filter((l) => /^my-daemonset-\S+\s+\S+\s+Terminating /.test(l))).toHaveLength(3);
  });

  it('runs the ssd-monitor DaemonSet only on nodes labelled disk=ssd', async () => {
    const s = new KubectlSession().file('ssd-monitor.yaml', M.SSD_MONITOR);
    s.run('create -f ssd-monitor.yaml');
    s.advance(5_000);
    s.run('get ds');
    s.run('label node node-1 disk=ssd');
    s.advance(10_000);
    s.run('get ds');
    s.run('get po -o wide');
    s.run('label node node-1 disk=hdd');
    s.run('label node node-1 disk=hdd --overwrite');
    s.advance(35_000);
    const pods = s.run('get po').stdout;
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/001-ssd-monitor.txt');
    expect(pods).toBe('');
  });
});

describe('seed 002: the echo pod and ReplicaSet', () => {
  it('creates, inspects and deletes the echo pod, then keeps three echo-rs pods', async () => {
    const s = new KubectlSession().file('echo-pod.yml', M.ECHO_POD).file('echo-rs.yml', M.ECHO_RS);
    expect(s.run('apply -f echo-pod.yml').stdout).toBe('pod/echo created\n');
    s.advance(10_000);
    const pods = s.run('get pod').stdout;
    s.run('logs echo');
    s.run('exec echo -- env');
    s.run('exec -it echo -- sh');
    expect(s.run('delete -f echo-pod.yml').stdout).toBe('pod "echo" deleted from default namespace\n');
    s.run('get pod');
    s.advance(30_000);
    s.run('get pod');
    s.run('apply -f echo-rs.yml');
    s.advance(10_000);
    const rsPods = s.run('get pod --show-labels').stdout;
    s.run('get rs');
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/002-echo.txt');

    expect(header(pods)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(rowOf(pods, 'echo')?.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
    const rows = rsPods.split('\n').filter((l) => l.startsWith('echo-rs-'));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toMatch(/^echo-rs-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+10s\s+app=echo,tier=app$/);
  });
});

describe('seed 003: photo-view pods, node labels, requests and limits, ReplicaSets, scale', () => {
  it('applies and reconfigures the photoview pod', async () => {
    const s = new KubectlSession().file('Pod/pod.yaml', M.PHOTOVIEW_POD('v2.0'));
    expect(s.run('apply -f Pod/pod.yaml').stdout).toBe('pod/photoview-pod created\n');
    s.advance(133_000);
    const pods = s.run('get pods --show-labels').stdout;
    s.run('describe pods photoview-pod');
    s.file('Pod/pod.yaml', M.PHOTOVIEW_POD('v1.0'));
    expect(s.run('apply -f Pod/pod.yaml').stdout).toBe('pod/photoview-pod configured\n');
    s.advance(20_000);
    s.run('get pods');
    s.run('delete -f Pod/pod.yaml');
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/003-photoview-pod.txt');

    expect(header(pods)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS']);
    expect(rowOf(pods, 'photoview-pod')).toEqual(['photoview-pod', '1/1', 'Running', '0', '2m13s', 'app=photo-view,env=stage']);
  });

  it('schedules by a node label, by requests, and OOM-kills over the memory limit', async () => {
    const s = new KubectlSession()
      .file('Pod/labels-node.yaml', M.LABELS_NODE_POD)
      .file('Pod/pod-request.yaml', M.REQUESTS_POD)
      .file('Pod/pod-limits.yaml', M.LIMITS_POD);
    s.run('get nodes');
    expect(s.run('label node node-2 server=webap').stdout).toBe('node/node-2 labeled\n');
    const nodes = s.run('get nodes --show-labels').stdout;
    expect(s.run('create -f Pod/labels-node.yaml').stdout).toBe('pod/nginx created\n');
    s.advance(23_000);
    const wide = s.run('get pod --output=wide').stdout;
    s.run('create -f Pod/pod-request.yaml');
    s.advance(39_000);
    s.run('get pods --output wide');
    const requestsNode = s.cluster.sim.store.get<Pod>('Pod', 'default', 'requests-pod')!.spec!.nodeName as string;
    const node = s.run(`describe node ${requestsNode}`).stdout;
    s.run('delete pod nginx requests-pod --now');
    s.run('create -f Pod/pod-limits.yaml');
    // The note looked 6s, 9s, 9s and 43s after creating it and saw these statuses in turn.
    const statuses: string[] = [];
    for (const wanted of ['ContainerCreating', 'Running', 'OOMKilled', 'CrashLoopBackOff']) {
      const out = s.waitFor('get pods --output wide', (o) => rowOf(o, 'limits-pod')?.[2] === wanted, 60_000, 1000);
      statuses.push(out ? rowOf(out, 'limits-pod')![2] : `never ${wanted}`);
    }
    s.run('describe pod limits-pod');
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/003-scheduling.txt');

    expect(header(nodes)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'LABELS']);
    expect(rowOf(nodes, 'node-2')?.[5]).toMatch(/,server=webap$/);
    expect(header(wide)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(rowOf(wide, 'nginx')?.slice(1, 3)).toEqual(['1/1', 'Running']);
    expect(rowOf(wide, 'nginx')?.slice(6)).toEqual(['node-2', '<none>', '<none>']);
    expect(node).toMatch(/\n  default\s+requests-pod\s+50m \(1%\)\s+0 \(0%\)\s+300Mi \(3%\)\s+0 \(0%\)\s+\S+\n/);
    expect(statuses).toEqual(['ContainerCreating', 'Running', 'OOMKilled', 'CrashLoopBackOff']);
  });

  it('keeps five photoview-rs pods, adopts a matching bare pod, and scales nginx-replicaset to eight', async () => {
    const s = new KubectlSession()
      .file('ReplicaSet/replicaset.yaml', M.PHOTOVIEW_RS)
      .file('ReplicaSet/pod-nginx.yaml', M.NGINX_POD.replace('app: nginx', 'app: photo-view').replace('name: nginx\n', 'name: nginx-pod\n'))
      .file('ReplicaSet/replicaset-nginx.yaml', M.NGINX_REPLICASET.replace('replicas: 3', 'replicas: 5'))
      .file('HPA/pod-scale.yaml', M.NGINX_REPLICASET);
    s.run('create -f ReplicaSet/replicaset.yaml');
    s.advance(60_000);
    const rsPods = s.run('get pods --show-labels').stdout;
    s.run('delete -f ReplicaSet/replicaset.yaml');
    s.advance(40_000);
    expect(s.run('apply -f ReplicaSet/pod-nginx.yaml').stdout).toBe('pod/nginx-pod created\n');
    s.advance(27_000);
    s.run('get pod');
    expect(s.run('apply -f ReplicaSet/replicaset-nginx.yaml').stdout).toBe('replicaset.apps/nginx-replicaset created\n');
    s.advance(1_000);
    const adopted = s.run('get pod').stdout;
    s.run('delete rs nginx-replicaset');
    s.advance(40_000);
    expect(s.run('apply -f HPA/pod-scale.yaml').stdout).toBe('replicaset.apps/nginx-replicaset created\n');
    s.advance(130_000);
    expect(s.run('scale --replicas=8 rs/nginx-replicaset').stdout).toBe('replicaset.apps/nginx-replicaset scaled\n');
    s.advance(19_000);
    const scaled = s.run('get pod').stdout;
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/003-replicasets.txt');

    expect(rsPods.split('\n').filter((l) => /^photoview-rs-\S+\s+1\/1\s+Running\s+0\s+60s\s+app=photoview,env=prod$/.test(l))).toHaveLength(5);
    expect(adopted.split('\n').filter((l) => /^nginx-replicaset-\S+\s+0\/1\s+ContainerCreating\s+0\s+1s$/.test(l))).toHaveLength(4);
    expect(rowOf(adopted, 'nginx-pod')?.slice(1, 3)).toEqual(['1/1', 'Running']);
    expect(scaled.split('\n').filter((l) => /^nginx-replicaset-\S+\s+1\/1\s+Running\s+0\s+19s$/.test(l))).toHaveLength(5);
    expect(scaled.split('\n').filter((l) => /^nginx-replicaset-\S+\s+1\/1\s+Running\s+0\s+2m29s$/.test(l))).toHaveLength(3);
  });
});

describe('seed 004: the frontend ReplicaSet of the Kubernetes docs', () => {
  it('creates three pods, owns them, and terminates surplus bare pods', async () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS).file('pod-rs.yaml', M.POD_RS);
    s.run('apply -f frontend.yaml');
    // The note's images were cached (READY 3 at 6s); here gb-frontend is pulled first.
    s.advance(30_000);
    const rs = s.run('get rs').stdout;
    s.advance(87_000);
    const describe = s.run('describe rs/frontend').stdout;
    s.advance(279_000);
    const pods = s.run('get pods').stdout;
    const first = pods.split('\n')[1].split(/\s+/)[0];
    const yaml = s.run(`get pods ${first} -o yaml`).stdout;
    s.advance(204_000);
    s.run('apply -f pod-rs.yaml');
    s.advance(1_000);
    const surplus = s.run('get pods').stdout;
    s.run('autoscale rs frontend --max=10 --min=3 --cpu-percent=50');
    s.run('get hpa');
    s.run('delete rs frontend --cascade=orphan');
    s.run('get rs');
    s.run('get pods');
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/004-frontend.txt');

    expect(header(rs)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    expect(rowOf(rs, 'frontend')).toEqual(['frontend', '3', '3', '3', '30s']);
    expect(describe).toContain('Name:         frontend\nNamespace:    default\nSelector:     tier=frontend\nLabels:       app=guestbook\n              tier=frontend\n');
    expect(describe).toContain('Replicas:     3 current / 3 desired\nPods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(describe).toMatch(/\n  Normal  SuccessfulCreate  117s  replicaset-controller  Created pod: frontend-[a-z0-9]{5}\n/);
    expect(yaml).toMatch(/\n  ownerReferences:\n  - apiVersion: apps\/v1\n    blockOwnerDeletion: true\n    controller: true\n    kind: ReplicaSet\n    name: frontend\n    uid: \S+\n/);
    // The ReplicaSet already has its three pods, so it deletes the two new ones at once.
    expect(surplus.split('\n').filter((l) => l.startsWith('frontend-'))).toHaveLength(3);
  });

  it('shows the surplus bare pods Terminating a second after they were created', () => {
    // The note: `pod1  0/1  Terminating  0  1s`. The kubelet needs a moment to stop a pod it has
    // just been given, so a graceful delete is visible for about a second.
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS).file('pod-rs.yaml', M.POD_RS);
    s.run('apply -f frontend.yaml');
    s.advance(60_000);
    s.run('apply -f pod-rs.yaml');
    s.advance(1_000);
    const pods = s.run('get pods').stdout;
    expect(rowOf(pods, 'pod1')?.slice(1, 4)).toEqual(['0/1', 'Terminating', '0']);
    expect(rowOf(pods, 'pod2')?.slice(1, 4)).toEqual(['0/1', 'Terminating', '0']);
  });

  it('adopts bare pods that exist before the ReplicaSet', async () => {
    const s = new KubectlSession().file('frontend.yaml', M.FRONTEND_RS).file('pod-rs.yaml', M.POD_RS);
    s.run('apply -f pod-rs.yaml');
    s.advance(27_000);
    s.run('apply -f frontend.yaml');
    s.advance(9_000);
    const pods = s.run('get pods').stdout;
    await expect(s.transcript()).toMatchFileSnapshot('__golden__/transcripts/004-adoption.txt');

    const rows = pods.trim().split('\n').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^frontend-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+9s$/);
    expect(rowOf(pods, 'pod1')).toEqual(['pod1', '1/1', 'Running', '0', '36s']);
    expect(rowOf(pods, 'pod2')).toEqual(['pod2', '1/1', 'Running', '0', '36s']);
  });
});
