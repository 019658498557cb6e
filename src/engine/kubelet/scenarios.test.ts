/**
 * The "must be shown" scenarios of the kubelet issue, through the public API: the learner notes'
 * manifests applied to createCluster(), asserting what `kubectl get pods` columns, pod status and
 * events show. Pods are scheduled by the scheduler; expectations follow the kubelet's rules.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';
import type { Pod } from '../api/types';
import { virtualMsFromIso } from '../clock/VirtualClock';
import { kubeletOf, PLEG_RELIST_MS } from './Kubelet';
import { podStatusColumns } from './podDisplay';

const pod = (c: Cluster, name: string) => c.sim.store.get<Pod>('Pod', 'default', name)!;
const cols = (c: Cluster, name: string) => podStatusColumns(pod(c, name), c.now());
const events = (c: Cluster, name: string, reason?: string) => c.events().filter((e) => e.involvedObject.name === name && (!reason || e.reason === reason));
const timeline = (c: Cluster, name: string) => kubeletOf(c.sim)!.timeline(pod(c, name).metadata.uid!)!.containers[0];

/** STATUS/RESTARTS as they change, sampled every 100 ms like a `kubectl get pods -w`. */
function watch(c: Cluster, name: string, untilMs: number): string[] {
  const seen: string[] = [];
  while (c.now() < untilMs) {
    c.advance(100);
    const p = c.sim.store.get<Pod>('Pod', 'default', name);
    if (!p) continue;
    const k = podStatusColumns(p, c.now());
    const line = `${k.ready} ${k.status} ${k.restarts.replace(/ \(.*\)$/, '')}`;
    if (seen[seen.length - 1] !== line) seen.push(line);
  }
  return seen;
}

const LIVENESS_POD = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-pod
spec:
  containers:
  - name: my-app
    image: nginx
    livenessProbe:
      httpGet:
        path: /health
        port: 80
      initialDelaySeconds: 5
      periodSeconds: 10
`;

describe('1. the notes\' liveness example (nginx, /health → 404)', () => {
  it('warns Unhealthy, kills after 3 failures, restarts, then backs off into CrashLoopBackOff', () => {
    const c = createCluster({ seed: 1 });
    expect(c.apply(LIVENESS_POD).errors).toEqual([]);
    const seen = watch(c, 'liveness-pod', 14 * 60_000);
    expect(seen[0]).toBe('0/1 ContainerCreating 0');
    expect(seen).toContain('1/1 Running 0');
    expect(seen).toContain('0/1 CrashLoopBackOff 4');
    const k = cols(c, 'liveness-pod');
    expect(k.restartCount).toBeGreaterThanOrEqual(7);
    expect(k.restarts).toMatch(/^\d+ \(\d+m(\d+s)? ago\)$/);

    const p = pod(c, 'liveness-pod');
    const cs = p.status!.containerStatuses![0];
    // nginx exits 0 on its stop signal, so the killed instance reads Completed.
    expect(cs.lastState!.terminated).toMatchObject({ reason: 'Completed', exitCode: 0 });
    expect(cs.restartCount).toBe(k.restartCount);

    expect(events(c, 'liveness-pod', 'Unhealthy')[0].message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 404');
    expect(events(c, 'liveness-pod', 'Killing')[0].message).toBe('Container my-app failed liveness probe, will be restarted');
    expect(events(c, 'liveness-pod', 'BackOff')[0].message).toBe(`Back-off restarting failed container my-app in pod liveness-pod_default(${p.metadata.uid})`);
    // Like the transcript in the notes: the kubelet's first 25 events about the pod pass the spam
    // filter (3 full start/probe/kill cycles and a 4th Pulling), later ones only count.
    const summary = (reason: string) => events(c, 'liveness-pod', reason).map((e) => e.count);
    expect(summary('Pulled')).toEqual([1, 1, 1]);
    expect(summary('Created')).toEqual([3]);
    expect(summary('Started')).toEqual([3]);
    expect(summary('Killing')).toEqual([3]);
    expect(summary('Pulling')).toEqual([4]);
    expect(events(c, 'liveness-pod', 'Unhealthy')[0].count).toBeGreaterThan(9);
    expect(events(c, 'liveness-pod', 'BackOff')[0].count).toBeGreaterThan(20);
  });

  it('kills on the third failed probe, one period apart from the first, after the initial delay', () => {
    const c = createCluster({ seed: 1 });
    c.apply(LIVENESS_POD);
    c.advance(60_000);
    const tl = timeline(c, 'liveness-pod');
    const startedMs = virtualMsFromIso(pod(c, 'liveness-pod').status!.containerStatuses![0].lastState!.terminated!.startedAt)!;
    const firstProbe = tl.probes[0];
    expect(firstProbe).toMatchObject({ type: 'liveness', outcome: 'failure', message: 'HTTP probe failed with statuscode: 404', periodMs: 10_000 });
    expect(firstProbe.fromMs - startedMs).toBeGreaterThanOrEqual(5_000 - 1000);
    expect(tl.kills[0].atMs).toBe(firstProbe.fromMs + 20_000);
  });

  it('grows the back-off by doubling up to 300 s (the restarts come from the kubelet\'s doBackOff)', () => {
    const c = createCluster({ seed: 1 });
    c.apply(LIVENESS_POD);
    c.advance(30 * 60_000);
    const lengths = timeline(c, 'liveness-pod').backoffs.map((b) => b.lengthMs);
    expect(lengths.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]).toBe(Math.min(300_000, lengths[i - 1] * 2));
    expect(lengths[lengths.length - 1]).toBe(300_000);
  });
});

describe('2. the notes\' limits example (polinux/stress 500M in a 300Mi limit)', () => {
  const LIMITS_POD = `apiVersion: v1
