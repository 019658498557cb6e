/** `kubectl get rs|rc|ds|deploy` columns (printers.go printReplicaSet, printReplicationController, printDaemonSet, printDeployment). */
import type { DaemonSet, Deployment, KubeObject, ReplicaSet, ReplicationController, Typed } from '../../api/types';
import { formatLabels, labelSelectorToString, selectorFromLabelSelector, LabelSelectorError, type LabelSelectorLike } from '../../api/labels';
import { ageSince } from '../timefmt';
import { layoutContainerCells, type ColumnDef, type Table } from './table';

const num = (n: number | undefined) => String(n ?? 0);

export const REPLICASET_COLUMNS: readonly ColumnDef[] = [
  { name: 'Name', isName: true },
  { name: 'Desired' },
  { name: 'Current' },
  { name: 'Ready' },
  { name: 'Age' },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

export function replicaSetTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: REPLICASET_COLUMNS,
    rows: objects.map((object) => {
      const rs = object as Typed<ReplicaSet>;
      const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
      return { object, cells: [rs.metadata.name, num(rs.spec?.replicas), num(rs.status?.replicas), num(rs.status?.readyReplicas), ageSince(rs.metadata.creationTimestamp, nowMs), names, images, labelSelectorToString(rs.spec?.selector)] };
    }),
  };
}

export function replicationControllerTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: REPLICASET_COLUMNS,
    rows: objects.map((object) => {
      const rc = object as Typed<ReplicationController>;
      const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
      return { object, cells: [rc.metadata.name, num(rc.spec?.replicas), num(rc.status?.replicas), num(rc.status?.readyReplicas), ageSince(rc.metadata.creationTimestamp, nowMs), names, images, formatLabels(rc.spec?.selector)] };
    }),
  };
}

export const DAEMONSET_COLUMNS: readonly ColumnDef[] = [
  { name: 'Name', isName: true },
  { name: 'Desired' },
  { name: 'Current' },
  { name: 'Ready' },
  { name: 'Up-to-date' },
  { name: 'Available' },
  { name: 'Node Selector' },
  { name: 'Age' },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

export function daemonSetTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: DAEMONSET_COLUMNS,
    rows: objects.map((object) => {
      const ds = object as Typed<DaemonSet>;
      const s = ds.status;
      const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
      return {
        object,
        cells: [ds.metadata.name, num(s?.desiredNumberScheduled), num(s?.currentNumberScheduled), num(s?.numberReady), num(s?.updatedNumberScheduled), num(s?.numberAvailable), formatLabels(ds.spec?.template?.spec?.nodeSelector), ageSince(ds.metadata.creationTimestamp, nowMs), names, images, labelSelectorToString(ds.spec?.selector)],
      };
    }),
  };
}

export const DEPLOYMENT_COLUMNS: readonly ColumnDef[] = [
  { name: 'Name', isName: true },
  { name: 'Ready' },
  { name: 'Up-to-date' },
  { name: 'Available' },
  { name: 'Age' },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

/** LabelSelectorAsSelector(...).String(), "<invalid>" when it does not convert (printDeployment). */
function selectorString(selector: LabelSelectorLike | undefined): string {
  try {
    return selectorFromLabelSelector(selector).toString();
  } catch (err) {
    if (err instanceof LabelSelectorError) return '<invalid>';
    throw err;
  }
}

export function deploymentTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: DEPLOYMENT_COLUMNS,
    rows: objects.map((object) => {
      const d = object as Typed<Deployment>;
      const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
      return {
        object,
        cells: [d.metadata.name, `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, num(d.status?.updatedReplicas), num(d.status?.availableReplicas), ageSince(d.metadata.creationTimestamp, nowMs), names, images, selectorString(d.spec?.selector)],
      };
    }),
  };
}
