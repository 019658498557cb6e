import type { ContainerStateDto, ContainerTimelineDto, FocusDto, NodeDto, ObjectDto, ObjectRefDto, OwnershipChangeDto, PodDto, ScaleDownDto, SchedulingDto } from '../../protocol/dto';
import { formatBytes } from '../../store/selectors';
import { formatClock } from '../app/formatClock';

/**
 * Plain-language "why" explanations, worded from the worker's facts (scheduler decision traces,
 * kubelet timelines, ownership history, scale-down ranking). The logic below picks facts; every
 * sentence lives in `whyStrings`, so a translation replaces that object's values and nothing else.
 * Pure: unit-tested in whyText.test.ts.
 */
export interface WhyItem {
  readonly id: string;
  readonly tone: 'info' | 'warning' | 'error';
  readonly title: string;
  readonly lines: readonly string[];
}

/** Go-style short durations as the kubelet prints them: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h${minutes % 60}m${seconds % 60}s`;
}

const at = (ms: number) => formatClock(ms);
const ref = (r: ObjectRefDto) => `${r.kind} ${r.name}`;
const labelText = (labels: Readonly<Record<string, string>> | undefined) => {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
};
const orDash = (ms: string | undefined) => (ms ? at(Number(ms)) : '—');

/** Every sentence of the explanations (translations replace these values). */
export const whyStrings = {
  // Scheduling
  pendingTitle: 'Why is it Pending?',
  notLookedAt: 'The scheduler has not looked at this pod yet; it picks a node for every pod without one.',
  gated: (message: string) => [`Scheduling is gated: ${message}`, 'The scheduler ignores the pod until every entry in spec.schedulingGates is removed.'],
  triedAt: (atMs: number, attempt: number) => `The scheduler tried at ${at(atMs)} (attempt ${attempt}) and no node fits:`,
  nodeFits: (node: string) => `${node}: fits`,
  nodeRejected: (node: string, reasons: readonly string[], plugin: string | undefined) => `${node}: ${reasons.join('; ') || 'rejected'}${plugin ? ` (${plugin})` : ''}`,
  omitted: (n: number) => `…and ${n} more nodes with the same kind of reasons.`,
  retried: 'It stays Pending and is retried when the cluster changes (a node is added, pods finish, requests shrink).',
  whyNodeTitle: (node: string) => `Why ${node}?`,
  noDecision: 'No scheduling decision is recorded for it: spec.nodeName was set directly (the scheduler never placed it), or the decision is too old to keep.',
  scheduledAt: (atMs: number, feasible: number, all: number) => `Scheduled at ${at(atMs)}: ${feasible} of ${all} nodes passed every filter.`,
  onlyOne: (node: string) => `Only ${node} fits, so no scoring was needed.`,
  scores: (list: string) => `Scores (higher wins): ${list}.`,
  tied: (nodes: readonly string[]) => `${nodes.join(', ')} tied for the best score; the scheduler picked one of them at random.`,
  didNotFit: (node: string, reasons: readonly string[], plugin: string | undefined) => `${node} did not fit: ${reasons.join('; ') || 'rejected'}${plugin ? ` (${plugin})` : ''}`,
  // Restarts
  restartTitle: (total: number) => (total === 1 ? 'Why did it restart?' : 'Why does it keep restarting?'),
  containerHeading: (name: string) => `Container ${name}:`,
  restart: (n: number, atMs: number, cause: string) => `Restart ${n} at ${at(atMs)}: ${cause}`,
  oomCause: (atMs: number, usage: number, limit: number) => `OOMKilled at ${at(atMs)}: memory use reached ${formatBytes(usage)}, over its ${formatBytes(limit)} limit, so the kernel killed it.`,
  probeCause: (probe: string, action: string | undefined, threshold: number, answer: string | undefined, killMs: number) =>
    `the ${probe} probe${action ? ` (${action})` : ''} failed ${threshold} times in a row${answer ? ` — “${answer}”` : ''}, so the kubelet killed the container at ${at(killMs)}.`,
  exitCause: (reason: string | undefined) => (reason ? `the container exited (${reason}) and restartPolicy restarts it.` : 'the container stopped and restartPolicy restarts it.'),
  immediate: (n: number) => `Restarts 1–${n} came without a wait: the back-off (10s, doubling each restart) counts from the previous container's exit, and each container had run longer than the delay by the time it was killed.`,
  waits: (list: string) => `Back-off waits so far: ${list}. Each restart doubles the delay, up to 5m; it starts again from 10s after 10 minutes without a crash.`,
  waitingNow: (length: string, untilMs: number) => `Now in CrashLoopBackOff: the kubelet waits ${length} (until ${at(untilMs)}) before starting it again.`,
  // Container state
  containersTitle: 'Containers',
  waiting: (name: string, reason: string, message: string | undefined) => `${name} is waiting: ${reason}${message ? ` — ${message}` : ''}`,
  terminated: (name: string, reason: string | undefined, exitCode: number | undefined, message: string | undefined) =>
    `${name} terminated: ${reason ?? 'exit'}${exitCode !== undefined ? ` (exit code ${exitCode})` : ''}${message ? ` — ${message}` : ''}`,
  notReady: (name: string) => `${name} is running but not ready: its readiness probe has not passed, so Services send it no traffic.`,
  lastOom: (name: string, limit: number | undefined) => `${name} was last OOMKilled${limit ? ` (limit ${formatBytes(limit)})` : ''}.`,
  // Scale-down
  scaleDownTitle: 'Why was it chosen for deletion?',
  scaledDown: (atMs: number, owner: string, before: number, desired: number, together: readonly string[]) =>
    `At ${at(atMs)}, ${owner} had ${before} pods but wanted ${desired}, so it deleted ${before - desired}${together.length > 0 ? ` (also ${together.slice(0, 6).join(', ')}${together.length > 6 ? ', …' : ''})` : ''}.`,
  rules: 'Kubernetes deletes first: unscheduled, then Pending/Unknown, then not ready, then lower pod-deletion-cost, then pods on nodes crowded with the same Deployment, then the most recently ready, then the most restarted, then the newest.',
  criterion: {
    unassigned: (other: string) => `It was not scheduled to a node yet, while ${other} was: unscheduled pods go first.`,
    phase: (other: string, mine?: string, theirs?: string) => `It was ${mine} while ${other} was ${theirs}: Pending goes before Unknown, which goes before Running.`,
    notReady: (other: string) => `It was not Ready while ${other} was: pods that are not ready go first.`,
    deletionCost: (other: string, mine?: string, theirs?: string) => `Its controller.kubernetes.io/pod-deletion-cost (${mine}) was lower than ${other}'s (${theirs}): lower cost goes first.`,
    colocated: (other: string, mine?: string, theirs?: string) => `Its node ran more pods of the same Deployment (${mine}) than ${other}'s node (${theirs}): crowded nodes give up pods first.`,
    readySince: (other: string, mine?: string, theirs?: string) => `It became Ready more recently (${orDash(mine)}) than ${other} (${orDash(theirs)}): the most recently ready go first.`,
    restarts: (other: string, mine?: string, theirs?: string) => `It had restarted more often (${mine}) than ${other} (${theirs}): pods that restart more go first.`,
    newer: (other: string, mine?: string, theirs?: string) => `It was created more recently (${orDash(mine)}) than ${other} (${orDash(theirs)}): newer pods go first.`,
    tie: (other: string) => `It ranked equal with ${other} on every rule (times count in powers of two, so close times are equal); among equals the order is arbitrary.`,
    other: () => 'The ranking rules do not single it out against the pods that stayed.',
  } as Record<ScaleDownDto['criterion'], (other: string, mine?: string, theirs?: string) => string>,
  theOthers: 'the others',
  // Ownership
  created: (atMs: number, owner: string) => `${at(atMs)}: created by ${owner}.`,
  adopted: (atMs: number, owner: string, labels: string, selector: string) => `${at(atMs)}: adopted by ${owner} — it had no controller, and its labels (${labels}) match the selector ${selector}.`,
  released: (atMs: number, owner: string, labels: string, selector: string) => `${at(atMs)}: released by ${owner} — its labels (${labels}) no longer match the selector ${selector}.`,
  orphaned: (atMs: number, owner: string) => `${at(atMs)}: orphaned — ${owner} was deleted with --cascade=orphan, so the garbage collector removed the ownerReference and kept the object.`,
  controlledBy: (owner: string) => `Controlled by ${owner}.`,
  alsoMatched: (other: string, selector: string, name: string) => `${other}'s selector (${selector}) matches it too, but an object has only one controller, so ${name} leaves it alone.`,
  ownerGone: (owner: string) => `Its owner ${owner} no longer exists: the garbage collector deletes objects whose owners are gone.`,
  noOwnerPod: 'No owner: if this pod is deleted or its node fails, nothing recreates it.',
  noOwner: 'No owner.',
  wouldAdopt: (other: string, selector: string) => `${other}'s selector (${selector}) matches its labels: that controller adopts matching pods that have no controller.`,
  ownedTitle: 'Who owns it?',
  orphanTitle: 'Why has it no owner?',
  // Nodes
  nodeStatus: (name: string, status: string, reason: string | undefined, message: string | undefined) => `${name} is ${status}${reason ? `: ${reason}` : ''}${message ? ` — ${message}` : ''}`,
  cordoned: 'Cordoned (spec.unschedulable): the scheduler places no new pods here; pods already here keep running.',
  taint: (taint: string, effect: string) => `Taint ${taint} — only pods that tolerate it ${effect === 'NoExecute' ? 'may stay' : 'are scheduled here'}.`,
  nodeTitle: (status: string) => `Why ${status}?`,
};

