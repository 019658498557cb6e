import { describe, expect, it } from 'vitest';
import type { NodeDto, PodDto } from '../protocol/dto';
import type { FromEngine } from '../protocol/messages';
import { EVENTS_MAX, clusterAfterPatch, clusterFromHello, mergeEvents } from './clusterSlice';

const node = (name: string): NodeDto => ({
  dto: 'node', kind: 'Node', uid: `n-${name}`, name, rv: '1', labels: {}, deleting: false, createdMs: 0,
  status: 'Ready', ready: 'True', roles: '<none>', unschedulable: false,
  capacity: { cpuMilli: 4000, memoryBytes: 8 * 2 ** 30, pods: 110 },
  allocatable: { cpuMilli: 4000, memoryBytes: 8 * 2 ** 30, pods: 110 },
  requests: { cpuMilli: 0, memoryBytes: 0, pods: 0 },
  allocatableText: { cpu: '4', memory: '8Gi', pods: '110' }, conditions: [], taints: [],
});
const pod = (name: string, extra: Partial<PodDto> = {}): PodDto => ({
  dto: 'pod', kind: 'Pod', uid: `p-${name}`, name, namespace: 'default', rv: '1', labels: {}, deleting: false, createdMs: 0,
  phase: 'Pending', status: 'Pending', ready: '0/1', restarts: '0', restartCount: 0, readyContainers: 0, totalContainers: 1,
  requests: { cpuMilli: 0, memoryBytes: 0, pods: 1 }, images: ['nginx'], ...extra,
});

function hello(): Extract<FromEngine, { type: 'hello' }> {
  return { type: 'hello', protocolVersion: 1, seed: 1, clockMs: 0, rv: 10, speed: 1, initErrors: [], snapshot: { objects: [node('node-1'), pod('a'), pod('b')], events: [] } };
}
function patch(diff: Partial<Extract<FromEngine, { type: 'patch' }>['diff']>): Extract<FromEngine, { type: 'patch' }> {
  return { type: 'patch', clockMs: 16, fromRv: 10, toRv: 11, diff: { added: [], updated: [], removed: [], ...diff }, events: [] };
}

describe('cluster slice', () => {
  it('builds maps and topology from hello', () => {
    const state = clusterFromHello(hello());
    expect(state.objects.size).toBe(3);
    expect(state.topology.nodes.map((n) => n.name)).toEqual(['node-1']);
    expect(state.topology.pods.map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('keeps topology and unchanged objects when only a status changes', () => {
    const state = clusterFromHello(hello());
    const next = clusterAfterPatch(state, patch({ updated: [pod('a', { status: 'ContainerCreating' })] }));
    expect(next.objects).not.toBe(state.objects);
    expect(next.topology).toBe(state.topology);
    expect(next.objects.get('p-b')).toBe(state.objects.get('p-b'));
    expect((next.objects.get('p-a') as PodDto).status).toBe('ContainerCreating');
  });

  it('replaces topology when a pod is bound, added or removed', () => {
    const state = clusterFromHello(hello());
    const bound = clusterAfterPatch(state, patch({ updated: [pod('a', { nodeName: 'node-1' })] }));
    expect(bound.topology).not.toBe(state.topology);
    expect(bound.topology.pods.find((p) => p.name === 'a')!.nodeName).toBe('node-1');
    const added = clusterAfterPatch(state, patch({ added: [pod('c', { createdMs: 5 })] }));
    expect(added.topology.pods.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    const removed = clusterAfterPatch(state, patch({ removed: ['p-a'] }));
    expect(removed.topology.pods.map((p) => p.name)).toEqual(['b']);
  });

  it('keeps the same objects map for a clock-only patch', () => {
    const state = clusterFromHello(hello());
    const next = clusterAfterPatch(state, patch({}));
    expect(next.objects).toBe(state.objects);
    expect(next.clockMs).toBe(16);
    expect(next.rv).toBe(11);
  });

  it('merges events by uid and bounds them', () => {
    const event = (uid: string, count = 1) => ({ uid, name: uid, namespace: 'default', type: 'Normal' as const, reason: 'R', message: 'm', count, firstMs: 0, lastMs: 0, seq: 0, involved: { kind: 'Pod', name: 'a' }, source: 'kubelet' });
    const merged = mergeEvents([event('e1'), event('e2')], [event('e1', 2)]);
    expect(merged.map((e) => [e.uid, e.count])).toEqual([['e2', 1], ['e1', 2]]);
    const many = mergeEvents([], Array.from({ length: EVENTS_MAX + 5 }, (_, i) => event(`x${i}`)));
    expect(many).toHaveLength(EVENTS_MAX);
  });
});
