import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import { MAX_REPLICAS } from '../../sim/limits';
import './index';

function defaulted(yaml: string): KubeObject {
  const obj = parse(yaml) as KubeObject;
  obj.metadata.namespace ??= 'default';
  strategyFor(obj.kind)!.defaults(obj);
  return obj;
}
const errorsOf = (yaml: string) => strategyFor('ReplicaSet')!.validate(defaulted(yaml), {} as StoreView).map(fieldErrorText);

const rs = (spec: string) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
${spec}`;
const template = (labels = 'app: kubia', podSpec = '      containers:\n      - name: kubia\n        image: luksa/kubia\n') =>
  `  template:\n    metadata:\n      labels:\n        ${labels}\n    spec:\n${podSpec}`;

describe('ReplicaSet defaulting', () => {
  it('sets replicas 1 and the pod template defaults, but no pod-only defaults', () => {
    const obj = defaulted(rs(`  selector:\n    matchLabels:\n      app: kubia\n${template()}`));
    const spec = obj.spec as { replicas: number; template: { spec: Record<string, unknown> } };
    expect(spec.replicas).toBe(1);
    expect(spec.template.spec).toEqual({
      containers: [{ name: 'kubia', image: 'luksa/kubia', imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it('keeps limits-only templates without requests (that default happens per pod)', () => {
    const obj = defaulted(rs(`  selector:\n    matchLabels:\n      app: kubia\n${template('app: kubia', '      containers:\n      - name: c\n        image: nginx\n        resources:\n          limits:\n            cpu: 200m\n')}`));
    const c = (obj.spec as { template: { spec: { containers: { resources: unknown }[] } } }).template.spec.containers[0];
    expect(c.resources).toEqual({ limits: { cpu: '200m' } });
  });
});

describe('ReplicaSet validation', () => {
  it.each([
    [
      'template labels do not match the selector',
      rs(`  selector:\n    matchLabels:\n      app: kubia\n${template('tier: backend')}`),
      ['spec.template.metadata.labels: Invalid value: {"tier":"backend"}: `selector` does not match template `labels`'],
    ],
    [
      'missing selector (both errors, as apps/v1 reports them)',
      rs(template()),
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"kubia"}: `selector` does not match template `labels`'],
    ],
    ['empty selector', rs(`  selector: {}\n${template()}`), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    [
      'matchExpressions selector that does not match',
      rs(`  selector:\n    matchExpressions:\n    - key: app\n      operator: In\n      values: [kubia]\n${template('app: other')}`),
      ['spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`'],
    ],
    [
      'bad selector operator',
      rs(`  selector:\n    matchExpressions:\n    - key: app\n      operator: Equals\n      values: [kubia]\n${template()}`),
      [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["kubia"]}]}: invalid label selector',
      ],
    ],
    [
      'template restartPolicy',
      rs(`  selector:\n    matchLabels:\n      app: kubia\n${template('app: kubia', '      restartPolicy: OnFailure\n      containers:\n      - name: kubia\n        image: luksa/kubia\n')}`),
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ],
    ['negative replicas', rs(`  replicas: -1\n  selector:\n    matchLabels:\n      app: kubia\n${template()}`), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'replicas above Podlab\'s cap',
      rs(`  replicas: ${MAX_REPLICAS + 1}\n  selector:\n    matchLabels:\n      app: kubia\n${template()}`),
      [`spec.replicas: Invalid value: ${MAX_REPLICAS + 1}: must be less than or equal to ${MAX_REPLICAS} (Podlab simulates at most ${MAX_REPLICAS} replicas per workload)`],
    ],
    ['replicas as text', rs(`  replicas: three\n  selector:\n    matchLabels:\n      app: kubia\n${template()}`), ['spec.replicas: Invalid value: "three": must be an integer']],
    [
      'activeDeadlineSeconds in the template',
      rs(`  selector:\n    matchLabels:\n      app: kubia\n${template('app: kubia', '      activeDeadlineSeconds: 30\n      containers:\n      - name: kubia\n        image: luksa/kubia\n')}`),
      ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported'],
    ],
    [
      'template containers are validated with template paths',
      rs(`  selector:\n    matchLabels:\n      app: kubia\n${template('app: kubia', '      containers:\n      - name: kubia\n')}`),
      ['spec.template.spec.containers[0].image: Required value'],
    ],
    ['missing template', rs('  selector:\n    matchLabels:\n      app: kubia\n'), ['spec.template: Required value']],
  ])('%s', (_name, yaml, expected) => {
    expect(errorsOf(yaml)).toEqual(expected);
  });

  it('accepts the kubia ReplicaSet from the notes', () => {
    expect(errorsOf(rs(`  replicas: 3\n  selector:\n    matchLabels:\n      app: kubia\n${template()}`))).toEqual([]);
  });
});

describe('ReplicaSet updates', () => {
  const valid = rs(`  selector:\n    matchLabels:\n      app: kubia\n${template()}`);
  it('forbids changing the selector', () => {
    const old = defaulted(valid);
    const next = defaulted(rs(`  selector:\n    matchLabels:\n      app: kubia\n      env: prod\n${template('app: kubia\n        env: prod')}`));
    expect(strategyFor('ReplicaSet')!.validateUpdate!(next, old).map(fieldErrorText)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"kubia","env":"prod"}}: field is immutable']);
  });
  it('allows changing replicas and the template', () => {
    const old = defaulted(valid);
    const next = defaulted(valid.replace('luksa/kubia', 'luksa/kubia:v2'));
    expect(strategyFor('ReplicaSet')!.validateUpdate!(next, old)).toEqual([]);
  });
});

describe('legacy apiVersions', () => {
  it('extensions/v1beta1 defaults the selector and labels from the template', () => {
    const obj = parse(rs(template())) as KubeObject;
    strategyFor('ReplicaSet')!.convert!(obj, 'extensions/v1beta1');
    expect((obj.spec as { selector: unknown }).selector).toEqual({ matchLabels: { app: 'kubia' } });
    expect(obj.metadata.labels).toEqual({ app: 'kubia' });
  });
  it('apps/v1beta2 does not', () => {
    const obj = parse(rs(template())) as KubeObject;
    strategyFor('ReplicaSet')!.convert!(obj, 'apps/v1beta2');
    expect((obj.spec as { selector?: unknown }).selector).toBeUndefined();
  });
});