const s = whyStrings;

// ------------------------------------------------------------------------------------------------
// Scheduling
// ------------------------------------------------------------------------------------------------

export function whyScheduling(pod: PodDto, decision: SchedulingDto | undefined): WhyItem | undefined {
  if (!pod.nodeName) {
    if (!decision) return { id: 'pending', tone: 'info', title: s.pendingTitle, lines: [s.notLookedAt] };
    if (decision.outcome === 'SchedulingGated') return { id: 'pending', tone: 'warning', title: s.pendingTitle, lines: s.gated(decision.message) };
    const lines = [s.triedAt(decision.atMs, decision.attempt), decision.message];
    for (const p of decision.preFilter) lines.push(`${p.plugin}: ${p.result}`);
    for (const n of decision.nodes) lines.push(n.feasible ? s.nodeFits(n.node) : s.nodeRejected(n.node, n.reasons, n.plugin));
    if (decision.omittedNodes > 0) lines.push(s.omitted(decision.omittedNodes));
    lines.push(...decision.notes, s.retried);
    return { id: 'pending', tone: 'warning', title: s.pendingTitle, lines };
  }
  if (!decision || decision.outcome !== 'Scheduled' || decision.nodeName !== pod.nodeName) {
    return { id: 'scheduled', tone: 'info', title: s.whyNodeTitle(pod.nodeName), lines: [s.noDecision] };
  }
  const lines = [s.scheduledAt(decision.atMs, decision.feasibleNodes, decision.numAllNodes)];
  if (decision.feasibleNodes === 1) lines.push(s.onlyOne(pod.nodeName));
  const scored = decision.nodes.filter((n) => n.feasible && n.totalScore !== undefined).sort((a, b) => (b.totalScore ?? 0) - (a.totalScore ?? 0));
  if (scored.length > 1) {
    lines.push(s.scores(scored.map((n) => `${n.node} ${n.totalScore}`).join(', ')));
    if (decision.tiedNodes && decision.tiedNodes.length > 1) lines.push(s.tied(decision.tiedNodes));
  }
  for (const n of decision.nodes) if (!n.feasible) lines.push(s.didNotFit(n.node, n.reasons, n.plugin));
  lines.push(...decision.notes);
  return { id: 'scheduled', tone: 'info', title: s.whyNodeTitle(pod.nodeName), lines };
}

