/**
 * Container logs, kept the way the kubelet keeps them (current and previous instance only) but
 * compact: a run of identical probe requests is one record with a count, a `while true` loop is
 * one periodic record, and image log templates are rendered only when someone reads them. That
 * keeps per-probe cost at an increment while `kubectl logs` still shows every line.
 */
import { EPOCH_MS } from '../clock/VirtualClock';
import type { LogLine } from '../images/catalog';
import { internMade } from '../util/intern';
import type { PeriodicLines, TimedLine } from './shell';

/** Entries kept per container instance; the oldest go first (the kubelet rotates at 10Mi × 5). */
const MAX_ENTRIES = 4_000;
const COMPACT_ENTRIES = 16;
const NO_ENTRIES: Entry[] = [];
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

/**
 * A run of probe requests: `count` ticks `periodMs` apart, each serving `reqs` in that order (the
 * last tick only the first `fill` of them so far). Connection numbers follow in the same order.
 */
interface Requests {
  readonly kind: 'requests';
  readonly startMs: number;
  periodMs: number;
  count: number;
  fill: number;
  readonly firstConn: number;
  reqs: readonly RequestInfo[];
  readonly templates: readonly LogLine[];
}

interface ProgramEntry {
  readonly kind: 'program';
  readonly lines: readonly TimedLine[];
  readonly upToOffsetMs: number;
}

type Entry =
  | { readonly kind: 'line'; readonly atMs: number; readonly stream: 'stdout' | 'stderr'; readonly text: string; readonly template: boolean; readonly perWorker: boolean; readonly signal?: number }
  | Requests
  | ProgramEntry
  | { readonly kind: 'periodic'; readonly p: PeriodicLines }
  /** Image templates printed together (a stop sequence), kept by reference; one entry per line in the bound. */
  | { readonly kind: 'templates'; readonly atMs: number; readonly lines: readonly LogLine[]; readonly signal?: number };

/**
 * Whole-program entries, shared by every buffer of a program's instances: entries hold no start
 * time and are never mutated, and pooled programs share their lines.
 */
const wholeProgramEntries = new WeakMap<readonly TimedLine[], ProgramEntry>();

function wholeProgramEntry(lines: readonly TimedLine[]): ProgramEntry {
  let entry = wholeProgramEntries.get(lines);
  if (entry === undefined) wholeProgramEntries.set(lines, (entry = Object.freeze({ kind: 'program', lines, upToOffsetMs: Infinity })));
  return entry;
}

function sameRequest(a: RequestInfo, path: string, status: number, bytes: number, port: number, client: string, userAgent: string): boolean {
  return a.path === path && a.status === status && a.bytes === bytes && a.port === port && a.client === client && a.userAgent === userAgent;
}

const MAX_REQUEST_INFOS = 10_000;
/** Each request record as the one-request list a record of requests starts with (lists are never mutated). */
const requestInfos = new Map<string, readonly [RequestInfo]>();

/** Request records are immutable: the pods of a node probed on the same path share one. */
function requestInfo(path: string, status: number, bytes: number, port: number, client: string, userAgent: string): RequestInfo {
  return requestOnly(path, status, bytes, port, client, userAgent)[0];
}

/** `[requestInfo(…)]`, shared too: most records of requests hold one probe's requests. */
function requestOnly(path: string, status: number, bytes: number, port: number, client: string, userAgent: string): readonly [RequestInfo] {
  const key = `${path}\0${status}\0${bytes}\0${port}\0${client}\0${userAgent}`;
  return internMade(requestInfos, key, () => Object.freeze([{ path, status, bytes, port, client, userAgent }] as const), MAX_REQUEST_INFOS);
}

