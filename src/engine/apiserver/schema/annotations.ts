/**
 * Documentation of Podlab's own `podlab.dev/` annotations, so editor hover and completion can show
 * them. Modules that read an annotation register it here (the kubelet registers its container
 * behaviour models); the schema only renders what is registered.
 */
import { NODE_FAILURE_ANNOTATION, PODLAB_PREFIX } from '../../api/node';

export interface PodlabAnnotationDoc {
  /** Full key, starting with `podlab.dev/`. */
  readonly key: string;
  /** Kinds whose metadata (or pod template metadata) the annotation is read from. */
  readonly appliesTo: readonly string[];
  /** What setting it does, in one or two sentences (Markdown allowed). */
  readonly description: string;
  /** An example value. */
  readonly example?: string;
}

const docs = new Map<string, PodlabAnnotationDoc>();

export function registerPodlabAnnotation(doc: PodlabAnnotationDoc): void {
  if (!doc.key.startsWith(PODLAB_PREFIX)) throw new Error(`Podlab annotations use the ${PODLAB_PREFIX} prefix: ${doc.key}`);
  docs.set(doc.key, doc);
}

/** Registered annotations, sorted by key; `kind` keeps those that apply to it (pods also get template ones). */
export function podlabAnnotations(kind?: string): PodlabAnnotationDoc[] {
  return [...docs.values()]
    .filter((d) => kind === undefined || d.appliesTo.includes(kind))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

registerPodlabAnnotation({
  key: NODE_FAILURE_ANNOTATION,
  appliesTo: ['Node'],
  description: 'Simulates a machine failure: while set (to any value), the node\'s kubelet stops sending heartbeats, running probes and updating pods. Remove it to bring the node back.',
  example: 'powered-off',
});
