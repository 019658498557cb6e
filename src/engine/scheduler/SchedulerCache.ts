import type { Namespace, Node, Pod, Typed } from '../api/types';
import type { Selector } from '../api/labels';
import type { StoreView } from '../store/ObjectStore';
import type { WatchChange } from '../store/ObjectsDiff';
import { NodeInfo, isNonTerminalPod } from './NodeInfo';
import { hasAnyPodAffinity, hasRequiredAntiAffinity } from './affinityTerms';
import { deepEqual } from '../util/clone';

type PodMap = Map<string, Typed<Pod>>;

function uidOf(pod: Pod): string {
  return pod.metadata?.uid ?? `${pod.metadata?.namespace}/${pod.metadata?.name}`;
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function labelKey(ns: string, key: string, value: string): string {
  return `${ns}\u0000${key}\u0000${value}`;
}

/** A pod the scheduler accounts on a node: bound and not finished. */
function isAccounted(pod: Pod | undefined): pod is Typed<Pod> {
  return Boolean(pod?.spec?.nodeName) && isNonTerminalPod(pod!);
}

/**
 * The scheduler's view of the cluster, kept up to date from watch changes (the scheduler cache of
 * pkg/scheduler/backend/cache). Per-node aggregates are rebuilt lazily from `podsOnNode` when a pod on
 * that node changed, so a scheduling cycle costs per node visited, not per pod in the cluster.
 * Bound pods are also indexed by namespace and label so affinity and spreading look only at pods a
 * selector can match. Pods assumed during a scheduling batch are overlaid until their bind arrives.
 */
export class SchedulerCache {
  private view: StoreView | undefined;
  private nodeOrder: string[] = [];
  private readonly nodeSet = new Set<string>();
  private readonly infos = new Map<string, NodeInfo>();
  private readonly assumed: PodMap = new Map();
  private readonly byNamespace = new Map<string, PodMap>();
  private readonly byLabel = new Map<string, PodMap>();
  private readonly withRequiredAntiAffinity: PodMap = new Map();
  private readonly withAffinity: PodMap = new Map();
  /** Unbound pods with status.nominatedNodeName (preemptors waiting for their victims to go). */
  private readonly nominated = new Map<string, PodMap>();
  /** Per-node counts of matching pods for selectors spreading asked about, kept current incrementally. */
  private readonly counters = new Map<string, SelectorCounter>();
  /**
   * uid → the node a pod is counted on and the counters counting it: one lookup per pod change
   * instead of one per counter (a namespace with 30 ReplicaSets has 30 counters).
   */
  private readonly memberships = new Map<string, Membership>();

  /** Rebuilds everything from the store (start, or a view seen for the first time). */
  rebuild(view: StoreView): void {
    this.view = view;
    this.nodeOrder = [];
    this.nodeSet.clear();
    this.infos.clear();
    this.assumed.clear();
    this.byNamespace.clear();
    this.byLabel.clear();
    this.withRequiredAntiAffinity.clear();
    this.withAffinity.clear();
    this.nominated.clear();
    this.counters.clear();
    this.memberships.clear();
    for (const node of view.list<Node>('Node')) this.addNodeName(node.metadata.name);
    for (const pod of view.list<Pod>('Pod')) this.indexPod(pod, 1);
  }

  attach(view: StoreView): void {
    if (this.view !== view) this.rebuild(view);
  }

  /** Applies one watch change (the informer event handlers). */
  onChange(change: WatchChange): void {
    const obj = change.object;
    if (obj.kind === 'Node') {
      const name = obj.metadata.name;
      if (change.type === 'deleted') this.removeNodeName(name);
      else this.addNodeName(name);
      this.infos.delete(name);
      return;
    }
    if (obj.kind !== 'Pod') return;
    const old = change.old as Typed<Pod> | undefined;
    const pod = obj as Typed<Pod>;
    // Most changes are status writes to bound pods; they leave every selector count as it was.
    const counted = !(old && change.type === 'modified' && sameCountedPlacement(old, pod));
    if (old) this.indexPod(old, -1, counted);
    if (change.type !== 'deleted') this.indexPod(pod, 1, counted);
    else this.indexPod(pod, -1, counted);
    // The store now reflects this pod; an assumed copy of it is no longer needed.
    const uid = uidOf(pod);
    const assumed = this.assumed.get(uid);
    if (assumed && (change.type === 'deleted' || pod.spec?.nodeName)) {
      this.assumed.delete(uid);
      this.infos.delete(assumed.spec!.nodeName!);
    }
    const oldNode = old?.spec?.nodeName;
    if (change.type === 'modified' && oldNode && oldNode === pod.spec?.nodeName && this.assumed.size === 0 && isNonTerminalPod(old!) && isNonTerminalPod(pod)) {
      // A bound pod's update (mostly kubelet status writes): the store moved it to the end of the
      // node's pods, and so does remove + add, so the cached NodeInfo stays equal to a rebuild.
      const info = this.infos.get(oldNode);
      if (info && !info.removePod(old!)) this.infos.delete(oldNode);
      else info?.addPod(pod);
      return;
    }
    if (oldNode) this.infos.delete(oldNode);
    const node = pod.spec?.nodeName;
    if (node) this.infos.delete(node);
  }

  private addNodeName(name: string): void {
    if (this.nodeSet.has(name)) return;
    this.nodeSet.add(name);
    this.nodeOrder.push(name);
  }

  private removeNodeName(name: string): void {
    if (!this.nodeSet.delete(name)) return;
    this.nodeOrder = this.nodeOrder.filter((n) => n !== name);
  }

  private indexPod(pod: Typed<Pod>, sign: 1 | -1, counted = true): void {
    const uid = uidOf(pod);
    const nominatedNode = !pod.spec?.nodeName ? pod.status?.nominatedNodeName : undefined;
    if (nominatedNode) {
      if (sign > 0) mapOf(this.nominated, nominatedNode).set(uid, pod);
      else removeFrom(this.nominated, nominatedNode, uid);
    }
    if (!isAccounted(pod)) return;
    const ns = pod.metadata.namespace ?? 'default';
    if (counted && this.counters.size > 0) this.updateCounters(pod, uid, ns, sign);
    if (sign > 0) {
      mapOf(this.byNamespace, ns).set(uid, pod);
      // for-in (same order as Object.entries for a plain object): this runs twice per pod write.
      const labels = pod.metadata.labels;
      for (const k in labels) if (hasOwn(labels, k)) mapOf(this.byLabel, labelKey(ns, k, labels[k])).set(uid, pod);
      if (hasRequiredAntiAffinity(pod)) this.withRequiredAntiAffinity.set(uid, pod);
      if (hasAnyPodAffinity(pod)) this.withAffinity.set(uid, pod);
    } else {
      removeFrom(this.byNamespace, ns, uid);
      const labels = pod.metadata.labels;
      for (const k in labels) if (hasOwn(labels, k)) removeFrom(this.byLabel, labelKey(ns, k, labels[k]), uid);
      this.withRequiredAntiAffinity.delete(uid);
      this.withAffinity.delete(uid);
    }
  }

  /** The pod leaves the counters counting it, then joins those of its namespace that match it now. */
  private updateCounters(pod: Typed<Pod>, uid: string, ns: string, sign: 1 | -1): void {
    const before = this.memberships.get(uid);
    if (before) {
      if (Array.isArray(before.counters)) for (const counter of before.counters) counter.decrement(before.node);
      else before.counters.decrement(before.node);
    }
    let joined: SelectorCounter | SelectorCounter[] | undefined;
    const node = pod.spec!.nodeName!;
    if (sign > 0) {
      for (const counter of this.counters.values()) {
        if (counter.namespace !== ns || !counter.counts(pod)) continue;
        counter.increment(node);
        joined = joined === undefined ? counter : Array.isArray(joined) ? [...joined, counter] : [joined, counter];
      }
    }
    if (joined) this.memberships.set(uid, { node, counters: joined });
    else if (before) this.memberships.delete(uid);
  }

  /** Node names in the order the scheduler walks them (registration order, like a one-zone nodeTree). */
  nodeNames(): readonly string[] {
    return this.nodeOrder;
  }

  numNodes(): number {
    return this.nodeOrder.length;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    let info = this.infos.get(name);
    if (info) return info;
    const node = this.view?.get<Node>('Node', undefined, name);
    if (!node) return undefined;
    const pods = new Map<string, Typed<Pod>>();
    for (const pod of this.view!.podsOnNode(name)) if (isNonTerminalPod(pod)) pods.set(uidOf(pod), pod);
    for (const pod of this.assumed.values()) if (pod.spec?.nodeName === name) pods.set(uidOf(pod), pod);
    info = new NodeInfo(node, pods.values());
    this.infos.set(name, info);
    return info;
  }

  /** Assume: account a pod on a node before its bind is written (schedule_one.go assume). */
  assume(pod: Typed<Pod>, nodeName: string): Typed<Pod> {
    const bound = { ...pod, spec: { ...pod.spec!, nodeName } } as Typed<Pod>;
    const uid = uidOf(pod);
    this.assumed.set(uid, bound);
    this.infos.get(nodeName)?.addPod(bound);
    this.indexPod(bound, 1);
    return bound;
  }

  /** Drops assumed pods whose bind never arrived (a failed write); their nodes are recounted. */
  forgetAssumed(): void {
    for (const pod of this.assumed.values()) {
      this.infos.delete(pod.spec!.nodeName!);
      this.indexPod(pod, -1);
      const stored = this.view?.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
      if (stored) this.indexPod(stored, 1);
    }
    this.assumed.clear();
  }

  /** Bound (or assumed) pods in the given namespaces (all when undefined) whose labels match. */
  podsMatching(namespaces: Iterable<string> | undefined, selector: Selector): Typed<Pod>[] {
    const out: Typed<Pod>[] = [];
    const nsList = namespaces ? [...namespaces] : [...this.byNamespace.keys()];
    for (const ns of nsList) {
      const candidates = this.candidatesFor(ns, selector);
      if (!candidates) continue;
      for (const pod of candidates.values()) if (selector.matches(pod.metadata.labels ?? {})) out.push(pod);
    }
    return out;
  }

  /** The smallest label bucket an equality/in requirement points at, else the whole namespace. */
  private candidatesFor(ns: string, selector: Selector): PodMap | undefined {
    let best: PodMap | undefined;
    let found = false;
    for (const r of selector.requirements) {
      if (r.operator !== '=' && r.operator !== '==' && r.operator !== 'in') continue;
      let merged: PodMap | undefined;
      if (r.values.length === 1) merged = this.byLabel.get(labelKey(ns, r.key, r.values[0]));
      else {
        merged = new Map();
        for (const v of r.values) for (const [uid, p] of this.byLabel.get(labelKey(ns, r.key, v)) ?? []) merged.set(uid, p);
      }
      found = true;
      if (!merged) return undefined;
      if (!best || merged.size < best.size) best = merged;
    }
    return found ? best : this.byNamespace.get(ns);
  }

  /**
   * countPodsMatchSelector for every node at once: bound, unfinished, not terminating pods of the
   * namespace whose labels match. Built once per selector, then updated on every pod change, so a
   * ReplicaSet's thousandth replica costs no more to spread than its first.
   */
  matchingCounts(namespace: string, selector: Selector): ReadonlyMap<string, number> {
    const key = `${namespace}\u0000${selector.toString()}`;
    let counter = this.counters.get(key);
    if (!counter) {
      if (this.counters.size >= MAX_SELECTOR_COUNTERS) {
        const [oldestKey, oldest] = this.counters.entries().next().value as [string, SelectorCounter];
        this.counters.delete(oldestKey);
        this.forgetCounter(oldest);
      }
      counter = new SelectorCounter(namespace, selector);
      for (const pod of this.podsMatching([namespace], selector)) {
        if (!counter.counts(pod)) continue;
        const uid = uidOf(pod);
        const joined = this.memberships.get(uid);
        // A pod sits on one node, so every counter counting it counts it there.
        const node = joined?.node ?? pod.spec!.nodeName!;
        counter.increment(node);
        if (!joined) this.memberships.set(uid, { node, counters: counter });
        else joined.counters = Array.isArray(joined.counters) ? [...joined.counters, counter] : [joined.counters, counter];
      }
      this.counters.set(key, counter);
    } else {
      // Most recently used last, so the oldest is evicted first.
      this.counters.delete(key);
      this.counters.set(key, counter);
    }
    return counter.nodeCounts;
  }

  /** A dropped counter leaves every membership (rare: only past MAX_SELECTOR_COUNTERS selectors). */
  private forgetCounter(counter: SelectorCounter): void {
    for (const [uid, m] of this.memberships) {
      if (m.counters === counter) this.memberships.delete(uid);
      else if (Array.isArray(m.counters) && m.counters.includes(counter)) {
        const rest = m.counters.filter((c) => c !== counter);
        m.counters = rest.length === 1 ? rest[0] : rest;
      }
    }
  }

  podsWithRequiredAntiAffinity(): Iterable<Typed<Pod>> {
    return this.withRequiredAntiAffinity.values();
  }

  podsWithAffinity(): Iterable<Typed<Pod>> {
    return this.withAffinity.values();
  }

  hasPodsWithRequiredAntiAffinity(): boolean {
    return this.withRequiredAntiAffinity.size > 0;
  }

  hasPodsWithAffinity(): boolean {
    return this.withAffinity.size > 0;
  }

  hasNominatedPods(nodeName: string): boolean {
    return this.nominated.has(nodeName);
  }

  /** Unbound pods nominated to this node (by preemption), with their priority. */
  nominatedPods(nodeName: string): Typed<Pod>[] {
    return [...(this.nominated.get(nodeName)?.values() ?? [])];
  }

  namespaces(): { name: string; labels: Record<string, string> | undefined }[] {
    return (this.view?.list<Namespace>('Namespace') ?? []).map((n) => ({ name: n.metadata.name, labels: n.metadata.labels }));
  }

  namespaceLabels(name: string): Record<string, string> | undefined {
    return this.view?.get<Namespace>('Namespace', undefined, name)?.metadata.labels ?? {};
  }

  get store(): StoreView | undefined {
    return this.view;
  }
}

/** Same namespace, node, labels, accounting and deletion state: what SelectorCounter.update reads. */
function sameCountedPlacement(old: Typed<Pod>, pod: Typed<Pod>): boolean {
  return (
    old.metadata.uid === pod.metadata.uid &&
    (old.metadata.namespace ?? 'default') === (pod.metadata.namespace ?? 'default') &&
    old.spec?.nodeName === pod.spec?.nodeName &&
    isAccounted(old) === isAccounted(pod) &&
    Boolean(old.metadata.deletionTimestamp) === Boolean(pod.metadata.deletionTimestamp) &&
    (old.metadata.labels === pod.metadata.labels || deepEqual(old.metadata.labels, pod.metadata.labels))
  );
}

/** Selectors the cache keeps per-node counts for; beyond this the least recently used is dropped. */
const MAX_SELECTOR_COUNTERS = 256;

interface Membership {
  readonly node: string;
  /** One counter (the usual case: the pod's own ReplicaSet) or several. */
  counters: SelectorCounter | SelectorCounter[];
}

/** Per-node counts of the bound pods one selector matches; the cache's memberships say who is counted where. */
class SelectorCounter {
  readonly nodeCounts = new Map<string, number>();

  constructor(
    readonly namespace: string,
    readonly selector: Selector,
  ) {}

  /** Whether a bound, accounted pod belongs in these counts: it matches and is not terminating. */
  counts(pod: Typed<Pod>): boolean {
    return !pod.metadata.deletionTimestamp && this.selector.matches(pod.metadata.labels ?? {});
  }

  increment(node: string): void {
    this.nodeCounts.set(node, (this.nodeCounts.get(node) ?? 0) + 1);
  }

  decrement(node: string): void {
    const n = (this.nodeCounts.get(node) ?? 0) - 1;
    if (n > 0) this.nodeCounts.set(node, n);
    else this.nodeCounts.delete(node);
  }
}

function mapOf<K, V extends Map<string, Typed<Pod>>>(m: Map<K, V>, key: K): V {
  let v = m.get(key);
  if (!v) m.set(key, (v = new Map() as V));
  return v;
}

function removeFrom<K>(m: Map<K, PodMap>, key: K, uid: string): void {
  const inner = m.get(key);
  if (!inner) return;
  inner.delete(uid);
  if (inner.size === 0) m.delete(key);
}

