/**
 * `kubectl get -w` / `--watch-only`: the initial listing, then one row per watch event, through
 * one tabwriter that remembers column widths (so later rows line up with earlier ones) and
 * without repeating the header. Rows are rendered when the change happens, so AGE and STATUS are
 * those of that moment, as a real client sees them arrive.
 */
import type { KubeObject } from '../../api/types';
import { parseSelector } from '../../api/labels';
import type { EventRecord } from '../../events/EventRecorder';
import type { WatchChange } from '../../store/ObjectsDiff';
import type { KubectlContext, Streamer } from '../context';
import { eventToObject } from '../eventObjects';
import { fail } from '../errors';
import { matchesFields, parseFieldSelector } from '../fieldSelector';
import type { Flags } from '../flags';
import { tableFor } from '../printers';
import { writeTable, type TablePrintOptions } from '../printers/table';
import { parseOutputFormat, printGeneric, tableOptions, type OutputFormat } from '../printing';
import { EVENT_RESOURCE, type ResourceType } from '../resources';
import { TABLE_TABWRITER, TabWriter } from '../tabwriter';
import { planGet } from './get';

type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

class WatchPrinter {
  private readonly writer = new TabWriter(TABLE_TABWRITER);
  private printedHeaders = false;
  private printedObjects = 0;

  constructor(
    private readonly type: ResourceType,
    private readonly format: OutputFormat,
    private readonly options: TablePrintOptions,
    private readonly outputEvents: boolean,
  ) {}

  print(objects: readonly KubeObject[], nowMs: number, eventType: WatchEventType): string {
    if (objects.length === 0) return '';
    if (this.format.kind !== 'table') {
      let out = '';
      for (const obj of objects) {
        const data = this.outputEvents ? ({ type: eventType, object: obj } as unknown as KubeObject) : obj;
        const text = printGeneric(this.format, [data], true);
        out += this.format.kind === 'yaml' && this.printedObjects > 0 ? `---\n${text}` : text;
        this.printedObjects++;
      }
      return out;
    }
    const table = tableFor(this.type.kind, objects, nowMs);
    writeTable(this.writer, table, { ...this.options, noHeaders: this.options.noHeaders || this.printedHeaders, eventType: this.outputEvents ? eventType : undefined });
    this.printedHeaders = true;
    return this.writer.take();
  }
}

export function runGetWatch(ctx: KubectlContext, flags: Flags, path: string): void {
  if (flags.string('sort-by')) ctx.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  const format = parseOutputFormat(flags.string('output'), ctx.io.files);
  const plan = planGet(ctx, flags, path);
  if (plan.built.types.length > 1 || new Set(plan.groups.map((g) => g.type)).size > 1) {
    fail('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  if (plan.built.errors.length > 0) fail(plan.built.errors[0].replace(/^error: /, '').replace(/\n$/, ''));
  const type = plan.built.types[0];
  const names = new Set(plan.built.items.filter((i) => !i.listed).map((i) => i.name));
  const outputEvents = flags.bool('output-watch-events');
  const printer = new WatchPrinter(type, format, tableOptions(type, plan.human, false), outputEvents);
  if (!flags.bool('watch-only')) ctx.out(printer.print(plan.groups[0]?.objects ?? [], ctx.nowMs(), 'ADDED'));
  if (!ctx.streaming) return;

  const allNamespaces = flags.bool('all-namespaces');
  const labels = flags.string('selector') ? parseSelector(flags.string('selector')) : undefined;
  const fields = parseFieldSelector(flags.string('field-selector'));
  const inScope = (obj: KubeObject | undefined): boolean => {
    if (!obj || obj.kind !== type.kind) return false;
    if (type.namespaced && !allNamespaces && obj.metadata.namespace !== ctx.namespace) return false;
    if (names.size > 0 && !names.has(obj.metadata.name)) return false;
    if (labels && !labels.matches(obj.metadata.labels)) return false;
    return matchesFields(obj, fields);
  };

  let pending = '';
  if (type === EVENT_RESOURCE) {
    // Events live in the EventRecorder, not the store: poll it for new or updated records.
    let lastSeq = Math.max(-1, ...ctx.sim.events.list().map((e) => e.seq));
    ctx.stream = {
      poll: () => {
        const fresh = ctx.sim.events.list((e: EventRecord) => e.seq > lastSeq);
        lastSeq = Math.max(lastSeq, ...fresh.map((e) => e.seq));
        let out = '';
        for (const e of fresh) {
          const obj = eventToObject(e);
          if (inScope(obj)) out += printer.print([obj], e.lastTimestampMs, e.count > 1 ? 'MODIFIED' : 'ADDED');
        }
        return { stdout: out, stderr: '', done: false };
      },
      stop: () => undefined,
    };
    return;
  }
  const unsubscribe = ctx.sim.watch((change: WatchChange) => {
    const now = inScope(change.type === 'deleted' ? undefined : change.object);
    const before = change.type === 'added' ? false : inScope(change.old);
    if (!now && !before) return;
    const eventType: WatchEventType = change.type === 'deleted' || !now ? 'DELETED' : !before ? 'ADDED' : 'MODIFIED';
    const obj = change.type === 'deleted' ? (change.old ?? change.object) : change.object;
    pending += printer.print([obj], ctx.nowMs(), eventType);
  });
  const streamer: Streamer = {
    poll: () => {
      const out = pending;
      pending = '';
      return { stdout: out, stderr: '', done: false };
    },
    stop: unsubscribe,
  };
  ctx.stream = streamer;
}
