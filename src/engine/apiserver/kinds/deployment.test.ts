import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import './index';

function defaulted(yaml: string): KubeObject {
  const obj = parse(yaml) as KubeObject;
  obj.metadata.namespace ??= 'default';
  strategyFor(obj.kind)!.defaults(obj);
  return obj;
}
const errorsOf = (yaml: string) => strategyFor('Deployment')!.validate(defaulted(yaml), {} as StoreView).map(fieldErrorText);

const deploy = (extra = '', labels = 'app: web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${extra}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`;

describe('Deployment defaulting', () => {
  it('fills replicas, RollingUpdate 25%/25%, revisionHistoryLimit and progressDeadlineSeconds', () => {
    const spec = defaulted(deploy()).spec as Record<string, unknown>;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
  });
  it('leaves a Recreate strategy without rollingUpdate', () => {
    const spec = defaulted(deploy('  strategy:\n    type: Recreate\n')).spec as Record<string, unknown>;
    expect(spec.strategy).toEqual({ type: 'Recreate' });
  });
  it('keeps a partial rollingUpdate and fills the rest', () => {
    const spec = defaulted(deploy('  strategy:\n    rollingUpdate:\n      maxSurge: 1\n')).spec as Record<string, unknown>;
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } });
  });
});

describe('Deployment validation', () => {
  it.each([
    ['template labels mismatch', deploy('', 'app: api'), ['spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`']],
    ['unknown strategy type', deploy('  strategy:\n    type: BlueGreen\n'), ['spec.strategy: Unsupported value: {"type":"BlueGreen"}: supported values: "Recreate", "RollingUpdate"']],
    [
      'Recreate with rollingUpdate',
      deploy('  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n'),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'both surge and unavailable zero',
      deploy('  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0%\n'),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'],
    ],
    ['unavailable over 100%', deploy('  strategy:\n    rollingUpdate:\n      maxUnavailable: 150%\n'), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%']],
    [
      'bad percent',
      deploy('  strategy:\n    rollingUpdate:\n      maxSurge: "25 percent"\n'),
      [`spec.strategy.rollingUpdate.maxSurge: Invalid value: "25 percent": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`],
    ],
    [
      'progress deadline not above minReadySeconds',
      deploy('  minReadySeconds: 30\n  progressDeadlineSeconds: 20\n'),
      ['spec.progressDeadlineSeconds: Invalid value: 20: must be greater than minReadySeconds'],
    ],
    ['negative revisionHistoryLimit', deploy('  revisionHistoryLimit: -1\n'), ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0']],
  ])('%s', (_name, yaml, expected) => {
    expect(errorsOf(yaml)).toEqual(expected);
  });

  it('accepts a standard deployment', () => {
    expect(errorsOf(deploy('  replicas: 3\n'))).toEqual([]);
  });

  it('forbids changing the selector on update', () => {
    const old = defaulted(deploy());
    const next = defaulted(deploy().replace('      app: web\n  template', '      app: web2\n  template').replace('        app: web\n', '        app: web2\n'));
    expect(strategyFor('Deployment')!.validateUpdate!(next, old).map(fieldErrorText)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable']);
  });

  it('apps/v1beta1 Deployments got their selector from the template', () => {
    const obj = parse(deploy().replace('  selector:\n    matchLabels:\n      app: web\n', '')) as KubeObject;
    strategyFor('Deployment')!.convert!(obj, 'apps/v1beta1');
    expect((obj.spec as { selector: unknown }).selector).toEqual({ matchLabels: { app: 'web' } });
  });
});
