/**
 * Models pkg/controller/deployment/util/deployment_util.go: revisions, replica annotations,
 * conditions, surge/unavailability arithmetic and the ReplicaSet orderings the controller relies on.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet, Typed } from '../../api/types';
import { isoTime, virtualMsFromIso } from '../../clock/VirtualClock';
import { clone } from '../../util/clone';
import { scaledValueFromIntOrPercent } from '../common/intOrPercent';
import { semanticEqual } from '../common/semantic';
import { creationMs } from '../common/pods';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** corev1.LastAppliedConfigAnnotation (kubectl apply); never copied to ReplicaSets. */
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export const REASON = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedRSCreate: 'ReplicaSetCreateError',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** Defaults the apps/v1 apiserver fills in; controllers use them if a stored object lacks them. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
const MAX_INT32 = 2147483647;

export type DeploymentObj = Typed<Deployment>;
export type ReplicaSetObj = Typed<ReplicaSet>;
export type DeploymentCondition = NonNullable<NonNullable<Deployment['status']>['conditions']>[number];
export type DeploymentStatus = NonNullable<Deployment['status']>;

// Skipped when copying annotations between a Deployment and its ReplicaSets (annotationsToSkip).
const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO_ANNOTATION]);
export const skipCopyAnnotation = (key: string): boolean => ANNOTATIONS_TO_SKIP.has(key);

export const replicasOf = (obj: { spec?: { replicas?: number } } | undefined): number => obj?.spec?.replicas ?? 1;
export const rsReplicas = (rs: ReplicaSetObj | undefined): number => rs?.spec?.replicas ?? 0;

export function isRollingUpdate(d: DeploymentObj): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** ResolveFenceposts: surge rounds up, unavailability rounds down, and both at 0 means unavailable 1. */
export function resolveFenceposts(d: DeploymentObj, desired: number): [number, number] {
  const rolling = d.spec?.strategy?.rollingUpdate;
  const surge = scaledValueFromIntOrPercent(rolling?.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValueFromIntOrPercent(rolling?.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: DeploymentObj): number {
  if (!isRollingUpdate(d)) return 0;
  return resolveFenceposts(d, replicasOf(d))[0];
}

export function maxUnavailable(d: DeploymentObj): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d, replicas)[1], replicas);
}

export function hasProgressDeadline(d: DeploymentObj): boolean {
  const seconds = progressDeadlineSeconds(d);
  return seconds !== MAX_INT32;
}

export function progressDeadlineSeconds(d: DeploymentObj): number {
  return d.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
}

export function revisionHistoryLimit(d: DeploymentObj): number {
  return d.spec?.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
}

