/**
 * Apply → scheduled and Running at max speed: apply a 1,000-replica ReplicaSet and advance virtual
 * time until every pod runs, measuring the wall time that takes, each run on a fresh cluster.
 * The app's worker runs the engine for as long as the page is open, so the checked figure is the
 * steady state: the median of MEASURED runs after WARMUP warm-up runs (each with its own seed).
 * Reported beside it, not checked: the cold run (the first in a fresh process, JIT still cold) and
 * the first warm run (the first warm-up, i.e. a second cluster in the same process).
 *   tsx bench/applyCase.ts <replicas>
 */
import { createCluster } from '../src/engine/index';
import { nodesFor } from './workload';

const replicas = Number(process.argv[2] ?? 1000);
const WARMUP = 3;
const MEASURED = 5;
const manifest = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: bulk}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: bulk}}
  template:
    metadata: {labels: {app: bulk}}
    spec:
      containers:
      - {name: web, image: nginx:1.27, resources: {requests: {cpu: 10m, memory: 16Mi}}}
`;

function run(seed: number): { wallMs: number; virtualMs: number; running: number } {
  const cluster = createCluster({ seed, nodes: nodesFor(10, replicas) });
  const running = () => cluster.sim.store.list('Pod').filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length;
  const start = performance.now();
  cluster.apply(manifest);
  let virtualMs = 0;
  while (running() < replicas && virtualMs < 600_000) {
    cluster.advance(1000);
    virtualMs += 1000;
  }
  return { wallMs: performance.now() - start, virtualMs, running: running() };
}

let seed = 1;
const cold = run(seed++);
const warmups = Array.from({ length: WARMUP }, () => run(seed++));
const measured = Array.from({ length: MEASURED }, () => run(seed++));
const walls = measured.map((r) => r.wallMs).sort((a, b) => a - b);
const median = walls[Math.floor(walls.length / 2)];
// Every run must have reached all Running, or the figure would time a shorter job.
const running = Math.min(...[cold, ...warmups, ...measured].map((r) => r.running));
const last = measured[measured.length - 1];
console.log(JSON.stringify({
  replicas,
  running,
  virtualSecondsToRunning: last.virtualMs / 1000,
  coldWallMs: Math.round(cold.wallMs),
  firstWarmWallMs: Math.round(warmups[0]?.wallMs ?? NaN),
  warmupRuns: WARMUP,
  measuredRuns: MEASURED,
  measuredWallMs: measured.map((r) => Math.round(r.wallMs)),
  wallMs: Math.round(median),
}));
