/**
 * Namespace: PrepareForCreate (the `kubernetes` finalizer, phase Active, and the immutable
 * kubernetes.io/metadata.name label every namespace carries) and ValidateNamespace.
 */
import type { KindStrategy } from '../strategy';
import type { FieldError } from '../errors';
import type { KubeObject } from '../../api/types';
import { nameIsDNSLabel, validateObjectMeta } from './metadata';
import { ensureRecord, invalid, isRecord, keepStoredStatus } from './util';
import { validateLabelKey } from '../../api/labels';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function defaultNamespace(obj: KubeObject): void {
  const spec = ensureRecord(obj, 'spec');
  if (!Array.isArray(spec.finalizers) || spec.finalizers.length === 0) spec.finalizers = ['kubernetes'];
  const status = ensureRecord(obj, 'status');
  if (!status.phase) status.phase = 'Active';
  if (obj.metadata && typeof obj.metadata.name === 'string' && obj.metadata.name) {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: obj.metadata.name };
  }
}

function validateNamespace(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSLabel);
  const finalizers = isRecord(obj.spec) && Array.isArray(obj.spec.finalizers) ? obj.spec.finalizers : [];
  for (const f of finalizers) {
    const name = String(f);
    for (const msg of validateLabelKey(name)) errs.push(invalid('spec.finalizers', name, msg));
    if (!name.includes('/') && name !== 'kubernetes') errs.push(invalid('spec.finalizers', name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

export const namespaceStrategy: KindStrategy = {
  kind: 'Namespace',
  defaults: defaultNamespace,
  validate: (obj) => validateNamespace(obj),
  prepareForUpdate: keepStoredStatus,
};
