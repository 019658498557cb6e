import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler, KubeObject, Pod, ReplicaSet, Typed } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import type { MetricsSource } from '../Controller';
import { fixture, summarize, written } from '../common/testFixture';
import { HorizontalPodAutoscalerController } from './HorizontalPodAutoscalerController';
import { formatHpaTargets } from './formatTargets';

function hpa(extra: { target?: string; min?: number; max?: number; utilization?: number; status?: object; behavior?: object } = {}): Typed<HorizontalPodAutoscaler> {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'busy-hpa', namespace: 'default', uid: 'uid-hpa' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: extra.target ?? 'busy-replicaset' },
      minReplicas: extra.min ?? 1,
      maxReplicas: extra.max ?? 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: extra.utilization ?? 30 } } }],
      ...(extra.behavior ? { behavior: extra.behavior } : {}),
    },
    ...(extra.status ? { status: extra.status } : {}),
  } as Typed<HorizontalPodAutoscaler>;
}

function rs(replicas: number): Typed<ReplicaSet> {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'busy-replicaset', namespace: 'default', uid: 'uid-rs', generation: 1 },
    spec: { replicas, selector: { matchLabels: { app: 'busy' } }, template: { metadata: { labels: { app: 'busy' } }, spec: { containers: [{ name: 'hpa-container', image: 'busybox' }] } } },
    status: { replicas },
  } as Typed<ReplicaSet>;
}

function busyPod(name: string, extra: { request?: string | null; labels?: Record<string, string>; phase?: string } = {}): Typed<Pod> {
  const request = extra.request === undefined ? '100m' : extra.request;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: extra.labels ?? { app: 'busy' }, creationTimestamp: isoTime(-600_000) },
    spec: { containers: [{ name: 'hpa-container', image: 'busybox', ...(request ? { resources: { requests: { cpu: request }, limits: { cpu: request } } } : {}) }] },
    status: {
      phase: extra.phase ?? 'Running', startTime: isoTime(-600_000),
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: isoTime(-590_000) }],
    },
  } as Typed<Pod>;
}

/** A fake metrics pipeline: each named pod uses this many millicores. */
const metricsOf = (cpu: Record<string, number>): MetricsSource => ({
  podUsage: (_ns, name) => (cpu[name] === undefined ? undefined : { cpuMilli: cpu[name], memoryBytes: 0, containers: [{ name: 'hpa-container', cpuMilli: cpu[name], memoryBytes: 0 }] }),
});

const conditionsOf = (obj: KubeObject | undefined) => ((obj as Typed<HorizontalPodAutoscaler>).status!.conditions ?? []).map((c) => [c.type, c.status, c.reason]);

