/**
 * Pod: defaults (SetDefaults_Pod + PodSpec), the admission plugins every real cluster runs on pods
 * (Priority, DefaultTolerationSeconds), the status set on create (phase Pending, qosClass) and
 * validation, including what an update may change (pkg/registry/core/pod/strategy.go,
 * ValidatePodCreate / ValidatePodUpdate).
 */
import type { KubeObject } from '../../api/types';
import type { FieldError } from '../errors';
import type { KindStrategy } from '../strategy';
import { clone, deepEqual } from '../../util/clone';
import { nameIsDNSSubdomain, validateObjectMeta } from './metadata';
import { defaultPodSpec, validatePodAnnotations, validatePodSpec } from './podSpec';
import { computeQosClass, defaultRequestsFromLimits } from './resources';
import { validateTolerations } from './scheduling';
import { ensureRecord, forbidden, inclusiveRangeError, invalid, isRecord, keepStoredStatus, required, type Obj } from './util';
import { unsimulatedFieldsOf } from '../schema/unsimulated';

/** --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** The built-in PriorityClasses every cluster has; Podlab has no others. */
const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** DefaultTolerationSeconds admission: tolerate not-ready/unreachable NoExecute for 300 s unless the pod already does. */
export function addDefaultTolerations(spec: Obj): void {
  if (spec.tolerations !== undefined && spec.tolerations !== null && !Array.isArray(spec.tolerations)) return; // validation reports it
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const tolerates = (taintKey: string) =>
    tolerations.some((t) => isRecord(t) && (t.key === taintKey || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added: Obj[] = [];
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    if (!tolerates(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

function defaultPod(obj: KubeObject): void {
  const spec = ensureRecord(obj, 'spec');
  defaultPodSpec(spec);
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of Array.isArray(list) ? list : []) if (isRecord(c)) defaultRequestsFromLimits(c);
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  // Priority admission: no PriorityClass means priority 0 and the default preemption policy.
  if (spec.priority === undefined || spec.priority === null) {
    const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
    spec.priority = SYSTEM_PRIORITY_CLASSES[className] ?? 0;
  }
  if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority';
  addDefaultTolerations(spec);
  const status = ensureRecord(obj, 'status');
  if (!status.phase) status.phase = 'Pending';
  if (!status.qosClass) status.qosClass = computeQosClass(spec);
}

function validatePod(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodAnnotations(obj.metadata?.annotations, 'metadata.annotations'));
  errs.push(...validatePodSpec(obj.spec, 'spec', { isPod: true }));
  return errs;
}

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

const goName = (segment: string) => segment.replace(/^[a-z]/, (c) => c.toUpperCase());

/** Changed leaves as `- Path: old` / `+ Path: new` lines, in the spirit of the cmp.Diff the apiserver appends. */
function diffLines(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length >= 40 || deepEqual(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) diffLines(a[key], b[key], path ? `${path}.${goName(key)}` : goName(key), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => diffLines(item, b[i], `${path}[${i}]`, out));
    return;
  }
  if (a !== undefined) out.push(`- \t${path}: ${JSON.stringify(a)},`);
  if (b !== undefined) out.push(`+ \t${path}: ${JSON.stringify(b)},`);
}

function podSpecDiff(oldSpec: unknown, newSpec: unknown): string {
  const lines: string[] = [];
  diffLines(oldSpec, newSpec, '', lines);
  return ['  core.PodSpec{', ...lines, '  }'].join('\n');
}

function sameTolerationIgnoringSeconds(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return deepEqual(a, b);
  const { tolerationSeconds: _a, ...restA } = a;
  const { tolerationSeconds: _b, ...restB } = b;
  return deepEqual(restA, restB);
}

/** ValidatePodUpdate: images, activeDeadlineSeconds and added tolerations may change, nothing else. */
function validatePodUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const newSpec: Obj = isRecord(obj.spec) ? obj.spec : {};
  const oldSpec: Obj = isRecord(old.spec) ? old.spec : {};
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers']) {
    const next = Array.isArray(newSpec[list]) ? (newSpec[list] as unknown[]) : [];
    const prev = Array.isArray(oldSpec[list]) ? (oldSpec[list] as unknown[]) : [];
    if (next.length !== prev.length) return [...errs, forbidden(`spec.${list}`, 'pod updates may not add or remove containers')];
    next.forEach((c, i) => {
      const image = isRecord(c) ? c.image : undefined;
      if (typeof image !== 'string' || image === '') errs.push(required(`spec.${list}[${i}].image`));
      else if (image.trim() !== image) errs.push(invalid(`spec.${list}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  const ads = newSpec.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (typeof ads === 'number') {
    if (ads < 0 || ads > 2147483647) return [...errs, invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, 2147483647))];
    if (typeof oldAds === 'number' && oldAds < ads) return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
  } else if (typeof oldAds === 'number') {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  const newTolerations = Array.isArray(newSpec.tolerations) ? newSpec.tolerations : [];
  const oldTolerations = Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : [];
  const kept = oldTolerations.every((t) => newTolerations.some((n) => sameTolerationIgnoringSeconds(t, n)));
  if (!kept) errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  else errs.push(...validateTolerations(newTolerations, 'spec.tolerations'));
  if (deepEqual(newSpec, oldSpec)) return errs;
  // Put back what may change, then anything still different is forbidden.
  const munged = clone(newSpec);
  for (const list of ['containers', 'initContainers']) {
    const prev = Array.isArray(oldSpec[list]) ? (oldSpec[list] as unknown[]) : [];
    if (Array.isArray(munged[list])) {
      (munged[list] as unknown[]).forEach((c, i) => {
        if (isRecord(c) && isRecord(prev[i])) c.image = (prev[i] as Obj).image;
      });
    }
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  munged.schedulingGates = oldSpec.schedulingGates;
  const oldTgps = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldTgps === 'number' && oldTgps < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldTgps;
  for (const key of Object.keys(munged)) if (munged[key] === undefined) delete munged[key];
  if (!deepEqual(munged, oldSpec)) {
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${podSpecDiff(oldSpec, munged)}`));
  }
  return errs;
}

export const podStrategy: KindStrategy = {
  kind: 'Pod',
  defaults: defaultPod,
  validate: (obj) => validatePod(obj),
  validateUpdate: validatePodUpdate,
  prepareForUpdate: keepStoredStatus,
  unsimulatedFields: (obj) => unsimulatedFieldsOf(obj, 'Pod'),
};
