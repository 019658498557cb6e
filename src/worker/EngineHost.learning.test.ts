import { describe, expect, it } from 'vitest';
import type { EngineCommand, FromEngine, ToEngine } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import type { LoggedCommandDto } from '../protocol/learning';
import { EngineHost } from './EngineHost';
import { FakeWallClock } from './testing/FakeWallClock';
import { resumeEntries } from './resume';

/** The learning surface's worker side: scenarios and their checks, log mirroring, resume, streams, completion, diff. */

function setup(init: Partial<Extract<ToEngine, { type: 'init' }>> = {}) {
  const wall = new FakeWallClock();
  const posted: FromEngine[] = [];
  const host = new EngineHost((message) => posted.push(structuredClone(message)), { wallClock: wall });
  host.handle({ type: 'init', protocolVersion: PROTOCOL_VERSION, seed: 1, speed: 0, ...init });
  let n = 0;
  const command = (c: EngineCommand) => {
    const requestId = `t${++n}`;
    host.handle({ type: 'command', requestId, command: c });
    const ack = posted.filter((m): m is Extract<FromEngine, { type: 'ack' }> => m.type === 'ack' && m.requestId === requestId)[0];
    if (!ack?.result) throw new Error(ack?.error ?? 'no ack');
    return ack.result;
  };
  const of = <T extends FromEngine['type']>(type: T) => posted.filter((m): m is Extract<FromEngine, { type: T }> => m.type === type);
  const kubectl = (line: string, files?: Record<string, string>, stream?: boolean) => command({ type: 'kubectl', line, files, stream }) as Extract<ReturnType<typeof command>, { type: 'kubectl' }>;
  const step = (ms: number) => host.handle({ type: 'step', advanceMs: ms });
  const frame = () => wall.advance(20);
  return { host, posted, of, command, kubectl, step, frame, wall };
}

const lastScenario = (posted: FromEngine[]) => [...posted].reverse().find((m): m is Extract<FromEngine, { type: 'scenario' }> => m.type === 'scenario');

describe('EngineHost: guided scenarios', () => {
  it('lists the scenarios and starts one on its own cluster, with no manifests applied', () => {
    const { command, of } = setup({ scenarioId: 'node-selector' });
    const list = command({ type: 'scenarios' });
    expect(list.type === 'scenarios' && list.scenarios.length).toBeGreaterThan(5);
    const hello = of('hello')[0];
    const nodes = hello.snapshot.objects.filter((o) => o.dto === 'node').map((o) => o.name);
    expect(nodes).toContain('minikube-m02');
    expect(hello.snapshot.objects.filter((o) => o.dto === 'owner')).toEqual([]);
    expect(lastScenario(of('scenario'))).toMatchObject({ scenarioId: 'node-selector', progress: { current: 0, complete: false } });
  });

  it('ticks a step when its check passes after a frame, and resolves the next step’s placeholders', () => {
    const { kubectl, step, frame, posted } = setup({ scenarioId: 'replicaset-basics' });
    const files = { 'echo-pod.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: echo\n  labels:\n    app: echo\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/subicura/echo:v1\n' };
    expect(kubectl('kubectl apply -f echo-pod.yml', files).stdout).toContain('pod/echo created');
    expect(lastScenario(posted)?.progress?.current).toBe(0);
    step(30_000);
    frame();
    const state = lastScenario(posted)!;
    expect(state.progress?.done['bare-pod']?.how).toBe('check');
    expect(state.progress?.current).toBe(1);
    expect(state.commands).toEqual(['kubectl describe pod echo']);
  });

  it('marks a read-only step done by hand, and rejects unknown steps', () => {
    const { command, posted, host } = setup({ scenarioId: 'node-selector' });
    command({ type: 'scenario_step_done', stepId: 'nodes' });
    expect(lastScenario(posted)?.progress).toMatchObject({ current: 1, done: { nodes: { how: 'manual' } } });
    host.handle({ type: 'command', requestId: 'bad', command: { type: 'scenario_step_done', stepId: 'nope' } });
    expect(posted.find((m) => m.type === 'ack' && m.requestId === 'bad')).toMatchObject({ error: 'Unknown step "nope".' });
  });

  it('refuses an unknown scenario with a fatal message', () => {
    const { of } = setup({ scenarioId: 'no-such-lesson' });
    expect(of('fatal')[0].message).toContain('Unknown scenario');
  });
});

