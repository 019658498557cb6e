import { describe, expect, it } from 'vitest';
import { LogBuffer } from './logs';

const TEMPLATES = [{ text: '${path} ${status} *${conn} ${ts:go}' }, { text: 'error ${path} *${conn}', stream: 'stderr' as const }];
const VARS = { hostname: 'h', podIP: '10.0.0.2', version: '1', workers: [29], port: 80 };

type Req = readonly [atMs: number, path: string, status: number];

/** What the buffer must show: every request in order, its error line after it when status >= 400. */
function expected(reqs: readonly Req[]): string[] {
  const out: { atMs: number; text: string }[] = [];
  reqs.forEach(([atMs, path, status], i) => {
    // Rendered through a buffer of its own so timestamps come out the same way.
    const one = new LogBuffer(0, VARS);
    for (let k = 0; k < i; k++) one.addRequest(-1 - k, 'x', 200, 0, 80, 'c', 'ua', [{ text: '' }]);
    one.addRequest(atMs, path, status, 1, 80, 'c', 'ua', TEMPLATES);
    for (const l of one.read(Infinity)) if (l.atMs === atMs) out.push({ atMs, text: l.text });
  });
  return out.sort((a, b) => a.atMs - b.atMs).map((l) => l.text);
}

function actual(reqs: readonly Req[], untilMs = Infinity): string[] {
  const buf = new LogBuffer(0, VARS);
  for (const [atMs, path, status] of reqs) buf.addRequest(atMs, path, status, 1, 80, 'c', 'ua', TEMPLATES);
  return buf.read(untilMs).map((l) => l.text);
}

describe('LogBuffer request folding', () => {
  it('shows every request with its own connection number however the requests repeat', () => {
    const ticks = (n: number, periodMs: number, perTick: readonly (readonly [string, number])[], fromMs = 1000): Req[] =>
      Array.from({ length: n }, (_, i) => perTick.map(([p, s]) => [fromMs + i * periodMs, p, s] as const)).flat();
    const cases: Req[][] = [
      ticks(5, 10_000, [['/', 200]]),
      ticks(5, 10_000, [['/', 200], ['/', 200]]),
      ticks(4, 10_000, [['/health', 404], ['/', 200]]),
      [...ticks(3, 10_000, [['/a', 200], ['/b', 200]]), [31_000, '/a', 200], [41_000, '/b', 200], [41_000, '/a', 200]],
      [...ticks(2, 5_000, [['/', 200]]), ...ticks(3, 7_000, [['/', 200], ['/x', 500]], 20_000)],
      [[0, '/', 200], [0, '/', 200], [0, '/', 200], [10, '/', 200], [10, '/', 200], [20, '/', 200]],
      [[500, '/', 200], ...ticks(4, 10_000, [['/', 200], ['/', 200]])],
      [[500, '/', 200], [1000, '/', 200], [1000, '/x', 404], [11_000, '/', 200], [21_000, '/', 200], [21_000, '/', 200], [21_000, '/x', 404]],
      [...ticks(3, 10_000, [['/a', 200]]), [21_000, '/b', 200], [21_000, '/a', 200], [31_000, '/a', 200], [31_000, '/b', 200]],
    ];
    for (const reqs of cases) expect(actual(reqs)).toEqual(expected(reqs));
  });

  it('folds a lone first request followed by steady pairs into two records', () => {
    const buf = new LogBuffer(0, VARS);
    buf.addRequest(500, '/', 200, 1, 80, 'c', 'ua', TEMPLATES);
    for (let i = 1; i <= 100; i++) for (let k = 0; k < 2; k++) buf.addRequest(i * 10_000, '/', 200, 1, 80, 'c', 'ua', TEMPLATES);
    expect((buf as unknown as { entries: unknown[] }).entries).toHaveLength(2);
    expect(buf.read(Infinity).map((l) => l.text.split(' ')[2])).toEqual(Array.from({ length: 201 }, (_, i) => `*${i + 1}`));
  });

  it('keeps a steady pair of probes in one record', () => {
    const buf = new LogBuffer(0, VARS);
    for (let i = 0; i < 1000; i++) {
      buf.addRequest(i * 10_000, '/health', 404, 1, 80, 'c', 'ua', TEMPLATES);
      buf.addRequest(i * 10_000, '/', 200, 1, 80, 'c', 'ua', TEMPLATES);
    }
    expect((buf as unknown as { entries: unknown[] }).entries).toHaveLength(1);
    const lines = buf.read(25_000).map((l) => l.text);
    expect(lines).toEqual(['/health 404 *1 2026/01/01 00:00:00', 'error /health *1', '/ 200 *2 2026/01/01 00:00:00', '/health 404 *3 2026/01/01 00:00:10', 'error /health *3', '/ 200 *4 2026/01/01 00:00:10', '/health 404 *5 2026/01/01 00:00:20', 'error /health *5', '/ 200 *6 2026/01/01 00:00:20']);
  });
});

describe('LogBuffer templates and the entry bound', () => {
  const STOP = [{ text: 'stop ${signal} a' }, { text: 'stop ${worker} b', perWorker: true }, { text: 'stop c', stream: 'stderr' as const }];

  it('renders a stop sequence as the lines it holds, in order, each counting toward the bound', () => {
    const buf = new LogBuffer(0, { ...VARS, workers: [29, 30] });
    const lines: string[] = [];
    const step = (n: number, atMs: number) => {
      for (let i = 0; i < n; i++) {
        buf.addLine(atMs, 'stdout', `line ${lines.length}`);
        lines.push(`line ${lines.length}`);
      }
    };
    step(3_995, 0);
    buf.addTemplates(1, STOP, 3);
    lines.push('stop 3 a', 'stop 29 b', 'stop 30 b', 'stop c');
    // 3,998 entries as the kubelet always counted them: one per template line.
    expect(buf.read(Infinity).map((l) => l.text)).toEqual(lines);
    const rendered = (kept: number, droppedLines: number, droppedStop: number) => [...lines.slice(droppedLines, 3_995), ...['stop 3 a', 'stop 29 b', 'stop 30 b', 'stop c'].slice(droppedStop === 0 ? 0 : droppedStop === 1 ? 1 : droppedStop === 2 ? 3 : 4), ...lines.slice(3_999, 3_999 + kept)];
    step(4, 2);
    // 4,002 entries: the two oldest lines go.
    expect(buf.read(Infinity).map((l) => l.text)).toEqual(rendered(4, 2, 0));
    step(3_994, 3);
    // 7,996 entries: every plain line before the stop sequence and its first template line go.
    expect(buf.read(Infinity).map((l) => l.text)).toEqual(rendered(3_998, 3_995, 1));
    step(1, 4);
    expect(buf.read(Infinity).map((l) => l.text)).toEqual(rendered(3_999, 3_995, 2));
    step(1, 5);
    expect(buf.read(Infinity).map((l) => l.text)).toEqual(rendered(4_000, 3_995, 3));
  });
});
