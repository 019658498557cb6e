/** `kubectl apply -f`: client-side apply of editor buffers or `-f -` (stdin). */
import { applyManifest, type ApplyMode } from '../../apiserver/apply';
import type { KubeObject } from '../../api/types';
import { DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail } from '../errors';
import type { FlagDef, Flags } from '../flags';
import { parseOutputFormat, printGeneric } from '../printing';
import { dryRunStrategy, dryRunSuffix, kindGroupOf, readManifestFile } from './common';

export const APPLY_FLAGS: readonly FlagDef[] = [
  FILENAME_FLAG,
  RECURSIVE_FLAG,
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'prune', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'duration' },
  { name: 'record', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
];

/** Shared by apply, create -f and replace -f. */
export function applyFiles(ctx: KubectlContext, flags: Flags, mode: ApplyMode): void {
  if (flags.string('kustomize')) fail('Podlab cannot run kustomize (-k); apply the rendered manifests with -f instead');
  const files = flags.list('filename');
  if (files.length === 0) fail(mode === 'replace' ? 'must specify --filename to replace' : 'must specify one of -f and -k');
  const dryRun = dryRunStrategy(flags);
  const output = flags.string('output');
  const format = output ? parseOutputFormat(output, ctx.io.files) : undefined;
  const printed: KubeObject[] = [];
  for (const file of files) {
    const text = readManifestFile(ctx, file);
    const result = applyManifest(ctx.sim, text, {
      mode,
      fileName: file === '-' ? 'STDIN' : file,
      namespace: ctx.explicitNamespace ? ctx.namespace : undefined,
      dryRun: dryRun !== 'none',
      clientOnly: dryRun === 'client' && mode === 'create',
    });
    for (const w of result.warnings) ctx.err(w.message.endsWith('\n') ? w.message : w.message + '\n');
    result.applied.forEach((a, i) => {
      const live = dryRun === 'none' ? ctx.sim.store.get(a.kind, a.namespace, a.name) : result.planned?.[i];
      if (format && format.kind !== 'table') {
        if (live) printed.push(live);
        else if (format.kind === 'name') ctx.out(`${kindGroupOf(a.kind)}/${a.name}\n`);
        return;
      }
      ctx.out(`${kindGroupOf(a.kind)}/${a.name} ${a.outcome}${dryRunSuffix(dryRun)}\n`);
    });
    for (const e of result.errors) ctx.failed(e.message.endsWith('\n') ? e.message : e.message + '\n');
  }
  if (format && format.kind !== 'table' && printed.length > 0) {
    if (format.kind === 'yaml') ctx.out(printed.map((o) => printGeneric(format, [o], true)).join('---\n'));
    else if (format.kind === 'name') ctx.out(printGeneric(format, printed, false));
    else ctx.out(printGeneric(format, printed, printed.length === 1));
  }
  ctx.settle();
}

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  flags: APPLY_FLAGS,
  run: (ctx, flags) => {
    if (flags.args.length > 0) fail(`Unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    applyFiles(ctx, flags, 'apply');
  },
};
