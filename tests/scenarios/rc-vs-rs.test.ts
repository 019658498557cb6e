import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { headerOf, parseTable, Player } from './harness';

const scenario = scenarioById('rc-vs-rs')!;

describe('scenario rc-vs-rs', () => {
  it('plays through: RC, zombie pod, orphan hand-over, matchLabels, matchExpressions, two sets', () => {
    const p = new Player(scenario);

    const [apply, getRc] = p.step('rc');
    expect(apply.result.stdout).toBe('replicationcontroller/kubia created\n');
    expect(headerOf(getRc.result.stdout)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    p.waitUntilDone('rc', 30);
    expect(p.row('kubectl get rc', 'kubia')).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
    const original = p.podNames('app=kubia');
    expect(original).toHaveLength(3);
    for (const name of original) expect(name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);

    const [label] = p.step('relabel');
    const zombie = original[0];
    expect(label.line).toBe(`kubectl label pod ${zombie} app=foo --overwrite`);
    expect(label.result.stdout).toBe(`pod/${zombie} labeled\n`);
    p.waitUntilDone('relabel', 30);
    expect(p.podNames('app=foo')).toEqual([zombie]);
    const rcCreates = p.cluster.events().filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'ReplicationController');
    expect(rcCreates.reduce((n, e) => n + e.count, 0), 'the RC created a replacement').toBe(4);
    expect(rcCreates[0].source.component).toBe('replication-controller');

    const [delRc] = p.step('orphan-rc');
    expect(delRc.result.stdout).toBe('replicationcontroller "kubia" deleted from default namespace\n');
    p.waitUntilDone('orphan-rc', 5);
    const handedOver = p.podNames('app=kubia');
    expect(handedOver).toHaveLength(3);

    const [applyRs] = p.step('rs-matchlabels');
    expect(applyRs.result.stdout).toBe('replicaset.apps/kubia created\n');
    expect(applyRs.result.stderr).toMatch(/apps\/v1beta2/);
    p.waitUntilDone('rs-matchlabels', 5);
    p.advance(20);
    expect(p.podNames('app=kubia', true), 'adopted, none created').toEqual(handedOver);
    const rsCreates = () => p.cluster.events().filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'ReplicaSet');
    expect(rsCreates()).toEqual([]);

    const [, , describeRs] = p.step('rs-matchexpressions');
    expect(describeRs.result.stdout).toMatch(/Selector:\s+app in \(kubia\)\n/);
    p.waitUntilDone('rs-matchexpressions', 5);
    p.advance(20);
    expect(p.podNames('app=kubia', true)).toEqual(handedOver);

    const [, applyBoth, listed] = p.step('two-sets');
    expect(applyBoth.result.stdout).toBe('replicaset.apps/kubia created\n');
    p.waitUntilDone('two-sets', 5);
    p.advance(20);
    expect(p.podNames('app in (kubia,foo)', true)).toEqual([...handedOver, zombie].sort());
    expect(rsCreates(), 'the ReplicaSet adopted all four and created none').toEqual([]);
    expect(parseTable(listed.result.stdout).map((r) => r.NAME).sort()).toEqual([...handedOver, zombie].sort());
    expect(p.progress.complete).toBe(true);
  });
});
