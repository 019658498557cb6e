/** `kubectl events`: events sorted by time, filterable with --for and --types. */
import type { EventRecord } from '../../events/EventRecorder';
import { ALL_NAMESPACES_FLAG, OUTPUT_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { eventToObject } from '../eventObjects';
import { fail } from '../errors';
import type { Flags } from '../flags';
import { ageSinceMs, wholeSecondMs } from '../timefmt';
import { parseOutputFormat, printGeneric } from '../printing';
import { apiVersionOf, resolveResourceType, type ResourceType } from '../resources';
import { TABLE_TABWRITER, TabWriter } from '../tabwriter';

const EVENT_TYPES = ['Normal', 'Warning'];

/** events.go getInterval: `<age>` or `<last> (xN over <first>)`. */
export function eventInterval(e: EventRecord, nowMs: number): string {
  const first = ageSinceMs(e.firstTimestampMs, nowMs);
  return e.count > 1 ? `${ageSinceMs(e.lastTimestampMs, nowMs)} (x${e.count} over ${first})` : first;
}

/** The events `kubectl events` would list, oldest first. */
export function selectEvents(ctx: KubectlContext, flags: Flags): EventRecord[] {
  const types = flags.list('types');
  for (const t of types) if (!EVENT_TYPES.some((v) => v.toLowerCase() === t.toLowerCase())) fail('valid --types are Normal or Warning');
  // --for only narrows the list by involvedObject (kind, apiVersion, name); the object itself need not exist any more.
  let forType: ResourceType | undefined;
  let forName: string | undefined;
  const target = flags.string('for');
  if (target) {
    const slash = target.indexOf('/');
    if (slash < 0) fail('--for must be in resource/name form');
    forType = resolveResourceType(target.slice(0, slash));
    forName = target.slice(slash + 1);
  }
  const all = flags.bool('all-namespaces');
  ctx.sim.events.expire(ctx.nowMs());
  const listed = ctx.sim.events.list((e) => {
    if (!all && e.namespace !== ctx.namespace) return false;
    if (types.length > 0 && !types.some((t) => t.toLowerCase() === e.type.toLowerCase())) return false;
    if (forType && (e.involvedObject.kind !== forType.kind || e.involvedObject.apiVersion !== apiVersionOf(forType) || e.involvedObject.name !== forName)) return false;
    return true;
  });
  // The API lists by namespace and name; kubectl then sorts by last time (whole seconds), ties staying in list order.
  const byKey = (e: EventRecord) => `${e.namespace}/${e.name}`;
  return listed.sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0)).sort((a, b) => wholeSecondMs(a.lastTimestampMs) - wholeSecondMs(b.lastTimestampMs));
}

/** Header and rows of the events table (event_printer.go). */
export function eventRows(events: readonly EventRecord[], nowMs: number, allNamespaces: boolean, noHeaders: boolean): string {
  const w = new TabWriter(TABLE_TABWRITER);
  if (!noHeaders && events.length > 0) w.write(`${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
  for (const e of events) {
    w.write(`${allNamespaces ? `${e.namespace}\t` : ''}${eventInterval(e, nowMs)}\t${e.type}\t${e.reason}\t${e.involvedObject.kind}/${e.involvedObject.name}\t${e.message.trim()}\n`);
  }
  return w.take();
}

export const eventsCommand: Command = {
  name: 'events',
  short: 'List events',
  use: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: [ALL_NAMESPACES_FLAG, { name: 'for', type: 'string' }, { name: 'types', type: 'stringSlice' }, { name: 'watch', short: 'w', type: 'bool' }, { name: 'no-headers', type: 'bool' }, OUTPUT_FLAG, { name: 'chunk-size', type: 'int' }],
  run: (ctx, flags) => {
    const events = selectEvents(ctx, flags);
    const output = flags.string('output');
    if (output) {
      const format = parseOutputFormat(output, ctx.io.files);
      if (format.kind !== 'table') {
        ctx.out(printGeneric(format, events.map(eventToObject), false));
        return;
      }
    }
    const all = flags.bool('all-namespaces');
    if (flags.bool('watch')) {
      // runWatch: a watch starts with every existing event (in key order, unsorted), then each
      // change; every row is flushed on its own through one tabwriter that remembers widths.
      const writer = new TabWriter(TABLE_TABWRITER);
      let headerDone = false;
      // Rows print as of the moment kubectl received them: now for the initial ones, the event's time for later ones.
      const rows = (list: readonly EventRecord[], atMs: (e: EventRecord) => number) => {
        let text = '';
        for (const e of list) {
          if (!headerDone) {
            writer.write(`${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
            headerDone = true;
          }
          writer.write(`${all ? `${e.namespace}\t` : ''}${eventInterval(e, atMs(e))}\t${e.type}\t${e.reason}\t${e.involvedObject.kind}/${e.involvedObject.name}\t${e.message.trim()}\n`);
          text += writer.take();
        }
        return text;
      };
      const byKey = (e: EventRecord) => `${e.namespace}/${e.name}`;
      const nowMs = ctx.nowMs();
      ctx.out(rows([...events].sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0)), () => nowMs));
      if (!ctx.streaming) return;
      let lastSeq = Math.max(-1, ...ctx.sim.events.list().map((e) => e.seq));
      ctx.stream = {
        poll: () => {
          const fresh = selectEvents(ctx, flags).filter((e) => e.seq > lastSeq).sort((a, b) => a.seq - b.seq);
          lastSeq = Math.max(lastSeq, ...fresh.map((e) => e.seq));
          return { stdout: rows(fresh, (e) => e.lastTimestampMs), stderr: '', done: false };
        },
        stop: () => undefined,
      };
      return;
    }
    if (events.length === 0) {
      ctx.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
      return;
    }
    ctx.out(eventRows(events, ctx.nowMs(), all, flags.bool('no-headers')));
  },
};
