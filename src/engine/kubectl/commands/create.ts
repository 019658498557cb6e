/** `kubectl create -f`, `create deployment`, `create namespace`, and honest refusals for kinds Podlab does not simulate. */
import { applyManifest } from '../../apiserver/apply';
import type { KubeObject } from '../../api/types';
import { DRY_RUN_FLAG, OUTPUT_FLAG, type Command } from '../command';
import type { KubectlContext } from '../context';
import { fail, KubectlError, usageError } from '../errors';
import { unsupported } from './unsupported';
import type { Flags } from '../flags';
import { toCompactJson } from '../output/json';
import { APPLY_FLAGS, applyFiles } from './apply';
import { dryRunStrategy, dryRunSuffix, printOperation } from './common';

/**
 * Sends a generated object to the apiserver as `create` would; `describeFailure` wraps errors
 * the way each generator does. Prints `kind/name created` or the object for -o.
 */
export function createGenerated(ctx: KubectlContext, flags: Flags, object: KubeObject, failurePrefix: string, operation = 'created'): void {
  const dryRun = dryRunStrategy(flags);
  if (dryRun === 'client') {
    printOperation(ctx, flags, [object], `${operation}${dryRunSuffix(dryRun)}`);
    return;
  }
  const result = applyManifest(ctx.sim, toCompactJson(object), { mode: 'create', fileName: 'STDIN', namespace: ctx.namespace, dryRun: dryRun === 'server' });
  for (const w of result.warnings) ctx.err(w.message + '\n');
  if (result.errors.length > 0) {
    const message = result.errors[0].message.replace(/^Error from server \((\w+)\): error when creating "STDIN": /, 'Error from server ($1): ');
    if (failurePrefix) fail(`${failurePrefix}${message.replace(/^Error from server \(\w+\): /, '')}`);
    throw new KubectlError(message.endsWith('\n') ? message : `${message}\n`);
  }
  const applied = result.applied[0];
  const live = dryRun === 'none' ? ctx.sim.store.get(applied.kind, applied.namespace, applied.name) : object;
  ctx.settle();
  printOperation(ctx, flags, [live ?? object], `${operation}${dryRunSuffix(dryRun)}`);
}

function exactlyOneName(flags: Flags, path: string): string {
  const names = flags.argsLenAtDash >= 0 ? flags.args.slice(0, flags.argsLenAtDash) : flags.args;
  if (names.length !== 1) usageError(path, `exactly one NAME is required, got ${names.length}`);
  return names[0];
}

/** Container name from an image reference: last path segment without tag or digest. */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split('@')[0].split(':')[0];
  return name.replace(/_/g, '-');
}

const createDeployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  flags: [
    { name: 'image', type: 'stringSlice' },
    { name: 'replicas', short: 'r', type: 'int' },
    { name: 'port', type: 'int' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string', noOptDefault: 'strict' },
    { name: 'field-manager', type: 'string' },
  ],
  run: (ctx, flags, path) => {
    const images = flags.list('image');
    if (!flags.changed('image')) fail('required flag(s) "image" not set');
    const name = exactlyOneName(flags, path);
    const command = flags.argsLenAtDash >= 0 ? flags.args.slice(flags.argsLenAtDash) : [];
    const labels = { app: name };
    const containers: Record<string, unknown>[] = images.map((image) => ({ image, name: containerNameFromImage(image), resources: {} }));
    if (command.length > 0 && containers[0]) containers[0].command = command;
    const port = flags.int('port', -1);
    if (port >= 0 && containers[0]) containers[0].ports = [{ containerPort: port }];
    // Since 1.34 a zero creationTimestamp is omitted, not printed as null (kubernetes#130989).
    const metadata: Record<string, unknown> = { labels, name };
    if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        replicas: flags.int('replicas', 1),
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { labels }, spec: { containers } },
      },
      status: {},
    } as unknown as KubeObject;
    createGenerated(ctx, flags, deployment, 'failed to create deployment: ');
  },
};

const createNamespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  use: 'namespace NAME [--dry-run=server|client|none]',
  flags: [DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'save-config', type: 'bool' }, { name: 'validate', type: 'string', noOptDefault: 'strict' }, { name: 'field-manager', type: 'string' }],
  run: (ctx, flags, path) => {
    const name = exactlyOneName(flags, path);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} } as unknown as KubeObject;
    createGenerated(ctx, flags, ns, '');
  },
};

/** `kubectl create <kind>` generators for kinds the simulation does not have. */
const UNSIMULATED_GENERATORS: readonly Command[] = [
  ['clusterrole', 'Create a cluster role', 'Podlab does not simulate RBAC: every request is allowed.'],
  ['clusterrolebinding', 'Create a cluster role binding for a particular cluster role', 'Podlab does not simulate RBAC: every request is allowed.'],
  ['configmap', 'Create a config map from a local file, directory or literal value', 'Podlab does not simulate ConfigMaps yet. Put settings into the pod template\'s env in the editor instead.', ['cm']],
  ['cronjob', 'Create a cron job with the specified name', 'Podlab does not simulate CronJobs yet.', ['cj']],
  ['ingress', 'Create an ingress with the specified name', 'Podlab does not simulate Ingresses (or Services) yet.', ['ing']],
  ['job', 'Create a job with the specified name', 'Podlab does not simulate Jobs yet. A bare pod with restartPolicy: Never behaves like a one-off job.'],
  ['poddisruptionbudget', 'Create a pod disruption budget with the specified name', 'Podlab does not simulate PodDisruptionBudgets yet.', ['pdb']],
  ['priorityclass', 'Create a priority class with the specified name', 'Podlab does not simulate PriorityClasses yet.', ['pc']],
  ['quota', 'Create a quota with the specified name', 'Podlab does not simulate ResourceQuotas yet.', ['resourcequota']],
  ['role', 'Create a role with single rule', 'Podlab does not simulate RBAC: every request is allowed.'],
  ['rolebinding', 'Create a role binding for a particular role or cluster role', 'Podlab does not simulate RBAC: every request is allowed.'],
  ['secret', 'Create a secret using a specified subcommand', 'Podlab does not simulate Secrets; every image pulls without credentials, so imagePullSecrets are not needed.'],
  ['service', 'Create a service using a specified subcommand', 'Podlab does not simulate Services yet. "kubectl exec <pod> -- curl http://<pod-ip>:<port>/" calls a pod directly.', ['svc']],
  ['serviceaccount', 'Create a service account with the specified name', 'Podlab does not simulate ServiceAccounts.', ['sa']],
  ['token', 'Request a service account token', 'Podlab does not simulate ServiceAccounts or tokens.'],
].map(([name, short, why, aliases]) => unsupported(name as string, short as string, why as string, `kubectl create ${name}`, aliases as string[] | undefined));

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  use: 'create -f FILENAME',
  flags: APPLY_FLAGS,
  subcommands: [createDeployment, createNamespace, ...UNSIMULATED_GENERATORS].sort((a, b) => (a.name < b.name ? -1 : 1)),
  run: (ctx, flags, path) => {
    if (flags.args.length > 0) {
      const known = ['deployment', 'namespace'];
      fail(`Podlab's kubectl can create from files (-f) and generate ${known.join(' and ')} objects; "create ${flags.args[0]}" is not available here.\nSee '${path} -h' for help and examples`);
    }
    applyFiles(ctx, flags, 'create');
  },
};
