import type { Pod, Typed } from '../api/types';
import type { Rng } from '../random/Rng';
import { CycleState, podPriority, statusMessage, unresolvable, type NodeScore, type SchedulerPlugin, type SchedulingHandle, type Status } from './framework';
import { fitErrorMessage, newDiagnosis, type Diagnosis } from './fitError';
import type { NodeInfo } from './NodeInfo';
import { packedScored, unpack, type FilterVerdict, type NodeDecision, type PackedNodes, type PluginScore } from './DecisionTrace';

const NO_PODS: readonly Typed<Pod>[] = [];
/** Shared by every passing node (read-only): a filter pass is the hot path of a cycle. */
const FILTER_SUCCESS: FilterRun = Object.freeze({ status: Object.freeze({ code: 'Success', reasons: Object.freeze([]) as unknown as string[] }) as Status });

/** ErrNoNodesAvailable. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** numFeasibleNodesToFind constants (pkg/scheduler/schedule_one.go). */
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
/** Per-node details kept in a decision trace beyond the chosen node. */
const MAX_TRACED_NODES = 50;

/**
 * numFeasibleNodesToFind with the adaptive default percentageOfNodesToScore: every node below 100
 * nodes, else 50% − nodes/125 (at least 5%), and never fewer than 100.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = 50 - Math.trunc(numAllNodes / 125);
  if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export interface AlgorithmState {
  /** Where the next cycle starts walking the node list (nextStartNodeIndex), so all nodes get a turn. */
  nextStartNodeIndex: number;
}

export interface FilterRun {
  readonly status: Status;
  readonly verdict?: FilterVerdict;
}

export interface ScheduleAttempt {
  readonly pod: Typed<Pod>;
  readonly state: CycleState;
  readonly numAllNodes: number;
  readonly diagnosis: Diagnosis;
  /** Set when a node was chosen. */
  readonly nodeName?: string;
  /** A non-FitError failure (no nodes at all). */
  readonly error?: string;
  readonly evaluatedNodes: number;
  readonly feasibleNodes: number;
  readonly preFilter: { plugin: string; result: string }[];
  readonly filterOrder: string[];
  readonly nodes: NodeDecision[];
  /** `nodes` in the decision trace's packed form, when the scored entries were built that way. */
  readonly packed?: PackedNodes;
  readonly omittedNodes: number;
  readonly tiedNodes?: string[];
  readonly notes: string[];
}

/**
 * One scheduling cycle for one pod: PreFilter, Filter (walking nodes from a rotating start until
 * enough feasible nodes are found), PreScore/Score/NormalizeScore with plugin weights, and a
 * seeded random pick among the best. Models pkg/scheduler/schedule_one.go schedulePod,
 * findNodesThatFitPod, prioritizeNodes and selectHost, and framework/runtime RunFilterPlugins.
 */
export class SchedulingAlgorithm {
  constructor(
    readonly plugins: readonly SchedulerPlugin[],
    private readonly algo: AlgorithmState = { nextStartNodeIndex: 0 },
  ) {
    this.filterOrder = plugins.filter((p) => p.filter).map((p) => p.name);
  }

  /**
   * Per-cycle buffers reused across cycles (a cycle scores hundreds of nodes per plugin): only
   * indexes below the cycle's node count are meaningful, and nothing keeps them past the cycle.
   */
  private readonly scratchBuffers: number[][] = [];
  /** The filter plugins' names in run order: fixed with the plugins, so every trace shares one (read-only) array. */
  private readonly filterOrder: string[];
  private readonly nodeScorePool: NodeScore[] = [];

  private scratch(slot: number): number[] {
    return (this.scratchBuffers[slot] ??= []);
  }

  /** One NodeScore per feasible node, reused by every plugin (NormalizeScore rewrites .score in place). */
  private nodeScores(feasible: readonly NodeInfo[]): NodeScore[] {
    const pool = this.nodeScorePool;
    const out = new Array<NodeScore>(feasible.length);
    for (let i = 0; i < feasible.length; i++) {
      const s = (pool[i] ??= { name: '', score: 0 }) as { name: string; score: number };
      s.name = feasible[i].name;
      s.score = 0;
      out[i] = s;
    }
    return out;
  }

