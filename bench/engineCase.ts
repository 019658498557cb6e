/**
 * One engine benchmark case, run in its own Node process so peak memory is its own:
 *   tsx bench/engineCase.ts <nodes> <pods> <simSeconds> [crashShare]
 * Prints one JSON line. Every pod has liveness and readiness probes; a share of them fail their
 * liveness probe and crash-loop, so the run exercises probes, restarts and backoff.
 */
import { createCluster } from '../src/engine/index';
import { manifestFor, nodesFor } from './workload';

const [nodeCount, podCount, simSeconds] = process.argv.slice(2, 5).map(Number);
const crashShare = Number(process.argv[5] ?? 0.1);

let peakHeapBytes = 0;
const sampleHeap = () => {
  const used = process.memoryUsage().heapUsed;
  if (used > peakHeapBytes) peakHeapBytes = used;
};

const setupStart = performance.now();
const cluster = createCluster({ seed: 1, nodes: nodesFor(nodeCount, podCount) });
cluster.apply(manifestFor(podCount, crashShare));
const setupMs = performance.now() - setupStart;
console.error(`progress: setup done in ${Math.round(setupMs)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);

// Probe ticks the kubelet represented (run, or skipped analytically while steady): the timer events
// a tick-by-tick simulation would fire, which is what the floor loop is given.
const kubelet = cluster.sim.controller('kubelet') as { probeTickCount?: number } | undefined;
const probeTicksBefore = kubelet?.probeTickCount ?? 0;
const firedBefore = cluster.sim.clock.firedCount;
const reconcilesBefore = cluster.sim.reconcileCount;
const stepMs = 10_000;
const runStart = performance.now();
for (let t = 0; t < simSeconds * 1000; t += stepMs) {
  cluster.advance(stepMs);
  cluster.sim.takeDiff();
  cluster.sim.events.takeFresh();
  sampleHeap();
  // Progress on stderr, so a run that dies (out of memory under a heap cap) still says how far it got.
  if ((t + stepMs) % 300_000 === 0) console.error(`progress: ${(t + stepMs) / 1000} s simulated in ${Math.round(performance.now() - runStart)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
}
sampleHeap();
const runMs = performance.now() - runStart;
// What the run keeps alive, as opposed to the sampled peak (which includes garbage V8 has not collected yet).
const gc = (globalThis as { gc?: () => void }).gc;
let liveHeapMB: number | undefined;
if (gc) {
  gc();
  gc();
  liveHeapMB = Math.round(process.memoryUsage().heapUsed / 1e6);
}
const pods = cluster.sim.store.list('Pod');
const running = pods.filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length;
console.log(JSON.stringify({
  nodes: nodeCount,
  pods: podCount,
  simSeconds,
  setupMs: Math.round(setupMs),
  runMs: Math.round(runMs),
  simPerWall: +(simSeconds / (runMs / 1000)).toFixed(1),
  timerEvents: cluster.sim.clock.firedCount - firedBefore,
  probeTicks: (kubelet?.probeTickCount ?? 0) - probeTicksBefore,
  reconciles: cluster.sim.reconcileCount - reconcilesBefore,
  peakHeapMB: Math.round(peakHeapBytes / 1e6),
  liveHeapMB,
  podsRunning: running,
  podsTotal: pods.length,
}));
