/**
 * The client side of `kubectl rollout status|history|undo` for Deployments, for the kubectl helper:
 * kubectl computes these from the Deployment and its ReplicaSets, not the controller.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet, Typed } from '../../api/types';
import type { Labels } from '../../api/labels';
import type { StoreView } from '../../store/ObjectStore';
import { clone } from '../../util/clone';
import { getControllerOf } from '../common/controllerRef';
import { labelSelectorFor } from '../common/selectors';
import { CHANGE_CAUSE_ANNOTATION, DEPRECATED_ROLLBACK_TO_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, POD_TEMPLATE_HASH_LABEL, REASON, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, equalIgnoreHash, findNewReplicaSet, getCondition, revisionOf } from './deploymentUtil';

export interface RolloutStatus {
  /** The line kubectl prints (with its trailing newline), empty when `error` is set. */
  readonly message: string;
  readonly done: boolean;
  /** kubectl's error text (printed as `error: <text>`), e.g. a passed progress deadline. */
  readonly error?: string;
}

/**
 * Models kubectl polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status. `revision` (from
 * `--revision`) must match the Deployment's current revision when given.
 */
export function rolloutStatus(deployment: Typed<Deployment>, revision?: number): RolloutStatus {
  const name = deployment.metadata.name;
  if (revision !== undefined && revision > 0) {
    const current = revisionOf(deployment);
    if (current === undefined) return { message: '', done: false, error: `cannot get the revision of deployment "${name}": invalid revision` };
    if (current !== revision) return { message: '', done: false, error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  const status = deployment.status ?? {};
  if ((deployment.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    if (getCondition(status, 'Progressing')?.reason === REASON.timedOut) return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
    const updated = status.updatedReplicas ?? 0;
    const replicas = status.replicas ?? 0;
    const available = status.availableReplicas ?? 0;
    const desired = deployment.spec?.replicas;
    if (desired !== undefined && updated < desired) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...\n`, done: false };
    if (replicas > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
    if (available < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** Models deploymentutil.GetAllReplicaSets as kubectl uses it: ReplicaSets selected by and controlled by the Deployment. */
export function replicaSetsOf(view: StoreView, deployment: Typed<Deployment>): Typed<ReplicaSet>[] {
  const selector = labelSelectorFor(deployment, deployment.spec?.selector);
  if (!selector) return [];
  return view.list<ReplicaSet>('ReplicaSet', deployment.metadata.namespace).filter((rs) => getControllerOf(rs)?.uid === deployment.metadata.uid && selector.matches(rs.metadata.labels as Labels | undefined));
}

export interface RevisionEntry {
  readonly revision: number;
  /** The `kubernetes.io/change-cause` annotation, or `<none>` as kubectl prints it. */
  readonly changeCause: string;
  readonly replicaSet: string;
  readonly template: PodTemplateSpec;
}

/** Models kubectl history.go DeploymentHistoryViewer: one entry per revision, oldest first. */
export function revisionHistory(view: StoreView, deployment: Typed<Deployment>): RevisionEntry[] {
  const byRevision = new Map<number, RevisionEntry>();
  for (const rs of replicaSetsOf(view, deployment)) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    const template = clone(rs.spec?.template ?? {});
    const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (changeCause) template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: changeCause } };
    byRevision.set(revision, { revision, changeCause: changeCause || '<none>', replicaSet: rs.metadata.name, template });
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/**
 * `kubectl rollout history deployment/<name>` without --revision: the header line and the table, or
 * kubectl's `No rollout history found.`.
 */
export function formatRevisionHistory(deployment: Typed<Deployment>, entries: readonly RevisionEntry[]): string {
  if (entries.length === 0) return 'No rollout history found.\n';
  const width = Math.max('REVISION'.length, ...entries.map((e) => String(e.revision).length)) + 2;
  const rows = [`${'REVISION'.padEnd(width)}CHANGE-CAUSE`, ...entries.map((e) => `${String(e.revision).padEnd(width)}${e.changeCause}`)];
  return `deployment.apps/${deployment.metadata.name} \n${rows.join('\n')}\n\n`;
}

export type RollbackResult =
  | { readonly kind: 'rolledBack'; readonly deployment: Typed<Deployment>; readonly message: 'rolled back' }
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

// Kept from the Deployment on rollback, never copied from the ReplicaSet (kubectl rollback.go annotationsToSkip).
const ROLLBACK_ANNOTATIONS_TO_SKIP = ['kubectl.kubernetes.io/last-applied-configuration', REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO_ANNOTATION];

/**
 * Models kubectl polymorphichelpers/rollback.go DeploymentRollbacker: restore the pod template of
 * `toRevision` (0 = the previous one) into the Deployment, with that ReplicaSet's annotations. Returns
 * the Deployment to write; the controller then rolls it out like any template change. Messages are
 * what kubectl prints after `deployment.apps/<name> ` (results) or after `error: ` (errors).
 */
export function rollbackDeployment(view: StoreView, deployment: Typed<Deployment>, toRevision = 0): RollbackResult {
  const name = deployment.metadata.name;
  if (toRevision < 0) return { kind: 'error', message: `unable to find specified revision ${toRevision} in history` };
  const target = replicaSetForRevision(view, deployment, toRevision);
  if (typeof target === 'string') return { kind: 'error', message: target };
  if (deployment.spec?.paused) return { kind: 'error', message: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again` };
  if (equalIgnoreHash(target.spec?.template, deployment.spec?.template)) {
    return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = clone(target.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const key of ROLLBACK_ANNOTATIONS_TO_SKIP) {
    const value = deployment.metadata.annotations?.[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(target.metadata.annotations ?? {})) if (!ROLLBACK_ANNOTATIONS_TO_SKIP.includes(key)) annotations[key] = value;
  const updated = clone(deployment);
  updated.spec = { ...updated.spec!, template };
  updated.metadata.annotations = annotations;
  return { kind: 'rolledBack', deployment: updated, message: 'rolled back' };
}

/** Models rollback.go deploymentRevision: the ReplicaSet of a revision, or for 0 the second newest. */
function replicaSetForRevision(view: StoreView, deployment: Typed<Deployment>, toRevision: number): Typed<ReplicaSet> | string {
  let latest: Typed<ReplicaSet> | undefined;
  let latestRevision = -1;
  let previous: Typed<ReplicaSet> | undefined;
  let previousRevision = -1;
  for (const rs of replicaSetsOf(view, deployment)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) return `unable to find specified revision ${toRevision} in history`;
  return previous ?? `no rollout history found for deployment "${deployment.metadata.name}"`;
}

/** The ReplicaSet running the Deployment's current template, if it exists (for describe's NewReplicaSet). */
export function newReplicaSetOf(view: StoreView, deployment: Typed<Deployment>): Typed<ReplicaSet> | undefined {
  return findNewReplicaSet(deployment, replicaSetsOf(view, deployment));
}
