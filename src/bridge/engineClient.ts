import type { NodeConfigDto, ManifestDto } from '../protocol/dto';
import type { CommandResultOf, EngineCommand, FromEngine, Speed, ToEngine } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { DEFAULT_SEED } from '../protocol/scenarios';
import { applyFromEngine } from './applyPatch';

export interface StartOptions {
  readonly seed?: number;
  readonly nodes?: readonly NodeConfigDto[];
  /** Omit for the built-in scenario; [] for an empty cluster. */
  readonly manifests?: readonly ManifestDto[];
  readonly speed?: Speed;
  readonly warmupMs?: number;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

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
  worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'podlab-engine' });
  worker.onmessage = (event: MessageEvent<FromEngine>) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(event.message || 'The engine worker failed to start.');
  };
  worker.onmessageerror = () => failAll('A message from the engine could not be read.');
  send({
    type: 'init',
    protocolVersion: PROTOCOL_VERSION,
    seed,
    nodes: options.nodes,
    manifests: options.manifests,
    speed: options.speed,
    warmupMs: options.warmupMs,
  });
}

/** Fire-and-forget message to the engine (set_speed, step, reset). */
export function send(message: ToEngine): void {
  if (!worker) throw new Error('engine not started: call startEngine() first');
  worker.postMessage(message);
}

/** Sends a command and resolves with its result (rejects with the engine's error message). */
export function request<C extends EngineCommand>(command: C): Promise<CommandResultOf<C>> {
  const requestId = `r${++requestCounter}`;
  return new Promise<CommandResultOf<C>>((resolve, reject) => {
    pending.set(requestId, { resolve: resolve as (result: unknown) => void, reject });
    try {
      send({ type: 'command', requestId, command });
    } catch (error) {
      pending.delete(requestId);
      reject(error as Error);
    }
  });
}

function receive(message: FromEngine): void {
  if (message.type === 'ack') {
    const waiter = pending.get(message.requestId);
    if (!waiter) return;
    pending.delete(message.requestId);
    if (message.error !== undefined || !message.result) waiter.reject(new Error(message.error ?? 'no result'));
    else waiter.resolve(message.result);
    return;
  }
  if (applyFromEngine(message) === 'resync') send({ type: 'resync' });
}

function failAll(text: string): void {
  applyFromEngine({ type: 'fatal', message: text, seed });
  for (const waiter of pending.values()) waiter.reject(new Error(text));
  pending.clear();
}
