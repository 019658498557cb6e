/**
 * Apply → scheduled and Running at max speed: apply a 1,000-replica ReplicaSet and advance virtual
 * time until every pod runs, measuring the wall time that takes. Measured twice in one process:
 * cold (the first run, JIT warming up) and warm (a second cluster, as in the app, where the worker
 * has been running the engine since the page opened). The target is checked on the warm figure.
 *   tsx bench/applyCase.ts <replicas>
 */
import { createCluster } from '../src/engine/index';
import { nodesFor } from './workload';

const replicas = Number(process.argv[2] ?? 1000);
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

const cold = run(1);
const warm = run(2);
console.log(JSON.stringify({ replicas, running: warm.running, virtualSecondsToRunning: warm.virtualMs / 1000, coldWallMs: Math.round(cold.wallMs), wallMs: Math.round(warm.wallMs) }));
