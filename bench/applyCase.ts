/**
 * Apply → scheduled and Running at max speed: apply a 1,000-replica ReplicaSet and advance virtual
 * time until every pod runs, measuring the wall time that takes.
 *   tsx bench/applyCase.ts <replicas>
 */
import { createCluster } from '../src/engine/index';
import { nodesFor } from './workload';

const replicas = Number(process.argv[2] ?? 1000);
const cluster = createCluster({ seed: 1, nodes: nodesFor(10, replicas) });
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
const start = performance.now();
cluster.apply(manifest);
let virtualMs = 0;
const running = () => cluster.sim.store.list('Pod').filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length;
while (running() < replicas && virtualMs < 600_000) {
  cluster.advance(1000);
  virtualMs += 1000;
}
const wallMs = performance.now() - start;
console.log(JSON.stringify({ replicas, running: running(), virtualSecondsToRunning: virtualMs / 1000, wallMs: Math.round(wallMs) }));