// ------------------------------------------------------------------------------------------------
// Restarts
// ------------------------------------------------------------------------------------------------

/** The failing run of `type` probes that ended at or before `killMs`. */
function failingRun(tl: ContainerTimelineDto, type: string, killMs: number) {
  let found: ContainerTimelineDto['probes'][number] | undefined;
  for (const run of tl.probes) if (run.type === type && run.outcome !== 'success' && run.fromMs <= killMs) found = run;
  return found;
}

/** One sentence per restart, naming its cause: a failed probe (which, what it answered), an OOM kill (at which usage), or an exit. */
export function restartCauses(tl: ContainerTimelineDto, state: ContainerStateDto | undefined): string[] {
  const lines: string[] = [];
  let previous = -Infinity;
  for (const restart of tl.restarts) {
    const inWindow = (t: number) => t > previous && t <= restart.atMs;
    const kill = [...tl.kills].reverse().find((k) => inWindow(k.atMs) && (k.reason === 'liveness' || k.reason === 'startup'));
    const oom = [...tl.ooms].reverse().find((o) => inWindow(o.atMs));
    let cause: string;
    if (oom && (!kill || oom.atMs >= kill.atMs)) {
      cause = s.oomCause(oom.atMs, oom.usageBytes, oom.limitBytes);
    } else if (kill) {
      const probe = state?.probes.find((p) => p.type === kill.reason);
      cause = s.probeCause(kill.reason, probe?.action, probe?.failureThreshold ?? 3, failingRun(tl, kill.reason, kill.atMs)?.message, kill.atMs);
    } else {
      const ended = [...tl.bands].reverse().find((b) => b.state === 'terminated' && inWindow(b.fromMs));
      cause = s.exitCause(ended?.reason);
    }
    lines.push(s.restart(restart.restartCount, restart.atMs, cause));
    previous = restart.atMs;
  }
  return lines;
}

