/** `kubectl describe hpa` (describe.go describeHorizontalPodAutoscalerV2). */
import type { HorizontalPodAutoscaler, Typed } from '../../api/types';
import type { EventRecord } from '../../events/EventRecorder';
import { rfc1123z } from '../timefmt';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, quantityString } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './writer';

type Rules = NonNullable<NonNullable<NonNullable<HorizontalPodAutoscaler['spec']>['behavior']>['scaleUp']>;

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: Rules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if ((rules.policies ?? []).length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies ?? []) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export function describeHpa(hpa: Typed<HorizontalPodAutoscaler>, events: readonly EventRecord[], nowMs: number): string {
  return tabbedString((w) => {
    const spec = hpa.spec;
    const current = hpa.status?.currentMetrics ?? [];
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef?.kind ?? ''}/${spec?.scaleTargetRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec?.metrics ?? []).forEach((metric, i) => {
      const status = current[i];
      switch (metric.type) {
        case 'External': {
          const t = metric.external?.target;
          if (t?.averageValue !== undefined) {
            const cur = status?.external?.current?.averageValue !== undefined ? quantityString(status.external.current.averageValue) : '<unknown>';
            w.write(LEVEL_1, `${JSON.stringify(metric.external?.metric?.name ?? '')} (target average value):\t${cur} / ${quantityString(t.averageValue)}\n`);
          } else {
            const cur = status?.external ? quantityString(status.external.current?.value) : '<unknown>';
            w.write(LEVEL_1, `${JSON.stringify(metric.external?.metric?.name ?? '')} (target value):\t${cur} / ${quantityString(t?.value)}\n`);
          }
          break;
        }
        case 'Pods': {
          const cur = status?.pods ? quantityString(status.pods.current?.averageValue) : '<unknown>';
          w.write(LEVEL_1, `${JSON.stringify(metric.pods?.metric?.name ?? '')} on pods:\t${cur} / ${quantityString(metric.pods?.target?.averageValue)}\n`);
          break;
        }
        case 'Object': {
          w.write(LEVEL_1, `"${metric.object?.metric?.name ?? ''}" on ${metric.object?.describedObject?.kind ?? ''}/${metric.object?.describedObject?.name ?? ''} `);
          if (metric.object?.target?.type === 'AverageValue') {
            const cur = status?.object ? quantityString(status.object.current?.averageValue) : '<unknown>';
            w.write(LEVEL_0, `(target average value):\t${cur} / ${quantityString(metric.object.target.averageValue)}\n`);
          } else {
            const cur = status?.object ? quantityString(status.object.current?.value) : '<unknown>';
            w.write(LEVEL_0, `(target value):\t${cur} / ${quantityString(metric.object?.target?.value)}\n`);
          }
          break;
        }
        case 'Resource':
        case 'ContainerResource': {
          const source = metric.type === 'Resource' ? metric.resource : metric.containerResource;
          const cur = metric.type === 'Resource' ? status?.resource : status?.containerResource;
          if (metric.type === 'Resource') w.write(LEVEL_1, `resource ${source?.name ?? ''} on pods`);
          else w.write(LEVEL_1, `resource ${source?.name ?? ''} of container "${metric.containerResource?.container ?? ''}" on pods`);
          if (source?.target?.averageValue !== undefined) {
            const text = cur ? quantityString(cur.current?.averageValue) : '<unknown>';
            w.write(LEVEL_0, `:\t${text} / ${quantityString(source.target.averageValue)}\n`);
          } else {
            const text = cur?.current?.averageUtilization !== undefined ? `${cur.current.averageUtilization}% (${quantityString(cur.current.averageValue ?? '0')})` : '<unknown>';
            const target = source?.target?.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
            w.write(LEVEL_1, `(as a percentage of request):\t${text} / ${target}\n`);
          }
          break;
        }
        default:
          w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(metric.type)}>\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas !== undefined && spec.minReplicas !== null ? spec.minReplicas : '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
    if (spec?.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec?.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    const conditions = hpa.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    describeEvents(w, events, nowMs);
  });
}
