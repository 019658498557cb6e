/**
 * The pod-level parts of the status the kubelet writes: phase, the kubelet-owned conditions and the
 * QoS class. Pure functions of the container statuses, like the real code.
 * Models pkg/kubelet/kubelet_pods.go getPhase and pkg/kubelet/status/generate.go.
 */
import type { Container, ContainerStatus, PodCondition, PodSpec } from '../api/types';
import { tryParseQuantity } from '../api/quantity';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

function isSidecar(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/** kubelet_pods.go getPhase. `podIsTerminal`: the kubelet decided the pod will not run again (deleted, or finished with no restarts). */
export function getPhase(spec: PodSpec, initStatuses: readonly ContainerStatus[], statuses: readonly ContainerStatus[], podIsTerminal: boolean): PodPhase {
  let pendingRestartable = 0;
  let pendingRegularInit = 0;
  let failedInitialization = 0;
  for (const c of spec.initContainers ?? []) {
    const s = statusOf(initStatuses, c.name);
    if (isSidecar(c)) {
      if (!s || !s.started) pendingRestartable++;
      continue;
    }
    if (!s) { pendingRegularInit++; continue; }
    if (s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) { if (s.state.terminated.exitCode !== 0) failedInitialization++; }
    else if (s.state?.waiting) {
      if (s.lastState?.terminated) { if (s.lastState.terminated.exitCode !== 0) failedInitialization++; }
      else pendingRegularInit++;
    } else pendingRegularInit++;
  }
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of spec.containers ?? []) {
    const s = statusOf(statuses, c.name);
    if (!s) { unknown++; continue; }
    if (s.state?.running) running++;
    else if (s.state?.terminated) { stopped++; if (s.state.terminated.exitCode === 0) succeeded++; }
    else if (s.state?.waiting) { if (s.lastState?.terminated) stopped++; else waiting++; }
    else unknown++;
  }
  const restartPolicy = spec.restartPolicy ?? 'Always';
  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingRestartable > 0 && running + stopped === 0)) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** Go's fmt %s of a []string: `[a b]`. */
function goList(names: readonly string[]): string {
  return `[${names.join(' ')}]`;
}

type BareCondition = Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'>;

/** status/generate.go GenerateContainersReadyCondition. */
export function containersReadyCondition(spec: PodSpec, initStatuses: readonly ContainerStatus[], statuses: readonly ContainerStatus[], phase: PodPhase): BareCondition {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of spec.initContainers ?? []) {
    if (!isSidecar(c)) continue;
    const s = statusOf(initStatuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  for (const c of spec.containers ?? []) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length > 0) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: messages.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

/** GeneratePodReadyCondition: follows ContainersReady, then the readiness gates. */
export function podReadyCondition(spec: PodSpec, conditions: readonly PodCondition[], containersReady: BareCondition): BareCondition {
  if (containersReady.status !== 'True') return { type: 'Ready', status: containersReady.status, reason: containersReady.reason, message: containersReady.message };
  const missing: string[] = [];
  const falseGates: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) missing.push(gate.conditionType);
    else if (c.status !== 'True') falseGates.push(gate.conditionType);
  }
  const messages: string[] = [];
  if (missing.length > 0) messages.push(`corresponding condition of pod readiness gate "${missing.join(', ')}" does not exist.`);
  if (falseGates.length > 0) messages.push(`the status of pod readiness gate "${falseGates.join(', ')}" is not "True", but False`);
  if (messages.length > 0) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/** GeneratePodInitializedCondition. */
export function initializedCondition(spec: PodSpec, initStatuses: readonly ContainerStatus[], statuses: readonly ContainerStatus[], phase: PodPhase): BareCondition {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers ?? []) {
    const s = statusOf(initStatuses, c.name);
    if (!s) { unknown.push(c.name); continue; }
    if (isSidecar(c)) { if (!s.started) incomplete.push(c.name); continue; }
    if (!s.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  // Once a regular container has started the pod was initialized, even if sidecars restart later.
  if (statuses.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)) return { type: 'Initialized', status: 'True' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length > 0) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

const KUBELET_OWNED_CONDITIONS: ReadonlySet<string> = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

/**
 * The full condition list as a recent kubelet publishes it: PodReadyToStartContainers, Initialized,
 * Ready, ContainersReady, then PodScheduled (kept from the scheduler, or added as True). A
 * condition keeps its lastTransitionTime while its status does not change.
 */
export function podConditions(spec: PodSpec, phase: PodPhase, initStatuses: readonly ContainerStatus[], statuses: readonly ContainerStatus[], sandboxReady: boolean, old: readonly PodCondition[], nowIso: string): PodCondition[] {
  const containersReady = containersReadyCondition(spec, initStatuses, statuses, phase);
  const bare: BareCondition[] = [
    sandboxReady ? { type: 'PodReadyToStartContainers', status: 'True' } : { type: 'PodReadyToStartContainers', status: 'False' },
    initializedCondition(spec, initStatuses, statuses, phase),
    podReadyCondition(spec, old, containersReady),
    containersReady,
  ];
  const kubeletOwned = KUBELET_OWNED_CONDITIONS;
  const scheduled = old.find((c) => c.type === 'PodScheduled');
  const out: PodCondition[] = bare.map((c) => withTransition(c, old.find((o) => o.type === c.type), nowIso));
  // Conditions written by others (readiness gates, DisruptionTarget) are kept as they are.
  for (const c of old) if (!kubeletOwned.has(c.type) && c.type !== 'PodScheduled') out.push(c);
  out.push(scheduled ?? withTransition({ type: 'PodScheduled', status: 'True' }, undefined, nowIso));
  // Unchanged conditions are the old objects, and an unchanged list the old array: most status
  // builds change nothing here, and shared pieces make the writer's comparisons identity checks.
  if (out.length !== old.length) return out;
  for (let i = 0; i < out.length; i++) if (out[i] !== old[i]) return out;
  return old as PodCondition[];
}

function withTransition(c: BareCondition, previous: PodCondition | undefined, nowIso: string): PodCondition {
  if (previous !== undefined && sameCondition(c, previous)) return previous;
  const out: PodCondition = { type: c.type, status: c.status, lastProbeTime: null as unknown as string, lastTransitionTime: previous && previous.status === c.status ? previous.lastTransitionTime : nowIso };
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

/** `previous` is exactly what withTransition would build for `c` (no other fields, no probe time). */
function sameCondition(c: BareCondition, previous: PodCondition): boolean {
  if (previous.status !== c.status || previous.lastProbeTime !== null || (previous.reason ?? undefined) !== (c.reason || undefined) || (previous.message ?? undefined) !== (c.message || undefined)) return false;
  let fields = 0;
  for (const key in previous) if (Object.prototype.hasOwnProperty.call(previous, key)) fields++;
  return fields === 4 + (c.reason ? 1 : 0) + (c.message ? 1 : 0);
}

/** pkg/apis/core/v1/helper/qos GetPodQOS. */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const all = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const [name, raw] of Object.entries(req)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = tryParseQuantity(raw);
      if (q && !q.isZero()) requests.set(name, (requests.get(name) ?? 0) + q.milliValue());
    }
    const have = new Set<string>();
    for (const [name, raw] of Object.entries(lim)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = tryParseQuantity(raw);
      if (q && !q.isZero()) {
        have.add(name);
        limits.set(name, (limits.get(name) ?? 0) + q.milliValue());
      }
    }
    if (!have.has('cpu') || !have.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, value] of requests) if (limits.get(name) !== value) guaranteed = false;
  }
  return guaranteed && limits.size === 2 ? 'Guaranteed' : 'Burstable';
}