describe('EngineHost: the command log, share links and recovery', () => {
  it('sends the whole log in hello and then only new entries, without advances', () => {
    const { of, kubectl, step, frame } = setup();
    const hello = of('hello')[0];
    expect(hello.log?.map((e) => e.command.type)).toEqual(['apply']);
    step(5000);
    frame();
    kubectl('kubectl get pods');
    const logs = of('log');
    expect(logs.flatMap((m) => m.entries).map((e) => [e.atMs, e.command.type])).toEqual([[5000, 'kubectl']]);
  });

  it('resumes a session to the same state and time: the replay matches the original', () => {
    const a = setup({ seed: 3 });
    a.kubectl('kubectl scale rs nginx --replicas=5');
    a.step(12_000);
    a.frame();
    a.kubectl('kubectl delete pod -l app=nginx --wait=false');
    a.step(7_000);
    a.frame();
    const log: LoggedCommandDto[] = [...a.of('hello')[0].log!, ...a.of('log').flatMap((m) => m.entries)];
    const until = 19_000;
    const expected = a.kubectl('kubectl get pods -o wide').stdout;

    const b = setup({ seed: 3, resume: { log, untilMs: until } });
    const hello = b.of('hello')[0];
    expect(hello.clockMs).toBe(until);
    expect(b.kubectl('kubectl get pods -o wide').stdout).toBe(expected);
    // The log the resumed cluster reports continues where the original left off.
    expect(hello.log).toEqual(log);
  });

  it('resumes scenario progress, and a later reset starts the scenario over', () => {
    const progress = { scenarioId: 'node-selector', current: 1, done: { nodes: { atMs: 0, how: 'manual' as const } }, complete: false };
    const { host, posted } = setup({ scenarioId: 'node-selector', resume: { log: [], untilMs: 1000, progress } });
    expect(lastScenario(posted)?.progress).toMatchObject({ current: 1 });
    host.handle({ type: 'reset' });
    expect(lastScenario(posted)?.progress).toMatchObject({ current: 0, done: {} });
  });

  it('rejects a malformed log entry instead of replaying it', () => {
    expect(() => resumeEntries([{ atMs: 5, command: { type: 'explode' } }])).toThrow(/unknown command type/);
    expect(() => resumeEntries([{ atMs: 5, command: { type: 'apply', text: 'x' } }, { atMs: 1, command: { type: 'kubectl', line: 'get pods' } }])).toThrow(/non-decreasing/);
    const { of } = setup({ resume: { log: [{ atMs: -1, command: { type: 'kubectl', line: 'get pods' } }] as LoggedCommandDto[], untilMs: 0 } });
    expect(of('fatal')[0].message).toContain('Session log entry 1');
  });

  it('load replaces the cluster and answers with a new hello', () => {
    const { host, of } = setup();
    host.handle({ type: 'load', seed: 9, manifests: [] });
    const hello = of('hello')[1];
    expect(hello.seed).toBe(9);
    expect(hello.snapshot.objects.filter((o) => o.dto === 'pod')).toEqual([]);
  });

  it('the engine test hook turns the next advance into a fatal error', () => {
    const { host, of, step } = setup();
    host.handle({ type: 'debug_crash', when: 'engine' });
    step(1000);
    expect(of('fatal')[0].message).toContain('Test crash');
  });
});

describe('EngineHost: console streams, completion and diff', () => {
  it('streams `get -w` after its ack, frame by frame, until stopped', () => {
    const { host, kubectl, step, frame, of, posted } = setup();
    expect(kubectl('kubectl get pods', undefined, true).streamId).toBeUndefined();
    const first = kubectl('kubectl get pods -w', undefined, true);
    expect(first.streamId).toBeDefined();
    const ackIndex = posted.findIndex((m) => m.type === 'ack' && m.result?.type === 'kubectl' && m.result.streamId !== undefined);
    expect(first.stdout).toContain('NAME');
    kubectl('kubectl scale rs nginx --replicas=4');
    step(10_000);
    frame();
    const streamed = of('stream').map((m) => m.stdout).join('');
    expect(streamed).toMatch(/nginx-\w+\s+0\/1\s+Pending/);
    expect(posted.findIndex((m) => m.type === 'stream')).toBeGreaterThan(ackIndex);
    host.handle({ type: 'stream_stop', streamId: first.streamId! });
    expect(of('stream').at(-1)).toMatchObject({ done: true, exitCode: 130 });
  });

  it('completes kinds and object names', () => {
    const { command } = setup();
    expect(command({ type: 'complete', line: 'kubectl get replicas' })).toMatchObject({ from: 12, candidates: ['replicasets.apps'] });
    const names = command({ type: 'complete', line: 'kubectl get rs ng' });
    expect(names).toMatchObject({ candidates: ['nginx'] });
  });

  it('diffs a tab against the live objects without changing the cluster', () => {
    const { command, of } = setup();
    const before = of('patch').length;
    const text = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 5
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: extra
spec:
  containers:
    - name: app
      image: busybox
`;
    const result = command({ type: 'diff', text });
    if (result.type !== 'diff') throw new Error('not a diff');
    const [rs, pod] = result.result.documents;
    expect(rs.original).toContain('replicas: 3');
    expect(rs.modified).toContain('replicas: 5');
    expect(rs.modified).not.toContain('status:');
    expect(pod).toMatchObject({ kind: 'Pod', name: 'extra', original: '' });
    expect(of('patch').length).toBe(before);
    const bad = command({ type: 'diff', text: 'kind: [' });
    expect(bad.type === 'diff' && bad.result.errors.length).toBeGreaterThan(0);
  });
});
