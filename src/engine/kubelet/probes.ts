/**
 * Probes: their defaults, how one attempt is judged against the container's program, and the
 * per-container, per-type worker with its thresholds.
 * Models pkg/kubelet/prober/worker.go (doProbe), prober.go (events) and pkg/probe/{http,tcp,exec,grpc}.
 */
import type { Container, Probe } from '../api/types';
import { internAs } from '../util/intern';
import { execCommand, type ShellContext } from './shell';
import { fileAt, grpcCheck, httpGet, listensOn, type Program } from './program';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
/** What prober.go prints in events: "Liveness probe failed: …". */
export const PROBE_LABEL: Readonly<Record<ProbeType, string>> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export type ProbeHandler =
  | { readonly kind: 'http'; readonly port: number | string; readonly path: string; readonly scheme: 'HTTP' | 'HTTPS'; readonly host?: string; readonly headers: readonly { name: string; value: string }[] }
  | { readonly kind: 'tcp'; readonly port: number | string; readonly host?: string }
  | { readonly kind: 'exec'; readonly command: readonly string[] }
  | { readonly kind: 'grpc'; readonly port: number; readonly service?: string };

export interface ProbeSpec {
  readonly type: ProbeType;
  readonly handler: ProbeHandler;
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
  /** Probe-level override of the pod's grace period for liveness/startup kills. */
  readonly terminationGracePeriodSeconds?: number;
}

/** API defaults (SetDefaults_Probe): delay 0, period 10, timeout 1, success 1, failure 3; values below the minimum are raised. */
export function probeSpec(type: ProbeType, probe: Probe | undefined): ProbeSpec | undefined {
  if (!probe) return undefined;
  let handler: ProbeHandler | undefined;
  if (probe.httpGet) {
    handler = { kind: 'http', port: probe.httpGet.port as number | string, path: probe.httpGet.path || '/', scheme: probe.httpGet.scheme === 'HTTPS' ? 'HTTPS' : 'HTTP', host: probe.httpGet.host || undefined, headers: (probe.httpGet.httpHeaders ?? []).map((h) => ({ name: h.name, value: h.value })) };
  } else if (probe.tcpSocket) {
    handler = { kind: 'tcp', port: probe.tcpSocket.port as number | string, host: probe.tcpSocket.host || undefined };
  } else if (probe.exec) {
    handler = { kind: 'exec', command: probe.exec.command ?? [] };
  } else if (probe.grpc) {
    handler = { kind: 'grpc', port: probe.grpc.port, service: probe.grpc.service ?? undefined };
  }
  if (!handler) return undefined;
  const atLeast = (v: number | undefined, dflt: number, min: number) => Math.max(min, v === undefined || v === null || v === 0 ? dflt : v);
  return {
    type,
    handler,
    initialDelaySeconds: Math.max(0, probe.initialDelaySeconds ?? 0),
    periodSeconds: atLeast(probe.periodSeconds, 10, 1),
    timeoutSeconds: atLeast(probe.timeoutSeconds, 1, 1),
    successThreshold: type === 'readiness' ? atLeast(probe.successThreshold, 1, 1) : 1,
    failureThreshold: atLeast(probe.failureThreshold, 3, 1),
    terminationGracePeriodSeconds: type === 'readiness' ? undefined : probe.terminationGracePeriodSeconds ?? undefined,
  };
}

export function containerProbes(container: Container): ProbeSpec[] {
  return [probeSpec('startup', container.startupProbe), probeSpec('liveness', container.livenessProbe), probeSpec('readiness', container.readinessProbe)].filter((p): p is ProbeSpec => p !== undefined);
}

/** The kubelet's probe describe line, e.g. `http-get http://:80/health delay=5s timeout=1s period=10s #success=1 #failure=3`. */
export function describeHandler(h: ProbeHandler): string {
  switch (h.kind) {
    case 'http': return `http-get ${h.scheme.toLowerCase()}://${h.host ?? ''}:${h.port}${h.path}`;
    case 'tcp': return `tcp-socket ${h.host ?? ''}:${h.port}`;
    case 'exec': return `exec [${h.command.join(' ')}]`;
    case 'grpc': return `grpc <pod>:${h.port} ${h.service ?? ''}`.trimEnd();
  }
}

export interface ProbeAttempt {
  readonly result: 'success' | 'failure' | 'error';
  /** What the event shows after "… probe failed: " / "… probe errored: ". */
  readonly output: string;
  /** For HTTP probes that reached a server: what it served (for its access log). */
  readonly request?: { readonly path: string; readonly status: number; readonly bytes: number; readonly port: number };
}

export interface ProbeTarget {
  readonly program: Program;
  readonly container: Container;
  readonly podIP: string;
  /** ms since the process started. */
  readonly t: number;
  readonly fileOverrides?: ReadonlyMap<string, string | null>;
  /** The pod's shell for exec probes (pooled programs hold none of their own; see programShell). */
  readonly shell?: ShellContext;
}

