/**
 * `kubectl delete`: by type/name, label selector, --all or -f, with --cascade
 * (background default, foreground, orphan; deprecated booleans warned about), --grace-period,
 * --now and --force, printing kubectl 1.34+ `pod "x" deleted from default namespace`.
 */
import type { DeleteOptions, PropagationPolicy } from '../../sim/actions';
import { ApiError } from '../../apiserver/errors';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, serverErrorText } from '../errors';
import type { FlagDef, Flags } from '../flags';
import { buildItems, type BuiltItem } from '../objects';
import { kindGroupString } from '../resources';
import { dryRunStrategy, dryRunSuffix } from './common';

export const DELETE_FLAGS: readonly FlagDef[] = [
  FILENAME_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  ALL_NAMESPACES_FLAG,
  { name: 'cascade', type: 'string', noOptDefault: 'background' },
  { name: 'grace-period', type: 'int' },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'duration' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'kustomize', short: 'k', type: 'string' },
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
];

/** delete_flags.go parseCascadingFlag. */
export function cascadingStrategy(ctx: KubectlContext, flags: Flags): PropagationPolicy {
  const value = flags.string('cascade', 'background');
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) {
    ctx.err(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=background.\n`);
    return 'Background';
  }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) {
    ctx.err(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`);
    return 'Orphan';
  }
  switch (value) {
    case 'orphan':
      return 'Orphan';
    case 'foreground':
      return 'Foreground';
    case 'background':
      return 'Background';
  }
  return fail(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}

export const NO_RESOURCES_SPECIFIED =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** The `pod "x" deleted from default namespace` line. */
export function deletedLine(item: BuiltItem, force: boolean, dryRunText: string): string {
  const operation = force ? 'force deleted' : 'deleted';
  const where = item.type.namespaced && item.namespace ? ` from ${item.namespace} namespace` : '';
  return `${kindGroupString(item.type)} "${item.name}" ${operation}${where}${dryRunText}\n`;
}

function runDelete(ctx: KubectlContext, flags: Flags): void {
  if (flags.string('raw')) fail('Podlab has no raw HTTP API; delete objects by type and name');
  if (flags.string('kustomize')) fail('Podlab cannot run kustomize (-k); delete the rendered manifests with -f instead');
  if (flags.bool('interactive')) fail('Podlab\'s console cannot ask for confirmation; run the delete without -i');
  const output = flags.string('output');
  if (output !== '' && output !== 'name') fail(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (flags.bool('all') && flags.string('selector')) fail('cannot set --all and --selector at the same time');
  if (flags.bool('all') && flags.string('field-selector')) fail('cannot set --all and --field-selector at the same time');

  let grace = flags.changed('grace-period') ? flags.int('grace-period', -1) : -1;
  const force = flags.bool('force');
  if (flags.bool('now')) {
    if (grace !== -1) fail('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1; // kubectl turns --grace-period=0 into 1 unless --force
  if (force && grace < 0) grace = 0;
  if (grace === 0 && force) {
    ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  } else if (grace > 0 && force) {
    fail('--force and --grace-period greater than 0 cannot be specified together');
  }
  const propagation = cascadingStrategy(ctx, flags);
  const dryRun = dryRunStrategy(flags);

  if (flags.args.length === 0 && flags.list('filename').length === 0) fail(NO_RESOURCES_SPECIFIED);
  const selecting = flags.bool('all') || Boolean(flags.string('selector')) || Boolean(flags.string('field-selector'));
  const ignoreNotFound = flags.changed('ignore-not-found') ? flags.bool('ignore-not-found') : selecting;
  const built = buildItems(ctx, {
    args: flags.args,
    filenames: flags.list('filename'),
    labelSelector: flags.string('selector') || undefined,
    fieldSelector: flags.string('field-selector') || undefined,
    allNamespaces: flags.bool('all-namespaces'),
    selectAll: flags.bool('all'),
  });
  const clusterScopedWarning = ctx.explicitNamespace && !flags.bool('all-namespaces');
  let warned = false;
  let found = 0;
  for (const item of built.items) {
    found++;
    if (clusterScopedWarning && !item.type.namespaced && !warned) {
      ctx.err('warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warned = true;
    }
    if (dryRun === 'client') {
      ctx.out(output === 'name' ? `${kindGroupString(item.type)}/${item.name}\n` : deletedLine(item, grace === 0, dryRunSuffix(dryRun)));
      continue;
    }
    if (dryRun === 'server') {
      ctx.out(output === 'name' ? `${kindGroupString(item.type)}/${item.name}\n` : deletedLine(item, grace === 0, dryRunSuffix(dryRun)));
      continue;
    }
    const options: DeleteOptions = { propagationPolicy: propagation, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) };
    const result = ctx.write({ type: 'delete', kind: item.type.kind, namespace: item.namespace, name: item.name, options });
    if (result instanceof ApiError) {
      if (!(ignoreNotFound && result.reason === 'NotFound')) ctx.failed(serverErrorText(result));
      continue;
    }
    ctx.out(output === 'name' ? `${kindGroupString(item.type)}/${item.name}\n` : deletedLine(item, grace === 0, ''));
  }
  const deleted = built.items.filter((i) => i.object && ctx.sim.store.getByUid(i.object.metadata.uid ?? '') !== undefined);
  const wait = flags.changed('wait') ? flags.bool('wait') : true;
  if (wait && dryRun === 'none' && ctx.streaming && deleted.length > 0) {
    // --wait (the default): the command returns once the deleted objects are really gone.
    ctx.stream = {
      poll: () => ({ stdout: '', stderr: '', done: deleted.every((i) => ctx.sim.store.getByUid(i.object!.metadata.uid ?? '') === undefined) }),
      stop: () => undefined,
    };
  }
  const remaining = built.errors.filter((e) => !(ignoreNotFound && e.startsWith('Error from server (NotFound)')));
  for (const e of remaining) ctx.failed(e);
  if (found === 0 && remaining.length === 0) ctx.out('No resources found\n');
  ctx.settle();
}

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  flags: DELETE_FLAGS,
  run: (ctx, flags) => runDelete(ctx, flags),
};
