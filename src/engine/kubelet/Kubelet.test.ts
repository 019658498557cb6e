import { describe, expect, it } from 'vitest';
import type { Pod, Typed } from '../api/types';
import { KUBELET_VERSION, newNode, NODE_FAILURE_ANNOTATION, type NodeConfig } from '../api/node';
import { Simulation } from '../sim/Simulation';
import { virtualMsFromIso } from '../clock/VirtualClock';
import { createKubelet, PLEG_RELIST_MS, type Kubelet } from './Kubelet';
import { podStatusColumns } from './podDisplay';

const MiB = 1024 * 1024;

/** A simulation with only nodes and the kubelet, pods bound by nodeName (fixture style). */
function harness(seed = 1, nodes: NodeConfig[] = [{ name: 'node-1' }]) {
  const kubelet: Kubelet = createKubelet();
  const sim = new Simulation({ seed, controllers: [kubelet], freezeObjects: true });
  nodes.forEach((n, i) => sim.writer.create(newNode(n, i, 0)));
  sim.start();
  const h = {
    sim, kubelet,
    create(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
      sim.write({ type: 'create', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...metadata }, spec: { nodeName: 'node-1', ...spec } } }, 'test');
      sim.drain();
    },
    pod: (name: string) => sim.store.get<Pod>('Pod', 'default', name),
    cols: (name: string) => podStatusColumns(h.pod(name)!, sim.nowMs()),
    status: (name: string) => h.pod(name)!.status!,
    cs: (name: string, i = 0) => h.pod(name)!.status!.containerStatuses![i],
    events: (reason?: string) => sim.events.list((e) => !reason || e.reason === reason),
    advanceTo: (ms: number) => sim.runUntil(ms),
    /** Steps until the condition holds (bounded), returning the time. */
    until(cond: () => boolean, limitMs = 3_600_000, stepMs = 100): number {
      const end = sim.nowMs() + limitMs;
      while (!cond()) {
        if (sim.nowMs() >= end) throw new Error(`condition not reached by ${end}`);
        sim.advance(stepMs);
      }
      return sim.nowMs();
    },
  };
  return h;
}

const nginx = (extra: Record<string, unknown> = {}) => ({ containers: [{ name: 'web', image: 'nginx:1.27', ...extra }] });
const startedEvents = (h: ReturnType<typeof harness>) => h.events('Started').length ? h.sim.events.list((e) => e.reason === 'Started') : [];

