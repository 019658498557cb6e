import { describe, expect, it } from 'vitest';
import { findUntoleratedTaint, isDoNotScheduleTaint, matchingTolerations, taintToString, toleratesTaint } from './taints';

describe('toleratesTaint (Toleration.ToleratesTaint)', () => {
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  it('matches Equal by value and Exists by key', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', value: 'gpu' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', value: 'cpu' }, taint)).toBe(false);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists' }, taint)).toBe(true);
  });
  it('treats an empty effect as any effect and an empty key with Exists as any taint', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'other', operator: 'Exists' }, taint)).toBe(false);
  });
  it('compares an empty value with Equal', () => {
    expect(toleratesTaint({ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' })).toBe(true);
  });
});

describe('findUntoleratedTaint', () => {
  it('returns the first untolerated taint the filter includes', () => {
    const taints = [
      { key: 'soft', effect: 'PreferNoSchedule' },
      { key: 'a', effect: 'NoSchedule' },
      { key: 'b', effect: 'NoExecute' },
    ];
    expect(findUntoleratedTaint(taints, [], isDoNotScheduleTaint)?.key).toBe('a');
    expect(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }], isDoNotScheduleTaint)?.key).toBe('b');
    expect(findUntoleratedTaint(taints, [{ operator: 'Exists' }], isDoNotScheduleTaint)).toBeUndefined();
  });
});

describe('matchingTolerations', () => {
  it('collects the first tolerating toleration per taint, or fails', () => {
    const taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }];
    const tols = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];
    expect(matchingTolerations(taints, tols)).toEqual({ allTolerated: true, used: tols });
    expect(matchingTolerations(taints, []).allTolerated).toBe(false);
    expect(matchingTolerations([], []).allTolerated).toBe(true);
  });
});

it('prints taints as kubectl does', () => {
  expect(taintToString({ key: 'k', value: 'v', effect: 'NoSchedule' })).toBe('k=v:NoSchedule');
  expect(taintToString({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' })).toBe('node.kubernetes.io/unreachable:NoExecute');
});
