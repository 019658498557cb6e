import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { headerOf, parseTable, Player } from './harness';

const scenario = scenarioById('replicaset-basics')!;
const POD_SUFFIX = /^echo-rs-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('scenario replicaset-basics (default)', () => {
  it('plays through: bare pod is not recovered, the ReplicaSet keeps three', () => {
    const p = new Player(scenario);
    p.track('echo');

    const [apply] = p.step('bare-pod');
    expect(apply.result.stdout).toBe('pod/echo created\n');
    p.waitUntilDone('bare-pod', 30);
    // The notes' creation flow: stored unassigned, scheduled, container created, running.
    const seen = p.statuses('echo');
    expect(seen[seen.length - 1]).toBe('Running');
    expect(seen).toContain('ContainerCreating');
    expect(seen.filter((s) => !['Pending', 'ContainerCreating', 'Running'].includes(s))).toEqual([]);
    const reasons = p.cluster.events().filter((e) => e.involvedObject.name === 'echo').map((e) => e.reason);
    expect(reasons[0]).toBe('Scheduled');
    expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Created', 'Started']));
    expect(reasons.indexOf('Started')).toBeGreaterThan(reasons.indexOf('Created'));

    const [describePod] = p.step('pod-events');
    expect(describePod.result.stdout).toMatch(/Normal\s+Scheduled\s+.*default-scheduler\s+Successfully assigned default\/echo to node-\d/);
    // kubelet 1.35 says "Container started"; describe names the container through the fieldPath prefix.
    expect(describePod.result.stdout).toMatch(/Normal\s+Started\s+.*kubelet\s+spec\.containers\{app\}: Container started/);

    const [del] = p.step('delete-bare-pod');
    expect(del.result.stdout).toBe('pod "echo" deleted from default namespace\n');
    p.waitUntilDone('delete-bare-pod', 40);
    p.advance(60);
    expect(p.pod('echo'), 'nothing brings a bare pod back').toBeUndefined();

    const [applyRs, getRs] = p.step('create-rs');
    expect(applyRs.result.stdout).toBe('replicaset.apps/echo-rs created\n');
    expect(headerOf(getRs.result.stdout)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    p.waitUntilDone('create-rs', 30);
    const first = p.podNames('app=echo');
    expect(first).toHaveLength(3);
    for (const name of first) expect(name).toMatch(POD_SUFFIX);
    expect(p.row('kubectl get rs', 'echo-rs')).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
    const labels = parseTable(p.kubectl('kubectl get pod --show-labels').stdout);
    for (const row of labels) expect(row.LABELS).toBe('app=echo,tier=app');

    const victim = first[0];
    const [delPod, afterDelete] = p.step('self-heal');
    expect(delPod.line).toBe(`kubectl delete pod ${victim}`);
    expect(delPod.result.stdout).toBe(`pod "${victim}" deleted from default namespace\n`);
    // Right away: the victim is Terminating (or already gone) and a replacement exists.
    const rows = parseTable(afterDelete.result.stdout);
    expect(rows.filter((r) => r.NAME !== victim)).toHaveLength(3);
    p.waitUntilDone('self-heal', 30);
    expect(p.podNames('app=echo')).not.toContain(victim);

    p.advance(30); // let the victim finish terminating before reading describe's pod counts
    const [yaml, describeRs] = p.step('owner-references');
    expect(yaml.result.stdout).toMatch(/ownerReferences:\n\s+- apiVersion: apps\/v1\n\s+blockOwnerDeletion: true\n\s+controller: true\n\s+kind: ReplicaSet\n\s+name: echo-rs\n\s+uid: /);
    expect(describeRs.result.stdout).toMatch(/Replicas:\s+3 current \/ 3 desired/);
    expect(describeRs.result.stdout).toMatch(/Pods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/);
    expect(describeRs.result.stdout.match(/SuccessfulCreate\s+.*replicaset-controller\s+Created pod: echo-rs-/g)).toHaveLength(4);

    const [delRs] = p.step('delete-rs');
    expect(delRs.result.stdout).toBe('replicaset.apps "echo-rs" deleted from default namespace\n');
    p.waitUntilDone('delete-rs', 40);
    expect(p.progress.complete).toBe(true);
  });
});
