import type { LabelSelector } from '../../api/types';
import { LabelSelectorError, selectorFromLabelSelector, selectorFromSet, type Labels, type Selector } from '../../api/labels';

// Stored objects never change (writes replace them), so a selector parsed once per object is safe to reuse.
const labelSelectorCache = new WeakMap<object, Selector | null>();
const setSelectorCache = new WeakMap<object, Selector>();

/**
 * metav1.LabelSelectorAsSelector of `spec.selector`, cached per stored object; undefined when the
 * selector does not convert (controllers log and skip such objects).
 */
export function labelSelectorFor(owner: object, selector: LabelSelector | null | undefined): Selector | undefined {
  const cached = labelSelectorCache.get(owner);
  if (cached !== undefined) return cached ?? undefined;
  let parsed: Selector | null;
  try {
    parsed = selectorFromLabelSelector(selector as never);
  } catch (error) {
    if (!(error instanceof LabelSelectorError)) throw error;
    parsed = null;
  }
  labelSelectorCache.set(owner, parsed);
  return parsed ?? undefined;
}

/** labels.SelectorFromSet of an equality map (ReplicationController spec.selector), cached per stored object. */
export function setSelectorFor(owner: object, set: Labels | undefined): Selector {
  let cached = setSelectorCache.get(owner);
  if (!cached) setSelectorCache.set(owner, (cached = selectorFromSet(set)));
  return cached;
}
