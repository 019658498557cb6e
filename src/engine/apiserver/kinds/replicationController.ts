/**
 * ReplicationController (core/v1): SetDefaults_ReplicationController (selector and labels from the
 * template) and ValidateReplicationController. Its selector is a plain map and may change.
 */
import type { KindStrategy } from '../strategy';
import type { FieldError } from '../errors';
import type { KubeObject } from '../../api/types';
import { selectorFromSet } from '../../api/labels';
import { nameIsDNSSubdomain, validateObjectMeta } from './metadata';
import { defaultPodTemplate, validatePodTemplateSpec } from './podSpec';
import { ensureRecord, forbidden, invalid, isRecord, keepStoredStatus, nonNegative, required, unsupported } from './util';
import { templateLabels, templateLabelsValue, validateReplicas } from './workload';
import { unsimulatedFieldsOf } from '../schema/unsimulated';

function defaultReplicationController(obj: KubeObject): void {
  const spec = ensureRecord(obj, 'spec');
  const template = isRecord(spec.template) ? spec.template : undefined;
  const labels = template && isRecord(template.metadata) && isRecord(template.metadata.labels) ? template.metadata.labels : undefined;
  if (labels) {
    if (!isRecord(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) obj.metadata.labels = { ...(labels as Record<string, string>) };
  }
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  defaultPodTemplate(template);
}

function validateReplicationController(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  const spec = isRecord(obj.spec) ? obj.spec : {};
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  const selectorMap = isRecord(spec.selector) ? (spec.selector as Record<string, string>) : {};
  if (Object.keys(selectorMap).length === 0) errs.push(required('spec.selector'));
  errs.push(...validateReplicas(spec.replicas, 'spec.replicas'));
  const template = spec.template;
  if (!isRecord(template)) {
    errs.push(required('spec.template'));
    return errs;
  }
  const selector = selectorFromSet(selectorMap);
  if (!selector.empty() && !selector.matches(templateLabels(template))) {
    errs.push(invalid('spec.template.metadata.labels', templateLabelsValue(template), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const podSpec = isRecord(template.spec) ? template.spec : {};
  if (podSpec.restartPolicy !== 'Always') errs.push(unsupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

export const replicationControllerStrategy: KindStrategy = {
  kind: 'ReplicationController',
  defaults: defaultReplicationController,
  validate: (obj) => validateReplicationController(obj),
  prepareForUpdate: keepStoredStatus,
  unsimulatedFields: (obj) => unsimulatedFieldsOf(obj, 'ReplicationController'),
};
