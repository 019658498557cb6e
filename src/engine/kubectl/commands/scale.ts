/** `kubectl scale`: set spec.replicas through the scale subresource of rs, rc and deployments. */
import { ApiError } from '../../apiserver/errors';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import { fail, serverErrorText } from '../errors';
import { buildItems } from '../objects';
import { dryRunStrategy, dryRunSuffix, editable, printOperation, updateObject } from './common';

/** Kinds with a scale subresource among those Podlab simulates. */
export const SCALABLE_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController']);

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
    { name: 'resource-version', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'all', type: 'bool' },
    ALL_NAMESPACES_FLAG,
    SELECTOR_FLAG,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  run: (ctx, flags) => {
    if (!flags.changed('replicas')) fail('required flag(s) "replicas" not set');
    const replicas = flags.int('replicas', -1);
    if (replicas < 0) fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const dryRun = dryRunStrategy(flags);
    const built = buildItems(ctx, {
      args: flags.args,
      filenames: flags.list('filename'),
      labelSelector: flags.string('selector') || undefined,
      allNamespaces: flags.bool('all-namespaces'),
      selectAll: flags.bool('all'),
    });
    for (const e of built.errors) ctx.failed(e);
    if (built.items.length === 0) {
      if (built.errors.length === 0) fail('no objects passed to scale');
      return;
    }
    for (const item of built.items) {
      const obj = item.object!;
      if (!SCALABLE_KINDS.has(obj.kind)) {
        ctx.failed(serverErrorText(new ApiError('NotFound', 'the server could not find the requested resource')));
        continue;
      }
      const spec = (obj.spec ?? {}) as { replicas?: number };
      const current = spec.replicas ?? 1;
      if (flags.changed('current-replicas') && flags.int('current-replicas', -1) !== current) {
        ctx.failed(`error: Expected replicas to be ${flags.int('current-replicas', -1)}, was ${current}\n`);
        continue;
      }
      let result = obj;
      if (dryRun === 'none') {
        const copy = editable(obj);
        copy.spec = { ...(copy.spec as object), replicas };
        result = updateObject(ctx, copy);
      }
      printOperation(ctx, flags, [result], 'scaled' + dryRunSuffix(dryRun));
    }
    ctx.settle();
  },
};
