import { describe, expect, it } from 'vitest';
import { EPOCH_MS, type KubeObject } from '../engine/index';
import { podColumns } from './toDto';
import { isoMs } from './podColumns';

const iso = (ms: number) => new Date(EPOCH_MS + ms).toISOString();
const pod = (status: unknown, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', creationTimestamp: iso(0), ...extra },
  spec: { containers: [{ name: 'app', image: 'nginx' }, { name: 'side', image: 'busybox' }] },
  status,
});

// The columns come from the engine's printPod port; the worker only adds the counts the graph needs.
describe('worker podColumns', () => {
  it('splits READY into ready and total containers', () => {
    const running = pod({ phase: 'Running', containerStatuses: [
      { name: 'app', ready: true, restartCount: 2, state: { running: {} }, image: 'nginx', imageID: '' },
      { name: 'side', ready: false, restartCount: 1, state: { running: {} }, image: 'busybox', imageID: '' },
    ] });
    expect(podColumns(running, 60_000)).toEqual({ status: 'Running', ready: '1/2', restarts: '3', restartCount: 3, readyContainers: 1, totalContainers: 2 });
  });

  it('shows Terminating for a pod being deleted', () => {
    const cols = podColumns(pod({ phase: 'Running' }, { deletionTimestamp: iso(30_000) }), 0);
    expect(cols.status).toBe('Terminating');
    expect([cols.readyContainers, cols.totalContainers]).toEqual([0, 2]);
  });

  it('reads RFC 3339 timestamps as virtual ms', () => {
    expect(isoMs(iso(90_000))).toBe(90_000);
    expect(isoMs('')).toBeUndefined();
    expect(isoMs('not a time')).toBeUndefined();
  });
});
