import type { StatusCode } from './framework';

/**
 * "Why here?" / "Why Pending?" as data: what every filter said about every node the scheduler
 * looked at, every node's scores per plugin, and the outcome. The UI and `kubectl describe` read it;
 * nothing here feeds back into scheduling.
 */

export interface FilterVerdict {
  readonly plugin: string;
  readonly code: StatusCode;
  readonly reasons: readonly string[];
}

export interface PluginScore {
  readonly plugin: string;
  /** What Score returned. */
  readonly raw: number;
  /** After NormalizeScore (0–100). */
  readonly normalized: number;
  readonly weight: number;
  /** normalized × weight: this plugin's share of the total. */
  readonly weighted: number;
}

export interface NodeDecision {
  readonly node: string;
  readonly feasible: boolean;
  /**
   * The filter that rejected the node. Filters run in `SchedulingDecision.filterOrder` and stop at
   * the first failure, so every filter before this one passed (or was skipped).
   */
  readonly rejectedBy?: FilterVerdict;
  /** Present when the node was scored (two or more feasible nodes). */
  readonly scores?: readonly PluginScore[];
  readonly totalScore?: number;
}

export interface PreemptionTrace {
  /** The PostFilter message that ends the FailedScheduling text (empty when preemption found a node). */
  readonly message: string;
  readonly nominatedNode?: string;
  readonly victims?: readonly { readonly namespace: string; readonly name: string; readonly priority: number }[];
  /** Per node, why preemption could or could not help there. */
  readonly nodes: readonly { readonly node: string; readonly result: string }[];
}

export type DecisionOutcome = 'Scheduled' | 'Unschedulable' | 'SchedulingGated' | 'Error';

export interface SchedulingDecision {
  readonly podUid: string;
  readonly namespace: string;
  readonly name: string;
  readonly atMs: number;
  /** 1 for the first attempt, then counting retries. */
  readonly attempt: number;
  readonly outcome: DecisionOutcome;
  readonly nodeName?: string;
  /** The FailedScheduling / condition message, or the Scheduled event text. */
  readonly message: string;
  readonly numAllNodes: number;
  /** Nodes whose filters ran (large clusters stop after enough feasible nodes: percentageOfNodesToScore). */
  readonly evaluatedNodes: number;
  readonly feasibleNodes: number;
  /** PreFilter plugins that rejected the pod outright or restricted the node list. */
  readonly preFilter: readonly { readonly plugin: string; readonly result: string }[];
  /** Filter plugins in the order they run on each node. */
  readonly filterOrder: readonly string[];
  /** Filters whose PreFilter said there is nothing to check for this pod. */
  readonly skippedFilters: readonly string[];
  /** Per-node details; on large clusters only the chosen node and the best-scored or first rejected ones are kept. */
  readonly nodes: readonly NodeDecision[];
  /** Nodes evaluated but left out of `nodes` to bound memory. */
  readonly omittedNodes: number;
  /** Every rejection reason with how many nodes gave it (the FitError histogram, before sorting). */
  readonly reasonCounts: Readonly<Record<string, number>>;
  /** Nodes sharing the best total score; the winner is drawn from them with the seeded RNG. */
  readonly tiedNodes?: readonly string[];
  readonly preemption?: PreemptionTrace;
  /** Plain-language notes (nominated node tried first, only one feasible node so no scoring, …). */
  readonly notes: readonly string[];
}

/** Bounds: decisions kept, and per-node entries kept across all of them (5,000-node clusters add up). */
export const MAX_TRACED_PODS = 5_000;
export const MAX_TRACED_NODE_ENTRIES = 200_000;
/** Separate bounds for the decisions of pods still waiting, so a burst of scheduled pods cannot push them out. */
export const MAX_PINNED_TRACED_PODS = 5_000;
export const MAX_PINNED_NODE_ENTRIES = 200_000;

/**
 * Scored node entries held compactly: a scored NodeDecision with its PluginScore objects costs
 * about 370 bytes, these arrays about 80. `entries[i]` is a node decision kept as it was, or
 * undefined for a packed scored one: name in `names[i]`, then `values` holds its total followed by
 * raw and normalized per plugin (weights and plugin names are shared by the whole decision).
 */
export interface PackedNodes {
  readonly entries: (NodeDecision | undefined)[];
  readonly names: (string | undefined)[];
  readonly plugins: readonly string[];
  readonly weights: readonly number[];
  readonly offsets: Int32Array;
  readonly values: Float64Array;
}

