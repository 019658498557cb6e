import { describe, expect, it } from 'vitest';
import type { ContainerTimelineDto, FocusDto, PodDto, ScaleDownDto, SchedulingDto } from '../../protocol/dto';
import { backoffLines, explain, goDuration, ownershipLine, restartCauses, whyOwnership, whyScaleDown, whyScheduling } from './whyText';

const pod = (extra: Partial<PodDto> = {}): PodDto => ({
  dto: 'pod', kind: 'Pod', uid: 'p1', name: 'liveness-pod', namespace: 'default', rv: '1', labels: {}, deleting: false, createdMs: 0,
  phase: 'Running', status: 'Running', ready: '1/1', restarts: '0', restartCount: 0, readyContainers: 1, totalContainers: 1,
  requests: { cpuMilli: 0, memoryBytes: 0, pods: 1 }, images: ['nginx'], nodeName: 'node-2', ...extra,
});

// The notes' liveness example as the kubelet records it: kills every 30 s, back-off from the 5th.
const liveness: ContainerTimelineDto = {
  name: 'my-app', init: false,
  bands: [{ fromMs: 0, toMs: 5339, state: 'waiting', reason: 'ContainerCreating' }, { fromMs: 5339, toMs: 151040, state: 'running', ready: true }, { fromMs: 151040, state: 'waiting', reason: 'CrashLoopBackOff' }],
  probes: [{ type: 'liveness', outcome: 'failure', message: 'HTTP probe failed with statuscode: 404', fromMs: 10000, periodMs: 10000, count: 15 }],
  restarts: [30934, 60566, 90408, 121027].map((atMs, i) => ({ atMs, restartCount: i + 1 })),
  ooms: [],
  backoffs: [{ fromMs: 150040, lengthMs: 40000 }],
  kills: [30000, 60000, 90000, 120000, 150000].map((atMs) => ({ atMs, reason: 'liveness' })),
  memory: [],
};
const probeState = { name: 'my-app', state: 'waiting' as const, reason: 'CrashLoopBackOff', restartCount: 4, ready: false, probes: [{ type: 'liveness' as const, action: 'http-get http://:80/health', periodSeconds: 10, failureThreshold: 3, initialDelaySeconds: 5 }] };

const focus = (extra: Partial<FocusDto> = {}): FocusDto => ({
  uid: 'p1', kind: 'Pod', name: 'liveness-pod', namespace: 'default', atMs: 160_000, yaml: '', events: [],
  ownership: { history: [], matchingOwners: [] }, ...extra,
});

describe('why: restarts', () => {
  it('names the probe, its answer and the kill for each restart', () => {
    const lines = restartCauses(liveness, probeState);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('Restart 1 at 00:00:30: the liveness probe (http-get http://:80/health) failed 3 times in a row — “HTTP probe failed with statuscode: 404”, so the kubelet killed the container at 00:00:30.');
    expect(lines[3]).toContain('Restart 4 at 00:02:01');
  });

  it('explains OOM kills with the usage and the limit', () => {
    const oom: ContainerTimelineDto = { ...liveness, kills: [], probes: [], restarts: [{ atMs: 4165, restartCount: 1 }], ooms: [{ atMs: 3110, usageBytes: 105_091_433, limitBytes: 104_857_600 }], backoffs: [] };
    expect(restartCauses(oom, undefined)).toEqual(['Restart 1 at 00:00:04: OOMKilled at 00:00:03: memory use reached 100.2Mi, over its 100Mi limit, so the kernel killed it.']);
  });

  it('falls back to the exit reason', () => {
    const crash: ContainerTimelineDto = { ...liveness, kills: [], probes: [], ooms: [], restarts: [{ atMs: 13_000, restartCount: 1 }], bands: [{ fromMs: 2000, toMs: 12_900, state: 'terminated', reason: 'Error' }], backoffs: [] };
    expect(restartCauses(crash, undefined)[0]).toBe('Restart 1 at 00:00:13: the container exited (Error) and restartPolicy restarts it.');
  });

  it('shows the back-off windows, the wait in progress, and why the first restarts were immediate', () => {
    const lines = backoffLines(liveness, 160_000);
    expect(lines[0]).toMatch(/^Restarts 1–4 came without a wait/);
    expect(lines[1]).toMatch(/^Back-off waits so far: 40s\./);
    expect(lines[2]).toBe('Now in CrashLoopBackOff: the kubelet waits 40s (until 00:03:10) before starting it again.');
    const doubling = { ...liveness, restarts: [], backoffs: [10_000, 20_000, 40_000].map((lengthMs, i) => ({ fromMs: i * 100_000, lengthMs })) };
    expect(backoffLines(doubling, 1_000_000)).toEqual(['Back-off waits so far: 10s → 20s → 40s. Each restart doubles the delay, up to 5m; it starts again from 10s after 10 minutes without a crash.']);
  });

  it('formats durations like the kubelet', () => {
    expect([10_000, 80_000, 300_000, 3_725_000].map(goDuration)).toEqual(['10s', '1m20s', '5m0s', '1h2m5s']);
  });
});

