import type { KubeObject } from '../api/types';
import { ObjectStore } from '../store/ObjectStore';
import type { ObjectsDiff, WatchChange } from '../store/ObjectsDiff';
import { emptyDiff, squashInto } from '../store/ObjectsDiff';
import { VirtualClock } from '../clock/VirtualClock';
import type { Rng } from '../random/Rng';
import { createRng } from '../random/Rng';
import { EventRecorder } from '../events/EventRecorder';
import type { EventInput, EventRecord } from '../events/EventRecorder';
import type { Controller, MetricsSource, ReconcileContext } from '../controllers/Controller';
import type { Action } from './actions';
import { Writer } from './Writer';
import { ApiError } from '../apiserver/errors';
import { MAX_ADVANCE_MS, MAX_OBJECTS, MAX_RECONCILES_PER_DRAIN } from './limits';

export interface SimulationOptions {
  readonly seed: number;
  readonly controllers: readonly Controller[];
  /** Deep-freeze stored objects so accidental mutation throws (tests). */
  readonly freezeObjects?: boolean;
  /** Run invariant checks after every drain (tests, fuzzing). */
  readonly checkInvariants?: (sim: Simulation) => void;
}

/** A write that failed, kept so the UI and tests can see controllers' rejected actions. */
export interface FailedWrite {
  readonly atMs: number;
  readonly actor: string;
  readonly action: Action;
  readonly error: string;
}

class WorkQueue {
  private keys = new Set<string>();
  /** A set handed back by `release`, reused so a round allocates nothing. */
  private spare: Set<string> | undefined = new Set<string>();
  add(key: string): void {
    this.keys.add(key);
  }
  /** Takes every queued key in insertion order (a key re-added while processing waits for the next round). */
  takeAll(): Set<string> {
    const out = this.keys;
    this.keys = this.spare ?? new Set();
    this.spare = undefined;
    return out;
  }
  /** Returns a set from takeAll once it has been iterated to the end (never one still being read). */
  release(taken: Set<string>): void {
    taken.clear();
    this.spare = taken;
  }
  get size(): number {
    return this.keys.size;
  }
  /** Puts the queued keys in rank order (ties by key). */
  sortBy(rank: (key: string) => number): void {
    // Usually already in order (timers set in rank order): check before building anything.
    let previousRank = -Infinity;
    let previousKey = '';
    let inOrder = true;
    for (const key of this.keys) {
      const r = rank(key);
      if (r < previousRank || (r === previousRank && key < previousKey)) {
        inOrder = false;
        break;
      }
      previousRank = r;
      previousKey = key;
    }
    if (inOrder) return;
    const sorted = [...this.keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    this.keys.clear();
    for (const key of sorted) this.keys.add(key);
  }
}

const noMetrics: MetricsSource = { podUsage: () => undefined };

/**
 * The composition root: one store, one clock, one seeded RNG, one writer, and the controllers in a
 * fixed order. A step pops every timer due at the next instant, turns them into work-queue keys and
 * drains the queues round-robin until quiet. Nothing here reads wall time.
 */
export class Simulation {
  readonly store = new ObjectStore();
  readonly clock = new VirtualClock();
  readonly events = new EventRecorder();
  readonly rng: Rng;
  readonly writer: Writer;
  readonly controllers: readonly Controller[];
  private readonly controllerByName = new Map<string, Controller>();
  private readonly queues = new Map<string, WorkQueue>();
  /** Indexed like `controllers`: the hot loops avoid a Map lookup per controller per round. */
  private readonly queueList: WorkQueue[] = [];
  /** Indexed like `controllers`: each one's timerKeyRank, bound once. */
  private readonly timerKeyRanks: (((key: string) => number) | undefined)[] = [];
  /** One context per controller, reused: only nowMs changes between reconciles. */
  private readonly contexts: { -readonly [K in keyof ReconcileContext]: ReconcileContext[K] }[] = [];
  private readonly fireTimer = (target: string, key: string): void => {
    this.queues.get(target)?.add(key);
  };
  private readonly listeners = new Set<(change: WatchChange) => void>();
  private pendingDiff: ObjectsDiff = emptyDiff();
  private readonly failedWrites: FailedWrite[] = [];
  /** Reconciles left undone when a drain hit its bound; surfaced to the UI as a warning. */
  backlogWarning: string | undefined;
  reconcileCount = 0;

