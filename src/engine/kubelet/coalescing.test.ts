/**
 * Probe coalescing and skipped back-off resyncs must be invisible: the same manifests and reads
 * give the same logs, timelines, events and statuses with them on and off, however the replays
 * are split by reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';
import type { Pod } from '../api/types';
import { Kubelet, kubeletOf } from './Kubelet';

const pod = (name: string, spec: string, annotations: Record<string, string> = {}) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec:
${spec}`;

const NGINX_HEALTHY = pod('healthy', `  containers:
  - name: web
    image: nginx:1.27
    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
`);

const NGINX_404 = pod('crashing', `  containers:
  - name: web
    image: nginx:1.27
    livenessProbe: {httpGet: {path: /health, port: 80}, periodSeconds: 10}
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
`);

const LIVENESS_EXEC = pod('liveness-exec', `  containers:
  - name: liveness
    image: busybox
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe: {exec: {command: [cat, /tmp/healthy]}, initialDelaySeconds: 5, periodSeconds: 5}
`);

const STARTUP = pod('startup', `  containers:
  - name: app
    image: nginx:1.27
    startupProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5, failureThreshold: 30}
    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
    readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 7}
`, { 'podlab.dev/startup-seconds': '25' });

const READY_TWICE = pod('ready-twice', `  containers:
  - name: app
    image: gcr.io/google-samples/hello-app:1.0
    readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 10, successThreshold: 2}
    livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 15, initialDelaySeconds: 12}
`, { 'podlab.dev/ready-after-seconds': '35' });

const HEALTH_FAILS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: fails
spec:
  replicas: 3
  selector:
    matchLabels: {app: fails}
  template:
    metadata:
      labels: {app: fails}
      annotations: {podlab.dev/health-fails-after-seconds: "95"}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        livenessProbe: {httpGet: {path: /healthz, port: 80}, periodSeconds: 10, failureThreshold: 2}
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
`;

const GRPC = pod('grpc', `  containers:
  - name: app
    image: registry.example.com/app:1.0
    ports: [{containerPort: 9000}]
    readinessProbe: {grpc: {port: 9000}, periodSeconds: 10}
    livenessProbe: {grpc: {port: 9000}, periodSeconds: 20}
`, { 'podlab.dev/health-fails-after-seconds': '200', 'podlab.dev/ready-after-seconds': '20' });

const EXITS_NEVER = pod('exits', `  restartPolicy: Never
  containers:
  - name: app
    image: busybox
    command: [sh, -c, "sleep 75; exit 3"]
    readinessProbe: {exec: {command: ["true"]}, periodSeconds: 10}
    livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 10, initialDelaySeconds: 200}
  - name: web
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
`);

/** Deterministic read moments (a small LCG, so the test needs no Math.random). */
function moments(seed: number, count: number, untilMs: number): number[] {
  let x = seed;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(Math.floor((x / 2147483648) * untilMs));
  }
  return out.sort((a, b) => a - b);
}

interface Observation {
  readonly atMs: number;
  readonly logs: Record<string, string>;
  readonly timelines: Record<string, unknown>;
  readonly statuses: Record<string, unknown>;
}

function observe(c: Cluster): Observation {
  const k = kubeletOf(c.sim)!;
  const logs: Record<string, string> = {};
  const timelines: Record<string, unknown> = {};
  const statuses: Record<string, unknown> = {};
  for (const p of c.sim.store.list<Pod>('Pod')) {
    const name = p.metadata.name;
    statuses[name] = p.status;
    timelines[name] = k.timeline(p.metadata.uid!);
    for (const container of p.spec?.containers ?? []) {
      for (const previous of [false, true]) {
        const r = k.logs('default', name, { container: container.name, previous, timestamps: true });
        logs[`${name}/${container.name}/${previous}`] = r.ok ? r.value : r.message;
      }
    }
  }
  return { atMs: c.now(), logs, timelines, statuses };
}

type Command = { readonly atMs: number; readonly line: string };

type Switch = 'probeCoalescing' | 'resyncSkipping';

