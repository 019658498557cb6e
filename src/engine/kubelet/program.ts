/**
 * What a container's process does, worked out once when it starts: the image catalog entry
 * (images/catalog.ts), the container's command/args/env (Kubernetes semantics: `command` replaces
 * ENTRYPOINT, `args` replaces CMD, `$(VAR)` expands) and the `podlab.dev/` behaviour annotations.
 * The result is plain data in ms since the process started; the kubelet reads it to answer
 * probes, decide exits and OOM kills, and write logs.
 */
import type { Container } from '../api/types';
import { BUSYBOX_APPLETS, GNU_USERLAND, type BinarySpec, type HttpRoute, type ImageEntry, type LogLine, type ResolvedImage, type ServerSpec, type StopSpec } from '../images/catalog';
import { internMade } from '../util/intern';
import { behaviourOverrides, type BehaviourOverrides } from './annotations';
import { runArgv, runScript, type FileOp, type PeriodicLines, type ScriptResult, type ShellContext, type TimedLine } from './shell';

const MiB = 1024 * 1024;
/** How fast a process can fault in fresh memory (stress touching its pages). */
const ALLOC_BYTES_PER_SEC = 256 * MiB;
/** Working set of a shell or `sleep` as PID 1. */
const SHELL_MEMORY_BYTES = 400 * 1024;
const MAX_WRAPPER_DEPTH = 4;

export interface MemoryModel {
  readonly baseBytes: number;
  readonly allocations: readonly { readonly atMs: number; readonly bytes: number; readonly rampMs: number }[];
  readonly growthBytesPerSec: number;
  readonly growthFromMs: number;
  readonly plateauBytes?: number;
}

export interface ServerRun {
  /** When the server starts accepting connections (ms since the process started). */
  readonly listenFromMs: number;
  readonly spec: ServerSpec;
  readonly ports: readonly number[];
}

export interface Program {
  readonly argv: readonly string[];
  /** The runtime could not start the process (StartError, exit 128). */
  readonly startError?: string;
  readonly exitAtMs?: number;
  readonly exitCode: number;
  readonly lines: readonly TimedLine[];
  readonly periodic?: PeriodicLines;
  readonly fileOps: readonly FileOp[];
  readonly imageFiles: Readonly<Record<string, string>>;
  readonly server?: ServerRun;
  readonly listens: readonly { readonly port: number; readonly fromMs: number; readonly http: boolean }[];
  readonly memory: MemoryModel;
  readonly cpuMilli: number;
  readonly cpuBurnFromMs?: number;
  readonly cpuBurnMilli: number;
  readonly stop: StopSpec;
  readonly stopLines: readonly LogLine[];
  readonly readyAfterMs?: number;
  readonly health?: { readonly path: string; readonly failsAfterMs: number };
  readonly env: Readonly<Record<string, string>>;
  readonly version: string;
  readonly shell: ShellContext;
  /** Annotation values that could not be read (shown as a Warning event). */
  readonly problems: readonly string[];
}

export interface ProgramInput {
  readonly image: ResolvedImage;
  readonly container: Container;
  readonly podName: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly formatDate: (offsetMs: number) => string;
}

/** Container env as the process sees it: image ENV, then the container's `env` (valueFrom is not simulated), then HOSTNAME. */
export function containerEnv(entry: ImageEntry, container: Container, podName: string, version: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry.env)) env[k] = v.replace('${version}', version);
  env.HOSTNAME = podName;
  for (const e of container.env ?? []) env[e.name] = expandK8sVars(e.value ?? '', env);
  if (!env.HOME) env.HOME = '/root';
  return env;
}

/** The kubelet's `$(VAR)` expansion in command, args and env (`$$` escapes; unknown references stay as written). */
export function expandK8sVars(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => (match === '$$' ? '$' : name !== undefined && env[name] !== undefined ? env[name] : match));
}

