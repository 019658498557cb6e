/**
 * The kubelets of every node, as one controller keyed by pod uid. For each pod bound to a live node
 * it runs a pod worker like pkg/kubelet/pod_workers.go + kuberuntime_manager.go SyncPod: create the
 * sandbox, pull images, run init containers in order, start containers (with the CrashLoopBackOff
 * back-off of doBackOff), kill containers whose liveness/startup probe failed, stop them gracefully
 * on deletion, and publish the pod status a real kubelet would. Container processes come from the
 * image catalog (program.ts); probes from probes.ts.
 *
 * Cost scales with events: a pod costs work only when something is due (a probe tick, an exit, an
 * OOM crossing, a pull finishing, a resync), and a steady probe costs an increment, not a write.
 */
import type { Container, ContainerStatus, Node, Pod, PodStatus, Typed } from '../api/types';
import { isNodeDown, KUBELET_VERSION } from '../api/node';
import { tryParseQuantity } from '../api/quantity';
import { isoTime } from '../clock/VirtualClock';
import type { Controller, ControllerHost, MetricsSource, PodUsage, ReconcileContext, ReconcileResult } from '../controllers/Controller';
import type { EventInput } from '../events/EventRecorder';
import { imageIdOf, resolveImage, type LogLine, type ResolvedImage } from '../images/catalog';
import { defaultPullPolicy } from '../images/reference';
import { newContainerId } from '../random/ids';
import { createRng, forkSeed, uniformAt, type Rng } from '../random/Rng';
import { fullSpamBucket, spamAccepts, type SpamBucket } from '../events/EventRecorder';
import type { Action } from '../sim/actions';
import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import { deepEqual } from '../util/clone';
import { internAs, internMade } from '../util/intern';
import { goDuration } from '../util/duration';
import { Backoff } from './backoff';
import { formatTimestamp, LogBuffer, type LogVars } from './logs';
import { compileProgramPooled, cpuDemandAt, firstExceed, isPooled, memoryAt, nextChangeAfterMs, programShell, type Program } from './program';
import { containerProbes, internAttempt, PROBE_LABEL, ProbeWorker, runProbe, snapshotFiles, type ProbeAttempt, type ProbeSpec, type WorkerInput } from './probes';
import { getPhase, podConditions, qosClass } from './podStatus';
import { execCommand, type ShellContext } from './shell';
import { exportTimeline, newContainerHistory, recordBackoff, recordBand, recordKill, recordOom, recordProbe, recordRestart, type ContainerHistory, type PodTimeline } from './timeline';

export const KUBELET_NAME = 'kubelet';

/** PLEG relists the runtime every second: a container's start or death reaches the pod worker this late. */
export const PLEG_RELIST_MS = 1_000;
/**
 * Tearing down a pod with nothing left running still takes the pod worker a sync: cancel the
 * pull/create in flight, stop the sandbox, unmount volumes, then the status manager's final
 * update and delete (syncTerminatingPod → syncTerminatedPod). The pod stays Terminating this long.
 */
export const POD_TEARDOWN_MS = 1_500;
/** pod_workers.go backOffPeriod: after a failed sync the worker retries after 10 s × jitter(0.5). */
export const WORKER_BACKOFF_MS = 10_000;
const WORKER_BACKOFF_JITTER = 0.5;
/** metrics-server --metric-resolution. */
export const METRICS_RESOLUTION_MS = 15_000;
/** kuberuntime_container.go minimumGracePeriodInSeconds. */
const MIN_GRACE_MS = 2_000;
const DEFAULT_GRACE_SECONDS = 30;
/** Registry bandwidth and round trip for simulated pulls. */
const PULL_BYTES_PER_SEC = 30_000_000;
const MAX_STEP_ITERATIONS = 10_000;
/** The probe source address seen by containers: the node's bridge on the pod network. */
const PROBE_USER_AGENT = `kube-probe/${KUBELET_VERSION.replace(/^v/, '').split('.').slice(0, 2).join('.')}`;
/** Idle node overhead (kubelet, containerd, kube-proxy) for `kubectl top node`. */
const NODE_SYSTEM_CPU_MILLI = 45;
const NODE_SYSTEM_MEMORY_BYTES = 420 * 1024 * 1024;

type Reason = { reason: string; message: string };

interface Kill {
  readonly requestedMs: number;
  readonly signalAtMs: number;
  readonly deadlineMs: number;
  exitAtMs: number;
  exitCode: number;
  readonly why: 'liveness' | 'startup' | 'delete' | 'spec';
}

interface Instance {
  readonly id: string;
  readonly attempt: number;
  readonly image: string;
  readonly imageId: string;
  readonly startedMs: number;
  readonly program: Program;
  readonly logs: LogBuffer;
  readonly memLimitBytes?: number;
  readonly cpuLimitMilli?: number;
  /** When the process ends by itself (exit or OOM kill). */
  readonly endAtMs?: number;
  readonly endsByOom: boolean;
  /** specKeyOf the container it was started from (interned: identical containers share it). */
  readonly specKey: string;
  kill?: Kill;
  finishedMs?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** `kubectl exec` edits to the files (created on the first edit). */
  fileOverrides?: Map<string, string | null>;
  /** The pod's shell, built on first use (exec, exec probes) as pooled programs carry none. */
  shell?: ShellContext;
  /** Status pieces built once and shared by every status that shows them (statuses are never mutated). */
  view?: InstanceView;
}

type TerminatedState = NonNullable<NonNullable<ContainerStatus['state']>['terminated']>;

interface InstanceView {
  readonly containerID: string;
  running: { readonly running: { readonly startedAt: string } };
  /** `{ terminated }` once the instance has finished (its end never changes after). */
  ended?: { readonly terminated: TerminatedState };
}

interface ContainerRt {
  readonly name: string;
  /** This container as events refer to it (containerRef), and its BackOff message: built once. */
  ref?: EventInput['involvedObject'];
  crashLoopMessage?: string;
  readonly init: boolean;
  readonly sidecar: boolean;
  spec: Container;
  /** specKeyOf(spec), interned. */
  specKey: string;
  current?: Instance;
  previous?: Instance;
  readonly workers: ProbeWorker[];
  readonly startup?: ProbeWorker;
  readonly liveness?: ProbeWorker;
  readonly readiness?: ProbeWorker;
  /** The restart back-off's key (pod uid + container name), built once. */
  backoffKey?: string;
  reason?: Reason;
  readonly timeline: ContainerHistory;
  /** What the last published status said, which is what the probe workers read (status manager cache). */
  seenId?: string;
  seenRunning: boolean;
  seenTerminated: boolean;
  seenStartedMs: number;
  manualReadinessAtMs?: number;
}

type Op =
  | { readonly kind: 'sandbox' }
  | { readonly kind: 'kill'; readonly c: ContainerRt; readonly why: Kill['why']; readonly message: string; readonly graceMs: number }
  | { readonly kind: 'start'; readonly c: ContainerRt; readonly exited?: Instance };

interface RunningOp {
  readonly op: Op;
  doneAtMs: number;
  phase: 'sandbox' | 'pull' | 'kill';
  pull?: { image: ResolvedImage; startedMs: number; waitedMs: number; pullMs: number };
}

interface NodeState {
  readonly images: Set<string>;
  /** When a pull in the queue will have brought an image's layers. */
  readonly imageReadyAtMs: Map<string, number>;
  pullFreeAtMs: number;
  readonly usedIps: Set<number>;
  nextIp: number;
}

interface PodRt {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly nodeName: string;
  readonly addedMs: number;
  readonly containers: ContainerRt[];
  pod: Typed<Pod>;
  /** What log templates read; shared by the pod's instances while it stays the same. */
  logVars?: LogVars;
  podIp?: string;
  ipIndex?: number;
  sandboxMs?: number;
  /** Operations of the sync in flight (NO_OPS when idle: most pods are, and an emptied array keeps its slots). */
  queue: Op[];
  running?: RunningOp;
  syncAtMs?: number;
  syncPending: boolean;
  published?: PodStatus;
  statusDirty: boolean;
  terminal: boolean;
  terminating?: { startedMs: number; deadlineMs: number };
  finalizeAtMs?: number;
  deleteSent: boolean;
  frozen: boolean;
  lastWrittenRv?: string;
  /** The pod object observeSpec last looked at. */
  observed?: Typed<Pod>;
  /** The pod network's gateway, the address probes come from. */
  gateway?: string;
  /** What the last full publish was built from, and the status it left published. */
  publishedFrom?: { readonly inputs: readonly unknown[]; readonly published: PodStatus | undefined };
  /** Probe workers of this pod that are coalesced (wakeMs set). */
  coalesced: number;
  /** The wake-up the clock holds for this pod (earliest requested and not yet fired). */
  pendingDueMs?: number;
  /**
   * The pod worker's own random streams (uniformAt), so what happens to one pod does not depend on
   * the order other pods were handled in: retry jitter (kept apart, as skipped resyncs give draws
   * back) and everything else (sandbox and pull times, container ids).
   */
  readonly jitterSeed: number;
  retryDraws: number;
  /** Both seeds kept as int32 (`| 0`): a small integer, where a uint32 would be a boxed number; uniformAt takes either. */
  readonly drawSeed: number;
  draws: number;
  /** Admission order: pods due at the same instant are handled in it (timerKeyRank). */
  readonly rank: number;
  /**
   * Back-off resyncs skipped ahead of time (ascending): each would only have emitted a BackOff
   * event for `skippedFor` that the spam filter drops. Handed to the recorder when the pod is next
   * reconciled; see skipFilteredResyncs.
   */
  skippedResyncs?: number[];
  skippedFor?: ContainerRt;
  /** This pod as events refer to it (podRef). */
  ref?: EventInput['involvedObject'];
  /** Failing liveness ticks replayed by catchUp whose Unhealthy events are still to be handed to the recorder. */
  skippedUnhealthy?: { readonly c: ContainerRt; readonly message: string; readonly timesMs: number[] };
  /** The Unhealthy message of the failing ticks being coalesced. */
  unhealthyMessage?: string;
}

export interface LogOptions {
  readonly container?: string;
  readonly previous?: boolean;
  readonly tailLines?: number;
  readonly timestamps?: boolean;
  readonly sinceSeconds?: number;
  readonly limitBytes?: number;
}

export type KubeletResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'BadRequest' | 'NotFound'; readonly message: string };

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** What kubectl and the UI may ask the kubelets (logs, exec, top, timelines). */
export interface KubeletApi extends MetricsSource {
  logs(namespace: string, pod: string, options?: LogOptions): KubeletResult<string>;
  exec(namespace: string, pod: string, container: string | undefined, argv: readonly string[]): KubeletResult<ExecResult>;
  nodeUsage(nodeName: string): { cpuMilli: number; memoryBytes: number } | undefined;
  timeline(podUid: string): PodTimeline | undefined;
  /** Image names present on a node (for `describe node`). */
  nodeImages(nodeName: string): string[];
}

class Out {
  readonly actions: Action[] = [];
  /** repeatsAtMs: occurrences that happened before now (skipped resyncs handed over late). */
  event(rt: PodRt, c: ContainerRt | undefined, type: 'Normal' | 'Warning', reason: string, message: string, repeatsAtMs?: readonly number[]): void {
    const event: EventInput = { involvedObject: c ? containerRef(rt, c) : podRef(rt), type, reason, message, source: kubeletSource(rt) };
    this.actions.push(repeatsAtMs === undefined ? { type: 'event', event } : { type: 'event', event, repeatsAtMs });
  }
}