  /** RunFilterPlugins: filters in order, stopping at the first rejection. */
  runFilters(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, node: NodeInfo): FilterRun {
    const filters = state.filterPlugins(this.plugins);
    for (let i = 0; i < filters.length; i++) {
      const pl = filters[i];
      const s = pl.filter!(h, state, pod, node);
      if (s && s.code !== 'Success') {
        const status = { ...s, plugin: pl.name };
        return { status, verdict: { plugin: pl.name, code: s.code, reasons: s.reasons } };
      }
    }
    return FILTER_SUCCESS;
  }

  /**
   * RunFilterPluginsWithNominatedPods: first with the node's nominated pods of equal or higher
   * priority counted (the space preemption freed for them is not ours to take), then without them.
   */
  runFiltersWithNominated(h: SchedulingHandle, state: CycleState, pod: Typed<Pod>, node: NodeInfo): FilterRun {
    const nominated = h.cache.hasNominatedPods(node.name) ? h.cache.nominatedPods(node.name).filter((p) => p.metadata.uid !== pod.metadata.uid && podPriority(p) >= podPriority(pod)) : NO_PODS;
    if (nominated.length > 0) {
      const withState = state.clone();
      const withNode = node.clone();
      for (const p of nominated) {
        const bound = { ...p, spec: { ...p.spec!, nodeName: node.name } } as Typed<Pod>;
        withNode.addPod(bound);
        for (const pl of this.plugins) pl.addPod?.(h, withState, pod, bound, withNode);
      }
      const first = this.runFilters(h, withState, pod, withNode);
      if (first.status.code !== 'Success') return first;
    }
    return this.runFilters(h, state, pod, node);
  }