/** ENTRYPOINT/CMD resolution: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD. */
export function effectiveArgv(entry: ImageEntry, container: Container, env: Readonly<Record<string, string>>): string[] {
  const command = container.command && container.command.length > 0 ? container.command : undefined;
  const args = container.args && container.args.length > 0 ? container.args : undefined;
  const argv = command ? [...command, ...(args ?? [])] : [...entry.entrypoint, ...(args ?? entry.cmd)];
  return argv.map((a) => expandK8sVars(a, env));
}

export function compileProgram(input: ProgramInput): Program {
  const { image, container, podName } = input;
  const entry = image.entry;
  const env = containerEnv(entry, container, podName, image.version);
  const argv = effectiveArgv(entry, container, env);
  const { overrides, problems } = behaviourOverrides(input.annotations, container.name);
  const shell: ShellContext = {
    env,
    hostname: podName,
    files: entry.files,
    hasCommand: (name) => hasCommand(entry, name),
    isProgram: (name) => isProgramBinary(entry, name),
    flavor: entry.userland === 'gnu' ? 'bash' : 'busybox',
    formatDate: input.formatDate,
  };
  const declaredPorts = (container.ports ?? []).map((p) => p.containerPort).filter((p): p is number => typeof p === 'number');
  const draft = run(argv, entry, shell, declaredPorts, env, 0, 0);
  return finish(draft, entry, image.version, env, shell, overrides, problems, argv);
}

interface Draft {
  startError?: string;
  exitAtMs?: number;
  exitCode: number;
  lines: TimedLine[];
  periodic?: PeriodicLines;
  fileOps: FileOp[];
  server?: ServerRun;
  listens: { port: number; fromMs: number; http: boolean }[];
  allocations: { atMs: number; bytes: number; rampMs: number }[];
  baseBytes: number;
  cpuMilli: number;
  cpuBurnFromMs?: number;
  cpuBurnMilli: number;
  /** The main process handles SIGTERM itself (server); shells and sleep ignore it as PID 1. */
  handlesStop: boolean;
  termTrapExitCode?: number;
  stopLines: LogLine[];
}

