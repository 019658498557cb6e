import { completeKubectl, createCluster, replayCluster, type Cluster, type KubeObject, type LoggedCommand } from '../engine/index';
import type { CommandResult, EngineCommand, FromEngine, Speed, ToEngine } from '../protocol/messages';
import { PROTOCOL_VERSION, isSpeed } from '../protocol/messages';
import type { ManifestErrorDto, NodeDto, ObjectDto } from '../protocol/dto';
import { DEFAULT_SCENARIO, DEFAULT_SCENARIO_FILE, DEFAULT_SEED } from '../protocol/scenarios';
import { Pacer, type WallClock } from './Pacer';
import { engineJsonSchema, eventToDto, nodeToDto, toDto } from './toDto';
import { History } from './History';
import { TimeMachine, type Replay } from './TimeMachine';
import { focusOf } from './focus';
import { Lessons } from './Lessons';
import { Streams, type StreamOutput } from './Streams';
import { diffAgainstLive } from './diff';
import { MAX_RESUME_MS, resumeEntries } from './resume';

type InitMessage = Extract<ToEngine, { type: 'init' }>;
export type Post = (message: FromEngine) => void;

export interface EngineHostOptions {
  /** Wall clock for the pacer; tests pass a fake one. */
  readonly wallClock?: WallClock;
  /** Pods from which patches are spread out (default BIG_CLUSTER_PODS); tests lower it. */
  readonly bigClusterPods?: number;
}

/** Events carried in a hello (the newest ones); the rest stay in the engine for kubectl. */
export const HELLO_EVENTS_MAX = 500;
/** The longest single `step` (virtual ms). */
export const STEP_MAX_MS = 60 * 60 * 1000;
/** Messages that arrive before `init` wait for it (bounded). */
const EARLY_QUEUE_MAX = 100;
/**
 * While nothing about the inspected object changed, its focus is still recomputed every this many
 * frames: the kubelet's timeline (probe results, memory) moves on without touching the object.
 */
export const FOCUS_REFRESH_FRAMES = 6;
/**
 * From this many pods on, a running simulation posts a patch every BIG_CLUSTER_FRAMES_PER_PATCH
 * frames instead of every frame (≈ 15 per second): the page's React pass over thousands of pod
 * nodes costs per patch, whatever the patch holds. Paused steps and commands still post at once.
 */
export const BIG_CLUSTER_PODS = 1000;
export const BIG_CLUSTER_FRAMES_PER_PATCH = 4;

/**
 * The engine host: owns one Cluster, turns ToEngine messages into engine calls and engine changes
 * into FromEngine messages. It knows nothing about Workers (engine.worker.ts wires `post` to
 * postMessage), so tests run it in-thread with a fake `post` and a fake wall clock.
 *
 * Guarantees: `hello` is the first message; after it, `patch`es carry the net diff since the
 * previous one (fromRv = previous toRv), at most one per pacer frame, except that a command posts
 * its own effects right before its `ack`; engine exceptions in a command come back as an ack with
 * `error`, never as a throw; an exception while time advances stops the pacer and posts `fatal`.
 */
export class EngineHost {
  private cluster: Cluster | undefined;
  private initMessage: InitMessage | undefined;
  private seed = 0;
  private sentRv = 0;
  private sentClockMs = 0;
  /** Last node DTO sent, by node name: node requests change when pods do, not only when the Node does. */
  private readonly sentNodes = new Map<string, NodeDto>();
  private readonly early: ToEngine[] = [];
  private stopped = false;
  private readonly pacer: Pacer;
  private history: History | undefined;
  private timeMachine: TimeMachine | undefined;
  /** The replay on screen while the page views the past. */
  private past: Replay | undefined;
  private focusUid: string | null = null;
  /** Learning surface: the guided scenario, console streams, and how much of the log the page has. */
  private readonly lessons: Lessons;
  private readonly streams = new Streams();
  private sentLogLength = 0;
  /** Test hook (debug_crash 'engine'): the next advance throws. */
  private crashNextAdvance = false;
  /** The last focus posted (as JSON), so unchanged focus is not re-sent. */
  private sentFocus = '';
  private framesSinceFocus = 0;
  private framesSincePatch = 0;
  private readonly bigClusterPods: number;
  /** The default playground, built before `init` arrived (prebuildDefault); taken or dropped by the first start. */
  private prebuilt: { readonly cluster: Cluster; readonly errors: readonly ManifestErrorDto[] } | undefined;