export interface RenderedLine {
  readonly atMs: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export class LogBuffer {
  private entries: Entry[] = NO_ENTRIES;
  /** Entries as the bound counts them (a templates entry counts its lines). */
  private size = 0;
  private conn = 0;

  constructor(private readonly startedMs: number, private readonly vars: LogVars) {}

  /** Lines from the program model, with offsets from the process start. */
  addProgramLines(lines: readonly TimedLine[], upToOffsetMs = Infinity): void {
    // Kept by reference: programs are immutable and shared.
    if (lines.length > 0) this.push(upToOffsetMs === Infinity ? wholeProgramEntry(lines) : { kind: 'program', lines, upToOffsetMs });
  }

  addPeriodic(p: PeriodicLines): void {
    this.push({ kind: 'periodic', p: { ...p, startMs: this.startedMs + p.startMs } });
  }

  addTemplates(atMs: number, lines: readonly LogLine[], signal?: number): void {
    if (lines.length > 0) this.push(signal === undefined ? { kind: 'templates', atMs, lines } : { kind: 'templates', atMs, lines, signal });
  }

  addLine(atMs: number, stream: 'stdout' | 'stderr', text: string): void {
    this.push({ kind: 'line', atMs, stream, text, template: false, perWorker: false });
  }

  /** One request served (a probe): folds into the previous record when the same requests repeat at a steady period. */
  addRequest(atMs: number, path: string, status: number, bytes: number, port: number, client: string, userAgent: string, templates: readonly LogLine[]): void {
    if (templates.length === 0) return;
    const conn = ++this.conn;
    const last = this.entries[this.entries.length - 1];
    if (last !== undefined && last.kind === 'requests' && last.templates === templates) {
      const reqs = last.reqs;
      if (last.count === 1) {
        if (atMs === last.startMs) {
          // Another request of the first tick.
          const prev = reqs[reqs.length - 1];
          last.reqs = reqs.concat([sameRequest(prev, path, status, bytes, port, client, userAgent) ? prev : requestInfo(path, status, bytes, port, client, userAgent)]);
          last.fill++;
          return;
        }
        if (sameRequest(reqs[0], path, status, bytes, port, client, userAgent)) {
          last.periodMs = atMs - last.startMs;
          last.count = 2;
          last.fill = 1;
          return;
        }
      } else {
        const tickMs = last.startMs + (last.count - 1) * last.periodMs;
        if (atMs === tickMs) {
          if (last.fill < reqs.length && sameRequest(reqs[last.fill], path, status, bytes, port, client, userAgent)) {
            last.fill++;
            return;
          }
          // The last tick does not follow the pattern (e.g. a lone first request, then liveness and
          // readiness together): it becomes the first tick of a record of its own.
          const moved = reqs.slice(0, last.fill).concat([requestInfo(path, status, bytes, port, client, userAgent)]);
          const firstConn = last.firstConn + (last.count - 1) * reqs.length;
          last.count--;
          last.fill = reqs.length;
          this.push({ kind: 'requests', startMs: tickMs, periodMs: 0, count: 1, fill: moved.length, firstConn, reqs: moved, templates });
          return;
        }
        if (last.fill === reqs.length && atMs === tickMs + last.periodMs && sameRequest(reqs[0], path, status, bytes, port, client, userAgent)) {
          last.count++;
          last.fill = 1;
          return;
        }
      }
    }
    this.push({ kind: 'requests', startMs: atMs, periodMs: 0, count: 1, fill: 1, firstConn: conn, reqs: requestOnly(path, status, bytes, port, client, userAgent), templates });
  }

  /** Every line up to `untilMs` (the instance's end or now), oldest first. */
  read(untilMs: number): RenderedLine[] {
    const out: RenderedLine[] = [];
    for (const e of this.entries) {
      if (out.length >= MAX_READ_LINES) break;
      if (e.kind === 'line') {
        if (e.atMs > untilMs) continue;
        for (const text of this.renderTemplate(e.text, e.template, e.perWorker, e.atMs, undefined, e.signal)) out.push({ atMs: e.atMs, stream: e.stream, text });
      } else if (e.kind === 'templates') {
        if (e.atMs > untilMs) continue;
        for (const l of e.lines) {
          for (const text of this.renderTemplate(l.text, true, Boolean(l.perWorker), e.atMs, undefined, e.signal)) out.push({ atMs: e.atMs, stream: l.stream ?? 'stdout', text });
        }
      } else if (e.kind === 'program') {
        for (const l of e.lines) {
          const atMs = this.startedMs + l.atMs;
          if (l.atMs > e.upToOffsetMs || atMs > untilMs) continue;
          for (const text of this.renderTemplate(l.text, Boolean(l.template), Boolean(l.perWorker), atMs)) out.push({ atMs, stream: l.stream, text });
        }
      } else if (e.kind === 'requests') {
        const n = e.reqs.length;
        for (let i = 0; i < e.count && out.length < MAX_READ_LINES; i++) {
          const at = e.startMs + i * e.periodMs;
          if (at > untilMs) break;
          const inTick = i === e.count - 1 ? e.fill : n;
          for (let j = 0; j < inTick; j++) {
            const req = e.reqs[j];
            for (const t of e.templates) {
              if (t === e.templates[0] || req.status >= 400) {
                for (const text of this.renderTemplate(t.text, true, false, at, { ...req, conn: e.firstConn + i * n + j })) out.push({ atMs: at, stream: t.stream ?? 'stdout', text });
              }
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
    const entries = this.entries;
    this.size += e.kind === 'templates' ? e.lines.length : 1;
    // Most buffers hold a handful of records: grow those by exact copies (a pushed array keeps 17 slots).
    if (entries.length < COMPACT_ENTRIES) this.entries = entries.concat([e]);
    else entries.push(e);
    if (this.size > MAX_ENTRIES) this.evict(this.size - MAX_ENTRIES);
  }

  /** Drops the oldest `count` entries as the bound counts them (part of a templates entry if need be). */
  private evict(count: number): void {
    const entries = this.entries;
    let drop = 0;
    while (count > 0 && drop < entries.length) {
      const e = entries[drop];
      const weight = e.kind === 'templates' ? e.lines.length : 1;
      if (weight > count && e.kind === 'templates') {
        entries[drop] = { ...e, lines: e.lines.slice(count) };
        this.size -= count;
        break;
      }
      count -= weight;
      this.size -= weight;
      drop++;
    }
    this.entries = entries.slice(drop);
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