function emptyDraft(): Draft {
  return { exitCode: 0, lines: [], fileOps: [], listens: [], allocations: [], baseBytes: SHELL_MEMORY_BYTES, cpuMilli: 0, cpuBurnMilli: 0, handlesStop: false, stopLines: [] };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function binaryFor(entry: ImageEntry, name: string): BinarySpec | undefined {
  const base = baseName(name);
  if (entry.binaries[base]) return entry.binaries[base];
  if (['sh', 'bash', 'ash', 'dash'].includes(base) && entry.userland !== 'none' && (base !== 'bash' || entry.userland === 'gnu')) return { program: 'shell' };
  if (hasUserlandCommand(entry, base)) return { program: 'command' };
  return entry.binaries['*'];
}

function hasUserlandCommand(entry: ImageEntry, base: string): boolean {
  if (entry.userland === 'busybox') return BUSYBOX_APPLETS.has(base);
  if (entry.userland === 'gnu') return GNU_USERLAND.has(base);
  return false;
}

function hasCommand(entry: ImageEntry, name: string): boolean {
  const base = baseName(name);
  return Boolean(entry.binaries[base]) || hasUserlandCommand(entry, base);
}

function isProgramBinary(entry: ImageEntry, name: string): boolean {
  const spec = entry.binaries[baseName(name)];
  return spec !== undefined && spec.program !== 'shell' && spec.program !== 'command';
}

/** containerd/runc's message when the executable is missing. */
function notInPath(name: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${name}": executable file not found in $PATH: unknown`;
}

function run(argv: readonly string[], entry: ImageEntry, shell: ShellContext, declaredPorts: number[], env: Readonly<Record<string, string>>, offsetMs: number, depth: number): Draft {
  const draft = emptyDraft();
  if (argv.length === 0) {
    // An image with neither ENTRYPOINT nor CMD and no command: the runtime refuses to start it.
    draft.startError = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown';
    return draft;
  }
  const spec = binaryFor(entry, argv[0]);
  if (!spec) {
    draft.startError = notInPath(argv[0]);
    return draft;
  }
  switch (spec.program) {
    case 'shell':
    case 'command': {
      const base = baseName(argv[0]);
      let result: ScriptResult;
      if (spec.program === 'shell') {
        const cIndex = argv.indexOf('-c');
        if (cIndex > 0 && argv[cIndex + 1] !== undefined) result = runScript(argv[cIndex + 1], shell);
        else if (argv.length > 1 && !argv[1].startsWith('-')) {
          const script = shell.files[argv[1]];
          result = script !== undefined ? runScript(script, shell) : { lines: [{ atMs: 0, stream: 'stderr', text: shell.flavor === 'bash' ? `${base}: ${argv[1]}: No such file or directory` : `${base}: can't open '${argv[1]}': No such file or directory` }], files: [], listens: [], exitAtMs: 0, exitCode: shell.flavor === 'bash' ? 127 : 2 };
        } else {
          // A shell with no script and no terminal reads an empty stdin and exits 0 at once.
          result = { lines: [], files: [], listens: [], exitAtMs: 0, exitCode: 0 };
        }
      } else {
        result = runArgv(argv, shell);
      }
      absorbScript(draft, result, offsetMs);
      if (result.exec && depth < MAX_WRAPPER_DEPTH) return merge(draft, run(result.exec.argv, entry, shell, declaredPorts, env, offsetMs + result.exec.atMs, depth + 1));
      return draft;
    }
    case 'wrapper': {
      const rest = argv.slice(1);
      if (!spec.onlyFor || spec.onlyFor.includes(baseName(rest[0] ?? ''))) {
        for (const line of spec.logs) draft.lines.push({ atMs: offsetMs, stream: line.stream ?? 'stdout', text: line.text, template: true, perWorker: line.perWorker });
      }
      if (rest.length === 0) {
        draft.exitAtMs = offsetMs;
        return draft;
      }
      if (depth >= MAX_WRAPPER_DEPTH) return draft;
      return merge(draft, run(rest, entry, shell, declaredPorts, env, offsetMs, depth + 1));
    }
    case 'server':
      return runServer(draft, spec.server, argv, declaredPorts, env, offsetMs);
    case 'stress':
      return runStress(draft, argv.slice(1), offsetMs);
    case 'agnhost':
      return runAgnhost(draft, argv.slice(1), declaredPorts, env, offsetMs);
  }
}

function absorbScript(draft: Draft, result: ScriptResult, offsetMs: number): void {
  for (const l of result.lines) draft.lines.push({ ...l, atMs: l.atMs + offsetMs });
  for (const f of result.files) draft.fileOps.push({ ...f, atMs: f.atMs + offsetMs });
  for (const l of result.listens) draft.listens.push({ ...l, fromMs: l.fromMs + offsetMs });
  if (result.periodic) draft.periodic = { ...result.periodic, startMs: result.periodic.startMs + offsetMs };
  if (result.cpuBurnFromMs !== undefined) {
    draft.cpuBurnFromMs = result.cpuBurnFromMs + offsetMs;
    draft.cpuBurnMilli = 1000;
  }
  if (result.exitAtMs !== undefined && !result.exec) {
    draft.exitAtMs = result.exitAtMs + offsetMs;
    draft.exitCode = result.exitCode;
  }
  draft.termTrapExitCode = result.termTrapExitCode;
}

/** The exec'd program replaces the shell: its behaviour wins, the shell's earlier output and files stay. */
function merge(before: Draft, after: Draft): Draft {
  return {
    ...after,
    lines: [...before.lines, ...after.lines],
    fileOps: [...before.fileOps, ...after.fileOps],
    listens: [...before.listens, ...after.listens],
    periodic: after.periodic ?? before.periodic,
    startError: after.startError,
  };
}

function runServer(draft: Draft, server: ServerSpec, argv: readonly string[], declaredPorts: number[], env: Readonly<Record<string, string>>, offsetMs: number): Draft {
  const d = { ...draft, baseBytes: server.memoryBytes, cpuMilli: server.cpuMilli, handlesStop: true, stopLines: [...(server.logs.stop ?? [])] };
  const joined = argv.slice(1).join(' ');
  for (const line of server.logs.start) d.lines.push({ atMs: offsetMs + server.startupMs, stream: line.stream ?? 'stdout', text: line.text, template: true, perWorker: line.perWorker });
  if (server.foregroundArgs && !server.foregroundArgs.some((a) => joined.includes(a))) {
    // The binary forks into the background and PID 1 returns: the container completes at once.
    d.exitAtMs = offsetMs + server.startupMs;
    d.exitCode = 0;
    return d;
  }
  let ports: number[] = server.ports === 'declared' ? declaredPorts : [...server.ports];
  if (server.portEnv && env[server.portEnv] && Number.isInteger(Number(env[server.portEnv]))) ports = [Number(env[server.portEnv])];
  d.server = { listenFromMs: offsetMs + server.startupMs, spec: server, ports };
  return d;
}

/** stress(1) sizes: a number with b, k, m or g (1024-based, either case). */
export function parseStressBytes(text: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mult;
}

function parseStressSeconds(text: string): number | undefined {
  const m = /^(\d+)([smhdy]?)$/.exec(text);
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86_400, y: 31_536_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd' | 'y'];
  return Number(m[1]) * mult;
}

/** Models stress 1.0.4: workers for --cpu, --io, --vm (each --vm worker holds --vm-bytes), --timeout. */
function runStress(draft: Draft, args: readonly string[], offsetMs: number): Draft {
  const d = { ...draft, baseBytes: 700 * 1024 };
  const opts = { cpu: 0, io: 0, vm: 0, hdd: 0, vmBytes: 256 * MiB, hang: -1, timeout: 0 };
  const fail = (text: string) => {
    d.lines.push({ atMs: offsetMs, stream: 'stderr', text });
    d.exitAtMs = offsetMs;
    d.exitCode = 1;
    return d;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    const num = (): number | undefined => (next !== undefined && /^\d+$/.test(next) ? (i++, Number(next)) : undefined);
    switch (a) {
      case '-c': case '--cpu': { const n = num(); if (n === undefined) return fail('stress: FAIL: [1] (257) invalid number of cpu hogs'); opts.cpu = n; break; }
      case '-i': case '--io': { const n = num(); if (n === undefined) return fail('stress: FAIL: [1] (257) invalid number of io hogs'); opts.io = n; break; }
      case '-m': case '--vm': { const n = num(); if (n === undefined) return fail('stress: FAIL: [1] (257) invalid number of vm hogs'); opts.vm = n; break; }
      case '-d': case '--hdd': { const n = num(); if (n === undefined) return fail('stress: FAIL: [1] (257) invalid number of hdd hogs'); opts.hdd = n; break; }
      case '--vm-bytes': {
        const b = next !== undefined ? parseStressBytes(next) : undefined;
        if (b === undefined) return fail('stress: FAIL: [1] (257) invalid vm byte value');
        opts.vmBytes = b;
        i++;
        break;
      }
      case '--vm-hang': { const n = num(); if (n === undefined) return fail('stress: FAIL: [1] (257) invalid vm hang value'); opts.hang = n; break; }
      case '-t': case '--timeout': {
        const s = next !== undefined ? parseStressSeconds(next) : undefined;
        if (s === undefined) return fail('stress: FAIL: [1] (257) invalid timeout value');
        opts.timeout = s;
        i++;
        break;
      }
      case '-v': case '--verbose': case '-q': case '--quiet': case '-n': case '--dry-run': case '--vm-keep': break;
      case '--vm-stride': case '--hdd-bytes': case '--backoff': i++; break;
      case '-?': case '--help': case '--version':
        d.lines.push({ atMs: offsetMs, stream: 'stdout', text: a === '--version' ? 'stress 1.0.4' : '`stress\' imposes certain types of compute stress on your system' });
        d.exitAtMs = offsetMs;
        return d;
      default:
        return fail(`stress: FAIL: [1] (244) unrecognized option: ${a}`);
    }
  }
  if (opts.cpu + opts.io + opts.vm + opts.hdd === 0) {
    d.lines.push({ atMs: offsetMs, stream: 'stdout', text: '`stress\' imposes certain types of compute stress on your system' });
    d.exitAtMs = offsetMs;
    d.exitCode = 1;
    return d;
  }
  d.lines.push({ atMs: offsetMs, stream: 'stdout', text: `stress: info: [1] dispatching hogs: ${opts.cpu} cpu, ${opts.io} io, ${opts.vm} vm, ${opts.hdd} hdd` });
  if (opts.vm > 0) {
    const total = opts.vm * opts.vmBytes;
    d.allocations.push({ atMs: offsetMs, bytes: total, rampMs: Math.max(1, Math.round((total / ALLOC_BYTES_PER_SEC) * 1000)) });
  }
  // vm workers re-touch their memory in a loop unless --vm-hang parks them.
  d.cpuMilli = opts.cpu * 1000 + opts.io * 50 + opts.hdd * 100 + (opts.hang >= 0 ? 0 : opts.vm * 1000);
  if (opts.timeout > 0) {
    d.exitAtMs = offsetMs + opts.timeout * 1000;
    d.lines.push({ atMs: d.exitAtMs, stream: 'stdout', text: `stress: info: [1] successful run completed in ${opts.timeout}s` });
  }
  return d;
}

const agnhostServer = (ports: number[], routes: HttpRoute[], fallback: ServerSpec['fallback'], start: LogLine[]): ServerSpec => ({
  ports, protocol: 'http', routes, fallback, startupMs: 20, memoryBytes: 6 * MiB, cpuMilli: 0, grpcHealth: false, logs: { start },
});

function runAgnhost(draft: Draft, args: readonly string[], declaredPorts: number[], env: Readonly<Record<string, string>>, offsetMs: number): Draft {
  const sub = args[0];
  const flag = (name: string, dflt: number) => {
    const hit = args.find((a) => a.startsWith(`--${name}=`));
    return hit ? Number(hit.slice(name.length + 3)) || dflt : dflt;
  };
  switch (sub) {
    case 'liveness':
      return runServer(draft, agnhostServer([8080], [{ path: '/healthz', status: 200, bytes: 2, untilMs: 10_000 }, { path: '/healthz', status: 500, bytes: 16, fromMs: 10_000 }, { path: '/started', status: 200, bytes: 2 }], { status: 404, bytes: 19 }, []), ['liveness'], declaredPorts, env, offsetMs);
    case 'netexec': {
      const port = flag('http-port', 8080);
      return runServer(draft, agnhostServer([port], [{ path: '/*', status: 200, bytes: 40 }], { status: 200, bytes: 40 }, [{ text: '${ts:go} Started HTTP server on port ${port}', stream: 'stderr' }]), ['netexec'], declaredPorts, env, offsetMs);
    }
    case 'serve-hostname':
      return runServer(draft, agnhostServer([flag('port', 9376)], [{ path: '/*', status: 200, bytes: 20 }], { status: 200, bytes: 20 }, [{ text: '${ts:go} Serving on port ${port}.', stream: 'stderr' }]), ['serve-hostname'], declaredPorts, env, offsetMs);
    case 'pause':
      return runServer(draft, agnhostServer([], [], { status: 0, bytes: 0 }, [{ text: 'Paused', stream: 'stdout' }]), ['pause'], declaredPorts, env, offsetMs);
    default: {
      const d = { ...draft };
      d.lines.push({ atMs: offsetMs, stream: 'stderr', text: sub === undefined ? 'Usage:\n  agnhost [command]' : `Error: unknown command "${sub}" for "agnhost"` });
      d.exitAtMs = offsetMs;
      d.exitCode = 1;
      return d;
    }
  }
}

function finish(draft: Draft, entry: ImageEntry, version: string, env: Record<string, string>, shell: ShellContext, o: BehaviourOverrides, problems: string[], argv: string[]): Program {
  let exitAtMs = draft.exitAtMs;
  let exitCode = draft.exitCode;
  if (o.exitAfterMs !== undefined && (exitAtMs === undefined || o.exitAfterMs < exitAtMs)) {
    exitAtMs = o.exitAfterMs;
    exitCode = o.exitCode ?? 0;
  } else if (o.exitCode !== undefined && exitAtMs !== undefined && o.exitAfterMs === undefined) {
    exitCode = o.exitCode;
  }
  let server = draft.server;
  if (server && o.startupMs !== undefined) server = { ...server, listenFromMs: o.startupMs };
  const stop: StopSpec = stopBehaviour(entry, draft, o);
  const lines = server && o.startupMs !== undefined ? draft.lines.map((l) => (l.atMs === draft.server!.listenFromMs ? { ...l, atMs: o.startupMs! } : l)) : draft.lines;
  return {
    argv,
    startError: draft.startError,
    exitAtMs,
    exitCode,
    lines,
    periodic: draft.periodic,
    fileOps: draft.fileOps,
    imageFiles: entry.files,
    server,
    listens: draft.listens,
    memory: {
      baseBytes: o.memoryBytes ?? draft.baseBytes,
      allocations: draft.allocations,
      growthBytesPerSec: o.memoryGrowthBytesPerSec ?? 0,
      growthFromMs: server?.listenFromMs ?? 0,
      plateauBytes: o.memoryPlateauBytes,
    },
    cpuMilli: o.cpuMilli ?? draft.cpuMilli,
    cpuBurnFromMs: draft.cpuBurnFromMs,
    cpuBurnMilli: draft.cpuBurnMilli,
    stop,
    stopLines: draft.stopLines,
    readyAfterMs: o.readyAfterMs,
    health: o.healthFailsAfterMs !== undefined || o.healthPath !== undefined ? { path: o.healthPath ?? '/healthz', failsAfterMs: o.healthFailsAfterMs ?? Infinity } : undefined,
    env,
    version,
    shell,
    problems,
  };
}

/** How the process reacts to the stop signal: servers per image, shells and sleep ignore SIGTERM as PID 1. */
function stopBehaviour(entry: ImageEntry, draft: Draft, o: BehaviourOverrides): StopSpec {
  let stop: StopSpec = draft.handlesStop ? entry.stop : { signal: entry.stop.signal, exitsAfterMs: null, exitCode: 137 };
  if (!draft.handlesStop && draft.termTrapExitCode !== undefined) stop = { signal: entry.stop.signal, exitsAfterMs: 0, exitCode: draft.termTrapExitCode };
  if (o.ignoreSigterm) stop = { ...stop, exitsAfterMs: null };
  else if (o.shutdownMs !== undefined) stop = { ...stop, exitsAfterMs: o.shutdownMs, exitCode: stop.exitsAfterMs === null ? 0 : stop.exitCode };
  return stop;
}

// ---------------------------------------------------------------------------------------------------
// Reading the model at a moment (t = ms since the process started).
// ---------------------------------------------------------------------------------------------------

export function memoryAt(m: MemoryModel, t: number): number {
  let total = m.baseBytes;
  for (const a of m.allocations) {
    if (t <= a.atMs) continue;
    total += t >= a.atMs + a.rampMs ? a.bytes : (a.bytes * (t - a.atMs)) / a.rampMs;
  }
  if (m.growthBytesPerSec > 0 && t > m.growthFromMs) total += (m.growthBytesPerSec * (t - m.growthFromMs)) / 1000;
  if (m.plateauBytes !== undefined) total = Math.min(total, Math.max(m.plateauBytes, m.baseBytes));
  return Math.round(total);
}

/** First moment (ms since start, whole ms) the working set exceeds `limitBytes`, or undefined if never. */
export function firstExceed(m: MemoryModel, limitBytes: number): number | undefined {
  if (m.plateauBytes !== undefined && Math.max(m.plateauBytes, m.baseBytes) <= limitBytes) return undefined;
  if (memoryAt(m, 0) > limitBytes) return 0;
  const points = new Set<number>([0, m.growthFromMs]);
  for (const a of m.allocations) {
    points.add(a.atMs);
    points.add(a.atMs + a.rampMs);
  }
  const sorted = [...points].filter((p) => p >= 0).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    const b = i + 1 < sorted.length ? sorted[i + 1] : undefined;
    if (b === undefined) {
      const slope = m.growthBytesPerSec / 1000;
      if (slope <= 0) return memoryAt(m, a + 1) > limitBytes ? a + 1 : undefined;
      return a + Math.max(1, Math.floor((limitBytes - memoryAt(m, a)) / slope) + 1);
    }
    if (memoryAt(m, b) > limitBytes) {
      // Linear on [a, b]: binary search the whole millisecond.
      let lo = a, hi = b;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (memoryAt(m, mid) > limitBytes) hi = mid;
        else lo = mid;
      }
      return hi;
    }
  }
  return undefined;
}

