import type { KubeObject, Pod, Typed } from '../api/types';
import type { Labels, Selector } from '../api/labels';
import { matchesNothing } from '../api/labels';
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
  /** Objects of a kind in a namespace whose controller reference names this uid, in insertion order (as list). */
  controlledBy<T = KubeObject>(kind: string, namespace: string | undefined, uid: string): Typed<T>[];
  /** Objects of a kind in a namespace without a controller reference, in insertion order (as list). */
  orphans<T = KubeObject>(kind: string, namespace: string | undefined): Typed<T>[];
  /** controlledBy and orphans merged, in insertion order: the candidates a controller's claim can touch. */
  controlledByOrOrphans<T = KubeObject>(kind: string, namespace: string | undefined, uid: string): Typed<T>[];
  /**
   * Objects of a kind the selector matches, in insertion order: exactly list(kind, namespace) filtered
   * by the selector. Pods of one namespace are read through a label index when the selector has an
   * equality or set-membership requirement; anything else is a scan.
   */
  selecting<T = KubeObject>(kind: string, namespace: string | undefined, selector: Selector): Typed<T>[];
  /** orphans(kind, namespace) filtered by the selector, indexed like `selecting`: a claim's adoption candidates. */
  orphansSelecting<T = KubeObject>(kind: string, namespace: string | undefined, selector: Selector): Typed<T>[];
  readonly resourceVersion: number;
  /** Counts every put and remove, so a cache fed by watch changes can tell it missed one. */
  readonly writeCount: number;
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
  /** Insertion sequence per key, kept across updates: list() order, which the ordered indexes follow. */
  private readonly seqByKey = new Map<string, number>();
  private nextSeq = 0;
  private readonly byControllerUid = new Map<string, OrderedKeys>();
  /** `kind/namespace` → objects without a controller reference. */
  private readonly orphansByKindNs = new Map<string, OrderedKeys>();
  /** Pods by `namespace\0labelKey\0labelValue`. */
  private readonly podsByLabel = new Map<string, OrderedKeys>();
  /** The same for pods without a controller reference. */
  private readonly orphanPodsByLabel = new Map<string, OrderedKeys>();
  resourceVersion = 0;
  writeCount = 0;

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

  controlledBy<T = KubeObject>(kind: string, namespace: string | undefined, uid: string): Typed<T>[] {
    const keys = this.byControllerUid.get(uid);
    return keys ? this.resolve<T>(kind, namespace, keys.ordered().keys()) : [];
  }

  orphans<T = KubeObject>(kind: string, namespace: string | undefined): Typed<T>[] {
    const keys = this.orphansByKindNs.get(orphanSlot(kind, namespace));
    return keys ? this.resolve<T>(kind, namespace, keys.ordered().keys()) : [];
  }

  controlledByOrOrphans<T = KubeObject>(kind: string, namespace: string | undefined, uid: string): Typed<T>[] {
    const owned = this.byControllerUid.get(uid)?.ordered();
    const orphans = this.orphansByKindNs.get(orphanSlot(kind, namespace))?.ordered();
    if (!owned || !orphans) return this.resolve<T>(kind, namespace, (owned ?? orphans)?.keys() ?? EMPTY_KEYS);
    // Merge two seq-ordered runs, so the result is exactly the matching subsequence of list().
    const a = [...owned], b = [...orphans];
    const merged: string[] = [];
    let i = 0, j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i][1] < b[j][1])) merged.push(a[i++][0]);
      else merged.push(b[j++][0]);
    }
    return this.resolve<T>(kind, namespace, merged);
  }

  selecting<T = KubeObject>(kind: string, namespace: string | undefined, selector: Selector): Typed<T>[] {
    return this.selectWith(kind, namespace, selector, this.podsByLabel, () => this.list<T>(kind, namespace));
  }

  orphansSelecting<T = KubeObject>(kind: string, namespace: string | undefined, selector: Selector): Typed<T>[] {
    return this.selectWith(kind, namespace, selector, this.orphanPodsByLabel, () => this.orphans<T>(kind, namespace));
  }

  private selectWith<T>(kind: string, namespace: string | undefined, selector: Selector, index: Map<string, OrderedKeys>, scan: () => Typed<T>[]): Typed<T>[] {
    if (matchesNothing(selector)) return [];
    // The label index is per namespace; without one, `scan` has list()'s every-namespace meaning.
    if (kind !== 'Pod' || namespace === undefined) return filterBySelector(scan(), selector);
    // The narrowest positive requirement bounds the candidates; the selector then filters them.
    let best: OrderedKeys[] | undefined;
    let bestSize = Infinity;
    for (const requirement of selector.requirements) {
      if (requirement.operator !== '=' && requirement.operator !== '==' && requirement.operator !== 'in') continue;
      const postings: OrderedKeys[] = [];
      let size = 0;
      for (const value of new Set(requirement.values)) {
        const keys = index.get(labelSlot(namespace, requirement.key, value));
        if (keys) {
          postings.push(keys);
          size += keys.size;
        }
      }
      if (size < bestSize) {
        best = postings;
        bestSize = size;
      }
    }
    if (!best) return filterBySelector(scan(), selector);
    if (best.length === 0) return [];
    const keys = best.length === 1 ? best[0].ordered().keys() : mergeBySeq(best.map((postings) => postings.ordered()));
    return filterBySelector(this.resolve<T>(kind, namespace, keys), selector);
  }

  /** Inserts or replaces by key; returns the previous object. */
  put(obj: KubeObject): KubeObject | undefined {
    const key = keyOf(obj);
    let kindMap = this.byKind.get(obj.kind);
    if (!kindMap) this.byKind.set(obj.kind, (kindMap = new Map()));
    const old = kindMap.get(key);
    this.writeCount++;
    if (old) this.unindex(old, key, obj.metadata.uid);
    else this.seqByKey.set(key, this.nextSeq++);
    kindMap.set(key, obj);
    this.index(obj, key);
    this.reindexControl(old, obj, key);
    if (obj.kind === 'Pod') this.reindexLabels(old, obj, key);
    return old;
  }

  remove(obj: KubeObject): KubeObject | undefined {
    const key = keyOf(obj);
    const kindMap = this.byKind.get(obj.kind);
    const old = kindMap?.get(key);
    if (!old) return undefined;
    this.writeCount++;
    kindMap!.delete(key);
    this.unindex(old, key);
    this.reindexControl(old, undefined, key);
    if (old.kind === 'Pod') this.reindexLabels(old, undefined, key);
    this.seqByKey.delete(key);
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
    // Ordered indexes keep their read order; rebuilt seqs interleave kinds differently, so group by kind.
    const ordered = (m: Map<string, OrderedKeys>) =>
      [...m.entries()].filter(([, o]) => o.size > 0).map(([k, o]) => [k, byKindStable([...o.ordered().keys()])] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return JSON.stringify({
      uids: [...this.byUid.keys()].sort(),
      nodes: sortSets(this.podsByNode),
      owners: sortSets(this.byOwnerUid),
      controllers: ordered(this.byControllerUid),
      orphans: ordered(this.orphansByKindNs),
      podLabels: ordered(this.podsByLabel),
      orphanPodLabels: ordered(this.orphanPodsByLabel),
    });
  }

  /** A fresh store holding the same objects, with indexes built from scratch. */
  rebuilt(): ObjectStore {
    const fresh = new ObjectStore();
    for (const obj of this.all()) fresh.put(obj);
    fresh.resourceVersion = this.resourceVersion;
    return fresh;
  }

  private resolve<T>(kind: string, namespace: string | undefined, keys: Iterable<string>): Typed<T>[] {
    const kindMap = this.byKind.get(kind);
    if (!kindMap) return [];
    const out: Typed<T>[] = [];
    for (const key of keys) {
      const obj = kindMap.get(key);
      if (obj && obj.metadata.namespace === namespace) out.push(obj as Typed<T>);
    }
    return out;
  }

  /** Moves a key between the controller and orphan indexes only when its controller changes, so order never churns. */
  private reindexControl(old: KubeObject | undefined, obj: KubeObject | undefined, key: string): void {
    // null stands for "orphan"; old and obj share kind and namespace, so equal values mean the same slot.
    const oldUid = old ? controllerUid(old) : undefined;
    const newUid = obj ? controllerUid(obj) : undefined;
    if (oldUid === newUid) return;
    if (oldUid !== undefined) {
      const index = oldUid === null ? this.orphansByKindNs : this.byControllerUid;
      const at = oldUid ?? orphanSlot(old!.kind, old!.metadata.namespace);
      const keys = index.get(at);
      if (keys) {
        keys.delete(key);
        if (keys.size === 0) index.delete(at);
      }
    }
    if (newUid !== undefined) {
      const index = newUid === null ? this.orphansByKindNs : this.byControllerUid;
      const at = newUid ?? orphanSlot(obj!.kind, obj!.metadata.namespace);
      let keys = index.get(at);
      if (!keys) index.set(at, (keys = new OrderedKeys()));
      keys.add(key, this.seqByKey.get(key)!);
    }
  }

  private reindexLabels(old: KubeObject | undefined, obj: KubeObject | undefined, key: string): void {
    const namespace = (obj ?? old)!.metadata.namespace;
    this.repost(this.podsByLabel, old?.metadata.labels, obj?.metadata.labels, namespace, key);
    this.repost(this.orphanPodsByLabel, orphanLabels(old), orphanLabels(obj), namespace, key);
  }

  /** Touches a label index only for the pairs that changed, so unchanged postings keep their order. */
  private repost(index: Map<string, OrderedKeys>, oldLabels: Labels | undefined, newLabels: Labels | undefined, namespace: string | undefined, key: string): void {
    if (oldLabels === newLabels) return;
    for (const name in oldLabels) {
      if (has(newLabels, name) && newLabels![name] === oldLabels[name]) continue;
      const slot = labelSlot(namespace, name, oldLabels[name]);
      const keys = index.get(slot);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) index.delete(slot);
    }
    for (const name in newLabels) {
      if (has(oldLabels, name) && oldLabels![name] === newLabels[name]) continue;
      const slot = labelSlot(namespace, name, newLabels[name]);
      let keys = index.get(slot);
      if (!keys) index.set(slot, (keys = new OrderedKeys()));
      keys.add(key, this.seqByKey.get(key)!);
    }
  }

  private index(obj: KubeObject, key: string): void {
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
    if (obj.kind === 'Pod') {
      const nodeName = (obj as Typed<Pod>).spec?.nodeName;
      if (nodeName) addTo(this.podsByNode, nodeName, key);
    }
    for (const ref of obj.metadata.ownerReferences ?? []) addTo(this.byOwnerUid, ref.uid, key);
  }

  /**
   * `keptUid`: the replacing object's uid, left in byUid to be overwritten in place: deleting and
   * re-adding a key in a Map of 10⁵ entries costs microseconds (V8 compacts the table), setting it nanoseconds.
   */
  private unindex(obj: KubeObject, key: string, keptUid?: string): void {
    if (obj.metadata.uid && obj.metadata.uid !== keptUid) this.byUid.delete(obj.metadata.uid);
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

const EMPTY_KEYS: readonly string[] = Object.freeze([]);

function labelSlot(namespace: string | undefined, name: string, value: string): string {
  return `${namespace ?? ''}\0${name}\0${value}`;
}

/** Keys of several seq-ordered postings, each once, in seq order. */
function mergeBySeq(postings: readonly ReadonlyMap<string, number>[]): string[] {
  const seqByKey = new Map<string, number>();
  for (const posting of postings) for (const [key, seq] of posting) seqByKey.set(key, seq);
  return [...seqByKey].sort((a, b) => a[1] - b[1]).map(([key]) => key);
}

/** An orphan's labels (as the orphan label index holds them), undefined for an absent or controlled object. */
function orphanLabels(obj: KubeObject | undefined): Labels | undefined {
  return obj && controllerUid(obj) === null ? obj.metadata.labels ?? EMPTY_LABELS : undefined;
}

const EMPTY_LABELS: Labels = Object.freeze({});

function has(labels: Labels | undefined, name: string): boolean {
  return labels !== undefined && Object.prototype.hasOwnProperty.call(labels, name);
}

function filterBySelector<T extends KubeObject>(objects: readonly T[], selector: Selector): T[] {
  const out: T[] = [];
  for (const obj of objects) if (selector.matches(obj.metadata.labels as Labels | undefined)) out.push(obj);
  return out;
}

function orphanSlot(kind: string, namespace: string | undefined): string {
  return `${kind}/${namespace ?? ''}`;
}

/** The uid of the object's controller, or null for an orphan. */
function controllerUid(obj: KubeObject): string | null {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (const ref of refs) if (ref.controller === true) return ref.uid ?? '';
  return null;
}

function byKindStable(keys: string[]): string[] {
  const kindOf = (key: string) => key.slice(0, key.indexOf('/'));
  return keys.map((key, i) => ({ key, i })).sort((a, b) => (kindOf(a.key) < kindOf(b.key) ? -1 : kindOf(a.key) > kindOf(b.key) ? 1 : a.i - b.i)).map((e) => e.key);
}

/**
 * Keys with their insertion seqs, read in seq order. Appends (new objects) keep the map sorted; an
 * out-of-order add (adoption, release) marks it unsorted and the next read sorts once.
 */
class OrderedKeys {
  private map = new Map<string, number>();
  private lastSeq = -1;
  private sorted = true;

  get size(): number {
    return this.map.size;
  }

  add(key: string, seq: number): void {
    if (this.map.has(key)) return;
    if (seq < this.lastSeq) this.sorted = false;
    else this.lastSeq = seq;
    this.map.set(key, seq);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  ordered(): ReadonlyMap<string, number> {
    if (!this.sorted) {
      this.map = new Map([...this.map.entries()].sort((a, b) => a[1] - b[1]));
      this.sorted = true;
    }
    return this.map;
  }
}
