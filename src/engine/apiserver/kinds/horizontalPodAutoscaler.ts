/**
 * HorizontalPodAutoscaler, stored as autoscaling/v2: conversion from autoscaling/v1
 * (targetCPUUtilizationPercentage) and v2beta1 (targetAverageUtilization & co.), defaults
 * (pkg/apis/autoscaling/v2/defaults.go) and validation (pkg/apis/autoscaling/validation).
 */
import type { KindStrategy } from '../strategy';
import type { FieldError } from '../errors';
import type { KubeObject } from '../../api/types';
import { MAX_REPLICAS } from '../../sim/limits';
import { tryParseQuantity } from '../../api/quantity';
import { isPathSegmentName, nameIsDNSSubdomain, validateObjectMeta } from './metadata';
import { checkInteger, ensureRecord, forbidden, invalid, isRecord, keepStoredStatus, type Obj, required, unsupported } from './util';
import { unsimulatedFieldsOf } from '../schema/unsimulated';

/** autoscaling.DefaultCPUUtilization. */
export const DEFAULT_CPU_UTILIZATION = 80;
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

function cpuUtilizationMetric(utilization: unknown): Obj {
  return { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } } };
}

/** v2beta1 MetricSpec → v2 (Convert_v2beta1_*MetricSource_To_autoscaling_*). */
function convertV2beta1Metric(metric: unknown): unknown {
  if (!isRecord(metric)) return metric;
  const out: Obj = { type: metric.type };
  const target = (value: unknown, averageValue: unknown, utilization?: unknown): Obj => {
    const type = utilization !== undefined && utilization !== null ? 'Utilization' : value !== undefined && value !== null ? 'Value' : 'AverageValue';
    return {
      type,
      ...(value !== undefined && value !== null ? { value } : {}),
      ...(averageValue !== undefined && averageValue !== null ? { averageValue } : {}),
      ...(utilization !== undefined && utilization !== null ? { averageUtilization: utilization } : {}),
    };
  };
  if (isRecord(metric.resource)) {
    const r = metric.resource;
    out.resource = { name: r.name, target: target(undefined, r.targetAverageValue, r.targetAverageUtilization) };
  }
  if (isRecord(metric.containerResource)) {
    const r = metric.containerResource;
    out.containerResource = { name: r.name, container: r.container, target: target(undefined, r.targetAverageValue, r.targetAverageUtilization) };
  }
  if (isRecord(metric.pods)) {
    const p = metric.pods;
    out.pods = { metric: { name: p.metricName, ...(p.selector ? { selector: p.selector } : {}) }, target: { type: 'AverageValue', averageValue: p.targetAverageValue } };
  }
  if (isRecord(metric.object)) {
    const o = metric.object;
    const averageValue = o.averageValue;
    out.object = {
      describedObject: o.target,
      metric: { name: o.metricName, ...(o.selector ? { selector: o.selector } : {}) },
      target: { type: averageValue === undefined || averageValue === null ? 'Value' : 'AverageValue', value: o.targetValue, ...(averageValue !== undefined && averageValue !== null ? { averageValue } : {}) },
    };
  }
  if (isRecord(metric.external)) {
    const e = metric.external;
    out.external = {
      metric: { name: e.metricName, ...(e.metricSelector ? { selector: e.metricSelector } : {}) },
      target: target(e.targetValue, e.targetAverageValue),
    };
  }
  return out;
}

/** Converts an autoscaling/v1 or v2beta1 manifest to the stored v2 shape, in place. */
export function convertHpa(obj: KubeObject, fromApiVersion: string): void {
  if (!isRecord(obj.spec)) return;
  const spec = obj.spec;
  if (fromApiVersion === 'autoscaling/v1') {
    const { targetCPUUtilizationPercentage: target, ...rest } = spec;
    const v2: Obj = { ...rest };
    // v1 always meant CPU: no target means the 80% default, applied as the v1→v2 conversion does.
    v2.metrics = [cpuUtilizationMetric(target === undefined || target === null ? DEFAULT_CPU_UTILIZATION : target)];
    obj.spec = v2;
  } else if (fromApiVersion === 'autoscaling/v2beta1' && Array.isArray(spec.metrics)) {
    spec.metrics = spec.metrics.map(convertV2beta1Metric);
  }
}

function scalingRules(defaults: Obj, given: unknown): Obj {
  const rules: Obj = { ...defaults };
  if (isRecord(given)) {
    for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies', 'tolerance']) {
      if (given[key] !== undefined && given[key] !== null) rules[key] = given[key];
    }
  }
  return rules;
}