export function cpuDemandAt(p: Program, t: number): number {
  const burn = p.cpuBurnFromMs !== undefined && t >= p.cpuBurnFromMs ? p.cpuBurnMilli : 0;
  return p.cpuMilli + burn;
}

export type HttpOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly bytes: number }
  | { readonly kind: 'refused' }
  | { readonly kind: 'eof' };

/** Whether something accepts TCP connections on `port` at t. */
export function listensOn(p: Program, port: number, t: number): 'http' | 'tcp' | undefined {
  if (p.server && t >= p.server.listenFromMs && p.server.ports.includes(port)) return p.server.spec.protocol === 'http' ? 'http' : 'tcp';
  const l = p.listens.find((x) => x.port === port && t >= x.fromMs);
  return l ? (l.http ? 'http' : 'tcp') : undefined;
}

/** What an HTTP GET to `path` on `port` gets at t. */
export function httpGet(p: Program, port: number, path: string, t: number): HttpOutcome {
  const proto = listensOn(p, port, t);
  if (!proto) return { kind: 'refused' };
  if (proto === 'tcp') return { kind: 'eof' };
  const cleanPath = path.split('?')[0] || '/';
  if (p.health && cleanPath === p.health.path) return t >= p.health.failsAfterMs ? { kind: 'response', status: 500, bytes: 21 } : { kind: 'response', status: 200, bytes: 2 };
  if (p.readyAfterMs !== undefined && t < p.readyAfterMs) return { kind: 'response', status: 503, bytes: 19 };
  if (!p.server) return { kind: 'response', status: 404, bytes: 0 };
  for (const route of p.server.spec.routes) {
    const matches = route.path.endsWith('*') ? cleanPath.startsWith(route.path.slice(0, -1)) : cleanPath === route.path;
    if (!matches) continue;
    if (route.fromMs !== undefined && t - p.server.listenFromMs < route.fromMs) continue;
    if (route.untilMs !== undefined && t - p.server.listenFromMs >= route.untilMs) continue;
    return { kind: 'response', status: route.status, bytes: route.bytes };
  }
  return { kind: 'response', status: p.server.spec.fallback.status, bytes: p.server.spec.fallback.bytes };
}