  schedule(h: SchedulingHandle, pod: Typed<Pod>, rng: Rng): ScheduleAttempt {
    const state = new CycleState();
    const diagnosis = newDiagnosis();
    const numAllNodes = h.cache.numNodes();
    const filterOrder = this.filterOrder;
    const base = { pod, state, numAllNodes, diagnosis, filterOrder, preFilter: [] as { plugin: string; result: string }[], nodes: [] as NodeDecision[], notes: [] as string[] };
    if (numAllNodes === 0) {
      return { ...base, error: ERR_NO_NODES_AVAILABLE, evaluatedNodes: 0, feasibleNodes: 0, omittedNodes: 0 };
    }

    // PreFilter.
    let allowed: Set<string> | undefined;
    const narrowing: string[] = [];
    let unschedulableAtPreFilter: Status | undefined;
    for (const pl of this.plugins) {
      if (!pl.preFilter) continue;
      const out = pl.preFilter(h, state, pod);
      if (out?.status?.code === 'Skip') {
        state.skipFilterPlugins.add(pl.name);
        continue;
      }
      if (out?.status && out.status.code !== 'Success') {
        const s = { ...out.status, plugin: pl.name };
        base.preFilter.push({ plugin: pl.name, result: statusMessage(s) });
        if (s.code === 'UnschedulableAndUnresolvable') return this.preFilterFailure(base, s);
        unschedulableAtPreFilter ??= s;
        continue;
      }
      if (out?.nodeNames) {
        narrowing.push(pl.name);
        allowed = allowed ? new Set([...allowed].filter((n) => out.nodeNames!.has(n))) : new Set(out.nodeNames);
        base.preFilter.push({ plugin: pl.name, result: `only node(s) ${[...out.nodeNames].sort().join(', ')}` });
        if (allowed.size === 0) {
          const msg = narrowing.length === 1 ? `node(s) didn't satisfy plugin ${narrowing[0]}` : `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}] simultaneously`;
          return this.preFilterFailure(base, { ...unresolvable(msg), plugin: narrowing[narrowing.length - 1] }, narrowing);
        }
      }
    }
    if (unschedulableAtPreFilter) return this.preFilterFailure(base, unschedulableAtPreFilter);

    let candidates = h.cache.nodeNames();
    if (allowed) {
      candidates = candidates.filter((n) => allowed!.has(n));
      diagnosis.absentStatus = unresolvable(`node(s) didn't satisfy plugin(s) [${[...narrowing].sort().join(' ')}]`);
    }

    // A preemptor first tries the node it was nominated to.
    const nominatedName = pod.status?.nominatedNodeName;
    if (nominatedName && candidates.includes(nominatedName)) {
      const info = h.cache.nodeInfo(nominatedName);
      if (info && this.runFiltersWithNominated(h, state, pod, info).status.code === 'Success') {
        base.notes.push(`Tried the nominated node ${nominatedName} first (it was freed by preemption) and it fits.`);
        return { ...base, nodeName: nominatedName, evaluatedNodes: 1, feasibleNodes: 1, omittedNodes: 0, nodes: [{ node: nominatedName, feasible: true }] };
      }
    }

    // Filter.
    const numToFind = numFeasibleNodesToFind(candidates.length);
    const feasible: NodeInfo[] = [];
    const rejected: NodeDecision[] = [];
    const filters = state.filterPlugins(this.plugins);
    let lastRejection: FilterRun | undefined;
    let processed = 0;
    const numCandidates = candidates.length;
    let at = this.algo.nextStartNodeIndex % numCandidates;
    for (let i = 0; i < numCandidates && feasible.length < numToFind; i++, at = at + 1 === numCandidates ? 0 : at + 1) {
      const name = candidates[at];
      const info = h.cache.nodeInfo(name);
      if (!info) continue;
      processed++;
      // RunFilterPlugins inlined: this loop runs for hundreds of nodes per pod.
      let run: FilterRun | undefined;
      if (h.cache.hasNominatedPods(name)) {
        run = this.runFiltersWithNominated(h, state, pod, info);
        if (run.status.code === 'Success') run = undefined;
      } else {
        for (let f = 0; f < filters.length; f++) {
          const pl = filters[f];
          const s = pl.filter!(h, state, pod, info);
          if (s && s.code !== 'Success') {
            // Nodes rejected alike share one (read-only) status: a pod that fits nowhere is rejected by thousands.
            run = lastRejection !== undefined && sameRejection(lastRejection.status, pl.name, s) ? lastRejection : { status: { ...s, plugin: pl.name }, verdict: { plugin: pl.name, code: s.code, reasons: s.reasons } };
            lastRejection = run;
            break;
          }
        }
      }
      if (run === undefined) feasible.push(info);
      else {
        diagnosis.nodeStatuses.set(name, run.status);
        if (run.status.plugin) diagnosis.unschedulablePlugins.add(run.status.plugin);
        if (rejected.length < MAX_TRACED_NODES) rejected.push({ node: name, feasible: false, rejectedBy: run.verdict });
      }
    }
    this.algo.nextStartNodeIndex = (this.algo.nextStartNodeIndex + processed) % numAllNodes;
    if (processed < candidates.length) {
      base.notes.push(`Stopped after ${feasible.length} feasible nodes out of ${candidates.length} (percentageOfNodesToScore); ${candidates.length - processed} nodes were not evaluated.`);
    }
    const common = { evaluatedNodes: processed, feasibleNodes: feasible.length };
    if (feasible.length === 0) {
      return { ...base, ...common, nodes: rejected, omittedNodes: processed - rejected.length };
    }
    if (feasible.length === 1) {
      base.notes.push('Only one node passed the filters, so no scoring was needed.');
      return { ...base, ...common, nodeName: feasible[0].name, nodes: [{ node: feasible[0].name, feasible: true }, ...rejected], omittedNodes: processed - rejected.length - 1 };
    }

    // Score.
    const n = feasible.length;
    const perPlugin: { plugin: SchedulerPlugin; raw: number[]; normalized: number[] }[] = [];
    const totals = new Array<number>(n).fill(0);
    const scores = this.nodeScores(feasible);
    for (const pl of this.plugins) {
      if (!pl.score || pl.scoreWeight === undefined) continue;
      const pre = pl.preScore?.(h, state, pod, feasible);
      if (pre?.code === 'Skip') continue;
      const raw = this.scratch(2 * perPlugin.length);
      for (let i = 0; i < n; i++) scores[i].score = raw[i] = pl.score(h, state, pod, feasible[i]);
      pl.normalizeScore?.(h, state, pod, scores);
      const normalized = this.scratch(2 * perPlugin.length + 1);
      for (let i = 0; i < n; i++) normalized[i] = scores[i].score;
      perPlugin.push({ plugin: pl, raw, normalized });
    }
    // Summed plugin by plugin in order, as the reduce it replaces did (floating point).
    for (const p of perPlugin) {
      const weight = p.plugin.scoreWeight!;
      const normalized = p.normalized;
      for (let i = 0; i < n; i++) totals[i] += normalized[i] * weight;
    }
    let best = -Infinity;
    for (let i = 0; i < n; i++) if (totals[i] > best) best = totals[i];
    const tied: NodeInfo[] = [];
    for (let i = 0; i < n; i++) if (totals[i] === best) tied.push(feasible[i]);
    // selectHost: reservoir sampling among the best; with a seeded RNG it is one uniform draw.
    const chosen = tied.length === 1 ? tied[0] : tied[rng.int(tied.length)];
    // The trace keeps the best MAX_TRACED_NODES by (total desc, index asc), plus the chosen node.
    const top = topIndexes(totals, MAX_TRACED_NODES);
    const chosenIndex = feasible.indexOf(chosen);
    if (!top.includes(chosenIndex)) top.push(chosenIndex);
    const omittedNodes = processed - top.length - rejected.length;
    const tiedNodes = tied.length > 1 ? tied.map((t) => t.name) : undefined;
    // The scored entries go straight into the trace's packed form (what DecisionTraceStore.pack
    // would make of them), not into objects that live only until the trace takes them apart.
    const numPlugins = perPlugin.length;
    const stride = 1 + 2 * numPlugins;
    const values = new Float64Array(top.length * stride);
    const names: string[] = [];
    let packable = true;
    for (let t = 0; t < top.length; t++) {
      const i = top[t];
      const at = t * stride;
      names.push(feasible[i].name);
      values[at] = totals[i];
      for (let j = 0; j < numPlugins; j++) {
        const p = perPlugin[j];
        const raw = p.raw[i], normalized = p.normalized[i];
        values[at + 1 + 2 * j] = raw;
        values[at + 2 + 2 * j] = normalized;
        // pack keeps entries whose weighted score would not rebuild equal (NaN) as objects: so do we.
        if (typeof raw !== 'number' || Number.isNaN(normalized * p.plugin.scoreWeight!)) packable = false;
      }
    }
    if (packable) {
      const packed = packedScored(names, perPlugin.map((p) => p.plugin.name), perPlugin.map((p) => p.plugin.scoreWeight!), values, rejected);
      let nodes: NodeDecision[] | undefined;
      return {
        ...base,
        ...common,
        nodeName: chosen.name,
        // Built only if someone reads them (tests); the scheduler hands `packed` to the trace.
        get nodes(): NodeDecision[] {
          return (nodes ??= unpack(packed));
        },
        packed,
        omittedNodes,
        tiedNodes,
      };
    }
    const scored: NodeDecision[] = [];
    for (const i of top) {
      const scores: PluginScore[] = perPlugin.map((p) => ({ plugin: p.plugin.name, raw: p.raw[i], normalized: p.normalized[i], weight: p.plugin.scoreWeight!, weighted: p.normalized[i] * p.plugin.scoreWeight! }));
      scored.push({ node: feasible[i].name, feasible: true, scores, totalScore: totals[i] });
    }
    return { ...base, ...common, nodeName: chosen.name, nodes: [...scored, ...rejected], omittedNodes, tiedNodes };
  }

