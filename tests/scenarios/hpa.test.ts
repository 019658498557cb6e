import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { headerOf, parseTable, Player } from './harness';

const scenario = scenarioById('hpa')!;

describe('scenario hpa', () => {
  it('plays through: dd at 100% of requests → HPA scales to maxReplicas 5, and back after a manual scale-down', () => {
    const p = new Player(scenario);

    const [apply, list] = p.step('busy-replicaset');
    expect(apply.result.stdout).toBe('replicaset.apps/busy-replicaset created\n');
    expect(headerOf(list.result.stdout)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS']);
    p.waitUntilDone('busy-replicaset', 30);

    p.advance(60); // the text asks to give metrics a minute
    const [top] = p.step('top');
    expect(headerOf(top.result.stdout)).toEqual(['NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    const usage = parseTable(top.result.stdout);
    expect(usage).toHaveLength(2);
    for (const row of usage) expect(row['CPU(cores)'], 'dd is capped at its 100m limit').toBe('100m');

    const [rejected] = p.step('old-field', { failing: [0] });
    expect(rejected.result.stderr).toMatch(
      /Error from server \(BadRequest\): error when creating "hpa-notes\.yaml": HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec\.metrics\[0\]\.resource\.targetAverageUtilization"/,
    );
    expect(p.cluster.sim.store.get('HorizontalPodAutoscaler', 'default', 'budy-hpa')).toBeUndefined();

    const [applyHpa] = p.step('hpa');
    expect(applyHpa.result.stdout).toBe('horizontalpodautoscaler.autoscaling/budy-hpa created\n');
    p.waitUntilDone('hpa', 120);
    expect(p.row('kubectl get hpa', 'budy-hpa')).toMatchObject({
      REFERENCE: 'ReplicaSet/busy-replicaset',
      TARGETS: 'cpu: 100%/30%',
      MINPODS: '1',
      MAXPODS: '5',
      REPLICAS: '5',
    });
    // 7 wanted (ceil(2 × 100 / 30)); with no `behavior` set, one step may at most double (or reach 4):
    // 2 → 4, then 4 → 5 (maxReplicas).
    expect(p.eventsOf('SuccessfulRescale', 'budy-hpa').map((e) => e.message)).toEqual([
      'New size: 4; reason: cpu resource utilization (percentage of request) above target',
      'New size: 5; reason: cpu resource utilization (percentage of request) above target',
    ]);
    expect(p.podNames('app=busy', true).length).toBeLessThanOrEqual(5);

    const [scale] = p.step('against-hpa');
    expect(scale.result.stdout).toBe('replicaset.apps/busy-replicaset scaled\n');
    p.waitUntilDone('against-hpa', 180);
    p.advance(15); // REPLICAS is status.currentReplicas, refreshed at the HPA's next 15 s sync
    expect(p.row('kubectl get hpa', 'budy-hpa')).toMatchObject({ TARGETS: 'cpu: 100%/30%', REPLICAS: '5' });
    expect(p.progress.complete).toBe(true);
  });
});
