/**
 * Validation of the scheduling fields of a PodSpec (tolerations, node/pod affinity, topology spread
 * constraints) and of node taints, as pkg/apis/core/validation/validation.go writes them.
 */
import type { FieldError } from '../errors';
import { validateLabelKey, validateLabelSelector, validateLabelValue } from '../../api/labels';
import { nameIsDNSLabel, nameIsDNSSubdomain } from './metadata';
import { duplicate, forbidden, fromTexts, invalid, isRecord, required, unsupported, type Obj } from './util';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** ValidateLabelName: key errors at the given path. */
function labelNameErrors(key: string, path: string): FieldError[] {
  return validateLabelKey(key).map((msg) => invalid(path, key, msg));
}

function validateTaintEffect(effect: unknown, allowEmpty: boolean, path: string): FieldError[] {
  if (!allowEmpty && (effect === undefined || effect === null || effect === '')) return [required(path)];
  if (typeof effect === 'string' && TAINT_EFFECTS.includes(effect)) return [];
  return [unsupported(path, effect ?? '', TAINT_EFFECTS)];
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  if (tolerations === undefined || tolerations === null) return [];
  if (!Array.isArray(tolerations)) return [invalid(path, tolerations, 'must be a list of tolerations')];
  const errs: FieldError[] = [];
  tolerations.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const t: Obj = isRecord(raw) ? raw : {};
    const key = typeof t.key === 'string' ? t.key : '';
    const operator = typeof t.operator === 'string' ? t.operator : '';
    const value = typeof t.value === 'string' ? t.value : '';
    const effect = typeof t.effect === 'string' ? t.effect : '';
    if (key) errs.push(...labelNameErrors(key, `${p}.key`));
    if (!key && operator !== 'Exists') {
      errs.push(invalid(`${p}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const valueErrs = validateLabelValue(value);
      if (valueErrs.length > 0) errs.push(invalid(`${p}.operator`, value, valueErrs.join(';')));
    } else if (operator === 'Exists') {
      if (value) errs.push(invalid(`${p}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(unsupported(`${p}.operator`, operator, ['Equal', 'Exists']));
    }
    if (effect) errs.push(...validateTaintEffect(effect, true, `${p}.effect`));
  });
  return errs;
}

/** validateNodeTaints; a Node reports these under `metadata.taints`, as the apiserver does. */
export function validateTaints(taints: unknown, path: string): FieldError[] {
  if (taints === undefined || taints === null) return [];
  if (!Array.isArray(taints)) return [invalid(path, taints, 'must be a list of taints')];
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const t: Obj = isRecord(raw) ? raw : {};
    const key = typeof t.key === 'string' ? t.key : '';
    const value = typeof t.value === 'string' ? t.value : '';
    errs.push(...labelNameErrors(key, `${p}.key`));
    const valueErrs = validateLabelValue(value);
    if (valueErrs.length > 0) errs.push(invalid(`${p}.value`, value, valueErrs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, `${p}.effect`));
    const effect = typeof t.effect === 'string' ? t.effect : '';
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      errs.push({ path: p, type: 'Duplicate value', value: raw, detail: 'taints must be unique by key and effect pair' });
      return;
    }
    keys.add(key);
    seen.set(effect, keys);
  });
  return errs;
}