interface StoredDecision {
  /** With `nodes` emptied when they are packed. */
  readonly decision: SchedulingDecision;
  readonly packed: PackedNodes | undefined;
  readonly nodeCount: number;
}

/** The nodes of a stored decision whose nodes are packed (a caller passing pre-packed nodes may use it too: no copy is made). */
export const NO_NODES: readonly NodeDecision[] = Object.freeze([]);

const SCORED_KEYS = ['node', 'feasible', 'scores', 'totalScore'];
const SCORE_KEYS = ['plugin', 'raw', 'normalized', 'weight', 'weighted'];

/** Object.keys(obj) equals keys, without allocating the key list (plain objects: for-in lists the own keys in that order). */
function sameKeys(obj: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in obj) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** Packs the scored entries that rebuild exactly (same keys, plugins and weights, weighted = normalized × weight). */
function pack(nodes: readonly NodeDecision[]): PackedNodes | undefined {
  // Plain loops: this runs once per scheduling decision.
  let plugins: string[] | undefined;
  let weights: number[] | undefined;
  const packable: boolean[] = new Array<boolean>(nodes.length);
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    packable[i] = false;
    if (n.feasible !== true || !n.scores || typeof n.totalScore !== 'number' || !sameKeys(n, SCORED_KEYS)) continue;
    const scores = n.scores;
    if (!plugins || !weights) {
      plugins = scores.map((sc) => sc.plugin);
      weights = scores.map((sc) => sc.weight);
    }
    if (scores.length !== plugins.length) continue;
    let ok = true;
    for (let j = 0; j < scores.length; j++) {
      const sc = scores[j];
      if (!sameKeys(sc, SCORE_KEYS) || sc.plugin !== plugins[j] || sc.weight !== weights[j] || sc.weighted !== sc.normalized * sc.weight) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    packable[i] = true;
    count++;
  }
  if (count === 0 || !plugins || !weights) return undefined;
  const stride = 1 + 2 * plugins.length;
  const values = new Float64Array(count * stride);
  const offsets = new Int32Array(nodes.length).fill(-1);
  const entries: (NodeDecision | undefined)[] = new Array<NodeDecision | undefined>(nodes.length);
  const names: (string | undefined)[] = new Array<string | undefined>(nodes.length);
  let at = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!packable[i]) {
      entries[i] = n;
      names[i] = undefined;
      continue;
    }
    entries[i] = undefined;
    names[i] = n.node;
    offsets[i] = at;
    values[at] = n.totalScore!;
    const scores = n.scores!;
    for (let j = 0; j < scores.length; j++) {
      values[at + 1 + 2 * j] = scores[j].raw;
      values[at + 2 + 2 * j] = scores[j].normalized;
    }
    at += stride;
  }
  return { entries, names, plugins, weights, offsets, values };
}

/**
 * What `pack` makes of `count` scored entries (values laid out as pack does, each with plugins and
 * weights, weighted = normalized × weight, never NaN) followed by `rest`, none of them scored: the
 * scheduler builds this directly instead of objects that pack would take apart at once.
 */
export function packedScored(names: string[], plugins: readonly string[], weights: readonly number[], values: Float64Array, rest: readonly NodeDecision[]): PackedNodes {
  const count = names.length;
  const total = count + rest.length;
  const stride = 1 + 2 * plugins.length;
  const offsets = new Int32Array(total).fill(-1);
  const entries: (NodeDecision | undefined)[] = new Array<NodeDecision | undefined>(total);
  const allNames: (string | undefined)[] = new Array<string | undefined>(total);
  for (let i = 0; i < count; i++) {
    entries[i] = undefined;
    allNames[i] = names[i];
    offsets[i] = i * stride;
  }
  for (let i = 0; i < rest.length; i++) {
    entries[count + i] = rest[i];
    allNames[count + i] = undefined;
  }
  return { entries, names: allNames, plugins, weights, offsets, values };
}

/** The NodeDecisions a packed list stands for (new objects). */
export function unpack(p: PackedNodes): NodeDecision[] {
  return p.entries.map((entry, i) => {
    if (entry) return entry;
    const at = p.offsets[i];
    const scores: PluginScore[] = p.plugins.map((plugin, j) => {
      const normalized = p.values[at + 2 + 2 * j];
      return { plugin, raw: p.values[at + 1 + 2 * j], normalized, weight: p.weights[j], weighted: normalized * p.weights[j] };
    });
    return { node: p.names[i]!, feasible: true, scores, totalScore: p.values[at] };
  });
}

