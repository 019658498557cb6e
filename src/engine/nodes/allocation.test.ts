import { describe, expect, it } from 'vitest';
import { clusterOf, makeNode, makePod } from '../scheduler/testFixtures';
import { kubectlPercent, nodeAllocation } from './allocation';

describe('nodeAllocation (kubectl describe node resources)', () => {
  it('lists non-terminated pods by namespace and name with requests, limits and percentages', () => {
    const { store } = clusterOf([
      makeNode('minikube', { cpu: '4', memory: '2037260Ki' }),
      makePod('coredns-66bff467f8-5lkpn', { namespace: 'kube-system', node: 'minikube', requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } }),
      makePod('kindnet-pc7k4', { namespace: 'kube-system', node: 'minikube', requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } }),
      makePod('etcd-minikube', { namespace: 'kube-system', node: 'minikube' }),
      makePod('requests-pod', { node: 'minikube', requests: { cpu: '50m', memory: '300Mi' } }),
      makePod('finished', { node: 'minikube', requests: { cpu: '1' }, phase: 'Succeeded' }),
    ]);
    const a = nodeAllocation(store, 'minikube')!;
    expect(a.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['default/requests-pod', 'kube-system/coredns-66bff467f8-5lkpn', 'kube-system/etcd-minikube', 'kube-system/kindnet-pc7k4']);
    const coredns = a.pods[1];
    expect([coredns.cpuRequests, coredns.cpuRequestsPercent, coredns.cpuLimits, coredns.cpuLimitsPercent]).toEqual(['100m', 2, '0', 0]);
    expect([coredns.memoryRequests, coredns.memoryRequestsPercent, coredns.memoryLimits, coredns.memoryLimitsPercent]).toEqual(['70Mi', 3, '170Mi', 8]);
    expect(a.pods[2]).toMatchObject({ cpuRequests: '0', memoryRequests: '0', cpuRequestsPercent: 0 });
    expect(a.cpu).toMatchObject({ requests: '250m', requestsPercent: 6, limits: '100m', limitsPercent: 2 });
    expect(a.memory).toMatchObject({ requests: '420Mi', requestsPercent: 21, limits: '220Mi', limitsPercent: 11 });
    expect(a.totals.map((t) => t.resource)).toEqual(['cpu', 'memory', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi']);
    expect(a.totals[2]).toMatchObject({ requests: '0', limits: '0', requestsPercent: 0 });
  });

  it('truncates the float percentage as kubectl does', () => {
    expect(kubectlPercent(290, 1000)).toBe(28);
    expect(kubectlPercent(50, 4000)).toBe(1);
    expect(kubectlPercent(1, 0)).toBe(0);
  });

  it('lists extended resources without percentages and is undefined for unknown nodes', () => {
    const node = makeNode('gpu');
    node.status!.allocatable = { ...node.status!.allocatable, 'nvidia.com/gpu': '4' };
    const { store } = clusterOf([node, makePod('train', { node: 'gpu', requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } })]);
    const a = nodeAllocation(store, 'gpu')!;
    expect(a.totals.at(-1)).toEqual({ resource: 'nvidia.com/gpu', requests: '1', limits: '1', requestsValue: 1, limitsValue: 1 });
    expect(nodeAllocation(store, 'nope')).toBeUndefined();
  });
});