function validateNodeSelectorRequirement(rq: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = Array.isArray(rq.values) ? rq.values : [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(`${path}.operator`, rq.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...labelNameErrors(typeof rq.key === 'string' ? rq.key : '', `${path}.key`));
  values.forEach((v, i) => {
    const text = typeof v === 'string' ? v : String(v);
    for (const msg of validateLabelValue(text)) errs.push(invalid(`${path}.values[${i}]`, v, msg));
  });
  return errs;
}

function validateNodeFieldSelectorRequirement(rq: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = Array.isArray(rq.values) ? rq.values : [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (values.length !== 1) errs.push(required(`${path}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(`${path}.operator`, rq.operator ?? '', 'not a valid selector operator'));
  }
  if (rq.key !== 'metadata.name') errs.push(invalid(`${path}.key`, rq.key ?? '', 'not a valid field selector key'));
  else values.forEach((v, i) => nameIsDNSSubdomain(String(v), false).forEach((msg) => errs.push(invalid(`${path}.values[${i}]`, v, msg))));
  return errs;
}

function validateNodeSelectorTerm(term: unknown, path: string): FieldError[] {
  const t: Obj = isRecord(term) ? term : {};
  const errs: FieldError[] = [];
  (Array.isArray(t.matchExpressions) ? t.matchExpressions : []).forEach((rq, j) => errs.push(...validateNodeSelectorRequirement(isRecord(rq) ? rq : {}, `${path}.matchExpressions[${j}]`)));
  (Array.isArray(t.matchFields) ? t.matchFields : []).forEach((rq, j) => errs.push(...validateNodeFieldSelectorRequirement(isRecord(rq) ? rq : {}, `${path}.matchFields[${j}]`)));
  return errs;
}

function validateWeight(weight: unknown, path: string): FieldError[] {
  const w = typeof weight === 'number' ? weight : 0;
  return w <= 0 || w > 100 ? [invalid(path, w, 'must be in the range 1-100')] : [];
}

function validatePodAffinityTerm(term: unknown, path: string): FieldError[] {
  const t: Obj = isRecord(term) ? term : {};
  const errs: FieldError[] = [];
  errs.push(...fromTexts(validateLabelSelector(t.labelSelector, `${path}.labelSelector`)));
  errs.push(...fromTexts(validateLabelSelector(t.namespaceSelector, `${path}.namespaceSelector`)));
  for (const ns of Array.isArray(t.namespaces) ? t.namespaces : []) {
    for (const msg of nameIsDNSLabel(String(ns), false)) errs.push(invalid(`${path}.namespace`, ns, msg));
  }
  const topologyKey = typeof t.topologyKey === 'string' ? t.topologyKey : '';
  if (!topologyKey) errs.push(required(`${path}.topologyKey`, 'can not be empty'));
  errs.push(...labelNameErrors(topologyKey, `${path}.topologyKey`));
  return errs;
}

function validatePodAffinityKind(aff: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const requiredTerms = aff.requiredDuringSchedulingIgnoredDuringExecution;
  (Array.isArray(requiredTerms) ? requiredTerms : []).forEach((term, i) => errs.push(...validatePodAffinityTerm(term, `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)));
  const preferred = aff.preferredDuringSchedulingIgnoredDuringExecution;
  (Array.isArray(preferred) ? preferred : []).forEach((raw, j) => {
    const p = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${j}]`;
    const w: Obj = isRecord(raw) ? raw : {};
    errs.push(...validateWeight(w.weight, `${p}.weight`));
    errs.push(...validatePodAffinityTerm(w.podAffinityTerm, `${p}.podAffinityTerm`));
  });
  return errs;
}

/** validateAffinity. */
export function validateAffinity(affinity: unknown, path: string): FieldError[] {
  if (affinity === undefined || affinity === null) return [];
  if (!isRecord(affinity)) return [invalid(path, affinity, 'must be an object (nodeAffinity, podAffinity, podAntiAffinity)')];
  const errs: FieldError[] = [];
  if (isRecord(affinity.nodeAffinity)) {
    const na = affinity.nodeAffinity;
    const p = `${path}.nodeAffinity`;
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (req !== undefined && req !== null) {
      const terms = isRecord(req) && Array.isArray(req.nodeSelectorTerms) ? req.nodeSelectorTerms : [];
      const termsPath = `${p}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
      if (terms.length === 0) errs.push(required(termsPath, 'must have at least one node selector term'));
      terms.forEach((term, i) => errs.push(...validateNodeSelectorTerm(term, `${termsPath}[${i}]`)));
    }
    const preferred = na.preferredDuringSchedulingIgnoredDuringExecution;
    (Array.isArray(preferred) ? preferred : []).forEach((raw, i) => {
      const pp = `${p}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const term: Obj = isRecord(raw) ? raw : {};
      errs.push(...validateWeight(term.weight, `${pp}.weight`));
      // Preferred terms tolerate invalid label values, as the scheduler may still find a node.
      errs.push(...validateNodeSelectorTerm(term.preference, `${pp}.preference`).filter((e) => !/\.values\[\d+\]$/.test(e.path)));
    });
  }
  if (isRecord(affinity.podAffinity)) errs.push(...validatePodAffinityKind(affinity.podAffinity, `${path}.podAffinity`));
  if (isRecord(affinity.podAntiAffinity)) errs.push(...validatePodAffinityKind(affinity.podAntiAffinity, `${path}.podAntiAffinity`));
  return errs;
}

/** validateTopologySpreadConstraints. */
export function validateTopologySpreadConstraints(constraints: unknown, path: string): FieldError[] {
  if (!Array.isArray(constraints)) return [];
  const errs: FieldError[] = [];
  constraints.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const c: Obj = isRecord(raw) ? raw : {};
    const maxSkew = typeof c.maxSkew === 'number' ? c.maxSkew : 0;
    if (maxSkew <= 0) errs.push(invalid(`${p}.maxSkew`, maxSkew, 'must be greater than zero'));
    const topologyKey = typeof c.topologyKey === 'string' ? c.topologyKey : '';
    if (!topologyKey) errs.push(required(`${p}.topologyKey`, 'can not be empty'));
    const when = typeof c.whenUnsatisfiable === 'string' ? c.whenUnsatisfiable : '';
    if (when !== 'DoNotSchedule' && when !== 'ScheduleAnyway') errs.push(unsupported(`${p}.whenUnsatisfiable`, when, ['DoNotSchedule', 'ScheduleAnyway']));
    const repeated = constraints.slice(i + 1).some((o) => isRecord(o) && o.topologyKey === topologyKey && o.whenUnsatisfiable === when);
    if (repeated) errs.push(duplicate(`${p}.{topologyKey, whenUnsatisfiable}`, `{${topologyKey}, ${when}}`));
    if (c.minDomains !== undefined && c.minDomains !== null) {
      const min = typeof c.minDomains === 'number' ? c.minDomains : 0;
      if (min <= 0) errs.push(invalid(`${p}.minDomains`, min, 'must be greater than zero'));
      if (when !== 'DoNotSchedule') errs.push(invalid(`${p}.minDomains`, min, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`));
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const v = c[policy];
      if (v !== undefined && v !== null && v !== 'Honor' && v !== 'Ignore') errs.push(unsupported(`${p}.${policy}`, v, ['Honor', 'Ignore']));
    }
    errs.push(...fromTexts(validateLabelSelector(c.labelSelector, `${p}.labelSelector`)));
  });
  return errs;
}
