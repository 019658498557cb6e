import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { activePodsWithRanksLess, deletionCost, logarithmicRankDiff, POD_DELETION_COST_ANNOTATION, sortActivePods } from './activePods';

// Ports of pkg/controller/controller_utils_test.go TestSortingActivePodsWithRanks and TestSortingActivePods.
const HOUR_MS = 3_600_000;
const NOW_MS = 40 * 24 * HOUR_MS;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : isoTime(ms));
const then1MonthMs = NOW_MS - 30 * 24 * HOUR_MS;

function pod(name: string, nodeName: string, phase: string, ready: boolean, restarts: number, readySinceMs: number | undefined, createdMs: number | undefined, annotations?: Record<string, string>): Pod {
  return {
    metadata: { name, creationTimestamp: iso(createdMs), ...(annotations ? { annotations } : {}) },
    spec: { nodeName, containers: [] },
    status: {
      phase,
      ...(ready ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: iso(readySinceMs) }], containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: true, restartCount: restarts }] } : {}),
    },
  } as Pod;
}

const unscheduledPod = pod('unscheduled', '', 'Pending', false, 0, undefined, undefined);
const scheduledPendingPod = pod('pending', 'node', 'Pending', false, 0, undefined, undefined);
const unknownPhasePod = pod('unknown-phase', 'node', 'Unknown', false, 0, undefined, undefined);
const runningNotReadyPod = pod('not-ready', 'node', 'Running', false, 0, undefined, undefined);
const runningReadyNoLastTransitionTimePod = pod('ready-no-last-transition-time', 'node', 'Running', true, 0, undefined, undefined);
const runningReadyNow = pod('ready-now', 'node', 'Running', true, 0, NOW_MS, NOW_MS);
const runningReadyThen = pod('ready-then', 'node', 'Running', true, 0, then1MonthMs, then1MonthMs);
const runningReadyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 9001, NOW_MS, NOW_MS);
const runningReadyNowCreatedThen = pod('ready-now-created-then', 'node', 'Running', true, 0, NOW_MS, then1MonthMs);
const lowPodDeletionCost = pod('low-deletion-cost', 'node', 'Running', true, 0, NOW_MS, then1MonthMs, { [POD_DELETION_COST_ANNOTATION]: '10' });
const highPodDeletionCost = pod('high-deletion-cost', 'node', 'Running', true, 0, NOW_MS, then1MonthMs, { [POD_DELETION_COST_ANNOTATION]: '100' });
const unscheduled5Hours = pod('unscheduled-5-hours', '', 'Pending', false, 0, NOW_MS - 5 * HOUR_MS, NOW_MS - 5 * HOUR_MS);
const unscheduled8Hours = pod('unscheduled-10-hours', '', 'Pending', false, 0, NOW_MS - 8 * HOUR_MS, NOW_MS - 8 * HOUR_MS);
const ready2Hours = pod('ready-2-hours', '', 'Running', true, 0, NOW_MS - 2 * HOUR_MS, then1MonthMs);
const ready5Hours = pod('ready-5-hours', '', 'Running', true, 0, NOW_MS - 5 * HOUR_MS, then1MonthMs);
const ready10Hours = pod('ready-10-hours', '', 'Running', true, 0, NOW_MS - 8 * HOUR_MS, then1MonthMs);

describe('ActivePodsWithRanks.Less (TestSortingActivePodsWithRanks)', () => {
  const equality: [Pod, Pod?][] = [
    [unscheduledPod], [scheduledPendingPod], [unknownPhasePod], [runningNotReadyPod], [runningReadyNowCreatedThen],
    [runningReadyNow], [runningReadyThen], [runningReadyNowHighRestarts], [runningReadyNowCreatedThen],
    [unscheduled5Hours, unscheduled8Hours], [ready5Hours, ready10Hours],
  ];
  it.each(equality.map(([p1, p2]) => [p1.metadata!.name!, p1, p2 ?? p1] as const))('treats %s as equivalent', (_name, p1, p2) => {
    expect(activePodsWithRanksLess(p1, 1, p2, 1, NOW_MS)).toBe(false);
    expect(activePodsWithRanksLess(p2, 1, p1, 1, NOW_MS)).toBe(false);
  });

  const inequality: { lesser: [Pod, number]; greater: [Pod, number]; disablePodDeletionCost?: boolean }[] = [
    { lesser: [unscheduledPod, 1], greater: [scheduledPendingPod, 2] },
    { lesser: [unscheduledPod, 2], greater: [scheduledPendingPod, 1] },
    { lesser: [scheduledPendingPod, 1], greater: [unknownPhasePod, 2] },
    { lesser: [unknownPhasePod, 1], greater: [runningNotReadyPod, 2] },
    { lesser: [runningNotReadyPod, 1], greater: [runningReadyNoLastTransitionTimePod, 1] },
    { lesser: [runningReadyNoLastTransitionTimePod, 1], greater: [runningReadyNow, 1] },
    { lesser: [runningReadyNow, 2], greater: [runningReadyNoLastTransitionTimePod, 1] },
    { lesser: [runningReadyNow, 1], greater: [runningReadyThen, 1] },
    { lesser: [runningReadyNow, 2], greater: [runningReadyThen, 1] },
    { lesser: [runningReadyNowHighRestarts, 1], greater: [runningReadyNow, 1] },
    { lesser: [runningReadyNow, 2], greater: [runningReadyNowHighRestarts, 1] },
    { lesser: [runningReadyNow, 1], greater: [runningReadyNowCreatedThen, 1] },
    { lesser: [runningReadyNowCreatedThen, 2], greater: [runningReadyNow, 1] },
    { lesser: [lowPodDeletionCost, 2], greater: [highPodDeletionCost, 1] },
    { lesser: [highPodDeletionCost, 2], greater: [lowPodDeletionCost, 1], disablePodDeletionCost: true },
    { lesser: [ready2Hours, 1], greater: [ready5Hours, 1] },
  ];
  it.each(inequality.map((t, i) => [i, t] as const))('inequality case %i', (_i, { lesser, greater, disablePodDeletionCost }) => {
    const gates = { podDeletionCost: !disablePodDeletionCost };
    expect(activePodsWithRanksLess(lesser[0], lesser[1], greater[0], greater[1], NOW_MS, gates)).toBe(true);
    expect(activePodsWithRanksLess(greater[0], greater[1], lesser[0], lesser[1], NOW_MS, gates)).toBe(false);
  });

  it('compares plain times when LogarithmicScaleDown is off', () => {
    // 5 h and 8 h share a log2 bucket, so only the linear comparison tells them apart.
    expect(activePodsWithRanksLess(ready5Hours, 1, ready10Hours, 1, NOW_MS, { logarithmicScaleDown: false })).toBe(true);
    expect(activePodsWithRanksLess(ready5Hours, 1, ready10Hours, 1, NOW_MS)).toBe(false);
  });

  it('breaks ties inside a log2 bucket by uid', () => {
    const a = { ...ready5Hours, metadata: { ...ready5Hours.metadata, uid: 'aaa' } };
    const b = { ...ready10Hours, metadata: { ...ready10Hours.metadata, uid: 'bbb' } };
    expect(activePodsWithRanksLess(a, 1, b, 1, NOW_MS)).toBe(true);
    expect(activePodsWithRanksLess(b, 1, a, 1, NOW_MS)).toBe(false);
  });
});

