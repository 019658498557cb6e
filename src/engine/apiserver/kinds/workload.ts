/**
 * What the workload kinds share: selector-versus-template checks (pkg/apis/apps/validation
 * ValidatePodTemplateSpecForReplicaSet), replica counts, the apps/v1 selector immutability
 * (registry strategies' ValidateUpdate) and the selector defaulting of the pre-apps/v1 versions.
 */
import type { KubeObject } from '../../api/types';
import type { FieldError } from '../errors';
import { LabelSelectorError, selectorFromLabelSelector, validateLabelSelector, type Selector } from '../../api/labels';
import { deepEqual } from '../../util/clone';
import { defaultPodTemplate, validatePodTemplateSpec } from './podSpec';
import { checkInteger, forbidden, fromTexts, invalid, isRecord, nonNegative, replicasBound, required, unsupported, type Obj } from './util';

export const FIELD_IMMUTABLE = 'field is immutable';

/** Go's JSON for a string map: keys sorted. */
export function sortedMap(map: unknown): unknown {
  if (!isRecord(map)) return map;
  return Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k]]));
}

/** A LabelSelector as Go marshals it (matchLabels, then matchExpressions; empty ones omitted). */
export function selectorValue(selector: unknown): unknown {
  if (!isRecord(selector)) return selector;
  const out: Obj = {};
  if (isRecord(selector.matchLabels) && Object.keys(selector.matchLabels).length > 0) out.matchLabels = sortedMap(selector.matchLabels);
  if (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0) {
    out.matchExpressions = selector.matchExpressions.map((e) => (isRecord(e) ? { key: e.key, operator: e.operator, ...(e.values !== undefined ? { values: e.values } : {}) } : e));
  }
  return out;
}

/** Labels of a template as the API prints them in `Invalid value: {...}` (null when absent). */
export function templateLabelsValue(template: Obj): unknown {
  const labels = isRecord(template.metadata) ? template.metadata.labels : undefined;
  return labels === undefined ? null : sortedMap(labels);
}

export function templateLabels(template: Obj): Record<string, string> {
  const labels = isRecord(template.metadata) ? template.metadata.labels : undefined;
  if (!isRecord(labels)) return {};
  return Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

/** LabelSelectorAsSelector, or undefined when it does not convert. */
export function toSelector(selector: unknown): Selector | undefined {
  try {
    return selectorFromLabelSelector(isRecord(selector) ? (selector as never) : null);
  } catch (error) {
    if (error instanceof LabelSelectorError) return undefined;
    throw error;
  }
}

/** Replicas: an integer, not negative, within Podlab's bound. */
export function validateReplicas(value: unknown, path: string): FieldError[] {
  const typeErrs = checkInteger(value, path);
  if (typeErrs.length > 0) return typeErrs;
  return [...nonNegative(value, path), ...replicasBound(value, path)];
}

/**
 * ValidatePodTemplateSpecForReplicaSet (ReplicaSets and Deployments; `owner` names the kind in the
 * activeDeadlineSeconds message, which the apiserver words as "ReplicaSet" for both).
 */
export function validateTemplateForSelector(template: unknown, selector: Selector | undefined, path: string, owner: string): FieldError[] {
  if (!isRecord(template)) return [required(path)];
  const errs: FieldError[] = [];
  // A missing selector converts to "nothing", which matches no labels: both errors show, as in Kubernetes.
  if (selector && !selector.empty() && !selector.matches(templateLabels(template))) {
    errs.push(invalid(`${path}.metadata.labels`, templateLabelsValue(template), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const spec = isRecord(template.spec) ? template.spec : {};
  if (spec.restartPolicy !== 'Always') errs.push(unsupported(`${path}.spec.restartPolicy`, spec.restartPolicy ?? '', ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errs;
}

/**
 * The selector part of ValidateReplicaSetSpec / ValidateDeploymentSpec: required, valid, non-empty;
 * returns the converted selector for the template check.
 */
export function validateAppsSelector(selector: unknown, path: string): { errs: FieldError[]; selector?: Selector } {
  const errs: FieldError[] = [];
  if (selector === undefined || selector === null) {
    errs.push(required(path));
    return { errs, selector: toSelector(null) };
  }
  errs.push(...fromTexts(validateLabelSelector(selector, path)));
  if (isRecord(selector)) {
    const count = (isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0) + (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0);
    if (count === 0) errs.push(invalid(path, selectorValue(selector), 'empty selector is invalid for deployment'));
  }
  const converted = toSelector(selector);
  if (!converted) errs.push(invalid(path, selectorValue(selector), 'invalid label selector'));
  return { errs, selector: converted };
}

/** apps/v1 selectors cannot change after creation (extensions/v1beta1 allowed it; Podlab serves apps/v1). */
export function validateSelectorImmutable(obj: KubeObject, old: KubeObject): FieldError[] {
  const next = isRecord(obj.spec) ? obj.spec.selector : undefined;
  const prev = isRecord(old.spec) ? old.spec.selector : undefined;
  return deepEqual(selectorValue(next), selectorValue(prev)) ? [] : [invalid('spec.selector', selectorValue(next) ?? null, FIELD_IMMUTABLE)];
}

/** Template defaults plus `replicas: 1`. */
export function defaultReplicatedSpec(spec: Obj): void {
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  defaultPodTemplate(spec.template);
}

/**
 * extensions/v1beta1 (and apps/v1beta1 Deployments) defaulted a missing selector and empty object
 * labels from the template labels; apps/v1beta2 and apps/v1 require the selector.
 */
export function convertLegacyWorkload(obj: KubeObject, fromApiVersion: string): void {
  const legacy = fromApiVersion === 'extensions/v1beta1' || (fromApiVersion === 'apps/v1beta1' && obj.kind === 'Deployment');
  if (!legacy || !isRecord(obj.spec) || !isRecord(obj.spec.template)) return;
  const labels = isRecord(obj.spec.template.metadata) ? obj.spec.template.metadata.labels : undefined;
  if (!isRecord(labels)) return;
  if (obj.spec.selector === undefined || obj.spec.selector === null) obj.spec.selector = { matchLabels: { ...labels } };
  if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) obj.metadata.labels = { ...(labels as Record<string, string>) };
}

