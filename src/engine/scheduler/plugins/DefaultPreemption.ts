import type { Pod, Typed } from '../../api/types';
import type { Rng } from '../../random/Rng';
import { virtualMsFromIso } from '../../clock/VirtualClock';
import { podPriority, unresolvable, type CycleState, type SchedulerPlugin, type SchedulingHandle, type Status } from '../framework';
import { fitErrorMessage, type Diagnosis } from '../fitError';
import type { NodeInfo } from '../NodeInfo';

export const DEFAULT_PREEMPTION = 'DefaultPreemption';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
/** DefaultPreemptionArgs defaults. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export interface PreemptionInput {
  readonly h: SchedulingHandle;
  readonly pod: Typed<Pod>;
  /** The cycle state after PreFilter; cloned per node for the dry run. */
  readonly state: CycleState;
  readonly diagnosis: Diagnosis;
  readonly rng: Rng;
  readonly plugins: readonly SchedulerPlugin[];
  /** RunFilterPluginsWithNominatedPods on a (possibly modified) node. */
  runFilters(state: CycleState, pod: Typed<Pod>, node: NodeInfo): Status;
}

export interface PreemptionOutcome {
  /** PostFilter message: `preemption: …` when no node can be freed, empty when a node was nominated. */
  readonly message: string;
  readonly nominatedNode?: string;
  readonly victims: readonly Typed<Pod>[];
  /** Per node: why preemption could not help there, or the victims that would make room. */
  readonly nodes: { node: string; result: string }[];
  /** Whether the preemptor's status.nominatedNodeName should be cleared. */
  readonly clearNomination: boolean;
}