/** gRPC health check result at t: SERVING only for servers that implement the health protocol. */
export function grpcCheck(p: Program, port: number, t: number): 'SERVING' | 'NOT_SERVING' | 'refused' | 'unimplemented' {
  if (!listensOn(p, port, t)) return 'refused';
  if (p.readyAfterMs !== undefined && t < p.readyAfterMs) return 'NOT_SERVING';
  if (p.health && t >= p.health.failsAfterMs) return 'NOT_SERVING';
  if (p.server?.spec.grpcHealth || (p.health !== undefined || p.readyAfterMs !== undefined)) return 'SERVING';
  return 'unimplemented';
}

/** The file at `path` as the process sees it at t (image files, then the script's writes). */
export function fileAt(p: Program, path: string, t: number, overrides?: ReadonlyMap<string, string | null>): string | undefined {
  if (overrides?.has(path)) {
    const v = overrides.get(path);
    return v === null ? undefined : v;
  }
  let content: string | undefined = p.imageFiles[path];
  for (const op of p.fileOps) {
    if (op.atMs > t) break;
    if (op.path === path) content = op.content ?? undefined;
  }
  return content;
}

/**
 * The first offset after `t` at which anything a probe can see may change (listening, readiness
 * and health thresholds, route windows, file writes, the exit), or Infinity. Probe answers are
 * constant on [t, nextChangeAfterMs(t)), which is what lets the kubelet skip steady probe ticks.
 */
