import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import './index';

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

describe('Namespace', () => {
  it('gets the kubernetes finalizer, phase Active and the metadata.name label', () => {
    const obj = ns('team-a');
    strategyFor('Namespace')!.defaults(obj);
    expect(obj).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('requires a DNS label name (no dots)', () => {
    const strategy = strategyFor('Namespace')!;
    expect(strategy.validate(ns('team.a'), {} as StoreView).map(fieldErrorText)).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots']);
    expect(strategy.validate(ns('Team'), {} as StoreView).map(fieldErrorText)).toEqual([
      `metadata.name: Invalid value: "Team": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
});
