/**
 * The single description of every kind and field Podlab reads: Kubernetes' own types and API docs
 * (catalog.generated.ts), plus what the generated data cannot know: Go integer widths (they show in
 * decoding errors), enums (explain, editor completion), older wire shapes (autoscaling/v2beta1) and
 * whether Podlab simulates a field. The strict decoder, the JSON Schema and `explain` all read it.
 */
import { GENERATED_TYPES } from './catalog.generated';

/**
 * A field type: `string`, `integer`, `boolean`, `quantity`, `int-or-string`, `time`, `any`, a type
 * key (`core.v1.PodSpec`), `[]T` (list of T) or `map[T]` (map from string to T).
 */
export type FieldType = string;

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description: string;
  /** False for fields Podlab accepts and stores but whose effect it does not model. */
  readonly simulated: boolean;
  /** Why or how Podlab treats the field, shown in hover docs and explain. */
  readonly note?: string;
  /** Allowed values, as the API's `+enum` markers list them. */
  readonly enum?: readonly string[];
  /** The value the apiserver fills in when the field is omitted (so a defaulted field is not "set"). */
  readonly defaultValue?: unknown;
  /** Go integer type for integer fields (decoding errors name it): int32 unless listed as int64. */
  readonly goInt?: 'int32' | 'int64';
}

export interface TypeDef {
  readonly key: string;
  readonly description: string;
  readonly fields: ReadonlyMap<string, FieldDef>;
}

const INT64_FIELDS = new Set([
  'core.v1.PodSpec.terminationGracePeriodSeconds',
  'core.v1.PodSpec.activeDeadlineSeconds',
  'core.v1.Probe.terminationGracePeriodSeconds',
  'core.v1.Toleration.tolerationSeconds',
  'core.v1.PodSecurityContext.runAsUser',
  'core.v1.PodSecurityContext.runAsGroup',
  'core.v1.PodSecurityContext.fsGroup',
  'core.v1.PodSecurityContext.supplementalGroups',
  'core.v1.SecurityContext.runAsUser',
  'core.v1.SecurityContext.runAsGroup',
  'core.v1.SleepAction.seconds',
  'core.v1.ServiceAccountTokenProjection.expirationSeconds',
  'core.v1.ContainerImage.sizeBytes',
  'meta.v1.ObjectMeta.generation',
  'meta.v1.ObjectMeta.deletionGracePeriodSeconds',
  'meta.v1.ManagedFieldsEntry.time',
  'apps.v1.DeploymentStatus.observedGeneration',
  'apps.v1.ReplicaSetStatus.observedGeneration',
  'apps.v1.DaemonSetStatus.observedGeneration',
  'core.v1.ReplicationControllerStatus.observedGeneration',
  'autoscaling.v1.HorizontalPodAutoscalerStatus.observedGeneration',
  'autoscaling.v2.HorizontalPodAutoscalerStatus.observedGeneration',
  'core.v1.PodCondition.observedGeneration',
]);

const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  'core.v1.PodSpec.restartPolicy': ['Always', 'Never', 'OnFailure'],
  'core.v1.PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'core.v1.PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'core.v1.Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'core.v1.Container.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'core.v1.ContainerPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'core.v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'core.v1.Toleration.operator': ['Equal', 'Exists'],
  'core.v1.Toleration.effect': TAINT_EFFECTS,
  'core.v1.Taint.effect': TAINT_EFFECTS,
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'core.v1.TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'core.v1.TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  'core.v1.NodeSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'core.v1.PodStatus.phase': ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
  'core.v1.PodStatus.qosClass': ['BestEffort', 'Burstable', 'Guaranteed'],
  'apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'apps.v1.DaemonSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'autoscaling.v2.MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'autoscaling.v2.MetricTarget.type': ['AverageValue', 'Utilization', 'Value'],
  'autoscaling.v2.HPAScalingRules.selectPolicy': ['Disabled', 'Max', 'Min'],
  'autoscaling.v2.HPAScalingPolicy.type': ['Percent', 'Pods'],
};

/** Defaults the apiserver fills in; a field holding its default was not "set" by the manifest. */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  'core.v1.PodSpec.dnsPolicy': 'ClusterFirst',
  'core.v1.PodSpec.schedulerName': 'default-scheduler',
  'core.v1.PodSpec.securityContext': {},
  'core.v1.PodSpec.enableServiceLinks': true,
  'core.v1.PodSpec.preemptionPolicy': 'PreemptLowerPriority',
  'core.v1.Container.terminationMessagePath': '/dev/termination-log',
  'core.v1.Container.terminationMessagePolicy': 'File',
};

