/** `kubectl rollout status|history|undo|restart|pause|resume` for Deployments (and DaemonSet status/restart). */
import type { DaemonSet, Deployment, KubeObject, Typed } from '../../api/types';
import { isoTime } from '../../clock/VirtualClock';
import { formatRevisionHistory, revisionHistory, rollbackDeployment, rolloutStatus } from '../../controllers/deployment/rollout';
import { labelSelectorToString } from '../../api/labels';
import { DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail } from '../errors';
import type { Flags } from '../flags';
import { buildItems } from '../objects';
import { describePodTemplate } from '../describe/common';
import { PrefixWriter } from '../describe/writer';
import { groupResourceString, resourceForKind } from '../resources';
import { dryRunStrategy, dryRunSuffix, editable, kindName, printOperation, updateObject } from './common';

function targets(ctx: KubectlContext, flags: Flags): KubeObject[] {
  if (flags.args.length === 0 && flags.list('filename').length === 0) {
    fail(`required resource not specified`);
  }
  const built = buildItems(ctx, { args: flags.args, filenames: flags.list('filename'), labelSelector: flags.string('selector') || undefined });
  for (const e of built.errors) ctx.failed(e);
  return built.items.map((i) => i.object!);
}

function groupKind(obj: KubeObject): string {
  const type = resourceForKind(obj.kind);
  return type?.group ? `${obj.kind}.${type.group}` : obj.kind;
}