kind: Pod
metadata:
  name: limits-pod
spec:
  containers:
  - name: main
    image: polinux/stress
    resources:
      limits:
        cpu: 90m
        memory: 300Mi
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "500M", "--vm-hang", "1"]
`;

  it('goes ContainerCreating → Running → OOMKilled (137) → CrashLoopBackOff with growing RESTARTS', () => {
    const c = createCluster({ seed: 1 });
    expect(c.apply(LIMITS_POD).errors).toEqual([]);
    const seen = watch(c, 'limits-pod', 7 * 60_000 + 15_000);
    expect(seen.slice(0, 3)).toEqual(['0/1 ContainerCreating 0', '1/1 Running 0', '0/1 OOMKilled 0']);
    expect(seen).toContain('0/1 CrashLoopBackOff 2');
    // `kubectl get pods` at 7m15s in the notes: CrashLoopBackOff, 6 restarts.
    expect(cols(c, 'limits-pod')).toMatchObject({ ready: '0/1', status: 'CrashLoopBackOff', age: '7m15s' });
    expect(cols(c, 'limits-pod').restarts).toMatch(/^6 \(/);
    const cs = pod(c, 'limits-pod').status!.containerStatuses![0];
    expect(cs.lastState!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    const restarts = seen.map((s) => Number(s.split(' ')[2]));
    expect(restarts).toEqual([...restarts].sort((a, b) => a - b));
  });
});

describe('3. the liveness image (/healthz 200 for 10 s, then 500)', () => {
  it('is restarted once /healthz turns 500, with the 500 in the event', () => {
    const c = createCluster({ seed: 2 });
    expect(c.apply(`apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: k8s.gcr.io/liveness
    args:
    - /server
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: X-Custom-Header
          value: Awesome
      initialDelaySeconds: 10
      periodSeconds: 5
