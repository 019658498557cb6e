import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../errors';
import { validateAffinity, validateTaints, validateTolerations, validateTopologySpreadConstraints } from './scheduling';

describe('scheduling field validation', () => {
  it('accepts the tolerations DaemonSets and admission add', () => {
    expect(validateTolerations([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { operator: 'Exists' }], 't')).toEqual([]);
  });

  it('checks matchFields keys and values', () => {
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['a', 'b'] }] }] } } };
    expect(validateAffinity(affinity, 'a').map(fieldErrorText)).toEqual([
      "a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
      'a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key',
    ]);
  });

  it('requires Gt/Lt to have one value', () => {
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: [] }] }] } } };
    expect(validateAffinity(affinity, 'a').map(fieldErrorText)).toEqual([
      "a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
    ]);
  });

  it('finds repeated topology spread constraints', () => {
    const c = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' };
    expect(validateTopologySpreadConstraints([c, c], 's').map(fieldErrorText)).toEqual(['s[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"']);
  });

  it('requires a taint effect', () => {
    expect(validateTaints([{ key: 'a' }], 'metadata.taints').map(fieldErrorText)).toEqual(['metadata.taints[0].effect: Required value']);
  });
});
