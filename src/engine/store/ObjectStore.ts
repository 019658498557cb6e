import type { KubeObject, Pod, Typed } from '../api/types';
import { keyOf, objectKey } from '../api/types';

/**
 * The read side every controller, the scheduler, the kubelet and kubectl see. Objects handed out
 * are the stored ones: treat them as immutable (they are frozen in tests), copy before changing.
 */
export interface StoreView {
  get<T = KubeObject>(kind: string, namespace: string | undefined, name: string): Typed<T> | undefined;
  getByUid(uid: string): KubeObject | undefined;
  /** Objects of a kind in insertion order, optionally one namespace only. */
  list<T = KubeObject>(kind: string, namespace?: string): Typed<T>[];
  count(kind: string): number;
  podsOnNode(nodeName: string): Typed<Pod>[];
  /** Objects whose ownerReferences name this uid (controller or not). */
  dependentsOf(uid: string): KubeObject[];
  readonly resourceVersion: number;
}

/**
 * The apiserver's storage. Only the writer (sim/Writer.ts) calls the mutating methods; indexes are
 * maintained incrementally and can be rebuilt from scratch to check them (invariants).
 */
export class ObjectStore implements StoreView {
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  private readonly byUid = new Map<string, KubeObject>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly byOwnerUid = new Map<string, Set<string>>();
  resourceVersion = 0;

  get<T = KubeObject>(kind: string, namespace: string | undefined, name: string): Typed<T> | undefined {
    return this.byKind.get(kind)?.get(objectKey(kind, namespace, name)) as Typed<T> | undefined;
  }

  getByUid(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  list<T = KubeObject>(kind: string, namespace?: string): Typed<T>[] {
    const all = this.byKind.get(kind);
    if (!all) return [];
    const out: Typed<T>[] = [];
    for (const obj of all.values()) {
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj as Typed<T>);
    }
    return out;
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  podsOnNode(nodeName: string): Typed<Pod>[] {
    const keys = this.podsByNode.get(nodeName);
    if (!keys) return [];
    const pods = this.byKind.get('Pod')!;
    return [...keys].map((key) => pods.get(key) as Typed<Pod>);
  }

  dependentsOf(uid: string): KubeObject[] {
    const keys = this.byOwnerUid.get(uid);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const key of keys) {
      const kind = key.slice(0, key.indexOf('/'));
      const obj = this.byKind.get(kind)?.get(key);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** Inserts or replaces by key; returns the previous object. */
  put(obj: KubeObject): KubeObject | undefined {
    const key = keyOf(obj);
    let kindMap = this.byKind.get(obj.kind);
    if (!kindMap) this.byKind.set(obj.kind, (kindMap = new Map()));
    const old = kindMap.get(key);
    if (old) this.unindex(old, key);
    kindMap.set(key, obj);
    this.index(obj, key);
    return old;
  }

  remove(obj: KubeObject): KubeObject | undefined {
    const key = keyOf(obj);
    const kindMap = this.byKind.get(obj.kind);
    const old = kindMap?.get(key);
    if (!old) return undefined;
    kindMap!.delete(key);
    this.unindex(old, key);
    return old;
  }

  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const kindMap of this.byKind.values()) out.push(...kindMap.values());
    return out;
  }

  /** Index contents as sorted plain data, to compare the incremental indexes with a rebuild. */
  indexSignature(): string {
    const sortSets = (m: Map<string, Set<string>>) =>
      [...m.entries()].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return JSON.stringify({ uids: [...this.byUid.keys()].sort(), nodes: sortSets(this.podsByNode), owners: sortSets(this.byOwnerUid) });
  }

  /** A fresh store holding the same objects, with indexes built from scratch. */
  rebuilt(): ObjectStore {
    const fresh = new ObjectStore();
    for (const obj of this.all()) fresh.put(obj);
    fresh.resourceVersion = this.resourceVersion;
    return fresh;
  }

  private index(obj: KubeObject, key: string): void {
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
    if (obj.kind === 'Pod') {
      const nodeName = (obj as Typed<Pod>).spec?.nodeName;
      if (nodeName) addTo(this.podsByNode, nodeName, key);
    }
    for (const ref of obj.metadata.ownerReferences ?? []) addTo(this.byOwnerUid, ref.uid, key);
  }

  private unindex(obj: KubeObject, key: string): void {
    if (obj.metadata.uid) this.byUid.delete(obj.metadata.uid);
    if (obj.kind === 'Pod') {
      const nodeName = (obj as Typed<Pod>).spec?.nodeName;
      if (nodeName) removeFrom(this.podsByNode, nodeName, key);
    }
    for (const ref of obj.metadata.ownerReferences ?? []) removeFrom(this.byOwnerUid, ref.uid, key);
  }
}

function addTo(index: Map<string, Set<string>>, at: string, key: string): void {
  let set = index.get(at);
  if (!set) index.set(at, (set = new Set()));
  set.add(key);
}

function removeFrom(index: Map<string, Set<string>>, at: string, key: string): void {
  const set = index.get(at);
  if (!set) return;
  set.delete(key);
  if (set.size === 0) index.delete(at);
}