  constructor(
    private readonly post: Post,
    options: EngineHostOptions = {},
  ) {
    this.pacer = new Pacer({ advance: (ms) => this.advance(ms), frame: () => this.onFrame() }, options.wallClock);
    this.bigClusterPods = options.bigClusterPods ?? BIG_CLUSTER_PODS;
    this.lessons = new Lessons((state) => this.post({ type: 'scenario', ...state }));
  }

  handle(message: ToEngine): void {
    if (!this.cluster && message.type !== 'init') {
      if (this.early.length < EARLY_QUEUE_MAX) this.early.push(message);
      return;
    }
    switch (message.type) {
      case 'init':
        this.init(message);
        return;
      case 'command':
        this.command(message.requestId, message.command);
        return;
      case 'set_speed':
        this.setSpeed(message.speed);
        return;
      case 'step':
        this.step(message.advanceMs);
        return;
      case 'reset':
        this.start(message.seed ?? this.seed, this.pacer.speed as Speed, false);
        return;
      case 'resync':
        // The page drops any past view on hello: focus comes from the live cluster again.
        this.past = undefined;
        this.hello([]);
        return;
      case 'focus':
        this.focusUid = typeof message.uid === 'string' ? message.uid : null;
        this.sentFocus = '';
        this.postFocus();
        return;
      case 'load':
        this.initMessage = { ...message, type: 'init', protocolVersion: PROTOCOL_VERSION };
        this.start(message.seed, message.speed ?? (this.pacer.speed as Speed), true);
        return;
      case 'stream_stop': {
        const last = this.streams.stop(message.streamId);
        if (last) this.post({ type: 'stream', ...last });
        return;
      }
      case 'debug_crash':
        // 'now' and 'next_command' are handled by engine.worker.ts (they must escape the host).
        if (message.when === 'engine') this.crashNextAdvance = true;
        return;
    }
  }

  /**
   * Builds the cluster a plain `init` asks for (default seed, built-in scenario) ahead of it. A new
   * worker receives the page's messages only once the page's main thread relays them, which can be
   * late while the page renders; meanwhile the worker can do what most starts need. Any other init
   * (a saved session, a link, a scenario, another seed) drops it.
   */
  prebuildDefault(): void {
    if (this.cluster || this.initMessage || this.prebuilt) return;
    try {
      const cluster = createCluster({ seed: DEFAULT_SEED });
      const result = cluster.apply(DEFAULT_SCENARIO, { fileName: DEFAULT_SCENARIO_FILE });
      this.prebuilt = { cluster, errors: result.errors.map((e) => ({ ...e, message: `${DEFAULT_SCENARIO_FILE}: ${e.message}` })) };
    } catch {
      // init builds it again and reports what went wrong.
    }
  }

  /** Stops the pacer (worker shutdown, tests). */
  dispose(): void {
    this.pacer.stop();
  }

  private init(message: InitMessage): void {
    if (message.protocolVersion !== PROTOCOL_VERSION) {
      this.post({ type: 'fatal', message: `Protocol mismatch: the page speaks version ${message.protocolVersion}, the engine ${PROTOCOL_VERSION}. Reload the page.`, seed: message.seed });
      return;
    }
    this.initMessage = message;
    this.start(message.seed, message.speed ?? 1, true);
    const queued = this.early.splice(0);
    for (const early of queued) this.handle(early);
  }

