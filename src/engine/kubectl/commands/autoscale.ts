/** `kubectl autoscale`: create an autoscaling/v2 HorizontalPodAutoscaler for a scalable workload. */
import type { KubeObject } from '../../api/types';
import { DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, type Command } from '../command';
import { fail, usageError } from '../errors';
import { buildItems } from '../objects';
import { createGenerated } from './create';
import { SCALABLE_KINDS } from './scale';

export const autoscaleCommand: Command = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  use: 'autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  flags: [
    { name: 'min', type: 'int' },
    { name: 'max', type: 'int' },
    { name: 'cpu-percent', type: 'int' },
    { name: 'name', type: 'string' },
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'save-config', type: 'bool' },
    { name: 'record', type: 'bool' },
    { name: 'field-manager', type: 'string' },
  ],
  run: (ctx, flags, path) => {
    const max = flags.int('max', -1);
    const min = flags.int('min', -1);
    const cpu = flags.int('cpu-percent', -1);
    if (flags.args.length === 0 && flags.list('filename').length === 0) usageError(path, 'You must provide one or more resources by argument or filename.');
    if (max < 1) fail(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
    if (max < min) fail(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
    const built = buildItems(ctx, { args: flags.args, filenames: flags.list('filename') });
    for (const e of built.errors) ctx.failed(e);
    for (const item of built.items) {
      const target = item.object!;
      if (!SCALABLE_KINDS.has(target.kind)) fail(`cannot autoscale a ${target.kind}: ${target.kind.toLowerCase()}s "${target.metadata.name}" has no scale subresource`);
      const spec: Record<string, unknown> = {
        maxReplicas: max,
        scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: target.metadata.name },
      };
      if (min > 0) spec.minReplicas = min;
      if (cpu >= 0) spec.metrics = [{ resource: { name: 'cpu', target: { averageUtilization: cpu, type: 'Utilization' } }, type: 'Resource' }];
      const hpa = {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: flags.string('name') || target.metadata.name },
        spec,
        status: { currentMetrics: null, desiredReplicas: 0 },
      } as unknown as KubeObject;
      createGenerated(ctx, flags, hpa, '', 'autoscaled');
    }
  },
};