describe('kubelet: admission and the first status', () => {
  it('writes Pending / ContainerCreating with the kubelet-owned conditions at once', () => {
    const h = harness();
    h.create('p', nginx());
    const s = h.status('p');
    expect(s.phase).toBe('Pending');
    expect(s.hostIP).toBe('172.18.0.2');
    expect(s.startTime).toBe('2026-01-01T00:00:00Z');
    expect(s.qosClass).toBe('BestEffort');
    expect(s.podIP).toBeUndefined();
    expect(s.conditions!.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', '', ''],
      ['Initialized', 'True', '', ''],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [web]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [web]'],
      ['PodScheduled', 'True', '', ''],
    ]);
    expect(h.cs('p')).toEqual({ name: 'web', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:1.27', imageID: '', started: false });
    expect(h.cols('p')).toMatchObject({ ready: '0/1', status: 'ContainerCreating', restarts: '0' });
  });

  it('pulls, creates and starts; the pod gets an IP from the node\'s podCIDR and turns Running a relist later', () => {
    const h = harness();
    h.create('p', nginx());
    h.until(() => h.status('p').phase === 'Running');
    expect(h.events().map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(h.events('Pulled')[0].message).toMatch(/^Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72404038 bytes\.$/);
    expect(h.events('Created')[0].message).toBe('Container created');
    expect(h.events('Started')[0].message).toBe('Container started');
    expect(h.events('Started')[0].involvedObject.fieldPath).toBe('spec.containers{web}');
    expect(h.events('Started')[0].source).toEqual({ component: 'kubelet', host: 'node-1' });
    const startedAt = h.events('Started')[0].firstTimestampMs;
    expect(h.sim.nowMs() - startedAt).toBeLessThanOrEqual(PLEG_RELIST_MS + 100);
    const s = h.status('p');
    expect(s.podIP).toBe('10.244.0.2');
    expect(s.podIPs).toEqual([{ ip: '10.244.0.2' }]);
    expect(h.cs('p')).toMatchObject({ ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', state: { running: { startedAt: expect.any(String) } } });
    expect(h.cs('p').containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.conditions!.every((c) => c.status === 'True')).toBe(true);
  });

  it('reuses a present image with IfNotPresent and pulls every start with Always', () => {
    const h = harness();
    h.create('a', nginx());
    h.until(() => h.status('a').phase === 'Running');
    h.create('b', nginx());
    h.create('c', { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'Always' }] });
    h.until(() => h.status('b').phase === 'Running' && h.status('c').phase === 'Running');
    const pulled = h.events('Pulled').map((e) => `${e.involvedObject.name}: ${e.message.replace(/ in .*/, '')}`);
    expect(pulled).toEqual(['a: Successfully pulled image "nginx:1.27"', 'b: Container image "nginx:1.27" already present on machine and can be accessed by the pod', 'c: Successfully pulled image "nginx:1.27"']);
    expect(h.status('b').podIP).not.toBe(h.status('a').podIP);
  });
});

describe('kubelet: restarts and CrashLoopBackOff (doBackOff)', () => {
  it('restarts at once, then after 10, 20, 40 … s from each exit, capped at 300 s', () => {
    const h = harness(3);
    h.create('crasher', { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }] });
    h.advanceTo(40 * 60_000);
    const starts = h.kubelet.timeline(h.pod('crasher')!.metadata.uid!)!.containers[0].restarts.map((r) => r.atMs);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    // Each instance exits the moment it starts, so the gap between starts is exactly the back-off.
    expect(gaps.slice(0, 10)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000, 300_000, 300_000]);
    const first = h.events('Started')[0].firstTimestampMs;
    expect(starts[0] - first).toBe(PLEG_RELIST_MS);
    const cs = h.cs('crasher');
    expect(cs.state).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=main pod=crasher_default(${h.pod('crasher')!.metadata.uid})` } });
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(h.status('crasher').phase).toBe('Running');
    expect(h.events('BackOff')[0]).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container main in pod crasher_default(${h.pod('crasher')!.metadata.uid})` });
  });

  it('shows the exit reason first and CrashLoopBackOff from the next sync inside the window', () => {
    const h = harness(3);
    h.create('crasher', { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] });
    const seen: string[] = [];
    for (let t = 0; t < 60_000; t += 100) {
      h.sim.advance(100);
      const c = h.cols('crasher');
      const s = `${c.status} ${c.restarts.replace(/ \(.*/, '')}`;
      if (seen[seen.length - 1] !== s) seen.push(s);
    }
    expect(seen.slice(0, 6)).toEqual(['ContainerCreating 0', 'Error 0', 'Error 1', 'CrashLoopBackOff 1', 'Error 2', 'CrashLoopBackOff 2']);
  });

  it('forgets the back-off after 10 minutes of clean running', () => {
    const h = harness();
    h.create('slow', { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '660'] }] });
    h.advanceTo(45 * 60_000);
    const restarts = h.kubelet.timeline(h.pod('slow')!.metadata.uid!)!.containers[0];
    expect(restarts.backoffs).toEqual([]);
    const starts = restarts.restarts.map((r) => r.atMs);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    // Each restart follows the exit by one relist only: 660 s of running, then straight back.
    expect(starts.slice(1).map((t, i) => t - starts[i])).toEqual(starts.slice(1).map(() => 660_000 + PLEG_RELIST_MS));
    expect(h.events('BackOff')).toHaveLength(0);
  });

  it('restartPolicy Never: no restart; Error and Failed, or Completed and Succeeded', () => {
    const h = harness();
    h.create('bad', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }] });
    h.create('good', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '5'] }] });
    h.advanceTo(120_000);
    expect([h.status('bad').phase, h.cols('bad').status, h.cols('bad').restarts, h.cols('bad').ready]).toEqual(['Failed', 'Error', '0', '0/1']);
    expect([h.status('good').phase, h.cols('good').status, h.cols('good').restarts]).toEqual(['Succeeded', 'Completed', '0']);
    expect(h.status('good').conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(h.status('bad').conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    const started = h.events('Started').filter((e) => e.involvedObject.name === 'good')[0].firstTimestampMs;
    const finished = virtualMsFromIso(h.cs('good').state!.terminated!.finishedAt)!;
    expect(Math.floor(finished / 1000) - Math.floor(started / 1000)).toBe(5);
  });

  it('restartPolicy OnFailure: restarts a failure, leaves a success Completed', () => {
    const h = harness();
    h.create('bad', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 2'] }] });
    h.create('good', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] });
    h.advanceTo(120_000);
    expect(h.cs('bad').restartCount).toBeGreaterThanOrEqual(3);
    expect(h.status('bad').phase).toBe('Running');
    expect([h.status('good').phase, h.cs('good').restartCount]).toEqual(['Succeeded', 0]);
  });

  it('restartPolicy Always restarts a clean exit too (Completed → CrashLoopBackOff)', () => {
    const h = harness();
    h.create('done', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }] });
    h.advanceTo(60_000);
    expect(h.cs('done').lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(h.cs('done').restartCount).toBeGreaterThanOrEqual(2);
  });
});

