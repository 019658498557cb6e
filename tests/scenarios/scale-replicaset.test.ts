import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { parseTable, Player } from './harness';

const scenario = scenarioById('scale-replicaset')!;

describe('scenario scale-replicaset', () => {
  it('plays through: nginx-pod adopted (4 new for 5), deleted with the RS; scale 3 → 8 → 2', () => {
    const p = new Player(scenario);

    p.step('bare-pod');
    p.waitUntilDone('bare-pod', 20);

    const [apply, list] = p.step('replicaset-5');
    expect(apply.result.stdout).toBe('replicaset.apps/nginx-replicaset created\n');
    const rows = parseTable(list.result.stdout);
    expect(rows.map((r) => r.NAME)).toContain('nginx-pod');
    expect(rows.filter((r) => r.NAME.startsWith('nginx-replicaset-')), 'only four new pods (the notes’ output)').toHaveLength(4);
    p.advance(2);
    // The notes, 2 s later: nginx-pod Running, the new ones ContainerCreating — on every node that
    // does not hold the nginx image yet (where nginx-pod runs the pull is a quick re-check).
    const at2s = parseTable(p.kubectl('kubectl get pod -o wide').stdout);
    const cachedOn = at2s.find((r) => r.NAME === 'nginx-pod')!.NODE;
    expect(at2s.find((r) => r.NAME === 'nginx-pod')).toMatchObject({ READY: '1/1', STATUS: 'Running' });
    const coldPods = at2s.filter((r) => r.NAME.startsWith('nginx-replicaset-') && r.NODE !== cachedOn);
    expect(coldPods.length).toBeGreaterThan(0);
    for (const row of coldPods) expect(row).toMatchObject({ READY: '0/1', STATUS: 'ContainerCreating', RESTARTS: '0' });
    p.waitUntilDone('replicaset-5', 30);

    p.step('delete-replicaset');
    p.waitUntilDone('delete-replicaset', 40);

    p.step('replicaset-3');
    p.waitUntilDone('replicaset-3', 30);
    const original = p.podNames('app=photo-view');
    expect(original).toHaveLength(3);
    p.advance(120); // the notes scaled about two minutes later

    const [scale8] = p.step('scale-out');
    expect(scale8.result.stdout).toBe('replicaset.apps/nginx-replicaset scaled\n');
    p.waitUntilDone('scale-out', 30);
    p.advance(10);
    const eight = parseTable(p.kubectl('kubectl get pod').stdout);
    expect(eight).toHaveLength(8);
    for (const name of original) expect(eight.map((r) => r.NAME)).toContain(name);
    for (const row of eight) expect(row).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0' });
    // Old pods read ~2m (the notes' 2m29s), new ones seconds (19s).
    for (const row of eight) expect(row.AGE).toMatch(original.includes(row.NAME) ? /^2m\d*s?$/ : /^\d+s$/);

    const [scale2] = p.step('scale-in');
    expect(scale2.result.stdout).toBe('replicaset.apps/nginx-replicaset scaled\n');
    p.waitUntilDone('scale-in', 40);
    expect(p.eventsOf('SuccessfulDelete', 'nginx-replicaset').reduce((n, e) => n + e.count, 0)).toBe(6);
    expect(p.progress.complete).toBe(true);
  });
});
