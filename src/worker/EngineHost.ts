import { createCluster, type Cluster, type KubeObject } from '../engine/index';
import type { CommandResult, EngineCommand, FromEngine, Speed, ToEngine } from '../protocol/messages';
import { PROTOCOL_VERSION, isSpeed } from '../protocol/messages';
import type { ManifestErrorDto, NodeDto, ObjectDto } from '../protocol/dto';
import { DEFAULT_SCENARIO, DEFAULT_SCENARIO_FILE } from '../protocol/scenarios';
import { Pacer, type WallClock } from './Pacer';
import { engineJsonSchema, eventToDto, nodeToDto, toDto } from './toDto';

type InitMessage = Extract<ToEngine, { type: 'init' }>;
export type Post = (message: FromEngine) => void;

export interface EngineHostOptions {
  /** Wall clock for the pacer; tests pass a fake one. */
  readonly wallClock?: WallClock;
}

/** Events carried in a hello (the newest ones); the rest stay in the engine for kubectl. */
export const HELLO_EVENTS_MAX = 500;
/** The longest single `step` (virtual ms). */
export const STEP_MAX_MS = 60 * 60 * 1000;
/** Messages that arrive before `init` wait for it (bounded). */
const EARLY_QUEUE_MAX = 100;

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

  constructor(
    private readonly post: Post,
    options: EngineHostOptions = {},
  ) {
    this.pacer = new Pacer({ advance: (ms) => this.advance(ms), frame: () => this.flush() }, options.wallClock);
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
        this.hello([]);
        return;
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
    try {
      const cluster = createCluster({ seed, nodes: init.nodes });
      this.cluster = cluster;
      const manifests = init.manifests ?? [{ fileName: DEFAULT_SCENARIO_FILE, text: DEFAULT_SCENARIO }];
      for (const manifest of manifests) {
        const result = cluster.apply(manifest.text, { fileName: manifest.fileName });
        initErrors.push(...result.errors.map((e) => ({ ...e, message: `${manifest.fileName}: ${e.message}` })));
      }
      if (warmup && init.warmupMs && init.warmupMs > 0) cluster.advance(Math.min(init.warmupMs, STEP_MAX_MS));
    } catch (error) {
      this.fail(error);
      return;
    }
    // Speed first, so hello reports it; the first frame runs a timer tick after hello is posted.
    this.pacer.setSpeed(speed);
    this.hello(initErrors);
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
    this.post({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      seed: this.seed,
      clockMs: snapshot.nowMs,
      rv: snapshot.resourceVersion,
      speed: this.pacer.speed as Speed,
      snapshot: { objects, events: snapshot.events.slice(-HELLO_EVENTS_MAX).map(eventToDto) },
      initErrors,
    });
  }

  private command(requestId: string, command: EngineCommand): void {
    let result: CommandResult;
    try {
      if (this.stopped) throw new Error('The simulation stopped after an engine error; reset it to continue.');
      result = this.run(command);
    } catch (error) {
      this.flushSafely();
      this.post({ type: 'ack', requestId, error: errorMessage(error) });
      return;
    }
    this.flushSafely();
    this.post({ type: 'ack', requestId, result });
  }

  private run(command: EngineCommand): CommandResult {
    const cluster = this.cluster!;
    switch (command.type) {
      case 'apply': {
        const result = cluster.apply(command.text, { fileName: command.fileName, mode: command.mode });
        return { type: 'apply', applied: result.applied.map((a) => ({ ...a })), errors: result.errors.map((e) => ({ ...e })), warnings: result.warnings.map((e) => ({ ...e })) };
      }
      case 'kubectl': {
        const result = cluster.kubectl(command.line, { stdin: command.stdin, files: command.files });
        return { type: 'kubectl', stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
      }
      case 'delete': {
        const result = cluster.delete(command.kind, command.name, command.namespace);
        if (result instanceof Error) return { type: 'delete', deleted: false, message: result.message };
        return { type: 'delete', deleted: true, message: `${command.kind.toLowerCase()} "${command.name}" deleted` };
      }
      case 'get':
        return { type: 'get', object: cluster.sim.store.getByUid(command.uid) };
      case 'schema':
        return { type: 'schema', schema: engineJsonSchema() };
    }
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
      this.cluster!.advance(ms);
    } catch (error) {
      this.fail(error);
    }
  }

  private flushSafely(): void {
    try {
      this.flush();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Posts one patch with everything that changed since the last one (nothing if nothing did). */
  private flush(): void {
    const cluster = this.cluster;
    if (!cluster) return;
    const diff = cluster.sim.takeDiff();
    const fresh = cluster.sim.events.takeFresh();
    const clockMs = cluster.now();
    const toRv = cluster.sim.store.resourceVersion;
    const empty = diff.added.size === 0 && diff.updated.size === 0 && diff.removed.size === 0;
    if (empty && fresh.length === 0 && clockMs === this.sentClockMs && toRv === this.sentRv) return;

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

function sameResources(a: NodeDto['requests'], b: NodeDto['requests']): boolean {
  return a.cpuMilli === b.cpuMilli && a.memoryBytes === b.memoryBytes && a.pods === b.pods;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
