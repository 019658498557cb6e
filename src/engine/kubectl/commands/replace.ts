/**
 * `kubectl replace -f`: replace objects by manifest (they must exist). With --force kubectl
 * deletes them, waits until they are gone (a pod terminates gracefully first) and creates them
 * again from the manifest.
 */
import { applyManifest } from '../../apiserver/apply';
import { ApiError } from '../../apiserver/errors';
import type { Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, serverErrorText } from '../errors';
import type { Flags } from '../flags';
import { buildItems, type BuiltItem } from '../objects';
import { APPLY_FLAGS, applyFiles } from './apply';
import { dryRunStrategy, kindGroupOf, readManifestFile } from './common';
import { deletedLine } from './delete';

interface Source {
  readonly fileName: string;
  readonly text: string;
}

/** Creates every object of the manifests again, printing `kind/name replaced`. */
function recreate(ctx: KubectlContext, sources: readonly Source[], create: (source: Source) => ReturnType<typeof applyManifest>): void {
  for (const source of sources) {
    const result = create(source);
    for (const w of result.warnings) ctx.err(w.message.endsWith('\n') ? w.message : w.message + '\n');
    for (const a of result.applied) ctx.out(`${kindGroupOf(a.kind)}/${a.name} replaced\n`);
    for (const e of result.errors) ctx.failed(e.message.endsWith('\n') ? e.message : e.message + '\n');
  }
}

function forceReplace(ctx: KubectlContext, flags: Flags): void {
  if (dryRunStrategy(flags) !== 'none') fail('--dry-run can not be used when --force is set');
  const grace = flags.changed('grace-period') ? flags.int('grace-period', -1) : -1;
  const files = flags.list('filename');
  if (files.length === 0) fail('must specify --filename to replace');
  const sources = files.map((f) => ({ fileName: f === '-' ? 'STDIN' : f, text: readManifestFile(ctx, f) }));
  const namespace = ctx.explicitNamespace ? ctx.namespace : undefined;

  // Objects that do not exist yet are simply created (the builder ignores NotFound).
  const built = buildItems(ctx, { args: [], filenames: files });
  const deleted: BuiltItem[] = [];
  for (const item of built.items) {
    const result = ctx.write({ type: 'delete', kind: item.type.kind, namespace: item.namespace, name: item.name, options: { propagationPolicy: 'Background', ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) } });
    if (result instanceof ApiError) {
      if (result.reason !== 'NotFound') ctx.failed(serverErrorText(result));
      continue;
    }
    ctx.out(deletedLine(item, grace === 0, ''));
    deleted.push(item);
  }
  for (const e of built.errors) if (!e.startsWith('Error from server (NotFound)')) ctx.failed(e);
  ctx.settle();
  const gone = () => deleted.every((i) => ctx.sim.store.getByUid(i.object?.metadata.uid ?? '') === undefined);
  if (gone()) {
    recreate(ctx, sources, (s) => applyManifest(ctx.sim, s.text, { mode: 'create', fileName: s.fileName, namespace }));
    ctx.settle();
    return;
  }
  if (!ctx.streaming) {
    const names = deleted.map((i) => `${kindGroupOf(i.type.kind)}/${i.name}`).join(', ');
    ctx.failed(`error: ${names} is still terminating; kubectl would wait for it to be gone before creating it again. Run the command in Podlab's console (it waits), or create it with "kubectl create -f" once it is gone.\n`);
    return;
  }
  // kubectl polls every second until the old objects are gone. The creation is logged on the
  // cluster as its own command, so a replay of the log creates them at the same moment.
  ctx.stream = {
    poll: () => {
      if (!gone()) return { stdout: '', stderr: '', done: false };
      const before = [ctx.stdout.length, ctx.stderr.length] as const;
      recreate(ctx, sources, (s) => ctx.cluster.apply(s.text, { mode: 'create', fileName: s.fileName, namespace }));
      return { stdout: ctx.stdout.slice(before[0]), stderr: ctx.stderr.slice(before[1]), done: true, exitCode: ctx.exitCode };
    },
    stop: () => undefined,
  };
}

export const replaceCommand: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  use: 'replace -f FILENAME',
  flags: APPLY_FLAGS,
  run: (ctx, flags) => {
    if (flags.args.length > 0) fail(`Unexpected args: [${flags.args.join(' ')}]`);
    if (!flags.bool('force')) {
      if (flags.changed('grace-period')) fail('--grace-period must have --force specified');
      if (flags.changed('timeout')) fail('--timeout must have --force specified');
      applyFiles(ctx, flags, 'replace');
      return;
    }
    forceReplace(ctx, flags);
  },
};
