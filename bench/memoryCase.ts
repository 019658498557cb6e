/**
 * Memory stays flat over a long run: 100 pods (half of them crash-looping) for 24 simulated hours,
 * driven through the worker's EngineHost — so the engine, the page-facing history and the
 * time-machine snapshots are all measured — with the heap sampled every simulated hour after a
 * forced GC (needs node --expose-gc).
 *   tsx bench/memoryCase.ts <pods> <hours>
 */
import { EngineHost } from '../src/worker/EngineHost';
import { FakeWallClock } from '../src/worker/testing/FakeWallClock';
import { PROTOCOL_VERSION } from '../src/protocol/messages';
import { manifestFor } from './workload';

const pods = Number(process.argv[2] ?? 100);
const hours = Number(process.argv[3] ?? 24);
const gc = (globalThis as { gc?: () => void }).gc;
let postedMessages = 0;
const wall = new FakeWallClock();
const host = new EngineHost(() => postedMessages++, { wallClock: wall });
host.handle({ type: 'init', protocolVersion: PROTOCOL_VERSION, seed: 1, speed: 0 });
host.handle({ type: 'command', requestId: 'apply', command: { type: 'apply', text: manifestFor(pods, 0.5) } });
const samplesMB: number[] = [];
for (let h = 0; h < hours; h++) {
  // The page steps in 10 s slices while paused; a running pacer posts the same patches per frame.
  for (let s = 0; s < 360; s++) {
    host.handle({ type: 'step', advanceMs: 10_000 });
    wall.advance(20); // the pacer's frame: patches, history and time-machine snapshots
  }
  gc?.();
  samplesMB.push(Math.round(process.memoryUsage().heapUsed / 1e5) / 10);
}
// Hour 0 holds the start-up (pulls, first crashes); compare the second half with hours 1…n/2.
const firstHalf = samplesMB.slice(1, Math.ceil(hours / 2));
const secondHalf = samplesMB.slice(Math.ceil(hours / 2));
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(JSON.stringify({ pods, hours, heapMBByHour: samplesMB, growthRatio: +(avg(secondHalf) / avg(firstHalf)).toFixed(3), postedMessages, gcExposed: Boolean(gc) }));
host.dispose();