export function nextChangeAfterMs(p: Program, t: number): number {
  // Called on every coalescing decision: a plain helper, not a closure per call.
  let next = Infinity;
  if (p.server) {
    const from = p.server.listenFromMs;
    next = earliestAfter(from, t, next);
    for (const r of p.server.spec.routes) {
      if (r.fromMs !== undefined) next = earliestAfter(from + r.fromMs, t, next);
      if (r.untilMs !== undefined) next = earliestAfter(from + r.untilMs, t, next);
    }
  }
  for (const l of p.listens) next = earliestAfter(l.fromMs, t, next);
  next = earliestAfter(p.readyAfterMs, t, next);
  next = earliestAfter(p.health?.failsAfterMs, t, next);
  next = earliestAfter(p.exitAtMs, t, next);
  for (const f of p.fileOps) next = earliestAfter(f.atMs, t, next);
  return next;
}

/** `x` when it falls after `t` and before `next`, else `next`. */
function earliestAfter(x: number | undefined, t: number, next: number): number {
  return x !== undefined && x > t && x < next ? x : next;
}

/** Stands in for the pod name while compiling a program that may be shared. */
const HOST_SENTINEL = 'podlab-shared-host-q7x';
const MAX_SHARED_PROGRAMS = 1_000;

/**
 * compileProgram, sharing the compiled data between containers that only differ in their pod's
 * name (a ReplicaSet's pods). The result may be a shared program whose `env` and `shell` stand for
 * no pod in particular: read those through `programShell`. A program whose data depends on the pod
 * name or the start time (`echo $HOSTNAME`, `date`) is compiled on its own.
 */