function defaultHpa(obj: KubeObject): void {
  const spec = ensureRecord(obj, 'spec');
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [cpuUtilizationMetric(DEFAULT_CPU_UTILIZATION)];
  if (isRecord(spec.behavior)) {
    spec.behavior.scaleUp = scalingRules(
      { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      spec.behavior.scaleUp,
    );
    spec.behavior.scaleDown = scalingRules({ selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] }, spec.behavior.scaleDown);
  }
}

function validateCrossVersionObjectReference(ref: unknown, path: string): FieldError[] {
  const r: Obj = isRecord(ref) ? ref : {};
  const errs: FieldError[] = [];
  for (const key of ['kind', 'name']) {
    const value = typeof r[key] === 'string' ? (r[key] as string) : '';
    if (!value) errs.push(required(`${path}.${key}`));
    else isPathSegmentName(value).forEach((msg) => errs.push(invalid(`${path}.${key}`, value, msg)));
  }
  return errs;
}

function quantitySign(value: unknown): number | undefined {
  const q = tryParseQuantity(value);
  return q ? q.sign() : undefined;
}

function validateMetricTarget(target: unknown, path: string): FieldError[] {
  const t: Obj = isRecord(target) ? target : {};
  const errs: FieldError[] = [];
  if (!t.type) errs.push(required(`${path}.type`, 'must specify a metric target type'));
  if (t.type !== 'Utilization' && t.type !== 'Value' && t.type !== 'AverageValue') errs.push(invalid(`${path}.type`, t.type ?? '', 'must be either Utilization, Value, or AverageValue'));
  if (t.value !== undefined && t.value !== null && quantitySign(t.value) !== 1) errs.push(invalid(`${path}.value`, String(t.value), 'must be positive'));
  if (t.averageValue !== undefined && t.averageValue !== null && quantitySign(t.averageValue) !== 1) errs.push(invalid(`${path}.averageValue`, String(t.averageValue), 'must be positive'));
  if (typeof t.averageUtilization === 'number' && t.averageUtilization < 1) errs.push(invalid(`${path}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  return errs;
}

function validateMetricIdentifier(id: unknown, path: string): FieldError[] {
  const name = isRecord(id) && typeof id.name === 'string' ? id.name : '';
  if (!name) return [required(`${path}.name`, 'must specify a metric name')];
  return isPathSegmentName(name).map((msg) => invalid(`${path}.name`, name, msg));
}

function validateSource(kind: string, src: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const target: Obj = isRecord(src.target) ? src.target : {};
  const has = (k: string) => target[k] !== undefined && target[k] !== null;
  switch (kind) {
    case 'object':
      errs.push(...validateCrossVersionObjectReference(src.describedObject, `${path}.describedObject`));
      errs.push(...validateMetricIdentifier(src.metric, `${path}.metric`), ...validateMetricTarget(src.target, `${path}.target`));
      if (!has('value') && !has('averageValue')) errs.push(required(`${path}.target.averageValue`, 'must set either a target value or averageValue'));
      break;
    case 'external':
      errs.push(...validateMetricIdentifier(src.metric, `${path}.metric`), ...validateMetricTarget(src.target, `${path}.target`));
      if (!has('value') && !has('averageValue')) errs.push(required(`${path}.target.averageValue`, 'must set either a target value for metric or a per-pod target'));
      if (has('value') && has('averageValue')) errs.push(forbidden(`${path}.target.value`, 'may not set both a target value for metric and a per-pod target'));
      break;
    case 'pods':
      errs.push(...validateMetricIdentifier(src.metric, `${path}.metric`), ...validateMetricTarget(src.target, `${path}.target`));
      if (!has('averageValue')) errs.push(required(`${path}.target.averageValue`, 'must specify a positive target averageValue'));
      break;
    case 'resource':
    case 'containerResource':
      if (!src.name) errs.push(required(`${path}.name`, 'must specify a resource name'));
      if (kind === 'containerResource' && !src.container) errs.push(required(`${path}.container`, 'must specify a container'));
      errs.push(...validateMetricTarget(src.target, `${path}.target`));
      if (!has('averageUtilization') && !has('averageValue')) errs.push(required(`${path}.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
      if (has('averageUtilization') && has('averageValue')) errs.push(forbidden(`${path}.target.averageValue`, 'may not set both a target raw value and a target utilization'));
      break;
  }
  return errs;
}

const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Readonly<Record<string, string>> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };

