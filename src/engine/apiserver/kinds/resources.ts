/**
 * Container resources: validation (core validation.go validateResourceRequirements), the pod-only
 * default that copies limits into missing requests (SetDefaults_Pod), and the pod's QoS class
 * (pkg/apis/core/helper/qos GetPodQOS), which the apiserver stores in status.qosClass on create.
 */
import type { FieldError } from '../errors';
import { validateLabelKey } from '../../api/labels';
import { addQuantities, tryParseQuantity, type Quantity } from '../../api/quantity';
import { forbidden, invalid, isRecord, required, type Obj } from './util';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets',
  'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'requests.storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
]);
const INTEGER_RESOURCES = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

const isHugePages = (name: string) => name.startsWith('hugepages-');
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** Extended resources (example.com/gpu) are counted in whole units and are never overcommitted. */
const isExtended = (name: string) => !isNative(name) && !name.startsWith('requests.');
const isOvercommitAllowed = (name: string) => isNative(name) && !isHugePages(name);

/** validateContainerResourceName (validateResourceName first, then the container-specific rule). */
function validateResourceName(name: string, path: string): FieldError[] {
  const errs = validateLabelKey(name).map((msg) => invalid(path, name, msg));
  if (errs.length > 0) return errs;
  const unqualified = !name.includes('/');
  if (unqualified && !STANDARD_RESOURCES.has(name) && !isHugePages(name)) errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  if (unqualified && !STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  return errs;
}

/** A parsed quantity, or undefined when the value does not parse (strict decoding reports those). */
export function quantityOf(value: unknown): Quantity | undefined {
  return tryParseQuantity(value);
}

function validateQuantity(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalid(path, q.apiString(), 'must be greater than or equal to 0'));
  if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && q.milliValue() % 1000 !== 0) errs.push(invalid(path, q.apiString(), 'must be an integer'));
  return errs;
}

/** ValidateContainerResourceRequirements; `path` ends in `.resources`. */
export function validateResourceRequirements(resources: unknown, path: string): FieldError[] {
  if (resources === undefined || resources === null) return [];
  if (!isRecord(resources)) return [invalid(path, resources, 'must be an object with limits and requests')];
  const errs: FieldError[] = [];
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const limits = isRecord(resources.limits) ? resources.limits : {};
  const requests = isRecord(resources.requests) ? resources.requests : {};
  if (resources.limits !== undefined && resources.limits !== null && !isRecord(resources.limits)) errs.push(invalid(limPath, resources.limits, 'must be a map of resource names to quantities'));
  if (resources.requests !== undefined && resources.requests !== null && !isRecord(resources.requests)) errs.push(invalid(reqPath, resources.requests, 'must be a map of resource names to quantities'));
  let limCpuOrMem = false;
  let reqCpuOrMem = false;
  let hugePages = false;
  for (const name of Object.keys(limits).sort()) {
    const p = `${limPath}[${name}]`;
    errs.push(...validateResourceName(name, p));
    const q = quantityOf(limits[name]);
    if (!q) errs.push(invalid(p, limits[name], 'must be a quantity'));
    else errs.push(...validateQuantity(name, q, p));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') limCpuOrMem = true;
  }
  for (const name of Object.keys(requests).sort()) {
    const p = `${reqPath}[${name}]`;
    errs.push(...validateResourceName(name, p));
    const q = quantityOf(requests[name]);
    if (!q) {
      errs.push(invalid(p, requests[name], 'must be a quantity'));
      continue;
    }
    errs.push(...validateQuantity(name, q, p));
    const limit = name in limits ? quantityOf(limits[name]) : undefined;
    if (limit) {
      if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) errs.push(invalid(reqPath, q.apiString(), `must be equal to ${name} limit of ${limit.apiString()}`));
      else if (q.cmp(limit) > 0) errs.push(invalid(reqPath, q.apiString(), `must be less than or equal to ${name} limit of ${limit.apiString()}`));
    } else if (!(name in limits) && !isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') reqCpuOrMem = true;
  }
  if (hugePages && !limCpuOrMem && !reqCpuOrMem) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

/** SetDefaults_Pod: a limit without a request becomes the request too (pods only, not templates). */
export function defaultRequestsFromLimits(container: Obj): void {
  const resources = container.resources;
  if (!isRecord(resources) || !isRecord(resources.limits)) return;
  const requests = isRecord(resources.requests) ? resources.requests : {};
  for (const [name, value] of Object.entries(resources.limits)) {
    if (!(name in requests)) requests[name] = value;
  }
  resources.requests = requests;
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** GetPodQOS over containers and init containers; only non-zero cpu and memory count. */
export function computeQosClass(spec: unknown): QosClass {
  const containers = [
    ...(isRecord(spec) && Array.isArray(spec.containers) ? spec.containers : []),
    ...(isRecord(spec) && Array.isArray(spec.initContainers) ? spec.initContainers : []),
  ];
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const add = (into: Map<string, Quantity>, name: string, q: Quantity) => into.set(name, into.has(name) ? addQuantities(into.get(name)!, q) : q);
  for (const c of containers) {
    const res = isRecord(c) && isRecord(c.resources) ? c.resources : {};
    const req = isRecord(res.requests) ? res.requests : {};
    const lim = isRecord(res.limits) ? res.limits : {};
    for (const name of ['cpu', 'memory']) {
      const r = quantityOf(req[name]);
      if (r && r.sign() > 0) add(requests, name, r);
    }
    const found = new Set<string>();
    for (const name of ['cpu', 'memory']) {
      const l = quantityOf(lim[name]);
      if (l && l.sign() > 0) {
        found.add(name);
        add(limits, name, l);
      }
    }
    if (!(found.has('cpu') && found.has('memory'))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
