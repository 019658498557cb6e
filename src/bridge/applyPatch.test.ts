import { beforeEach, describe, expect, it } from 'vitest';
import type { NodeDto, PodDto } from '../protocol/dto';
import type { FromEngine } from '../protocol/messages';
import { selectClusterSummary, selectPodCounts } from '../store/selectors';
import { resetStore, useStore } from '../store/useStore';
import { applyFromEngine } from './applyPatch';

const node = (name: string, cpu = '4'): NodeDto => ({
  dto: 'node', kind: 'Node', uid: `n-${name}`, name, rv: '1', labels: {}, deleting: false, createdMs: 0,
  status: 'Ready', ready: 'True', roles: '<none>', unschedulable: false,
  capacity: { cpuMilli: Number(cpu) * 1000, memoryBytes: 8 * 2 ** 30, pods: 110 },
  allocatable: { cpuMilli: Number(cpu) * 1000, memoryBytes: 8 * 2 ** 30, pods: 110 },
  requests: { cpuMilli: 0, memoryBytes: 0, pods: 0 },
  allocatableText: { cpu, memory: '8Gi', pods: '110' }, conditions: [], taints: [],
});
const pod = (name: string, status: string): PodDto => ({
  dto: 'pod', kind: 'Pod', uid: `p-${name}`, name, namespace: 'default', rv: '1', labels: {}, deleting: false, createdMs: 0,
  phase: 'Pending', status, ready: '0/1', restarts: '0', restartCount: 0, readyContainers: 0, totalContainers: 1,
  requests: { cpuMilli: 0, memoryBytes: 0, pods: 1 }, images: [],
});
const hello = (objects = [node('node-1'), node('node-2'), node('node-3'), pod('a', 'Running'), pod('b', 'Pending')]): FromEngine => ({
  type: 'hello', protocolVersion: 1, seed: 4, clockMs: 100, rv: 20, speed: 2, initErrors: [], snapshot: { objects, events: [] },
});

beforeEach(() => resetStore());

describe('applyFromEngine', () => {
  it('loads hello into the cluster and playback slices', () => {
    expect(applyFromEngine(hello())).toBe('ok');
    const s = useStore.getState();
    expect(s.connected).toBe(true);
    expect(s.seed).toBe(4);
    expect(s.rv).toBe(20);
    expect(s.speed).toBe(2);
    expect(s.lastRunningSpeed).toBe(2);
    expect(selectClusterSummary(s)).toBe('3 worker nodes · 4 CPU · 8Gi · 110 pods each');
    expect(selectPodCounts(s)).toBe('Running 1 · Pending 1');
  });

  it('ignores patches before hello and asks for a resync on an rv gap', () => {
    const patch = (fromRv: number): FromEngine => ({ type: 'patch', clockMs: 200, fromRv, toRv: fromRv + 1, diff: { added: [], updated: [pod('a', 'Error')], removed: [] }, events: [] });
    expect(applyFromEngine(patch(20))).toBe('ok');
    expect(useStore.getState().connected).toBe(false);
    applyFromEngine(hello());
    expect(applyFromEngine(patch(20))).toBe('ok');
    expect(applyFromEngine(patch(30))).toBe('resync');
    expect(useStore.getState().rv).toBe(31);
  });

  it('remembers the last running speed across a pause', () => {
    applyFromEngine(hello());
    applyFromEngine({ type: 'playback', speed: 0 });
    expect(useStore.getState()).toMatchObject({ speed: 0, lastRunningSpeed: 2 });
  });

  it('shows fatal errors and init errors as messages', () => {
    applyFromEngine({ ...(hello() as Extract<FromEngine, { type: 'hello' }>), initErrors: [{ message: 'x.yaml: bad', documentIndex: 0 }] });
    applyFromEngine({ type: 'fatal', message: 'boom', seed: 4 });
    const s = useStore.getState();
    expect(s.fatal).toEqual({ message: 'boom', seed: 4 });
    expect(s.messages.map((m) => m.level)).toEqual(['error', 'error']);
    expect(s.messages[1].lines).toEqual(['x.yaml: bad']);
  });

  it('summarises unlike nodes with totals', () => {
    applyFromEngine(hello([node('a', '2'), node('b', '4')]));
    expect(selectClusterSummary(useStore.getState())).toBe('2 worker nodes · 6 CPU · 16Gi · 220 pods in total');
  });
});
