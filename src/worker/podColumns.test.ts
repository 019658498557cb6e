import { describe, expect, it } from 'vitest';
import { EPOCH_MS, type KubeObject } from '../engine/index';
import { humanDuration, localPodStatusColumns } from './podColumns';

const iso = (ms: number) => new Date(EPOCH_MS + ms).toISOString();
const pod = (status: unknown, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', ...extra },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
  status,
});

describe('localPodStatusColumns', () => {
  it('shows Pending for an unscheduled pod', () => {
    expect(localPodStatusColumns(pod({ phase: 'Pending' }), 0)).toMatchObject({ status: 'Pending', ready: '0/1', restarts: '0' });
  });

  it('shows the waiting reason, then Running and ready', () => {
    expect(localPodStatusColumns(pod({ phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }), 0).status).toBe('ContainerCreating');
    const running = localPodStatusColumns(pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }] }), 0);
    expect(running).toMatchObject({ status: 'Running', ready: '1/1', readyContainers: 1 });
  });

  it('prints restarts with the time since the last one', () => {
    const cols = localPodStatusColumns(
      pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: iso(10_000) } } }] }),
      50_000,
    );
    expect(cols).toMatchObject({ status: 'CrashLoopBackOff', restarts: '3 (40s ago)', restartCount: 3 });
  });

  it('shows Terminating once deletionTimestamp is set', () => {
    expect(localPodStatusColumns(pod({ phase: 'Running' }, { deletionTimestamp: iso(0) }), 0).status).toBe('Terminating');
  });

  it('shows Init:i/n while init containers run', () => {
    const p = pod({ phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { running: {} } }] });
    (p.spec as { initContainers: unknown[] }).initContainers = [{ name: 'init', image: 'busybox' }];
    expect(localPodStatusColumns(p, 0).status).toBe('Init:0/1');
  });
});

describe('humanDuration', () => {
  it('matches apimachinery', () => {
    expect(humanDuration(59_000)).toBe('59s');
    expect(humanDuration(119_000)).toBe('119s');
    expect(humanDuration(150_000)).toBe('2m30s');
    expect(humanDuration(15 * 60_000)).toBe('15m');
    expect(humanDuration(5 * 3_600_000 + 60_000)).toBe('5h1m');
    expect(humanDuration(30 * 3_600_000)).toBe('30h');
    expect(humanDuration(3 * 86_400_000)).toBe('3d');
  });
});
