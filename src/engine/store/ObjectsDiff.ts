import type { KubeObject } from '../api/types';

/** One write's effect, as tldraw's RecordsDiff: what appeared, what changed (from → to), what went. */
export interface WatchChange {
  readonly type: 'added' | 'modified' | 'deleted';
  readonly object: KubeObject;
  /** The object before the write (modified and deleted). */
  readonly old?: KubeObject;
}

export interface ObjectsDiff {
  added: Map<string, KubeObject>;
  updated: Map<string, [KubeObject, KubeObject]>;
  removed: Map<string, KubeObject>;
}

export function emptyDiff(): ObjectsDiff {
  return { added: new Map(), updated: new Map(), removed: new Map() };
}

/** Folds a change into a diff keyed by uid, so a batch carries each object once with its net effect. */
export function squashInto(diff: ObjectsDiff, change: WatchChange): void {
  const uid = change.object.metadata.uid!;
  if (change.type === 'added') {
    if (diff.removed.has(uid)) {
      const before = diff.removed.get(uid)!;
      diff.removed.delete(uid);
      diff.updated.set(uid, [before, change.object]);
    } else diff.added.set(uid, change.object);
  } else if (change.type === 'modified') {
    if (diff.added.has(uid)) diff.added.set(uid, change.object);
    else {
      const prior = diff.updated.get(uid);
      diff.updated.set(uid, [prior ? prior[0] : change.old!, change.object]);
    }
  } else {
    if (diff.added.has(uid)) diff.added.delete(uid);
    else {
      const prior = diff.updated.get(uid);
      diff.updated.delete(uid);
      diff.removed.set(uid, prior ? prior[0] : change.object);
    }
  }
}

export function isEmptyDiff(diff: ObjectsDiff): boolean {
  return diff.added.size === 0 && diff.updated.size === 0 && diff.removed.size === 0;
}
