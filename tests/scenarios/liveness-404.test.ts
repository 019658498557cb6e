import { describe, expect, it } from 'vitest';
import { EPOCH_MS } from '../../src/engine/index';
import { scenarioById } from '../../src/scenarios/index';
import { headerOf, Player, restartsCell } from './harness';

const scenario = scenarioById('liveness-404')!;
const POD = 'liveness-pod';

function containerStartedMs(p: Player): number | undefined {
  const status = (p.pod(POD)?.status as { containerStatuses?: { state?: { running?: { startedAt?: string } } }[] } | undefined)?.containerStatuses?.[0];
  const startedAt = status?.state?.running?.startedAt;
  return startedAt ? Date.parse(startedAt) - EPOCH_MS : undefined;
}

describe('scenario liveness-404', () => {
  it('plays through: 404 → Killing after 3 failures → CrashLoopBackOff → 7 restarts', () => {
    const p = new Player(scenario);
    p.track(POD);

    const [apply] = p.step('apply');
    expect(apply.result.stdout).toBe('pod/liveness-pod created\n');
    const t0 = p.stepStartMs;
    p.waitUntilDone('apply', 15);
    const started = containerStartedMs(p);
    expect(started, 'the container has a startedAt').toBeDefined();
    expect(p.eventCount('Unhealthy', POD), 'no probe before initialDelaySeconds').toBe(0);

    const [describe1] = p.step('probe-fails');
    // The notes' probe line (kubectl ≤ 1.36 prints #success/#failure).
    expect(describe1.result.stdout).toMatch(/Liveness:\s+http-get http:\/\/:80\/health delay=5s timeout=1s period=10s #success=1 #failure=3\n/);
    p.waitUntilDone('probe-fails', 20);
    const firstUnhealthy = p.eventsOf('Unhealthy', POD)[0];
    expect(firstUnhealthy.type).toBe('Warning');
    expect(firstUnhealthy.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 404');
    // First probe no earlier than initialDelaySeconds after the container started.
    expect(firstUnhealthy.firstTimestampMs - started!).toBeGreaterThanOrEqual(5000);

    p.step('first-restart');
    // The kubelet kills only after the third consecutive failure.
    p.waitFor('first Killing event', 45, () => p.eventCount('Killing', POD) > 0);
    expect(p.eventCount('Unhealthy', POD), 'exactly three failures before the first kill').toBe(3);
    const killing = p.eventsOf('Killing', POD)[0];
    expect(killing.message).toBe('Container my-app failed liveness probe, will be restarted');
    // Kill lands in [initialDelay + (F−1)·P, initialDelay + F·P) after the container started.
    const killAfterStartS = (killing.firstTimestampMs - started!) / 1000;
    expect(killAfterStartS).toBeGreaterThanOrEqual(25);
    expect(killAfterStartS).toBeLessThan(35);
    p.waitUntilDone('first-restart', 45);
    expect(p.firstSeen(POD, 'CrashLoopBackOff'), 'the first restart is immediate: no back-off yet').toBeUndefined();

    const [watch] = p.step('crashloop');
    expect(headerOf(watch.result.stdout)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    p.waitUntilDone('crashloop', 150);
    // The kubelet's back-off (10, 20, 40 s …) counts from the previous container's end; each container
    // lives ~30 s, so restarts 1–4 are immediate and the pod first backs off at the fifth kill.
    const firstLoop = p.history(POD).find((h) => h.status === 'CrashLoopBackOff')!;
    expect(firstLoop.restarts, 'four immediate restarts before the first back-off').toBe(4);
    expect((firstLoop.atMs - t0) / 1000, 'five kills of ≥ 25 s runs come first').toBeGreaterThanOrEqual(120);
    const before = p.history(POD).filter((h) => h.atMs < firstLoop.atMs);
    expect(before.filter((h) => h.status === 'Running').map((h) => h.restarts)).toEqual([0, 1, 2, 3, 4]);
    expect(p.row('kubectl get pods', POD)).toMatchObject({ READY: '0/1', STATUS: 'CrashLoopBackOff' });
    expect(p.row('kubectl get pods', POD)!.RESTARTS).toMatch(restartsCell(4));
    const podStatus = p.pod(POD)!.status as { phase: string };
    expect(podStatus.phase, 'CrashLoopBackOff is not a phase').toBe('Running');

    p.step('backoff-grows');
    // Then 40, 80, 160 s waits and the 300 s cap: the eighth kill comes 8–10 min in, and the pod
    // waits 300 s with 7 restarts — the notes' `0/1 CrashLoopBackOff 7 (5m ago)`.
    p.advance((t0 + 700_000 - p.cluster.now()) / 1000);
    expect(p.done('backoff-grows')).toBe(true);
    expect((p.progress.done['backoff-grows'].atMs - t0) / 1000).toBeGreaterThanOrEqual(480);
    const at = p.row('kubectl get pods', POD)!;
    expect(at).toMatchObject({ READY: '0/1', STATUS: 'CrashLoopBackOff' });
    expect(at.RESTARTS).toMatch(restartsCell(7));

    const backoff = p.eventsOf('BackOff', POD)[0];
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toMatch(/^Back-off restarting failed container my-app in pod liveness-pod_default\(.+\)$/);
    const describe2 = p.kubectl('kubectl describe pod liveness-pod').stdout;
    expect(describe2).toMatch(/Warning\s+Unhealthy\s+.*\(x\d+ over \d+m\)\s+kubelet\s+.*Liveness probe failed: HTTP probe failed with statuscode: 404/);
    expect(describe2).toMatch(/Normal\s+Killing\s+.*\(x\d+ over \d+m\)\s+kubelet\s+.*Container my-app failed liveness probe, will be restarted/);
    expect(describe2).toMatch(/Warning\s+BackOff\s+.*kubelet\s+.*Back-off restarting failed container my-app in pod liveness-pod_default/);
    // nginx exits 0 on SIGTERM (reference §1.3): the previous container ended Completed, exit code 0.
    expect(describe2).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0\n/);
    expect(describe2).toMatch(/Restart Count:\s+7\n/);
    expect(p.progress.complete).toBe(true);
  });
});