  private start(seed: number, speed: Speed, warmup: boolean): void {
    const init = this.initMessage!;
    this.pacer.stop();
    this.stopped = false;
    this.seed = seed;
    const initErrors: ManifestErrorDto[] = [];
    this.history?.dispose();
    this.timeMachine?.reset();
    this.past = undefined;
    this.sentFocus = '';
    for (const last of this.streams.stopAll()) this.post({ type: 'stream', ...last });
    this.crashNextAdvance = false;
    const scenario = Lessons.find(init.scenarioId);
    // A resume (share link, reload, recovery) happens once: a later reset starts the setup fresh.
    const resume = warmup ? init.resume : undefined;
    const prebuilt = this.prebuilt;
    this.prebuilt = undefined;
    const isDefault = warmup && seed === DEFAULT_SEED && !resume && init.scenarioId === undefined && init.nodes === undefined && init.manifests === undefined && !(init.warmupMs && init.warmupMs > 0);
    try {
      if (init.scenarioId !== undefined && !scenario) throw new Error(`Unknown scenario "${init.scenarioId}".`);
      const nodes = init.nodes ?? scenario?.cluster?.nodes;
      let cluster: Cluster;
      if (prebuilt && isDefault) {
        cluster = prebuilt.cluster;
        initErrors.push(...prebuilt.errors);
      } else if (resume) {
        cluster = replayCluster({ seed, nodes }, resumeEntries(resume.log));
        const until = Math.min(Math.max(0, Math.round(resume.untilMs)), MAX_RESUME_MS);
        while (cluster.now() < until) cluster.advance(Math.min(until - cluster.now(), STEP_MAX_MS * 24));
      } else {
        cluster = createCluster({ seed, nodes });
        const manifests = init.manifests ?? (scenario ? [] : [{ fileName: DEFAULT_SCENARIO_FILE, text: DEFAULT_SCENARIO }]);
        for (const manifest of manifests) {
          const result = cluster.apply(manifest.text, { fileName: manifest.fileName });
          initErrors.push(...result.errors.map((e) => ({ ...e, message: `${manifest.fileName}: ${e.message}` })));
        }
        if (warmup && init.warmupMs && init.warmupMs > 0) cluster.advance(Math.min(init.warmupMs, STEP_MAX_MS));
      }
      this.cluster = cluster;
      this.history = new History(cluster);
      this.timeMachine = new TimeMachine({ seed, nodes }, () => cluster.commandLog());
      this.lessons.start(scenario, resume?.progress);
    } catch (error) {
      this.fail(error);
      return;
    }
    // Speed first, so hello reports it; the first frame runs a timer tick after hello is posted.
    this.pacer.setSpeed(speed);
    this.hello(initErrors);
    this.lessons.update(this.cluster!, true);
  }

  /** Posts the whole current state and makes it the base for the next patch. */
  private hello(initErrors: readonly ManifestErrorDto[]): void {
    const cluster = this.cluster!;
    cluster.sim.takeDiff();
    cluster.sim.events.takeFresh();
    const snapshot = cluster.snapshot();
    const objects = snapshot.objects.map((obj) => this.dto(obj));
    this.sentNodes.clear();
    for (const dto of objects) if (dto.dto === 'node') this.sentNodes.set(dto.name, dto);
    this.sentRv = snapshot.resourceVersion;
    this.sentClockMs = snapshot.nowMs;
    const log = cluster.commandLog();
    this.sentLogLength = log.length;
    this.post({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      seed: this.seed,
      clockMs: snapshot.nowMs,
      rv: snapshot.resourceVersion,
      speed: this.pacer.speed as Speed,
      snapshot: { objects, events: snapshot.events.slice(-HELLO_EVENTS_MAX).map(eventToDto) },
      initErrors,
      log: withoutAdvances(log),
    });
    this.postFocus();
  }

  private command(requestId: string, command: EngineCommand): void {
    let result: CommandResult;
    try {
      if (this.stopped) throw new Error('The simulation stopped after an engine error; reset it to continue.');
      result = this.run(command, requestId);
    } catch (error) {
      this.flushSafely();
      this.post({ type: 'ack', requestId, error: errorMessage(error) });
      return;
    }
    // A stream this command opened is first polled after its ack, so its output follows the initial one.
    const opened = result.type === 'kubectl' ? result.streamId : undefined;
    this.flushSafely(opened);
    this.post({ type: 'ack', requestId, result });
    if (opened) this.pacer.requestFrame();
    if (command.type === 'view_at' || command.type === 'view_live') {
      this.sentFocus = '';
      this.postFocus();
    }
  }

