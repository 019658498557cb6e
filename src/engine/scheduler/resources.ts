import type { Container, Node, Pod } from '../api/types';
import { addQuantities, tryParseQuantity, type Quantity } from '../api/quantity';

/**
 * Pod and node resource arithmetic used by the scheduler, kubectl describe node and the UI.
 * Models k8s.io/component-helpers/resource/helpers.go (PodRequests, PodLimits) and
 * pkg/scheduler/framework/types.go (Resource, NodeInfo.calculateResource).
 */

export type ResourceList = Map<string, Quantity>;

/** The scheduler's numeric view of a resource list: cpu in millicores, the rest in base units. */
export interface ResourceVector {
  milliCPU: number;
  memoryBytes: number;
  ephemeralStorageBytes: number;
  /** Extended resources, hugepages and other scalar resources, by name. */
  scalar: Record<string, number>;
}

/** Node allocatable as the scheduler reads it, plus the kubelet's maxPods. */
export interface NodeAllocatable extends ResourceVector {
  allowedPodNumber: number;
}

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes for a container without requests. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST_BYTES = 200 * 1024 * 1024;

export function emptyVector(): ResourceVector {
  return { milliCPU: 0, memoryBytes: 0, ephemeralStorageBytes: 0, scalar: {} };
}

/** v1helper.IsPrefixedNativeResource / IsNativeResource / IsExtendedResourceName / IsHugePageResourceName. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}
export function isExtendedResourceName(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith('requests.');
}
/** schedutil.IsScalarResourceName. */
export function isScalarResourceName(name: string): boolean {
  return isExtendedResourceName(name) || isHugePageResourceName(name) || name.includes('kubernetes.io/') || name.startsWith('attachable-volumes-');
}

function parseList(list: unknown): ResourceList {
  const out: ResourceList = new Map();
  if (!list || typeof list !== 'object') return out;
  for (const [name, value] of Object.entries(list as Record<string, unknown>)) {
    const q = tryParseQuantity(value);
    if (q) out.set(name, q);
  }
  return out;
}

/** addResourceList: the first quantity's format is kept, as Quantity.Add does. */
function addInto(target: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) {
    const existing = target.get(name);
    target.set(name, existing ? addQuantities(existing, q) : q);
  }
}

/** maxResourceList. */
function maxInto(target: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const existing = target.get(name);
    if (!existing || q.cmp(existing) > 0) target.set(name, q);
  }
}

/**
 * A container's requests after the apiserver's SetDefaults_Pod rule "a limit without a request
 * becomes the request"; applying it here again is harmless when the apiserver already did.
 */
function containerRequests(container: Container): ResourceList {
  const requests = parseList(container.resources?.requests);
  for (const [name, q] of parseList(container.resources?.limits)) if (!requests.has(name)) requests.set(name, q);
  return requests;
}

function containerLimits(container: Container): ResourceList {
  return parseList(container.resources?.limits);
}

const NON_MISSING_DEFAULTS: ReadonlyArray<readonly [string, Quantity]> = [
  ['cpu', tryParseQuantity('100m')!],
  ['memory', tryParseQuantity(String(DEFAULT_MEMORY_REQUEST_BYTES))!],
];

/** applyNonMissing: container requests with the scheduler's defaults for missing cpu/memory. */
function withNonMissing(list: ResourceList): ResourceList {
  const out = new Map(list);
  for (const [name, q] of NON_MISSING_DEFAULTS) if (!out.has(name)) out.set(name, q);
  return out;
}

/** spec.resources (pod-level resources, beta since 1.34; newer than the kubernetes-types typings). */
function podLevelResources(pod: Pod): { requests?: unknown; limits?: unknown } | undefined {
  return (pod.spec as { resources?: { requests?: unknown; limits?: unknown } } | undefined)?.resources;
}

/** Pod-level resources (spec.resources) only override cpu, memory and hugepages. */
function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || isHugePageResourceName(name);
}

/**
 * AggregateContainer{Requests,Limits} + pod-level override + overhead: containers are summed,
 * init containers take the max (restartable sidecars are cumulative), pod.spec.overhead is added.
 */
function podResourceList(pod: Pod, kind: 'requests' | 'limits', nonMissing: boolean): ResourceList {
  const spec = pod.spec;
  const total: ResourceList = new Map();
  const of = (c: Container): ResourceList => {
    const list = kind === 'requests' ? containerRequests(c) : containerLimits(c);
    return nonMissing ? withNonMissing(list) : list;
  };
  for (const c of spec?.containers ?? []) addInto(total, of(c));
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of spec?.initContainers ?? []) {
    let list = of(c);
    if (c.restartPolicy === 'Always') {
      addInto(total, list);
      addInto(restartable, list);
      list = new Map(restartable);
    } else {
      const tmp: ResourceList = new Map();
      addInto(tmp, list);
      addInto(tmp, restartable);
      list = tmp;
    }
    maxInto(initMax, list);
  }
  maxInto(total, initMax);
  const podLevel = parseList(podLevelResources(pod)?.[kind]);
  for (const [name, q] of podLevel) if (isSupportedPodLevelResource(name)) total.set(name, q);
  const overhead = parseList(spec?.overhead);
  if (kind === 'requests') addInto(total, overhead);
  else for (const [name, q] of overhead) if (total.has(name)) total.set(name, addQuantities(total.get(name)!, q));
  return total;
}