`).errors).toEqual([]);
    c.advance(3 * 60_000);
    const unhealthy = events(c, 'liveness-http', 'Unhealthy')[0];
    expect(unhealthy.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(cols(c, 'liveness-http').restartCount).toBeGreaterThanOrEqual(3);
    const tl = timeline(c, 'liveness-http');
    // With a 10 s initial delay every probe lands after /healthz turned 500: three failures 5 s apart, then the kill.
    const started = events(c, 'liveness-http', 'Started')[0].firstTimestampMs;
    expect(tl.probes[0]).toMatchObject({ outcome: 'failure', periodMs: 5_000, count: 3 });
    expect(tl.probes[0].fromMs - started).toBeGreaterThanOrEqual(10_000);
    expect(tl.kills[0].atMs).toBe(tl.probes[0].fromMs + 10_000);
    expect(tl.probes.some((p) => p.outcome === 'success')).toBe(false);
    // The Go server exits 2 on SIGTERM as PID 1.
    expect(pod(c, 'liveness-http').status!.containerStatuses![0].lastState!.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
  });
});

describe('4. readiness failure and a startup probe', () => {
  it('a failing readiness probe leaves READY 0/1 and never restarts', () => {
    const c = createCluster({ seed: 4 });
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: not-ready
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /ready
        port: 80
`);
    c.advance(10 * 60_000);
    expect(cols(c, 'not-ready')).toMatchObject({ ready: '0/1', status: 'Running', restarts: '0' });
    expect(events(c, 'not-ready', 'Killing')).toEqual([]);
    expect(events(c, 'not-ready', 'Unhealthy')[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
    const ready = pod(c, 'not-ready').status!.conditions!.find((x) => x.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
  });

  it('a startup probe delays the liveness probe until the slow app is up', () => {
    const c = createCluster({ seed: 4 });
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: slow-start
  annotations:
    podlab.dev/startup-seconds: "45"
spec:
  containers:
  - name: app
    image: myorg/slow-app:1.0
    ports:
    - containerPort: 8080
    startupProbe:
      httpGet:
        path: /
        port: 8080
      failureThreshold: 30
      periodSeconds: 10
    livenessProbe:
      httpGet:
        path: /
        port: 8080
      periodSeconds: 10
`);
    const seen = watch(c, 'slow-start', 3 * 60_000);
    expect(seen).toEqual(['0/1 ContainerCreating 0', '0/1 Running 0', '1/1 Running 0']);
    const startupFailures = events(c, 'slow-start', 'Unhealthy');
    expect(startupFailures.map((e) => e.message)).toEqual(['Startup probe failed: Get "http://' + pod(c, 'slow-start').status!.podIP + ':8080/": dial tcp ' + pod(c, 'slow-start').status!.podIP + ':8080: connect: connection refused']);
    expect(startupFailures[0].count).toBeGreaterThanOrEqual(4);
    expect(events(c, 'slow-start', 'Killing')).toEqual([]);
  });
});

describe('5. restartPolicy variants and a job-like pod', () => {
  const job = (name: string, policy: string, command: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${policy}
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "${command}"]
`;

  it('`sleep 5` ends Completed (Succeeded) with Never and with OnFailure', () => {
    const c = createCluster({ seed: 5 });
    c.apply(job('never-ok', 'Never', 'sleep 5'));
    c.apply(job('onfailure-ok', 'OnFailure', 'sleep 5'));
    const seen = watch(c, 'never-ok', 60_000);
    expect(seen).toEqual(['0/1 ContainerCreating 0', '1/1 Running 0', '0/1 Completed 0']);
    for (const name of ['never-ok', 'onfailure-ok']) {
      expect(pod(c, name).status!.phase).toBe('Succeeded');
      expect(cols(c, name)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' });
      const t = pod(c, name).status!.containerStatuses![0].state!.terminated!;
      expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect((virtualMsFromIso(t.finishedAt)! - virtualMsFromIso(t.startedAt)!) / 1000).toBe(5);
    }
  });

  it('a failing command: Never stops at Error (Failed), OnFailure restarts into CrashLoopBackOff', () => {
    const c = createCluster({ seed: 5 });
    c.apply(job('never-bad', 'Never', 'exit 3'));
    c.apply(job('onfailure-bad', 'OnFailure', 'exit 3'));
    c.advance(2 * 60_000);
    expect(pod(c, 'never-bad').status!.phase).toBe('Failed');
    expect(cols(c, 'never-bad')).toMatchObject({ status: 'Error', restarts: '0' });
    expect(pod(c, 'never-bad').status!.containerStatuses![0].state!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(pod(c, 'onfailure-bad').status!.phase).toBe('Running');
    expect(cols(c, 'onfailure-bad').restartCount).toBeGreaterThanOrEqual(3);
    expect(events(c, 'onfailure-bad', 'BackOff').length).toBe(1);
  });
});

describe('6. restart timing with the defaults', () => {
  it('restarts at exit + relist, then exactly 10, 20, 40, 80, 160, 300, 300 s after each exit', () => {
    const c = createCluster({ seed: 6 });
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; exit 1"]
`);
    c.advance(20 * 60_000);
    const p = pod(c, 'crasher');
    const tl = timeline(c, 'crasher');
    const firstStart = events(c, 'crasher', 'Started')[0].firstTimestampMs;
    const starts = [firstStart, ...tl.restarts.map((r) => r.atMs)];
    // Each run exits as soon as it starts, so a start is also the exit the next delay counts from.
    const delays = starts.slice(1).map((t, i) => t - starts[i]);
    // The first restart waits only for the kubelet to notice the exit (PLEG relists every second).
    expect(delays[0]).toBeGreaterThan(0);
    expect(delays[0]).toBeLessThanOrEqual(PLEG_RELIST_MS);
    expect(delays.slice(1, 8)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(tl.backoffs.map((b) => b.lengthMs).slice(0, 7)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(p.status!.containerStatuses![0].state!.waiting!.reason).toBe('CrashLoopBackOff');
    expect(kubeletOf(c.sim)!.logs('default', 'crasher')).toEqual({ ok: true, value: 'starting\n' });
  });

  it('is deterministic: the same seed and inputs give the same events and statuses', () => {
    const run = () => {
      const c = createCluster({ seed: 11 });
      c.apply(LIVENESS_POD);
      c.advance(20 * 60_000);
      return JSON.stringify({ events: c.events(), pod: pod(c, 'liveness-pod').status });
    };
    expect(run()).toBe(run());
  });
});
