/** `kubectl get hpa` columns (printers.go printHorizontalPodAutoscaler). */
import type { HorizontalPodAutoscaler, KubeObject, Typed } from '../../api/types';
import { ageSince } from '../timefmt';
import { formatHpaTargets } from '../../controllers/hpa/formatTargets';
import type { ColumnDef, Table } from './table';

export const HPA_COLUMNS: readonly ColumnDef[] = [
  { name: 'Name', isName: true },
  { name: 'Reference' },
  { name: 'Targets' },
  { name: 'MinPods' },
  { name: 'MaxPods' },
  { name: 'Replicas' },
  { name: 'Age' },
];

export function hpaTable(objects: readonly KubeObject[], nowMs: number): Table {
  return {
    columns: HPA_COLUMNS,
    rows: objects.map((object) => {
      const hpa = object as Typed<HorizontalPodAutoscaler>;
      const ref = hpa.spec?.scaleTargetRef;
      return {
        object,
        cells: [
          hpa.metadata.name,
          `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
          formatHpaTargets(hpa),
          hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
          String(hpa.spec?.maxReplicas ?? 0),
          String(hpa.status?.currentReplicas ?? 0),
          ageSince(hpa.metadata.creationTimestamp, nowMs),
        ],
      };
    }),
  };
}
