/**
 * Memory stays flat over a long run: 100 pods with crash loops for 24 simulated hours, heap sampled
 * every simulated hour after a forced GC (needs node --expose-gc).
 *   tsx bench/memoryCase.ts <pods> <hours>
 */
import { createCluster } from '../src/engine/index';
import { manifestFor, nodesFor } from './workload';

const pods = Number(process.argv[2] ?? 100);
const hours = Number(process.argv[3] ?? 24);
const gc = (globalThis as { gc?: () => void }).gc;
const cluster = createCluster({ seed: 1, nodes: nodesFor(3, pods) });
cluster.apply(manifestFor(pods, 0.5));
const samplesMB: number[] = [];
for (let h = 0; h < hours; h++) {
  for (let s = 0; s < 360; s++) {
    cluster.advance(10_000);
    cluster.sim.takeDiff();
    cluster.sim.events.takeFresh();
  }
  gc?.();
  samplesMB.push(Math.round(process.memoryUsage().heapUsed / 1e5) / 10);
}
const firstHalf = samplesMB.slice(1, Math.ceil(hours / 2));
const secondHalf = samplesMB.slice(Math.ceil(hours / 2));
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(JSON.stringify({ pods, hours, heapMBByHour: samplesMB, growthRatio: +(avg(secondHalf) / avg(firstHalf)).toFixed(3), events: cluster.sim.events.size(), gcExposed: Boolean(gc) }));
