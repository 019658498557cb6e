/** Deployment (apps/v1): SetDefaults_Deployment, ValidateDeployment(+Update), selector immutability. */
import type { KindStrategy } from '../strategy';
import type { FieldError } from '../errors';
import type { KubeObject } from '../../api/types';
import { nameIsDNSSubdomain, validateObjectMeta } from './metadata';
import { ensureRecord, forbidden, invalid, isRecord, keepStoredStatus, nonNegative, type Obj, required, unsupported } from './util';
import { convertLegacyWorkload, defaultReplicatedSpec, validateAppsSelector, validateReplicas, validateSelectorImmutable, validateTemplateForSelector } from './workload';
import { unsimulatedFieldsOf } from '../schema/unsimulated';

export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

function defaultDeployment(obj: KubeObject): void {
  const spec = ensureRecord(obj, 'spec');
  defaultReplicatedSpec(spec);
  const strategy = ensureRecord(spec, 'strategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = ensureRecord(strategy, 'rollingUpdate');
    if (rolling.maxUnavailable === undefined || rolling.maxUnavailable === null) rolling.maxUnavailable = '25%';
    if (rolling.maxSurge === undefined || rolling.maxSurge === null) rolling.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = DEFAULT_REVISION_HISTORY_LIMIT;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = DEFAULT_PROGRESS_DEADLINE_SECONDS;
}

/** validation.IsValidPercent: digits followed by '%'. */
const PERCENT = /^[0-9]+%$/;

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    return PERCENT.test(value) ? [] : [invalid(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  }
  if (typeof value === 'number') return nonNegative(value, path);
  return value === undefined || value === null ? [] : [invalid(path, value, "must be an integer or percentage (e.g '5%%')")];
}

/** getIntOrPercentValue: the number, or the percentage's number. */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && PERCENT.test(value)) return Number(value.slice(0, -1));
  return 0;
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(value: unknown, path: string): FieldError[] {
  return typeof value === 'string' && PERCENT.test(value) && Number(value.slice(0, -1)) > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

function validateStrategy(strategy: unknown, path: string): FieldError[] {
  const s: Obj = isRecord(strategy) ? strategy : {};
  const rolling = s.rollingUpdate;
  if (s.type === 'Recreate') {
    return rolling !== undefined && rolling !== null ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type === 'RollingUpdate') {
    if (!isRecord(rolling)) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    const p = `${path}.rollingUpdate`;
    const errs = [...validatePositiveIntOrPercent(rolling.maxUnavailable, `${p}.maxUnavailable`), ...validatePositiveIntOrPercent(rolling.maxSurge, `${p}.maxSurge`)];
    if (intOrPercentValue(rolling.maxUnavailable) === 0 && intOrPercentValue(rolling.maxSurge) === 0) {
      errs.push(invalid(`${p}.maxUnavailable`, rolling.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...notMoreThan100Percent(rolling.maxUnavailable, `${p}.maxUnavailable`));
    return errs;
  }
  return [unsupported(path, s, ['Recreate', 'RollingUpdate'])];
}

function validateDeployment(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  const spec = isRecord(obj.spec) ? obj.spec : {};
  errs.push(...validateReplicas(spec.replicas, 'spec.replicas'));
  const { errs: selectorErrs, selector } = validateAppsSelector(spec.selector, 'spec.selector');
  errs.push(...selectorErrs);
  if (selector) errs.push(...validateTemplateForSelector(spec.template, selector, 'spec.template', 'ReplicaSet'));
  errs.push(...validateStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const pds = spec.progressDeadlineSeconds;
  if (typeof pds === 'number') {
    errs.push(...nonNegative(pds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (pds <= minReady) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export const deploymentStrategy: KindStrategy = {
  kind: 'Deployment',
  convert: convertLegacyWorkload,
  defaults: defaultDeployment,
  validate: (obj) => validateDeployment(obj),
  validateUpdate: validateSelectorImmutable,
  prepareForUpdate: keepStoredStatus,
  unsimulatedFields: (obj) => unsimulatedFieldsOf(obj, 'Deployment'),
};
