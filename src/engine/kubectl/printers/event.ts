/** `kubectl get events` columns (printers.go printEvent). */
import type { KubeObject } from '../../api/types';
import type { EventObject } from '../eventObjects';
import { ageSince } from '../timefmt';
import type { ColumnDef, Table } from './table';

export const EVENT_COLUMNS: readonly ColumnDef[] = [
  { name: 'Last Seen' },
  { name: 'Type' },
  { name: 'Reason' },
  { name: 'Object' },
  { name: 'Subobject', priority: 1 },
  { name: 'Source', priority: 1 },
  { name: 'Message' },
  { name: 'First Seen', priority: 1 },
  { name: 'Count', priority: 1 },
  { name: 'Name', priority: 1, isName: true },
];

/** formatEventSource: "component, host" or just the component. */
export function eventSourceText(e: EventObject): string {
  return e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
}

export function eventTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: EVENT_COLUMNS,
    rows: objects.map((object) => {
      const e = object as EventObject;
      const target = e.involvedObject.name ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}` : e.involvedObject.kind.toLowerCase();
      return {
        object,
        cells: [ageSince(e.lastTimestamp, nowMs), e.type, e.reason, target, e.involvedObject.fieldPath ?? '', eventSourceText(e), e.message.trim(), ageSince(e.firstTimestamp, nowMs), String(e.count || 1), e.metadata.name],
      };
    }),
  };
}
