import { describe, expect, it } from 'vitest';
import type { Container, Probe } from '../api/types';
import { resolveImage } from '../images/catalog';
import { compileProgram } from './program';
import { describeHandler, ProbeWorker, probeSpec, runProbe, type ProbeAttempt, type ProbeType, type WorkerInput } from './probes';

const ok: ProbeAttempt = { result: 'success', output: '' };
const fail: ProbeAttempt = { result: 'failure', output: 'HTTP probe failed with statuscode: 500' };

function worker(type: ProbeType, probe: Probe = { httpGet: { port: 80 } }) {
  return new ProbeWorker(probeSpec(type, probe)!, 0);
}

const input = (over: Partial<WorkerInput> & { attempt?: () => ProbeAttempt } = {}): WorkerInput => ({
  nowMs: 60_000, podTerminal: false, deleting: false, restartPolicy: 'Always', containerId: 'c1', running: true, terminated: false, startedMs: 0, started: true, attempt: () => ok, ...over,
});

// Behaviour ported from pkg/kubelet/prober/worker_test.go.
describe('probe defaults (SetDefaults_Probe)', () => {
  it('fills delay 0, period 10, timeout 1, success 1, failure 3', () => {
    expect(probeSpec('liveness', { httpGet: { path: '/health', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 })).toMatchObject({
      initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
    });
    expect(probeSpec('readiness', { tcpSocket: { port: 80 }, successThreshold: 3 })!.successThreshold).toBe(3);
    expect(probeSpec('liveness', { tcpSocket: { port: 80 }, successThreshold: 3 })!.successThreshold).toBe(1);
  });

  it('describes handlers as kubectl describe does', () => {
    expect(describeHandler(probeSpec('liveness', { httpGet: { path: '/health', port: 80 } })!.handler)).toBe('http-get http://:80/health');
    expect(describeHandler(probeSpec('liveness', { tcpSocket: { port: 8080 } })!.handler)).toBe('tcp-socket :8080');
    expect(describeHandler(probeSpec('liveness', { exec: { command: ['cat', '/tmp/healthy'] } })!.handler)).toBe('exec [cat /tmp/healthy]');
  });
});

describe('ProbeWorker.doProbe (worker.go)', () => {
  it('starts from the initial results: liveness success, readiness failure, startup unknown', () => {
    expect(worker('liveness').result).toBe('success');
    expect(worker('readiness').result).toBe('failure');
    expect(worker('startup').result).toBe('unknown');
  });

  it('does nothing until there is a container, and fails a container that is not running', () => {
    const w = worker('readiness');
    expect(w.doProbe(input({ containerId: undefined }))).toEqual({ changed: false });
    w.doProbe(input({ attempt: () => ok }));
    expect(w.result).toBe('success');
    w.doProbe(input({ running: false }));
    expect(w.result).toBe('failure');
  });

  it('skips probing during initialDelaySeconds, counted in whole seconds since startedAt', () => {
    const w = worker('liveness', { httpGet: { port: 80 }, initialDelaySeconds: 5 });
    let calls = 0;
    const attempt = () => (calls++, fail);
    w.doProbe(input({ nowMs: 4_999, attempt }));
    expect(calls).toBe(0);
    w.doProbe(input({ nowMs: 5_000, attempt }));
    expect(calls).toBe(1);
  });

  it('changes the visible result only after failureThreshold failures in a row', () => {
    const w = worker('liveness');
    expect(w.doProbe(input({ attempt: () => fail })).changed).toBe(false);
    expect(w.doProbe(input({ attempt: () => ok })).changed).toBe(false);
    w.doProbe(input({ attempt: () => fail }));
    w.doProbe(input({ attempt: () => fail }));
    expect(w.result).toBe('success');
    expect(w.doProbe(input({ attempt: () => fail })).changed).toBe(true);
    expect(w.result).toBe('failure');
  });

  it('needs successThreshold successes for readiness', () => {
    const w = worker('readiness', { httpGet: { port: 80 }, successThreshold: 2 });
    w.doProbe(input());
    expect(w.result).toBe('failure');
    w.doProbe(input());
    expect(w.result).toBe('success');
  });

  it('holds liveness after a failure until a new container appears', () => {
    const w = worker('liveness', { httpGet: { port: 80 }, failureThreshold: 1 });
    w.doProbe(input({ attempt: () => fail }));
    expect([w.result, w.onHold]).toEqual(['failure', true]);
    let calls = 0;
    w.doProbe(input({ attempt: () => (calls++, ok) }));
    expect(calls).toBe(0);
    w.doProbe(input({ containerId: 'c2', attempt: () => (calls++, ok) }));
    expect([calls, w.result, w.onHold]).toEqual([1, 'success', false]);
  });

  it('keeps liveness and readiness waiting until the startup probe passed, and stops startup after success', () => {
    const live = worker('liveness');
    let calls = 0;
    live.doProbe(input({ started: false, attempt: () => (calls++, fail) }));
    expect(calls).toBe(0);
    const startup = worker('startup');
    startup.doProbe(input({ started: false, attempt: () => ok }));
    expect(startup.result).toBe('success');
    startup.doProbe(input({ started: true, attempt: () => (calls++, fail) }));
    expect(calls).toBe(0);
  });

  it('stops liveness during graceful deletion, reporting success; readiness keeps going', () => {
    const live = worker('liveness');
    live.doProbe(input({ deleting: true, attempt: () => fail }));
    expect([live.result, live.stopped]).toEqual(['success', true]);
    const ready = worker('readiness');
    ready.doProbe(input({ deleting: true, attempt: () => ok }));
    expect(ready.result).toBe('success');
  });

  it('ignores probe errors (the result is thrown away)', () => {
    const w = worker('liveness', { httpGet: { port: 80 }, failureThreshold: 1 });
    w.doProbe(input({ attempt: () => ({ result: 'error', output: 'couldn\'t find port' }) }));
    expect(w.result).toBe('success');
  });
});

describe('runProbe against a program', () => {
  const nginx: Container = { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] };
  const program = compileProgram({ image: resolveImage('nginx'), container: nginx, podName: 'p', formatDate: () => '' });
  const target = (t: number) => ({ program, container: nginx, podIP: '10.244.1.5', t });

  it('http: 200–399 succeed, others fail with the status code', () => {
    expect(runProbe(probeSpec('liveness', { httpGet: { path: '/', port: 80 } })!, target(1000)).result).toBe('success');
    expect(runProbe(probeSpec('liveness', { httpGet: { path: '/health', port: 80 } })!, target(1000))).toMatchObject({ result: 'failure', output: 'HTTP probe failed with statuscode: 404' });
    expect(runProbe(probeSpec('liveness', { httpGet: { path: '/', port: 'http' } })!, target(1000)).result).toBe('success');
    expect(runProbe(probeSpec('liveness', { httpGet: { path: '/', port: 'nope' } })!, target(1000)).result).toBe('error');
  });

  it('http and tcp: connection refused before the app listens or on a closed port', () => {
    expect(runProbe(probeSpec('liveness', { httpGet: { path: '/', port: 80 } })!, target(10)).output).toBe('Get "http://10.244.1.5:80/": dial tcp 10.244.1.5:80: connect: connection refused');
    expect(runProbe(probeSpec('liveness', { tcpSocket: { port: 8080 } })!, target(1000))).toEqual({ result: 'failure', output: 'dial tcp 10.244.1.5:8080: connect: connection refused' });
    expect(runProbe(probeSpec('liveness', { tcpSocket: { port: 80 } })!, target(1000)).result).toBe('success');
  });

  it('exec: exit code decides, output becomes the message', () => {
    const busybox: Container = { name: 'c', image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] };
    const p = compileProgram({ image: resolveImage('busybox'), container: busybox, podName: 'p', formatDate: () => '' });
    const spec = probeSpec('liveness', { exec: { command: ['cat', '/tmp/healthy'] } })!;
    expect(runProbe(spec, { program: p, container: busybox, podIP: '10.0.0.1', t: 10_000 }).result).toBe('success');
    expect(runProbe(spec, { program: p, container: busybox, podIP: '10.0.0.1', t: 31_000 })).toEqual({ result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory" });
    const missing = runProbe(probeSpec('liveness', { exec: { command: ['curl', 'localhost'] } })!, { program: compileProgram({ image: resolveImage('k8s.gcr.io/liveness'), container: { name: 'l', image: 'k8s.gcr.io/liveness' }, podName: 'p', formatDate: () => '' }), container: { name: 'l' }, podIP: '10.0.0.1', t: 0 });
    expect(missing.result).toBe('error');
  });

  it('grpc: servers without the health protocol fail', () => {
    expect(runProbe(probeSpec('liveness', { grpc: { port: 80 } })!, target(1000)).output).toContain('does not implement the grpc health protocol');
    expect(runProbe(probeSpec('liveness', { grpc: { port: 9090 } })!, target(1000)).output).toBe('timeout: failed to connect service "10.244.1.5:9090" within 1s: context deadline exceeded');
  });
});
