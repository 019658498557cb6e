import type { HorizontalPodAutoscaler, KubeObject, Pod, Typed } from '../../api/types';
import type { Labels, Selector } from '../../api/labels';
import { selectorFromSet } from '../../api/labels';
import type { StoreView } from '../../store/ObjectStore';
import type { WatchChange } from '../../store/ObjectsDiff';
import type { Controller, MetricsSource, ReconcileContext, ReconcileResult } from '../Controller';
import { DONE, NO_KEYS } from '../Controller';
import type { EventInput } from '../../events/EventRecorder';
import { isoTime, virtualMsFromIso } from '../../clock/VirtualClock';
import { quantityFromMilli, tryParseQuantity } from '../../api/quantity';
import { kindInfo } from '../../api/types';
import { qualifiedResource } from '../../sim/Writer';
import { Changes } from '../common/changes';
import { labelSelectorFor } from '../common/selectors';
import { podReadyCondition } from '../common/pods';

const COMPONENT = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_WINDOW_MS = 300_000;
/** --horizontal-pod-autoscaler-tolerance. */
export const HPA_TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
const CPU_INITIALIZATION_PERIOD_MS = 300_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
const INITIAL_READINESS_DELAY_MS = 30_000;
/** metrics-server's sampling window (its default resolution). */
const METRIC_WINDOW_MS = 15_000;
/** Legacy scale-up cap without a behavior: max(2 × current, 4). */
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

type Hpa = Typed<HorizontalPodAutoscaler>;
type HpaSpec = NonNullable<HorizontalPodAutoscaler['spec']>;
type HpaStatus = NonNullable<HorizontalPodAutoscaler['status']>;
type MetricSpec = NonNullable<HpaSpec['metrics']>[number];
type MetricStatus = NonNullable<HpaStatus['currentMetrics']>[number];
type Condition = NonNullable<HpaStatus['conditions']>[number];
type ScalingRules = NonNullable<NonNullable<HpaSpec['behavior']>['scaleUp']>;

