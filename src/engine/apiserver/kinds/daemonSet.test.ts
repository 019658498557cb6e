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
const errorsOf = (yaml: string) => strategyFor('DaemonSet')!.validate(defaulted(yaml), {} as StoreView).map(fieldErrorText);

const ds = (selector: string, extra = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
${selector}${extra}  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: main
        image: luksa/ssd-monitor
`;
const selector = '  selector:\n    matchLabels:\n      app: ssd-monitor\n';

describe('DaemonSet', () => {
  it('defaults updateStrategy RollingUpdate 1/0 and revisionHistoryLimit 10', () => {
    const spec = defaulted(ds(selector)).spec as Record<string, unknown>;
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.replicas).toBeUndefined();
  });

  it('accepts the ssd-monitor DaemonSet', () => {
    expect(errorsOf(ds(selector))).toEqual([]);
  });

  it.each([
    ['missing selector only reports the template mismatch', ds(''), ['spec.template.metadata.labels: Invalid value: {"app":"ssd-monitor"}: `selector` does not match template `labels`']],
    ['empty selector', ds('  selector: {}\n'), ['spec.selector: Invalid value: {}: empty selector is invalid for daemonset']],
    [
      'surge and unavailable both set',
      ds(selector, '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1\n      maxSurge: 1\n'),
      ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero'],
    ],
    [
      'both zero',
      ds(selector, '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n'),
      ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    ],
    ['unknown strategy', ds(selector, '  updateStrategy:\n    type: Always\n'), ['spec.updateStrategy: Unsupported value: {"type":"Always"}: supported values: "RollingUpdate", "OnDelete"']],
  ])('%s', (_name, yaml, expected) => {
    expect(errorsOf(yaml)).toEqual(expected);
  });

  it('forbids changing the selector on update', () => {
    const old = defaulted(ds(selector));
    const next = defaulted(ds('  selector:\n    matchLabels:\n      app: ssd-monitor\n      tier: infra\n').replace('        app: ssd-monitor\n    spec', '        app: ssd-monitor\n        tier: infra\n    spec'));
    expect(strategyFor('DaemonSet')!.validateUpdate!(next, old).map(fieldErrorText)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"ssd-monitor","tier":"infra"}}: field is immutable']);
  });
});
