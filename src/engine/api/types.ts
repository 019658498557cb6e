/**
 * The object model: Kubernetes' own types (kubernetes-types), re-exported so engine code speaks the
 * API's vocabulary verbatim. Every stored object has apiVersion, kind and metadata with name.
 */
import type * as meta from 'kubernetes-types/meta/v1';
import type * as core from 'kubernetes-types/core/v1';
import type * as apps from 'kubernetes-types/apps/v1';
import type * as autoscaling from 'kubernetes-types/autoscaling/v2';

/**
 * kubernetes-types marks every field readonly; engine code builds new objects from copies, so it
 * works with mutable versions. Stored objects are still never mutated (they are frozen in tests).
 */
export type DeepMutable<T> = T extends ReadonlyArray<infer U> ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

export type ObjectMeta = DeepMutable<meta.ObjectMeta>;
export type OwnerReference = DeepMutable<meta.OwnerReference>;
export type LabelSelector = DeepMutable<meta.LabelSelector>;
export type Pod = DeepMutable<core.Pod>;
export type PodSpec = DeepMutable<core.PodSpec>;
export type PodStatus = DeepMutable<core.PodStatus>;
export type PodTemplateSpec = DeepMutable<core.PodTemplateSpec>;
export type Container = DeepMutable<core.Container>;
export type ContainerStatus = DeepMutable<core.ContainerStatus>;
export type ContainerState = DeepMutable<core.ContainerState>;
export type PodCondition = DeepMutable<core.PodCondition>;
export type Probe = DeepMutable<core.Probe>;
export type Node = DeepMutable<core.Node>;
export type NodeCondition = DeepMutable<core.NodeCondition>;
export type Taint = DeepMutable<core.Taint>;
export type Toleration = DeepMutable<core.Toleration>;
export type Namespace = DeepMutable<core.Namespace>;
export type ReplicationController = DeepMutable<core.ReplicationController>;
export type ReplicaSet = DeepMutable<apps.ReplicaSet>;
export type DaemonSet = DeepMutable<apps.DaemonSet>;
export type Deployment = DeepMutable<apps.Deployment>;
export type HorizontalPodAutoscaler = DeepMutable<autoscaling.HorizontalPodAutoscaler>;

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** Narrow a KubeObject to a typed one once its kind is checked. */
export type Typed<T> = T & KubeObject;

export type Kind = 'Pod' | 'Node' | 'Namespace' | 'ReplicaSet' | 'ReplicationController' | 'DaemonSet' | 'Deployment' | 'HorizontalPodAutoscaler';

export interface KindInfo {
  readonly kind: Kind;
  readonly apiVersion: string;
  /** apiVersions accepted on input (learners copy old tutorials: apps/v1beta2, autoscaling/v1). */
  readonly acceptedApiVersions: readonly string[];
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  /** Group as kubectl prints it in `kind.group/name` (empty for core). */
  readonly group: string;
}

export const KINDS: readonly KindInfo[] = [
  { kind: 'Pod', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, group: '' },
  { kind: 'Node', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, group: '' },
  { kind: 'Namespace', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false, group: '' },
  { kind: 'ReplicationController', apiVersion: 'v1', acceptedApiVersions: ['v1'], plural: 'replicationcontrollers', singular: 'replicationcontroller', shortNames: ['rc'], namespaced: true, group: '' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'], plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, group: 'apps' },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'], plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true, group: 'apps' },
  { kind: 'Deployment', apiVersion: 'apps/v1', acceptedApiVersions: ['apps/v1', 'apps/v1beta2', 'apps/v1beta1', 'extensions/v1beta1'], plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, group: 'apps' },
  { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2', acceptedApiVersions: ['autoscaling/v2', 'autoscaling/v1', 'autoscaling/v2beta2', 'autoscaling/v2beta1'], plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', shortNames: ['hpa'], namespaced: true, group: 'autoscaling' },
];

const kindByName = new Map<string, KindInfo>(KINDS.map((k) => [k.kind, k]));
export function kindInfo(kind: string): KindInfo | undefined {
  return kindByName.get(kind);
}

export const DEFAULT_NAMESPACE = 'default';

/** Store key: `Kind/namespace/name`; cluster-scoped kinds have an empty namespace. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

export function isPod(obj: KubeObject): obj is Typed<Pod> {
  return obj.kind === 'Pod';
}
