import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cluster } from '../engine/index';
import type { CommandResult, FromEngine, ToEngine } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import type { OwnerDto } from '../protocol/dto';
import { EngineHost } from './EngineHost';
import { FRAME_MS } from './Pacer';
import { FakeWallClock } from './testing/FakeWallClock';

const RS = (name: string, replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

function setup(init: Partial<Extract<ToEngine, { type: 'init' }>> = {}, bigClusterPods?: number) {
  const wall = new FakeWallClock();
  const posted: FromEngine[] = [];
  const host = new EngineHost((message) => posted.push(structuredClone(message)), { wallClock: wall, bigClusterPods });
  const start = () => host.handle({ type: 'init', protocolVersion: PROTOCOL_VERSION, seed: 7, speed: 0, ...init });
  return { wall, posted, host, start, of: <T extends FromEngine['type']>(type: T) => posted.filter((m): m is Extract<FromEngine, { type: T }> => m.type === type) };
}

afterEach(() => vi.restoreAllMocks());

describe('EngineHost', () => {
  it('posts hello first, with the default cluster and scenario', () => {
    const { posted, start } = setup();
    start();
    expect(posted[0].type).toBe('hello');
    const hello = posted[0] as Extract<FromEngine, { type: 'hello' }>;
    expect(hello.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(hello.seed).toBe(7);
    expect(hello.initErrors).toEqual([]);
    const nodes = hello.snapshot.objects.filter((o) => o.dto === 'node');
    expect(nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3']);
    const rs = hello.snapshot.objects.find((o): o is OwnerDto => o.dto === 'owner' && o.kind === 'ReplicaSet');
    expect(rs?.name).toBe('nginx');
    expect(rs?.selector).toBe('app=nginx');
    expect(rs?.replicas.desired).toBe(3);
  });

  it('starts a plain init from the prebuilt default cluster, and the same as without it', () => {
    const fresh = setup({ seed: 1 });
    fresh.start();
    const prebuilt = setup({ seed: 1 });
    prebuilt.host.prebuildDefault();
    prebuilt.start();
    expect(prebuilt.posted[0]).toEqual(fresh.posted[0]);
    fresh.host.dispose();
    prebuilt.host.dispose();
  });

  it('drops the prebuilt default cluster when init asks for another one', () => {
    const other = setup({ seed: 1, manifests: [{ fileName: 'a.yaml', text: RS('web', 2) }] });
    other.host.prebuildDefault();
    other.start();
    const hello = other.of('hello')[0];
    expect(hello.snapshot.objects.filter((o) => o.dto === 'owner').map((o) => o.name)).toEqual(['web']);
    const seeded = setup({ seed: 7 });
    seeded.host.prebuildDefault();
    seeded.start();
    expect(seeded.of('hello')[0].seed).toBe(7);
    other.host.dispose();
    seeded.host.dispose();
  });

  it('reports the starting speed in hello (1× unless init says otherwise)', () => {
    const { posted, host } = setup();
    host.handle({ type: 'init', protocolVersion: PROTOCOL_VERSION, seed: 1 });
    expect(posted[0]).toMatchObject({ type: 'hello', speed: 1 });
    host.dispose();
  });

  it('queues messages that arrive before init and answers them after hello', () => {
    const { posted, host, start } = setup();
    host.handle({ type: 'command', requestId: 'early', command: { type: 'kubectl', line: 'kubectl version' } });
    expect(posted).toEqual([]);
    start();
    expect(posted[0].type).toBe('hello');
    expect(posted.some((m) => m.type === 'ack' && m.requestId === 'early')).toBe(true);
  });

  it('refuses a mismatched protocol version with fatal', () => {
    const { posted, host } = setup();
    host.handle({ type: 'init', protocolVersion: PROTOCOL_VERSION + 1, seed: 3 });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'fatal', seed: 3 });
  });

  it('coalesces steps into at most one patch per frame', () => {
    const { wall, host, start, of } = setup({ manifests: [] });
    start();
    const hello = of('hello')[0];
    for (let i = 0; i < 5; i++) host.handle({ type: 'step', advanceMs: 1000 });
    expect(of('patch')).toHaveLength(0);
    wall.advance(FRAME_MS);
    const patches = of('patch');
    expect(patches).toHaveLength(1);
    expect(patches[0].clockMs).toBe(hello.clockMs + 5000);
    expect(patches[0].fromRv).toBe(hello.rv);
  });

  it('runs time at the chosen speed with chained patches, ≤ 1 per frame', () => {
    const { wall, host, start, of } = setup();
    start();
    host.handle({ type: 'set_speed', speed: 10 });
    expect(of('playback').at(-1)).toEqual({ type: 'playback', speed: 10 });
    wall.advance(1000);
    const patches = of('patch');
    expect(patches.length).toBeGreaterThan(10);
    expect(patches.length).toBeLessThanOrEqual(Math.ceil(1000 / FRAME_MS) + 1);
    let rv = of('hello')[0].rv;
    for (const patch of patches) {
      expect(patch.fromRv).toBe(rv);
      rv = patch.toRv;
    }
    expect(patches.at(-1)!.clockMs).toBeGreaterThanOrEqual(9_800);
    expect(patches.at(-1)!.clockMs).toBeLessThanOrEqual(10_000);
    host.handle({ type: 'set_speed', speed: 0 });
    const count = of('patch').length;
    wall.advance(1000);
    expect(of('patch').length).toBeLessThanOrEqual(count + 1);
    host.dispose();
  });

  it('answers an unknown speed with the current one', () => {
    const { host, start, of } = setup();
    start();
    host.handle({ type: 'set_speed', speed: 3 as never });
    expect(of('playback').at(-1)).toEqual({ type: 'playback', speed: 0 });
  });

  it('acks a command after posting the patch with its effects', () => {
    const { posted, host, start } = setup({ manifests: [] });
    start();
    host.handle({ type: 'command', requestId: 'a1', command: { type: 'apply', text: RS('web', 3), fileName: 'web.yaml' } });
    const ackIndex = posted.findIndex((m) => m.type === 'ack');
    const ack = posted[ackIndex] as Extract<FromEngine, { type: 'ack' }>;
    expect(ack.requestId).toBe('a1');
    expect(ack.error).toBeUndefined();
    expect(ack.result).toMatchObject({ type: 'apply', errors: [], applied: [{ kind: 'ReplicaSet', name: 'web', outcome: 'created' }] });
    const patch = posted.slice(0, ackIndex).filter((m) => m.type === 'patch').at(-1) as Extract<FromEngine, { type: 'patch' }>;
    expect(patch.diff.added.some((o) => o.kind === 'ReplicaSet' && o.name === 'web')).toBe(true);
  });

  it('returns manifest errors in the ack result, leaving the cluster alone', () => {
    const { posted, host, start } = setup();
    start();
    host.handle({ type: 'command', requestId: 'bad', command: { type: 'apply', text: 'kind: [unclosed\n', fileName: 'bad.yaml' } });
    const ack = posted.find((m) => m.type === 'ack') as Extract<FromEngine, { type: 'ack' }>;
    expect(ack.result?.type).toBe('apply');
    const result = ack.result as Extract<NonNullable<typeof ack.result>, { type: 'apply' }>;
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0].documentIndex).toBe(0);
    expect(result.applied).toEqual([]);
  });

  it('acks an engine exception as an error instead of throwing', () => {
    const { posted, host, start } = setup();
    start();
    vi.spyOn(Cluster.prototype, 'kubectl').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => host.handle({ type: 'command', requestId: 'k', command: { type: 'kubectl', line: 'get pods' } })).not.toThrow();
    expect(posted.at(-1)).toEqual({ type: 'ack', requestId: 'k', error: 'boom' });
    // The host keeps working.
    host.handle({ type: 'command', requestId: 'g', command: { type: 'get', uid: 'nope' } });
    expect(posted.at(-1)).toMatchObject({ type: 'ack', requestId: 'g', result: { type: 'get' } });
  });

  it('stops with fatal (and the seed) when advancing throws, and recovers on reset', () => {
    const { wall, host, start, of } = setup();
    start();
    const spy = vi.spyOn(Cluster.prototype, 'advance').mockImplementation(() => {
      throw new Error('controller exploded');
    });
    host.handle({ type: 'set_speed', speed: 1 });
    wall.advance(100);
    expect(of('fatal')).toEqual([{ type: 'fatal', message: 'controller exploded', seed: 7 }]);
    expect(of('playback').at(-1)).toEqual({ type: 'playback', speed: 0 });
    wall.advance(1000);
    expect(of('fatal')).toHaveLength(1);
    host.handle({ type: 'command', requestId: 'after', command: { type: 'kubectl', line: 'get pods' } });
    expect(of('ack').at(-1)?.error).toMatch(/reset/);
    spy.mockRestore();
    host.handle({ type: 'reset' });
    expect(of('hello')).toHaveLength(2);
    host.dispose();
  });

  it('answers resync with a fresh hello', () => {
    const { host, start, of } = setup();
    start();
    host.handle({ type: 'resync' });
    expect(of('hello')).toHaveLength(2);
  });

  it('offers the engine schema (or null) through the schema command', () => {
    const { posted, host, start } = setup();
    start();
    host.handle({ type: 'command', requestId: 's', command: { type: 'schema' } });
    const ack = posted.at(-1) as Extract<FromEngine, { type: 'ack' }>;
    expect(ack.result?.type).toBe('schema');
  });
});

