import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import type { Rng } from '../random/Rng';
import type { Action } from '../sim/actions';
import type { EventRecorder } from '../events/EventRecorder';

/** Live resource use of a pod's containers, as metrics-server would report it. */
export interface PodUsage {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
  readonly containers: readonly { readonly name: string; readonly cpuMilli: number; readonly memoryBytes: number }[];
}

/** Read access to the simulated metrics pipeline (filled by the kubelet, read by HPA and kubectl top). */
export interface MetricsSource {
  podUsage(namespace: string, name: string): PodUsage | undefined;
}

/** What a controller may ask of the simulation that hosts it (see Controller.attach). */
export interface ControllerHost {
  nowMs(): number;
  setMetricsSource(source: MetricsSource): void;
}

export interface ReconcileContext {
  readonly view: StoreView;
  readonly nowMs: number;
  /** This controller's own seeded stream. */
  readonly rng: Rng;
  readonly metrics: MetricsSource;
  readonly events: Pick<EventRecorder, 'list' | 'forObject' | 'spamBucket'>;
}

export interface ReconcileResult {
  readonly actions?: readonly Action[];
  /** Reconcile this key again after this many virtual ms (controller-runtime Result.RequeueAfter). */
  readonly requeueAfterMs?: number;
}

/**
 * A level-based reconciler (controller-runtime pkg/reconcile): it gets a key, reads the current
 * state, and returns the writes that move the world toward the desired state. Handlers only map
 * watch changes to keys; reconcile never sees the change that triggered it.
 */
export interface Controller {
  /** Also the timer target name; unique. */
  readonly name: string;
  /** Keys to reconcile because of a change (e.g. a pod's change → its owner's key). */
  keysFor(change: WatchChange, view: StoreView): readonly string[];
  reconcile(key: string, ctx: ReconcileContext): ReconcileResult;
  /** Keys to reconcile when the simulation starts (e.g. every node for a heartbeat loop). */
  initialKeys?(view: StoreView): readonly string[];
  /** Called once by the Simulation that runs the controller (the kubelet registers itself as the metrics source). */
  attach?(host: ControllerHost): void;
  /**
   * Order for keys whose timers fall due at the same instant (lower first; ties by key). Without it
   * they run in the order the timers were set, which depends on when each was last rescheduled: a
   * controller that skips timers analytically (the kubelet) needs an order that does not.
   */
  timerKeyRank?(key: string): number;
}

export const NO_KEYS: readonly string[] = Object.freeze([]);
export const DONE: ReconcileResult = Object.freeze({});
