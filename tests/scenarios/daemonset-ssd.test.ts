import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { headerOf, Player } from './harness';

const scenario = scenarioById('daemonset-ssd')!;

describe('scenario daemonset-ssd', () => {
  it('plays through: the API error for the notes’ YAML, then pods following the disk=ssd label', () => {
    const p = new Player(scenario);

    const [broken] = p.step('broken-yaml', { failing: [0] });
    expect(broken.result.stderr).toMatch(/Error from server \(BadRequest\): error when creating "ssd-monitor-daemonset\.yaml": DaemonSet in version "v1beta2" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec\.selector\.template"/);
    expect(p.cluster.sim.store.get('DaemonSet', 'default', 'ssd-monitor')).toBeUndefined();

    const [apply, getDs] = p.step('fixed');
    expect(apply.result.stdout).toBe('daemonset.apps/ssd-monitor created\n');
    expect(headerOf(getDs.result.stdout)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE']);
    p.waitUntilDone('fixed', 5);
    p.advance(20);
    expect(p.row('kubectl get ds', 'ssd-monitor')).toMatchObject({ DESIRED: '0', CURRENT: '0', READY: '0', 'NODE SELECTOR': 'disk=ssd' });
    expect(p.podNames('app=ssd-monitor', true)).toEqual([]);

    const [label2] = p.step('label-node-2');
    expect(label2.result.stdout).toBe('node/node-2 labeled\n');
    p.waitUntilDone('label-node-2', 30);
    const onNode2 = p.podNames('app=ssd-monitor');
    expect(onNode2).toHaveLength(1);
    expect(onNode2[0]).toMatch(/^ssd-monitor-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.row('kubectl get pods -o wide', onNode2[0])).toMatchObject({ READY: '1/1', STATUS: 'Running', NODE: 'node-2' });

    p.step('label-node-3');
    p.waitUntilDone('label-node-3', 30);
    expect(p.row('kubectl get ds', 'ssd-monitor')).toMatchObject({ DESIRED: '2', CURRENT: '2', READY: '2', 'UP-TO-DATE': '2', AVAILABLE: '2' });
    const onNode3 = p.podNames('app=ssd-monitor').filter((n) => n !== onNode2[0]);

    const [relabel] = p.step('relabel-hdd');
    expect(relabel.result.stdout).toBe('node/node-2 labeled\n');
    p.waitUntilDone('relabel-hdd', 40);
    expect(p.podNames('app=ssd-monitor', true), 'node-3 keeps its pod').toEqual(onNode3);
    expect(p.progress.complete).toBe(true);
  });
});
