import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { parseTable, Player } from './harness';

const scenario = scenarioById('daemonset-replicaset-shared')!;

describe('scenario daemonset-replicaset-shared', () => {
  it('plays through: both controllers coexist; relabel releases; delete follows ownerReferences', () => {
    const p = new Player(scenario);

    p.step('replicaset');
    p.waitUntilDone('replicaset', 30);
    const rsPods = p.podNames('app=my-app');
    expect(rsPods).toHaveLength(3);

    const [applyDs] = p.step('daemonset');
    expect(applyDs.result.stdout).toBe('daemonset.apps/my-daemonset created\n');
    p.waitUntilDone('daemonset', 30);
    p.advance(20);
    // The notes' list: three my-replicaset pods and one my-daemonset pod, all 1/1 Running.
    const rows = parseTable(p.kubectl('kubectl get pods').stdout);
    expect(rows.filter((r) => r.NAME.startsWith('my-replicaset-'))).toHaveLength(3);
    expect(rows.filter((r) => r.NAME.startsWith('my-daemonset-'))).toHaveLength(1);
    for (const row of rows) expect(row).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0' });
    expect(p.podNames('app=my-app').filter((n) => n.startsWith('my-replicaset-')), 'the ReplicaSet kept its own pods').toEqual(rsPods);
    const daemonPod = rows.find((r) => r.NAME.startsWith('my-daemonset-'))!.NAME;

    const [label] = p.step('relabel-daemon-pod');
    expect(label.line).toBe(`kubectl label pod ${daemonPod} app=no-app --overwrite`);
    expect(label.result.stdout).toBe(`pod/${daemonPod} labeled\n`);
    p.waitUntilDone('relabel-daemon-pod', 30);
    const newDaemonPod = p.podNames('app=my-app').find((n) => n.startsWith('my-daemonset-'))!;
    expect(newDaemonPod).not.toBe(daemonPod);
    expect(p.podNames('app=no-app')).toEqual([daemonPod]);

    const [del, list] = p.step('delete-daemonset');
    expect(del.result.stdout).toBe('daemonset.apps "my-daemonset" deleted from default namespace\n');
    // The notes' output right after the delete: the relabelled pod Running, the DaemonSet's pod Terminating.
    const after = parseTable(list.result.stdout);
    expect(after.find((r) => r.NAME === daemonPod)).toMatchObject({ READY: '1/1', STATUS: 'Running' });
    expect(after.find((r) => r.NAME === newDaemonPod)).toMatchObject({ READY: '1/1', STATUS: 'Terminating' });
    p.waitUntilDone('delete-daemonset', 40);
    expect(p.podNames('app=my-app', true)).toEqual(rsPods);
    expect(p.progress.complete).toBe(true);
  });
});
