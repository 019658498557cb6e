import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from './testFixtures';
import { DEFAULT_MEMORY_REQUEST_BYTES, DEFAULT_MILLI_CPU_REQUEST, nodeAllocatable, podLimitsList, podRequestsList, podResources } from './resources';
import type { Pod, Typed } from '../api/types';

const Mi = 1024 * 1024;

describe('podResources (NodeInfo.calculateResource)', () => {
  it('gives a requestless container the scoring defaults but charges nothing', () => {
    const r = podResources(makePod('p'));
    expect(r.requests).toEqual({ milliCPU: 0, memoryBytes: 0, ephemeralStorageBytes: 0, scalar: {} });
    expect(r.nonZeroMilliCPU).toBe(DEFAULT_MILLI_CPU_REQUEST);
    expect(r.nonZeroMemoryBytes).toBe(DEFAULT_MEMORY_REQUEST_BYTES);
  });

  it('sums containers', () => {
    const r = podResources(makePod('p', { containers: [{ requests: { cpu: '500m', memory: '500Mi' } }, { requests: { cpu: '700m', memory: '800Mi' } }] }));
    expect(r.requests.milliCPU).toBe(1200);
    expect(r.requests.memoryBytes).toBe(1300 * Mi);
    expect(r.nonZeroMilliCPU).toBe(1200);
  });

  it('applies the default only to the resource a container does not request', () => {
    const r = podResources(makePod('p', { containers: [{ requests: { cpu: '250m' } }, { requests: { memory: '64Mi' } }] }));
    expect(r.requests.milliCPU).toBe(250);
    expect(r.requests.memoryBytes).toBe(64 * Mi);
    expect(r.nonZeroMilliCPU).toBe(250 + DEFAULT_MILLI_CPU_REQUEST);
    expect(r.nonZeroMemoryBytes).toBe(DEFAULT_MEMORY_REQUEST_BYTES + 64 * Mi);
  });

  it('treats a limit without a request as the request (SetDefaults_Pod), the notes\' limits-pod case', () => {
    const r = podResources(makePod('limits-pod', { limits: { cpu: '90m', memory: '300Mi' } }));
    expect(r.requests.milliCPU).toBe(90);
    expect(r.requests.memoryBytes).toBe(300 * Mi);
  });

  it('takes the larger of the containers and the biggest init container, sidecars cumulative', () => {
    const pod = makePod('p', { requests: { cpu: '100m' } }) as Typed<Pod>;
    pod.spec!.initContainers = [
      { name: 'init', image: 'busybox', resources: { requests: { cpu: '300m', memory: '10Mi' } } },
    ];
    expect(podResources(pod).requests.milliCPU).toBe(300);
    const withSidecar = makePod('s', { requests: { cpu: '100m' } }) as Typed<Pod>;
    withSidecar.spec!.initContainers = [
      { name: 'sidecar', image: 'envoy', restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } },
      { name: 'init', image: 'busybox', resources: { requests: { cpu: '250m' } } },
    ];
    // containers 100m + sidecar 200m = 300m; the init container runs beside the sidecar: 250m + 200m = 450m.
    expect(podResources(withSidecar).requests.milliCPU).toBe(450);
  });

  it('adds pod overhead and honours pod-level requests', () => {
    const pod = makePod('p', { requests: { cpu: '100m' } });
    (pod.spec as Record<string, unknown>).overhead = { cpu: '50m' };
    expect(podResources(pod).requests.milliCPU).toBe(150);
    const podLevel = makePod('q', { containers: [{}] });
    (podLevel.spec as Record<string, unknown>).resources = { requests: { memory: '1200Mi' } };
    const r = podResources(podLevel);
    expect(r.requests.memoryBytes).toBe(1200 * Mi);
    expect(r.nonZeroMilliCPU).toBe(DEFAULT_MILLI_CPU_REQUEST);
    expect(r.nonZeroMemoryBytes).toBe(1200 * Mi);
  });

  it('keeps extended resources as scalars', () => {
    expect(podResources(makePod('gpu', { requests: { 'nvidia.com/gpu': '2' } })).requests.scalar).toEqual({ 'nvidia.com/gpu': 2 });
  });
});

describe('PodRequests / PodLimits quantities', () => {
  it('keeps the spelling of a single quantity and canonicalises sums', () => {
    expect(podRequestsList(makePod('p', { requests: { memory: '300Mi' } })).get('memory')!.apiString()).toBe('300Mi');
    const two = makePod('q', { containers: [{ requests: { memory: '100Mi' } }, { requests: { memory: '200Mi' } }] });
    expect(podRequestsList(two).get('memory')!.apiString()).toBe('300Mi');
    expect(podLimitsList(makePod('r', { requests: { cpu: '1' } })).size).toBe(0);
  });
});

describe('nodeAllocatable', () => {
  it('reads allocatable, including maxPods', () => {
    const a = nodeAllocatable(makeNode('n', { cpu: '2', memory: '4Gi', pods: 10 }));
    expect(a).toMatchObject({ milliCPU: 2000, memoryBytes: 4096 * Mi, allowedPodNumber: 10 });
  });
});
