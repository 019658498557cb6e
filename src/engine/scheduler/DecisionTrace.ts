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

/**
 * The last decision per pod uid, oldest evicted first once either bound is reached.
 */
export class DecisionTraceStore {
  private readonly byUid = new Map<string, SchedulingDecision>();
  private nodeEntries = 0;

  record(decision: SchedulingDecision): void {
    const previous = this.byUid.get(decision.podUid);
    if (previous) {
      this.nodeEntries -= previous.nodes.length;
      this.byUid.delete(decision.podUid);
    }
    this.byUid.set(decision.podUid, decision);
    this.nodeEntries += decision.nodes.length;
    while (this.byUid.size > MAX_TRACED_PODS || (this.nodeEntries > MAX_TRACED_NODE_ENTRIES && this.byUid.size > 1)) {
      const [oldestUid, oldest] = this.byUid.entries().next().value as [string, SchedulingDecision];
      this.byUid.delete(oldestUid);
      this.nodeEntries -= oldest.nodes.length;
    }
  }

  get(podUid: string): SchedulingDecision | undefined {
    return this.byUid.get(podUid);
  }

  size(): number {
    return this.byUid.size;
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
