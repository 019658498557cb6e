/** `kubectl cordon` / `uncordon`: toggle spec.unschedulable on nodes. */
import type { Node, Typed } from '../../api/types';
import { DRY_RUN_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, usageError } from '../errors';
import type { Flags } from '../flags';
import { buildItems } from '../objects';
import { dryRunStrategy, dryRunSuffix, editable, kindName, updateObject } from './common';

/** RunCordonOrUncordon: prints `node/x cordoned` or `node/x already cordoned`. */
export function setUnschedulable(ctx: KubectlContext, nodes: readonly Typed<Node>[], desired: boolean, dryRunText: string, write: boolean): void {
  const verb = desired ? 'cordoned' : 'uncordoned';
  for (const node of nodes) {
    if (Boolean(node.spec?.unschedulable) === desired) {
      ctx.out(`${kindName(node)} already ${verb}${dryRunText}\n`);
      continue;
    }
    if (write) {
      const copy = editable(node);
      copy.spec = { ...(copy.spec ?? {}), unschedulable: desired };
      if (!desired) delete copy.spec.unschedulable;
      updateObject(ctx, copy);
    }
    ctx.out(`${kindName(node)} ${verb}${dryRunText}\n`);
  }
}

export function selectNodes(ctx: KubectlContext, flags: Flags, path: string): Typed<Node>[] {
  const names = flags.args;
  const selector = flags.string('selector');
  if (names.length === 0 && !selector) usageError(path, 'USAGE: ' + path.replace('kubectl ', '') + ' NODE [flags]');
  if (names.length > 1) fail(`Unexpected args: [${names.slice(1).join(' ')}]`);
  const built = buildItems(ctx, { args: names.length > 0 ? ['nodes', ...names] : ['nodes'], labelSelector: selector || undefined, allowEmptySelector: true });
  for (const e of built.errors) ctx.failed(e);
  return built.items.map((i) => i.object as Typed<Node>);
}

function cordonCommand(desired: boolean): Command {
  return {
    name: desired ? 'cordon' : 'uncordon',
    short: desired ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    use: `${desired ? 'cordon' : 'uncordon'} NODE`,
    flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
    run: (ctx, flags, path) => {
      const dryRun = dryRunStrategy(flags);
      setUnschedulable(ctx, selectNodes(ctx, flags, path), desired, dryRunSuffix(dryRun), dryRun === 'none');
      ctx.settle();
    },
  };
}

export const cordon = cordonCommand(true);
export const uncordon = cordonCommand(false);
