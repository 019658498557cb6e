/** kubectl/pkg/util/qos GetPodQOS: status.qosClass when set, otherwise computed from requests and limits. */
import type { Pod, Typed } from '../../api/types';
import { addQuantities, tryParseQuantity, type Quantity } from '../../api/quantity';

const QOS_RESOURCES = ['cpu', 'memory'];

export function podQosClass(pod: Typed<Pod>): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, raw] of Object.entries((c.resources?.requests ?? {}) as Record<string, unknown>)) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const q = tryParseQuantity(raw);
      if (!q || q.sign() <= 0) continue;
      requests.set(name, requests.has(name) ? addQuantities(q, requests.get(name)!) : q);
    }
    const found = new Set<string>();
    for (const [name, raw] of Object.entries((c.resources?.limits ?? {}) as Record<string, unknown>)) {
      if (!QOS_RESOURCES.includes(name)) continue;
      const q = tryParseQuantity(raw);
      if (!q || q.sign() <= 0) continue;
      found.add(name);
      limits.set(name, limits.has(name) ? addQuantities(q, limits.get(name)!) : q);
    }
    if (!found.has('memory') || !found.has('cpu')) guaranteed = false;
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