/** The CrashLoopBackOff waits so far, the one in progress, and why early restarts had none. */
export function backoffLines(tl: ContainerTimelineDto, nowMs: number): string[] {
  const firstWait = tl.backoffs[0]?.fromMs ?? Infinity;
  const immediate = tl.restarts.filter((r) => r.atMs < firstWait).length;
  const lines: string[] = [];
  if (immediate >= 2) lines.push(s.immediate(immediate));
  if (tl.backoffs.length === 0) return lines;
  lines.push(s.waits(tl.backoffs.map((b) => goDuration(b.lengthMs)).join(' → ')));
  const last = tl.backoffs[tl.backoffs.length - 1];
  const endMs = last.fromMs + last.lengthMs;
  if (endMs > nowMs) lines.push(s.waitingNow(goDuration(last.lengthMs), endMs));
  return lines;
}

export function whyRestarts(focus: FocusDto): WhyItem | undefined {
  const timeline = focus.timeline;
  if (!timeline) return undefined;
  const lines: string[] = [];
  let total = 0;
  for (const tl of timeline.containers) {
    if (tl.restarts.length === 0 && tl.backoffs.length === 0) continue;
    total += tl.restarts.length;
    if (timeline.containers.length > 1) lines.push(s.containerHeading(tl.name));
    lines.push(...restartCauses(tl, focus.containers?.find((c) => c.name === tl.name)), ...backoffLines(tl, focus.atMs));
  }
  if (lines.length === 0) return undefined;
  return { id: 'restarts', tone: 'error', title: s.restartTitle(total), lines };
}

// ------------------------------------------------------------------------------------------------
// Container state
// ------------------------------------------------------------------------------------------------