describe('ActivePods.Less (TestSortingActivePods)', () => {
  const then = NOW_MS - 30 * 24 * HOUR_MS;
  const two = (restarts: [number, number]) => restarts.map((r, i) => ({ name: `c${i}`, image: 'i', imageID: '', ready: true, restartCount: r }));
  const pods: Pod[] = [
    { metadata: { name: 'unscheduled' }, spec: { nodeName: '', containers: [] }, status: { phase: 'Pending' } },
    { metadata: { name: 'scheduledButPending' }, spec: { nodeName: 'bar', containers: [] }, status: { phase: 'Pending' } },
    { metadata: { name: 'unknownPhase' }, spec: { nodeName: 'foo', containers: [] }, status: { phase: 'Unknown' } },
    { metadata: { name: 'runningButNotReady' }, spec: { nodeName: 'foo', containers: [] }, status: { phase: 'Running' } },
    { metadata: { name: 'runningNoLastTransitionTime' }, spec: { nodeName: 'foo', containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: two([3, 0]) } },
    { metadata: { name: 'runningWithLastTransitionTime' }, spec: { nodeName: 'foo', containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoTime(NOW_MS) }], containerStatuses: two([3, 0]) } },
    { metadata: { name: 'runningLongerTime' }, spec: { nodeName: 'foo', containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoTime(then) }], containerStatuses: two([3, 0]) } },
    { metadata: { name: 'lowerContainerRestartCount', creationTimestamp: isoTime(NOW_MS) }, spec: { nodeName: 'foo', containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoTime(then) }], containerStatuses: two([2, 1]) } },
    { metadata: { name: 'oldest', creationTimestamp: isoTime(then) }, spec: { nodeName: 'foo', containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoTime(then) }], containerStatuses: two([2, 1]) } },
  ] as Pod[];
  const wantOrder = pods.map((p) => p.metadata!.name);

  it('sorts every permutation into the same order', () => {
    // A deterministic shuffle (reverse, rotations) stands in for rand.Perm.
    const orders = [pods, [...pods].reverse(), ...[1, 3, 5, 7].map((k) => [...pods.slice(k), ...pods.slice(0, k)])];
    for (const order of orders) expect(sortActivePods(order).map((p) => p.metadata!.name)).toEqual(wantOrder);
  });
});

describe('deletion cost and log buckets', () => {
  it('reads pod-deletion-cost like GetDeletionCostFromPodAnnotations', () => {
    const withCost = (value: string) => ({ metadata: { annotations: { [POD_DELETION_COST_ANNOTATION]: value } } }) as Pod;
    expect(deletionCost(withCost('10'))).toBe(10);
    expect(deletionCost(withCost('-2147483648'))).toBe(-2147483648);
    expect(deletionCost(withCost('0'))).toBe(0);
    for (const invalid of ['+10', '008', '', 'ten', '2147483648', '1.5']) expect(deletionCost(withCost(invalid))).toBe(0);
    expect(deletionCost({ metadata: {} } as Pod)).toBe(0);
  });

  it('buckets by floor(log2(ns)) and gives -1 to times not in the past', () => {
    // 15 s = 1.5e10 ns (bucket 33) and 150 s = 1.5e11 ns (bucket 37).
    expect(logarithmicRankDiff(NOW_MS - 15_000, NOW_MS - 150_000, NOW_MS)).toBe(33 - 37);
    expect(logarithmicRankDiff(NOW_MS, NOW_MS - 1, NOW_MS)).toBe(-1 - 19);
  });
});