  private preFilterFailure(base: Omit<ScheduleAttempt, 'evaluatedNodes' | 'feasibleNodes' | 'omittedNodes'>, status: Status, narrowing?: string[]): ScheduleAttempt {
    // Every node gets the PreFilter status so preemption sees it; the message shows it once.
    base.diagnosis.absentStatus = status;
    base.diagnosis.preFilterMsg = statusMessage(status);
    for (const p of narrowing ?? [status.plugin ?? '']) if (p) base.diagnosis.unschedulablePlugins.add(p);
    return { ...base, evaluatedNodes: 0, feasibleNodes: 0, omittedNodes: 0 };
  }
}

function sameRejection(previous: Status, plugin: string, s: Status): boolean {
  if (previous.plugin !== plugin || previous.code !== s.code || previous.reasons.length !== s.reasons.length) return false;
  for (let i = 0; i < s.reasons.length; i++) if (previous.reasons[i] !== s.reasons[i]) return false;
  return true;
}

/** Indexes of the `count` highest totals, highest first, equal totals by index (a partial sort). */
export function topIndexes(totals: readonly number[], count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i];
    if (top.length === count && !(t > totals[top[count - 1]])) continue;
    let at = top.length;
    while (at > 0 && totals[top[at - 1]] < t) at--;
    if (top.length === count) top.pop();
    top.splice(at, 0, i);
  }
  return top;
}

/** The FailedScheduling text for an attempt without a node, before the PostFilter part. */
export function attemptMessage(a: ScheduleAttempt): string {
  return a.error ?? fitErrorMessage(a.numAllNodes, a.diagnosis);
}