function play(manifest: string, on: boolean, readsAtMs: readonly number[], untilMs: number, commands: readonly Command[] = [], which: Switch = 'probeCoalescing') {
  Kubelet[which] = on;
  const c = createCluster({ seed: 7 });
  expect(c.apply(manifest).errors).toEqual([]);
  const stops = [...readsAtMs.map((atMs) => ({ atMs, read: true, line: '' })), ...commands.map((x) => ({ ...x, read: false })), { atMs: untilMs, read: true, line: '' }].sort((a, b) => a.atMs - b.atMs);
  const seen: Observation[] = [];
  const kubectl: string[] = [];
  for (const s of stops) {
    c.advance(s.atMs - c.now());
    if (s.read) seen.push(observe(c));
    else kubectl.push(c.kubectl(s.line).stdout);
  }
  const k = kubeletOf(c.sim)!;
  const names = c.sim.store.list<Pod>('Pod').map((p) => p.metadata.name);
  const text = names.map((n) => c.kubectl(`kubectl logs ${n} --timestamps`).stdout + c.kubectl(`kubectl describe pod ${n}`).stdout).join('\n');
  return { seen, kubectl, text, events: JSON.stringify(c.events()), probeTicks: k.probeTickCount, timers: c.sim.clock.firedCount };
}

/** Plays the manifest with the optimisation off and on, reading at the same moments, and expects the same of everything. */
function expectInvisible(manifest: string, which: Switch, untilMs: number, commands: readonly Command[], strictlyFewerTimers: boolean): void {
  for (const seed of [1, 2]) {
    const reads = moments(seed, 12, untilMs);
    const off = play(manifest, false, reads, untilMs, commands, which);
    const on = play(manifest, true, reads, untilMs, commands, which);
    expect(on.seen).toEqual(off.seen);
    expect(on.kubectl).toEqual(off.kubectl);
    expect(on.text).toEqual(off.text);
    expect(on.events).toEqual(off.events);
    expect(on.probeTicks).toBe(off.probeTicks);
    if (strictlyFewerTimers) expect(on.timers).toBeLessThan(off.timers);
    else expect(on.timers).toBeLessThanOrEqual(off.timers);
  }
  // Replaying in one go gives what replaying in pieces gave.
  const once = play(manifest, true, [], untilMs, commands, which);
  const pieces = play(manifest, true, moments(3, 40, untilMs), untilMs, commands, which);
  expect(once.seen[once.seen.length - 1]).toEqual(pieces.seen[pieces.seen.length - 1]);
  expect(once.text).toEqual(pieces.text);
  expect(once.events).toEqual(pieces.events);
}

const CASES: [string, string, Command[]][] = [
  ['nginx healthy', NGINX_HEALTHY, []],
  ['nginx liveness 404', NGINX_404, []],
  ['liveness-exec with file removal at 30 s', LIVENESS_EXEC, []],
  ['startup probe', STARTUP, []],
  ['readiness successThreshold 2', READY_TWICE, []],
  ['health failing after 95 s (3 replicas)', HEALTH_FAILS, []],
  ['gRPC with ready-after and health-fails-after', GRPC, []],
  ['restartPolicy Never, one container exits', EXITS_NEVER, []],
  ['node failure and resume', NGINX_HEALTHY, [{ atMs: 123_000, line: 'kubectl annotate node node-1 podlab.dev/failure=stopped' }, { atMs: 187_500, line: 'kubectl annotate node node-1 podlab.dev/failure-' }]],
  ['deletion', HEALTH_FAILS, [{ atMs: 61_000, line: 'kubectl delete pod --all --wait=false' }]],
];

const SIDECAR_CRASHING = pod('sidecar', `  containers:
  - name: web
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 7}
  - name: worker
    image: busybox
    command: [sh, -c, "sleep 20; exit 1"]
`);

const TWO_CRASHING = pod('two', `  containers:
  - name: a
    image: busybox
    command: [sh, -c, "sleep 5; exit 2"]
  - name: b
    image: busybox
    command: [sh, -c, "sleep 40; exit 1"]
`);

const OOM = pod('oom', `  containers:
  - name: stress
    image: polinux/stress
    args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]
    resources: {limits: {memory: 100Mi}}
`);

const SKIP_CASES: [string, string, Command[]][] = [
  ['nginx liveness 404', NGINX_404, []],
  ['health failing after 95 s (3 replicas)', HEALTH_FAILS, []],
  ['crash-looping container beside a probed one', SIDECAR_CRASHING, []],
  ['two containers crash-looping out of step', TWO_CRASHING, []],
  ['OOMKilled loop', OOM, []],
  ['node failure and resume inside a back-off', NGINX_404, [{ atMs: 1_203_000, line: 'kubectl annotate node node-1 podlab.dev/failure=stopped' }, { atMs: 1_387_500, line: 'kubectl annotate node node-1 podlab.dev/failure-' }]],
  ['deletion inside a back-off', SIDECAR_CRASHING, [{ atMs: 1_261_000, line: 'kubectl delete pod --all --wait=false' }]],
  ['reads and a label change inside back-offs', TWO_CRASHING, [{ atMs: 905_000, line: 'kubectl describe pod two' }, { atMs: 1_100_500, line: 'kubectl label pod two x=y' }, { atMs: 1_500_000, line: 'kubectl get events' }]],
];

