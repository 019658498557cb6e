import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { HorizontalPodAutoscaler, Pod, ReplicaSet } from '../../api/types';
import type { Cluster } from '../../sim/Cluster';
import { formatHpaTargets } from './formatTargets';

// The notes' HPA example: a ReplicaSet of `dd if=/dev/zero of=/dev/null` pinned at its 100m CPU limit.

const busyReplicaSet = (resources: string) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: busy-replicaset
spec:
  replicas: 2
  selector:
    matchLabels:
      app: busy
  template:
    metadata:
      labels:
        app: busy
    spec:
      containers:
      - image: busybox
        name: hpa-container
        command: ["dd", "if=/dev/zero", "of=/dev/null"]
${resources}`;

const WITH_CPU = `        resources:
          requests:
            cpu: 100m
          limits:
            cpu: 100m
`;

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: busy-hpa
spec:
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 30
    type: Resource
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ReplicaSet
    name: busy-replicaset
`;

const hpaOf = (c: Cluster) => c.sim.store.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'default', 'busy-hpa')!;
const replicas = (c: Cluster) => c.sim.store.get<ReplicaSet>('ReplicaSet', 'default', 'busy-replicaset')!.spec!.replicas;
const rescales = (c: Cluster) => c.events().filter((e) => e.reason === 'SuccessfulRescale').map((e) => e.message);

describe('HorizontalPodAutoscaler scenarios', () => {
  it('scales a busy ReplicaSet up to its max and back down once the load stops and the window passes', () => {
    const c = createCluster({ seed: 61 });
    expect(c.apply(busyReplicaSet(WITH_CPU)).errors).toEqual([]);
    c.advance(30_000);
    expect(c.apply(HPA).errors).toEqual([]);
    expect(formatHpaTargets(hpaOf(c))).toBe('cpu: <unknown>/30%');
    c.advance(15_000);
    expect(formatHpaTargets(hpaOf(c))).toBe('cpu: 100%/30%');
    expect(c.kubectl('get hpa').stdout).toMatch(/busy-hpa +ReplicaSet\/busy-replicaset +cpu: 100%\/30% +1 +5 +2 /);
    expect(replicas(c)).toBe(4);
    expect(rescales(c)).toEqual(['New size: 4; reason: cpu resource utilization (percentage of request) above target']);
    c.advance(120_000);
    expect(replicas(c)).toBe(5);
    expect(hpaOf(c).status!.conditions!.find((x) => x.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas' });

    // Stop the load: an idle command instead of dd (a new template would not touch running pods, so replace them).
    expect(c.apply(busyReplicaSet(WITH_CPU).replace('["dd", "if=/dev/zero", "of=/dev/null"]', '["sleep", "3600"]')).errors).toEqual([]);
    for (const pod of c.sim.store.list<Pod>('Pod', 'default')) c.delete('Pod', pod.metadata.name, 'default', { gracePeriodSeconds: 0 });
    c.advance(120_000);
    expect(replicas(c)).toBe(5);
    expect(hpaOf(c).status!.conditions!.find((x) => x.type === 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized' });
    c.advance(300_000);
    expect(replicas(c)).toBe(1);
    expect(rescales(c).at(-1)).toBe('New size: 1; reason: All metrics below target');
  });

  it('kubectl autoscale creates an HPA that holds the ReplicaSet between min and max', () => {
    const c = createCluster({ seed: 63 });
    expect(c.apply(busyReplicaSet(WITH_CPU).replace('replicas: 2', 'replicas: 1')).errors).toEqual([]);
    c.advance(30_000);
    expect(c.kubectl('autoscale rs busy-replicaset --max=10 --min=3 --cpu-percent=50').exitCode).toBe(0);
    c.advance(16_000);
    expect(replicas(c)).toBe(3);
    expect(rescales(c)).toEqual(['New size: 3; reason: Current number of replicas below Spec.MinReplicas']);
  });

  it('accepts the docs\' autoscaling/v1 form and stores it as v2', () => {
    const c = createCluster({ seed: 64 });
    expect(c.apply(busyReplicaSet(WITH_CPU)).errors).toEqual([]);
    c.advance(30_000);
    const v1 = HPA.replace('autoscaling/v2', 'autoscaling/v1').replace(/  metrics:[\s\S]*?type: Resource\n/, '  targetCPUUtilizationPercentage: 50\n');
    expect(c.apply(v1).errors).toEqual([]);
    expect(hpaOf(c).spec!.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    c.advance(15_000);
    expect(formatHpaTargets(hpaOf(c))).toBe('cpu: 100%/50%');
    expect(replicas(c)).toBe(4);
  });

  it('reports that it cannot compute without CPU requests', () => {
    const c = createCluster({ seed: 62 });
    expect(c.apply(busyReplicaSet('')).errors).toEqual([]);
    c.advance(30_000);
    expect(c.apply(HPA).errors).toEqual([]);
    c.advance(20_000);
    const hpa = hpaOf(c);
    expect(formatHpaTargets(hpa)).toBe('cpu: <unknown>/30%');
    const active = hpa.status!.conditions!.find((x) => x.type === 'ScalingActive')!;
    expect([active.status, active.reason]).toEqual(['False', 'FailedGetResourceMetric']);
    expect(active.message).toMatch(/^the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container hpa-container of Pod busy-replicaset-[a-z0-9]{5}$/);
    const warnings = c.events().filter((e) => e.type === 'Warning').map((e) => e.reason);
    expect(warnings).toContain('FailedGetResourceMetric');
    expect(warnings).toContain('FailedComputeMetricsReplicas');
    expect(replicas(c)).toBe(2);
  });
});