describe('EngineHost: big clusters', () => {
  it('spreads patches out while a big cluster runs, but not for paused steps', () => {
    const { wall, host, start, of } = setup({ manifests: [{ fileName: 'rs.yaml', text: RS('big', 6) }] }, 5);
    start();
    host.handle({ type: 'step', advanceMs: 10_000 });
    wall.advance(FRAME_MS);
    // Paused: a step posts its patch in the next frame, however big the cluster.
    expect(of('patch')).toHaveLength(1);
    host.handle({ type: 'set_speed', speed: 10 });
    const before = of('patch').length;
    wall.advance(FRAME_MS * 40);
    const posted = of('patch').length - before;
    expect(posted).toBeGreaterThanOrEqual(8);
    expect(posted).toBeLessThanOrEqual(11);
    host.dispose();
  });
});

describe('EngineHost: focus and time travel', () => {
  const POD = `apiVersion: v1
kind: Pod
metadata: {name: solo}
spec: {containers: [{name: a, image: nginx:1.27}]}
`;
  const podUid = (posted: FromEngine[]) => {
    for (const m of posted) {
      if (m.type !== 'patch') continue;
      const pod = m.diff.added.find((o) => o.kind === 'Pod' && o.name === 'solo');
      if (pod) return pod.uid;
    }
    throw new Error('no pod');
  };

  it('posts the focus of the inspected object now and when it changes, not when nothing did', () => {
    const { wall, posted, host, start, of } = setup({ manifests: [] });
    start();
    host.handle({ type: 'command', requestId: 'c', command: { type: 'apply', text: POD } });
    const uid = podUid(posted);
    host.handle({ type: 'focus', uid });
    const first = of('focus').at(-1)!;
    expect(first).toMatchObject({ source: 'live', uid });
    expect(first.focus?.yaml).toContain('name: solo');
    host.handle({ type: 'step', advanceMs: 20_000 });
    wall.advance(FRAME_MS);
    const later = of('focus').at(-1)!;
    expect(later.focus!.events.map((e) => e.reason)).toContain('Started');
    expect(later.focus!.timeline?.containers[0].name).toBe('a');
    // Unchanged: nothing new is posted however many frames pass.
    const count = of('focus').length;
    for (let i = 0; i < 20; i++) wall.advance(FRAME_MS);
    expect(of('focus').length).toBe(count);
    host.handle({ type: 'focus', uid: null });
    host.handle({ type: 'step', advanceMs: 1000 });
    wall.advance(FRAME_MS);
    expect(of('focus').length).toBe(count);
  });

  it('replays the past on view_at, focuses there, and leaves the live cluster alone', () => {
    const { wall, posted, host, start, of } = setup({ manifests: [] });
    start();
    host.handle({ type: 'step', advanceMs: 5000 });
    wall.advance(FRAME_MS);
    host.handle({ type: 'command', requestId: 'c', command: { type: 'apply', text: POD } });
    const uid = podUid(posted);
    host.handle({ type: 'step', advanceMs: 30_000 });
    wall.advance(FRAME_MS);
    host.handle({ type: 'focus', uid });
    const liveRv = of('patch').at(-1)!.toRv;

    host.handle({ type: 'command', requestId: 'p1', command: { type: 'view_at', atMs: 4000 } });
    const ack = of('ack').find((a) => a.requestId === 'p1')!;
    expect(ack.error).toBeUndefined();
    const past = ack.result as Extract<CommandResult, { type: 'view_at' }>;
    expect(past.atMs).toBe(4000);
    expect(past.liveClockMs).toBe(35_000);
    expect(past.snapshot.objects.some((o) => o.name === 'solo')).toBe(false);
    // Before the pod existed: the past focus says so.
    expect(of('focus').at(-1)).toMatchObject({ source: 'past', uid, focus: null });

    host.handle({ type: 'command', requestId: 'p2', command: { type: 'view_at', atMs: 20_000 } });
    const later = of('ack').find((a) => a.requestId === 'p2')!.result as Extract<CommandResult, { type: 'view_at' }>;
    expect(later.replayedFromMs).toBe(4000);
    const pod = later.snapshot.objects.find((o) => o.name === 'solo');
    expect(pod).toMatchObject({ dto: 'pod' });
    expect(of('focus').at(-1)).toMatchObject({ source: 'past', uid, focus: { atMs: 20_000 } });
    // Clamped to now.
    host.handle({ type: 'command', requestId: 'p3', command: { type: 'view_at', atMs: 10 ** 9 } });
    expect((of('ack').find((a) => a.requestId === 'p3')!.result as { atMs: number }).atMs).toBe(35_000);

    // The live cluster did not move.
    host.handle({ type: 'command', requestId: 'l', command: { type: 'view_live' } });
    expect(of('focus').at(-1)).toMatchObject({ source: 'live', uid });
    host.handle({ type: 'step', advanceMs: 1000 });
    wall.advance(FRAME_MS);
    expect(of('patch').at(-1)!.fromRv).toBe(liveRv);
  });
});