export function compileProgramPooled(cache: Map<string, Program | null>, input: ProgramInput): Program {
  const c = input.container;
  const key = JSON.stringify([input.image.ref?.normalized ?? input.image, input.image.version, c.name, c.command ?? null, c.args ?? null, c.env ?? null, c.ports ?? null, input.annotations ?? null]);
  // null: this program's data names the pod or the clock, so each container compiles its own.
  const shared = internMade(cache, key, () => {
    let dated = false;
    const p = compileProgram({ ...input, podName: HOST_SENTINEL, formatDate: (offsetMs) => ((dated = true), input.formatDate(offsetMs)) });
    const data = JSON.stringify({ ...p, env: { ...p.env, HOSTNAME: '' }, shell: null });
    return dated || data.includes(HOST_SENTINEL) ? null : p;
  }, MAX_SHARED_PROGRAMS);
  return shared ?? compileProgram(input);
}

/** Whether `program` is a pooled one (its env and shell name no pod). */
export function isPooled(program: Program): boolean {
  return program.shell.hostname === HOST_SENTINEL;
}

/** The shell the process of `podName` sees; `formatDate` replaces the compile-time clock when given. */
export function programShell(program: Program, podName: string, formatDate?: (offsetMs: number) => string): ShellContext {
  if (!isPooled(program)) return formatDate ? { ...program.shell, formatDate } : program.shell;
  const env = { ...program.env, HOSTNAME: podName };
  return { ...program.shell, env, hostname: podName, formatDate: formatDate ?? program.shell.formatDate };
}
