import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../api/types';
import { isoTime } from '../clock/VirtualClock';
import { podStatusColumns } from './podDisplay';

// Cases ported from pkg/printers/internalversion/printers_test.go (TestPrintPod,
// TestPrintPodWithRestartableInitContainer, TestPrintNonTerminatedPod, TestPrintPodwide).
const NOW = 100 * 24 * 3600 * 1000;
const ago = (ms: number) => isoTime(NOW - ms);
const S = 1000, D = 24 * 3600 * 1000;
const running = { running: {} };
const cs = (s: Partial<ContainerStatus>): ContainerStatus => ({ name: '', image: '', imageID: '', ready: false, restartCount: 0, ...s }) as ContainerStatus;
const containers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}` }));
const pod = (name: string, spec: Partial<NonNullable<Pod['spec']>>, status: NonNullable<Pod['status']>, meta: Record<string, unknown> = {}): Pod => ({ metadata: { name, ...meta }, spec: { containers: [], ...spec }, status }) as Pod;
const row = (p: Pod) => {
  const c = podStatusColumns(p, NOW);
  return [c.name, c.ready, c.status, c.restarts, c.age];
};

describe('podStatusColumns (printPod)', () => {
  it.each<[Pod, string[]]>([
    [pod('test1', { containers: containers(2) }, { phase: 'podPhase', containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] }), ['test1', '1/2', 'podPhase', '6', '<unknown>']],
    [pod('test2', { containers: containers(2) }, { phase: 'podPhase', containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 })] }), ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>']],
    [pod('test3', { containers: containers(2) }, { phase: 'podPhase', containerStatuses: [cs({ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }), cs({ state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 0 } }, restartCount: 3 })] }), ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>']],
    [pod('test4', { containers: containers(2) }, { phase: 'podPhase', containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] }), ['test4', '1/2', 'podPhase', '6', '<unknown>']],
    [pod('test5', { containers: containers(2) }, { reason: 'podReason', phase: 'podPhase', containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] }), ['test5', '1/2', 'podReason', '6', '<unknown>']],
    [pod('test6', { containers: containers(2) }, { phase: 'Running', containerStatuses: [cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }), cs({ ready: true, restartCount: 3, state: running })] }), ['test6', '1/2', 'NotReady', '6', '<unknown>']],
    [pod('test6', { containers: containers(2) }, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [cs({ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }), cs({ ready: true, restartCount: 3, state: running })] }), ['test6', '1/2', 'Running', '6', '<unknown>']],
    [pod('test7', { initContainers: containers(1), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } })], containerStatuses: [cs({ state: { waiting: {} } })] }), ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>']],
    [pod('test8', { initContainers: containers(2), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [cs({ restartCount: 3, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } }), cs({ state: { waiting: {} } })], containerStatuses: [cs({ state: { waiting: {} } })] }), ['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>']],
    [pod('test9', { initContainers: containers(2), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [cs({ state: { terminated: { exitCode: 0 } } }), cs({ restartCount: 3, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } })], containerStatuses: [cs({ state: { waiting: {} } })] }), ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>']],
    [pod('test10', { initContainers: containers(2), containers: containers(1) }, { phase: 'podPhase', initContainerStatuses: [cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: { terminated: { exitCode: 0, finishedAt: ago(120 * S) } } }), cs({ restartCount: 3, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } })], containerStatuses: [cs({ state: { waiting: {} } })] }), ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>']],
    [pod('test11', { initContainers: containers(1), containers: containers(1) }, { phase: 'Running', initContainerStatuses: [cs({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: { terminated: { exitCode: 0, finishedAt: ago(120 * S) } } })], containerStatuses: [cs({ restartCount: 4, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } } })] }), ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>']],
    [pod('test12', { containers: containers(1) }, { phase: 'Running', containerStatuses: [cs({ ready: true, restartCount: 3, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(5 * D) } } })] }), ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>']],
    [pod('test13', { containers: containers(2) }, { phase: 'Running', containerStatuses: [cs({ ready: true, state: running }), cs({ ready: true, restartCount: 3, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * D) } } })] }), ['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>']],
    [pod('test14', { containers: containers(2) }, { phase: 'Running', containerStatuses: [cs({ ready: true, restartCount: 6, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(5 * D) } } }), cs({ ready: true, restartCount: 3, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * D) } } })] }), ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>']],
    [pod('test15', { containers: containers(2) }, { phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), ['test15', '0/2', 'SchedulingGated', '0', '<unknown>']],
    [pod('test16', { containers: containers(1) }, { phase: 'Succeeded', containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })] }), ['test16', '0/1', 'Completed', '0', '<unknown>']],
    [pod('test17', { containers: containers(1) }, { phase: 'Failed', containerStatuses: [cs({ state: { terminated: { reason: 'Error', exitCode: 1 } } })] }), ['test17', '0/1', 'Error', '0', '<unknown>']],
    [pod('test18', { containers: containers(1) }, { phase: 'Succeeded', containerStatuses: [cs({ state: { terminated: { reason: 'Completed', exitCode: 0 } } })] }, { deletionTimestamp: ago(10 * S) }), ['test18', '0/1', 'Completed', '0', '<unknown>']],
    [pod('test19', { containers: containers(1) }, { phase: 'Running', containerStatuses: [cs({ state: running })] }, { deletionTimestamp: ago(10 * S) }), ['test19', '0/1', 'Terminating', '0', '<unknown>']],
    [pod('test20', { containers: containers(1) }, { phase: 'Pending' }, { deletionTimestamp: ago(10 * S) }), ['test20', '0/1', 'Terminating', '0', '<unknown>']],
  ])('TestPrintPod %#', (p, want) => expect(row(p)).toEqual(want));

  const sidecars = { initContainers: [{ name: 'restartable-init-1', restartPolicy: 'Always' }, { name: 'restartable-init-2', restartPolicy: 'Always' }], containers: containers(1) };
  it.each<[Pod, string[]]>([
    [pod('test1', sidecars, { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }], initContainerStatuses: [cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: false, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } }), cs({ name: 'restartable-init-2', state: { waiting: {} }, started: false })], containerStatuses: [cs({ state: { waiting: {} } })] }), ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>']],
    [pod('test1', sidecars, { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }], initContainerStatuses: [cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } }), cs({ name: 'restartable-init-2', state: running, started: false })], containerStatuses: [cs({ state: { waiting: {} } })] }), ['test1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>']],
    [pod('test2', sidecars, { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } }), cs({ name: 'restartable-init-2', state: running, started: true })], containerStatuses: [cs({ ready: true, restartCount: 4, state: running, lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } } })] }), ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>']],
    [pod('test3', sidecars, { phase: 'Succeeded', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [cs({ name: 'restartable-init-1', restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false, lastState: { terminated: { exitCode: 0, finishedAt: ago(10 * S) } } }), cs({ name: 'restartable-init-2', state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false })], containerStatuses: [cs({ restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: { terminated: { exitCode: 0, finishedAt: ago(20 * S) } } })] }), ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>']],
    [pod('test4', { initContainers: [{ name: 'init1', image: 'initimage' }, { name: 'sidecar1', image: 'sidecarimage', restartPolicy: 'Always' }], containers: [{ name: 'container1', image: 'containerimage' }] }, { phase: 'Running', initContainerStatuses: [cs({ name: 'initinvalid' }), cs({ name: 'init1' }), cs({ name: 'sidecar1' })], containerStatuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })] }), ['test4', '0/2', 'Init:0/2', '0', '<unknown>']],
  ])('TestPrintPodWithRestartableInitContainer %#', (p, want) => expect(row(p)).toEqual(want));

  it.each<[string, string]>([['Running', 'Running'], ['Pending', 'Pending'], ['Unknown', 'Unknown'], ['Succeeded', 'Succeeded'], ['Failed', 'Failed']])('TestPrintNonTerminatedPod phase %s', (phase, want) => {
    const p = pod('p', { containers: containers(2) }, { phase, containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] });
    expect(row(p)).toEqual(['p', '1/2', want, '6', '<unknown>']);
  });

  it('fills the wide columns (TestPrintPodwide)', () => {
    const p = pod('test1', { containers: containers(2), nodeName: 'test1', readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] }, { phase: 'podPhase', podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }], nominatedNodeName: 'node1', conditions: [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }], containerStatuses: [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })] });
    const c = podStatusColumns(p, NOW);
    expect([c.ip, c.node, c.nominatedNode, c.readinessGates]).toEqual(['1.1.1.1', 'test1', 'node1', '1/3']);
    const bare = podStatusColumns(pod('test2', { containers: containers(1) }, { phase: 'podPhase' }), NOW);
    expect([bare.ip, bare.node, bare.nominatedNode, bare.readinessGates]).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('ages from creationTimestamp with HumanDuration', () => {
    const p = pod('aged', { containers: containers(1) }, { phase: 'Pending' }, { creationTimestamp: ago(14 * 60 * S + 5 * S) });
    expect(podStatusColumns(p, NOW).age).toBe('14m');
  });
});
