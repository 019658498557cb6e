import type { KubeObject } from '../api/types';
import type { EventInput } from '../events/EventRecorder';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  readonly propagationPolicy?: PropagationPolicy;
  /** Pods only: overrides terminationGracePeriodSeconds; 0 removes at once (kubectl --force --grace-period=0). */
  readonly gracePeriodSeconds?: number;
  /** Delete only if the object still has this uid (controllers use it so they never delete a namesake). */
  readonly uid?: string;
}

/**
 * What controllers return instead of writing: the writer applies them in order. Models
 * sample-controller's "NEVER modify objects from the store" by making writes plain data.
 */
export type Action =
  | { readonly type: 'create'; readonly object: KubeObject }
  | { readonly type: 'update'; readonly object: KubeObject }
  | { readonly type: 'delete'; readonly kind: string; readonly namespace?: string; readonly name: string; readonly options?: DeleteOptions }
  /** repeatsAtMs: it happened once at each of these earlier times, not now (repeats a component skipped ahead of time and hands over late). */
  | { readonly type: 'event'; readonly event: EventInput; readonly repeatsAtMs?: readonly number[] };
