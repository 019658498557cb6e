/**
 * The floor: the same number of timer events pushed through a bare binary-heap loop that does
 * nothing else. The engine is measured against it (target: within 3× at 30,000 pods).
 *   tsx bench/floorCase.ts <events> <liveTimers>
 */
const [events, liveTimers] = process.argv.slice(2, 4).map(Number);

interface Timer { dueMs: number; seq: number; key: number }
const heap: Timer[] = [];
const less = (a: Timer, b: Timer) => a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
function push(t: Timer) {
  heap.push(t);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(heap[i], heap[p])) break;
    [heap[i], heap[p]] = [heap[p], heap[i]];
    i = p;
  }
}
function pop(): Timer {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

let seq = 0;
for (let i = 0; i < liveTimers; i++) push({ dueMs: (i * 7919) % 10_000, seq: seq++, key: i });
const start = performance.now();
for (let n = 0; n < events; n++) {
  const t = pop();
  push({ dueMs: t.dueMs + 10_000, seq: seq++, key: t.key });
}
const ms = performance.now() - start;
console.log(JSON.stringify({ events, liveTimers, runMs: Math.round(ms), eventsPerSecond: Math.round(events / (ms / 1000)) }));
