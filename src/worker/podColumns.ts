import type { KubeObject } from '../engine/index';
import { EPOCH_MS } from '../engine/index';

/** kubectl get pods' STATUS, READY and RESTARTS for one pod. */
export interface PodColumns {
  readonly status: string;
  readonly ready: string;
  readonly restarts: string;
  readonly restartCount: number;
  readonly readyContainers: number;
  readonly totalContainers: number;
}


/**
 * Fallback for the kubelet helper's `podStatusColumns` (src/engine/kubelet/podDisplay.ts). toDto.ts
 * uses the engine's version as soon as src/engine/index.ts exports it; until then this restates
 * kubectl's printPod (pkg/printers/internalversion/printers.go), see
 * /work/shared/reference/kubernetes-semantics.md §1.4.
 */
export function localPodStatusColumns(pod: KubeObject, nowMs: number): PodColumns {
  const spec = (pod.spec ?? {}) as any;
  const status = (pod.status ?? {}) as any;
  const containers: any[] = spec.containers ?? [];
  const initContainers: any[] = spec.initContainers ?? [];
  const containerStatuses: any[] = status.containerStatuses ?? [];
  const initStatuses: any[] = status.initContainerStatuses ?? [];
  const sidecarNames = new Set(initContainers.filter((c) => c?.restartPolicy === 'Always').map((c) => c.name));

  let totalContainers = containers.length + sidecarNames.size;
  if (totalContainers === 0) totalContainers = containerStatuses.length;
  let readyContainers = 0;
  let restartCount = 0;
  let lastRestartMs: number | undefined;
  const noteRestart = (cs: any) => {
    restartCount += Number(cs?.restartCount ?? 0);
    const finished = isoMs(cs?.lastState?.terminated?.finishedAt);
    if (finished !== undefined && (lastRestartMs === undefined || finished > lastRestartMs)) lastRestartMs = finished;
  };

  let reason: string = status.reason || status.phase || 'Pending';
  const scheduled = (status.conditions ?? []).find((c: any) => c?.type === 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';

  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const isSidecar = sidecarNames.has(cs?.name);
    if (isSidecar) noteRestart(cs);
    const terminated = cs?.state?.terminated;
    const waiting = cs?.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (isSidecar && cs?.started) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (!isSidecar) noteRestart(cs);
    if (terminated) {
      reason = terminated.reason
        ? `Init:${terminated.reason}`
        : terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    for (let i = containerStatuses.length - 1; i >= 0; i--) {
      const cs = containerStatuses[i];
      noteRestart(cs);
      const waiting = cs?.state?.waiting;
      const terminated = cs?.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (cs?.state?.running) {
        hasRunning = true;
        if (cs.ready) readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const readyCondition = (status.conditions ?? []).find((c: any) => c?.type === 'Ready');
      if (readyCondition?.status === 'True') reason = 'Running';
      else {
        const failed = containerStatuses.find((cs) => cs?.state?.terminated && cs.state.terminated.exitCode !== 0);
        reason = failed?.state?.terminated?.reason || 'NotReady';
      }
    }
  } else {
    // kubectl still counts restarts of the regular containers while the pod initialises.
    for (const cs of containerStatuses) noteRestart(cs);
  }

  if (pod.metadata.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }

  const restarts = restartCount > 0 && lastRestartMs !== undefined ? `${restartCount} (${humanDuration(nowMs - lastRestartMs)} ago)` : String(restartCount);
  return { status: reason, ready: `${readyContainers}/${totalContainers}`, restarts, restartCount, readyContainers, totalContainers };
}

export function isoMs(iso: unknown): number | undefined {
  if (typeof iso !== 'string' || iso === '') return undefined;
  const wall = Date.parse(iso);
  return Number.isNaN(wall) ? undefined : wall - EPOCH_MS;
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    const years = Math.floor(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}
