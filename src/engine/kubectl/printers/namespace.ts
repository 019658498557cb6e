/** `kubectl get namespaces` columns (printers.go printNamespace). */
import type { KubeObject, Namespace, Typed } from '../../api/types';
import { ageSince } from '../timefmt';
import type { ColumnDef, Table } from './table';

export const NAMESPACE_COLUMNS: readonly ColumnDef[] = [{ name: 'Name', isName: true }, { name: 'Status' }, { name: 'Age' }];

export function namespaceTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: NAMESPACE_COLUMNS,
    rows: objects.map((object) => {
      const ns = object as Typed<Namespace>;
      return { object, cells: [ns.metadata.name, ns.status?.phase ?? '', ageSince(ns.metadata.creationTimestamp, nowMs)] };
    }),
  };
}