  private run(command: EngineCommand, requestId: string): CommandResult {
    const cluster = this.cluster!;
    switch (command.type) {
      case 'apply': {
        const result = cluster.apply(command.text, { fileName: command.fileName, mode: command.mode });
        return { type: 'apply', applied: result.applied.map((a) => ({ ...a })), errors: result.errors.map((e) => ({ ...e })), warnings: result.warnings.map((e) => ({ ...e })) };
      }
      case 'kubectl': {
        if (command.stream) return { type: 'kubectl', ...this.streams.start(cluster, requestId, command.line, { stdin: command.stdin, files: command.files }) };
        const result = cluster.kubectl(command.line, { stdin: command.stdin, files: command.files });
        return { type: 'kubectl', stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
      }
      case 'complete': {
        const completion = completeKubectl(cluster, String(command.line).slice(0, 10_000));
        return { type: 'complete', from: completion.from, candidates: completion.candidates.slice(0, 500) };
      }
      case 'scenarios':
        return { type: 'scenarios', scenarios: Lessons.catalog() };
      case 'diff':
        return { type: 'diff', result: diffAgainstLive(cluster, command.text, command.fileName) };
      case 'scenario_step_done':
        this.lessons.stepDone(cluster, command.stepId);
        return { type: 'scenario_step_done' };
      case 'delete': {
        const result = cluster.delete(command.kind, command.name, command.namespace);
        if (result instanceof Error) return { type: 'delete', deleted: false, message: result.message };
        return { type: 'delete', deleted: true, message: `${command.kind.toLowerCase()} "${command.name}" deleted` };
      }
      case 'get':
        return { type: 'get', object: cluster.sim.store.getByUid(command.uid) };
      case 'schema':
        return { type: 'schema', schema: engineJsonSchema() };
      case 'view_at':
        return this.viewAt(command.atMs);
      case 'view_live':
        this.past = undefined;
        return { type: 'view_live' };
    }
  }

  /** Replays the log into a separate cluster up to `atMs` (clamped to [0, now]). */
  private viewAt(atMs: number): CommandResult {
    const live = this.cluster!;
    const target = Math.min(live.now(), Math.max(0, Number.isFinite(atMs) ? Math.round(atMs) : 0));
    const { value, wallMs } = this.pacer.timed(() => this.timeMachine!.viewAt(target));
    const replay = value.replay;
    this.past = replay;
    const cluster = replay.cluster;
    const snapshot = cluster.snapshot();
    const objects = snapshot.objects.map((obj) => toDto(obj, cluster.now(), (nodeName) => cluster.sim.store.podsOnNode(nodeName)));
    return {
      type: 'view_at',
      atMs: cluster.now(),
      liveClockMs: live.now(),
      snapshot: { objects, events: snapshot.events.slice(-HELLO_EVENTS_MAX).map(eventToDto) },
      replayedFromMs: value.fromMs,
      replayMs: Math.round(wallMs),
    };
  }

  /** Posts the focus (from the past while viewing it) when it differs from the last one posted. */
  private postFocus(): void {
    const uid = this.focusUid;
    this.framesSinceFocus = 0;
    if (uid === null) return;
    const source = this.past ? 'past' : 'live';
    const cluster = this.past?.cluster ?? this.cluster;
    const history = this.past?.history ?? this.history;
    if (!cluster || !history) return;
    const focus = focusOf(cluster, history, uid);
    const json = JSON.stringify([source, uid, focus]);
    if (json === this.sentFocus) return;
    this.sentFocus = json;
    this.post({ type: 'focus', source, uid, focus });
  }

  /** After a live patch: refresh the focus if its object or events changed, or every few frames. */
  private refreshFocus(touched: boolean): void {
    if (this.focusUid === null || this.past) return;
    this.framesSinceFocus++;
    if (touched || this.framesSinceFocus >= FOCUS_REFRESH_FRAMES) this.postFocus();
  }

  private setSpeed(speed: unknown): void {
    if (!isSpeed(speed) || this.stopped) {
      this.post({ type: 'playback', speed: this.pacer.speed as Speed });
      return;
    }
    this.pacer.setSpeed(speed);
    this.post({ type: 'playback', speed });
  }

  private step(advanceMs: number): void {
    if (this.stopped || !Number.isFinite(advanceMs) || advanceMs <= 0) return;
    this.advance(Math.min(Math.round(advanceMs), STEP_MAX_MS));
    this.pacer.requestFrame();
  }

  private advance(ms: number): void {
    if (this.stopped) return;
    try {
      if (this.crashNextAdvance) {
        this.crashNextAdvance = false;
        throw new Error('Test crash: the engine threw while time advanced (debug hook).');
      }
      this.cluster!.advance(ms);
    } catch (error) {
      this.fail(error);
    }
  }

  /** A pacer frame: post what changed (big running clusters: every few frames, see BIG_CLUSTER_PODS). */
  private onFrame(): void {
    this.framesSincePatch++;
    const cluster = this.cluster;
    if (cluster && this.pacer.speed > 0 && this.framesSincePatch < BIG_CLUSTER_FRAMES_PER_PATCH && cluster.sim.store.count('Pod') >= this.bigClusterPods) return;
    this.framesSincePatch = 0;
    this.flush();
  }

  private flushSafely(holdStream?: string): void {
    try {
      this.flush(holdStream);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Posts one patch with everything that changed since the last one (nothing if nothing did). */
  private flush(holdStream?: string): void {
    const cluster = this.cluster;
    if (!cluster) return;
    this.postLog(cluster);
    const diff = cluster.sim.takeDiff();
    const fresh = cluster.sim.events.takeFresh();
    const clockMs = cluster.now();
    const toRv = cluster.sim.store.resourceVersion;
    const empty = diff.added.size === 0 && diff.updated.size === 0 && diff.removed.size === 0;
    if (empty && fresh.length === 0 && clockMs === this.sentClockMs && toRv === this.sentRv) {
      this.postStreams(this.streams.poll(holdStream));
      this.lessons.update(cluster, false);
      return;
    }
    const focus = this.focusUid;
    const touched = focus !== null && (diff.added.has(focus) || diff.updated.has(focus) || diff.removed.has(focus) || fresh.some((e) => e.involvedObject.uid === focus));

    const added: ObjectDto[] = [];
    const updated: ObjectDto[] = [];
    const removed: string[] = [];
    const nodesInDiff = new Set<string>();
    const touchedNodes = new Set<string>();
    const notePod = (obj: KubeObject) => {
      const nodeName = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
      if (obj.kind === 'Pod' && nodeName) touchedNodes.add(nodeName);
    };
    for (const obj of diff.added.values()) {
      notePod(obj);
      const dto = this.dto(obj);
      if (dto.dto === 'node') nodesInDiff.add(dto.name);
      added.push(dto);
    }
    for (const [before, after] of diff.updated.values()) {
      notePod(before);
      notePod(after);
      const dto = this.dto(after);
      if (dto.dto === 'node') nodesInDiff.add(dto.name);
      updated.push(dto);
    }
    for (const obj of diff.removed.values()) {
      notePod(obj);
      if (obj.kind === 'Node') {
        this.sentNodes.delete(obj.metadata.name);
        nodesInDiff.add(obj.metadata.name);
      }
      removed.push(obj.metadata.uid!);
    }
    for (const dto of [...added, ...updated]) if (dto.dto === 'node') this.sentNodes.set(dto.name, dto);
    // A pod landing on, leaving or finishing on a node changes that node's requests.
    for (const nodeName of touchedNodes) {
      if (nodesInDiff.has(nodeName)) continue;
      const node = cluster.sim.store.get('Node', undefined, nodeName);
      if (!node) continue;
      const dto = nodeToDto(node, cluster.sim.store.podsOnNode(nodeName));
      const previous = this.sentNodes.get(nodeName);
      if (previous && sameResources(previous.requests, dto.requests) && previous.rv === dto.rv) continue;
      this.sentNodes.set(nodeName, dto);
      updated.push(dto);
    }

    const events = new Map<string, ReturnType<typeof eventToDto>>();
    for (const record of fresh) events.set(record.uid, eventToDto(record));

    this.post({ type: 'patch', clockMs, fromRv: this.sentRv, toRv, diff: { added, updated, removed }, events: [...events.values()] });
    this.sentRv = toRv;
    this.sentClockMs = clockMs;
    this.refreshFocus(touched);
    this.postStreams(this.streams.poll(holdStream));
    this.lessons.update(cluster, !empty || fresh.length > 0);
  }

  /** Log entries the page has not seen yet (advances are left out: the clock carries them). */
  private postLog(cluster: Cluster): void {
    const log = cluster.commandLog();
    if (log.length <= this.sentLogLength) return;
    const entries = withoutAdvances(log.slice(this.sentLogLength));
    this.sentLogLength = log.length;
    if (entries.length > 0) this.post({ type: 'log', entries });
  }

  private postStreams(outputs: readonly StreamOutput[]): void {
    for (const output of outputs) this.post({ type: 'stream', ...output });
  }

  private dto(obj: KubeObject): ObjectDto {
    const cluster = this.cluster!;
    return toDto(obj, cluster.now(), (nodeName) => cluster.sim.store.podsOnNode(nodeName));
  }

  private fail(error: unknown): void {
    this.stopped = true;
    this.pacer.stop();
    this.post({ type: 'fatal', message: errorMessage(error), seed: this.seed });
    this.post({ type: 'playback', speed: 0 });
  }
}

function withoutAdvances(log: readonly LoggedCommand[]): LoggedCommand[] {
  return log.filter((entry) => entry.command.type !== 'advance');
}

function sameResources(a: NodeDto['requests'], b: NodeDto['requests']): boolean {
  return a.cpuMilli === b.cpuMilli && a.memoryBytes === b.memoryBytes && a.pods === b.pods;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