/** resourcehelper.PodRequests(pod, {}). */
export function podRequestsList(pod: Pod): ResourceList {
  return podResourceList(pod, 'requests', false);
}

/** resourcehelper.PodLimits(pod, {}). */
export function podLimitsList(pod: Pod): ResourceList {
  return podResourceList(pod, 'limits', false);
}

/** framework.Resource.Add: cpu as MilliValue, everything else as Value. */
export function vectorOf(list: ResourceList): ResourceVector {
  const v = emptyVector();
  for (const [name, q] of list) {
    if (name === 'cpu') v.milliCPU += q.milliValue();
    else if (name === 'memory') v.memoryBytes += q.value();
    else if (name === 'ephemeral-storage') v.ephemeralStorageBytes += q.value();
    else if (name !== 'pods' && isScalarResourceName(name)) v.scalar[name] = (v.scalar[name] ?? 0) + q.value();
  }
  return v;
}

export interface PodResourceSummary {
  /** What NodeResourcesFit charges: PodRequests. */
  readonly requests: ResourceVector;
  /** NonZeroRequested: 100m cpu / 200Mi memory for containers that request none (scoring only). */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemoryBytes: number;
}

// Stored objects are immutable: one computation per pod spec.
const summaryCache = new WeakMap<object, PodResourceSummary>();

/** NodeInfo.calculateResource: requests plus the non-zero cpu/memory used by least-allocated scoring. */
export function podResources(pod: Pod): PodResourceSummary {
  // Scoring asks once per node for the same pod: a one-entry memo spares the WeakMap lookups.
  if (pod === lastPod) return lastSummary!;
  const summary = podResourcesUncached(pod);
  lastPod = pod;
  lastSummary = summary;
  return summary;
}

let lastPod: Pod | undefined;
let lastSummary: PodResourceSummary | undefined;

function podResourcesUncached(pod: Pod): PodResourceSummary {
  // Keyed by what is read: a status write shares the spec object, and a bind (a new spec, nodeName
  // set) or a sibling from the same template shares the containers array, so both stay hits.
  const spec = pod.spec;
  const key: object = spec?.containers && !spec.initContainers && !spec.overhead && !podLevelResources(pod) ? spec.containers : (spec ?? pod);
  const cached = summaryCache.get(key);
  if (cached) return cached;
  const requests = vectorOf(podRequestsList(pod));
  const podLevel = parseList(podLevelResources(pod)?.requests);
  // With pod-level requests, only a resource missing at both levels gets a default (getNonMissingContainerRequests).
  const nonZero = podLevel.size > 0 ? nonZeroWithPodLevel(pod, requests) : vectorOf(podResourceList(pod, 'requests', true));
  const summary: PodResourceSummary = { requests, nonZeroMilliCPU: nonZero.milliCPU, nonZeroMemoryBytes: nonZero.memoryBytes };
  summaryCache.set(key, summary);
  return summary;
}

function nonZeroWithPodLevel(pod: Pod, requests: ResourceVector): ResourceVector {
  const list = podRequestsList(pod);
  return {
    ...requests,
    milliCPU: list.has('cpu') ? requests.milliCPU : DEFAULT_MILLI_CPU_REQUEST,
    memoryBytes: list.has('memory') ? requests.memoryBytes : DEFAULT_MEMORY_REQUEST_BYTES,
  };
}

/** True when the pod requests nothing at all (NodeResourcesFit then only checks the pod count). */
export function requestsNothing(v: ResourceVector): boolean {
  if (v.milliCPU !== 0 || v.memoryBytes !== 0 || v.ephemeralStorageBytes !== 0) return false;
  // No Object.keys: NodeResourcesFit's filter calls this for every node.
  for (const _ in v.scalar) return false;
  return true;
}

const allocatableCache = new WeakMap<object, NodeAllocatable>();

/** NodeInfo.SetNode: Allocatable from node.status.allocatable (capacity when allocatable is absent). */
export function nodeAllocatable(node: Node): NodeAllocatable {
  const cached = allocatableCache.get(node);
  if (cached) return cached;
  const source = node.status?.allocatable && Object.keys(node.status.allocatable).length > 0 ? node.status.allocatable : node.status?.capacity;
  const list = parseList(source);
  const v = vectorOf(list);
  const result: NodeAllocatable = { ...v, allowedPodNumber: list.get('pods')?.value() ?? 0 };
  allocatableCache.set(node, result);
  return result;
}

/** Adds (sign 1) or removes (sign -1) a vector into an accumulator. */
export function accumulate(target: ResourceVector, add: ResourceVector, sign: 1 | -1 = 1): void {
  target.milliCPU += sign * add.milliCPU;
  target.memoryBytes += sign * add.memoryBytes;
  target.ephemeralStorageBytes += sign * add.ephemeralStorageBytes;
  // for-in, not Object.entries: this runs for every pod a NodeInfo adds or removes.
  const scalar = add.scalar;
  for (const name in scalar) target.scalar[name] = (target.scalar[name] ?? 0) + sign * scalar[name];
}
