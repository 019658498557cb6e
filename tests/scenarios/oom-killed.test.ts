import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { Player, restartsCell } from './harness';

const scenario = scenarioById('oom-killed')!;
const POD = 'limits-pod';

describe('scenario oom-killed', () => {
  it('plays through: OOMKilled (137) → CrashLoopBackOff → 6 restarts at 7m15s', () => {
    const p = new Player(scenario);
    p.track(POD);

    const [apply] = p.step('oom');
    expect(apply.result.stdout).toBe('pod/limits-pod created\n');
    const t0 = p.stepStartMs;
    p.waitUntilDone('oom', 15);
    // The notes: ContainerCreating → Running → OOMKilled, with 0 restarts on the OOMKilled line.
    p.waitFor('OOMKilled in the STATUS column', 15, () => p.firstSeen(POD, 'OOMKilled') !== undefined);
    const seen = p.statuses(POD);
    expect(seen).toContain('ContainerCreating');
    expect(seen.indexOf('ContainerCreating')).toBeLessThan(seen.indexOf('OOMKilled'));
    expect(p.firstSeen(POD, 'OOMKilled')).toBeLessThan(p.firstSeen(POD, 'CrashLoopBackOff') ?? Infinity);

    const [describe] = p.step('describe');
    const out = describe.result.stdout;
    expect(out).toMatch(/(Last )?State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137\n/);
    expect(out).toMatch(/Limits:\n\s+cpu:\s+90m\n\s+memory:\s+300Mi\n\s+Requests:\n\s+cpu:\s+90m\n\s+memory:\s+300Mi\n/);
    expect(out).toMatch(/QoS Class:\s+Guaranteed\n/);

    p.step('crashloop');
    p.waitUntilDone('crashloop', 60);
    // Short runs: only the first restart is immediate; every later kill shows OOMKilled until the
    // kubelet's next sync, then CrashLoopBackOff until the back-off (10, 20, 40 s …) is over.
    const history = p.history(POD);
    expect(history.find((h) => h.status === 'OOMKilled')!.restarts, 'the notes: OOMKilled with 0 restarts').toBe(0);
    const firstLoop = history.find((h) => h.status === 'CrashLoopBackOff')!;
    expect(firstLoop.restarts).toBe(1);
    expect(history[history.indexOf(firstLoop) - 1].status).toBe('OOMKilled');
    expect(p.row('kubectl get pods --output wide', POD)!.READY).toBe('0/1');

    p.step('restarts-grow');
    // The notes' 7m15s: CrashLoopBackOff with 6 restarts.
    p.advance((t0 + 435_000 - p.cluster.now()) / 1000);
    expect(p.done('restarts-grow')).toBe(true);
    const row = p.row('kubectl get pods --output wide', POD)!;
    expect(row).toMatchObject({ READY: '0/1', STATUS: 'CrashLoopBackOff', NODE: expect.stringMatching(/^node-\d$/) });
    expect(row.RESTARTS).toMatch(restartsCell(6));
    expect(p.progress.complete).toBe(true);
  });
});
