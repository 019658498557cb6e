/** `kubectl describe`: one or many objects, a name prefix, or a selector. */
import { ApiError } from '../../apiserver/errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { describeObject } from '../describe';
import { fail } from '../errors';
import type { Flags } from '../flags';
import { buildItems, listObjects, parseResourceArgs } from '../objects';

function runDescribe(ctx: KubectlContext, flags: Flags): void {
  const showEvents = flags.changed('show-events') ? flags.bool('show-events') : true;
  if (flags.args.length === 0 && flags.list('filename').length === 0) {
    fail(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
  }
  const built = buildItems(ctx, {
    args: flags.args,
    filenames: flags.list('filename'),
    labelSelector: flags.string('selector') || undefined,
    allNamespaces: flags.bool('all-namespaces'),
    allowEmptySelector: true,
  });
  // A single missing name falls back to describing every object whose name starts with it.
  if (built.items.length === 0 && built.errors.length === 1 && flags.args.length === 2 && !flags.args[0].includes('/') && built.errors[0].startsWith('Error from server (NotFound)')) {
    const [request] = parseResourceArgs([flags.args[0]]);
    const listed = listObjects(ctx, request.type, { namespace: flags.bool('all-namespaces') ? undefined : ctx.namespace });
    const matching = listed instanceof ApiError ? [] : listed.filter((o) => o.metadata.name.startsWith(flags.args[1]));
    if (matching.length === 0) {
      ctx.failed(built.errors[0]);
      return;
    }
    for (const obj of matching) ctx.out(describeObject(ctx.sim, obj, showEvents) + '\n');
    return;
  }
  let first = true;
  for (const item of built.items) {
    const text = describeObject(ctx.sim, item.object!, showEvents);
    ctx.out(first ? text : `\n\n${text}`);
    first = false;
  }
  for (const e of built.errors) ctx.failed(e);
  if (built.items.length === 0 && built.errors.length === 0) {
    ctx.err(flags.bool('all-namespaces') ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
  }
}

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, ALL_NAMESPACES_FLAG, { name: 'show-events', type: 'bool' }, { name: 'chunk-size', type: 'int' }, { name: 'kustomize', short: 'k', type: 'string' }],
  run: (ctx, flags) => runDescribe(ctx, flags),
};
