import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { fieldErrorText } from '../errors';
import { MAX_REPLICAS } from '../../sim/limits';
import { convertLegacyWorkload, selectorValue, validateReplicas } from './workload';

describe('workload helpers', () => {
  it('prints selectors as Go marshals them', () => {
    expect(selectorValue({ matchExpressions: [{ values: ['a'], operator: 'In', key: 'k' }], matchLabels: { b: '1', a: '2' } })).toEqual({ matchLabels: { a: '2', b: '1' }, matchExpressions: [{ key: 'k', operator: 'In', values: ['a'] }] });
    expect(JSON.stringify(selectorValue({ matchLabels: { b: '1', a: '2' } }))).toBe('{"matchLabels":{"a":"2","b":"1"}}');
  });

  it('bounds replicas', () => {
    expect(validateReplicas(MAX_REPLICAS, 'spec.replicas')).toEqual([]);
    expect(validateReplicas(2.5, 'spec.replicas').map(fieldErrorText)).toEqual(['spec.replicas: Invalid value: 2.5: must be an integer']);
  });

  it('leaves apps/v1 manifests alone', () => {
    const obj = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { template: { metadata: { labels: { a: 'b' } } } } } as KubeObject;
    convertLegacyWorkload(obj, 'apps/v1');
    expect(obj.spec).toEqual({ template: { metadata: { labels: { a: 'b' } } } });
  });
});
