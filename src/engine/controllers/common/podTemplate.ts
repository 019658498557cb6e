import type { KubeObject, OwnerReference, Pod, PodTemplateSpec, Typed } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import type { Rng } from '../../random/Rng';
import { generateName } from '../../random/ids';
import { clone } from '../../util/clone';

/** Generated names are retried on collision, like the apiserver does for generateName. */
const MAX_NAME_ATTEMPTS = 8;

/**
 * Models controller_utils.go GetPodFromTemplate: labels, annotations and finalizers copied from the
 * template, `generateName: <owner>-`, the controller reference, and a deep copy of the spec.
 */
export function podFromTemplate(template: PodTemplateSpec | undefined, owner: KubeObject, controllerRef: OwnerReference | undefined): Typed<Pod> {
  const meta = template?.metadata ?? {};
  const pod: Typed<Pod> = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers?.length ? { finalizers: [...meta.finalizers] } : {}),
      ...(controllerRef ? { ownerReferences: [{ ...controllerRef }] } : {}),
    },
    spec: clone(template?.spec ?? { containers: [] }),
  };
  return pod;
}

/**
 * Picks the generated name in the controller, from its own seeded stream, so the SuccessfulCreate
 * event can name the pod as the real one does (the apiserver returns the name to the controller).
 * `taken` holds names already chosen in this reconcile.
 */
export function chooseGeneratedName(view: StoreView, kind: string, namespace: string | undefined, base: string, rng: Rng, taken: Set<string>): string {
  let name = generateName(base, rng);
  for (let attempt = 1; attempt < MAX_NAME_ATTEMPTS && (taken.has(name) || view.get(kind, namespace, name)); attempt++) {
    name = generateName(base, rng);
  }
  taken.add(name);
  return name;
}
