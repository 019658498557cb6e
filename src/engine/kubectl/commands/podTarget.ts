/**
 * Picking the pod and container that logs and exec talk to (polymorphichelpers
 * AttachablePodForObject and podcmd.FindOrDefaultContainerByName).
 */
import type { KubeObject, Pod, Typed } from '../../api/types';
import { labelSelectorFor, setSelectorFor } from '../../controllers/common/selectors';
import { sortActivePods } from '../../controllers/common/activePods';
import { ApiError } from '../../apiserver/errors';
import type { KubectlContext } from '../context';
import { fail, failFromServer } from '../errors';
import { getObject } from '../objects';
import { resolveResourceType } from '../resources';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Pods a workload selects, most "active" first (the reverse of controller ActivePods order). */
function podsOf(ctx: KubectlContext, obj: KubeObject): Typed<Pod>[] {
  const spec = obj.spec as { selector?: unknown } | undefined;
  const selector = obj.kind === 'ReplicationController' ? setSelectorFor(obj, spec?.selector as Record<string, string>) : labelSelectorFor(obj, spec?.selector as never);
  if (!selector) return [];
  const pods = ctx.sim.store.list<Pod>('Pod', obj.metadata.namespace).filter((p) => selector.matches(p.metadata.labels));
  return sortActivePods(pods).reverse();
}

/** The pod for `NAME`, `pod/NAME` or `TYPE/NAME` of a workload; notes "Found N pods" on stderr. */
export function attachablePod(ctx: KubectlContext, arg: string): Typed<Pod> {
  const slash = arg.indexOf('/');
  const type = slash >= 0 ? resolveResourceType(arg.slice(0, slash)) : resolveResourceType('pods');
  const name = slash >= 0 ? arg.slice(slash + 1) : arg;
  const found = getObject(ctx, type, ctx.namespace, name);
  if (found instanceof ApiError) failFromServer(found);
  if (found.kind === 'Pod') return found as Typed<Pod>;
  if (!['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet'].includes(found.kind)) fail(`cannot attach to ${found.kind.toLowerCase()}: selector for ${found.kind} not implemented`);
  const pods = podsOf(ctx, found);
  if (pods.length === 0) fail('timed out waiting for the condition');
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

/** podcmd.AllContainerNames. */
function allContainerNames(pod: Typed<Pod>): string {
  return [...(pod.spec?.containers ?? []).map((c) => c.name), ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`), ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

/**
 * FindOrDefaultContainerByName: the named container, the default-container annotation, or the
 * first container (saying so on stderr when the pod has others). Returns undefined for a
 * missing named container when `strict` is false (logs lets the server reject it).
 */
export function chooseContainer(ctx: KubectlContext, pod: Typed<Pod>, name: string, strict: boolean): string {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])];
  if (name) {
    if (strict && !all.some((c) => c.name === name)) fail(`container ${name} not found in pod ${pod.metadata.name}`);
    return name;
  }
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 0) fail(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && all.some((c) => c.name === annotated)) return annotated;
  const first = containers[0].name;
  if (containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0) {
    ctx.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}
