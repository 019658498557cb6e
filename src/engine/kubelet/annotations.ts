/**
 * `podlab.dev/` annotations that let learners model their own app on a pod (or a pod template):
 * memory growth, exit after N s, a health endpoint that starts failing, slow readiness, startup
 * time, CPU use. They only describe the app; what happens next (OOMKilled, restarts, READY 0/1)
 * follows from the kubelet's rules. `podlab.dev/<key>.<container>` targets one container.
 */
import { tryParseQuantity } from '../api/quantity';
import { registerPodlabAnnotation } from '../apiserver/schema/annotations';

export interface BehaviourOverrides {
  startupMs?: number;
  readyAfterMs?: number;
  healthPath?: string;
  healthFailsAfterMs?: number;
  exitAfterMs?: number;
  exitCode?: number;
  memoryBytes?: number;
  memoryGrowthBytesPerSec?: number;
  memoryPlateauBytes?: number;
  cpuMilli?: number;
  shutdownMs?: number;
  ignoreSigterm?: boolean;
}

interface Spec {
  readonly key: string;
  readonly example: string;
  readonly description: string;
  readonly apply: (value: string, into: BehaviourOverrides) => boolean;
}

const seconds = (v: string): number | undefined => {
  const n = Number(v.trim().replace(/s$/, ''));
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : undefined;
};
const bytes = (v: string): number | undefined => {
  const q = tryParseQuantity(v.trim());
  return q && q.sign() >= 0 ? q.value() : undefined;
};

const SPECS: readonly Spec[] = [
  {
    key: 'startup-seconds', example: '20',
    description: 'Seconds the app needs before it accepts connections; until then HTTP, TCP and gRPC probes get "connection refused".',
    apply: (v, o) => set(seconds(v), (x) => (o.startupMs = x)),
  },
  {
    key: 'ready-after-seconds', example: '15',
    description: 'Seconds after start during which every HTTP path but the health endpoint answers 503 and gRPC health answers NOT_SERVING (a slow warm-up). Readiness probes fail, so the pod shows READY 0/1 without restarting.',
    apply: (v, o) => set(seconds(v), (x) => (o.readyAfterMs = x)),
  },
  {
    key: 'health-path', example: '/healthz',
    description: 'Path of the app\'s health endpoint (default `/healthz`). It answers 200 until `podlab.dev/health-fails-after-seconds`.',
    apply: (v, o) => (v.startsWith('/') ? ((o.healthPath = v.trim()), true) : false),
  },
  {
    key: 'health-fails-after-seconds', example: '60',
    description: 'From this many seconds after start the health endpoint answers 500 (gRPC: NOT_SERVING), like an app that has wedged. A liveness probe on it restarts the container.',
    apply: (v, o) => set(seconds(v), (x) => (o.healthFailsAfterMs = x)),
  },
  {
    key: 'exit-after-seconds', example: '30',
    description: 'The process exits on its own this many seconds after it starts (with `podlab.dev/exit-code`, default 0).',
    apply: (v, o) => set(seconds(v), (x) => (o.exitAfterMs = x)),
  },
  {
    key: 'exit-code', example: '1',
    description: 'Exit code of the exit set by `podlab.dev/exit-after-seconds` (0 = Completed, anything else = Error).',
    apply: (v, o) => {
      const n = Number(v.trim());
      return Number.isInteger(n) && n >= 0 && n <= 255 ? ((o.exitCode = n), true) : false;
    },
  },
  {
    key: 'memory', example: '64Mi',
    description: 'Working-set memory the app uses once started (a quantity). Above the container\'s memory limit it is OOMKilled (exit 137).',
    apply: (v, o) => set(bytes(v), (x) => (o.memoryBytes = x)),
  },
  {
    key: 'memory-growth', example: '5Mi/s',
    description: 'Memory the app adds every second (a leak), e.g. `5Mi` or `5Mi/s`. It is OOMKilled when it crosses the limit.',
    apply: (v, o) => set(bytes(v.replace(/\/s$/, '')), (x) => (o.memoryGrowthBytesPerSec = x)),
  },
  {
    key: 'memory-plateau', example: '200Mi',
    description: 'Memory stops growing at this level (a cache that fills up).',
    apply: (v, o) => set(bytes(v), (x) => (o.memoryPlateauBytes = x)),
  },
  {
    key: 'cpu', example: '250m',
    description: 'CPU the app wants (a quantity, `500m` = half a core). Above the CPU limit it is throttled, never killed; `kubectl top` shows the throttled use.',
    apply: (v, o) => {
      const q = tryParseQuantity(v.trim());
      return q && q.sign() >= 0 ? ((o.cpuMilli = q.milliValue()), true) : false;
    },
  },
  {
    key: 'shutdown-seconds', example: '10',
    description: 'Seconds the app needs to stop after SIGTERM. Longer than the grace period means a SIGKILL (exit 137).',
    apply: (v, o) => set(seconds(v), (x) => (o.shutdownMs = x)),
  },
  {
    key: 'ignore-sigterm', example: 'true',
    description: 'The app ignores SIGTERM (like a shell or `sleep` as PID 1): stopping it always takes the whole grace period and ends in SIGKILL (137).',
    apply: (v, o) => ((o.ignoreSigterm = v.trim() === 'true'), true),
  },
];

function set(value: number | undefined, assign: (x: number) => void): boolean {
  if (value === undefined) return false;
  assign(value);
  return true;
}

export const BEHAVIOUR_ANNOTATION_PREFIX = 'podlab.dev/';

for (const spec of SPECS) {
  registerPodlabAnnotation({
    key: BEHAVIOUR_ANNOTATION_PREFIX + spec.key,
    appliesTo: ['Pod', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'Deployment'],
    description: `${spec.description} Add \`.<container>\` to the key to target one container.`,
    example: spec.example,
  });
}

/** Reads the behaviour annotations for one container: pod-wide keys, then `<key>.<container>` overrides. */
export function behaviourOverrides(annotations: Readonly<Record<string, string>> | undefined, containerName: string): { overrides: BehaviourOverrides; problems: string[] } {
  const overrides: BehaviourOverrides = {};
  const problems: string[] = [];
  if (!annotations) return { overrides, problems };
  for (const suffix of ['', `.${containerName}`]) {
    for (const spec of SPECS) {
      const key = BEHAVIOUR_ANNOTATION_PREFIX + spec.key + suffix;
      const value = annotations[key];
      if (value === undefined) continue;
      if (!spec.apply(value, overrides)) problems.push(`${key}: cannot read ${JSON.stringify(value)} (example: ${JSON.stringify(spec.example)})`);
    }
  }
  return { overrides, problems };
}

/** The documented keys, for the README and the editor. */
export function behaviourAnnotationDocs(): { key: string; example: string; description: string }[] {
  return SPECS.map((s) => ({ key: BEHAVIOUR_ANNOTATION_PREFIX + s.key, example: s.example, description: s.description }));
}
