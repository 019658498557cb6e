import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { headerOf, parseTable, Player } from './harness';

const scenario = scenarioById('node-selector')!;

describe('scenario node-selector', () => {
  it('plays through: server=webap pulls the pod to minikube-m02; no match → FailedScheduling; relabel → minikube-m03', () => {
    const p = new Player(scenario);

    const [nodes] = p.step('nodes');
    expect(headerOf(nodes.result.stdout)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'LABELS']);
    const nodeRows = parseTable(nodes.result.stdout);
    expect(nodeRows.map((r) => r.NAME)).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
    expect(nodeRows.map((r) => r.ROLES)).toEqual(['control-plane', '<none>', '<none>']);
    for (const row of nodeRows) expect(row.STATUS).toBe('Ready');

    const [label] = p.step('label');
    expect(label.result.stdout).toBe('node/minikube-m02 labeled\n');
    expect(p.done('label')).toBe(true);
    expect(parseTable(p.kubectl('kubectl get nodes --show-labels').stdout).find((r) => r.NAME === 'minikube-m02')!.LABELS).toMatch(/(^|,)server=webap(,|$)/);

    const [create, wide] = p.step('create-pod');
    expect(create.result.stdout).toBe('pod/nginx created\n');
    expect(headerOf(wide.result.stdout)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    p.waitUntilDone('create-pod', 30);
    expect(p.row('kubectl get pod --output=wide', 'nginx')).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0', NODE: 'minikube-m02', 'NOMINATED NODE': '<none>', 'READINESS GATES': '<none>' });
    expect(p.eventsOf('Scheduled', 'nginx')[0].message).toBe('Successfully assigned default/nginx to minikube-m02');

    const [unlabel] = p.step('remove-label');
    expect(unlabel.result.stdout).toBe('node/minikube-m02 unlabeled\n');
    expect(p.done('remove-label')).toBe(true);
    p.advance(60);
    expect(p.row('kubectl get pod --output=wide', 'nginx'), 'nodeSelector is not re-checked after scheduling').toMatchObject({ STATUS: 'Running', NODE: 'minikube-m02' });

    const [del] = p.step('delete-pod');
    expect(del.result.stdout).toBe('pod "nginx" deleted from default namespace\n');
    p.waitUntilDone('delete-pod', 30);

    const [recreate] = p.step('no-match');
    expect(recreate.result.stdout).toBe('pod/nginx created\n');
    p.waitUntilDone('no-match', 5);
    expect(p.eventsOf('FailedScheduling', 'nginx')[0].message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    expect(p.kubectl('kubectl describe pod nginx').stdout).toMatch(/Warning\s+FailedScheduling\s+.*default-scheduler\s+0\/3 nodes are available/);
    p.advance(60);
    expect(p.row('kubectl get pod --output=wide', 'nginx')).toMatchObject({ STATUS: 'Pending', NODE: '<none>' });

    const [label3] = p.step('label-m03');
    expect(label3.result.stdout).toBe('node/minikube-m03 labeled\n');
    p.waitUntilDone('label-m03', 30);
    expect(p.eventsOf('Scheduled', 'nginx').map((e) => e.message)).toContain('Successfully assigned default/nginx to minikube-m03');
    expect(p.progress.complete).toBe(true);
  });
});