describe('HorizontalPodAutoscalerController', () => {
  it('waits one sync period (15 s) before the first sync', () => {
    const controller = new HorizontalPodAutoscalerController();
    const f = fixture([hpa(), rs(2), busyPod('a'), busyPod('b')], { metrics: metricsOf({ a: 100, b: 100 }) });
    expect(controller.reconcile('default/busy-hpa', f.ctx(0))).toEqual({ requeueAfterMs: 15_000 });
    expect(controller.reconcile('default/busy-hpa', f.ctx(5_000))).toEqual({ requeueAfterMs: 10_000 });
  });

  it('scales a busy ReplicaSet up, limited to max(2 × current, 4) per step', () => {
    const controller = new HorizontalPodAutoscalerController();
    const f = fixture([hpa(), rs(2), busyPod('a'), busyPod('b'), busyPod('idle-other', { labels: { app: 'other' } })], { metrics: metricsOf({ a: 100, b: 100, 'idle-other': 0 }) });
    controller.reconcile('default/busy-hpa', f.ctx(0));
    const result = controller.reconcile('default/busy-hpa', f.ctx(15_000));
    expect(summarize(result.actions)).toEqual([
      'update ReplicaSet/default/busy-replicaset',
      'event Normal SuccessfulRescale HorizontalPodAutoscaler/busy-hpa: New size: 4; reason: cpu resource utilization (percentage of request) above target',
      'update HorizontalPodAutoscaler/default/busy-hpa',
    ]);
    expect(result.requeueAfterMs).toBe(15_000);
    const out = written(result.actions);
    expect((out.get('ReplicaSet/default/busy-replicaset') as Typed<ReplicaSet>).spec!.replicas).toBe(4);
    const status = (out.get('HorizontalPodAutoscaler/default/busy-hpa') as Typed<HorizontalPodAutoscaler>).status!;
    expect(status.currentReplicas).toBe(2);
    expect(status.desiredReplicas).toBe(4);
    expect(status.lastScaleTime).toBe(isoTime(15_000));
    expect(status.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '100m' } } }]);
    expect(conditionsOf(out.get('HorizontalPodAutoscaler/default/busy-hpa'))).toEqual([
      ['AbleToScale', 'True', 'SucceededRescale'], ['ScalingActive', 'True', 'ValidMetricFound'], ['ScalingLimited', 'True', 'ScaleUpLimit'],
    ]);
    expect(formatHpaTargets(out.get('HorizontalPodAutoscaler/default/busy-hpa') as Typed<HorizontalPodAutoscaler>)).toBe('cpu: 100%/30%');
  });

  it('does not rescale within the 10 % tolerance (converged)', () => {
    const controller = new HorizontalPodAutoscalerController();
    const f = fixture([hpa({ utilization: 50 }), rs(2), busyPod('a'), busyPod('b')], { metrics: metricsOf({ a: 52, b: 54 }) });
    controller.reconcile('default/busy-hpa', f.ctx(0));
    const first = controller.reconcile('default/busy-hpa', f.ctx(15_000));
    expect(summarize(first.actions)).toEqual(['update HorizontalPodAutoscaler/default/busy-hpa']);
    // Feed the written status back: the next sync finds nothing to change.
    const settled = fixture([written(first.actions).get('HorizontalPodAutoscaler/default/busy-hpa')!, rs(2), busyPod('a'), busyPod('b')], { metrics: metricsOf({ a: 52, b: 54 }) });
    expect(controller.reconcile('default/busy-hpa', settled.ctx(30_000))).toEqual({ actions: [], requeueAfterMs: 15_000 });
  });

  it('keeps the highest recommendation of the last 300 s before scaling down', () => {
    const controller = new HorizontalPodAutoscalerController();
    const f = fixture([hpa(), rs(4), busyPod('a'), busyPod('b'), busyPod('c'), busyPod('d')], { metrics: metricsOf({ a: 0, b: 0, c: 0, d: 0 }) });
    controller.reconcile('default/busy-hpa', f.ctx(0));
    const early = controller.reconcile('default/busy-hpa', f.ctx(15_000));
    expect(summarize(early.actions)).toEqual(['update HorizontalPodAutoscaler/default/busy-hpa']);
    expect(conditionsOf(written(early.actions).get('HorizontalPodAutoscaler/default/busy-hpa'))[0]).toEqual(['AbleToScale', 'True', 'ScaleDownStabilized']);
    // The first sync's sample (15 s) stays in the window until strictly more than 300 s have passed.
    for (let t = 30_000; t <= 315_000; t += 15_000) expect(summarize(controller.reconcile('default/busy-hpa', f.ctx(t)).actions).some((l) => l.includes('SuccessfulRescale'))).toBe(false);
    const late = controller.reconcile('default/busy-hpa', f.ctx(330_000));
    expect(summarize(late.actions)).toContain('event Normal SuccessfulRescale HorizontalPodAutoscaler/busy-hpa: New size: 1; reason: All metrics below target');
  });

  it('reports why it cannot compute when a container has no CPU request', () => {
    const controller = new HorizontalPodAutoscalerController();
    const f = fixture([hpa(), rs(1), busyPod('a', { request: null })], { metrics: metricsOf({ a: 100 }) });
    controller.reconcile('default/busy-hpa', f.ctx(0));
    const result = controller.reconcile('default/busy-hpa', f.ctx(15_000));
    expect(summarize(result.actions)).toEqual([
      'event Warning FailedGetResourceMetric HorizontalPodAutoscaler/busy-hpa: failed to get cpu utilization: missing request for cpu in container hpa-container of Pod a',
      'event Warning FailedComputeMetricsReplicas HorizontalPodAutoscaler/busy-hpa: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container hpa-container of Pod a',
      'update HorizontalPodAutoscaler/default/busy-hpa',
    ]);
    const written1 = written(result.actions).get('HorizontalPodAutoscaler/default/busy-hpa') as Typed<HorizontalPodAutoscaler>;
    expect(written1.status!.conditions!.find((c) => c.type === 'ScalingActive')!.message).toBe('the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container hpa-container of Pod a');
    expect(written1.status!.currentMetrics).toEqual([{ type: '' }]);
    expect(formatHpaTargets(written1)).toBe('cpu: <unknown>/30%');
  });

  it('refuses to act when another HPA controls the same pods', () => {
    const controller = new HorizontalPodAutoscalerController();
    const twin = { ...hpa(), metadata: { name: 'twin-hpa', namespace: 'default', uid: 'uid-twin' } } as Typed<HorizontalPodAutoscaler>;
    const f = fixture([hpa(), twin, rs(2), busyPod('a'), busyPod('b')], { metrics: metricsOf({ a: 100, b: 100 }) });
    controller.reconcile('default/busy-hpa', f.ctx(0));
    const result = controller.reconcile('default/busy-hpa', f.ctx(15_000));
    const message = 'pods by selector app=busy are controlled by multiple HPAs: [default/busy-hpa default/twin-hpa]';
    expect(summarize(result.actions)).toEqual([
      `event Warning AmbiguousSelector HorizontalPodAutoscaler/busy-hpa: ${message}`,
      `event Warning FailedComputeMetricsReplicas HorizontalPodAutoscaler/busy-hpa: ${message}`,
      'update HorizontalPodAutoscaler/default/busy-hpa',
    ]);
  });

  it('reports a missing target', () => {
    const controller = new HorizontalPodAutoscalerController();
    const f = fixture([hpa({ target: 'nope' })]);
    controller.reconcile('default/busy-hpa', f.ctx(0));
    const result = controller.reconcile('default/busy-hpa', f.ctx(15_000));
    expect(summarize(result.actions)).toEqual([
      'event Warning FailedGetScale HorizontalPodAutoscaler/busy-hpa: replicasets.apps "nope" not found',
      'update HorizontalPodAutoscaler/default/busy-hpa',
    ]);
  });

  it('scales Deployments and ReplicationControllers through the same scale subresource', () => {
    for (const kind of ['Deployment', 'ReplicationController'] as const) {
      const controller = new HorizontalPodAutoscalerController();
      const target = kind === 'Deployment'
        ? { apiVersion: 'apps/v1', kind, metadata: { name: 'web', namespace: 'default', uid: 'uid-web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'busy' } } }, status: { replicas: 2 } }
        : { apiVersion: 'v1', kind, metadata: { name: 'web', namespace: 'default', uid: 'uid-web' }, spec: { replicas: 2, selector: { app: 'busy' } }, status: { replicas: 2 } };
      const autoscaler = hpa({ target: 'web' });
      autoscaler.spec!.scaleTargetRef = { apiVersion: target.apiVersion, kind, name: 'web' };
      const f = fixture([autoscaler, target as KubeObject, busyPod('a'), busyPod('b')], { metrics: metricsOf({ a: 100, b: 100 }) });
      controller.reconcile('default/busy-hpa', f.ctx(0));
      const result = controller.reconcile('default/busy-hpa', f.ctx(15_000));
      expect((written(result.actions).get(`${kind}/default/web`) as { spec: { replicas: number } }).spec.replicas).toBe(4);
    }
  });

  it('follows behavior policies: scale-up by at most 4 pods or 100 % per 15 s', () => {
    const controller = new HorizontalPodAutoscalerController();
    const behavior = {
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    };
    const f = fixture([hpa({ behavior, max: 20, utilization: 10 }), rs(1), busyPod('a')], { metrics: metricsOf({ a: 100 }) });
    controller.reconcile('default/busy-hpa', f.ctx(0));
    const result = controller.reconcile('default/busy-hpa', f.ctx(15_000));
    expect((written(result.actions).get('ReplicaSet/default/busy-replicaset') as Typed<ReplicaSet>).spec!.replicas).toBe(5);
    expect(conditionsOf(written(result.actions).get('HorizontalPodAutoscaler/default/busy-hpa'))[2]).toEqual(['ScalingLimited', 'True', 'ScaleUpLimit']);
  });
});

describe('formatHpaTargets', () => {
  it('prints utilization, values and the overflow like kubectl', () => {
    const base = hpa();
    expect(formatHpaTargets(base)).toBe('cpu: <unknown>/30%');
    expect(formatHpaTargets({ spec: { ...base.spec!, metrics: [] } })).toBe('<none>');
    const many = { ...base.spec!, metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } },
    ] } as never;
    const status = { desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 85, averageValue: '85m' } } }] } as never;
    expect(formatHpaTargets({ spec: many, status })).toBe('cpu: 85%/50%, memory: <unknown>/100Mi + 1 more...');
  });
});