const NOT_SIMULATED = 'Podlab accepts and stores this field but does not simulate its effect.';
/** Fields Podlab stores without modelling them. Other helpers may add more with markUnsimulated. */
const UNSIMULATED: Record<string, string> = {
  'core.v1.PodSpec.volumes': 'Podlab has no storage: volumes are stored but never mounted.',
  'core.v1.PodSpec.imagePullSecrets': 'Podlab pulls every image without credentials.',
  'core.v1.PodSpec.securityContext': NOT_SIMULATED,
  'core.v1.PodSpec.serviceAccountName': 'Podlab has no ServiceAccounts or tokens.',
  'core.v1.PodSpec.serviceAccount': 'Podlab has no ServiceAccounts or tokens.',
  'core.v1.PodSpec.automountServiceAccountToken': 'Podlab has no ServiceAccounts or tokens.',
  'core.v1.PodSpec.dnsConfig': 'Podlab has no cluster DNS.',
  'core.v1.PodSpec.dnsPolicy': 'Podlab has no cluster DNS.',
  'core.v1.PodSpec.hostAliases': NOT_SIMULATED,
  'core.v1.PodSpec.hostname': NOT_SIMULATED,
  'core.v1.PodSpec.subdomain': NOT_SIMULATED,
  'core.v1.PodSpec.setHostnameAsFQDN': NOT_SIMULATED,
  'core.v1.PodSpec.hostIPC': NOT_SIMULATED,
  'core.v1.PodSpec.hostPID': NOT_SIMULATED,
  'core.v1.PodSpec.hostUsers': NOT_SIMULATED,
  'core.v1.PodSpec.shareProcessNamespace': NOT_SIMULATED,
  'core.v1.PodSpec.runtimeClassName': 'Podlab has one container runtime and no RuntimeClasses.',
  'core.v1.PodSpec.overhead': NOT_SIMULATED,
  'core.v1.PodSpec.os': NOT_SIMULATED,
  'core.v1.PodSpec.readinessGates': NOT_SIMULATED,
  'core.v1.PodSpec.resourceClaims': 'Podlab has no dynamic resource allocation.',
  'core.v1.PodSpec.ephemeralContainers': NOT_SIMULATED,
  'core.v1.PodSpec.enableServiceLinks': 'Podlab has no Services.',
  'core.v1.PodSpec.priorityClassName': 'Podlab has no PriorityClass objects: only the built-in system-cluster-critical and system-node-critical classes set a priority.',
  'core.v1.Container.volumeMounts': 'Podlab has no storage: volumes are stored but never mounted.',
  'core.v1.Container.volumeDevices': 'Podlab has no storage.',
  'core.v1.Container.securityContext': NOT_SIMULATED,
  'core.v1.Container.envFrom': 'Podlab has no ConfigMaps or Secrets to read variables from.',
  'core.v1.Container.lifecycle': NOT_SIMULATED,
  'core.v1.Container.workingDir': NOT_SIMULATED,
  'core.v1.Container.stdin': NOT_SIMULATED,
  'core.v1.Container.stdinOnce': NOT_SIMULATED,
  'core.v1.Container.tty': NOT_SIMULATED,
  'core.v1.Container.resizePolicy': NOT_SIMULATED,
  'core.v1.Container.terminationMessagePath': NOT_SIMULATED,
  'core.v1.Container.terminationMessagePolicy': NOT_SIMULATED,
  'core.v1.EnvVar.valueFrom': 'Podlab has no ConfigMaps, Secrets or downward API to read values from.',
};

// ---------------------------------------------------------------------------------------------------
// Wire shapes the generated catalog lacks: autoscaling/v2beta1 metrics (the learner notes use them)
// and fields newer than the kubernetes-types release.
// ---------------------------------------------------------------------------------------------------

