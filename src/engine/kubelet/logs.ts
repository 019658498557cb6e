/**
 * Container logs, kept the way the kubelet keeps them (current and previous instance only) but
 * compact: a run of identical probe requests is one record with a count, a `while true` loop is
 * one periodic record, and image log templates are rendered only when someone reads them. That
 * keeps per-probe cost at an increment while `kubectl logs` still shows every line.
 */
import { EPOCH_MS } from '../clock/VirtualClock';
import type { LogLine } from '../images/catalog';
import type { PeriodicLines, TimedLine } from './shell';

/** Entries kept per container instance; the oldest go first (the kubelet rotates at 10Mi × 5). */
const MAX_ENTRIES = 4_000;
/** Lines a read expands at most (a busy loop can print forever). */
const MAX_READ_LINES = 50_000;

export interface LogVars {
  readonly hostname: string;
  readonly podIP: string;
  readonly version: string;
  /** Worker process ids (nginx starts one per CPU). */
  readonly workers: readonly number[];
  readonly port: number;
}

export interface RequestInfo {
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
  readonly client: string;
  readonly userAgent: string;
  readonly port: number;
}

type Entry =
  | { readonly kind: 'line'; readonly atMs: number; readonly stream: 'stdout' | 'stderr'; readonly text: string; readonly template: boolean; readonly perWorker: boolean; readonly signal?: number }
  | { kind: 'requests'; readonly startMs: number; periodMs: number; count: number; readonly firstConn: number; readonly req: RequestInfo; readonly templates: readonly LogLine[] }
  | { readonly kind: 'periodic'; readonly p: PeriodicLines };