/** A pod being deleted because the scheduler preempted it (podTerminatingByPreemption). */
function terminatingByPreemption(p: Pod): boolean {
  if (!p.metadata?.deletionTimestamp) return false;
  const c = p.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/** PodEligibleToPreemptOthers. */
function eligibility(input: PreemptionInput): string | undefined {
  const { pod, diagnosis, h } = input;
  if (pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.status?.nominatedNodeName;
  if (nominated) {
    const status = diagnosis.nodeStatuses.get(nominated) ?? diagnosis.absentStatus;
    if (status?.code === 'UnschedulableAndUnresolvable') return undefined;
    const info = h.cache.nodeInfo(nominated);
    if (info?.pods.some((p) => podPriority(p) < podPriority(pod) && terminatingByPreemption(p))) {
      return 'not eligible due to a terminating pod on the nominated node.';
    }
  }
  return undefined;
}

/** util.MoreImportantPod: higher priority first, then the earlier started. */
function moreImportant(a: Pod, b: Pod, nowMs: number): number {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pb - pa;
  const ta = virtualMsFromIso(a.status?.startTime) ?? nowMs;
  const tb = virtualMsFromIso(b.status?.startTime) ?? nowMs;
  return ta - tb;
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod still does not fit, preemption
 * cannot help here (the filter's reasons are reported); else add pods back, most important first,
 * keeping those that still leave room. What stays removed are the victims.
 */
function selectVictims(input: PreemptionInput, state: CycleState, node: NodeInfo): { victims: Typed<Pod>[]; status: Status } {
  const { pod, h, plugins } = input;
  const potential = node.pods.filter((p) => podPriority(p) < podPriority(pod));
  if (potential.length === 0) return { victims: [], status: unresolvable(NO_VICTIMS) };
  const remove = (p: Typed<Pod>) => {
    node.removePod(p);
    for (const pl of plugins) pl.removePod?.(h, state, pod, p, node);
  };
  const add = (p: Typed<Pod>) => {
    node.addPod(p);
    for (const pl of plugins) pl.addPod?.(h, state, pod, p, node);
  };
  for (const p of potential) remove(p);
  const status = input.runFilters(state, pod, node);
  if (status.code !== 'Success') return { victims: [], status };
  potential.sort((a, b) => moreImportant(a, b, h.nowMs));
  const victims: Typed<Pod>[] = [];
  for (const p of potential) {
    add(p);
    if (input.runFilters(state, pod, node).code !== 'Success') {
      remove(p);
      victims.push(p);
    }
  }
  return { victims, status: { code: 'Success', reasons: [] } };
}

interface Candidate {
  readonly node: string;
  readonly victims: Typed<Pod>[];
}

/**
 * pickOneNodeForPreemption with no PodDisruptionBudgets: lowest highest-victim priority, then the
 * lowest priority sum, then the fewest victims, then the latest start among the highest-priority
 * victims, then the first candidate.
 */
function pickCandidate(candidates: Candidate[], nowMs: number): Candidate {
  const OFFSET = 2 ** 31; // sumPriorities adds MaxInt32+1 per victim so negative priorities still count
  let best = candidates;
  const keepMin = (f: (c: Candidate) => number) => {
    const min = Math.min(...best.map(f));
    best = best.filter((c) => f(c) === min);
  };
  keepMin((c) => podPriority(c.victims[0]));
  keepMin((c) => c.victims.reduce((s, p) => s + podPriority(p) + OFFSET, 0));
  keepMin((c) => c.victims.length);
  const earliestStartOfTop = (c: Candidate) => {
    const top = podPriority(c.victims[0]);
    return Math.min(...c.victims.filter((p) => podPriority(p) === top).map((p) => virtualMsFromIso(p.status?.startTime) ?? nowMs));
  };
  keepMin((c) => -earliestStartOfTop(c));
  return best[0];
}

/**
 * The DefaultPreemption PostFilter (pkg/scheduler/framework/preemption/preemption.go and
 * plugins/defaultpreemption/default_preemption.go): find nodes where evicting lower-priority pods
 * would make the pod fit, pick one, and name its victims. The caller deletes the victims and sets
 * the preemptor's status.nominatedNodeName.
 */
export function preempt(input: PreemptionInput): PreemptionOutcome {
  const { h, pod, diagnosis, rng } = input;
  const notEligible = eligibility(input);
  if (notEligible) return { message: `preemption: ${notEligible}`, victims: [], nodes: [], clearNomination: false };

  const allNodes = h.cache.nodeNames();
  const potential = allNodes.filter((n) => (diagnosis.nodeStatuses.get(n) ?? diagnosis.absentStatus)?.code === 'Unschedulable');
  const nodeStatuses = new Map<string, Status>();
  const traced: { node: string; result: string }[] = [];
  const candidates: Candidate[] = [];
  if (potential.length > 0) {
    const offset = rng.int(potential.length);
    const numCandidates = Math.min(potential.length, Math.max(Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE));
    for (let i = 0; i < potential.length && candidates.length < numCandidates; i++) {
      const name = potential[(offset + i) % potential.length];
      const info = h.cache.nodeInfo(name);
      if (!info) continue;
      const { victims, status } = selectVictims(input, input.state.clone(), info.clone());
      if (status.code === 'Success' && victims.length > 0) {
        candidates.push({ node: name, victims });
        traced.push({ node: name, result: `evicting ${victims.map((v) => `${v.metadata.namespace}/${v.metadata.name}`).join(', ')} would make room` });
      } else {
        nodeStatuses.set(name, status);
        traced.push({ node: name, result: status.reasons.join(', ') });
      }
    }
  }
  for (const n of allNodes) if (!potential.includes(n)) traced.push({ node: n, result: PREEMPTION_NOT_HELPFUL });
  if (candidates.length === 0) {
    const message = fitErrorMessage(allNodes.length, { nodeStatuses, absentStatus: unresolvable(PREEMPTION_NOT_HELPFUL), unschedulablePlugins: new Set() });
    return { message: `preemption: ${message}`, victims: [], nodes: traced, clearNomination: true };
  }
  const chosen = pickCandidate(candidates, h.nowMs);
  return { message: '', nominatedNode: chosen.node, victims: chosen.victims, nodes: traced, clearNomination: false };
}

/** Marker plugin so the default profile lists DefaultPreemption in plugin order; it has no filter or score. */
export const DefaultPreemption: SchedulerPlugin = { name: DEFAULT_PREEMPTION };
