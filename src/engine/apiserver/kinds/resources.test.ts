import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../errors';
import { computeQosClass, defaultRequestsFromLimits, validateResourceRequirements } from './resources';

const texts = (resources: unknown) => validateResourceRequirements(resources, 'r').map(fieldErrorText);

describe('validateResourceRequirements', () => {
  it('accepts standard, hugepages and extended resources', () => {
    expect(texts({ limits: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '2Mi', 'example.com/gpu': '1' }, requests: { cpu: '500m', 'example.com/gpu': '1' } })).toEqual([]);
  });
  it('requires extended resources to be whole and equal in request and limit', () => {
    expect(texts({ limits: { 'example.com/gpu': '2' }, requests: { 'example.com/gpu': '1' } })).toEqual(['r.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2']);
    expect(texts({ limits: { 'example.com/gpu': '500m' } })).toEqual(['r.limits[example.com/gpu]: Invalid value: "500m": must be an integer']);
  });
  it('compares CPU in millicores and prints the canonical limit', () => {
    expect(texts({ limits: { cpu: '0.5' }, requests: { cpu: '600m' } })).toEqual(['r.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m']);
  });
  it('wants cpu or memory next to hugepages', () => {
    expect(texts({ limits: { 'hugepages-2Mi': '2Mi' } })).toEqual(['r: Forbidden: HugePages require cpu or memory']);
  });
  it('reports wrongly typed maps instead of throwing', () => {
    expect(texts({ limits: ['1'] })).toEqual(['r.limits: Invalid value: ["1"]: must be a map of resource names to quantities']);
    expect(texts('lots')).toEqual(['r: Invalid value: "lots": must be an object with limits and requests']);
  });
});

describe('defaultRequestsFromLimits', () => {
  it('fills only the missing requests', () => {
    const c = { resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } } };
    defaultRequestsFromLimits(c);
    expect(c.resources.requests).toEqual({ cpu: '100m', memory: '1Gi' });
  });
  it('does nothing without limits', () => {
    const c = { resources: {} };
    defaultRequestsFromLimits(c);
    expect(c).toEqual({ resources: {} });
  });
});

describe('computeQosClass', () => {
  it('counts init containers and ignores other resources', () => {
    const guaranteed = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } };
    expect(computeQosClass({ containers: [{ resources: guaranteed }], initContainers: [{ resources: guaranteed }] })).toBe('Guaranteed');
    expect(computeQosClass({ containers: [{ resources: guaranteed }], initContainers: [{ resources: {} }] })).toBe('Burstable');
    expect(computeQosClass({ containers: [{ resources: { limits: { 'ephemeral-storage': '1Gi' } } }] })).toBe('BestEffort');
    expect(computeQosClass(undefined)).toBe('BestEffort');
  });
});
