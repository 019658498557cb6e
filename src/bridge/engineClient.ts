import type { NodeConfigDto, ManifestDto } from '../protocol/dto';
import type { CommandResultOf, EngineCommand, FromEngine, Speed, ToEngine } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { DEFAULT_SEED } from '../protocol/scenarios';
import type { ResumeDto } from '../protocol/learning';
import { applyFromEngine } from './applyPatch';
import { mirrorLog, setSessionSetup } from './session';

export interface StartOptions {
  readonly seed?: number;
  readonly nodes?: readonly NodeConfigDto[];
  /** Omit for the built-in scenario; [] for an empty cluster. */
  readonly manifests?: readonly ManifestDto[];
  readonly speed?: Speed;
  readonly warmupMs?: number;
  /** A guided scenario (its nodes unless `nodes` is given; no manifests unless given). */
  readonly scenarioId?: string;
  /** Continue a session (share link, saved session, crash recovery). */
  readonly resume?: ResumeDto;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  readonly command: EngineCommand;
  /** performance.now() when sent (the watchdog's clock). */
  readonly sentAt: number;
}

/** A command unanswered this long means the worker is stuck (an endless loop): it is treated as a crash. */
export const ENGINE_TIMEOUT_MS = 30_000;
let watchdog: ReturnType<typeof setInterval> | undefined;

let worker: Worker | undefined;
let seed = DEFAULT_SEED;
let requestCounter = 0;
const pending = new Map<string, Pending>();

/**
 * Starts the engine worker once (a module-level singleton, so React StrictMode's double effects and
 * hot reloads never start a second engine) and sends `init`.
 */
export function startEngine(options: StartOptions = {}): void {
  if (worker) return;
  seed = options.seed ?? DEFAULT_SEED;
  setSessionSetup({ seed, nodes: options.nodes, manifests: options.manifests, scenarioId: options.scenarioId });
  const started = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'podlab-engine' });
  worker = started;
  crashed = false;
  started.onmessage = (event: MessageEvent<FromEngine>) => {
    if (worker === started) receive(event.data);
  };
  started.onerror = (event) => {
    event.preventDefault();
    // An exception escaped the worker: its state can no longer be trusted, so it is stopped where it
    // is (the page keeps the last good state it was sent) and the learner is offered a restart.
    if (worker === started) crash(event.message || 'The engine worker failed to start.');
  };
  started.onmessageerror = () => {
    if (worker === started) crash('A message from the engine could not be read.');
  };
  started.postMessage({
    type: 'init',
    protocolVersion: PROTOCOL_VERSION,
    seed,
    nodes: options.nodes,
    manifests: options.manifests,
    speed: options.speed,
    warmupMs: options.warmupMs,
    scenarioId: options.scenarioId,
    resume: options.resume,
  } satisfies ToEngine);
}

/**
 * Stops the current worker (whatever state it is in) and starts a new one: crash recovery, and
 * sessions that must start from a clean engine. Requests still waiting are rejected.
 */
export function restartEngine(options: StartOptions = {}): void {
  const old = worker;
  worker = undefined;
  old?.terminate();
  for (const waiter of pending.values()) waiter.reject(new Error('The engine was restarted.'));
  pending.clear();
  startEngine(options);
}

/** Replaces the cluster in the running worker (a scenario, an imported session); a new hello follows. */
export function loadCluster(options: StartOptions & { readonly seed: number }): void {
  seed = options.seed;
  setSessionSetup({ seed, nodes: options.nodes, manifests: options.manifests, scenarioId: options.scenarioId });
  send({ type: 'load', seed, nodes: options.nodes, manifests: options.manifests, speed: options.speed, scenarioId: options.scenarioId, resume: options.resume });
}

/** True after the worker crashed (until restartEngine). */
export function engineCrashed(): boolean {
  return crashed;
}

/** Test hook (e2e): makes the worker throw (see ToEngine debug_crash). */
export function debugCrash(when: 'now' | 'next_command' | 'engine'): void {
  send({ type: 'debug_crash', when });
}

/** Fire-and-forget message to the engine (set_speed, step, reset). Dropped while crashed. */
export function send(message: ToEngine): void {
  if (crashed) return;
  if (!worker) throw new Error('engine not started: call startEngine() first');
  worker.postMessage(message);
}

/** Sends a command and resolves with its result (rejects with the engine's error message). */
export function request<C extends EngineCommand>(command: C): Promise<CommandResultOf<C>> {
  const requestId = `r${++requestCounter}`;
  return new Promise<CommandResultOf<C>>((resolve, reject) => {
    if (crashed) {
      reject(new Error('The engine stopped after an error: restart it first.'));
      return;
    }
    pending.set(requestId, { resolve: resolve as (result: unknown) => void, reject, command, sentAt: performance.now() });
    watchdog ??= setInterval(checkWatchdog, 5000);
    try {
      send({ type: 'command', requestId, command });
    } catch (error) {
      pending.delete(requestId);
      reject(error as Error);
    }
  });
}

/**
 * The patch-cost probe (bench/page.ts): wall ms from a patch's onmessage to a task after it, which
 * covers the store update and React's synchronous render. Off unless enabled.
 */
let perf: { patchMs: number[] } | undefined;

export function enablePerfProbe(): void {
  perf = { patchMs: [] };
  (globalThis as { __podlabPerf?: typeof perf }).__podlabPerf = perf;
}

function receive(message: FromEngine): void {
  if (perf && message.type === 'patch') {
    const probe = perf;
    const start = performance.now();
    deliver(message);
    setTimeout(() => {
      if (probe.patchMs.length < 100_000) probe.patchMs.push(performance.now() - start);
    }, 0);
    return;
  }
  deliver(message);
}

function deliver(message: FromEngine): void {
  if (message.type === 'ack') {
    const waiter = pending.get(message.requestId);
    if (!waiter) return;
    pending.delete(message.requestId);
    if (message.error !== undefined || !message.result) waiter.reject(new Error(message.error ?? 'no result'));
    else waiter.resolve(message.result);
    return;
  }
  mirrorLog(message);
  if (applyFromEngine(message) === 'resync') send({ type: 'resync' });
}

let crashed = false;

function checkWatchdog(): void {
  if (crashed || !worker) return;
  const now = performance.now();
  for (const waiter of pending.values()) {
    if (now - waiter.sentAt > ENGINE_TIMEOUT_MS) {
      crash(`The engine stopped responding (no answer for ${ENGINE_TIMEOUT_MS / 1000} s)`);
      return;
    }
  }
}

/** Describes a command for the crash report (which one was running when the worker died). */
export function describeCommand(command: EngineCommand): string {
  switch (command.type) {
    case 'kubectl':
      return `kubectl ${command.line.replace(/^\s*kubectl\s+/, '')}`.slice(0, 200);
    case 'apply':
      return `kubectl apply -f ${command.fileName ?? 'manifest.yaml'}`;
    case 'delete':
      return `kubectl delete ${command.kind.toLowerCase()} ${command.name}`;
    default:
      return command.type;
  }
}

function crash(text: string): void {
  const dead = worker;
  crashed = true;
  dead?.terminate();
  const running = [...pending.values()].map((p) => p.command).filter((c) => c.type === 'kubectl' || c.type === 'apply' || c.type === 'delete');
  failAll(running.length > 0 ? `${text} (while running: ${running.map(describeCommand).join('; ')})` : text);
}

function failAll(text: string): void {
  applyFromEngine({ type: 'fatal', message: text, seed });
  for (const waiter of pending.values()) waiter.reject(new Error(text));
  pending.clear();
}
