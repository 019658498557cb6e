/** `kubectl get pods` columns (printers.go printPod, computed by the kubelet's podStatusColumns). */
import type { KubeObject, Pod, Typed } from '../../api/types';
import { podStatusColumns } from '../../kubelet/podDisplay';
import type { ColumnDef, Table } from './table';

export const POD_COLUMNS: readonly ColumnDef[] = [
  { name: 'Name', isName: true },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
];

export function podTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: POD_COLUMNS,
    rows: objects.map((object) => {
      const c = podStatusColumns(object as Typed<Pod>, nowMs);
      return { object, cells: [object.metadata.name, c.ready, c.status, c.restarts, c.age, c.ip, c.node, c.nominatedNode, c.readinessGates] };
    }),
  };
}
