/** ReplicaSet (apps/v1): SetDefaults_ReplicaSet, ValidateReplicaSet(+Update), selector immutability. */
import type { KindStrategy } from '../strategy';
import type { FieldError } from '../errors';
import type { KubeObject } from '../../api/types';
import { nameIsDNSSubdomain, validateObjectMeta } from './metadata';
import { ensureRecord, isRecord, keepStoredStatus, nonNegative } from './util';
import { convertLegacyWorkload, defaultReplicatedSpec, validateAppsSelector, validateReplicas, validateSelectorImmutable, validateTemplateForSelector } from './workload';
import { unsimulatedFieldsOf } from '../schema/unsimulated';

function validateReplicaSet(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  const spec = isRecord(obj.spec) ? obj.spec : {};
  errs.push(...validateReplicas(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  const { errs: selectorErrs, selector } = validateAppsSelector(spec.selector, 'spec.selector');
  errs.push(...selectorErrs);
  if (selector) errs.push(...validateTemplateForSelector(spec.template, selector, 'spec.template', 'ReplicaSet'));
  return errs;
}

export const replicaSetStrategy: KindStrategy = {
  kind: 'ReplicaSet',
  convert: convertLegacyWorkload,
  defaults: (obj) => defaultReplicatedSpec(ensureRecord(obj, 'spec')),
  validate: (obj) => validateReplicaSet(obj),
  validateUpdate: validateSelectorImmutable,
  prepareForUpdate: keepStoredStatus,
  unsimulatedFields: (obj) => unsimulatedFieldsOf(obj, 'ReplicaSet'),
};
