/** Pieces several commands share: --dry-run, reading -f files, printing changed objects, writes. */
import type { KubeObject } from '../../api/types';
import { ApiError } from '../../apiserver/errors';
import { clone } from '../../util/clone';
import type { KubectlContext } from '../context';
import { fail, failFromServer } from '../errors';
import type { Flags } from '../flags';
import { nameOf, parseOutputFormat, printGeneric } from '../printing';
import { kindGroupString, resourceForKind } from '../resources';

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy. */
export function dryRunStrategy(flags: Flags): DryRun {
  const value = flags.string('dry-run', 'none');
  if (value === 'client' || value === 'server' || value === 'none') return value;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return 'client';
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return 'none';
  return fail(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** Text of one -f argument: an editor buffer / file, or stdin for "-". */
export function readManifestFile(ctx: KubectlContext, name: string): string {
  if (name === '-') return ctx.io.stdin ?? '';
  const text = ctx.io.files?.[name];
  if (text === undefined) fail(`the path "${name}" does not exist`);
  return text;
}

/** `kind.group/name` for an object. */
export function kindName(obj: KubeObject): string {
  return nameOf(obj);
}

export function kindGroupOf(kind: string): string {
  const type = resourceForKind(kind);
  return type ? kindGroupString(type) : kind.toLowerCase();
}

/**
 * The success line printer kubectl uses after a mutation (printers.NewTypeSetter + NamePrinter
 * with an operation): `pod/nginx labeled`, or the object itself with -o json|yaml|name.
 */
export function printOperation(ctx: KubectlContext, flags: Flags, objects: readonly KubeObject[], operation: string): void {
  const output = flags.string('output');
  if (output === '') {
    for (const obj of objects) ctx.out(`${nameOf(obj)} ${operation}\n`);
    return;
  }
  const format = parseOutputFormat(output, ctx.io.files);
  if (format.kind === 'table') {
    for (const obj of objects) ctx.out(`${nameOf(obj)} ${operation}\n`);
    return;
  }
  if (format.kind === 'yaml' && objects.length > 1) {
    ctx.out(objects.map((o) => printGeneric(format, [o], true)).join('---\n'));
    return;
  }
  if (format.kind === 'name') {
    for (const obj of objects) ctx.out(`${nameOf(obj)}\n`);
    return;
  }
  for (const obj of objects) ctx.out(printGeneric(format, [obj], true));
}

/** Writes an updated copy of `obj`; API errors abort the command with kubectl's text. */
export function updateObject(ctx: KubectlContext, obj: KubeObject): KubeObject {
  const result = ctx.write({ type: 'update', object: obj });
  if (result instanceof ApiError) failFromServer(result);
  return result as KubeObject;
}

/** A mutable deep copy of a stored object. */
export function editable<T extends KubeObject>(obj: T): T {
  return clone(obj);
}
