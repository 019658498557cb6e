import type { ObjectDto } from '../protocol/dto';
import { viewOf } from './clusterSlice';
import { matchesRequirements } from './labelSelector';
import type { StoreState } from './useStore';

/**
 * Hover highlights: pointing at an owner lights up what it controls ('owned') and the pods its
 * selector matches without owning them ('match', e.g. another controller's pods or orphans it is
 * about to adopt); everything else dims. Pointing at a pod lights up its owners.
 */
export type Highlight = 'self' | 'owned' | 'match' | 'dim' | undefined;

function ownerChain(objects: ReadonlyMap<string, ObjectDto>, obj: ObjectDto | undefined): string[] {
  const chain: string[] = [];
  let uid = obj?.owner?.uid;
  while (uid && chain.length < 8 && !chain.includes(uid)) {
    chain.push(uid);
    uid = objects.get(uid)?.owner?.uid;
  }
  return chain;
}

export function highlightOf(s: StoreState, uid: string): Highlight {
  const hover = s.hover;
  if (hover === undefined) return undefined;
  if (hover === uid) return 'self';
  const { objects } = viewOf(s);
  const hovered = objects.get(hover);
  const obj = objects.get(uid);
  if (!hovered || !obj) return 'dim';
  // What the hovered object controls, directly or through an owned owner.
  if (ownerChain(objects, obj).includes(hover)) return 'owned';
  // The hovered object's owners.
  if (ownerChain(objects, hovered).includes(uid)) return 'owned';
  if (hovered.dto === 'owner') {
    if (hovered.hpa && obj.dto === 'owner' && obj.kind === hovered.hpa.target.kind && obj.name === hovered.hpa.target.name) return 'owned';
    if (obj.dto === 'pod' && hovered.selectorRequirements && obj.namespace === hovered.namespace && matchesRequirements(hovered.selectorRequirements, obj.labels)) return 'match';
  }
  if (obj.dto === 'owner' && obj.hpa && hovered.dto === 'owner' && hovered.kind === obj.hpa.target.kind && hovered.name === obj.hpa.target.name) return 'owned';
  return 'dim';
}

/** Whether the pod's controller owner exists in the view: 'owned', 'orphan' (none) or 'ghost' (gone). */
export function ownerStateOf(s: StoreState, uid: string): 'owned' | 'orphan' | 'ghost' {
  const { objects } = viewOf(s);
  const owner = objects.get(uid)?.owner;
  if (!owner) return 'orphan';
  return owner.uid && objects.has(owner.uid) ? 'owned' : 'ghost';
}
