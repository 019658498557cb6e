import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { headerOf, parseTable, Player } from './harness';

const scenario = scenarioById('replicaset-adoption')!;

describe('scenario replicaset-adoption', () => {
  it('plays through: adopted-and-deleted, adopted-and-counted, isolated by relabelling', () => {
    const p = new Player(scenario);

    const [apply, getRs] = p.step('frontend');
    expect(apply.result.stdout).toBe('replicaset.apps/frontend created\n');
    expect(headerOf(getRs.result.stdout)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    p.waitUntilDone('frontend', 30);
    expect(p.row('kubectl get rs', 'frontend')).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
    const frontendPods = p.podNames('tier=frontend');
    expect(frontendPods).toHaveLength(3);

    // Bare pods after the ReplicaSet: acquired and deleted at once. The docs: "the new pods are either
    // already terminated, or in the process of being terminated" (their output: `pod1 0/1 Terminating 0 1s`).
    const [applyPods, getPods, describeRs] = p.step('pods-after');
    expect(applyPods.result.stdout).toBe('pod/pod1 created\npod/pod2 created\n');
    const rows = parseTable(getPods.result.stdout);
    for (const name of ['pod1', 'pod2']) {
      const row = rows.find((r) => r.NAME === name);
      if (row) expect(row, `${name} right after apply`).toMatchObject({ READY: '0/1', STATUS: 'Terminating', RESTARTS: '0' });
    }
    for (const name of frontendPods) expect(rows.find((r) => r.NAME === name)).toMatchObject({ READY: '1/1', STATUS: 'Running' });
    for (const name of ['pod1', 'pod2']) expect(describeRs.result.stdout).toMatch(new RegExp(`Normal\\s+SuccessfulDelete\\s+.*replicaset-controller\\s+Deleted pod: ${name}\\n`));
    p.waitUntilDone('pods-after', 40);
    expect(p.podNames('tier=frontend'), 'the original pods are kept').toEqual(frontendPods);
    expect(p.eventsOf('SuccessfulDelete', 'frontend').map((e) => e.message).sort()).toEqual(['Deleted pod: pod1', 'Deleted pod: pod2']);

    const [del] = p.step('delete-frontend');
    expect(del.result.stdout).toBe('replicaset.apps "frontend" deleted from default namespace\n');
    p.waitUntilDone('delete-frontend', 40);

    // Bare pods first, then the ReplicaSet: it acquires them and creates only one pod.
    p.step('pods-first');
    p.waitUntilDone('pods-first', 30);
    const [applyRs, afterRs] = p.step('frontend-after');
    expect(applyRs.result.stdout).toBe('replicaset.apps/frontend created\n');
    const created = parseTable(afterRs.result.stdout).map((r) => r.NAME);
    expect(created.filter((n) => n.startsWith('frontend-'))).toHaveLength(1);
    p.waitUntilDone('frontend-after', 30);
    const final = parseTable(p.kubectl('kubectl get pods').stdout);
    expect(final.map((r) => r.NAME).sort()).toEqual([created.find((n) => n.startsWith('frontend-'))!, 'pod1', 'pod2'].sort());
    for (const row of final) expect(row).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0' });

    const [label, shown] = p.step('isolate');
    expect(label.result.stdout).toBe('pod/pod1 labeled\n');
    p.waitUntilDone('isolate', 30);
    const labels = parseTable(p.kubectl('kubectl get pods --show-labels').stdout);
    expect(labels.find((r) => r.NAME === 'pod1')!.LABELS).toBe('tier=isolated');
    expect(labels.filter((r) => r.LABELS === 'tier=frontend')).toHaveLength(3);
    expect(shown.result.exitCode).toBe(0);
    expect(p.progress.complete).toBe(true);
  });
});