/** polymorphichelpers DaemonSetStatusViewer. */
export function daemonSetRolloutStatus(ds: Typed<DaemonSet>): { message: string; done: boolean; error?: string } {
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const s: NonNullable<DaemonSet['status']> = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  if ((ds.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired) return { message: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    if ((s.numberAvailable ?? 0) < desired) return { message: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    return { message: `daemon set "${ds.metadata.name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

/** The status viewer for one object: the current line, or an error text. */
export function statusOf(obj: KubeObject, revision: number | undefined): { message: string; done: boolean; error?: string } {
  if (obj.kind === 'Deployment') return rolloutStatus(obj as Typed<Deployment>, revision);
  if (obj.kind === 'DaemonSet') return daemonSetRolloutStatus(obj as Typed<DaemonSet>);
  return { message: '', done: true, error: `no status viewer has been implemented for ${groupKind(obj)}` };
}

const statusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { name: 'watch', short: 'w', type: 'bool' }, { name: 'revision', type: 'int' }, { name: 'timeout', type: 'duration' }],
  run: (ctx, flags) => {
    const revision = flags.changed('revision') ? flags.int('revision', 0) : undefined;
    const objects = targets(ctx, flags);
    for (const obj of objects) {
      const status = statusOf(obj, revision);
      if (status.error) fail(status.error);
      ctx.out(status.message);
      const watch = flags.changed('watch') ? flags.bool('watch') : true;
      if (status.done || !watch || !ctx.streaming) continue;
      // Print the status on every change of the object until it is done (UntilWithSync).
      let pending = '';
      let errText = '';
      let done = false;
      const unsubscribe = ctx.sim.watch((change) => {
        if (done || change.object.metadata.uid !== obj.metadata.uid) return;
        if (change.type === 'deleted') {
          errText = 'error: object has been deleted\n';
          done = true;
          return;
        }
        const next = statusOf(change.object, revision);
        if (next.error) {
          errText = `error: ${next.error}\n`;
          done = true;
          return;
        }
        pending += next.message;
        if (next.done) done = true;
      });
      ctx.stream = {
        poll: () => {
          const out = { stdout: pending, stderr: errText, done, exitCode: errText ? 1 : 0 };
          pending = '';
          errText = '';
          if (done) unsubscribe();
          return out;
        },
        stop: unsubscribe,
      };
      return;
    }
  },
};

function onlyDeployments(obj: KubeObject, what: string): Typed<Deployment> {
  if (obj.kind !== 'Deployment') {
    fail(obj.kind === 'DaemonSet' ? `Podlab does not keep DaemonSet ControllerRevisions, so "rollout ${what}" works for Deployments only` : `no ${what === 'history' ? 'history viewer' : 'rollbacker'} has been implemented for "${groupKind(obj)}"`);
  }
  return obj as Typed<Deployment>;
}

const historyCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { name: 'revision', type: 'int' }, OUTPUT_FLAG],
  run: (ctx, flags) => {
    for (const obj of targets(ctx, flags)) {
      const d = onlyDeployments(obj, 'history');
      const entries = revisionHistory(ctx.sim.store, d);
      const revision = flags.int('revision', 0);
      if (revision > 0) {
        const entry = entries.find((e) => e.revision === revision);
        if (!entry) fail(`unable to find the specified revision`);
        const w = new PrefixWriter(true);
        describePodTemplate(w, entry.template, labelSelectorToString);
        ctx.out(`${kindName(d)} with revision #${revision}\n${w.toString()}\n`);
        continue;
      }
      ctx.out(formatRevisionHistory(d, entries));
    }
  },
};

const undoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { name: 'to-revision', type: 'int' }, DRY_RUN_FLAG, OUTPUT_FLAG],
  run: (ctx, flags) => {
    const dryRun = dryRunStrategy(flags);
    for (const obj of targets(ctx, flags)) {
      const d = onlyDeployments(obj, 'undo');
      const result = rollbackDeployment(ctx.sim.store, d, flags.int('to-revision', 0));
      if (result.kind === 'error') fail(result.message);
      if (result.kind === 'skipped') {
        ctx.out(`${kindName(d)} ${result.message}\n`);
        continue;
      }
      const written = dryRun === 'none' ? updateObject(ctx, result.deployment) : result.deployment;
      printOperation(ctx, flags, [written], result.message + dryRunSuffix(dryRun));
    }
    ctx.settle();
  },
};

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const restartCommand: Command = {
  name: 'restart',
  short: 'Restart a resource',
  use: 'restart RESOURCE',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'field-manager', type: 'string' }],
  run: (ctx, flags) => {
    const dryRun = dryRunStrategy(flags);
    for (const obj of targets(ctx, flags)) {
      if (obj.kind !== 'Deployment' && obj.kind !== 'DaemonSet') fail(`restarting is not supported`);
      const spec = obj.spec as { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } };
      if (obj.kind === 'Deployment' && spec.paused) fail(`${groupResourceString(resourceForKind(obj.kind)!)} "${obj.metadata.name}" can't restart paused deployment (run rollout resume first)`);
      const copy = editable(obj);
      const copySpec = copy.spec as typeof spec;
      copySpec.template = { ...(copySpec.template ?? {}), metadata: { ...(copySpec.template?.metadata ?? {}), annotations: { ...(copySpec.template?.metadata?.annotations ?? {}), [RESTARTED_AT]: isoTime(ctx.nowMs()) } } };
      const written = dryRun === 'none' ? updateObject(ctx, copy) : copy;
      printOperation(ctx, flags, [written], 'restarted' + dryRunSuffix(dryRun));
    }
    ctx.settle();
  },
};

function pauseOrResume(paused: boolean): Command {
  const verb = paused ? 'pause' : 'resume';
  return {
    name: verb,
    short: paused ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    use: `${verb} RESOURCE`,
    flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, { name: 'field-manager', type: 'string' }],
    run: (ctx, flags) => {
      for (const obj of targets(ctx, flags)) {
        if (obj.kind !== 'Deployment') fail(`${verb === 'pause' ? 'pausing' : 'resuming'} is not supported`);
        const d = obj as Typed<Deployment>;
        if (Boolean(d.spec?.paused) === paused) fail(`${groupResourceString(resourceForKind('Deployment')!)} "${d.metadata.name}" is ${paused ? 'already paused' : 'not paused'}`);
        const copy = editable(d);
        copy.spec = { ...copy.spec!, paused };
        if (!paused) delete (copy.spec as { paused?: boolean }).paused;
        printOperation(ctx, flags, [updateObject(ctx, copy)], paused ? 'paused' : 'resumed');
      }
      ctx.settle();
    },
  };
}

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  use: 'rollout SUBCOMMAND',
  subcommands: [historyCommand, pauseOrResume(true), restartCommand, pauseOrResume(false), statusCommand, undoCommand],
};
