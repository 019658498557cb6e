import { beforeEach, describe, expect, it } from 'vitest';
import type { ObjectDto, OwnerDto, PodDto } from '../protocol/dto';
import { pastFrom } from './clusterSlice';
import { highlightOf, ownerStateOf } from './highlight';
import { selectPodCounts, selectTopology, statusCounts } from './selectors';
import { topologyOf } from './topology';
import { resetStore, useStore } from './useStore';

const pod = (name: string, status: string, extra: Partial<PodDto> = {}): PodDto => ({
  dto: 'pod', kind: 'Pod', uid: `p-${name}`, name, namespace: 'default', rv: '1', labels: { app: 'web' }, deleting: false, createdMs: 0,
  phase: 'Running', status, ready: '1/1', restarts: '0', restartCount: 0, readyContainers: 1, totalContainers: 1,
  requests: { cpuMilli: 0, memoryBytes: 0, pods: 1 }, images: [], ...extra,
});
const rs = (name: string, extra: Partial<OwnerDto> = {}): OwnerDto => ({
  dto: 'owner', kind: 'ReplicaSet', uid: `rs-${name}`, name, namespace: 'default', rv: '1', labels: {}, deleting: false, createdMs: 0,
  selector: 'app=web', selectorRequirements: [{ key: 'app', operator: 'In', values: ['web'] }], replicas: { desired: 2 }, ...extra,
});

function load(objects: ObjectDto[]): void {
  const map = new Map(objects.map((o) => [o.uid, o]));
  useStore.setState({ connected: true, objects: map, topology: topologyOf(map) });
}

beforeEach(() => resetStore());

describe('level of detail: status tallies', () => {
  it('counts STATUS values of the given pods, most common first', () => {
    load([pod('a', 'Running'), pod('b', 'Running'), pod('c', 'CrashLoopBackOff'), pod('d', 'Pending')]);
    const view = useStore.getState();
    expect(statusCounts(view, ['p-a', 'p-b', 'p-c', 'p-d', 'p-missing'])).toEqual([['Running', 2], ['CrashLoopBackOff', 1], ['Pending', 1]]);
    expect(statusCounts(view, [])).toEqual([]);
    expect(selectPodCounts(useStore.getState())).toBe('Running 2 · CrashLoopBackOff 1 · Pending 1');
  });
});

describe('hover highlights', () => {
  it('lights what an owner controls and the pods its selector matches without owning them', () => {
    const owner = rs('web');
    load([owner, pod('owned', 'Running', { owner: { kind: 'ReplicaSet', name: 'web', uid: owner.uid } }), pod('stray', 'Running'), pod('other', 'Running', { labels: { app: 'db' } })]);
    expect(highlightOf(useStore.getState(), 'p-owned')).toBeUndefined();
    useStore.setState({ hover: owner.uid });
    const s = useStore.getState();
    expect(highlightOf(s, owner.uid)).toBe('self');
    expect(highlightOf(s, 'p-owned')).toBe('owned');
    expect(highlightOf(s, 'p-stray')).toBe('match');
    expect(highlightOf(s, 'p-other')).toBe('dim');
    // Pointing at a pod lights its owner.
    useStore.setState({ hover: 'p-owned' });
    expect(highlightOf(useStore.getState(), owner.uid)).toBe('owned');
  });

  it('tells orphans and pods whose owner is gone apart', () => {
    load([pod('stray', 'Running'), pod('ghost', 'Running', { owner: { kind: 'ReplicaSet', name: 'gone', uid: 'rs-gone' } })]);
    expect(ownerStateOf(useStore.getState(), 'p-stray')).toBe('orphan');
    expect(ownerStateOf(useStore.getState(), 'p-ghost')).toBe('ghost');
  });
});

describe('the view: live or past', () => {
  it('reads the past while it is shown, the live cluster otherwise', () => {
    load([pod('now', 'Running')]);
    expect(selectTopology(useStore.getState()).pods.map((p) => p.name)).toEqual(['now']);
    const past = pastFrom({ atMs: 5000, liveClockMs: 9000, snapshot: { objects: [pod('then', 'Pending')], events: [] }, replayedFromMs: 0, replayMs: 3 }, undefined);
    useStore.setState({ past });
    expect(selectTopology(useStore.getState()).pods.map((p) => p.name)).toEqual(['then']);
    expect(selectPodCounts(useStore.getState())).toBe('Pending 1');
    useStore.setState({ past: undefined });
    expect(selectPodCounts(useStore.getState())).toBe('Running 1');
  });
});