/** Event sources and object references are immutable and shared: events are the kubelet's most frequent output. */
const kubeletSources = new Map<string, EventInput['source']>();

function kubeletSource(rt: PodRt): EventInput['source'] {
  let source = kubeletSources.get(rt.nodeName);
  if (source === undefined) kubeletSources.set(rt.nodeName, (source = Object.freeze({ component: 'kubelet', host: rt.nodeName })));
  return source;
}

function podRef(rt: PodRt): EventInput['involvedObject'] {
  return (rt.ref ??= Object.freeze({ kind: 'Pod', namespace: rt.namespace, name: rt.name, uid: rt.uid, apiVersion: 'v1' }));
}

const fieldPaths = new Map<string, string>();
const MAX_FIELD_PATHS = 10_000;

/** Spelled out, not spread: a spread plus one more key puts that key in a separate property array. */
function containerRef(rt: PodRt, c: ContainerRt): EventInput['involvedObject'] {
  if (c.ref !== undefined) return c.ref;
  const pod = podRef(rt);
  // Shared: every pod of a ReplicaSet has the same container names.
  const path = `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`;
  const fieldPath = internAs(fieldPaths, path, path, MAX_FIELD_PATHS);
  return (c.ref = Object.freeze({ kind: pod.kind, namespace: pod.namespace, name: pod.name, uid: pod.uid, apiVersion: pod.apiVersion, fieldPath }));
}

/** prober.go's Unhealthy event text for a failed or errored attempt. */
function unhealthyMessage(type: ProbeSpec['type'], attempt: ProbeAttempt): string {
  return `${PROBE_LABEL[type]} probe ${attempt.result === 'error' ? 'errored' : 'failed'}: ${attempt.output}`;
}

function crashLoopMessage(rt: PodRt, c: ContainerRt): string {
  return (c.crashLoopMessage ??= `Back-off restarting failed container ${c.name} in pod ${formatPod(rt)}`);
}

function quantityBytes(v: unknown): number | undefined {
  const q = tryParseQuantity(v);
  return q ? q.value() : undefined;
}

function quantityMilli(v: unknown): number | undefined {
  const q = tryParseQuantity(v);
  return q ? q.milliValue() : undefined;
}

/** format.Pod: `name_namespace(uid)`. */
function formatPod(rt: PodRt): string {
  return `${rt.name}_${rt.namespace}(${rt.uid})`;
}

/** One Rng over a pod's draw stream, re-aimed at each use (pods need no Rng object of their own). */
const podStream = {
  rt: undefined as PodRt | undefined,
  next(): number {
    const rt = podStream.rt!;
    return uniformAt(rt.drawSeed, rt.draws++);
  },
};
const podStreamRng: Rng = {
  get seed() {
    return podStream.rt!.drawSeed >>> 0;
  },
  next: () => podStream.next(),
  int: (maxExclusive) => (maxExclusive <= 0 ? 0 : Math.floor(podStream.next() * maxExclusive)),
  range: (min, max) => min + Math.floor(podStream.next() * (max - min + 1)),
  fork: (label) => createRng(forkSeed(podStream.rt!.drawSeed, label)),
};

function podRng(rt: PodRt): Rng {
  podStream.rt = rt;
  return podStreamRng;
}

/** scheduleRetry's time: jitter(10 s, 0.5) after `fromMs`, but never past a known back-off end. */
function retryAtMs(fromMs: number, jitter: number, windowEndMs: number | undefined): number {
  const jittered = fromMs + WORKER_BACKOFF_MS + Math.floor(jitter * WORKER_BACKOFF_JITTER * WORKER_BACKOFF_MS);
  return windowEndMs !== undefined && windowEndMs > fromMs ? Math.min(jittered, windowEndMs) : jittered;
}

function restartPolicy(pod: Pod): string {
  return pod.spec?.restartPolicy ?? 'Always';
}

type RunningInstance = Instance & { finishedMs: undefined };

function isRunning(i: Instance | undefined): i is RunningInstance {
  return i !== undefined && i.finishedMs === undefined;
}

function viewOf(i: Instance): InstanceView {
  return (i.view ??= { containerID: `containerd://${i.id}`, running: { running: { startedAt: isoTime(i.startedMs) } } });
}

/** `{ terminated }` for a finished instance (callers only ask once it has finished). */
function endedOf(i: Instance): { readonly terminated: TerminatedState } {
  const view = viewOf(i);
  if (view.ended) return view.ended;
  const t: TerminatedState = { exitCode: i.exitCode ?? 0, reason: i.reason, startedAt: view.running.running.startedAt, finishedAt: isoTime(i.finishedMs ?? i.startedMs), containerID: view.containerID };
  if (i.message) t.message = i.message;
  const ended = { terminated: t };
  if (i.finishedMs !== undefined) view.ended = ended;
  return ended;
}

/**
 * Points the instances' status pieces at the equal ones of the store's copy of our status, so the
 * kubelet keeps no copy of its own (store objects are never mutated; neither are these pieces).
 */
function adoptViews(rt: PodRt, status: PodStatus): void {
  for (const list of [status.initContainerStatuses, status.containerStatuses]) {
    if (list === undefined) continue;
    for (const s of list) {
      const c = containerNamed(rt, s.name);
      if (c === undefined) continue;
      for (const inst of [c.current, c.previous]) {
        const view = inst?.view;
        if (view === undefined) continue;
        const state = s.state, last = s.lastState;
        if (state?.running && s.containerID === view.containerID && state.running.startedAt === view.running.running.startedAt) view.running = state as InstanceView['running'];
        if (view.ended === undefined) continue;
        if (state?.terminated?.containerID === view.containerID && deepEqual(state, view.ended)) view.ended = state as NonNullable<InstanceView['ended']>;
        else if (last?.terminated?.containerID === view.containerID && deepEqual(last, view.ended)) view.ended = last as NonNullable<InstanceView['ended']>;
      }
    }
  }
}

// Loops, not find(): these run on every status build and would allocate a closure each time.
function containerNamed(rt: PodRt, name: string): ContainerRt | undefined {
  for (const c of rt.containers) if (c.name === name) return c;
  return undefined;
}

function statusNamed(list: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  for (const s of list) if (s.name === name) return s;
  return undefined;
}

