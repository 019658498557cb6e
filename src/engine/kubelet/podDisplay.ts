/**
 * The columns `kubectl get pods` prints for a pod, computed from the stored object exactly as the
 * server-side table printer does. Shared by kubectl, the graph and the timelines.
 * Models pkg/printers/internalversion/printers.go printPod (restartable init containers included).
 */
import type { Container, ContainerStatus, Pod, PodCondition } from '../api/types';
import { virtualMsFromIso } from '../clock/VirtualClock';
import { humanDuration } from '../util/duration';

export interface PodColumns {
  readonly name: string;
  /** READY: `<ready>/<containers + sidecars>`. */
  readonly ready: string;
  /** STATUS: Running, ContainerCreating, CrashLoopBackOff, Init:0/1, Terminating … */
  readonly status: string;
  /** RESTARTS: `7 (5m ago)` or `0`. */
  readonly restarts: string;
  /** AGE, e.g. `13m`; `<unknown>` without a creationTimestamp. */
  readonly age: string;
  /** -o wide columns. */
  readonly ip: string;
  readonly node: string;
  readonly nominatedNode: string;
  readonly readinessGates: string;
  /** The restart total and the newest lastState.terminated.finishedAt (virtual ms), for sorting and the UI. */
  readonly restartCount: number;
  readonly lastRestartMs?: number;
}

/** printers.go translateTimestampSince. */
export function translateTimestampSince(iso: string | undefined | null, nowMs: number): string {
  const at = virtualMsFromIso(iso ?? undefined);
  return at === undefined ? '<unknown>' : humanDuration(nowMs - at);
}

function isRestartable(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasPodReadyCondition(conditions: readonly PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function isInitializedTrue(conditions: readonly PodCondition[] | undefined): boolean {
  const c = (conditions ?? []).find((x) => x.type === 'Initialized');
  return c?.status === 'True';
}

function finishedMs(s: ContainerStatus): number | undefined {
  return s.lastState?.terminated ? virtualMsFromIso(s.lastState.terminated.finishedAt) : undefined;
}

export function podStatusColumns(pod: Pod, nowMs: number): PodColumns {
  const status = pod.status ?? {};
  const spec = pod.spec ?? { containers: [] };
  let restarts = 0;
  let restartableRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestartMs: number | undefined;
  let lastRestartableMs: number | undefined;
  const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || b > a) ? b : a);

  const phase = status.phase ?? '';
  let reason: string = phase;
  if (status.reason) reason = status.reason;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initByName.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  const initStatuses = status.initContainerStatuses ?? [];
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    lastRestartMs = later(lastRestartMs, finishedMs(c));
    const restartable = isRestartable(initByName.get(c.name));
    if (restartable) {
      restartableRestarts += c.restartCount ?? 0;
      lastRestartableMs = later(lastRestartableMs, finishedMs(c));
    }
    const state = c.state ?? {};
    if (state.terminated && state.terminated.exitCode === 0) continue;
    if (restartable && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (state.terminated) {
      if (!state.terminated.reason) {
        reason = state.terminated.signal ? `Init:Signal:${state.terminated.signal}` : `Init:ExitCode:${state.terminated.exitCode}`;
      } else reason = `Init:${state.terminated.reason}`;
      initializing = true;
    } else if (state.waiting && state.waiting.reason && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing || isInitializedTrue(status.conditions)) {
    restarts = restartableRestarts;
    lastRestartMs = lastRestartableMs;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestartMs = later(lastRestartMs, finishedMs(c));
      const state = c.state ?? {};
      if (state.waiting && state.waiting.reason) reason = state.waiting.reason;
      else if (state.terminated && state.terminated.reason) reason = state.terminated.reason;
      else if (state.terminated) reason = state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode}`;
      else if (c.ready && state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with a running container shows Running (or NotReady) rather than a sibling's Completed.
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartsText = restarts !== 0 && lastRestartMs !== undefined ? `${restarts} (${humanDuration(nowMs - lastRestartMs)} ago)` : String(restarts);

  let readinessGates = '<none>';
  if ((spec.readinessGates ?? []).length > 0) {
    let trueGates = 0;
    for (const gate of spec.readinessGates ?? []) {
      if ((status.conditions ?? []).some((c) => c.type === gate.conditionType && c.status === 'True')) trueGates++;
    }
    readinessGates = `${trueGates}/${(spec.readinessGates ?? []).length}`;
  }

  return {
    name: pod.metadata?.name ?? '',
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts: restartsText,
    age: translateTimestampSince(pod.metadata?.creationTimestamp, nowMs),
    ip: status.podIPs?.[0]?.ip || '<none>',
    node: spec.nodeName || '<none>',
    nominatedNode: status.nominatedNodeName || '<none>',
    readinessGates,
    restartCount: restarts,
    lastRestartMs,
  };
}