/** Revision(rs): the revision annotation as a number; 0 when missing, undefined when unparsable. */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number | undefined {
  const text = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (text === undefined) return 0;
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

export function maxRevision(rss: readonly ReplicaSetObj[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** EqualIgnoreHash: two pod templates are the same apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy = clone(t ?? {});
    if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    return copy;
  };
  return semanticEqual(strip(a), strip(b));
}

/** ReplicaSetsByCreationTimestamp: oldest first, names break ties. */
export function byCreation(a: ReplicaSetObj, b: ReplicaSetObj): number {
  const ca = creationMs(a) ?? -Infinity;
  const cb = creationMs(b) ?? -Infinity;
  if (ca === cb) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return ca < cb ? -1 : 1;
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes, older first. */
export function bySizeOlder(a: ReplicaSetObj, b: ReplicaSetObj): number {
  if (rsReplicas(a) === rsReplicas(b)) return byCreation(a, b);
  return rsReplicas(a) > rsReplicas(b) ? -1 : 1;
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes, newer first. */
export function bySizeNewer(a: ReplicaSetObj, b: ReplicaSetObj): number {
  if (rsReplicas(a) === rsReplicas(b)) return byCreation(b, a);
  return rsReplicas(a) > rsReplicas(b) ? -1 : 1;
}

/** ReplicaSetsByRevision: lower revision first, then by creation. */
export function byRevision(a: ReplicaSetObj, b: ReplicaSetObj): number {
  const ra = revisionOf(a) ?? 0;
  const rb = revisionOf(b) ?? 0;
  if (ra === rb) return byCreation(a, b);
  return ra < rb ? -1 : 1;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: DeploymentObj, rsList: readonly ReplicaSetObj[]): ReplicaSetObj | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: every other ReplicaSet (the second list keeps only those with replicas). */
export function findOldReplicaSets(d: DeploymentObj, rsList: readonly ReplicaSetObj[]): [ReplicaSetObj[], ReplicaSetObj[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return [all.filter((rs) => rsReplicas(rs) !== 0), all];
}

export function filterActiveReplicaSets(rss: readonly (ReplicaSetObj | undefined)[]): ReplicaSetObj[] {
  return rss.filter((rs): rs is ReplicaSetObj => rs !== undefined && rsReplicas(rs) > 0);
}

export const sumSpecReplicas = (rss: readonly (ReplicaSetObj | undefined)[]) => rss.reduce((n, rs) => n + rsReplicas(rs), 0);
export const sumStatusReplicas = (rss: readonly (ReplicaSetObj | undefined)[]) => rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
export const sumReadyReplicas = (rss: readonly (ReplicaSetObj | undefined)[]) => rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
export const sumAvailableReplicas = (rss: readonly (ReplicaSetObj | undefined)[]) => rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);

/** FindActiveOrLatest: the single active ReplicaSet, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: ReplicaSetObj | undefined, oldRSs: readonly ReplicaSetObj[]): ReplicaSetObj | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

function annotationNumber(rs: ReplicaSetObj, key: string): number | undefined {
  const text = rs.metadata.annotations?.[key];
  return text !== undefined && /^-?[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** IsSaturated: the new ReplicaSet runs exactly the Deployment's replicas, all available. */
export function isSaturated(d: DeploymentObj, rs: ReplicaSetObj | undefined): boolean {
  if (!rs) return false;
  const desired = annotationNumber(rs, DESIRED_REPLICAS_ANNOTATION);
  return desired === replicasOf(d) && rsReplicas(rs) === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** GetProportion: this ReplicaSet's share of a proportional scale, bounded by what is left to hand out. */
export function getProportion(rs: ReplicaSetObj, d: DeploymentObj, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSetObj, d: DeploymentObj): number {
  if (replicasOf(d) === 0) return -rsReplicas(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = annotationNumber(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  const size = (rsReplicas(rs) * deploymentReplicas) / annotated;
  // integer.RoundToInt32: half away from zero.
  return Math.sign(size) * Math.round(Math.abs(size)) - rsReplicas(rs);
}

/** NewRSNewReplicas: how large the new ReplicaSet may be now (surge-bounded for rolling updates). */
export function newRSNewReplicas(d: DeploymentObj, allRSs: readonly (ReplicaSetObj | undefined)[], newRS: ReplicaSetObj): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const replicas = replicasOf(d);
  const surge = scaledValueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
  const current = sumSpecReplicas(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, replicas - rsReplicas(newRS));
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSetObj, desired: number, max: number): boolean {
  return rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] !== String(max);
}

export function setReplicasAnnotations(rs: ReplicaSetObj, desired: number, max: number): boolean {
  const changed = replicasAnnotationsNeedUpdate(rs, desired, max);
  rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) };
  return changed;
}

/** SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision, keep rollback history. */
export function setNewReplicaSetAnnotations(d: DeploymentObj, rs: ReplicaSetObj, newRevision: string, exists: boolean, revisionHistoryLimitInChars: number): boolean {
  let changed = false;
  rs.metadata.annotations ??= {};
  const annotations = rs.metadata.annotations;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const oldRevision = annotations[REVISION_ANNOTATION];
  let oldRevisionNumber = 0;
  if (oldRevision !== undefined) {
    if (!/^[+-]?[0-9]+$/.test(oldRevision)) return changed;
    oldRevisionNumber = Number(oldRevision);
  }
  const newRevisionNumber = Number(newRevision);
  if (oldRevisionNumber < newRevisionNumber) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    // A ReplicaSet that already had a revision is being rolled back to: remember its earlier revisions.
    if (oldRevision !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
      const oldRevisions = history.split(',');
      if (oldRevisions[0].length === 0) {
        annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
      } else {
        let totalLength = history.length + oldRevision.length + 1;
        let start = 0;
        while (totalLength > revisionHistoryLimitInChars && start < oldRevisions.length) {
          totalLength -= oldRevisions[start].length + 1;
          start++;
        }
        if (totalLength <= revisionHistoryLimitInChars) annotations[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

export function setDeploymentRevision(d: DeploymentObj, revision: string | undefined): boolean {
  if (revision === undefined || d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false;
  d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
  return true;
}

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: string, reason: string, message: string, nowMs: number): DeploymentCondition {
  const now = isoTime(nowMs);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** SetDeploymentCondition: same status and reason is a no-op; same status keeps lastTransitionTime. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  const remaining = (status.conditions ?? []).filter((c) => c.type !== type);
  if (remaining.length > 0) status.conditions = remaining;
  else delete status.conditions;
}

/** DeploymentComplete: every replica updated, available, and the latest spec observed. */
export function deploymentComplete(d: DeploymentObj, status: DeploymentStatus | undefined): boolean {
  const replicas = replicasOf(d);
  return (status?.updatedReplicas ?? 0) === replicas && (status?.replicas ?? 0) === replicas && (status?.availableReplicas ?? 0) === replicas && (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(d: DeploymentObj, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** DeploymentTimedOut: no progress reported for progressDeadlineSeconds. */
export function deploymentTimedOut(d: DeploymentObj, next: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(next, 'Progressing');
  if (!condition) return false;
  if (condition.reason === REASON.newRSAvailable) return false;
  if (condition.reason === REASON.timedOut) return true;
  const fromMs = virtualMsFromIso(condition.lastUpdateTime);
  return fromMs !== undefined && fromMs + progressDeadlineSeconds(d) * 1000 < nowMs;
}