/** Resolves a named port against the container's ports (probe.ResolveContainerPort). */
export function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function probeUrl(h: { readonly scheme: string; readonly path: string }, host: string, port: number): string {
  return `${h.scheme.toLowerCase()}://${host.includes(':') ? `[${host}]` : host}:${port}${h.path}`;
}

/** One probe attempt against the program at its current moment. */
export function runProbe(spec: ProbeSpec, target: ProbeTarget): ProbeAttempt {
  const { program, container, podIP, t } = target;
  const h = spec.handler;
  switch (h.kind) {
    case 'http': {
      const port = resolvePort(h.port, container);
      if (port === undefined) return { result: 'error', output: `couldn't find port: ${h.port} in ${container.name}` };
      const host = h.host ?? podIP;
      const res = httpGet(program, port, h.path, t);
      if (res.kind === 'refused') return { result: 'failure', output: `Get "${probeUrl(h, host, port)}": dial tcp ${host}:${port}: connect: connection refused` };
      if (res.kind === 'eof') return { result: 'failure', output: `Get "${probeUrl(h, host, port)}": EOF` };
      const request = { path: h.path, status: res.status, bytes: res.bytes, port };
      if (h.scheme === 'HTTPS') return { result: 'failure', output: `Get "${probeUrl(h, host, port)}": http: server gave HTTP response to HTTPS client`, request };
      // pkg/probe/http: 200 <= code < 400 is success.
      if (res.status >= 200 && res.status < 400) return { result: 'success', output: '', request };
      return { result: 'failure', output: `HTTP probe failed with statuscode: ${res.status}`, request };
    }
    case 'tcp': {
      const port = resolvePort(h.port, container);
      if (port === undefined) return { result: 'error', output: `couldn't find port: ${h.port} in ${container.name}` };
      const host = h.host ?? podIP;
      return listensOn(program, port, t) ? { result: 'success', output: '' } : { result: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused` };
    }
    case 'grpc': {
      const addr = `${podIP}:${h.port}`;
      const check = grpcCheck(program, h.port, t);
      if (check === 'refused') return { result: 'failure', output: `timeout: failed to connect service "${addr}" within ${spec.timeoutSeconds}s: context deadline exceeded` };
      if (check === 'unimplemented') return { result: 'failure', output: `this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health` };
      if (check === 'NOT_SERVING') return { result: 'failure', output: 'service unhealthy (responded with "NOT_SERVING")' };
      return { result: 'success', output: 'service healthy' };
    }
    case 'exec': {
      if (h.command.length === 0) return { result: 'error', output: 'exec probe has no command' };
      const shell = target.shell ?? program.shell;
      if (!shell.hasCommand(h.command[0]) && !shell.isProgram(h.command[0])) {
        return { result: 'error', output: `rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${h.command[0]}": executable file not found in $PATH: unknown` };
      }
      const files = snapshotFiles(program, t, target.fileOverrides);
      const run = execCommand(h.command, { ...shell, files });
      const output = (run.stdout + run.stderr).replace(/\n$/, '');
      return run.exitCode === 0 ? { result: 'success', output } : { result: 'failure', output };
    }
  }
}

/** The container's files at t, for exec (image files, the script's writes, then `kubectl exec` edits). */
export function snapshotFiles(program: Program, t: number, overrides?: ReadonlyMap<string, string | null>): Record<string, string> {
  const paths = new Set<string>([...Object.keys(program.imageFiles), ...program.fileOps.map((f) => f.path), ...(overrides?.keys() ?? [])]);
  const out: Record<string, string> = {};
  for (const p of paths) {
    const v = fileAt(program, p, t, overrides);
    if (v !== undefined) out[p] = v;
  }
  return out;
}

const MAX_ATTEMPTS = 10_000;
const attempts = new Map<string, ProbeAttempt>();

/** The shared copy of an attempt (attempts are immutable; coalesced workers keep theirs for replays). */
export function internAttempt(a: ProbeAttempt): ProbeAttempt {
  const r = a.request;
  const key = r ? `${a.result}\0${a.output}\0${r.path}\0${r.status}\0${r.bytes}\0${r.port}` : `${a.result}\0${a.output}`;
  return internAs(attempts, key, a, MAX_ATTEMPTS);
}

/** doProbe's results without an attempt, shared (ticks are frequent; callers only read them). */
const UNCHANGED: { readonly attempt?: ProbeAttempt; readonly changed: boolean } = Object.freeze({ changed: false });
const CHANGED: { readonly attempt?: ProbeAttempt; readonly changed: boolean } = Object.freeze({ changed: true });

export type ProbeResult = 'success' | 'failure' | 'unknown';

/**
 * One probe worker (worker.go): ticks every period from when the pod was added, skips until the
 * container runs and the initial delay has passed, holds liveness/readiness until startup
 * succeeded, and changes the visible result only after `failureThreshold` / `successThreshold`
 * identical results in a row. A liveness or startup failure puts it on hold until a new container.
 */