describe('kubelet: probes', () => {
  it('liveness failure: Unhealthy ×3, Killing with the real text, restart count grows', () => {
    const h = harness();
    h.create('live', nginx({ livenessProbe: { httpGet: { path: '/health', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 } }));
    h.until(() => h.cs('live').restartCount === 1);
    const unhealthy = h.events('Unhealthy');
    expect(unhealthy).toHaveLength(1);
    expect(unhealthy[0]).toMatchObject({ type: 'Warning', count: 3, message: 'Liveness probe failed: HTTP probe failed with statuscode: 404' });
    expect(h.events('Killing')[0]).toMatchObject({ type: 'Normal', message: 'Container web failed liveness probe, will be restarted' });
    // The three failures are one period apart; the kill comes with the third.
    expect(unhealthy[0].lastTimestampMs - unhealthy[0].firstTimestampMs).toBe(20_000);
    expect(h.events('Killing')[0].firstTimestampMs).toBe(unhealthy[0].lastTimestampMs);
    // nginx exits 0 on its stop signal.
    expect(h.cs('live').lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('liveness failure with restartPolicy Never kills without "will be restarted" and the pod ends', () => {
    const h = harness();
    h.create('once', { restartPolicy: 'Never', ...nginx({ livenessProbe: { httpGet: { path: '/health', port: 80 }, failureThreshold: 1 } }) });
    h.until(() => h.status('once').phase === 'Succeeded');
    expect(h.events('Killing')[0].message).toBe('Container web failed liveness probe');
    expect(h.cols('once').status).toBe('Completed');
  });

  it('readiness failure: READY 0/1, Running, never restarted, Ready=False ContainersNotReady', () => {
    const h = harness();
    h.create('unready', nginx({ readinessProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 } }));
    h.advanceTo(5 * 60_000);
    expect(h.cols('unready')).toMatchObject({ ready: '0/1', status: 'Running', restarts: '0' });
    expect(h.status('unready').conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(h.events('Killing')).toHaveLength(0);
    expect(h.events('Unhealthy')[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('readiness with no initial delay passes as soon as the container shows running', () => {
    const h = harness();
    h.create('ready', nginx({ readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 30 } }));
    const running = h.until(() => h.cs('ready').state?.running !== undefined, 60_000, 1);
    expect(h.cs('ready').ready).toBe(true);
    expect(running).toBeLessThan(30_000);
  });

  it('a startup probe holds the liveness probe back until it succeeds', () => {
    const h = harness();
    h.create('slowstart', nginx({
      startupProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5, failureThreshold: 12 },
      livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5, failureThreshold: 1 },
    }), { annotations: { 'podlab.dev/ready-after-seconds': '40' } });
    h.advanceTo(120_000);
    expect(h.cs('slowstart').restartCount).toBe(0);
    expect(h.cols('slowstart').ready).toBe('1/1');
    const startupFailures = h.events('Unhealthy').filter((e) => e.message.startsWith('Startup probe failed'));
    expect(startupFailures[0].message).toBe('Startup probe failed: HTTP probe failed with statuscode: 503');
    expect(h.events('Unhealthy').some((e) => e.message.startsWith('Liveness'))).toBe(false);
  });

  it('a startup probe that never passes kills with the startup message', () => {
    const h = harness();
    h.create('neverstarts', nginx({ startupProbe: { httpGet: { path: '/missing', port: 80 }, periodSeconds: 2, failureThreshold: 3 } }));
    h.until(() => h.events('Killing').length > 0, 120_000);
    expect(h.events('Killing')[0].message).toBe('Container web failed startup probe, will be restarted');
  });

  it('an exec liveness probe follows the files the script and kubectl exec touch', () => {
    const h = harness();
    h.create('exec', { containers: [{ name: 'c', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 3600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 } }] });
    h.until(() => h.cols('exec').status === 'Running');
    h.advanceTo(60_000);
    expect(h.events('Unhealthy')).toHaveLength(0);
    const rm = h.kubelet.exec('default', 'exec', 'c', ['rm', '/tmp/healthy']);
    expect(rm).toEqual({ ok: true, value: { stdout: '', stderr: '', exitCode: 0 } });
    expect(h.kubelet.exec('default', 'exec', 'c', ['cat', '/tmp/healthy'])).toMatchObject({ ok: true, value: { exitCode: 1, stderr: "cat: can't open '/tmp/healthy': No such file or directory\n" } });
    h.until(() => h.cs('exec').restartCount === 1, 60_000);
    expect(h.events('Unhealthy')[0].message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  });
});

describe('kubelet: resources', () => {
  it('OOMKills a container over its memory limit (137), then backs off', () => {
    const h = harness();
    h.create('limits-pod', { containers: [{ name: 'main', image: 'polinux/stress', resources: { limits: { cpu: '90m', memory: '300Mi' } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', '500M', '--vm-hang', '1'] }] });
    h.until(() => h.cols('limits-pod').status === 'OOMKilled');
    expect(h.cs('limits-pod').state!.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(h.cols('limits-pod').restarts).toBe('0');
    h.until(() => h.cols('limits-pod').status === 'CrashLoopBackOff');
    expect(h.cs('limits-pod').lastState!.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    const oom = h.kubelet.timeline(h.pod('limits-pod')!.metadata.uid!)!.containers[0].ooms[0];
    expect(oom.limitBytes).toBe(300 * MiB);
    expect(oom.usageBytes).toBeGreaterThan(300 * MiB);
  });

  it('throttles CPU at the limit instead of killing (kubectl top)', () => {
    const h = harness();
    h.create('burn', { containers: [{ name: 'c', image: 'busybox', command: ['dd', 'if=/dev/zero', 'of=/dev/null'], resources: { requests: { cpu: '100m' }, limits: { cpu: '100m' } } }] });
    h.advanceTo(120_000);
    expect(h.kubelet.podUsage('default', 'burn')).toMatchObject({ cpuMilli: 100, containers: [{ name: 'c', cpuMilli: 100 }] });
    expect(h.cs('burn').restartCount).toBe(0);
    expect(h.kubelet.nodeUsage('node-1')!.cpuMilli).toBeGreaterThan(100);
  });

  it('reports no metrics before the first scrape of a running container', () => {
    const h = harness();
    h.create('fresh', nginx());
    expect(h.kubelet.podUsage('default', 'fresh')).toBeUndefined();
  });
});

describe('kubelet: images', () => {
  it('a typo\'d tag: ErrImagePull, then ImagePullBackOff, with the kubelet\'s events', () => {
    const h = harness();
    h.create('typo', { containers: [{ name: 'web', image: 'nginx:1.277' }] });
    h.until(() => h.cols('typo').status === 'ImagePullBackOff', 60_000);
    const notFound = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found';
    expect(h.events().map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual(expect.arrayContaining([
      'Normal Pulling Pulling image "nginx:1.277"',
      `Warning Failed Failed to pull image "nginx:1.277": ${notFound}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginx:1.277"',
      'Warning Failed Error: ImagePullBackOff',
    ]));
    expect(h.cs('typo').state!.waiting).toEqual({ reason: 'ImagePullBackOff', message: `Back-off pulling image "nginx:1.277": ErrImagePull: ${notFound}` });
    expect(h.kubelet.logs('default', 'typo')).toEqual({ ok: false, reason: 'BadRequest', message: 'container "web" in pod "typo" is waiting to start: trying and failing to pull image' });
  });

  it('a command the image does not have fails to start (StartError 128), then backs off', () => {
    const h = harness();
    h.create('nocmd', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['nginx'] }] });
    h.until(() => h.cs('nocmd').restartCount >= 1, 120_000);
    const failed = h.events('Failed')[0];
    expect(failed.message).toContain('Error: failed to create containerd task');
    expect(failed.message).toContain('exec: "nginx": executable file not found in $PATH: unknown');
    expect(h.cs('nocmd').lastState!.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
  });

  it('restarts a container whose image changed ("definition changed")', () => {
    const h = harness();
    h.create('p', nginx());
    h.until(() => h.status('p').phase === 'Running');
    const pod = h.pod('p')!;
    h.sim.write({ type: 'update', object: { ...pod, spec: { ...pod.spec!, containers: [{ ...pod.spec!.containers[0], image: 'nginx:1.26' }] } } as Typed<Pod> }, 'test');
    h.until(() => h.cs('p').image === 'docker.io/library/nginx:1.26' && h.cs('p').state?.running !== undefined, 60_000);
    expect(h.events('Killing')[0].message).toBe('Container web definition changed, will be restarted');
    expect(h.cs('p').restartCount).toBe(1);
  });
});

describe('kubelet: init containers', () => {
  it('runs init containers in order before the app (Init:0/2 → Init:1/2 → PodInitializing → Running)', () => {
    const h = harness();
    h.create('init', { initContainers: [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '3'] }, { name: 'b', image: 'busybox:1.36', command: ['sleep', '3'] }], containers: [{ name: 'app', image: 'nginx:1.27' }] });
    const seen: string[] = [];
    for (let t = 0; t < 40_000; t += 100) {
      h.sim.advance(100);
      const s = h.cols('init').status;
      if (seen[seen.length - 1] !== s) seen.push(s);
    }
    expect(seen).toEqual(['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
    expect(h.status('init').initContainerStatuses!.map((s) => [s.name, s.ready, s.state?.terminated?.reason])).toEqual([['a', true, 'Completed'], ['b', true, 'Completed']]);
  });

  it('a failing init container: Init:Error then Init:CrashLoopBackOff; with restartPolicy Never the pod fails', () => {
    const h = harness();
    h.create('i1', { initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'app', image: 'nginx:1.27' }] });
    h.create('i2', { restartPolicy: 'Never', initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'app', image: 'nginx:1.27' }] });
    const seen: string[] = [];
    for (let t = 0; t < 60_000; t += 100) {
      h.sim.advance(100);
      const s = h.cols('i1').status;
      if (seen[seen.length - 1] !== s) seen.push(s);
    }
    expect(seen).toEqual(expect.arrayContaining(['Init:Error', 'Init:CrashLoopBackOff']));
    expect([h.status('i2').phase, h.cols('i2').status]).toEqual(['Failed', 'Init:Error']);
    expect(h.cs('i2').state).toEqual({ waiting: { reason: 'PodInitializing' } });
  });
});

describe('kubelet: graceful deletion', () => {
  it('nginx stops at once: Killing "Stopping container", the pod is gone a relist later', () => {
    const h = harness();
    h.create('web', nginx());
    h.until(() => h.status('web').phase === 'Running');
    const t0 = h.sim.nowMs();
    h.sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'web' }, 'test');
    h.sim.drain();
    expect(h.cols('web').status).toBe('Terminating');
    expect(h.events('Killing')[0].message).toBe('Stopping container web');
    const gone = h.until(() => h.pod('web') === undefined, 60_000, 10);
    expect(gone - t0).toBeLessThan(2_000);
  });

  it('sleep ignores SIGTERM: it is killed (137) when the 30 s grace period ends', () => {
    const h = harness();
    h.create('sleeper', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    h.until(() => h.status('sleeper').phase === 'Running');
    let last: Pod | undefined;
    h.sim.watch((change) => {
      if (change.object.metadata.name === 'sleeper' && change.type === 'modified') last = change.object as Pod;
    });
    const t0 = h.sim.nowMs();
    h.sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name: 'sleeper' }, 'test');
    h.sim.drain();
    const gone = h.until(() => h.pod('sleeper') === undefined, 60_000, 10);
    expect(gone - t0).toBe(30_000 + PLEG_RELIST_MS);
    // The kubelet's last status before it deletes the pod: SIGKILLed, and the pod is terminal.
    expect(last!.status!.containerStatuses![0].state!.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(last!.status!.phase).toBe('Failed');
  });

  it('honours a shorter grace period and a preStop sleep', () => {
    const h = harness();
    h.create('quick', { terminationGracePeriodSeconds: 5, containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    h.create('hook', nginx({ lifecycle: { preStop: { sleep: { seconds: 4 } } } }));
    h.until(() => h.status('quick').phase === 'Running' && h.status('hook').phase === 'Running');
    const t0 = h.sim.nowMs();
    for (const name of ['quick', 'hook']) h.sim.write({ type: 'delete', kind: 'Pod', namespace: 'default', name }, 'test');
    h.sim.drain();
    const gone: Record<string, number> = {};
    h.until(() => {
      for (const name of ['quick', 'hook']) if (h.pod(name) === undefined) gone[name] ??= h.sim.nowMs() - t0;
      return Object.keys(gone).length === 2;
    }, 60_000, 10);
    expect(gone.quick).toBe(5_000 + PLEG_RELIST_MS);
    // preStop sleeps 4 s, then nginx stops on its signal and the next relist sees it.
    expect(gone.hook).toBeGreaterThanOrEqual(4_000 + PLEG_RELIST_MS);
    expect(gone.hook).toBeLessThan(4_000 + PLEG_RELIST_MS + 200);
  });
});

describe('kubelet: node failure', () => {
  it('does nothing while its node is down and resumes when it comes back', () => {
    const h = harness();
    h.create('p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 20; exit 1'] }] });
    h.until(() => h.status('p').phase === 'Running');
    const node = h.sim.store.get('Node', undefined, 'node-1')!;
    h.sim.write({ type: 'update', object: { ...node, metadata: { ...node.metadata, annotations: { ...node.metadata.annotations, [NODE_FAILURE_ANNOTATION]: 'powered-off' } } } }, 'test');
    h.sim.advance(120_000);
    expect(h.cs('p').state?.running).toBeDefined();
    const down = h.sim.store.get('Node', undefined, 'node-1')!;
    const annotations = { ...down.metadata.annotations };
    delete annotations[NODE_FAILURE_ANNOTATION];
    h.sim.write({ type: 'update', object: { ...down, metadata: { ...down.metadata, annotations } } }, 'test');
    h.sim.drain();
    h.sim.advance(5_000);
    expect(h.cs('p').restartCount).toBeGreaterThanOrEqual(1);
  });
});

describe('kubelet API: logs, exec, timeline', () => {
  it('serves logs of the current and the previous instance, with tail and timestamps', () => {
    const h = harness();
    h.create('talk', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo hello; sleep 2; echo bye; exit 1'] }] });
    h.until(() => h.cs('talk').restartCount >= 1);
    h.sim.advance(3_000);
    expect(h.kubelet.logs('default', 'talk')).toEqual({ ok: true, value: 'hello\nbye\n' });
    expect(h.kubelet.logs('default', 'talk', { previous: true })).toEqual({ ok: true, value: 'hello\nbye\n' });
    expect(h.kubelet.logs('default', 'talk', { tailLines: 1 })).toEqual({ ok: true, value: 'bye\n' });
    const stamped = h.kubelet.logs('default', 'talk', { timestamps: true });
    expect(stamped.ok && stamped.value).toMatch(/^2026-01-01T00:00:\d\d\.\d{3}000000Z hello\n/);
    expect(h.kubelet.logs('default', 'talk', { container: 'nope' })).toEqual({ ok: false, reason: 'BadRequest', message: 'container nope is not valid for pod talk' });
    expect(h.kubelet.logs('default', 'missing')).toMatchObject({ ok: false, reason: 'NotFound' });
  });

  it('reports a missing previous instance and a container still being created', () => {
    const h = harness();
    h.create('p', nginx());
    expect(h.kubelet.logs('default', 'p')).toEqual({ ok: false, reason: 'BadRequest', message: 'container "web" in pod "p" is waiting to start: ContainerCreating' });
    h.until(() => h.status('p').phase === 'Running');
    expect(h.kubelet.logs('default', 'p', { previous: true })).toEqual({ ok: false, reason: 'BadRequest', message: 'previous terminated container "web" in pod "p" not found' });
  });

  it('nginx logs its start and an access line per probe request', () => {
    const h = harness();
    h.create('p', nginx({ livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }));
    h.advanceTo(60_000);
    const logs = h.kubelet.logs('default', 'p');
    expect(logs.ok).toBe(true);
    const lines = logs.ok ? logs.value.trim().split('\n') : [];
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain(lines.find((l) => /\[notice\] 1#1: nginx\/1\.27\.0$/.test(l)));
    const access = lines.filter((l) => new RegExp(`"GET / HTTP/1.1" 200 615 "-" "kube-probe/${KUBELET_VERSION.slice(1).split('.').slice(0, 2).join('\\.')}" "-"$`).test(l));
    expect(access.length).toBe(6);
    expect(access[0]).toMatch(/^10\.244\.0\.1 - - \[01\/Jan\/2026:00:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615/);
  });

  it('execs simple commands: env, cat, hostname, exit codes, missing binaries', () => {
    const h = harness();
    h.create('p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], env: [{ name: 'GREETING', value: 'hello' }] }] });
    h.until(() => h.status('p').phase === 'Running');
    const env = h.kubelet.exec('default', 'p', undefined, ['env']);
    expect(env.ok && env.value.stdout).toContain('GREETING=hello\n');
    expect(env.ok && env.value.stdout).toContain('HOSTNAME=p\n');
    expect(h.kubelet.exec('default', 'p', 'c', ['hostname'])).toEqual({ ok: true, value: { stdout: 'p\n', stderr: '', exitCode: 0 } });
    expect(h.kubelet.exec('default', 'p', 'c', ['sh', '-c', 'exit 3'])).toMatchObject({ ok: true, value: { exitCode: 3 } });
    expect(h.kubelet.exec('default', 'p', 'c', ['bash'])).toEqual({ ok: true, value: { stdout: '', stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n', exitCode: 127 } });
    h.kubelet.exec('default', 'p', 'c', ['sh', '-c', 'echo hi > /tmp/x']);
    expect(h.kubelet.exec('default', 'p', 'c', ['cat', '/tmp/x'])).toMatchObject({ ok: true, value: { stdout: 'hi\n' } });
  });

  it('keeps a timeline: state bands, probe runs, restarts and back-off windows', () => {
    const h = harness();
    h.create('live', nginx({ livenessProbe: { httpGet: { path: '/health', port: 80 }, periodSeconds: 10 } }));
    h.advanceTo(10 * 60_000);
    const tl = h.kubelet.timeline(h.pod('live')!.metadata.uid!)!;
    const c = tl.containers[0];
    expect(c.bands[0]).toMatchObject({ fromMs: 0, state: 'waiting', reason: 'ContainerCreating' });
    expect(c.bands.some((b) => b.state === 'waiting' && b.reason === 'CrashLoopBackOff')).toBe(true);
    expect(c.probes.every((p) => p.type === 'liveness' && p.outcome === 'failure')).toBe(true);
    expect(c.probes.reduce((n, p) => n + p.count, 0)).toBeGreaterThan(20);
    expect(c.restarts.length).toBe(h.cs('live').restartCount);
    expect(c.kills.every((k) => k.reason === 'liveness')).toBe(true);
    expect(c.backoffs.map((b) => b.lengthMs)).toEqual([...c.backoffs.map((b) => b.lengthMs)].sort((a, b) => a - b));
    expect(c.memory.length).toBeGreaterThan(0);
  });

  it('shares one program between identical containers, each exec seeing its own pod (env, hostname, date)', () => {
    const h = harness();
    const spec = { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], env: [{ name: 'GREETING', value: 'hello' }], readinessProbe: { exec: { command: ['sh', '-c', 'test "$HOSTNAME" = a'] }, periodSeconds: 5 } }] };
    h.create('a', spec);
    h.create('b', spec);
    h.until(() => h.status('a').phase === 'Running' && h.status('b').phase === 'Running');
    h.advanceTo(h.sim.nowMs() + 30_000);
    const rt = (name: string) => (h.kubelet as unknown as { pods: Map<string, { containers: { current: { program: unknown } }[] }> }).pods.get(h.pod(name)!.metadata.uid!)!;
    expect(rt('a').containers[0].current.program).toBe(rt('b').containers[0].current.program);
    for (const name of ['a', 'b']) {
      expect(h.kubelet.exec('default', name, 'c', ['hostname'])).toEqual({ ok: true, value: { stdout: `${name}\n`, stderr: '', exitCode: 0 } });
      const env = h.kubelet.exec('default', name, 'c', ['env']);
      expect(env.ok && env.value.stdout).toContain(`HOSTNAME=${name}\n`);
      expect(env.ok && env.value.stdout).toContain('GREETING=hello\n');
    }
    // The exec probe runs in each pod's own shell: only pod a is ready.
    expect([h.cs('a').ready, h.cs('b').ready]).toEqual([true, false]);
  });
});

void startedEvents;