  constructor(private readonly options: SimulationOptions) {
    this.rng = createRng(options.seed);
    this.writer = new Writer(this.store, this.clock, this.rng.fork('apiserver'), (change) => this.onChange(change), options.freezeObjects ?? false);
    this.controllers = options.controllers;
    for (const controller of this.controllers) {
      if (this.controllerByName.has(controller.name)) throw new Error(`duplicate controller ${controller.name}`);
      this.controllerByName.set(controller.name, controller);
      const queue = new WorkQueue();
      this.queues.set(controller.name, queue);
      this.queueList.push(queue);
      this.contexts.push({ view: this.store, nowMs: 0, rng: this.rng.fork('controller:' + controller.name), metrics: noMetrics, events: this.events });
      this.timerKeyRanks.push(controller.timerKeyRank?.bind(controller));
    }
    for (const controller of this.controllers) controller.attach?.(this);
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  controller<T extends Controller>(name: string): T | undefined {
    return this.controllerByName.get(name) as T | undefined;
  }

  setMetricsSource(source: MetricsSource): void {
    for (const ctx of this.contexts) ctx.metrics = source;
  }

  /** Queues every controller's initial keys; call once after seeding the store. */
  start(): void {
    for (const controller of this.controllers) {
      for (const key of controller.initialKeys?.(this.store) ?? []) this.queues.get(controller.name)!.add(key);
    }
    this.drain();
  }

  /** Subscribe to every write (watch); returns an unsubscribe function. */
  watch(listener: (change: WatchChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies one action on behalf of `actor`; API errors are returned, not thrown. */
  write(action: Action, actor: string): KubeObject | ApiError | undefined {
    try {
      switch (action.type) {
        case 'create':
          if (this.store.count(action.object.kind) >= MAX_OBJECTS) {
            throw new ApiError('Forbidden', `exceeded quota: Podlab simulates at most ${MAX_OBJECTS} ${action.object.kind} objects`);
          }
          return this.writer.create(action.object);
        case 'update':
          return this.writer.update(action.object);
        case 'delete':
          return this.writer.delete(action.kind, action.namespace, action.name, action.options);
        case 'event':
          if (action.repeatsAtMs !== undefined) this.events.recordRepeats(action.event, action.repeatsAtMs);
          else this.recordEvent(action.event);
          return undefined;
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.failedWrites.push({ atMs: this.nowMs(), actor, action, error: error.message });
      if (this.failedWrites.length > 1000) this.failedWrites.splice(0, 500);
      return error;
    }
  }

  recordEvent(event: EventInput): EventRecord | undefined {
    return this.events.record(event, this.nowMs());
  }

  recentFailedWrites(): readonly FailedWrite[] {
    return this.failedWrites;
  }

  /** Asks a controller to reconcile a key at a later virtual time. */
  scheduleAt(controllerName: string, key: string, dueMs: number): void {
    this.clock.schedule(controllerName, key, dueMs);
  }

  enqueue(controllerName: string, key: string): void {
    this.queues.get(controllerName)?.add(key);
  }

  /** Runs queued reconciles at the current instant until every queue is empty (bounded). */
  drain(): void {
    let budget = MAX_RECONCILES_PER_DRAIN;
    const controllers = this.controllers;
    for (;;) {
      let didWork = false;
      for (let i = 0; i < controllers.length; i++) {
        const queue = this.queueList[i];
        if (queue.size === 0) continue;
        const keys = queue.takeAll();
        for (const key of keys) {
          if (budget-- <= 0) {
            // Only this key is put back (behind keys queued since); the rest of the round is dropped, as before.
            queue.add(key);
            this.backlogWarning = `The simulation hit its limit of ${MAX_RECONCILES_PER_DRAIN} reconciles in one instant; the rest continues at the next step.`;
            this.options.checkInvariants?.(this);
            return;
          }
          didWork = true;
          this.reconcileOne(controllers[i], i, key);
        }
        queue.release(keys);
      }
      if (!didWork) break;
    }
    this.backlogWarning = undefined;
    this.options.checkInvariants?.(this);
  }

  /** Advances virtual time by `ms`, firing timers in (dueMs, seq) order and draining after each instant. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: duration must be a non-negative number of milliseconds, got ${ms}`);
    this.runUntil(this.nowMs() + Math.min(Math.round(ms), MAX_ADVANCE_MS));
  }

  runUntil(targetMs: number): void {
    this.drain();
    for (;;) {
      const due = this.clock.peekDueMs();
      if (due === undefined || due > targetMs) break;
      this.clock.setNow(due);
      this.clock.forEachDueAt(due, this.fireTimer);
      this.orderTimerKeys();
      this.drain();
    }
    this.clock.setNow(Math.max(this.nowMs(), targetMs));
  }

  /** Same-instant timer keys of a controller with timerKeyRank run in that order, not in the order the timers were set. */
  private orderTimerKeys(): void {
    const ranks = this.timerKeyRanks;
    for (let i = 0; i < ranks.length; i++) {
      const rank = ranks[i];
      const queue = this.queueList[i];
      if (rank !== undefined && queue.size > 1) queue.sortBy(rank);
    }
  }

  /** Takes the net object changes since the last call (for patches to the UI). */
  takeDiff(): ObjectsDiff {
    const diff = this.pendingDiff;
    this.pendingDiff = emptyDiff();
    return diff;
  }

  private reconcileOne(controller: Controller, index: number, key: string): void {
    this.reconcileCount++;
    const ctx = this.contexts[index];
    ctx.nowMs = this.nowMs();
    const result = controller.reconcile(key, ctx);
    const actions = result.actions;
    if (actions !== undefined) for (let i = 0; i < actions.length; i++) this.write(actions[i], controller.name);
    if (result.requeueAfterMs !== undefined) {
      this.clock.schedule(controller.name, key, this.nowMs() + Math.max(0, result.requeueAfterMs));
    }
  }

  private onChange(change: WatchChange): void {
    squashInto(this.pendingDiff, change);
    const controllers = this.controllers;
    for (let i = 0; i < controllers.length; i++) {
      const keys = controllers[i].keysFor(change, this.store);
      if (keys.length === 0) continue;
      const queue = this.queueList[i];
      for (let k = 0; k < keys.length; k++) queue.add(keys[k]);
    }
    for (const listener of this.listeners) listener(change);
  }
}
