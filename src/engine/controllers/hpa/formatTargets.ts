import type { HorizontalPodAutoscaler } from '../../api/types';
import { tryParseQuantity } from '../../api/quantity';

type Spec = NonNullable<HorizontalPodAutoscaler['spec']>;
type Status = NonNullable<HorizontalPodAutoscaler['status']>;

/** Quantity.String() of a stored quantity (canonical unless the parser kept the spelling). */
function quantityText(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '<nil>';
  const q = tryParseQuantity(value);
  return q ? q.apiString() : String(value);
}

/** Models kubectl printers formatHPAMetrics (per metric target) as used in `kubectl get hpa`. */
function formatMetric(spec: NonNullable<Spec['metrics']>[number], status: NonNullable<Status['currentMetrics']>[number] | undefined): string {
  switch (spec.type) {
    case 'External': {
      const target = spec.external!.target;
      if (target.averageValue !== undefined) {
        const current = status?.external?.current?.averageValue !== undefined ? quantityText(status.external.current.averageValue) : '<unknown>';
        return `${current}/${quantityText(target.averageValue)} (avg)`;
      }
      return `${status?.external ? quantityText(status.external.current?.value) : '<unknown>'}/${quantityText(target.value)}`;
    }
    case 'Pods':
      return `${status?.pods ? quantityText(status.pods.current?.averageValue) : '<unknown>'}/${quantityText(spec.pods!.target.averageValue)}`;
    case 'Object': {
      const target = spec.object!.target;
      if (target.averageValue !== undefined) {
        const current = status?.object?.current?.averageValue !== undefined ? quantityText(status.object.current.averageValue) : '<unknown>';
        return `${current}/${quantityText(target.averageValue)} (avg)`;
      }
      return `${status?.object ? quantityText(status.object.current?.value) : '<unknown>'}/${quantityText(target.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource! : spec.containerResource!;
      const current = spec.type === 'Resource' ? status?.resource?.current : status?.containerResource?.current;
      const hasStatus = spec.type === 'Resource' ? Boolean(status?.resource) : Boolean(status?.containerResource);
      if (source.target.averageValue !== undefined) {
        return `${source.name}: ${hasStatus ? quantityText(current?.averageValue) : '<unknown>'}/${quantityText(source.target.averageValue)}`;
      }
      const currentText = hasStatus && current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>';
      const targetText = source.target.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
      return `${source.name}: ${currentText}/${targetText}`;
    }
    default:
      return '<unknown type>';
  }
}

/**
 * The TARGETS column of `kubectl get hpa`: `cpu: 85%/50%`, `cpu: <unknown>/50%` before the first
 * metrics, at most two metrics then `+ N more...`, `<none>` without metrics.
 */
export function formatHpaTargets(hpa: { spec?: Spec; status?: Status }): string {
  const specs = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const statuses = hpa.status?.currentMetrics ?? [];
  const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  const maximum = 2;
  if (list.length > maximum) return `${list.slice(0, maximum).join(', ')} + ${list.length - maximum} more...`;
  return list.join(', ');
}