/** validateMetricSpec: the type names exactly one populated source. */
function validateMetricSpec(metric: unknown, path: string): FieldError[] {
  const m: Obj = isRecord(metric) ? metric : {};
  const errs: FieldError[] = [];
  const type = typeof m.type === 'string' ? m.type : '';
  if (!type) errs.push(required(`${path}.type`, 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(unsupported(`${path}.type`, type, METRIC_SOURCE_TYPES));
  const present: string[] = [];
  for (const field of ['object', 'external', 'pods', 'resource', 'containerResource']) {
    if (!isRecord(m[field])) continue;
    present.push(field);
    if (present.length === 1) errs.push(...validateSource(field, m[field] as Obj, `${path}.${field}`));
  }
  const expected = SOURCE_FIELD[type];
  if (expected) {
    if (!present.includes(expected)) errs.push(required(`${path}.${expected}`, 'must populate information for the given metric source'));
  } else if (type) {
    errs.push(unsupported(`${path}.type`, type, METRIC_SOURCE_TYPES));
  }
  if (present.length !== 1) {
    for (const field of present.filter((f) => f !== expected)) errs.push(forbidden(`${path}.${field}`, 'must populate the given metric source only'));
  }
  return errs;
}

function validateScalingRules(rules: unknown, path: string): FieldError[] {
  if (!isRecord(rules)) return [];
  const errs: FieldError[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (typeof window === 'number' && window < 0) errs.push(invalid(`${path}.stabilizationWindowSeconds`, window, 'must be greater than or equal to zero'));
  if (typeof window === 'number' && window > MAX_STABILIZATION_WINDOW_SECONDS) errs.push(invalid(`${path}.stabilizationWindowSeconds`, window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  if (rules.selectPolicy !== undefined && rules.selectPolicy !== null && !['Disabled', 'Max', 'Min'].includes(String(rules.selectPolicy))) {
    errs.push(unsupported(`${path}.selectPolicy`, rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  }
  const policies = Array.isArray(rules.policies) ? rules.policies : [];
  if (policies.length === 0) errs.push(required(`${path}.policies`, 'must specify at least one Policy'));
  policies.forEach((raw, i) => {
    const p = `${path}.policies[${i}]`;
    const policy: Obj = isRecord(raw) ? raw : {};
    if (policy.type !== 'Pods' && policy.type !== 'Percent') errs.push(unsupported(`${p}.type`, policy.type ?? '', ['Percent', 'Pods']));
    const value = typeof policy.value === 'number' ? policy.value : 0;
    if (value <= 0) errs.push(invalid(`${p}.value`, value, 'must be greater than zero'));
    const period = typeof policy.periodSeconds === 'number' ? policy.periodSeconds : 0;
    if (period <= 0) errs.push(invalid(`${p}.periodSeconds`, period, 'must be greater than zero'));
    if (period > MAX_PERIOD_SECONDS) errs.push(invalid(`${p}.periodSeconds`, period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

function validateHpa(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  const spec: Obj = isRecord(obj.spec) ? obj.spec : {};
  errs.push(...checkInteger(spec.minReplicas, 'spec.minReplicas'), ...checkInteger(spec.maxReplicas, 'spec.maxReplicas'));
  const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : undefined;
  const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : 0;
  if (min !== undefined && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  if (max > MAX_REPLICAS) errs.push(invalid('spec.maxReplicas', max, `must be less than or equal to ${MAX_REPLICAS} (Podlab simulates at most ${MAX_REPLICAS} replicas per workload)`));
  errs.push(...validateCrossVersionObjectReference(spec.scaleTargetRef, 'spec.scaleTargetRef'));
  (Array.isArray(spec.metrics) ? spec.metrics : []).forEach((m, i) => errs.push(...validateMetricSpec(m, `spec.metrics[${i}]`)));
  if (isRecord(spec.behavior)) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, 'spec.behavior.scaleUp'));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, 'spec.behavior.scaleDown'));
  }
  return errs;
}

export const horizontalPodAutoscalerStrategy: KindStrategy = {
  kind: 'HorizontalPodAutoscaler',
  convert: convertHpa,
  defaults: defaultHpa,
  validate: (obj) => validateHpa(obj),
  prepareForUpdate: keepStoredStatus,
  unsimulatedFields: (obj) => unsimulatedFieldsOf(obj, 'HorizontalPodAutoscaler'),
};