type RawField = readonly [string, string, 0 | 1, string];
const EXTRA_TYPES: Record<string, { d: string; f: RawField[] }> = {
  'autoscaling.v2beta1.HorizontalPodAutoscaler': {
    d: 'HorizontalPodAutoscaler is the configuration for a horizontal pod autoscaler, which automatically manages the replica count of any resource implementing the scale subresource based on the metrics specified.',
    f: [
      ['apiVersion', 'string', 0, 'APIVersion defines the versioned schema of this representation of an object.'],
      ['kind', 'string', 0, 'Kind is a string value representing the REST resource this object represents.'],
      ['metadata', 'meta.v1.ObjectMeta', 0, 'metadata is the standard object metadata.'],
      ['spec', 'autoscaling.v2beta1.HorizontalPodAutoscalerSpec', 0, 'spec is the specification for the behaviour of the autoscaler.'],
      ['status', 'autoscaling.v2.HorizontalPodAutoscalerStatus', 0, 'status is the current information about the autoscaler.'],
    ],
  },
  'autoscaling.v2beta1.HorizontalPodAutoscalerSpec': {
    d: 'HorizontalPodAutoscalerSpec describes the desired functionality of the HorizontalPodAutoscaler.',
    f: [
      ['maxReplicas', 'integer', 1, 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'],
      ['metrics', '[]autoscaling.v2beta1.MetricSpec', 0, 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).'],
      ['minReplicas', 'integer', 0, 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down. It defaults to 1 pod.'],
      ['scaleTargetRef', 'autoscaling.v2.CrossVersionObjectReference', 1, 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'],
    ],
  },
  'autoscaling.v2beta1.MetricSpec': {
    d: 'MetricSpec specifies how to scale based on a single metric (only `type` and one other matching field should be set at once).',
    f: [
      ['containerResource', 'autoscaling.v2beta1.ContainerResourceMetricSource', 0, 'container resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod of the current scale target.'],
      ['external', 'autoscaling.v2beta1.ExternalMetricSource', 0, 'external refers to a global metric that is not associated with any Kubernetes object.'],
      ['object', 'autoscaling.v2beta1.ObjectMetricSource', 0, 'object refers to a metric describing a single kubernetes object (for example, hits-per-second on an Ingress object).'],
      ['pods', 'autoscaling.v2beta1.PodsMetricSource', 0, 'pods refers to a metric describing each pod in the current scale target (for example, transactions-processed-per-second).'],
      ['resource', 'autoscaling.v2beta1.ResourceMetricSource', 0, 'resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target (e.g. CPU or memory).'],
      ['type', 'string', 1, 'type is the type of metric source. It should be one of "ContainerResource", "External", "Object", "Pods" or "Resource", each mapping to a matching field in the object.'],
    ],
  },
  'autoscaling.v2beta1.ResourceMetricSource': {
    d: 'ResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).',
    f: [
      ['name', 'string', 1, 'name is the name of the resource in question.'],
      ['targetAverageUtilization', 'integer', 0, 'targetAverageUtilization is the target value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods.'],
      ['targetAverageValue', 'quantity', 0, 'targetAverageValue is the target value of the average of the resource metric across all relevant pods, as a raw value (instead of as a percentage of the request), similar to the "pods" metric source type.'],
    ],
  },
  'autoscaling.v2beta1.ContainerResourceMetricSource': {
    d: 'ContainerResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing a single container in each pod of the current scale target.',
    f: [
      ['container', 'string', 1, 'container is the name of the container in the pods of the scaling target'],
      ['name', 'string', 1, 'name is the name of the resource in question.'],
      ['targetAverageUtilization', 'integer', 0, 'targetAverageUtilization is the target value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods.'],
      ['targetAverageValue', 'quantity', 0, 'targetAverageValue is the target value of the average of the resource metric across all relevant pods, as a raw value.'],
    ],
  },
  'autoscaling.v2beta1.PodsMetricSource': {
    d: 'PodsMetricSource indicates how to scale on a metric describing each pod in the current scale target (for example, transactions-processed-per-second).',
    f: [
      ['metricName', 'string', 1, 'metricName is the name of the metric in question'],
      ['selector', 'meta.v1.LabelSelector', 0, 'selector is the string-encoded form of a standard kubernetes label selector for the given metric.'],
      ['targetAverageValue', 'quantity', 1, 'targetAverageValue is the target value of the average of the metric across all relevant pods (as a quantity)'],
    ],
  },
  'autoscaling.v2beta1.ObjectMetricSource': {
    d: 'ObjectMetricSource indicates how to scale on a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).',
    f: [
      ['averageValue', 'quantity', 0, 'averageValue is the target value of the average of the metric across all relevant pods (as a quantity)'],
      ['metricName', 'string', 1, 'metricName is the name of the metric in question.'],
      ['selector', 'meta.v1.LabelSelector', 0, 'selector is the string-encoded form of a standard kubernetes label selector for the given metric.'],
      ['target', 'autoscaling.v2.CrossVersionObjectReference', 1, 'target is the described Kubernetes object.'],
      ['targetValue', 'quantity', 1, 'targetValue is the target value of the metric (as a quantity).'],
    ],
  },
  'autoscaling.v2beta1.ExternalMetricSource': {
    d: 'ExternalMetricSource indicates how to scale on a metric not associated with any Kubernetes object (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).',
    f: [
      ['metricName', 'string', 1, 'metricName is the name of the metric in question.'],
      ['metricSelector', 'meta.v1.LabelSelector', 0, 'metricSelector is used to identify a specific time series within a given metric.'],
      ['targetAverageValue', 'quantity', 0, 'targetAverageValue is the target per-pod value of global metric (as a quantity).'],
      ['targetValue', 'quantity', 0, 'targetValue is the target value of the metric (as a quantity).'],
    ],
  },
};

/** Fields added to Kubernetes after the generated catalog's release, so newer manifests still decode. */
const EXTRA_FIELDS: Record<string, RawField[]> = {
  'core.v1.PodSpec': [['resources', 'core.v1.ResourceRequirements', 0, 'Resources is the total amount of CPU and Memory resources required by all containers in the pod.']],
  'core.v1.Lifecycle': [['stopSignal', 'string', 0, 'StopSignal defines which signal will be sent to a container when it is being stopped.']],
};

// ---------------------------------------------------------------------------------------------------

const typeCache = new Map<string, TypeDef>();

function buildType(key: string): TypeDef | undefined {
  const raw = GENERATED_TYPES[key] ?? EXTRA_TYPES[key];
  if (!raw) return undefined;
  const fields = new Map<string, FieldDef>();
  for (const [name, type, required, description] of [...raw.f, ...(EXTRA_FIELDS[key] ?? [])]) {
    const id = `${key}.${name}`;
    const note = UNSIMULATED[id];
    fields.set(name, {
      name,
      type,
      required: required === 1,
      description,
      simulated: note === undefined,
      ...(note !== undefined ? { note } : {}),
      ...(ENUMS[id] ? { enum: ENUMS[id] } : {}),
      ...(id in DEFAULTS ? { defaultValue: DEFAULTS[id] } : {}),
      ...(type === 'integer' || type === '[]integer' ? { goInt: INT64_FIELDS.has(id) ? ('int64' as const) : ('int32' as const) } : {}),
    });
  }
  return { key, description: raw.d, fields: new Map([...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

export function typeDef(key: string): TypeDef | undefined {
  let def = typeCache.get(key);
  if (!def) {
    def = buildType(key);
    if (def) typeCache.set(key, def);
  }
  return def;
}

/** Marks a field as stored but not simulated (hover docs and warnings say so). */
export function markUnsimulated(typeKey: string, field: string, note: string = NOT_SIMULATED): void {
  UNSIMULATED[`${typeKey}.${field}`] = note;
  typeCache.delete(typeKey);
}

/** Root type of a kind as served in an apiVersion (older apps versions share the apps/v1 shape). */
export function rootTypeKey(kind: string, apiVersion?: string): string | undefined {
  switch (kind) {
    case 'Pod':
    case 'Node':
    case 'Namespace':
    case 'ReplicationController':
      return `core.v1.${kind}`;
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Deployment':
      return `apps.v1.${kind}`;
    case 'HorizontalPodAutoscaler':
      if (apiVersion === 'autoscaling/v1') return 'autoscaling.v1.HorizontalPodAutoscaler';
      if (apiVersion === 'autoscaling/v2beta1') return 'autoscaling.v2beta1.HorizontalPodAutoscaler';
      return 'autoscaling.v2.HorizontalPodAutoscaler';
    default:
      return undefined;
  }
}

export function isListType(type: FieldType): boolean {
  return type.startsWith('[]');
}

export function isMapType(type: FieldType): boolean {
  return type.startsWith('map[');
}

/** Element type of `[]T` or value type of `map[T]`. */
export function elementType(type: FieldType): FieldType {
  if (type.startsWith('[]')) return type.slice(2);
  if (type.startsWith('map[')) return type.slice(4, -1);
  return type;
}

export function isStructType(type: FieldType): boolean {
  return typeDef(type) !== undefined;
}

/** The Go spelling of a field type, as encoding/json names it in decoding errors. */
export function goTypeName(type: FieldType, goInt: 'int32' | 'int64' = 'int32', mapName?: string): string {
  if (type.startsWith('[]')) return `[]${goTypeName(type.slice(2), goInt)}`;
  if (type === 'map[quantity]') return 'v1.ResourceList';
  if (type.startsWith('map[')) return mapName ?? `map[string]${goTypeName(elementType(type), goInt)}`;
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
      return goInt;
    case 'boolean':
      return 'bool';
    case 'quantity':
      return 'resource.Quantity';
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'time':
      return 'v1.Time';
    case 'any':
      return 'interface {}';
  }
  const [, version, name] = type.split('.');
  return `${version}.${name}`;
}

/** Short Go struct name (`PodSpec`) of a type key, as it prefixes a field in decoding errors. */
export function goStructName(typeKey: string): string {
  return typeKey.split('.')[2] ?? typeKey;
}
