import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { newNode } from '../../api/node';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import { clone } from '../../util/clone';
import './index';

const nodeStrategy = () => strategyFor('Node')!;
const errorsOf = (obj: KubeObject) => nodeStrategy().validate(obj, {} as StoreView).map(fieldErrorText);

describe('Node', () => {
  it('accepts the nodes Podlab creates and leaves them unchanged', () => {
    const node = newNode({ name: 'node-1', role: 'control-plane' }, 0, 0) as KubeObject;
    const copy = clone(node);
    nodeStrategy().defaults(copy);
    expect(copy).toEqual(node);
    expect(errorsOf(node)).toEqual([]);
  });

  it('reports taint errors under metadata.taints, as the apiserver does', () => {
    const node = newNode({ name: 'node-1', taints: [{ key: 'gpu', value: 'yes please', effect: 'Sometimes' }, { key: 'a', effect: 'NoSchedule' }, { key: 'a', effect: 'NoSchedule' }] }, 0, 0) as KubeObject;
    const errs = errorsOf(node);
    expect(errs[0]).toMatch(/^metadata\.taints\[0\]\.value: Invalid value: "yes please": a valid label must be an empty string/);
    expect(errs).toContain('metadata.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"');
    expect(errs).toContain('metadata.taints[2]: Duplicate value: {"key":"a","effect":"NoSchedule"}: taints must be unique by key and effect pair');
  });

  it('forbids changing podCIDRs', () => {
    const old = newNode({ name: 'node-1' }, 0, 0) as KubeObject;
    const next = clone(old);
    (next.spec as { podCIDRs: string[] }).podCIDRs = ['10.9.0.0/24'];
    expect(nodeStrategy().validateUpdate!(next, old).map(fieldErrorText)).toEqual(['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid']);
  });

  it('rejects a name that is not a DNS subdomain', () => {
    const node = newNode({ name: 'Node_1' }, 0, 0) as KubeObject;
    expect(errorsOf(node)[0]).toMatch(/^metadata\.name: Invalid value: "Node_1": a lowercase RFC 1123 subdomain/);
  });
});
