/** Table printers per kind, as registered in printers.go AddHandlers. */
import type { KubeObject } from '../../api/types';
import { podTable } from './pod';
import { nodeTable } from './node';
import { daemonSetTable, deploymentTable, replicaSetTable, replicationControllerTable } from './workloads';
import { namespaceTable } from './namespace';
import { hpaTable } from './hpa';
import { eventTable } from './event';
import { ageSince } from '../timefmt';
import type { Table } from './table';

type TableBuilder = (objects: readonly KubeObject[], nowMs: number) => Table;

const BUILDERS: Record<string, TableBuilder> = {
  Pod: podTable,
  Node: nodeTable,
  ReplicaSet: replicaSetTable,
  ReplicationController: replicationControllerTable,
  DaemonSet: daemonSetTable,
  Deployment: deploymentTable,
  Namespace: namespaceTable,
  HorizontalPodAutoscaler: hpaTable,
  Event: eventTable,
};

/** printObjectMeta: the default NAME / AGE table for kinds without a printer. */
function metaTable(objects: readonly KubeObject[], nowMs: number): Table {
  return { columns: [{ name: 'Name', isName: true }, { name: 'Age' }], rows: objects.map((object) => ({ object, cells: [object.metadata.name, ageSince(object.metadata.creationTimestamp, nowMs)] })) };
}

export function tableFor(kind: string, objects: readonly KubeObject[], nowMs: number): Table {
  return (BUILDERS[kind] ?? metaTable)(objects, nowMs);
}
