/** DaemonSet (apps/v1): SetDefaults_DaemonSet, ValidateDaemonSet(+Update), selector immutability. */
import type { KindStrategy } from '../strategy';
import type { FieldError } from '../errors';
import type { KubeObject } from '../../api/types';
import { validateLabelSelector } from '../../api/labels';
import { nameIsDNSSubdomain, validateObjectMeta } from './metadata';
import { defaultPodTemplate, validatePodTemplateSpec } from './podSpec';
import { ensureRecord, forbidden, fromTexts, invalid, isRecord, keepStoredStatus, nonNegative, type Obj, required, unsupported } from './util';
import { convertLegacyWorkload, selectorValue, templateLabels, templateLabelsValue, toSelector, validateSelectorImmutable } from './workload';
import { intOrPercentValue, notMoreThan100Percent, validatePositiveIntOrPercent } from './deployment';
import { unsimulatedFieldsOf } from '../schema/unsimulated';

function defaultDaemonSet(obj: KubeObject): void {
  const spec = ensureRecord(obj, 'spec');
  defaultPodTemplate(spec.template);
  const strategy = ensureRecord(spec, 'updateStrategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = ensureRecord(strategy, 'rollingUpdate');
    if (rolling.maxUnavailable === undefined || rolling.maxUnavailable === null) rolling.maxUnavailable = 1;
    if (rolling.maxSurge === undefined || rolling.maxSurge === null) rolling.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
}

function validateUpdateStrategy(strategy: unknown, path: string): FieldError[] {
  const s: Obj = isRecord(strategy) ? strategy : {};
  if (s.type === 'OnDelete') return [];
  if (s.type !== 'RollingUpdate') return [unsupported(path, s, ['RollingUpdate', 'OnDelete'])];
  if (!isRecord(s.rollingUpdate)) return [required(`${path}.rollingUpdate`)];
  const p = `${path}.rollingUpdate`;
  const r = s.rollingUpdate;
  const errs = [
    ...validatePositiveIntOrPercent(r.maxUnavailable, `${p}.maxUnavailable`),
    ...validatePositiveIntOrPercent(r.maxSurge, `${p}.maxSurge`),
    ...notMoreThan100Percent(r.maxUnavailable, `${p}.maxUnavailable`),
    ...notMoreThan100Percent(r.maxSurge, `${p}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(r.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(r.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(`${p}.maxSurge`, r.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** ValidateDaemonSetSpec: a missing selector selects nothing, so only the template mismatch shows. */
function validateDaemonSet(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  const spec = isRecord(obj.spec) ? obj.spec : {};
  errs.push(...fromTexts(validateLabelSelector(spec.selector, 'spec.selector')));
  const template: Obj = isRecord(spec.template) ? spec.template : {};
  const selector = toSelector(spec.selector);
  if (selector && !selector.matches(templateLabels(template))) {
    errs.push(invalid('spec.template.metadata.labels', templateLabelsValue(template), '`selector` does not match template `labels`'));
  }
  const sel = spec.selector;
  if (isRecord(sel) && (isRecord(sel.matchLabels) ? Object.keys(sel.matchLabels).length : 0) + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0) === 0) {
    errs.push(invalid('spec.selector', selectorValue(sel), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const podSpec = isRecord(template.spec) ? template.spec : {};
  if (podSpec.restartPolicy !== 'Always') errs.push(unsupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.templateGeneration, 'spec.templateGeneration'));
  errs.push(...validateUpdateStrategy(spec.updateStrategy, 'spec.updateStrategy'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export const daemonSetStrategy: KindStrategy = {
  kind: 'DaemonSet',
  convert: convertLegacyWorkload,
  defaults: defaultDaemonSet,
  validate: (obj) => validateDaemonSet(obj),
  validateUpdate: validateSelectorImmutable,
  prepareForUpdate: keepStoredStatus,
  unsimulatedFields: (obj) => unsimulatedFieldsOf(obj, 'DaemonSet'),
};