export class ProbeWorker {
  nextTickMs: number;
  /** resultsManager value for the current container. */
  result: ProbeResult;
  containerId: string | undefined;
  onHold = false;
  private lastResult: 'success' | 'failure' | undefined;
  private resultRun = 0;
  stopped = false;
  /**
   * Steady (see Kubelet.coalesce): ticks before `wakeMs` are not run one by one but replayed from
   * `steadyAttempt` when someone looks; undefined when the worker ticks normally.
   */
  wakeMs: number | undefined = undefined;
  /** What every coalesced tick returns (undefined: the tick runs no attempt, e.g. startup after success). */
  steadyAttempt: ProbeAttempt | undefined = undefined;

  constructor(readonly spec: ProbeSpec, addedMs: number) {
    this.nextTickMs = addedMs;
    this.result = initialResult(spec.type);
  }

  get periodMs(): number {
    return this.spec.periodSeconds * 1000;
  }

  /** The visible result is success and a success attempt changes nothing but the run length. */
  get saturatedSuccess(): boolean {
    return this.result === 'success' && this.lastResult === 'success' && this.resultRun >= this.spec.successThreshold;
  }

  /** A coalesced tick: what doProbe does with a success attempt that leaves the visible result at success. */
  replaySuccess(): void {
    this.countResult('success');
  }

  /** A coalesced tick while the container is not running: what doProbe does then (the result turns to failure). */
  replayNotRunning(): void {
    this.result = 'failure';
  }

  /** Failures in a row so far, while the visible result has not turned (they count toward failureThreshold). */
  get failuresInARow(): number {
    return this.lastResult === 'failure' ? this.resultRun : 0;
  }

  /** A coalesced tick: what doProbe does with a failure attempt that does not reach failureThreshold. */
  replayFailure(): void {
    this.countResult('failure');
  }

  /** Counts an attempt's result into the run of identical results the thresholds look at. */
  private countResult(result: 'success' | 'failure'): void {
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
  }

  /** A new container: the worker starts over from the initial result. Returns whether the visible result changed. */
  adoptContainer(containerId: string): boolean {
    this.containerId = containerId;
    const before = this.result;
    this.result = initialResult(this.spec.type);
    this.onHold = false;
    return before !== this.result;
  }

  /** Called on every tick and manual trigger. Returns the attempt when one ran, and whether the visible result changed. */
  doProbe(input: WorkerInput): { readonly attempt?: ProbeAttempt; readonly changed: boolean } {
    if (input.podTerminal) {
      this.stopped = true;
      return UNCHANGED;
    }
    if (input.containerId === undefined) {
      this.containerId = undefined;
      return UNCHANGED;
    }
    let changed = false;
    if (this.containerId !== input.containerId) changed = this.adoptContainer(input.containerId);
    if (this.onHold) return changed ? CHANGED : UNCHANGED;
    if (!input.running) {
      if (this.result !== 'failure') {
        this.result = 'failure';
        changed = true;
      }
      if (input.terminated && input.restartPolicy === 'Never') this.stopped = true;
      return changed ? CHANGED : UNCHANGED;
    }
    if (input.deleting && this.spec.type !== 'readiness') {
      // Graceful shutdown: liveness and startup stop and report success.
      if (this.result !== 'success') changed = true;
      this.result = 'success';
      this.stopped = true;
      return changed ? CHANGED : UNCHANGED;
    }
    if (Math.trunc((input.nowMs - input.startedMs) / 1000) < this.spec.initialDelaySeconds) return changed ? CHANGED : UNCHANGED;
    if (input.started) {
      if (this.spec.type === 'startup') return changed ? CHANGED : UNCHANGED;
    } else if (this.spec.type !== 'startup') {
      return changed ? CHANGED : UNCHANGED;
    }
    const attempt = input.attempt();
    if (attempt.result === 'error') return { attempt, changed };
    this.countResult(attempt.result);
    if ((attempt.result === 'failure' && this.resultRun < this.spec.failureThreshold) || (attempt.result === 'success' && this.resultRun < this.spec.successThreshold)) {
      return { attempt, changed };
    }
    if (this.result !== attempt.result) changed = true;
    this.result = attempt.result;
    if (attempt.result === 'failure' && this.spec.type !== 'readiness') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return { attempt, changed };
  }
}

export interface WorkerInput {
  readonly nowMs: number;
  readonly podTerminal: boolean;
  readonly deleting: boolean;
  readonly restartPolicy: string;
  readonly containerId: string | undefined;
  readonly running: boolean;
  readonly terminated: boolean;
  readonly startedMs: number;
  /** Startup probe passed (or there is none). */
  readonly started: boolean;
  readonly attempt: () => ProbeAttempt;
}

/** worker.go initial values: liveness Success, readiness Failure, startup Unknown. */
function initialResult(type: ProbeType): ProbeResult {
  return type === 'liveness' ? 'success' : type === 'readiness' ? 'failure' : 'unknown';
}