describe('skipped back-off resyncs change nothing observable', () => {
  afterEach(() => {
    Kubelet.resyncSkipping = true;
  });

  it.each(SKIP_CASES)('%s', (_name, manifest, commands) => {
    // Long enough for the spam filter to run dry (25 events) and most resyncs to be skipped.
    expectInvisible(manifest, 'resyncSkipping', 40 * 60_000, commands, true);
  });

  it('a crash-looping pod costs a few timer events per restart, not one per resync', () => {
    const hour = (skip: boolean) => {
      Kubelet.resyncSkipping = skip;
      const c = createCluster({ seed: 1 });
      c.apply(NGINX_404);
      c.advance(20 * 60_000);
      const before = c.sim.clock.firedCount;
      c.advance(3_600_000);
      return { timers: c.sim.clock.firedCount - before, describe: c.kubectl('kubectl describe pod crashing').stdout };
    };
    const off = hour(false);
    const on = hour(true);
    expect(on.describe).toEqual(off.describe);
    expect(on.describe).toMatch(/Back-off restarting failed container web/);
    // Off: a resync every 10–15 s of every 5-minute back-off (~250 an hour) on top of the restarts.
    expect(off.timers - on.timers).toBeGreaterThan(150);
  });
});

describe('probe coalescing changes nothing observable', () => {
  afterEach(() => {
    Kubelet.probeCoalescing = true;
  });

  it.each(CASES)('%s', (_name, manifest, commands) => {
    expectInvisible(manifest, 'probeCoalescing', 12 * 60_000, commands, false);
  });

  it.each([['nginx liveness 404', NGINX_404], ['health failing after 95 s (3 replicas)', HEALTH_FAILS]])('failing liveness ticks replayed in crash loops: %s', (_name, manifest) => {
    // Long enough for the spam filter to run dry, so most failing ticks are coalesced.
    expectInvisible(manifest, 'probeCoalescing', 40 * 60_000, [], true);
  });

  it('a crash-looping pod wakes where something is written, not at the ticks and resyncs in between', () => {
    const c = createCluster({ seed: 1 });
    c.apply(NGINX_404);
    c.advance(20 * 60_000);
    const restarts = () => (c.sim.store.list('Pod')[0] as Pod).status!.containerStatuses![0].restartCount;
    const [timersBefore, restartsBefore] = [c.sim.clock.firedCount, restarts()];
    c.advance(3_600_000);
    const heartbeats = 3 * 12;
    const wakeUps = c.sim.clock.firedCount - timersBefore - heartbeats;
    // Per restart: the restart, its PLEG relist, the killing tick, the exit 40 ms later, and the
    // odd kept BackOff event. The first failing tick of each new container and the readiness
    // worker turning to failure in back-off are replayed, not woken for.
    expect(restarts() - restartsBefore).toBeGreaterThanOrEqual(15);
    expect(wakeUps / (restarts() - restartsBefore)).toBeLessThanOrEqual(5);
  });

  it('a healthy pod starting costs a wake-up per step of its start, none for its first probe ticks', () => {
    const c = createCluster({ seed: 1, nodes: [{ name: 'node-1', cpu: '4', memory: '8Gi' }] });
    c.apply(NGINX_HEALTHY);
    const before = c.sim.clock.firedCount;
    c.advance(60_000);
    expect((c.sim.store.list('Pod')[0] as Pod).status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    // Sandbox ready, the sync after it, the pull, the relist that shows the container running.
    expect(c.sim.clock.firedCount - before).toBe(4);
  });

  it('a steady healthy pod costs O(1) timer events over an hour', () => {
    const hour = (coalesce: boolean) => {
      Kubelet.probeCoalescing = coalesce;
      const c = createCluster({ seed: 1 });
      c.apply(NGINX_HEALTHY);
      c.advance(60_000);
      const before = c.sim.clock.firedCount;
      const ticksBefore = kubeletOf(c.sim)!.probeTickCount;
      c.advance(3_600_000);
      return { timers: c.sim.clock.firedCount - before, ticks: kubeletOf(c.sim)!.probeTickCount - ticksBefore, log: c.kubectl('kubectl logs healthy').stdout };
    };
    const off = hour(false);
    const on = hour(true);
    // What remains are the 3 nodes' heartbeats (every 5 min); the pod itself needs none.
    expect(on.timers).toBeLessThanOrEqual(36);
    expect(off.timers).toBeGreaterThan(360);
    // Two probes every 10 s are still represented, and logged.
    expect(on.ticks).toBe(720);
    expect(off.ticks).toBe(720);
    expect(on.log).toEqual(off.log);
  });
});