/** One bounded, insertion-ordered tier of stored decisions. */
class TraceTier {
  readonly byUid = new Map<string, StoredDecision>();
  private nodeEntries = 0;

  constructor(
    private readonly maxPods: number,
    private readonly maxNodeEntries: number,
  ) {}

  take(uid: string): StoredDecision | undefined {
    const stored = this.byUid.get(uid);
    if (stored) {
      this.byUid.delete(uid);
      this.nodeEntries -= stored.nodeCount;
    }
    return stored;
  }

  /** Adds as the newest, then drops the oldest until both bounds hold (the newest always stays). */
  put(uid: string, stored: StoredDecision): void {
    this.byUid.set(uid, stored);
    this.nodeEntries += stored.nodeCount;
    while (this.byUid.size > this.maxPods || (this.nodeEntries > this.maxNodeEntries && this.byUid.size > 1)) {
      const [oldestUid, oldest] = this.byUid.entries().next().value as [string, StoredDecision];
      this.byUid.delete(oldestUid);
      this.nodeEntries -= oldest.nodeCount;
    }
  }
}

/**
 * The last decision per pod uid, in two bounded tiers so memory does not grow with the number of
 * pods ever scheduled: decisions of pods still waiting (Unschedulable, gated, Error), whose "why
 * Pending?" matters most, are pinned and only give way to other waiting pods; every other decision
 * is recent history, oldest evicted first. `release` moves a pinned decision to history once its
 * pod is bound elsewhere, deleted or no longer ours. Scored node entries are stored packed and
 * rebuilt by `get` (equal data, new objects). An evicted decision is simply absent: `get` answers
 * undefined, which readers present as "not kept".
 */
export class DecisionTraceStore {
  private readonly recent = new TraceTier(MAX_TRACED_PODS, MAX_TRACED_NODE_ENTRIES);
  private readonly pending = new TraceTier(MAX_PINNED_TRACED_PODS, MAX_PINNED_NODE_ENTRIES);

  /** `prePacked`: the decision's nodes already packed (`decision.nodes` is then empty), as from `packedScored`. */
  record(decision: SchedulingDecision, prePacked?: PackedNodes): void {
    const uid = decision.podUid;
    this.recent.take(uid);
    this.pending.take(uid);
    const packed = prePacked ?? pack(decision.nodes);
    const nodeCount = prePacked ? prePacked.entries.length : decision.nodes.length;
    const stored: StoredDecision = { decision: packed && decision.nodes !== NO_NODES ? { ...decision, nodes: NO_NODES } : decision, packed, nodeCount };
    (decision.outcome === 'Scheduled' ? this.recent : this.pending).put(uid, stored);
  }

  /** The pod no longer waits for this scheduler: its pinned decision becomes ordinary history. */
  release(podUid: string): void {
    const stored = this.pending.take(podUid);
    if (stored) this.recent.put(podUid, stored);
  }

  get(podUid: string): SchedulingDecision | undefined {
    const stored = this.pending.byUid.get(podUid) ?? this.recent.byUid.get(podUid);
    if (!stored) return undefined;
    return stored.packed ? { ...stored.decision, nodes: unpack(stored.packed) } : stored.decision;
  }

  size(): number {
    return this.recent.byUid.size + this.pending.byUid.size;
  }

  /** Decisions pinned because their pod still waits. */
  pinnedCount(): number {
    return this.pending.byUid.size;
  }
}

/** One line per node, for logs and tests: `node-1: NodeResourcesFit: Insufficient cpu` / `node-2: score 287`. */
export function formatDecision(d: SchedulingDecision): string {
  const lines = [`${d.namespace}/${d.name} attempt ${d.attempt}: ${d.outcome}${d.nodeName ? ` → ${d.nodeName}` : ''}`];
  for (const n of d.nodes) {
    const failed = n.rejectedBy;
    if (failed) lines.push(`  ${n.node}: ${failed.plugin}: ${failed.reasons.join(', ')}`);
    else if (n.totalScore !== undefined) lines.push(`  ${n.node}: score ${n.totalScore} (${(n.scores ?? []).map((s) => `${s.plugin} ${s.weighted}`).join(', ')})`);
    else lines.push(`  ${n.node}: feasible`);
  }
  return lines.join('\n');
}