describe('why: scheduling', () => {
  const unschedulable: SchedulingDto = {
    atMs: 5000, attempt: 2, outcome: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.', numAllNodes: 3, feasibleNodes: 0,
    nodes: ['node-1', 'node-2', 'node-3'].map((node) => ({ node, feasible: false, plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] })),
    omittedNodes: 0, preFilter: [], notes: [],
  };

  it('says why a pod is Pending, node by node', () => {
    const item = whyScheduling(pod({ nodeName: undefined, status: 'Pending' }), unschedulable)!;
    expect(item.title).toBe('Why is it Pending?');
    expect(item.lines).toContain('0/3 nodes are available: 3 Insufficient cpu.');
    expect(item.lines).toContain('node-2: Insufficient cpu (NodeResourcesFit)');
  });

  it('says why a node was chosen', () => {
    const scheduled: SchedulingDto = { ...unschedulable, outcome: 'Scheduled', nodeName: 'node-2', feasibleNodes: 3, tiedNodes: ['node-2', 'node-3'], nodes: [{ node: 'node-1', feasible: true, reasons: [], totalScore: 190 }, { node: 'node-2', feasible: true, reasons: [], totalScore: 200 }, { node: 'node-3', feasible: true, reasons: [], totalScore: 200 }] };
    const item = whyScheduling(pod(), scheduled)!;
    expect(item.title).toBe('Why node-2?');
    expect(item.lines).toContain('Scores (higher wins): node-2 200, node-3 200, node-1 190.');
    expect(item.lines).toContain('node-2, node-3 tied for the best score; the scheduler picked one of them at random.');
  });
});

describe('why: scale-down and ownership', () => {
  const base: ScaleDownDto = { atMs: 25_000, owner: { kind: 'ReplicaSet', name: 'web' }, activeBefore: 5, desired: 3, criterion: 'notReady', comparedWith: 'web-abcde', together: ['web-x'] };

  it('names the rule that picked the pod', () => {
    const item = whyScaleDown(base)!;
    expect(item.lines[0]).toBe('At 00:00:25, ReplicaSet web had 5 pods but wanted 3, so it deleted 2 (also web-x).');
    expect(item.lines[1]).toBe('It was not Ready while web-abcde was: pods that are not ready go first.');
    expect(whyScaleDown({ ...base, criterion: 'phase', mine: 'Pending', theirs: 'Running' })!.lines[1]).toBe('It was Pending while web-abcde was Running: Pending goes before Unknown, which goes before Running.');
    expect(whyScaleDown({ ...base, criterion: 'newer', mine: '20000', theirs: '1000' })!.lines[1]).toContain('created more recently (00:00:20) than web-abcde (00:00:01)');
  });

  it('tells adoption, release and orphaning apart', () => {
    const owner = { kind: 'ReplicaSet', name: 'web', uid: 'rs' };
    expect(ownershipLine({ atMs: 5000, change: 'adopted', owner, selector: 'app=web', labels: { app: 'web' } })).toBe('00:00:05: adopted by ReplicaSet web — it had no controller, and its labels (app=web) match the selector app=web.');
    expect(ownershipLine({ atMs: 6000, change: 'released', owner, selector: 'app=web', labels: { app: 'debug' } })).toContain('no longer match the selector app=web');
    expect(ownershipLine({ atMs: 7000, change: 'orphaned', owner })).toContain('--cascade=orphan');
  });

  it('warns about orphans and names the controllers that would adopt them', () => {
    const item = whyOwnership(focus({ ownership: { history: [], matchingOwners: [{ kind: 'ReplicaSet', name: 'web', uid: 'rs', selector: 'app=web' }] } }))!;
    expect(item.title).toBe('Why has it no owner?');
    expect(item.lines[0]).toBe('No owner: if this pod is deleted or its node fails, nothing recreates it.');
    expect(item.lines[1]).toContain("ReplicaSet web's selector (app=web) matches its labels");
    const owned = whyOwnership(focus({ ownership: { history: [], owner: { kind: 'ReplicaSet', name: 'web', uid: 'rs', exists: true }, matchingOwners: [{ kind: 'ReplicaSet', name: 'web', uid: 'rs', selector: 'app=web' }, { kind: 'ReplicationController', name: 'old', uid: 'rc', selector: 'app=web' }] } }))!;
    expect(owned.lines).toEqual(['Controlled by ReplicaSet web.', "ReplicationController old's selector (app=web) matches it too, but an object has only one controller, so old leaves it alone."]);
  });

  it('puts the most pressing explanation first', () => {
    const items = explain(focus({ timeline: { nodeName: 'node-2', containers: [liveness] }, containers: [probeState] }), pod());
    expect(items.map((i) => i.id)).toEqual(['restarts', 'state', 'scheduled', 'ownership']);
  });
});
