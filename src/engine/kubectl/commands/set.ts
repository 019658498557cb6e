/** `kubectl set image`: change container images in pods and pod templates. */
import type { Container, KubeObject } from '../../api/types';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import { fail } from '../errors';
import { buildItems } from '../objects';
import { resourceForKind } from '../resources';
import { deepEqual } from '../../util/clone';
import { dryRunStrategy, dryRunSuffix, editable, printOperation, updateObject } from './common';
import { resourcesAndPairs } from './labelling';

/** The containers and init containers of a pod or of a workload's pod template. */
function podSpecOf(obj: KubeObject): { containers?: Container[]; initContainers?: Container[] } | undefined {
  if (obj.kind === 'Pod') return obj.spec as { containers?: Container[] };
  return (obj.spec as { template?: { spec?: { containers?: Container[] } } } | undefined)?.template?.spec;
}

const setImage: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  use: 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { name: 'all', type: 'bool' }, ALL_NAMESPACES_FLAG, { name: 'local', type: 'bool' }, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'record', type: 'bool' }, { name: 'field-manager', type: 'string' }],
  run: (ctx, flags) => {
    const { resources, pairs } = resourcesAndPairs(flags.args, 'image');
    if (pairs.length === 0) fail('at least one image update is required');
    const images = new Map<string, string>();
    for (const p of pairs) {
      const eq = p.indexOf('=');
      if (eq <= 0) fail(`invalid image update: ${p}`);
      images.set(p.slice(0, eq), p.slice(eq + 1));
    }
    const dryRun = dryRunStrategy(flags);
    const built = buildItems(ctx, { args: resources, filenames: flags.list('filename'), labelSelector: flags.string('selector') || undefined, allNamespaces: flags.bool('all-namespaces'), selectAll: flags.bool('all') });
    const errors: string[] = [...built.errors];
    for (const item of built.items) {
      const obj = item.object!;
      const copy = editable(obj);
      const spec = podSpecOf(copy);
      if (!spec) {
        // Info.ObjectName() and Go's %T of the typed object.
        const type = resourceForKind(obj.kind)!;
        errors.push(`error: ${type.resource}/${obj.metadata.name} the object is not a pod or does not have a pod template: *${type.version}.${obj.kind}\n`);
        continue;
      }
      const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
      for (const [name, image] of images) {
        const matched = name === '*' ? all : all.filter((c) => c.name === name);
        // kubectl still patches the containers it found; the missing name is reported on its own.
        if (matched.length === 0) errors.push(`error: unable to find container named "${name}"\n`);
        for (const c of matched) c.image = image;
      }
      if (deepEqual(copy, obj)) continue;
      const written = dryRun === 'none' ? updateObject(ctx, copy) : copy;
      printOperation(ctx, flags, [written], 'image updated' + dryRunSuffix(dryRun));
    }
    for (const e of errors) ctx.failed(e);
    ctx.settle();
  },
};

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  use: 'set SUBCOMMAND',
  subcommands: [setImage],
};