/** Keeps the reason object when nothing changed (a status input compared by identity). */
function setReason(c: ContainerRt, reason: string, message: string): void {
  if (c.reason?.reason !== reason || c.reason.message !== message) c.reason = { reason, message };
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const workerPids = new Map<number, readonly number[]>();

/** nginx starts one worker per CPU, pids from 29 (shared between containers: read-only). */
function nginxWorkerPids(cpus: number): readonly number[] {
  let pids = workerPids.get(cpus);
  if (!pids) workerPids.set(cpus, (pids = Array.from({ length: cpus }, (_, i) => 29 + i)));
  return pids;
}

const specKeys = new Map<string, string>();
const MAX_SPEC_KEYS = 10_000;

/** What a running container must match to be kept (else it is killed and recreated); interned. */
function specKeyOf(c: Container): string {
  const key = JSON.stringify([c.image, c.command ?? null, c.args ?? null, c.env ?? null, c.ports ?? null]);
  return internAs(specKeys, key, key, MAX_SPEC_KEYS);
}

const NO_OPS: Op[] = [];
const MAX_PROBE_SPEC_SETS = 1_000;

const requestLogs = new WeakMap<object, readonly LogLine[] | null>();

/** The server's access-log templates (request, then error lines), or undefined when it logs no requests; shared per image. */
function requestLogOf(program: Program): readonly LogLine[] | undefined {
  const spec = program.server?.spec;
  if (!spec) return undefined;
  let lines = requestLogs.get(spec);
  if (lines === undefined) requestLogs.set(spec, (lines = spec.logs.request ? [...spec.logs.request, ...(spec.logs.requestError ?? [])] : null));
  return lines ?? undefined;
}

export class Kubelet implements Controller, KubeletApi {
  /** Tests switch probe coalescing off to check that it changes nothing observable. */
  static probeCoalescing = true;
  /** Likewise for skipping back-off resyncs whose only effect is a filtered BackOff event. */
  static resyncSkipping = true;
  private admitted = 0;
  /** Set by the back-off branch of beginStart during a sync: the container and the end of its window. */
  private backoffIn: { c: ContainerRt; windowEndMs: number } | undefined;
  readonly name = KUBELET_NAME;
  /** Probe ticks run or replayed so far (coalesced ticks count once replayed; see probeTickCount). */
  private probeTicksDone = 0;
  private readonly pods = new Map<string, PodRt>();
  private readonly byName = new Map<string, string>();
  private readonly nodes = new Map<string, NodeState>();
  private readonly backoff = new Backoff();
  /** pkg/kubelet/images: the same numbers, expiring after 2 × the cap (flowcontrol's default). */
  private readonly imageBackoff = new Backoff(10_000, 300_000, 600_000);
  private readonly hostIps = new Map<string, string>();
  private readonly probeSpecs = new Map<string, readonly ProbeSpec[]>();
  /** The node object observeNode last read, per node (nodes change rarely; pods reconcile often). */
  private readonly observedNodes = new Map<string, Typed<Node>>();
  /** Compiled programs shared between identical containers (immutable). */
  private readonly programs = new Map<string, Program | null>();
  private host?: ControllerHost;
  private lastNowMs = 0;

  attach(host: ControllerHost): void {
    this.host = host;
    host.setMetricsSource(this);
  }

  private now(): number {
    return this.host?.nowMs() ?? this.lastNowMs;
  }

  keysFor(change: WatchChange, view: StoreView): readonly string[] {
    const obj = change.object;
    if (obj.kind === 'Pod') {
      const pod = obj as Typed<Pod>;
      const uid = pod.metadata.uid;
      if (!uid) return [];
      const rt = this.pods.get(uid);
      if (change.type === 'deleted') return rt ? [uid] : [];
      if (!pod.spec?.nodeName) return [];
      // Our own status writes need no reconcile. The store now holds a copy of what we published: keep that one only.
      if (rt && change.type === 'modified' && pod.metadata.resourceVersion === rt.lastWrittenRv) {
        if (pod.status !== undefined && rt.published !== pod.status && deepEqual(pod.status, rt.published)) {
          rt.published = pod.status;
          rt.publishedFrom = undefined;
          adoptViews(rt, pod.status);
        }
        // The next reconcile would pick up this version anyway; holding it now lets the previous one go.
        if (rt.observed === rt.pod) rt.observed = pod;
        rt.pod = pod;
        return [];
      }
      return [uid];
    }
    if (obj.kind === 'Node' && change.type !== 'deleted') {
      // A node that appears or comes back: its kubelet picks up the pods bound to it.
      const was = change.type === 'added' || isNodeDown(change.old as Typed<Node> | undefined);
      const is = isNodeDown(obj as Typed<Node>);
      if (was && !is) return view.podsOnNode(obj.metadata.name).map((p) => p.metadata.uid!).filter(Boolean);
      // A pod with coalesced probes or skipped resyncs has no timer that would notice the failure: wake it to stop replaying.
      if (!was && is) return this.coalescedPodsOn(obj.metadata.name, view);
    } else if (obj.kind === 'Node') {
      return this.coalescedPodsOn(obj.metadata.name, view);
    }
    return [];
  }

  private coalescedPodsOn(nodeName: string, view: StoreView): string[] {
    const uids: string[] = [];
    for (const p of view.podsOnNode(nodeName)) {
      const uid = p.metadata.uid;
      const rt = uid === undefined ? undefined : this.pods.get(uid);
      if (rt !== undefined && (rt.coalesced > 0 || rt.skippedResyncs !== undefined)) uids.push(rt.uid);
    }
    return uids;
  }

  timerKeyRank(uid: string): number {
    return this.pods.get(uid)?.rank ?? Number.MAX_SAFE_INTEGER;
  }

  reconcile(uid: string, ctx: ReconcileContext): ReconcileResult {
    this.lastNowMs = ctx.nowMs;
    const obj = ctx.view.getByUid(uid);
    const rt = this.pods.get(uid);
    // Our own timer fired (the clock keeps the earliest wake-up per key, as mirrored in pendingDueMs).
    const timerFired = rt?.pendingDueMs !== undefined && rt.pendingDueMs <= ctx.nowMs;
    // Without skipping or coalescing, what was due now would run in this very reconcile when our
    // timer fired, and in an earlier one when something else woke the pod (commands come after timers).
    const caughtUpToMs = timerFired ? ctx.nowMs - 1 : ctx.nowMs;
    const out = new Out();
    const hadSkippedResyncs = rt?.skippedResyncs !== undefined;
    if (hadSkippedResyncs) this.handOverSkippedResyncs(rt!, caughtUpToMs, out);
    const wasCoalesced = rt !== undefined && rt.coalesced > 0;
    if (wasCoalesced) {
      this.catchUp(rt, caughtUpToMs);
      this.uncoalesce(rt);
    }
    if (rt?.skippedUnhealthy !== undefined) {
      // Replayed failing ticks (here or by an earlier read): their events, with their own times.
      const { c, message, timesMs } = rt.skippedUnhealthy;
      rt.skippedUnhealthy = undefined;
      out.event(rt, c, 'Warning', 'Unhealthy', message, timesMs);
    }
    if (!obj || obj.kind !== 'Pod') {
      if (rt) this.forget(rt);
      return { actions: out.actions };
    }
    const pod = obj as Typed<Pod>;
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return { actions: out.actions };
    const node = ctx.view.get<Node>('Node', undefined, nodeName);
    if (rt && timerFired) rt.pendingDueMs = undefined;
    if (rt && (wasCoalesced || hadSkippedResyncs) && (!node || isNodeDown(node)) && !timerFired) {
      // Tick on as before so the next tick or resync notices the failure as it would have.
      return this.requeue(rt, ctx.nowMs, out.actions);
    }
    if (!node) return { actions: out.actions };
    if (isNodeDown(node)) {
      if (rt) rt.frozen = true;
      return { actions: out.actions };
    }
    this.observeNode(node);
    const state = rt ?? this.admit(pod, node, ctx);
    state.pod = pod;
    if (state.frozen) this.resume(state, ctx.nowMs);
    this.step(state, node, ctx, out);
    if (state.statusDirty && !state.deleteSent) this.writeStatus(state, pod, out, ctx.view);
    if (Kubelet.probeCoalescing) this.coalesce(state, ctx, out);
    return this.requeue(state, ctx.nowMs, out.actions);
  }

  private requeue(rt: PodRt, nowMs: number, actions: Action[] | undefined): ReconcileResult {
    const next = this.nextDue(rt);
    if (next === undefined) return { actions };
    const dueMs = Math.max(Math.ceil(next), nowMs);
    if (rt.pendingDueMs === undefined || dueMs < rt.pendingDueMs) rt.pendingDueMs = dueMs;
    return { actions, requeueAfterMs: Math.max(0, next - nowMs) };
  }

  // ---------------------------------------------------------------------------------------------
  // Admission and bookkeeping.
  // ---------------------------------------------------------------------------------------------

  private admit(pod: Typed<Pod>, node: Typed<Node>, ctx: ReconcileContext): PodRt {
    const uid = pod.metadata.uid!;
    const containers: ContainerRt[] = [];
    const memLimit = (c: Container) => quantityBytes(c.resources?.limits?.memory);
    const cpuLimit = (c: Container) => quantityMilli(c.resources?.limits?.cpu);
    for (const [list, init] of [[pod.spec?.initContainers ?? [], true], [pod.spec?.containers ?? [], false]] as const) {
      for (const c of list) {
        const workers = this.probeSpecsOf(c).map((spec) => new ProbeWorker(spec, ctx.nowMs));
        containers.push({
          name: c.name,
          init,
          sidecar: init && c.restartPolicy === 'Always',
          spec: c,
          specKey: specKeyOf(c),
          workers,
          startup: workers.find((w) => w.spec.type === 'startup'),
          liveness: workers.find((w) => w.spec.type === 'liveness'),
          readiness: workers.find((w) => w.spec.type === 'readiness'),
          timeline: newContainerHistory({ memoryBytes: memLimit(c), cpuMilli: cpuLimit(c) }),
          seenId: undefined,
          seenRunning: false,
          seenTerminated: false,
          seenStartedMs: 0,
          // Set for nearly every container: in the literal, not in a separate slack-padded property array.
          ref: undefined,
          current: undefined,
          reason: undefined,
          manualReadinessAtMs: undefined,
        });
      }
    }
    const rt: PodRt = {
      uid, namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, nodeName: node.metadata.name,
      addedMs: ctx.nowMs, containers: containers.slice(), pod, queue: NO_OPS, syncPending: false, statusDirty: false, terminal: false, deleteSent: false, frozen: false, coalesced: 0,
      jitterSeed: forkSeed(ctx.rng.seed, 'pod-worker-retry:' + uid) | 0, retryDraws: 0, drawSeed: forkSeed(ctx.rng.seed, 'pod-worker:' + uid) | 0, draws: 0, rank: this.admitted++,
      // Set for nearly every pod: in the literal, not in a separate slack-padded property array.
      logVars: undefined, podIp: undefined, ipIndex: undefined, sandboxMs: undefined, running: undefined, syncAtMs: undefined, published: undefined,
      lastWrittenRv: undefined, observed: undefined, gateway: undefined, publishedFrom: undefined, pendingDueMs: undefined, ref: undefined,
    };
    this.pods.set(uid, rt);
    this.byName.set(`${rt.namespace}/${rt.name}`, uid);
    this.requestSync(rt, ctx.nowMs);
    return rt;
  }

  /** Probe specs are plain immutable data: identical containers (a ReplicaSet's pods) share them. */
  private probeSpecsOf(c: Container): readonly ProbeSpec[] {
    if (!c.startupProbe && !c.livenessProbe && !c.readinessProbe) return [];
    const key = JSON.stringify([c.startupProbe ?? null, c.livenessProbe ?? null, c.readinessProbe ?? null, c.ports ?? null]);
    return internMade(this.probeSpecs, key, () => containerProbes(c), MAX_PROBE_SPEC_SETS);
  }

  private forget(rt: PodRt): void {
    this.pods.delete(rt.uid);
    if (this.byName.get(`${rt.namespace}/${rt.name}`) === rt.uid) this.byName.delete(`${rt.namespace}/${rt.name}`);
    if (rt.ipIndex !== undefined) this.nodes.get(rt.nodeName)?.usedIps.delete(rt.ipIndex);
    this.backoff.deletePrefix(rt.uid + '/');
    this.imageBackoff.deletePrefix(rt.uid + '_');
  }

  private nodeState(name: string): NodeState {
    let n = this.nodes.get(name);
    if (!n) this.nodes.set(name, (n = { images: new Set(), imageReadyAtMs: new Map(), pullFreeAtMs: 0, usedIps: new Set(), nextIp: 2 }));
    return n;
  }

  /** The kubelet comes back after its node failed: processes kept running; probes restart with jitter (worker.go). */
  private resume(rt: PodRt, nowMs: number): void {
    rt.frozen = false;
    for (const c of rt.containers) for (const w of c.workers) if (w.nextTickMs < nowMs) w.nextTickMs = nowMs + Math.floor(((nowMs ^ w.periodMs) % 997) / 997 * w.periodMs);
    this.requestSync(rt, nowMs);
  }

  private requestSync(rt: PodRt, atMs: number): void {
    // Anything that asks for a sync makes the skipped resyncs still ahead live again.
    if (rt.skippedResyncs !== undefined) this.handOverSkippedResyncs(rt, -Infinity, undefined);
    if (rt.syncAtMs === undefined || atMs < rt.syncAtMs) rt.syncAtMs = atMs;
  }

  // ---------------------------------------------------------------------------------------------
  // The event loop of one pod.
  // ---------------------------------------------------------------------------------------------

  /** The earliest moment something is due for this pod (hot path: no allocation). */
  private nextDue(rt: PodRt): number | undefined {
    if (rt.deleteSent) return undefined;
    let due = Infinity;
    if (rt.running && rt.running.doneAtMs < due) due = rt.running.doneAtMs;
    if (rt.syncAtMs !== undefined && rt.syncAtMs < due) due = rt.syncAtMs;
    if (rt.finalizeAtMs !== undefined && rt.finalizeAtMs < due) due = rt.finalizeAtMs;
    for (const c of rt.containers) {
      const i = c.current;
      if (i !== undefined && i.finishedMs === undefined) {
        if (i.endAtMs !== undefined && i.endAtMs < due) due = i.endAtMs;
        if (i.kill !== undefined && i.kill.exitAtMs < due) due = i.kill.exitAtMs;
      }
      if (rt.terminal || c.seenId === undefined) continue;
      if (c.manualReadinessAtMs !== undefined && c.manualReadinessAtMs < due) due = c.manualReadinessAtMs;
      for (const w of c.workers) {
        if (w.stopped) continue;
        const at = w.wakeMs ?? w.nextTickMs;
        if (at < due) due = at;
      }
    }
    return due === Infinity ? undefined : due;
  }

  private step(rt: PodRt, node: Typed<Node>, ctx: ReconcileContext, out: Out): void {
    const now = ctx.nowMs;
    this.observeSpec(rt, now, out);
    for (let i = 0; i < MAX_STEP_ITERATIONS; i++) {
      if (rt.deleteSent) return;
      // Process exits and kills first, then the worker's own operation, then probes, then syncs.
      let acted = false;
      for (const c of rt.containers) {
        const inst = c.current;
        if (!isRunning(inst)) continue;
        const killAt = inst.kill?.exitAtMs;
        const endAt = inst.endAtMs;
        if (killAt !== undefined && killAt <= now && (endAt === undefined || killAt <= endAt)) {
          this.finishInstance(rt, c, inst, killAt, inst.kill!.exitCode, inst.kill!.exitCode === 0 ? 'Completed' : 'Error', out);
          acted = true;
        } else if (endAt !== undefined && endAt <= now) {
          if (inst.endsByOom) this.finishInstance(rt, c, inst, endAt, 137, 'OOMKilled', out);
          else this.finishInstance(rt, c, inst, endAt, inst.program.exitCode, inst.program.exitCode === 0 ? 'Completed' : 'Error', out);
          acted = true;
        }
      }
      if (acted) continue;
      if (rt.running && rt.running.doneAtMs <= now) {
        this.completeOp(rt, node, ctx, out);
        continue;
      }
      if (rt.finalizeAtMs !== undefined && rt.finalizeAtMs <= now) {
        this.finalize(rt, now, out);
        return;
      }
      if (!rt.terminal && this.runDueProbes(rt, now, out)) continue;
      if (rt.syncAtMs !== undefined && rt.syncAtMs <= now) {
        this.sync(rt, node, ctx, out);
        continue;
      }
      break;
    }
  }

  /** Reacts to what changed in the pod object: deletion, a shorter grace period, a new container image. */
  private observeSpec(rt: PodRt, now: number, out: Out): void {
    const pod = rt.pod;
    // Only a new version of the pod object can carry a change (probe ticks reconcile the same object).
    if (rt.observed === pod) return;
    rt.observed = pod;
    if (pod.metadata.deletionTimestamp) {
      const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
      if (!rt.terminating) {
        rt.terminating = { startedMs: now, deadlineMs: now + graceMs };
        // The pod worker cancels the sync in flight (a pull, a start); kills already under way go on.
        rt.queue = NO_OPS;
        if (rt.running && rt.running.phase !== 'kill') rt.running = undefined;
        rt.syncPending = false;
        this.requestSync(rt, now);
      } else if (now + graceMs < rt.terminating.deadlineMs) {
        rt.terminating.deadlineMs = now + graceMs;
        for (const c of rt.containers) {
          const k = c.current?.kill;
          if (k && isRunning(c.current) && k.exitAtMs > rt.terminating.deadlineMs) {
            k.exitAtMs = Math.max(now, rt.terminating.deadlineMs);
            k.exitCode = 137;
          }
        }
      }
      return;
    }
    if (rt.terminal) return;
    for (const c of rt.containers) {
      const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((x) => x.name === c.name);
      if (!spec) continue;
      if (c.spec !== spec) {
        c.spec = spec;
        c.specKey = specKeyOf(spec);
      }
      const inst = c.current;
      if (isRunning(inst) && !inst.kill && inst.specKey !== c.specKey && !c.init) {
        this.requestSync(rt, now);
      }
    }
    void out;
  }

  // ---------------------------------------------------------------------------------------------
  // Syncs (SyncPod): publish the status, then decide kills and starts.
  // ---------------------------------------------------------------------------------------------

  private sync(rt: PodRt, node: Typed<Node>, ctx: ReconcileContext, out: Out): void {
    const now = ctx.nowMs;
    rt.syncAtMs = undefined;
    if (rt.running || rt.queue.length > 0) {
      rt.syncPending = true;
      return;
    }
    this.publish(rt, now);
    if (rt.terminating) {
      this.terminate(rt, now, out);
      return;
    }
    if (rt.terminal) return;
    const policy = restartPolicy(rt.pod);
    const ops: Op[] = [];
    if (rt.podIp === undefined) ops.push({ kind: 'sandbox' });
    // Created on the first kill: most syncs (back-off resyncs) kill nothing.
    let killedForRestart: Set<ContainerRt> | undefined;
    for (const c of rt.containers) {
      const inst = c.current;
      if (!isRunning(inst) || inst.kill) continue;
      const liveness = c.liveness;
      const startup = c.startup;
      let why: Kill['why'] | undefined;
      let message = '';
      let restart = policy !== 'Never';
      if (!c.init && inst.specKey !== c.specKey) {
        why = 'spec';
        message = `Container ${c.name} definition changed`;
        restart = true;
      } else if (liveness && liveness.containerId === inst.id && liveness.result === 'failure') {
        why = 'liveness';
        message = `Container ${c.name} failed liveness probe`;
      } else if (startup && startup.containerId === inst.id && startup.result === 'failure') {
        why = 'startup';
        message = `Container ${c.name} failed startup probe`;
      }
      if (!why) continue;
      if (restart) {
        message += ', will be restarted';
        (killedForRestart ??= new Set()).add(c);
      }
      const probeGrace = why === 'liveness' ? liveness?.spec.terminationGracePeriodSeconds : why === 'startup' ? startup?.spec.terminationGracePeriodSeconds : undefined;
      const graceSeconds = probeGrace ?? rt.pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
      ops.push({ kind: 'kill', c, why, message, graceMs: graceSeconds * 1000 });
    }
    for (const c of this.containersToStart(rt, killedForRestart)) {
      // doBackOff looks at the newest exited instance as the sync saw it (before this sync's kills).
      const exited = killedForRestart?.has(c) ? c.previous : c.current && !isRunning(c.current) ? c.current : c.previous;
      ops.push({ kind: 'start', c, exited });
    }
    // runQueue consumes ops (it is the queue): note now whether this sync's only work is one start.
    const onlyStart = ops.length === 1 && ops[0].kind === 'start' ? ops[0].c : undefined;
    rt.queue = ops.length > 0 ? ops : NO_OPS;
    this.backoffIn = undefined;
    this.runQueue(rt, node, ctx, out);
    const backoff = this.takeBackoffIn();
    if (backoff !== undefined && Kubelet.resyncSkipping && onlyStart === backoff.c && !rt.running && rt.queue.length === 0 && !rt.syncPending) {
      this.skipFilteredResyncs(rt, backoff.c, backoff.windowEndMs, ctx, out);
    }
  }

  /** computePodActions: init containers one at a time, then every regular container that should (re)start. */
  private containersToStart(rt: PodRt, killedForRestart: ReadonlySet<ContainerRt> | undefined): ContainerRt[] {
    const policy = restartPolicy(rt.pod);
    const starts: ContainerRt[] = [];
    for (const c of rt.containers) {
      if (!c.init) continue;
      const inst = c.current;
      if (c.sidecar) {
        if (!inst || !isRunning(inst)) {
          starts.push(c);
          return starts;
        }
        if (!this.isStarted(c)) return starts;
        continue;
      }
      if (inst && !isRunning(inst) && inst.exitCode === 0) continue;
      if (!inst) starts.push(c);
      else if (!isRunning(inst) && policy !== 'Never') starts.push(c);
      return starts;
    }
    for (const c of rt.containers) {
      if (c.init) continue;
      const inst = c.current;
      if (killedForRestart?.has(c)) starts.push(c);
      else if (!inst) starts.push(c);
      else if (!isRunning(inst) && shouldRestart(policy, inst.exitCode ?? 0)) starts.push(c);
    }
    return starts;
  }

  private runQueue(rt: PodRt, node: Typed<Node>, ctx: ReconcileContext, out: Out): void {
    const now = ctx.nowMs;
    while (!rt.running && rt.queue.length > 0) {
      const op = rt.queue.shift()!;
      if (rt.queue.length === 0) rt.queue = NO_OPS;
      this.beginOp(rt, op, node, ctx, out);
    }
    if (!rt.running && rt.queue.length === 0 && rt.syncPending) {
      // The deferred sync waits for a runtime cache newer than the last one (the next PLEG relist).
      rt.syncPending = false;
      this.requestSync(rt, now + PLEG_RELIST_MS);
    }
  }

  private beginOp(rt: PodRt, op: Op, node: Typed<Node>, ctx: ReconcileContext, out: Out): void {
    const now = ctx.nowMs;
    switch (op.kind) {
      case 'sandbox':
        rt.running = { op, doneAtMs: now + podRng(rt).range(400, 1200), phase: 'sandbox' };
        return;
      case 'kill': {
        const inst = op.c.current;
        if (!isRunning(inst) || inst.kill) return;
        this.beginKill(rt, op.c, inst, now, op.graceMs, op.why, op.message, out);
        rt.running = { op, doneAtMs: inst.kill!.exitAtMs, phase: 'kill' };
        return;
      }
      case 'start':
        this.beginStart(rt, op.c, op.exited, node, ctx, out, op);
        return;
    }
  }

  private completeOp(rt: PodRt, node: Typed<Node>, ctx: ReconcileContext, out: Out): void {
    const running = rt.running!;
    const now = ctx.nowMs;
    rt.running = undefined;
    if (running.phase === 'sandbox') {
      const ns = this.nodeState(rt.nodeName);
      const cidr = (node.spec?.podCIDR ?? '10.244.0.0/24').split('/')[0].split('.');
      for (let tries = 0; tries < 253; tries++) {
        const candidate = ns.nextIp;
        ns.nextIp = ns.nextIp >= 254 ? 2 : ns.nextIp + 1;
        if (!ns.usedIps.has(candidate)) {
          ns.usedIps.add(candidate);
          rt.ipIndex = candidate;
          break;
        }
      }
      rt.podIp = `${cidr[0]}.${cidr[1]}.${cidr[2]}.${rt.ipIndex ?? 254}`;
      rt.sandboxMs = now;
      this.requestSync(rt, now + PLEG_RELIST_MS);
    } else if (running.phase === 'pull' && running.op.kind === 'start') {
      this.finishPull(rt, running.op.c, running.pull!, ctx, out);
    }
    // A kill completes when the instance exits (handled by the exit path); then the queue moves on.
    this.runQueue(rt, node, ctx, out);
  }

  // ---------------------------------------------------------------------------------------------
  // Starting a container: back-off, image, create, start.
  // ---------------------------------------------------------------------------------------------

  private beginStart(rt: PodRt, c: ContainerRt, exited: Instance | undefined, node: Typed<Node>, ctx: ReconcileContext, out: Out, op: Op): void {
    const now = ctx.nowMs;
    if (rt.terminating || rt.terminal) return;
    if (exited && exited.finishedMs !== undefined) {
      // kuberuntime_manager.go doBackOff. Only restarts need the key: most containers never restart.
      const key = (c.backoffKey ??= `${rt.uid}/${c.name}`);
      if (this.backoff.isInBackOffSince(key, exited.finishedMs, now)) {
        const delay = this.backoff.get(key);
        out.event(rt, c, 'Warning', 'BackOff', crashLoopMessage(rt, c));
        setReason(c, 'CrashLoopBackOff', `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${formatPod(rt)}`);
        // The next sync measures from the newest exit (a container killed in this very sync), so that is the window that will be waited out.
        const newestExit = Math.max(exited.finishedMs, c.current?.finishedMs ?? 0);
        recordBackoff(c.timeline, newestExit, delay);
        this.scheduleRetry(rt, now, newestExit + delay);
        this.backoffIn = { c, windowEndMs: newestExit + delay };
        return;
      }
      this.backoff.next(key, exited.finishedMs, now);
    }
    const image = resolveImage(c.spec.image ?? '');
    const ns = this.nodeState(rt.nodeName);
    if (!image.pull.ok && image.pull.kind === 'invalid') {
      out.event(rt, c, 'Warning', 'InspectFailed', `Failed to apply default image tag "${c.spec.image ?? ''}": ${image.pull.message}`);
      setReason(c, 'InvalidImageName', `Failed to apply default image tag "${c.spec.image ?? ''}": ${image.pull.message}`);
      this.scheduleRetry(rt, now, undefined);
      return;
    }
    const normalized = image.ref!.normalized;
    const present = ns.images.has(normalized);
    const policy = c.spec.imagePullPolicy ?? defaultPullPolicy(c.spec.image ?? '');
    const shouldPull = policy === 'Always' || (policy === 'IfNotPresent' && !present);
    if (!shouldPull) {
      if (!present) {
        const msg = `Container image "${c.spec.image}" is not present with pull policy of Never`;
        out.event(rt, c, 'Warning', 'ErrImageNeverPull', msg);
        setReason(c, 'ErrImageNeverPull', msg);
        this.scheduleRetry(rt, now, undefined);
        return;
      }
      out.event(rt, c, 'Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine and can be accessed by the pod`);
      this.createContainer(rt, c, image, ctx, out);
      return;
    }
    const backOffKey = `${rt.uid}_${c.spec.image}`;
    if (this.imageBackoff.isInBackOffSinceUpdate(backOffKey, now)) {
      out.event(rt, c, 'Normal', 'BackOff', `Back-off pulling image "${c.spec.image}"`);
      out.event(rt, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      const prev = c.reason?.reason === 'ErrImagePull' || c.reason?.reason === 'ImagePullBackOff' ? c.reason.message.replace(/^Back-off pulling image "[^"]*": ErrImagePull: /, '') : '';
      setReason(c, 'ImagePullBackOff', `Back-off pulling image "${c.spec.image}": ErrImagePull: ${prev}`);
      this.scheduleRetry(rt, now, (this.imageBackoff.lastUpdate(backOffKey) ?? now) + this.imageBackoff.get(backOffKey));
      return;
    }
    out.event(rt, c, 'Normal', 'Pulling', `Pulling image "${c.spec.image}"`);
    // serializeImagePulls: one pull at a time per node. A pull queued behind one of the same image
    // finds its layers there and only resolves the manifest.
    const startAt = Math.max(now, ns.pullFreeAtMs);
    const latencyMs = podRng(rt).range(250, 1100);
    const layersThere = present || (ns.imageReadyAtMs.get(normalized) ?? Infinity) <= startAt;
    const transferMs = image.pull.ok && !layersThere ? Math.round((image.pull.sizeBytes / PULL_BYTES_PER_SEC) * 1000) : 0;
    const pullMs = image.pull.ok ? latencyMs + transferMs : latencyMs;
    ns.pullFreeAtMs = startAt + pullMs;
    if (image.pull.ok && !ns.imageReadyAtMs.has(normalized)) ns.imageReadyAtMs.set(normalized, startAt + pullMs);
    rt.running = { op, doneAtMs: startAt + pullMs, phase: 'pull', pull: { image, startedMs: now, waitedMs: startAt - now, pullMs } };
  }

  private finishPull(rt: PodRt, c: ContainerRt, pull: NonNullable<RunningOp['pull']>, ctx: ReconcileContext, out: Out): void {
    const now = ctx.nowMs;
    const image = pull.image;
    if (!image.pull.ok) {
      const message = image.pull.message;
      out.event(rt, c, 'Warning', 'Failed', `Failed to pull image "${c.spec.image}": ${message}`);
      const key = `${rt.uid}_${c.spec.image}`;
      this.imageBackoff.next(key, now, now);
      out.event(rt, c, 'Warning', 'Failed', 'Error: ErrImagePull');
      setReason(c, 'ErrImagePull', message);
      this.scheduleRetry(rt, now, now + this.imageBackoff.get(key));
      return;
    }
    this.nodeState(rt.nodeName).images.add(image.ref!.normalized);
    out.event(rt, c, 'Normal', 'Pulled', `Successfully pulled image "${c.spec.image}" in ${goDuration(pull.pullMs)} (${goDuration(pull.pullMs + pull.waitedMs)} including waiting). Image size: ${image.pull.sizeBytes} bytes.`);
    this.createContainer(rt, c, image, ctx, out);
  }

  private createContainer(rt: PodRt, c: ContainerRt, image: ResolvedImage, ctx: ReconcileContext, out: Out): void {
    const now = ctx.nowMs;
    const node = ctx.view.get<Node>('Node', undefined, rt.nodeName);
    const cpus = Math.max(1, Math.round((quantityMilli(node?.status?.capacity?.cpu) ?? 4000) / 1000));
    const program = compileProgramPooled(this.programs, { image, container: c.spec, podName: rt.name, annotations: rt.pod.metadata.annotations, formatDate: (offset) => formatTimestamp(now + offset, 'date') });
    const id = newContainerId(podRng(rt));
    const attempt = c.current ? (c.current.attempt ?? 0) + 1 : 0;
    const memLimit = quantityBytes(c.spec.resources?.limits?.memory);
    const nodeMemory = quantityBytes(node?.status?.capacity?.memory);
    const effectiveLimit = memLimit ?? nodeMemory;
    const exitAt = program.exitAtMs !== undefined ? now + program.exitAtMs : undefined;
    const oomOffset = effectiveLimit !== undefined ? firstExceed(program.memory, effectiveLimit) : undefined;
    const oomAt = oomOffset !== undefined ? now + oomOffset : undefined;
    const endsByOom = oomAt !== undefined && (exitAt === undefined || oomAt < exitAt);
    const port = program.server?.ports[0] ?? 80;
    const logs = new LogBuffer(now, this.logVarsOf(rt, program.version, nginxWorkerPids(cpus), port));
    const instance: Instance = {
      id, attempt, image: image.ref!.normalized, imageId: imageIdOf(image.ref!), startedMs: now, program, logs,
      memLimitBytes: effectiveLimit, cpuLimitMilli: quantityMilli(c.spec.resources?.limits?.cpu),
      endAtMs: endsByOom ? oomAt : exitAt, endsByOom, specKey: c.specKey, view: undefined,
    };
    if (c.current) c.previous = c.current;
    c.current = instance;
    // Since 1.35 (kubernetes#134043) these messages leave the container name to the event's fieldPath.
    out.event(rt, c, 'Normal', 'Created', 'Container created');
    if (program.startError) {
      out.event(rt, c, 'Warning', 'Failed', `Error: ${program.startError}`);
      instance.finishedMs = now;
      instance.exitCode = 128;
      instance.reason = 'StartError';
      instance.message = program.startError;
      setReason(c, 'RunContainerError', program.startError);
      this.scheduleRetry(rt, now, undefined);
      this.requestSync(rt, now + PLEG_RELIST_MS);
      return;
    }
    logs.addProgramLines(program.lines);
    if (program.periodic) logs.addPeriodic(program.periodic);
    out.event(rt, c, 'Normal', 'Started', 'Container started');
    c.reason = undefined;
    if (attempt > 0) recordRestart(c.timeline, now, attempt);
    this.requestSync(rt, now + PLEG_RELIST_MS);
  }

  private logVarsOf(rt: PodRt, version: string, workers: readonly number[], port: number): LogVars {
    const v = rt.logVars;
    const podIP = rt.podIp ?? '';
    if (v !== undefined && v.podIP === podIP && v.version === version && v.workers === workers && v.port === port) return v;
    return (rt.logVars = { hostname: rt.name, podIP, version, workers, port });
  }

  /** The shell the instance's process sees (its pod's name in env and hostname, dates from its start). */
  private shellOf(rt: PodRt, inst: Instance): ShellContext {
    if (!isPooled(inst.program)) return inst.program.shell;
    return (inst.shell ??= programShell(inst.program, rt.name, (offset) => formatTimestamp(inst.startedMs + offset, 'date')));
  }

  /** After a failed start the worker retries after jitter(10 s, 0.5); a known back-off end comes first (the restart lands exactly on it). */
  private scheduleRetry(rt: PodRt, now: number, windowEndMs: number | undefined): void {
    this.requestSync(rt, retryAtMs(now, this.nextJitter(rt), windowEndMs));
  }

  private nextJitter(rt: PodRt): number {
    return uniformAt(rt.jitterSeed, rt.retryDraws++);
  }

  /**
   * After a sync whose only work was a container still in back-off, the resyncs that follow until
   * the restart would each just emit the same BackOff event. Those the spam filter will drop
   * (predicted from the recorder's bucket and this pod's own events, the only ones that share it)
   * get no timer: they are handed to the recorder, with their times, when the pod is next
   * reconciled. The first one the filter lets through, or the restart, stays a real sync.
   */
  private skipFilteredResyncs(rt: PodRt, c: ContainerRt, windowEndMs: number, ctx: ReconcileContext, out: Out): void {
    let atMs = rt.syncAtMs;
    if (atMs === undefined || atMs >= windowEndMs || !this.publishUpToDate(rt, ctx.nowMs)) return;
    const bucket = this.spamBucketAfter(rt, ctx, out);
    let skipped: number[] | undefined;
    while (atMs < windowEndMs && !spamAccepts(bucket, atMs)) {
      (skipped ??= []).push(atMs);
      atMs = retryAtMs(atMs, this.nextJitter(rt), windowEndMs);
    }
    if (skipped === undefined) return;
    rt.skippedResyncs = skipped;
    rt.skippedFor = c;
    rt.syncAtMs = atMs;
  }

  /**
   * The spam filter's bucket for this pod's kubelet events as it will be once this reconcile's
   * events are recorded (they all share it; no other source does): what skipping predicts from.
   */
  private spamBucketAfter(rt: PodRt, ctx: ReconcileContext, out: Out): SpamBucket {
    const bucket = ctx.events.spamBucket(kubeletSource(rt), podRef(rt)) ?? fullSpamBucket(ctx.nowMs);
    for (const a of out.actions) {
      if (a.type !== 'event') continue;
      if (a.repeatsAtMs === undefined) spamAccepts(bucket, ctx.nowMs);
      else for (const atMs of a.repeatsAtMs) spamAccepts(bucket, atMs);
    }
    return bucket;
  }

  /**
   * Emits the skipped resyncs up to `untilMs` (inclusive) as the BackOff occurrences they were; the
   * rest become live again: the first one is the next sync and the draws past it are given back.
   */
  private handOverSkippedResyncs(rt: PodRt, untilMs: number, out: Out | undefined): void {
    const times = rt.skippedResyncs!;
    const c = rt.skippedFor!;
    rt.skippedResyncs = undefined;
    rt.skippedFor = undefined;
    let i = 0;
    while (i < times.length && times[i] <= untilMs) i++;
    if (i > 0) out!.event(rt, c, 'Warning', 'BackOff', crashLoopMessage(rt, c), i === times.length ? times : times.slice(0, i));
    if (i === times.length) return;
    rt.retryDraws -= times.length - i;
    rt.syncAtMs = times[i];
  }

  private takeBackoffIn(): { c: ContainerRt; windowEndMs: number } | undefined {
    const backoff = this.backoffIn;
    this.backoffIn = undefined;
    return backoff;
  }

  /** Whether a publish now would find nothing to change (so a resync would write no status). */
  private publishUpToDate(rt: PodRt, now: number): boolean {
    const last = rt.publishedFrom;
    return last !== undefined && last.published === rt.published && sameInputs(last.inputs, this.publishInputs(rt, now, false));
  }

  // ---------------------------------------------------------------------------------------------
  // Stopping: kills, natural exits, termination of the pod.
  // ---------------------------------------------------------------------------------------------

  private beginKill(rt: PodRt, c: ContainerRt, inst: Instance, now: number, graceMs: number, why: Kill['why'], message: string, out: Out): void {
    out.event(rt, c, 'Normal', 'Killing', message);
    recordKill(c.timeline, now, why);
    const preStopMs = this.preStopMs(c.spec, inst, graceMs);
    const signalAtMs = now + Math.min(preStopMs, graceMs);
    const deadlineMs = now + Math.max(graceMs, Math.min(preStopMs, graceMs) + MIN_GRACE_MS);
    const stop = inst.program.stop;
    let exitAtMs = deadlineMs;
    let exitCode = 137;
    if (stop.exitsAfterMs !== null && signalAtMs + stop.exitsAfterMs < deadlineMs) {
      exitAtMs = signalAtMs + stop.exitsAfterMs;
      exitCode = stop.exitCode;
      if (inst.program.stopLines.length > 0) inst.logs.addTemplates(signalAtMs, inst.program.stopLines, stop.signal);
    }
    if (graceMs === 0) {
      exitAtMs = now;
      exitCode = 137;
    }
    inst.kill = { requestedMs: now, signalAtMs, deadlineMs, exitAtMs, exitCode, why };
  }

  /** Time the preStop hook takes: `sleep` actions and exec'd sleeps; HTTP hooks are instant. */
  private preStopMs(spec: Container, inst: Instance, graceMs: number): number {
    const hook = spec.lifecycle?.preStop;
    if (!hook) return 0;
    if (hook.sleep) return Math.min(graceMs, (hook.sleep.seconds ?? 0) * 1000);
    if (hook.exec?.command) {
      const text = hook.exec.command.join(' ');
      const m = /sleep\s+(\d+(?:\.\d+)?)/.exec(text);
      void inst;
      return m ? Math.min(graceMs, Math.round(Number(m[1]) * 1000)) : 0;
    }
    return 0;
  }

  private finishInstance(rt: PodRt, c: ContainerRt, inst: Instance, atMs: number, exitCode: number, reason: string, out: Out): void {
    inst.finishedMs = atMs;
    // Only a running instance's kill is read: a crash-looping pod need not keep its last two.
    inst.kill = undefined;
    inst.exitCode = exitCode;
    inst.reason = reason;
    if (reason === 'OOMKilled') recordOom(c.timeline, atMs, memoryAt(inst.program.memory, atMs - inst.startedMs), inst.memLimitBytes ?? 0);
    if (rt.running?.phase === 'kill' && rt.running.op.kind === 'kill' && rt.running.op.c === c) rt.running.doneAtMs = Math.min(rt.running.doneAtMs, atMs);
    this.requestSync(rt, atMs + PLEG_RELIST_MS);
    void out;
  }

  /** killPod on deletion: stop every running container with the deletion's grace period, then let the pod go. */
  private terminate(rt: PodRt, now: number, out: Out): void {
    const term = rt.terminating!;
    // The pod worker cancels whatever it was doing (pulls, starts).
    rt.queue = NO_OPS;
    if (rt.running && rt.running.phase !== 'kill') rt.running = undefined;
    let anyRunning = false;
    for (const c of rt.containers) {
      const inst = c.current;
      if (!isRunning(inst)) continue;
      anyRunning = true;
      if (!inst.kill) this.beginKill(rt, c, inst, now, Math.max(0, term.deadlineMs - now), 'delete', `Stopping container ${c.name}`, out);
    }
    if (!anyRunning && rt.finalizeAtMs === undefined) {
      const lastExit = Math.max(0, ...rt.containers.map((c) => c.current?.finishedMs ?? 0));
      // A container stopped by this termination already cost a relist before this sync; a pod with
      // nothing to stop still needs its own teardown (sandbox, volumes, final status) before it goes.
      rt.finalizeAtMs = lastExit >= term.startedMs ? Math.max(now, lastExit) : Math.max(now, term.startedMs + POD_TEARDOWN_MS);
    }
  }

  private finalize(rt: PodRt, now: number, out: Out): void {
    rt.finalizeAtMs = undefined;
    rt.terminal = true;
    this.publish(rt, now, true);
    if (rt.statusDirty) this.writeStatus(rt, rt.pod, out, undefined);
    rt.deleteSent = true;
    out.actions.push({ type: 'delete', kind: 'Pod', namespace: rt.namespace, name: rt.name, options: { gracePeriodSeconds: 0, uid: rt.uid } });
  }

  // ---------------------------------------------------------------------------------------------
  // Probes.
  // ---------------------------------------------------------------------------------------------

  private isStarted(c: ContainerRt): boolean {
    const inst = c.current;
    if (!isRunning(inst) || c.seenId !== inst.id || !c.seenRunning) return false;
    const startup = c.startup;
    return !startup || (startup.containerId === inst.id && startup.result === 'success');
  }

  private isReady(c: ContainerRt): boolean {
    const inst = c.current;
    if (!isRunning(inst) || !this.isStarted(c)) return false;
    const readiness = c.readiness;
    return !readiness || (readiness.containerId === inst.id && readiness.result === 'success');
  }

  /** Runs every probe that is due. Returns whether anything ran. */
  private runDueProbes(rt: PodRt, now: number, out: Out): boolean {
    let ran = false;
    for (const c of rt.containers) {
      if (c.manualReadinessAtMs !== undefined && c.manualReadinessAtMs <= now) {
        c.manualReadinessAtMs = undefined;
        const w = c.readiness;
        if (w && !w.stopped) this.tickWorker(rt, c, w, now, out);
        ran = true;
      }
      for (const w of c.workers) {
        if (w.stopped || c.seenId === undefined || w.nextTickMs > now) continue;
        // Go's ticker drops ticks it could not deliver; the phase stays that of the worker's start.
        const missed = Math.floor((now - w.nextTickMs) / w.periodMs);
        const tickAt = w.nextTickMs + missed * w.periodMs;
        w.nextTickMs = tickAt + w.periodMs;
        ran = true;
        // A tick that fell while there was no container to probe only moves the phase on.
        if (tickAt !== now) continue;
        this.probeTicksDone++;
        this.tickWorker(rt, c, w, now, out);
      }
    }
    return ran;
  }

  private tickWorker(rt: PodRt, c: ContainerRt, w: ProbeWorker, now: number, out: Out): void {
    const inst = c.current;
    // One input object for every tick (doProbe neither keeps it nor re-enters): no allocation per tick.
    const input = this.probeInput;
    input.nowMs = now;
    input.podTerminal = rt.terminal;
    input.deleting = Boolean(rt.pod.metadata.deletionTimestamp);
    input.restartPolicy = restartPolicy(rt.pod);
    input.containerId = c.seenId;
    input.running = c.seenRunning && isRunning(inst) && inst.id === c.seenId;
    input.terminated = c.seenTerminated;
    input.startedMs = c.seenStartedMs;
    input.started = this.isStarted(c);
    this.probing = { rt, c, w, inst: inst!, now };
    const result = w.doProbe(input);
    this.probing = undefined;
    if (result.attempt) {
      const a = result.attempt;
      recordProbe(c.timeline, now, w.spec.type, a.result, a.output);
      if (a.result !== 'success') out.event(rt, c, 'Warning', 'Unhealthy', unhealthyMessage(w.spec.type, a));
    }
    if (!result.changed) return;
    if ((w.spec.type === 'liveness' || w.spec.type === 'startup') && w.result === 'failure') this.requestSync(rt, now);
    else this.patchReadiness(rt, now);
  }

  /** The tick doProbe is running (read by probeInput.attempt). */
  private probing?: { readonly rt: PodRt; readonly c: ContainerRt; readonly w: ProbeWorker; readonly inst: Instance; readonly now: number };
  private readonly probeInput: { -readonly [K in keyof WorkerInput]: WorkerInput[K] } = {
    nowMs: 0, podTerminal: false, deleting: false, restartPolicy: 'Always', containerId: undefined, running: false, terminated: false, startedMs: 0, started: false,
    attempt: () => {
      const p = this.probing!;
      return this.attemptProbe(p.rt, p.c, p.w, p.inst, p.now);
    },
  };

  private attemptProbe(rt: PodRt, c: ContainerRt, w: ProbeWorker, inst: Instance, now: number): ProbeAttempt {
    const attempt = runProbe(w.spec, { program: inst.program, container: c.spec, podIP: rt.podIp ?? '', t: now - inst.startedMs, fileOverrides: inst.fileOverrides, shell: w.spec.handler.kind === 'exec' ? this.shellOf(rt, inst) : undefined });
    this.logRequest(rt, inst, attempt, now);
    return attempt;
  }

  private logRequest(rt: PodRt, inst: Instance, attempt: ProbeAttempt, now: number): void {
    const request = attempt.request;
    const requestLog = request ? requestLogOf(inst.program) : undefined;
    if (request && requestLog) {
      rt.gateway ??= (rt.podIp ?? '0.0.0.0').replace(/\.\d+$/, '.1');
      inst.logs.addRequest(now, request.path, request.status, request.bytes, request.port, rt.gateway, PROBE_USER_AGENT, requestLog);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Probe coalescing. A steady worker (its visible result is what every further attempt returns,
  // thresholds saturated) changes nothing but counters, so its ticks get no timer and no reconcile:
  // they are replayed, in the order they would have run, when the pod reconciles for another reason
  // or someone reads its logs or timeline, and the worker wakes at the first tick at or after the
  // next moment the program can answer differently (or the process ends).
  // ---------------------------------------------------------------------------------------------

  /** Logical probe ticks so far: run, replayed, and coalesced ones not yet replayed. */
  get probeTickCount(): number {
    const now = this.now();
    let total = this.probeTicksDone;
    for (const rt of this.pods.values()) {
      if (rt.coalesced === 0) continue;
      for (const c of rt.containers) {
        for (const w of c.workers) {
          if (w.wakeMs === undefined) continue;
          const lastMs = Math.min(now, w.wakeMs - 1);
          if (w.nextTickMs <= lastMs) total += Math.floor((lastMs - w.nextTickMs) / w.periodMs) + 1;
        }
      }
    }
    return total;
  }

  /** Marks the steady workers of a pod whose next tick is still ahead (call after the step). */
  private coalesce(rt: PodRt, ctx: ReconcileContext, out: Out): void {
    const now = ctx.nowMs;
    if (rt.terminal || rt.terminating || rt.frozen || rt.deleteSent || rt.pod.metadata.deletionTimestamp) return;
    for (const c of rt.containers) {
      const inst = c.current;
      if (c.seenId === undefined) continue;
      const live = c.seenRunning && isRunning(inst) && inst.id === c.seenId && !inst.kill;
      let started: boolean | undefined;
      for (const w of c.workers) {
        if (w.wakeMs !== undefined || w.stopped || w.nextTickMs <= now) continue;
        if (w.containerId !== c.seenId) {
          // A liveness worker meets a new container at its next tick; its result only counts
          // toward kills (the status does not show it), so it may meet it now and be coalesced.
          if (w !== c.liveness || !live || rt.containers.length !== 1) continue;
          w.adoptContainer(c.seenId);
        }
        let attempt: ProbeAttempt | undefined;
        let changeMs = Infinity;
        if (w.onHold) {
          // A failed liveness/startup worker waits for the next container: its ticks do nothing.
        } else if (!c.seenRunning) {
          // Exited (back-off): every tick reports the failure it already shows. A readiness worker
          // still at success turns to failure on its next tick, which changes nothing published
          // when its container is the pod's only one (a container that is not running shows not
          // ready already): catchUp turns it.
          if (c.seenTerminated && restartPolicy(rt.pod) === 'Never') continue;
          if (w === c.readiness && c.manualReadinessAtMs !== undefined) continue;
          if (w.result !== 'failure' && !(w === c.readiness && w.result === 'success' && rt.containers.length === 1)) continue;
        } else {
          if (!live || Math.trunc((w.nextTickMs - inst.startedMs) / 1000) < w.spec.initialDelaySeconds || w.spec.handler.kind === 'exec') continue;
          started ??= this.isStarted(c);
          if (w.spec.type === 'startup') {
            // After success the startup worker only ticks; nothing changes until a new container.
            if (!started) continue;
          } else {
            if (!started || (w === c.readiness && c.manualReadinessAtMs !== undefined)) continue;
            const countingFailures = w.spec.type === 'liveness' && w.result === 'success' && !w.saturatedSuccess;
            // A success keeps a success result as it is when one success is enough to show it.
            const successKeepsResult = w.saturatedSuccess || (w.result === 'success' && w.spec.successThreshold === 1);
            if (!successKeepsResult && !countingFailures) continue;
            const t = w.nextTickMs - inst.startedMs;
            attempt = runProbe(w.spec, { program: inst.program, container: c.spec, podIP: rt.podIp ?? '', t, fileOverrides: inst.fileOverrides });
            changeMs = inst.startedMs + nextChangeAfterMs(inst.program, t);
            if (attempt.result === 'failure' && w.spec.type === 'liveness' && w.result === 'success') {
              // Failing toward the threshold: the tick that reaches it kills, so it runs.
              const lastSkippableMs = this.lastSkippableFailureMs(rt, w, attempt, ctx, out);
              if (lastSkippableMs === undefined) continue;
              changeMs = Math.min(changeMs, lastSkippableMs + 1);
            } else if (attempt.result !== 'success' || !successKeepsResult) continue;
          }
          if (inst.endAtMs !== undefined && inst.endAtMs < changeMs) changeMs = inst.endAtMs;
        }
        const tickMs = w.nextTickMs;
        const wakeMs = changeMs === Infinity ? Infinity : tickMs + Math.ceil((changeMs - tickMs) / w.periodMs) * w.periodMs;
        if (wakeMs <= tickMs) continue;
        w.wakeMs = wakeMs;
        w.steadyAttempt = attempt && internAttempt(attempt);
        rt.coalesced++;
      }
    }
  }

  /**
   * For a liveness worker failing toward its threshold: the last of the coming failing ticks that
   * can be replayed later (it does not reach the threshold, and the spam filter will drop its
   * Unhealthy event, predicted as for skipped resyncs). Only when this is the pod's one source of
   * events until then: a single container and no skipped resyncs.
   */
  private lastSkippableFailureMs(rt: PodRt, w: ProbeWorker, attempt: ProbeAttempt, ctx: ReconcileContext, out: Out): number | undefined {
    if (rt.containers.length !== 1 || rt.skippedResyncs !== undefined || rt.skippedUnhealthy !== undefined) return undefined;
    const skippable = w.spec.failureThreshold - w.failuresInARow - 1;
    if (skippable <= 0) return undefined;
    const bucket = this.spamBucketAfter(rt, ctx, out);
    let last: number | undefined;
    for (let i = 0; i < skippable; i++) {
      const atMs = w.nextTickMs + i * w.periodMs;
      if (spamAccepts(bucket, atMs)) break;
      last = atMs;
    }
    if (last !== undefined) rt.unhealthyMessage = unhealthyMessage(w.spec.type, attempt);
    return last;
  }

  /** Replays the coalesced ticks up to `untilMs` (inclusive), in the order they would have run. */
  private catchUp(rt: PodRt, untilMs: number): void {
    if (rt.coalesced === 0) return;
    for (const c of rt.containers) {
      const inst = c.current;
      if (inst === undefined) continue;
      for (;;) {
        let next: ProbeWorker | undefined;
        for (const w of c.workers) {
          if (w.wakeMs === undefined || w.nextTickMs > untilMs || w.nextTickMs >= w.wakeMs) continue;
          if (next === undefined || w.nextTickMs < next.nextTickMs) next = w;
        }
        if (next === undefined) break;
        const atMs = next.nextTickMs;
        next.nextTickMs = atMs + next.periodMs;
        this.probeTicksDone++;
        const a = next.steadyAttempt;
        if (a === undefined) {
          if (!c.seenRunning) next.replayNotRunning();
          continue;
        }
        if (a.result === 'failure') {
          next.replayFailure();
          // Its Unhealthy event goes to the recorder with the pod's next reconcile (reads have no Out).
          const pending = (rt.skippedUnhealthy ??= { c, message: rt.unhealthyMessage!, timesMs: [] });
          pending.timesMs.push(atMs);
        } else next.replaySuccess();
        recordProbe(c.timeline, atMs, next.spec.type, a.result, a.output);
        this.logRequest(rt, inst, a, atMs);
      }
    }
  }

  private uncoalesce(rt: PodRt): void {
    for (const c of rt.containers) {
      for (const w of c.workers) {
        w.wakeMs = undefined;
        w.steadyAttempt = undefined;
      }
    }
    rt.coalesced = 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Status.
  // ---------------------------------------------------------------------------------------------

  /** Builds the status from the runtime (generateAPIPodStatus) and makes it the published one. */
  private publish(rt: PodRt, now: number, podIsTerminal = false): void {
    // A resync with nothing changed (a back-off sync) would build the same status again: skip it.
    const key = this.publishInputs(rt, now, podIsTerminal);
    const last = rt.publishedFrom;
    if (last !== undefined && last.published === rt.published && sameInputs(last.inputs, key)) return;
    this.build(rt, now, podIsTerminal);
    // The scratch array is reused by the next publish: keep an exactly sized copy.
    rt.publishedFrom = { inputs: key.slice(), published: rt.published };
  }

  /** publishInputs' result, reused: most publishes find nothing changed and keep nothing. */
  private readonly inputsScratch: unknown[] = [];

  /** Everything generateAPIPodStatus reads, by identity (instances, reasons and pod objects are replaced, not edited, except an instance's end). */
  private publishInputs(rt: PodRt, now: number, podIsTerminal: boolean): readonly unknown[] {
    const key = this.inputsScratch;
    key.length = 6 + 12 * rt.containers.length;
    key[0] = rt.pod;
    key[1] = podIsTerminal;
    key[2] = rt.terminal;
    key[3] = rt.podIp;
    key[4] = rt.sandboxMs !== undefined && now >= rt.sandboxMs;
    key[5] = this.hostIps.get(rt.nodeName);
    let k = 6;
    for (const c of rt.containers) {
      const i = c.current;
      key[k++] = c.spec;
      key[k++] = i;
      key[k++] = i?.finishedMs;
      key[k++] = i?.exitCode;
      key[k++] = i?.reason;
      key[k++] = i?.message;
      key[k++] = c.previous;
      key[k++] = c.reason;
      key[k++] = c.startup?.result;
      key[k++] = c.startup?.containerId;
      key[k++] = c.readiness?.result;
      key[k++] = c.readiness?.containerId;
    }
    return key;
  }

  private build(rt: PodRt, now: number, podIsTerminal: boolean): void {
    const pod = rt.pod;
    const deleting = Boolean(pod.metadata.deletionTimestamp);
    const initStatuses: ContainerStatus[] = [];
    const statuses: ContainerStatus[] = [];
    let hasInit = false;
    for (const c of rt.containers) hasInit ||= c.init;
    for (const c of rt.containers) {
      const s = this.containerStatus(rt, c, hasInit, deleting);
      (c.init ? initStatuses : statuses).push(s);
    }
    statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let phase = getPhase(pod.spec ?? { containers: [] }, initStatuses, statuses, podIsTerminal);
    // generateAPIPodStatus: a pod the kubelet is done with ends Succeeded or Failed, never in between.
    if (podIsTerminal && phase !== 'Succeeded') phase = 'Failed';
    if (!podIsTerminal && !deleting && (phase === 'Succeeded' || phase === 'Failed')) rt.terminal = true;
    if (rt.terminal && !podIsTerminal && phase !== 'Succeeded' && phase !== 'Failed') phase = getPhase(pod.spec ?? { containers: [] }, initStatuses, statuses, true);
    const node = this.nodeHostIp(rt);
    const old = pod.status ?? {};
    const conditions = podConditions(pod.spec ?? { containers: [] }, phase, initStatuses, statuses, rt.podIp !== undefined, old.conditions ?? [], isoTime(now));
    // Shallow: every field rebuilt below is replaced, and published statuses are never mutated.
    const status: PodStatus = { ...old };
    status.phase = phase;
    status.conditions = conditions;
    if (node) {
      status.hostIP = node;
      status.hostIPs = [{ ip: node }];
    }
    if (rt.podIp !== undefined && rt.sandboxMs !== undefined && now >= rt.sandboxMs) {
      status.podIP = rt.podIp;
      status.podIPs = [{ ip: rt.podIp }];
    }
    status.startTime = old.startTime ?? isoTime(rt.addedMs);
    status.qosClass = old.qosClass ?? qosClass(pod.spec ?? { containers: [] });
    if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
    else delete status.initContainerStatuses;
    status.containerStatuses = statuses;
    for (const c of rt.containers) {
      const inst = c.current;
      const published = statusNamed(c.init ? initStatuses : statuses, c.name)!;
      const wasRunningId = c.seenRunning ? c.seenId : undefined;
      c.seenId = inst?.id;
      c.seenRunning = Boolean(published.state?.running);
      c.seenTerminated = Boolean(published.state?.terminated);
      c.seenStartedMs = inst?.startedMs ?? 0;
      const readiness = c.readiness;
      // prober_manager UpdatePodStatus triggers an immediate readiness run for a container with no result yet.
      if (readiness && c.seenRunning && wasRunningId !== c.seenId && readiness.containerId !== c.seenId) c.manualReadinessAtMs = now;
    }
    this.setPublished(rt, status, now);
  }

  private nodeHostIp(rt: PodRt): string | undefined {
    return this.hostIps.get(rt.nodeName);
  }

  private containerStatus(rt: PodRt, c: ContainerRt, hasInit: boolean, deleting: boolean): ContainerStatus {
    const inst = c.current;
    const imageName = c.spec.image ?? '';
    if (!inst) {
      const waiting = c.reason ? { reason: c.reason.reason, message: c.reason.message } : { reason: c.init || hasInit ? 'PodInitializing' : 'ContainerCreating' };
      return { name: c.name, state: { waiting }, lastState: {}, ready: false, restartCount: 0, image: imageName, imageID: '', started: false };
    }
    const view = viewOf(inst);
    const base: ContainerStatus = { name: c.name, image: inst.image, imageID: inst.imageId, containerID: view.containerID, restartCount: inst.attempt, ready: false, started: false, lastState: c.previous ? endedOf(c.previous) : {} };
    if (isRunning(inst)) {
      base.state = view.running;
      base.started = this.isStartedForStatus(c, inst);
      // A plain init container is ready only once it has exited 0.
      base.ready = (!c.init || c.sidecar) && base.started && this.readyForStatus(c, inst);
      return base;
    }
    base.state = endedOf(inst);
    const policy = restartPolicy(rt.pod);
    const restartable = !deleting && !rt.terminal && (c.sidecar || !(c.init && inst.exitCode === 0)) && (c.sidecar ? true : shouldRestart(policy, inst.exitCode ?? 0));
    if (restartable && c.reason) {
      base.lastState = endedOf(inst);
      base.state = { waiting: { reason: c.reason.reason, message: c.reason.message } };
    }
    if (c.init && !c.sidecar && inst.exitCode === 0) base.ready = true;
    return base;
  }

  private isStartedForStatus(c: ContainerRt, inst: Instance): boolean {
    const startup = c.startup;
    return !startup || (startup.containerId === inst.id && startup.result === 'success');
  }

  private readyForStatus(c: ContainerRt, inst: Instance): boolean {
    const readiness = c.readiness;
    return !readiness || (readiness.containerId === inst.id && readiness.result === 'success');
  }

  /** statusManager.SetContainerReadiness / SetContainerStartup: flips ready/started in the published status only. */
  private patchReadiness(rt: PodRt, now: number): void {
    const published = rt.published;
    if (!published) return;
    // Copy on write: only the statuses whose flags change are new (published statuses are never mutated).
    const status: PodStatus = { ...published };
    if (published.initContainerStatuses) status.initContainerStatuses = this.patchFlags(rt, published.initContainerStatuses);
    if (published.containerStatuses) status.containerStatuses = this.patchFlags(rt, published.containerStatuses);
    const pod = rt.pod;
    status.conditions = podConditions(pod.spec ?? { containers: [] }, (status.phase ?? 'Pending') as never, status.initContainerStatuses ?? [], status.containerStatuses ?? [], rt.podIp !== undefined, status.conditions ?? [], isoTime(now));
    this.setPublished(rt, status, now);
  }

  private patchFlags(rt: PodRt, list: ContainerStatus[]): ContainerStatus[] {
    let out: ContainerStatus[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const c = containerNamed(rt, s.name);
      const inst = c?.current;
      if (!c || !isRunning(inst) || !s.state?.running || s.containerID !== viewOf(inst).containerID) continue;
      const started = this.isStartedForStatus(c, inst);
      const ready = (!c.init || c.sidecar) && started && this.readyForStatus(c, inst);
      if (s.started === started && s.ready === ready) continue;
      (out ??= list.slice())[i] = { ...s, started, ready };
    }
    return out ?? list;
  }

  private setPublished(rt: PodRt, status: PodStatus, now: number): void {
    if (rt.published && deepEqual(rt.published, status)) {
      // Keep the store's copy when we hold it (a back-off resync rebuilds the same status: a copy of
      // our own would double what a crash-looping pod costs); else the newer object, whose shared
      // pieces make the next comparison an identity check.
      if (rt.published !== rt.pod.status) rt.published = status;
      return;
    }
    rt.published = status;
    rt.statusDirty = true;
    for (const list of [status.initContainerStatuses, status.containerStatuses]) {
      if (list === undefined) continue;
      for (const s of list) {
        const c = containerNamed(rt, s.name);
        if (!c) continue;
        const state = s.state?.running ? 'running' : s.state?.terminated ? 'terminated' : 'waiting';
        recordBand(c.timeline, now, state, s.state?.waiting?.reason ?? s.state?.terminated?.reason, Boolean(s.ready));
      }
    }
  }

  private writeStatus(rt: PodRt, pod: Typed<Pod>, out: Out, view: StoreView | undefined): void {
    rt.statusDirty = false;
    if (!rt.published || deepEqual(pod.status, rt.published)) return;
    // The writer copies what it stores.
    const updated = { ...pod, metadata: { ...pod.metadata }, status: rt.published } as Typed<Pod>;
    delete updated.metadata.resourceVersion;
    out.actions.push({ type: 'update', object: updated });
    // This is the first store write of the batch, so the writer gives it the next resourceVersion: its echo needs no reconcile.
    rt.lastWrittenRv = view ? String(view.resourceVersion + 1) : undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // KubeletApi.
  // ---------------------------------------------------------------------------------------------

  /** Records node host IPs as the controller sees nodes (the status needs hostIP). */
  observeNode(node: Typed<Node>): void {
    if (this.observedNodes.get(node.metadata.name) === node) return;
    this.observedNodes.set(node.metadata.name, node);
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    if (ip) this.hostIps.set(node.metadata.name, ip);
  }

  private podByName(namespace: string, name: string): PodRt | undefined {
    const uid = this.byName.get(`${namespace}/${name}`);
    return uid ? this.pods.get(uid) : undefined;
  }

  logs(namespace: string, podName: string, options: LogOptions = {}): KubeletResult<string> {
    const rt = this.podByName(namespace, podName);
    if (!rt) return { ok: false, reason: 'NotFound', message: `pods "${podName}" not found` };
    const names = rt.containers.filter((c) => !c.init).map((c) => c.name);
    let name = options.container;
    if (!name) {
      if (names.length !== 1) return { ok: false, reason: 'BadRequest', message: `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}] or one of the init containers: [${rt.containers.filter((c) => c.init).map((c) => c.name).join(' ')}]`.replace(/ or one of the init containers: \[\]$/, '') };
      name = names[0];
    }
    const c = rt.containers.find((x) => x.name === name);
    if (!c) return { ok: false, reason: 'BadRequest', message: `container ${name} is not valid for pod ${podName}` };
    const status = [...(rt.published?.initContainerStatuses ?? []), ...(rt.published?.containerStatuses ?? [])].find((s) => s.name === name);
    // kubelet_pods.go validateContainerLogStatus.
    let inst: Instance | undefined;
    const byId = (id: string | undefined) => [c.current, c.previous].find((i) => i && `containerd://${i.id}` === id);
    if (!status) return { ok: false, reason: 'BadRequest', message: `container "${name}" in pod "${podName}" is not available` };
    const last = status.lastState?.terminated;
    const state = status.state ?? {};
    if (options.previous) {
      if (!last?.containerID) return { ok: false, reason: 'BadRequest', message: `previous terminated container "${name}" in pod "${podName}" not found` };
      inst = byId(last.containerID);
    } else if (state.running) inst = byId(status.containerID);
    else if (state.terminated) inst = byId(state.terminated.containerID || last?.containerID);
    else if (last) inst = byId(last.containerID);
    else if (state.waiting) {
      const reason = state.waiting.reason;
      const detail = reason === 'ErrImagePull' ? 'image can\'t be pulled' : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
      return { ok: false, reason: 'BadRequest', message: `container "${name}" in pod "${podName}" is waiting to start: ${detail}` };
    }
    if (!inst) return { ok: false, reason: 'BadRequest', message: `container "${name}" in pod "${podName}" is waiting to start - no logs yet` };
    const now = this.now();
    this.catchUp(rt, now);
    const until = Math.min(now, inst.finishedMs ?? now);
    let lines = inst.logs.read(until);
    if (options.sinceSeconds !== undefined) lines = lines.filter((l) => l.atMs >= now - options.sinceSeconds! * 1000);
    if (options.tailLines !== undefined && options.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - options.tailLines));
    let text = lines.map((l) => (options.timestamps ? `${formatTimestamp(l.atMs, 'iso')} ` : '') + l.text + '\n').join('');
    if (options.limitBytes !== undefined && text.length > options.limitBytes) text = text.slice(0, options.limitBytes);
    return { ok: true, value: text };
  }

  exec(namespace: string, podName: string, container: string | undefined, argv: readonly string[]): KubeletResult<ExecResult> {
    const rt = this.podByName(namespace, podName);
    if (!rt) return { ok: false, reason: 'NotFound', message: `pods "${podName}" not found` };
    const c = container ? rt.containers.find((x) => x.name === container) : rt.containers.find((x) => !x.init);
    if (!c) return { ok: false, reason: 'BadRequest', message: `container ${container} is not valid for pod ${podName}` };
    const inst = c.current;
    if (!isRunning(inst)) return { ok: false, reason: 'BadRequest', message: `unable to upgrade connection: container not found ("${c.name}")` };
    const program = inst.program;
    if (argv.length === 0) return { ok: true, value: { stdout: '', stderr: '', exitCode: 0 } };
    const shell = this.shellOf(rt, inst);
    if (!shell.hasCommand(argv[0]) && !shell.isProgram(argv[0])) {
      return { ok: true, value: { stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`, exitCode: 127 } };
    }
    const t = this.now() - inst.startedMs;
    const files = snapshotFiles(program, t, inst.fileOverrides);
    const result = execCommand(argv, { ...shell, files, formatDate: (offset) => formatTimestamp(this.now() + offset, 'date') });
    for (const op of result.files) (inst.fileOverrides ??= new Map()).set(op.path, op.content);
    return { ok: true, value: { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode } };
  }

  /** metrics-server's view: usage at the last scrape (every 15 s), throttled at the CPU limit. */
  podUsage(namespace: string, name: string): PodUsage | undefined {
    const rt = this.podByName(namespace, name);
    if (!rt) return undefined;
    const scrapeMs = Math.floor(this.now() / METRICS_RESOLUTION_MS) * METRICS_RESOLUTION_MS;
    const containers: { name: string; cpuMilli: number; memoryBytes: number }[] = [];
    for (const c of rt.containers) {
      const inst = [c.current, c.previous].find((i) => i && i.startedMs <= scrapeMs && (i.finishedMs === undefined || i.finishedMs > scrapeMs));
      if (!inst) continue;
      const t = scrapeMs - inst.startedMs;
      const demand = cpuDemandAt(inst.program, t);
      const cpuMilli = Math.max(0, Math.min(demand, inst.cpuLimitMilli ?? Infinity));
      containers.push({ name: c.name, cpuMilli, memoryBytes: memoryAt(inst.program.memory, t) });
    }
    if (containers.length === 0) return undefined;
    return { cpuMilli: containers.reduce((s, x) => s + x.cpuMilli, 0), memoryBytes: containers.reduce((s, x) => s + x.memoryBytes, 0), containers };
  }

  nodeUsage(nodeName: string): { cpuMilli: number; memoryBytes: number } | undefined {
    if (!this.hostIps.has(nodeName) && !this.nodes.has(nodeName)) return { cpuMilli: NODE_SYSTEM_CPU_MILLI, memoryBytes: NODE_SYSTEM_MEMORY_BYTES };
    let cpu = NODE_SYSTEM_CPU_MILLI, mem = NODE_SYSTEM_MEMORY_BYTES;
    for (const rt of this.pods.values()) {
      if (rt.nodeName !== nodeName) continue;
      const u = this.podUsage(rt.namespace, rt.name);
      if (u) {
        cpu += u.cpuMilli;
        mem += u.memoryBytes;
      }
    }
    return { cpuMilli: cpu, memoryBytes: mem };
  }

  nodeImages(nodeName: string): string[] {
    return [...(this.nodes.get(nodeName)?.images ?? [])].sort();
  }

  timeline(podUid: string): PodTimeline | undefined {
    const rt = this.pods.get(podUid);
    if (!rt) return undefined;
    const now = this.now();
    this.catchUp(rt, now);
    return {
      uid: rt.uid, namespace: rt.namespace, name: rt.name, nodeName: rt.nodeName,
      containers: rt.containers.map((c) => {
        const memory: { tMs: number; bytes: number }[] = [];
        const cpu: { tMs: number; milli: number }[] = [];
        for (const inst of [c.previous, c.current]) {
          if (!inst) continue;
          const end = inst.finishedMs ?? now;
          const stepMs = Math.max(1000, Math.ceil((end - inst.startedMs) / 120 / 1000) * 1000);
          for (let t = inst.startedMs; t <= end; t += stepMs) {
            memory.push({ tMs: t, bytes: memoryAt(inst.program.memory, t - inst.startedMs) });
            cpu.push({ tMs: t, milli: Math.min(cpuDemandAt(inst.program, t - inst.startedMs), inst.cpuLimitMilli ?? Infinity) });
          }
          memory.push({ tMs: end, bytes: memoryAt(inst.program.memory, end - inst.startedMs) });
        }
        return { ...exportTimeline(c.name, c.init, c.timeline), memory, cpu };
      }),
    };
  }
}

function shouldRestart(policy: string, exitCode: number): boolean {
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return exitCode !== 0;
  return true;
}

/** The kubelet as registered in the simulation (for kubectl logs/exec/top and the UI). */
export function kubeletOf(sim: { controller<T extends Controller>(name: string): T | undefined }): Kubelet | undefined {
  return sim.controller<Kubelet>(KUBELET_NAME);
}

export function createKubelet(): Kubelet {
  return new Kubelet();
}