interface Recommendation { readonly replicas: number; readonly atMs: number }
interface ScaleEvent { readonly change: number; readonly atMs: number; outdated: boolean }
interface HpaMemory {
  uid: string;
  nextSyncMs: number;
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

/** The scale subresource of a target, as the HPA reads it. */
interface Scale {
  readonly target: KubeObject & { spec?: { replicas?: number } };
  readonly specReplicas: number;
  readonly statusReplicas: number;
  readonly selector: Selector | undefined;
}

interface PodMetric { readonly valueMilli: number; readonly timestampMs: number; readonly windowMs: number }

/** Carries the texts the real controller produces for a failed metric (condition and wrapped error). */
class MetricError extends Error {
  constructor(message: string, readonly condition: Condition) {
    super(message);
  }
}

const hpaKey = (obj: KubeObject) => `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;

/**
 * Models pkg/controller/podautoscaler/horizontal.go and replica_calculator.go: every 15 s per HPA,
 * read the target's scale, compute the desired replicas from the metrics with the 10 % tolerance,
 * stabilise (300 s for scale-down) and rate-limit, and rescale. CPU and memory come from the
 * simulated metrics pipeline (`ctx.metrics`); custom, object and external metrics have no API here.
 */
export class HorizontalPodAutoscalerController implements Controller {
  readonly name = COMPONENT;
  private readonly memory = new Map<string, HpaMemory>();

  initialKeys(view: StoreView): readonly string[] {
    return view.list('HorizontalPodAutoscaler').map(hpaKey);
  }

  keysFor(change: WatchChange): readonly string[] {
    // Every change is queued "rate limited" at the sync period (enqueueHPA); reconcile waits for that moment.
    return change.object.kind === 'HorizontalPodAutoscaler' ? [hpaKey(change.object)] : NO_KEYS;
  }

  reconcile(key: string, ctx: ReconcileContext): ReconcileResult {
    const slash = key.indexOf('/');
    const hpa = ctx.view.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', key.slice(0, slash), key.slice(slash + 1));
    if (!hpa) {
      this.memory.delete(key);
      return DONE;
    }
    let memory = this.memory.get(key);
    if (!memory || memory.uid !== hpa.metadata.uid) {
      memory = { uid: hpa.metadata.uid ?? '', nextSyncMs: ctx.nowMs + HPA_SYNC_PERIOD_MS, recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
      this.memory.set(key, memory);
    }
    if (ctx.nowMs < memory.nextSyncMs) return { requeueAfterMs: memory.nextSyncMs - ctx.nowMs };
    memory.nextSyncMs = ctx.nowMs + HPA_SYNC_PERIOD_MS;
    const changes = new Changes();
    new HpaSync(ctx, changes, hpa, memory).reconcileAutoscaler();
    return { actions: changes.actions(), requeueAfterMs: HPA_SYNC_PERIOD_MS };
  }
}

/** One reconcileAutoscaler pass over a working copy of the HPA. */
class HpaSync {
  private readonly hpa: Hpa;
  private readonly nowMs: number;

  constructor(
    private readonly ctx: ReconcileContext,
    private readonly changes: Changes,
    stored: Hpa,
    private readonly memory: HpaMemory,
  ) {
    this.hpa = changes.edit(stored, true);
    this.hpa.status ??= { desiredReplicas: 0 };
    this.nowMs = ctx.nowMs;
  }

  private get spec(): HpaSpec {
    return this.hpa.spec!;
  }

  private get status(): HpaStatus {
    return this.hpa.status!;
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    const h = this.hpa;
    const event: EventInput = { involvedObject: { kind: 'HorizontalPodAutoscaler', namespace: h.metadata.namespace, name: h.metadata.name, uid: h.metadata.uid, apiVersion: 'autoscaling/v2' }, type, reason, message, source: { component: COMPONENT } };
    this.changes.event(event);
  }

  /** Models horizontal.go setCondition / setConditionInList. */
  private setCondition(type: string, status: string, reason: string, message: string): void {
    const conditions = (this.status.conditions ??= []);
    let existing = conditions.find((c) => c.type === type);
    if (!existing) conditions.push((existing = { type, status: '' } as Condition));
    if (existing.status !== status) existing.lastTransitionTime = isoTime(this.nowMs);
    existing.status = status;
    existing.reason = reason;
    existing.message = message;
  }

  /** Models horizontal.go reconcileAutoscaler. */
  reconcileAutoscaler(): void {
    const ref = this.spec.scaleTargetRef;
    const scale = this.getScale(ref?.apiVersion ?? '', ref?.kind ?? '', ref?.name ?? '');
    if (typeof scale === 'string') {
      this.event('Warning', 'FailedGetScale', scale);
      this.setCondition('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${scale}`);
      return;
    }
    this.setCondition('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
    const currentReplicas = scale.specReplicas;
    if (this.memory.recommendations.length === 0) this.memory.recommendations.push({ replicas: currentReplicas, atMs: this.nowMs });

    const minReplicas = this.spec.minReplicas ?? 1;
    let desiredReplicas = 0;
    let rescaleReason = '';
    let rescale = true;
    let metricStatuses: MetricStatus[] | undefined;
    if (currentReplicas === 0 && minReplicas !== 0) {
      desiredReplicas = 0;
      rescale = false;
      this.setCondition('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    } else if (currentReplicas > this.spec.maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desiredReplicas = this.spec.maxReplicas;
    } else if (currentReplicas < minReplicas) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desiredReplicas = minReplicas;
    } else {
      const computed = this.computeReplicasForMetrics(scale);
      metricStatuses = computed.statuses;
      if (computed.replicas === -1) {
        this.setStatus(currentReplicas, this.status.desiredReplicas ?? 0, metricStatuses, false);
        this.event('Warning', 'FailedComputeMetricsReplicas', computed.error!);
        return;
      }
      let rescaleMetric = '';
      if (computed.replicas > desiredReplicas) {
        desiredReplicas = computed.replicas;
        rescaleMetric = computed.metric;
      }
      if (desiredReplicas > currentReplicas) rescaleReason = `${rescaleMetric} above target`;
      if (desiredReplicas < currentReplicas) rescaleReason = 'All metrics below target';
      desiredReplicas = this.spec.behavior ? this.normalizeWithBehaviors(currentReplicas, desiredReplicas, minReplicas) : this.normalize(currentReplicas, desiredReplicas, minReplicas);
      rescale = desiredReplicas !== currentReplicas;
    }

    if (rescale) {
      const target = this.changes.edit(scale.target);
      target.spec = { ...(target.spec ?? {}), replicas: desiredReplicas };
      this.setCondition('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desiredReplicas}`);
      this.event('Normal', 'SuccessfulRescale', `New size: ${desiredReplicas}; reason: ${rescaleReason}`);
      this.storeScaleEvent(currentReplicas, desiredReplicas);
    } else {
      desiredReplicas = currentReplicas;
    }
    this.setStatus(currentReplicas, desiredReplicas, metricStatuses, rescale);
  }

  /** Models setStatus: current/desired replicas, metrics, and lastScaleTime when rescaled. */
  private setStatus(currentReplicas: number, desiredReplicas: number, metrics: MetricStatus[] | undefined, rescale: boolean): void {
    const previous = this.status;
    const next: HpaStatus = { desiredReplicas };
    if (currentReplicas) next.currentReplicas = currentReplicas;
    if (rescale) next.lastScaleTime = isoTime(this.nowMs);
    else if (previous.lastScaleTime) next.lastScaleTime = previous.lastScaleTime;
    if (metrics?.length) next.currentMetrics = metrics;
    if (previous.conditions?.length) next.conditions = previous.conditions;
    this.hpa.status = next;
  }

  /** The scale subresource of the target, or the error text the apiserver would return. */
  private getScale(apiVersion: string, kind: string, name: string): Scale | string {
    const parts = apiVersion.split('/');
    if (parts.length > 2) return `unexpected GroupVersion string: ${apiVersion}`;
    const group = parts.length === 2 ? parts[0] : '';
    const info = kindInfo(kind);
    const scalable = kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'ReplicationController';
    if (!info || !scalable || (group !== info.group && !(group === 'extensions' && info.group === 'apps'))) return `no matches for kind "${kind}" in group "${group}"`;
    const target = this.ctx.view.get(kind, this.hpa.metadata.namespace, name) as Scale['target'] | undefined;
    if (!target) return `${qualifiedResource(kind)} "${name}" not found`;
    const spec = target.spec as { replicas?: number; selector?: unknown } | undefined;
    const selector = kind === 'ReplicationController'
      ? (spec?.selector && Object.keys(spec.selector as object).length > 0 ? selectorFromSet(spec.selector as Labels) : undefined)
      : labelSelectorFor(target, spec?.selector as never);
    return { target, specReplicas: spec?.replicas ?? 1, statusReplicas: (target.status as { replicas?: number } | undefined)?.replicas ?? 0, selector };
  }

  /** Models computeReplicasForMetrics: the largest proposal wins; all-invalid (or invalid while scaling down) fails. */
  private computeReplicasForMetrics(scale: Scale): { replicas: number; metric: string; statuses: MetricStatus[]; error?: string } {
    if (!scale.selector || scale.selector.empty()) {
      this.event('Warning', 'SelectorRequired', 'selector is required');
      this.setCondition('ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector");
      return { replicas: -1, metric: '', statuses: [], error: 'selector is required' };
    }
    const ambiguous = this.ambiguousSelectorMessage(scale.selector);
    if (ambiguous) {
      this.event('Warning', 'AmbiguousSelector', ambiguous);
      this.setCondition('ScalingActive', 'False', 'AmbiguousSelector', ambiguous);
      return { replicas: -1, metric: '', statuses: [], error: ambiguous };
    }
    const specs = this.spec.metrics ?? [];
    const statuses: MetricStatus[] = specs.map(() => ({ type: '' }) as MetricStatus);
    let replicas = -1;
    let metric = '';
    let invalidCount = 0;
    let firstError: MetricError | undefined;
    specs.forEach((spec, i) => {
      try {
        const proposal = this.computeReplicasForMetric(spec, scale, statuses, i);
        if (replicas === -1 || proposal.replicas > replicas) {
          replicas = proposal.replicas;
          metric = proposal.metric;
        }
      } catch (error) {
        if (!(error instanceof MetricError)) throw error;
        if (invalidCount === 0) firstError = error;
        invalidCount++;
      }
    });
    const error = firstError ? `invalid metrics (${invalidCount} invalid out of ${specs.length}), first error is: ${firstError.message}` : undefined;
    if (invalidCount >= specs.length || (invalidCount > 0 && replicas < scale.specReplicas)) {
      if (firstError) this.setCondition(firstError.condition.type, firstError.condition.status, firstError.condition.reason ?? '', firstError.condition.message ?? '');
      return { replicas: -1, metric: '', statuses, error: error ?? 'no metrics to compute' };
    }
    this.setCondition('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metric}`);
    return { replicas, metric, statuses, error };
  }

  /**
   * Models validateAndParseSelector's check that the selected pods are controlled by one HPA only
   * (hpasControllingPodsUnderSelector), listing the HPAs as namespace/name.
   */
  private ambiguousSelectorMessage(selector: Selector): string | undefined {
    const namespace = this.hpa.metadata.namespace;
    const pods = this.ctx.view.selecting<Pod>('Pod', namespace, selector);
    if (pods.length === 0) return undefined;
    const controlling: string[] = [];
    for (const other of this.ctx.view.list<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', namespace)) {
      const ref = other.spec?.scaleTargetRef;
      const scale = other.metadata.uid === this.hpa.metadata.uid ? undefined : this.getScale(ref?.apiVersion ?? '', ref?.kind ?? '', ref?.name ?? '');
      const otherSelector = other.metadata.uid === this.hpa.metadata.uid ? selector : typeof scale === 'string' ? undefined : scale?.selector;
      if (otherSelector && pods.some((p) => otherSelector.matches(p.metadata.labels as Labels | undefined))) controlling.push(`${namespace ?? ''}/${other.metadata.name}`);
    }
    if (controlling.length <= 1) return undefined;
    return `pods by selector ${selector.toString()} are controlled by multiple HPAs: [${controlling.sort().join(' ')}]`;
  }

  /** Models computeReplicasForMetric for one metric spec; fills statuses[i]. */
  private computeReplicasForMetric(spec: MetricSpec, scale: Scale, statuses: MetricStatus[], i: number): { replicas: number; metric: string } {
    const unable = (reason: string, error: string): MetricError => {
      this.event('Warning', reason, error);
      return new MetricError(error, { type: 'ScalingActive', status: 'False', reason, message: `the HPA was unable to compute the replica count: ${error}` } as Condition);
    };
    const rewrap = (prefix: string, error: unknown): never => {
      if (error instanceof MetricError) throw new MetricError(`${prefix}: ${error.message}`, error.condition);
      throw error;
    };
    switch (spec.type) {
      case 'Resource': {
        const resource = spec.resource!;
        try {
          const { replicas, metric, current } = this.resourceReplicas(scale, resource.name, resource.target, '', (err) => unable('FailedGetResourceMetric', err));
          statuses[i] = { type: 'Resource', resource: { name: resource.name, current } } as MetricStatus;
          return { replicas, metric };
        } catch (error) {
          return rewrap(`failed to get ${resource.name} resource metric value`, error);
        }
      }
      case 'ContainerResource': {
        const resource = spec.containerResource!;
        try {
          const { replicas, metric, current } = this.resourceReplicas(scale, resource.name, resource.target, resource.container, (err) => unable('FailedGetContainerResourceMetric', err));
          statuses[i] = { type: 'ContainerResource', containerResource: { name: resource.name, container: resource.container, current } } as MetricStatus;
          return { replicas, metric };
        } catch (error) {
          return rewrap(`failed to get ${resource.container} container metric value`, error);
        }
      }
      case 'Pods':
        throw unable('FailedGetPodsMetric', `unable to get metric ${spec.pods?.metric?.name ?? ''}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`);
      case 'Object':
        throw unable('FailedGetObjectMetric', `unable to get metric ${spec.object?.metric?.name ?? ''}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`);
      case 'External':
        throw unable('FailedGetExternalMetric', `unable to get external metric ${this.hpa.metadata.namespace}/${spec.external?.metric?.name ?? ''}: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`);
      default:
        throw unable('InvalidMetricSourceType', `unknown metric source type "${spec.type}"`);
    }
  }

  /** Models computeStatusForResourceMetricGeneric: utilization or average-value targets for cpu/memory. */
  private resourceReplicas(scale: Scale, resource: string, target: NonNullable<MetricSpec['resource']>['target'], container: string, unable: (err: string) => MetricError) {
    const calc = new ReplicaCalculator(this.ctx.view, this.ctx.metrics, this.nowMs);
    const namespace = this.hpa.metadata.namespace;
    if (target.averageValue !== undefined && target.averageValue !== null) {
      const targetMilli = tryParseQuantity(target.averageValue)?.milliValue() ?? 0;
      const result = calc.rawResourceReplicas(scale.specReplicas, targetMilli, resource, namespace, scale.selector!, container);
      if (typeof result === 'string') throw unable(`failed to get ${resource} usage: ${result}`);
      return { replicas: result.replicas, metric: `${resource} resource`, current: { averageValue: quantityFromMilli(result.usageMilli).toString() } };
    }
    if (target.averageUtilization === undefined || target.averageUtilization === null) {
      throw unable('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set');
    }
    const result = calc.resourceReplicas(scale.specReplicas, target.averageUtilization, resource, namespace, scale.selector!, container);
    if (typeof result === 'string') throw unable(`failed to get ${resource} utilization: ${result}`);
    return {
      replicas: result.replicas,
      metric: `${resource} resource utilization (percentage of request)`,
      current: { averageUtilization: result.utilization, averageValue: quantityFromMilli(result.rawMilli).toString() },
    };
  }

  /** Models normalizeDesiredReplicas (no behavior): 300 s scale-down stabilization and the 2×/4 scale-up cap. */
  private normalize(currentReplicas: number, prenormalized: number, minReplicas: number): number {
    const stabilized = this.stabilizeRecommendation(prenormalized);
    if (stabilized !== prenormalized) {
      this.setCondition('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
    } else {
      this.setCondition('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
    }
    const scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * currentReplicas, SCALE_UP_LIMIT_MINIMUM);
    let maximum: number;
    let limitReason: string;
    let limitMessage: string;
    if (this.spec.maxReplicas > scaleUpLimit) {
      maximum = scaleUpLimit;
      limitReason = 'ScaleUpLimit';
      limitMessage = 'the desired replica count is increasing faster than the maximum scale rate';
    } else {
      maximum = this.spec.maxReplicas;
      limitReason = 'TooManyReplicas';
      limitMessage = 'the desired replica count is more than the maximum replica count';
    }
    let desired = stabilized;
    let reason = 'DesiredWithinRange';
    let message = 'the desired count is within the acceptable range';
    if (stabilized < minReplicas) {
      desired = minReplicas;
      reason = 'TooFewReplicas';
      message = 'the desired replica count is less than the minimum replica count';
    } else if (stabilized > maximum) {
      desired = maximum;
      reason = limitReason;
      message = limitMessage;
    }
    this.setCondition('ScalingLimited', desired === stabilized ? 'False' : 'True', reason, message);
    return desired;
  }

  /** Models stabilizeRecommendation: the highest recommendation of the last 5 minutes; one old sample is recycled. */
  private stabilizeRecommendation(prenormalized: number): number {
    let max = prenormalized;
    let oldIndex = -1;
    const cutoff = this.nowMs - DOWNSCALE_STABILIZATION_WINDOW_MS;
    this.memory.recommendations.forEach((rec, i) => {
      if (rec.atMs < cutoff) oldIndex = i;
      else if (rec.replicas > max) max = rec.replicas;
    });
    const sample = { replicas: prenormalized, atMs: this.nowMs };
    if (oldIndex >= 0) this.memory.recommendations[oldIndex] = sample;
    else this.memory.recommendations.push(sample);
    return max;
  }

  /** Models normalizeDesiredReplicasWithBehaviors: per-direction stabilization windows and rate policies. */
  private normalizeWithBehaviors(currentReplicas: number, prenormalized: number, minReplicas: number): number {
    const behavior = this.spec.behavior!;
    const scaleUp = behavior.scaleUp ?? {};
    const scaleDown = { ...(behavior.scaleDown ?? {}) };
    scaleDown.stabilizationWindowSeconds ??= DOWNSCALE_STABILIZATION_WINDOW_MS / 1000;
    // stabilizeRecommendationWithBehaviors
    const upCutoff = this.nowMs - (scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
    const downCutoff = this.nowMs - scaleDown.stabilizationWindowSeconds * 1000;
    let upRecommendation = prenormalized;
    let downRecommendation = prenormalized;
    let oldIndex = -1;
    this.memory.recommendations.forEach((rec, i) => {
      if (rec.atMs > upCutoff) upRecommendation = Math.min(rec.replicas, upRecommendation);
      if (rec.atMs > downCutoff) downRecommendation = Math.max(rec.replicas, downRecommendation);
      if (rec.atMs < upCutoff && rec.atMs < downCutoff) oldIndex = i;
    });
    let stabilized = currentReplicas;
    if (stabilized < upRecommendation) stabilized = upRecommendation;
    if (stabilized > downRecommendation) stabilized = downRecommendation;
    const sample = { replicas: prenormalized, atMs: this.nowMs };
    if (oldIndex >= 0) this.memory.recommendations[oldIndex] = sample;
    else this.memory.recommendations.push(sample);
    if (stabilized !== prenormalized) {
      if (prenormalized >= currentReplicas) this.setCondition('AbleToScale', 'True', 'ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation');
      else this.setCondition('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
    } else {
      this.setCondition('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
    }
    // convertDesiredReplicasWithBehaviorRate
    let desired = stabilized;
    let reason = 'DesiredWithinRange';
    let message = 'the desired count is within the acceptable range';
    if (stabilized > currentReplicas) {
      const limit = Math.max(this.scaleUpLimit(currentReplicas, scaleUp), currentReplicas);
      let maximum = this.spec.maxReplicas;
      let limitReason = 'TooManyReplicas';
      let limitMessage = 'the desired replica count is more than the maximum replica count';
      if (maximum > limit) {
        maximum = limit;
        limitReason = 'ScaleUpLimit';
        limitMessage = 'the desired replica count is increasing faster than the maximum scale rate';
      }
      if (stabilized > maximum) [desired, reason, message] = [maximum, limitReason, limitMessage];
    } else if (stabilized < currentReplicas) {
      const limit = Math.min(this.scaleDownLimit(currentReplicas, scaleDown), currentReplicas);
      let minimum = minReplicas;
      let limitReason = 'TooFewReplicas';
      let limitMessage = 'the desired replica count is less than the minimum replica count';
      if (minimum < limit) {
        minimum = limit;
        limitReason = 'ScaleDownLimit';
        limitMessage = 'the desired replica count is decreasing faster than the maximum scale rate';
      }
      if (stabilized < minimum) [desired, reason, message] = [minimum, limitReason, limitMessage];
    }
    this.setCondition('ScalingLimited', desired === stabilized ? 'False' : 'True', reason, message);
    return desired;
  }

  /** Models calculateScaleUpLimitWithScalingRules. */
  private scaleUpLimit(currentReplicas: number, rules: ScalingRules): number {
    if (rules.selectPolicy === 'Disabled') return currentReplicas;
    const pickMin = rules.selectPolicy === 'Min';
    let result = pickMin ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
    for (const policy of rules.policies ?? []) {
      const periodStart = currentReplicas - this.changeInPeriod(policy.periodSeconds, this.memory.scaleUpEvents) + this.changeInPeriod(policy.periodSeconds, this.memory.scaleDownEvents);
      const proposed = policy.type === 'Pods' ? periodStart + policy.value : Math.ceil(periodStart * (1 + policy.value / 100));
      result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  /** Models calculateScaleDownLimitWithBehaviors. */
  private scaleDownLimit(currentReplicas: number, rules: ScalingRules): number {
    if (rules.selectPolicy === 'Disabled') return currentReplicas;
    const pickMin = rules.selectPolicy === 'Min';
    let result = pickMin ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    for (const policy of rules.policies ?? []) {
      const periodStart = currentReplicas - this.changeInPeriod(policy.periodSeconds, this.memory.scaleUpEvents) + this.changeInPeriod(policy.periodSeconds, this.memory.scaleDownEvents);
      const proposed = policy.type === 'Pods' ? periodStart - policy.value : Math.trunc(periodStart * (1 - policy.value / 100));
      result = pickMin ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  /** Models getReplicasChangePerPeriod. */
  private changeInPeriod(periodSeconds: number, events: readonly ScaleEvent[]): number {
    const cutoff = this.nowMs - periodSeconds * 1000;
    return events.reduce((sum, e) => (e.atMs > cutoff && !e.outdated ? sum + e.change : sum), 0);
  }

  /** Models storeScaleEvent: only kept when a behavior is set; an outdated slot is reused. */
  private storeScaleEvent(previous: number, next: number): void {
    const behavior = this.spec.behavior;
    if (!behavior) return;
    const up = next > previous;
    const rules = up ? behavior.scaleUp : behavior.scaleDown;
    const events = up ? this.memory.scaleUpEvents : this.memory.scaleDownEvents;
    const longestPeriodMs = Math.max(0, ...(rules?.policies ?? []).map((p) => p.periodSeconds)) * 1000;
    for (const e of events) if (e.atMs <= this.nowMs - longestPeriodMs) e.outdated = true;
    const event: ScaleEvent = { change: Math.abs(next - previous), atMs: this.nowMs, outdated: false };
    const reuse = events.findIndex((e) => e.outdated);
    if (reuse >= 0) events[reuse] = event;
    else events.push(event);
  }
}

/**
 * Models replica_calculator.go for resource metrics. Usage comes from the simulated metrics-server
 * (`MetricsSource`), sampled now over a 15 s window.
 */
export class ReplicaCalculator {
  constructor(
    private readonly view: StoreView,
    private readonly metrics: MetricsSource,
    private readonly nowMs: number,
  ) {}

  /** GetResourceReplicas; a string is the error the real calculator returns. */
  resourceReplicas(currentReplicas: number, targetUtilization: number, resource: string, namespace: string | undefined, selector: Selector, container: string): { replicas: number; utilization: number; rawMilli: number } | string {
    const metrics = this.podMetrics(resource, namespace, selector, container);
    if (typeof metrics === 'string') return metrics;
    const pods = this.pods(namespace, selector);
    if (pods.length === 0) return 'no pods returned by selector while calculating replica count';
    const { readyPodCount, unready, missing, ignored } = groupPods(pods, metrics, resource, this.nowMs);
    for (const name of [...ignored, ...unready]) metrics.delete(name);
    if (metrics.size === 0) return 'did not receive metrics for targeted pods (pods might be unready)';
    const requests = calculateRequests(pods, container, resource);
    if (typeof requests === 'string') return requests;
    const first = utilizationRatio(metrics, requests, targetUtilization);
    if (typeof first === 'string') return first;
    const { ratio, utilization, rawMilli } = first;
    const scaleUpWithUnready = unready.size > 0 && ratio > 1;
    if (!scaleUpWithUnready && missing.size === 0) {
      if (withinTolerance(ratio)) return { replicas: currentReplicas, utilization, rawMilli };
      return { replicas: Math.ceil(ratio * readyPodCount), utilization, rawMilli };
    }
    if (missing.size > 0) {
      // Scale-down: missing pods count as using 100 % (or the target, if higher); scale-up: 0 %.
      const fallback = Math.max(100, targetUtilization);
      for (const name of missing) {
        if (ratio < 1) metrics.set(name, { valueMilli: Math.trunc(((requests.get(name) ?? 0) * fallback) / 100), timestampMs: this.nowMs, windowMs: METRIC_WINDOW_MS });
        else if (ratio > 1) metrics.set(name, { valueMilli: 0, timestampMs: this.nowMs, windowMs: METRIC_WINDOW_MS });
      }
    }
    if (scaleUpWithUnready) for (const name of unready) metrics.set(name, { valueMilli: 0, timestampMs: this.nowMs, windowMs: METRIC_WINDOW_MS });
    const second = utilizationRatio(metrics, requests, targetUtilization);
    if (typeof second === 'string') return second;
    const newRatio = second.ratio;
    if (withinTolerance(newRatio) || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) return { replicas: currentReplicas, utilization, rawMilli };
    const newReplicas = Math.ceil(newRatio * metrics.size);
    if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas)) return { replicas: currentReplicas, utilization, rawMilli };
    return { replicas: newReplicas, utilization, rawMilli };
  }

  /** GetRawResourceReplicas / calcPlainMetricReplicas for an averageValue target. */
  rawResourceReplicas(currentReplicas: number, targetMilli: number, resource: string, namespace: string | undefined, selector: Selector, container: string): { replicas: number; usageMilli: number } | string {
    const metrics = this.podMetrics(resource, namespace, selector, container);
    if (typeof metrics === 'string') return metrics;
    const pods = this.pods(namespace, selector);
    if (pods.length === 0) return 'no pods returned by selector while calculating replica count';
    const { readyPodCount, unready, missing, ignored } = groupPods(pods, metrics, resource, this.nowMs);
    for (const name of [...ignored, ...unready]) metrics.delete(name);
    if (metrics.size === 0) return 'did not receive metrics for targeted pods (pods might be unready)';
    const usage = (m: Map<string, PodMetric>) => {
      let total = 0;
      for (const v of m.values()) total += v.valueMilli;
      return { ratio: total / m.size / targetMilli, average: Math.trunc(total / m.size) };
    };
    const { ratio, average } = usage(metrics);
    const scaleUpWithUnready = unready.size > 0 && ratio > 1;
    if (!scaleUpWithUnready && missing.size === 0) {
      if (withinTolerance(ratio)) return { replicas: currentReplicas, usageMilli: average };
      return { replicas: Math.ceil(ratio * readyPodCount), usageMilli: average };
    }
    if (missing.size > 0) for (const name of missing) {
      if (ratio < 1) metrics.set(name, { valueMilli: targetMilli, timestampMs: this.nowMs, windowMs: METRIC_WINDOW_MS });
      else if (ratio > 1) metrics.set(name, { valueMilli: 0, timestampMs: this.nowMs, windowMs: METRIC_WINDOW_MS });
    }
    if (scaleUpWithUnready) for (const name of unready) metrics.set(name, { valueMilli: 0, timestampMs: this.nowMs, windowMs: METRIC_WINDOW_MS });
    const newRatio = usage(metrics).ratio;
    if (withinTolerance(newRatio) || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) return { replicas: currentReplicas, usageMilli: average };
    const newReplicas = Math.ceil(newRatio * metrics.size);
    if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas)) return { replicas: currentReplicas, usageMilli: average };
    return { replicas: newReplicas, usageMilli: average };
  }

  private pods(namespace: string | undefined, selector: Selector): Typed<Pod>[] {
    return this.view.selecting<Pod>('Pod', namespace, selector);
  }

  /** The resource metrics API for the selected pods (metrics-server PodMetrics), in milli-units. */
  private podMetrics(resource: string, namespace: string | undefined, selector: Selector, container: string): Map<string, PodMetric> | string {
    const out = new Map<string, PodMetric>();
    for (const pod of this.pods(namespace, selector)) {
      const usage = this.metrics.podUsage(pod.metadata.namespace ?? '', pod.metadata.name);
      if (!usage) continue;
      const pick = (u: { cpuMilli: number; memoryBytes: number }) => (resource === 'memory' ? u.memoryBytes * 1000 : u.cpuMilli);
      let value: number;
      if (container) {
        const c = usage.containers.find((x) => x.name === container);
        if (!c) continue;
        value = pick(c);
      } else {
        value = pick(usage);
      }
      out.set(pod.metadata.name, { valueMilli: value, timestampMs: this.nowMs, windowMs: METRIC_WINDOW_MS });
    }
    if (out.size === 0) return `unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`;
    return out;
  }
}

function withinTolerance(ratio: number): boolean {
  return 1 - HPA_TOLERANCE <= ratio && ratio <= 1 + HPA_TOLERANCE;
}

/** Models replica_calculator.go groupPods: ignored (deleted/failed), unready (pending or warming-up CPU), missing metrics, ready. */
function groupPods(pods: readonly Typed<Pod>[], metrics: ReadonlyMap<string, PodMetric>, resource: string, nowMs: number) {
  const unready = new Set<string>();
  const missing = new Set<string>();
  const ignored = new Set<string>();
  let readyPodCount = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      ignored.add(pod.metadata.name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      unready.add(pod.metadata.name);
      continue;
    }
    const metric = metrics.get(pod.metadata.name);
    if (!metric) {
      missing.add(pod.metadata.name);
      continue;
    }
    if (resource === 'cpu') {
      const condition = podReadyCondition(pod);
      const startMs = virtualMsFromIso(pod.status?.startTime);
      let isUnready: boolean;
      if (!condition || startMs === undefined) {
        isUnready = true;
      } else {
        const transitionMs = virtualMsFromIso(condition.lastTransitionTime) ?? 0;
        if (startMs + CPU_INITIALIZATION_PERIOD_MS > nowMs) {
          // Still initializing: unready, or not a full metric window since the last readiness change.
          isUnready = condition.status === 'False' || metric.timestampMs < transitionMs + metric.windowMs;
        } else {
          // Unready and never ready since start.
          isUnready = condition.status === 'False' && startMs + INITIAL_READINESS_DELAY_MS > transitionMs;
        }
      }
      if (isUnready) {
        unready.add(pod.metadata.name);
        continue;
      }
    }
    readyPodCount++;
  }
  return { readyPodCount, unready, missing, ignored };
}

/** Models calculateRequests: per-pod request in milli-units; a container without one is an error. */
function calculateRequests(pods: readonly Typed<Pod>[], container: string, resource: string): Map<string, number> | string {
  const out = new Map<string, number>();
  for (const pod of pods) {
    const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    let request = 0;
    let found = false;
    for (const c of containers) {
      if (container && c.name !== container) continue;
      const value = c.resources?.requests?.[resource];
      const quantity = value === undefined ? undefined : tryParseQuantity(value);
      if (!quantity) return `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`;
      request += quantity.milliValue();
      if (container) {
        found = true;
        break;
      }
    }
    if (container && !found) return `container ${container} not found in Pod ${pod.metadata.name}`;
    out.set(pod.metadata.name, request);
  }
  return out;
}

/** Models metrics/utilization.go GetResourceUtilizationRatio: integer percent of the summed requests. */
function utilizationRatio(metrics: ReadonlyMap<string, PodMetric>, requests: ReadonlyMap<string, number>, targetUtilization: number): { ratio: number; utilization: number; rawMilli: number } | string {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [name, metric] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    metricsTotal += metric.valueMilli;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) return 'no metrics returned matched known pods';
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, rawMilli: Math.trunc(metricsTotal / entries) };
}
