import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import './index';

const hpaStrategy = () => strategyFor('HorizontalPodAutoscaler')!;

function stored(yaml: string): KubeObject {
  const obj = parse(yaml) as KubeObject;
  obj.metadata.namespace ??= 'default';
  hpaStrategy().convert!(obj, obj.apiVersion);
  obj.apiVersion = 'autoscaling/v2';
  hpaStrategy().defaults(obj);
  return obj;
}
const errorsOf = (yaml: string) => hpaStrategy().validate(stored(yaml), {} as StoreView).map(fieldErrorText);

const v2 = (spec: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
${spec}`;

describe('HorizontalPodAutoscaler conversion and defaults', () => {
  it('converts autoscaling/v1 targetCPUUtilizationPercentage to a v2 CPU metric', () => {
    const obj = stored(`apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
`);
    expect(obj.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    });
  });

  it('gives a v1 HPA without a target the 80% CPU default', () => {
    const obj = stored('apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: w\nspec:\n  scaleTargetRef: {kind: Deployment, name: w}\n  maxReplicas: 3\n');
    expect((obj.spec as { metrics: unknown[] }).metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  });

  it('converts v2beta1 targetAverageUtilization and pods metrics', () => {
    const obj = stored(`apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata:
  name: kubia
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: kubia}
  maxReplicas: 5
  metrics:
  - type: Resource
    resource:
      name: cpu
      targetAverageUtilization: 30
  - type: Pods
    pods:
      metricName: qps
      targetAverageValue: 100
`);
    expect((obj.spec as { metrics: unknown[] }).metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 30 } } },
      { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: 100 } } },
    ]);
    expect((obj.spec as { minReplicas: number }).minReplicas).toBe(1);
  });

  it('defaults minReplicas 1 and an 80% CPU metric, and fills behavior only when given', () => {
    const spec = stored(v2('  maxReplicas: 4\n')).spec as Record<string, unknown>;
    expect(spec.minReplicas).toBe(1);
    expect(spec.behavior).toBeUndefined();
    const withBehavior = stored(v2('  maxReplicas: 4\n  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 60\n')).spec as { behavior: unknown };
    expect(withBehavior.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });
});

describe('HorizontalPodAutoscaler validation', () => {
  it.each([
    ['maxReplicas below minReplicas', v2('  minReplicas: 5\n  maxReplicas: 2\n'), ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']],
    ['minReplicas 0', v2('  minReplicas: 0\n  maxReplicas: 2\n'), ['spec.minReplicas: Invalid value: 0: must be greater than or equal to 1']],
    ['maxReplicas 0', v2('  maxReplicas: 0\n'), ['spec.maxReplicas: Invalid value: 0: must be greater than 0', 'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`']],
    [
      'scaleTargetRef without kind and name',
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {}\n  maxReplicas: 3\n',
      ['spec.scaleTargetRef.kind: Required value', 'spec.scaleTargetRef.name: Required value'],
    ],
    [
      'resource metric without a target value',
      v2('  maxReplicas: 3\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n        type: Utilization\n'),
      ['spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization'],
    ],
    [
      'metric type without its source',
      v2('  maxReplicas: 3\n  metrics:\n  - type: Pods\n    resource:\n      name: cpu\n      target: {type: Utilization, averageUtilization: 50}\n'),
      ['spec.metrics[0].pods: Required value: must populate information for the given metric source'],
    ],
    [
      'two sources for one type',
      v2('  maxReplicas: 3\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target: {type: Utilization, averageUtilization: 50}\n    pods:\n      metric: {name: qps}\n      target: {type: AverageValue, averageValue: 1}\n'),
      ['spec.metrics[0].pods: Forbidden: must populate the given metric source only'],
    ],
    [
      'utilization 0',
      v2('  maxReplicas: 3\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target: {type: Utilization, averageUtilization: 0}\n'),
      ['spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0'],
    ],
    [
      'bad target type',
      v2('  maxReplicas: 3\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target: {type: Percent, averageUtilization: 50}\n'),
      ['spec.metrics[0].resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue'],
    ],
    [
      'behavior policy period too long',
      v2('  maxReplicas: 3\n  behavior:\n    scaleUp:\n      policies:\n      - type: Pods\n        value: 1\n        periodSeconds: 3600\n'),
      ['spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(errorsOf(yaml)).toEqual(expected);
  });

  it('accepts the default HPA', () => {
    expect(errorsOf(v2('  maxReplicas: 10\n'))).toEqual([]);
  });
});