export interface RenderedLine {
  readonly atMs: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export class LogBuffer {
  private readonly entries: Entry[] = [];
  private conn = 0;

  constructor(private readonly startedMs: number, private readonly vars: LogVars) {}

  /** Lines from the program model, with offsets from the process start. */
  addProgramLines(lines: readonly TimedLine[], upToOffsetMs = Infinity): void {
    for (const l of lines) {
      if (l.atMs > upToOffsetMs) continue;
      this.push({ kind: 'line', atMs: this.startedMs + l.atMs, stream: l.stream, text: l.text, template: Boolean(l.template), perWorker: Boolean(l.perWorker) });
    }
  }

  addPeriodic(p: PeriodicLines): void {
    this.push({ kind: 'periodic', p: { ...p, startMs: this.startedMs + p.startMs } });
  }

  addTemplates(atMs: number, lines: readonly LogLine[], signal?: number): void {
    for (const l of lines) this.push({ kind: 'line', atMs, stream: l.stream ?? 'stdout', text: l.text, template: true, perWorker: Boolean(l.perWorker), signal });
  }

  addLine(atMs: number, stream: 'stdout' | 'stderr', text: string): void {
    this.push({ kind: 'line', atMs, stream, text, template: false, perWorker: false });
  }

  /** One request served (a probe): folds into the previous record when it repeats at a steady period. */
  addRequest(atMs: number, path: string, status: number, bytes: number, port: number, client: string, userAgent: string, templates: readonly LogLine[]): void {
    if (templates.length === 0) return;
    const conn = ++this.conn;
    const last = this.entries[this.entries.length - 1];
    if (last !== undefined && last.kind === 'requests' && last.templates === templates) {
      const r = last.req;
      if (r.path === path && r.status === status && r.bytes === bytes && r.port === port && r.client === client && r.userAgent === userAgent) {
        if (last.count === 1) {
          last.periodMs = atMs - last.startMs;
          last.count = 2;
          return;
        }
        if (atMs === last.startMs + last.count * last.periodMs) {
          last.count++;
          return;
        }
      }
    }
    this.push({ kind: 'requests', startMs: atMs, periodMs: 0, count: 1, firstConn: conn, req: { path, status, bytes, port, client, userAgent }, templates });
  }

  /** Every line up to `untilMs` (the instance's end or now), oldest first. */
  read(untilMs: number): RenderedLine[] {
    const out: RenderedLine[] = [];
    for (const e of this.entries) {
      if (out.length >= MAX_READ_LINES) break;
      if (e.kind === 'line') {
        if (e.atMs > untilMs) continue;
        for (const text of this.renderTemplate(e.text, e.template, e.perWorker, e.atMs, undefined, e.signal)) out.push({ atMs: e.atMs, stream: e.stream, text });
      } else if (e.kind === 'requests') {
        for (let i = 0; i < e.count && out.length < MAX_READ_LINES; i++) {
          const at = e.startMs + i * e.periodMs;
          if (at > untilMs) break;
          for (const t of e.templates) {
            if (t === e.templates[0] || e.req.status >= 400) {
              for (const text of this.renderTemplate(t.text, true, false, at, { ...e.req, conn: e.firstConn + i })) out.push({ atMs: at, stream: t.stream ?? 'stdout', text });
            }
          }
        }
      } else {
        const { startMs, periodMs, lines } = e.p;
        for (let k = 0; out.length < MAX_READ_LINES; k++) {
          const base = startMs + k * periodMs;
          if (base > untilMs) break;
          for (const l of lines) if (base + l.offsetMs <= untilMs) out.push({ atMs: base + l.offsetMs, stream: l.stream, text: l.text });
        }
      }
    }
    return out.sort((a, b) => a.atMs - b.atMs);
  }

  private push(e: Entry): void {
    this.entries.push(e);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  private renderTemplate(text: string, template: boolean, perWorker: boolean, atMs: number, req?: RequestInfo & { conn: number }, signal?: number): string[] {
    if (!template) return [text];
    const workers = perWorker ? this.vars.workers : [this.vars.workers[0] ?? 29];
    return workers.map((worker) => text.replace(/\$\{([a-zA-Z]+)(?::([a-z]+))?\}/g, (match, name: string, arg: string | undefined) => {
      switch (name) {
        case 'ts': return formatTimestamp(atMs, arg ?? 'iso');
        case 'epoch': return String(Math.floor((EPOCH_MS + atMs) / 1000));
        case 'hostname': return this.vars.hostname;
        case 'podIP': return this.vars.podIP;
        case 'version': return this.vars.version;
        case 'worker': return String(worker);
        case 'port': return String(req?.port ?? this.vars.port);
        case 'signal': return String(signal ?? 15);
        case 'client': return req?.client ?? '';
        case 'path': return req?.path ?? '';
        case 'status': return String(req?.status ?? '');
        case 'bytes': return String(req?.bytes ?? '');
        case 'ua': return req?.userAgent ?? '';
        case 'conn': return String(req?.conn ?? 1);
        default: return match;
      }
    }));
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** Timestamps in the formats the images print (UTC). */
export function formatTimestamp(virtualMs: number, style: string): string {
  const d = new Date(EPOCH_MS + virtualMs);
  const Y = d.getUTCFullYear(), M = d.getUTCMonth(), D = d.getUTCDate();
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const ms = String(d.getUTCMilliseconds()).padStart(3, '0');
  switch (style) {
    case 'go': return `${Y}/${p2(M + 1)}/${p2(D)} ${hms}`;
    case 'clf': return `${p2(D)}/${MONTHS[M]}/${Y}:${hms} +0000`;
    case 'redis': return `${p2(D)} ${MONTHS[M]} ${Y} ${hms}.${ms}`;
    case 'apache': return `${DAYS[d.getUTCDay()]} ${MONTHS[M]} ${p2(D)} ${hms}.${ms}000 ${Y}`;
    case 'date': return `${DAYS[d.getUTCDay()]} ${MONTHS[M]} ${String(D).padStart(2, ' ')} ${hms} UTC ${Y}`;
    default: return `${Y}-${p2(M + 1)}-${p2(D)}T${hms}.${ms}000000Z`;
  }
}
