import { describe, expect, it } from 'vitest';
import type { ContainerStatus, PodSpec } from '../api/types';
import { containersReadyCondition, getPhase, initializedCondition, podConditions, podReadyCondition, qosClass } from './podStatus';

// Cases restated from pkg/kubelet/kubelet_pods_test.go (TestPodPhaseWithRestart*) and
// pkg/kubelet/status/generate_test.go.
const running = (name: string, ready = true): ContainerStatus => ({ name, ready, restartCount: 0, image: '', imageID: '', state: { running: {} } });
const succeeded = (name: string): ContainerStatus => ({ name, ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 0 } } });
const failed = (name: string): ContainerStatus => ({ name, ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 1 } } });
const waiting = (name: string): ContainerStatus => ({ name, ready: false, restartCount: 0, image: '', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } });
const crashLoop = (name: string, exitCode = 1): ContainerStatus => ({ name, ready: false, restartCount: 1, image: '', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode } } });
const spec = (restartPolicy: string, init = 0): PodSpec => ({ restartPolicy, containers: [{ name: 'c1' }, { name: 'c2' }], initContainers: Array.from({ length: init }, (_, i) => ({ name: `i${i}` })) });

describe('getPhase', () => {
  it.each<[string, string, ContainerStatus[], boolean, string]>([
    ['Always', 'all running', [running('c1'), running('c2')], false, 'Running'],
    ['Always', 'all stopped', [succeeded('c1'), failed('c2')], false, 'Running'],
    ['Always', 'mixed running and stopped', [running('c1'), failed('c2')], false, 'Running'],
    ['Always', 'crash looping', [running('c1'), crashLoop('c2')], false, 'Running'],
    ['Always', 'one still being created', [running('c1'), waiting('c2')], false, 'Pending'],
    ['Always', 'missing a status', [running('c1')], false, 'Pending'],
    ['Always', 'all stopped, pod terminal, one failed', [succeeded('c1'), failed('c2')], true, 'Failed'],
    ['Always', 'all succeeded, pod terminal', [succeeded('c1'), succeeded('c2')], true, 'Succeeded'],
    ['Never', 'all succeeded', [succeeded('c1'), succeeded('c2')], false, 'Succeeded'],
    ['Never', 'all stopped, one failed', [succeeded('c1'), failed('c2')], false, 'Failed'],
    ['Never', 'mixed running and succeeded', [running('c1'), succeeded('c2')], false, 'Running'],
    ['OnFailure', 'all succeeded', [succeeded('c1'), succeeded('c2')], false, 'Succeeded'],
    ['OnFailure', 'one failed, restarting', [succeeded('c1'), failed('c2')], false, 'Running'],
    ['OnFailure', 'crash looping', [succeeded('c1'), crashLoop('c2')], false, 'Running'],
  ])('restartPolicy %s, %s', (policy, _name, statuses, terminal, want) => {
    expect(getPhase(spec(policy), [], statuses, terminal)).toBe(want);
  });

  it.each<[string, ContainerStatus[], string]>([
    ['Always', [running('i0')], 'Pending'],
    ['Always', [crashLoop('i0')], 'Pending'],
    ['Always', [waiting('i0')], 'Pending'],
    ['Never', [failed('i0')], 'Failed'],
    ['Never', [crashLoop('i0')], 'Failed'],
    ['OnFailure', [failed('i0')], 'Pending'],
  ])('init containers with restartPolicy %s: %j → %s', (policy, init, want) => {
    expect(getPhase(spec(policy, 1), init, [waiting('c1'), waiting('c2')], false)).toBe(want);
  });

  it('runs the app once init containers succeeded', () => {
    expect(getPhase(spec('Always', 1), [succeeded('i0')], [running('c1'), running('c2')], false)).toBe('Running');
  });
});

