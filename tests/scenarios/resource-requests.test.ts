import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios/index';
import { Player } from './harness';

const scenario = scenarioById('resource-requests')!;

describe('scenario resource-requests', () => {
  it('plays through: requests counted in describe node; a pod that does not fit waits until room is freed', () => {
    const p = new Player(scenario);

    const [create] = p.step('requests-pod');
    expect(create.result.stdout).toBe('pod/requests-pod created\n');
    p.waitUntilDone('requests-pod', 20);
    expect(p.row('kubectl get pods --output wide', 'requests-pod')).toMatchObject({ READY: '1/1', STATUS: 'Running', NODE: 'minikube' });

    const [describeNode] = p.step('describe-node');
    const out = describeNode.result.stdout;
    expect(out).toMatch(/Capacity:\n\s+cpu:\s+4\n\s+ephemeral-storage:\s+61255492Ki\n\s+hugepages-1Gi:\s+0\n\s+hugepages-2Mi:\s+0\n\s+memory:\s+2037260Ki\n\s+pods:\s+110\n/);
    expect(out).toMatch(/default\s+requests-pod\s+50m \(1%\)\s+0 \(0%\)\s+300Mi \(15%\)\s+0 \(0%\)\s+\S+\n/);
    expect(out).toMatch(/Allocated resources:\n\s+\(Total limits may be over 100 percent, i\.e\., overcommitted\.\)\n\s+Resource\s+Requests\s+Limits\n\s+-+\s+-+\s+-+\n\s+cpu\s+50m \(1%\)\s+0 \(0%\)\n\s+memory\s+300Mi \(15%\)\s+0 \(0%\)\n/);

    const [createBig] = p.step('too-big');
    expect(createBig.result.stdout).toBe('pod/big-requests-pod created\n');
    p.waitUntilDone('too-big', 5);
    expect(p.eventsOf('FailedScheduling', 'big-requests-pod')[0].message).toBe(
      '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    p.advance(120);
    expect(p.row('kubectl get pods --output wide', 'big-requests-pod'), 'nothing changes by itself').toMatchObject({ STATUS: 'Pending', NODE: '<none>' });

    const [del] = p.step('free-up');
    expect(del.result.stdout).toBe('pod "requests-pod" deleted from default namespace\n');
    p.waitUntilDone('free-up', 60);
    expect(p.eventsOf('Scheduled', 'big-requests-pod')[0].message).toBe('Successfully assigned default/big-requests-pod to minikube');
    expect(p.kubectl('kubectl describe node minikube').stdout).toMatch(/memory\s+1800Mi \(90%\)\s+0 \(0%\)\n/);
    expect(p.progress.complete).toBe(true);
  });
});
