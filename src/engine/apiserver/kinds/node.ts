/** Node: ValidateNode / ValidateNodeUpdate (name, taints, podCIDRs) and SetDefaults_NodeStatus. */
import type { KindStrategy } from '../strategy';
import type { FieldError } from '../errors';
import type { KubeObject } from '../../api/types';
import { nameIsDNSSubdomain, validateObjectMeta } from './metadata';
import { validateTaints } from './scheduling';
import { forbidden, invalid, isRecord, keepStoredStatus } from './util';
import { deepEqual } from '../../util/clone';
import { unsimulatedFieldsOf } from '../schema/unsimulated';

function defaultNode(obj: KubeObject): void {
  if (isRecord(obj.status) && isRecord(obj.status.capacity) && !isRecord(obj.status.allocatable)) obj.status.allocatable = { ...obj.status.capacity };
}

function validateNode(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain);
  const spec = isRecord(obj.spec) ? obj.spec : {};
  // The apiserver reports node taints under `metadata.taints` (its field path for them).
  errs.push(...validateTaints(spec.taints, 'metadata.taints'));
  if (spec.unschedulable !== undefined && spec.unschedulable !== null && typeof spec.unschedulable !== 'boolean') {
    errs.push(invalid('spec.unschedulable', spec.unschedulable, 'must be a boolean'));
  }
  return errs;
}

function validateNodeUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const next = isRecord(obj.spec) ? obj.spec : {};
  const prev = isRecord(old.spec) ? old.spec : {};
  const errs: FieldError[] = [];
  const oldCidrs = Array.isArray(prev.podCIDRs) ? prev.podCIDRs : [];
  if (oldCidrs.length > 0 && !deepEqual(oldCidrs, next.podCIDRs)) {
    errs.push(forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  if (typeof prev.providerID === 'string' && prev.providerID !== '' && prev.providerID !== next.providerID) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  return errs;
}

export const nodeStrategy: KindStrategy = {
  kind: 'Node',
  defaults: defaultNode,
  validate: (obj) => validateNode(obj),
  validateUpdate: validateNodeUpdate,
  prepareForUpdate: keepStoredStatus,
  unsimulatedFields: (obj) => unsimulatedFieldsOf(obj, 'Node'),
};
