import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { parseTable, Player } from './harness';

const scenario = scenarioById('node-failure')!;

describe('scenario node-failure', () => {
  it('plays through: NotReady after ~50 s, eviction 300 s later, replacements elsewhere, bare pod lost, daemon pod kept', () => {
    const p = new Player(scenario);

    p.step('deploy');
    p.waitUntilDone('deploy', 30);
    const wide = parseTable(p.kubectl('kubectl get pods -o wide').stdout);
    const webOnNode2 = wide.filter((r) => r.NAME.startsWith('web-') && r.NODE === 'node-2').map((r) => r.NAME);
    expect(webOnNode2.length, 'the scheduler spreads six replicas over three nodes').toBeGreaterThan(0);
    expect(wide.find((r) => r.NAME === 'solo')!.NODE).toBe('node-2');
    const daemonOnNode2 = wide.filter((r) => r.NAME.startsWith('node-agent-') && r.NODE === 'node-2').map((r) => r.NAME);
    expect(daemonOnNode2).toHaveLength(1);

    const [annotate] = p.step('stop-node');
    expect(annotate.result.stdout).toBe('node/node-2 annotated\n');
    const stoppedAt = p.stepStartMs;
    p.advance(39);
    expect(p.row('kubectl get nodes', 'node-2')!.STATUS, 'the grace period has not run out').toBe('Ready');
    p.waitUntilDone('stop-node', 60);
    const notReadyS = (p.progress.done['stop-node'].atMs - stoppedAt) / 1000;
    expect(notReadyS).toBeGreaterThanOrEqual(40);
    expect(notReadyS).toBeLessThanOrEqual(60);
    expect(p.row('kubectl get nodes', 'node-2')!.STATUS).toBe('NotReady');
    expect(p.eventsOf('NodeNotReady', 'node-2')[0]?.message).toBe('Node node-2 status is now: NodeNotReady');
    // Nobody reports from node-2: its pods are still listed Running.
    for (const name of webOnNode2) expect(p.row('kubectl get pods -o wide', name)!.STATUS).toBe('Running');

    const [, describeSolo] = p.step('tolerations');
    expect(describeSolo.result.stdout).toMatch(/Tolerations:\s+node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n\s+node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s\n/);

    p.step('eviction');
    const notReadyAt = p.progress.done['stop-node'].atMs;
    p.advance((notReadyAt + 295_000 - p.cluster.now()) / 1000);
    expect(p.done('eviction'), 'pods tolerate the unreachable taint for 300 s').toBe(false);
    for (const name of webOnNode2) expect(p.pod(name)!.metadata.deletionTimestamp).toBeUndefined();
    p.waitUntilDone('eviction', 320);
    const evictedAt = p.eventsOf('TaintManagerEviction', 'solo')[0];
    expect(evictedAt.message).toBe('Marking for deletion Pod default/solo');
    expect((evictedAt.firstTimestampMs - notReadyAt) / 1000).toBeGreaterThanOrEqual(299);
    expect((evictedAt.firstTimestampMs - notReadyAt) / 1000).toBeLessThanOrEqual(306);
    const after = parseTable(p.kubectl('kubectl get pods -o wide').stdout);
    for (const name of [...webOnNode2, 'solo']) expect(after.find((r) => r.NAME === name)!.STATUS).toBe('Terminating');
    expect(after.filter((r) => r.NAME.startsWith('node-agent-')), 'no extra daemon pod elsewhere').toHaveLength(3);
    expect(p.row('kubectl get pods -o wide', daemonOnNode2[0])).toMatchObject({ NODE: 'node-2' });
    expect(p.pod(daemonOnNode2[0])!.metadata.deletionTimestamp, 'daemon pods are never evicted').toBeUndefined();

    const [restore] = p.step('recover');
    expect(restore.result.stdout).toBe('node/node-2 annotated\n');
    p.waitUntilDone('recover', 60);
    for (const name of webOnNode2) expect(p.pod(name)).toBeUndefined();
    expect(p.row('kubectl get nodes', 'node-2')!.STATUS).toBe('Ready');
    expect(p.progress.complete).toBe(true);
  });
});