export function whyState(containers: readonly ContainerStateDto[] | undefined): WhyItem | undefined {
  const lines: string[] = [];
  for (const c of containers ?? []) {
    if (c.state === 'waiting' && c.reason && c.reason !== 'ContainerCreating') lines.push(s.waiting(c.name, c.reason, c.message));
    else if (c.state === 'terminated') lines.push(s.terminated(c.name, c.reason, c.exitCode, c.message));
    else if (c.state === 'running' && !c.ready && c.probes.some((p) => p.type === 'readiness')) lines.push(s.notReady(c.name));
    if (c.lastTerminated?.reason === 'OOMKilled' && c.state !== 'terminated') lines.push(s.lastOom(c.name, c.memoryLimitBytes));
  }
  if (lines.length === 0) return undefined;
  return { id: 'state', tone: 'warning', title: s.containersTitle, lines };
}

// ------------------------------------------------------------------------------------------------
// Scale-down
// ------------------------------------------------------------------------------------------------

export function whyScaleDown(d: ScaleDownDto | undefined): WhyItem | undefined {
  if (!d) return undefined;
  const lines = [s.scaledDown(d.atMs, ref(d.owner), d.activeBefore, d.desired, d.together), s.criterion[d.criterion](d.comparedWith ?? s.theOthers, d.mine, d.theirs), s.rules];
  return { id: 'scale-down', tone: 'info', title: s.scaleDownTitle, lines };
}

// ------------------------------------------------------------------------------------------------
// Ownership
// ------------------------------------------------------------------------------------------------

export function ownershipLine(c: OwnershipChangeDto): string {
  switch (c.change) {
    case 'created':
      return s.created(c.atMs, ref(c.owner));
    case 'adopted':
      return s.adopted(c.atMs, ref(c.owner), labelText(c.labels), c.selector ?? '?');
    case 'released':
      return s.released(c.atMs, ref(c.owner), labelText(c.labels), c.selector ?? '?');
    case 'orphaned':
      return s.orphaned(c.atMs, ref(c.owner));
  }
}

export function whyOwnership(focus: FocusDto): WhyItem | undefined {
  const o = focus.ownership;
  const lines = o.history.map(ownershipLine);
  const isPod = focus.kind === 'Pod';
  const owned = o.owner !== undefined && o.owner.exists;
  if (o.owner && owned) {
    lines.push(s.controlledBy(ref(o.owner)));
    for (const m of o.matchingOwners) if (m.uid !== o.owner.uid) lines.push(s.alsoMatched(ref(m), m.selector, m.name));
  } else if (o.owner) {
    lines.push(s.ownerGone(ref(o.owner)));
  } else if (isPod || o.history.length > 0) {
    lines.push(isPod ? s.noOwnerPod : s.noOwner);
    for (const m of o.matchingOwners) lines.push(s.wouldAdopt(ref(m), m.selector));
  }
  if (lines.length === 0) return undefined;
  return { id: 'ownership', tone: owned ? 'info' : 'warning', title: owned ? s.ownedTitle : s.orphanTitle, lines };
}

// ------------------------------------------------------------------------------------------------
// Nodes
// ------------------------------------------------------------------------------------------------

export function whyNode(node: NodeDto): WhyItem | undefined {
  const lines: string[] = [];
  if (node.ready !== 'True') {
    const ready = node.conditions.find((c) => c.type === 'Ready');
    lines.push(s.nodeStatus(node.name, node.status, ready?.reason, ready?.message));
  }
  if (node.unschedulable) lines.push(s.cordoned);
  for (const taint of node.taints) lines.push(s.taint(`${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`, taint.effect));
  if (lines.length === 0) return undefined;
  return { id: 'node', tone: node.ready === 'True' ? 'info' : 'error', title: s.nodeTitle(node.status), lines };
}

/** Every explanation that applies to the object, most pressing first. */
export function explain(focus: FocusDto, dto: ObjectDto | undefined): WhyItem[] {
  const items: (WhyItem | undefined)[] = [];
  if (dto?.dto === 'pod') items.push(whyScaleDown(focus.scaleDown), whyRestarts(focus), whyState(focus.containers), whyScheduling(dto, focus.scheduling));
  if (dto?.dto === 'node') items.push(whyNode(dto));
  items.push(whyOwnership(focus));
  return items.filter((i): i is WhyItem => i !== undefined);
}