describe('conditions', () => {
  it('ContainersReady lists unready and unknown containers like Go prints a []string', () => {
    expect(containersReadyCondition(spec('Always'), [], [running('c1', false), running('c2', false)], 'Running')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c1 c2]' });
    expect(containersReadyCondition(spec('Always'), [], [running('c1')], 'Pending')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unknown status: [c2]' });
    expect(containersReadyCondition(spec('Always'), [], [running('c1'), running('c2')], 'Running')).toEqual({ type: 'ContainersReady', status: 'True' });
    expect(containersReadyCondition(spec('Never'), [], [succeeded('c1'), succeeded('c2')], 'Succeeded')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'PodCompleted' });
    expect(containersReadyCondition(spec('Never'), [], [failed('c1'), succeeded('c2')], 'Failed')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'PodFailed' });
  });

  it('Ready follows ContainersReady and then the readiness gates', () => {
    const s: PodSpec = { ...spec('Always'), readinessGates: [{ conditionType: 'example.com/lb' }] };
    const ready = containersReadyCondition(s, [], [running('c1'), running('c2')], 'Running');
    expect(podReadyCondition(s, [], ready)).toEqual({ type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.' });
    expect(podReadyCondition(s, [{ type: 'example.com/lb', status: 'True' }], ready)).toEqual({ type: 'Ready', status: 'True' });
  });

  it('Initialized waits for every init container to have succeeded', () => {
    expect(initializedCondition(spec('Always', 2), [{ ...succeeded('i0'), ready: true }, running('i1', false)], [waiting('c1'), waiting('c2')], 'Pending')).toEqual({ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [i1]' });
    expect(initializedCondition(spec('Always', 1), [{ ...succeeded('i0'), ready: true }], [waiting('c1'), waiting('c2')], 'Pending')).toEqual({ type: 'Initialized', status: 'True' });
    expect(initializedCondition(spec('Always'), [], [], 'Pending')).toEqual({ type: 'Initialized', status: 'True' });
  });

  it('keeps lastTransitionTime while a condition keeps its status, in the kubelet\'s order', () => {
    const old = [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }, { type: 'Ready', status: 'False', lastTransitionTime: '2026-01-01T00:00:01Z' }];
    const out = podConditions(spec('Always'), 'Running', [], [running('c1', false), running('c2')], true, old, '2026-01-01T00:01:00Z');
    expect(out.map((c) => [c.type, c.status, c.lastTransitionTime])).toEqual([
      ['PodReadyToStartContainers', 'True', '2026-01-01T00:01:00Z'],
      ['Initialized', 'True', '2026-01-01T00:01:00Z'],
      ['Ready', 'False', '2026-01-01T00:00:01Z'],
      ['ContainersReady', 'False', '2026-01-01T00:01:00Z'],
      ['PodScheduled', 'True', '2026-01-01T00:00:00Z'],
    ]);
  });

  it('returns the old conditions (objects and array) when nothing changed, new ones otherwise', () => {
    const first = podConditions(spec('Always'), 'Running', [], [running('c1'), running('c2')], true, [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }], '2026-01-01T00:00:05Z');
    const again = podConditions(spec('Always'), 'Running', [], [running('c1'), running('c2')], true, first, '2026-01-01T00:09:00Z');
    expect(again).toBe(first);
    const changed = podConditions(spec('Always'), 'Running', [], [running('c1', false), running('c2')], true, first, '2026-01-01T00:09:00Z');
    expect(changed).not.toBe(first);
    expect(changed[0]).toBe(first[0]);
    expect(changed.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: '2026-01-01T00:09:00Z' });
    // A stored condition with a field the kubelet would not write is rebuilt, not kept.
    const probed = first.map((c) => (c.type === 'Initialized' ? { ...c, lastProbeTime: '2026-01-01T00:00:05Z' } : c));
    expect(podConditions(spec('Always'), 'Running', [], [running('c1'), running('c2')], true, probed, '2026-01-01T00:09:00Z').find((c) => c.type === 'Initialized')!.lastProbeTime).toBeNull();
  });
});

describe('qosClass', () => {
  it('is BestEffort without requests or limits, Guaranteed when limits equal requests for cpu and memory, else Burstable', () => {
    expect(qosClass({ containers: [{ name: 'a' }] })).toBe('BestEffort');
    expect(qosClass({ containers: [{ name: 'a', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] })).toBe('Guaranteed');
    expect(qosClass({ containers: [{ name: 'a', resources: { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } } }] })).toBe('Guaranteed');
    expect(qosClass({ containers: [{ name: 'a', resources: { limits: { memory: '300Mi', cpu: '90m' }, requests: { cpu: '50m' } } }] })).toBe('Burstable');
    expect(qosClass({ containers: [{ name: 'a', resources: { requests: { cpu: '50m' } } }] })).toBe('Burstable');
  });
});
