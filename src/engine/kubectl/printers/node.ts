/** `kubectl get nodes` columns (printers.go printNode). */
import type { KubeObject, Node, Typed } from '../../api/types';
import { ageSince } from '../timefmt';
import type { ColumnDef, Table } from './table';

export const NODE_COLUMNS: readonly ColumnDef[] = [
  { name: 'Name', isName: true },
  { name: 'Status' },
  { name: 'Roles' },
  { name: 'Age' },
  { name: 'Version' },
  { name: 'Internal-IP', priority: 1 },
  { name: 'External-IP', priority: 1 },
  { name: 'OS-Image', priority: 1 },
  { name: 'Kernel-Version', priority: 1 },
  { name: 'Container-Runtime', priority: 1 },
];

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted. */
export function nodeRoles(node: Typed<Node>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function nodeStatusText(node: Typed<Node>): string {
  const status: string[] = [];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Typed<Node>, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export function nodeTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: NODE_COLUMNS,
    rows: objects.map((object) => {
      const node = object as Typed<Node>;
      const info = node.status?.nodeInfo;
      return {
        object,
        cells: [
          node.metadata.name,
          nodeStatusText(node),
          nodeRoles(node).join(',') || '<none>',
          ageSince(node.metadata.creationTimestamp, nowMs),
          info?.kubeletVersion ?? '',
          address(node, 'InternalIP'),
          address(node, 'ExternalIP'),
          info?.osImage || '<unknown>',
          info?.kernelVersion || '<unknown>',
          info?.containerRuntimeVersion || '<unknown>',
        ],
      };
    }),
  };
}
