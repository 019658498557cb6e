/**
 * Evaluates scenario checks against cluster state. Pure and deterministic: the same state gives the
 * same result and the same detail text. Reads objects and events only; never writes.
 */
import { Cluster, parseSelector, podStatusColumns, type ClusterSnapshot, type EventRecord, type KubeObject, type Selector } from '../engine/index';
import type { Check, CheckResult, Localized, Scenario, ScenarioProgress } from './types';

// ---------------------------------------------------------------------------------------------
// The state a check reads
// ---------------------------------------------------------------------------------------------

/** Read-only view of a cluster at one moment. */
export interface ClusterState {
  readonly nowMs: number;
  list(kind: string): readonly KubeObject[];
  events(): readonly EventRecord[];
}

/** A live cluster (worker, tests), a snapshot (plain data), or a ready-made view. */
export type CheckSource = Cluster | ClusterSnapshot | ClusterState;

export function clusterState(source: CheckSource): ClusterState {
  if (source instanceof Cluster) {
    const store = source.sim.store;
    return { nowMs: source.now(), list: (kind) => store.list(kind), events: () => source.events() };
  }
  if ('objects' in source && Array.isArray(source.objects)) {
    const snapshot = source;
    const byKind = new Map<string, KubeObject[]>();
    for (const obj of snapshot.objects) {
      let list = byKind.get(obj.kind);
      if (!list) byKind.set(obj.kind, (list = []));
      list.push(obj);
    }
    return { nowMs: snapshot.nowMs, list: (kind) => byKind.get(kind) ?? [], events: () => snapshot.events };
  }
  return source as ClusterState;
}

const NAMESPACE = 'default';

// ---------------------------------------------------------------------------------------------
// Pod helpers (shapes as stored: kubernetes-types objects)
// ---------------------------------------------------------------------------------------------

interface ContainerStateLike {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; finishedAt?: string };
}
interface ContainerStatusLike {
  name: string;
  ready?: boolean;
  restartCount?: number;
  image?: string;
  state?: ContainerStateLike;
  lastState?: ContainerStateLike;
}
interface PodLike extends KubeObject {
  spec?: { nodeName?: string; containers?: { name: string; image?: string }[] };
  status?: { phase?: string; containerStatuses?: ContainerStatusLike[] };
}

function pods(state: ClusterState, namespace = NAMESPACE): PodLike[] {
  return (state.list('Pod') as PodLike[]).filter((p) => (p.metadata.namespace ?? NAMESPACE) === namespace);
}

function isActive(pod: KubeObject): boolean {
  return !pod.metadata.deletionTimestamp;
}

function compareByAge(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

interface Columns {
  readonly ready: string;
  readonly status: string;
  readonly restarts: number;
}

/** READY / STATUS as kubectl prints them (the kubelet's podStatusColumns), RESTARTS as a number. */
export function podColumns(pod: KubeObject, nowMs: number): Columns {
  const columns = podStatusColumns(pod as Parameters<typeof podStatusColumns>[0], nowMs);
  return { ready: columns.ready, status: columns.status, restarts: columns.restartCount };
}

function allContainersReady(pod: PodLike): boolean {
  const specCount = pod.spec?.containers?.length ?? 0;
  const statuses = pod.status?.containerStatuses ?? [];
  return specCount > 0 && statuses.length >= specCount && statuses.every((c) => c.ready === true && c.state?.running !== undefined);
}

function selectorOf(text: string): Selector | string {
  try {
    return parseSelector(text);
  } catch (error) {
    return (error as Error).message;
  }
}

function podsMatching(state: ClusterState, selectorText: string, includeTerminating: boolean): PodLike[] | string {
  const selector = selectorOf(selectorText);
  if (typeof selector === 'string') return selector;
  return pods(state)
    .filter((p) => (includeTerminating || isActive(p)) && selector.matches(p.metadata.labels))
    .sort(compareByAge);
}

function findPod(state: ClusterState, name: string): PodLike | undefined {
  return pods(state).find((p) => p.metadata.name === name);
}

function findObject(state: ClusterState, kind: string, name: string, namespace?: string): KubeObject | undefined {
  return state.list(kind).find((o) => o.metadata.name === name && (namespace === undefined || (o.metadata.namespace ?? '') === namespace || (!o.metadata.namespace && namespace === NAMESPACE)));
}

function controllerOwner(obj: KubeObject): { kind: string; name: string } | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

function L(en: string, ko: string): Localized {
  return { en, ko };
}

function result(passed: boolean, en: string, ko: string): CheckResult {
  return { passed, detail: L(en, ko) };
}

function podRef(name: string): Localized {
  return L(`pod ${name}`, `파드 ${name}`);
}

function describePodState(pod: PodLike, nowMs: number): Localized {
  const c = podColumns(pod, nowMs);
  const node = pod.spec?.nodeName ?? '<none>';
  return L(
    `${pod.metadata.name}: READY ${c.ready}, STATUS ${c.status}, RESTARTS ${c.restarts}, NODE ${node}`,
    `${pod.metadata.name}: READY ${c.ready}, STATUS ${c.status}, RESTARTS ${c.restarts}, NODE ${node}`,
  );
}

function joinStates(list: PodLike[], nowMs: number, max = 6): Localized {
  if (list.length === 0) return L('no matching pods', '일치하는 파드 없음');
  const shown = list.slice(0, max).map((p) => describePodState(p, nowMs));
  const more = list.length > max ? list.length - max : 0;
  return L(
    shown.map((s) => s.en).join('; ') + (more ? `; … ${more} more` : ''),
    shown.map((s) => s.ko).join('; ') + (more ? `; … 외 ${more}개` : ''),
  );
}

function countGoal(count: number | undefined, min: number | undefined, max: number | undefined): Localized {
  if (count !== undefined) return L(`exactly ${count}`, `정확히 ${count}개`);
  if (min !== undefined && max !== undefined) return L(`${min}–${max}`, `${min}~${max}개`);
  if (min !== undefined) return L(`at least ${min}`, `${min}개 이상`);
  if (max !== undefined) return L(`at most ${max}`, `${max}개 이하`);
  return L('any number', '개수 무관');
}

// ---------------------------------------------------------------------------------------------
// describeCheck: the goal, in words (for the step list)
// ---------------------------------------------------------------------------------------------

/** What a check waits for, in words (no cluster needed). */
export function describeCheck(check: Check): Localized {
  switch (check.type) {
    case 'podStatus': {
      const who = check.name ? podRef(check.name) : L(`a pod matching ${check.selector}`, `${check.selector}에 맞는 파드`);
      const restarts = check.minRestarts !== undefined ? L(` with at least ${check.minRestarts} restarts`, `, 재시작 ${check.minRestarts}회 이상`) : L('', '');
      const ready = check.ready ? L(` and READY ${check.ready}`, `, READY ${check.ready}`) : L('', '');
      return L(`${cap(who.en)} shows STATUS ${check.status}${restarts.en}${ready.en}`, `${who.ko}의 STATUS가 ${check.status}${restarts.ko}${ready.ko}`);
    }
    case 'podCount': {
      const goal = countGoal(check.count, check.min, check.max);
      const filters = podFilters(check);
      return L(`${cap(goal.en)} pods matching ${check.selector}${filters.en}`, `${check.selector}에 맞는 파드${filters.ko}가 ${goal.ko}`);
    }
    case 'podOnNode': {
      const who = check.name ? podRef(check.name) : L(`every pod matching ${check.selector}`, `${check.selector}에 맞는 모든 파드`);
      const where = check.node ? L(`node ${check.node}`, `노드 ${check.node}`) : check.nodeLabel ? L(`a node labelled ${check.nodeLabel.key}=${check.nodeLabel.value}`, `라벨 ${check.nodeLabel.key}=${check.nodeLabel.value}가 붙은 노드`) : L('a node', '어떤 노드');
      return L(`${cap(who.en)} runs on ${where.en}`, `${who.ko}가 ${where.ko}에 배치됨`);
    }
    case 'containerTerminated':
      return L(
        `A container of pod ${check.pod} terminated with reason ${check.reason}${check.exitCode !== undefined ? ` (exit code ${check.exitCode})` : ''}`,
        `파드 ${check.pod}의 컨테이너가 ${check.reason}${check.exitCode !== undefined ? ` (종료 코드 ${check.exitCode})` : ''}로 종료됨`,
      );
    case 'objectExists':
      return L(`${check.kind} ${check.name} exists`, `${kindKo(check.kind)} ${check.name}가 존재함`);
    case 'objectGone':
      return L(`${check.kind} ${check.name} is gone`, `${kindKo(check.kind)} ${check.name}가 사라짐`);
    case 'ownerOf': {
      const who = check.pod ? podRef(check.pod) : L(`every pod matching ${check.selector}`, `${check.selector}에 맞는 모든 파드`);
      if (check.orphan) return L(`${cap(who.en)} has no controller owner (orphan)`, `${who.ko}에 컨트롤러 소유자가 없음(고아)`);
      return L(`${cap(who.en)} is controlled by ${check.ownerKind ?? 'a controller'} ${check.ownerName ?? ''}`.trimEnd(), `${who.ko}의 소유자가 ${kindKo(check.ownerKind ?? '컨트롤러')} ${check.ownerName ?? ''}`.trimEnd());
    }
    case 'eventSeen': {
      const on = check.involvedName ? L(` on ${check.involvedKind ?? ''} ${check.involvedName}`.replace('  ', ' '), ` (${check.involvedKind ? kindKo(check.involvedKind) + ' ' : ''}${check.involvedName})`) : L('', '');
      const msg = check.messageIncludes ? L(` saying “${check.messageIncludes}”`, ` 메시지 “${check.messageIncludes}”`) : L('', '');
      const times = (check.minCount ?? 1) > 1 ? L(` at least ${check.minCount} times`, ` ${check.minCount}회 이상`) : L('', '');
      return L(`Event ${check.reason}${on.en}${msg.en}${times.en}`, `이벤트 ${check.reason}${on.ko}${msg.ko}${times.ko} 발생`);
    }
    case 'nodeLabel':
      return check.absent
        ? L(`Node ${check.node} has no label ${check.key}`, `노드 ${check.node}에 라벨 ${check.key}가 없음`)
        : L(`Node ${check.node} has label ${check.key}=${check.value ?? ''}`, `노드 ${check.node}에 라벨 ${check.key}=${check.value ?? ''}가 있음`);
    case 'nodeStatus':
      return L(`Node ${check.node} is ${check.status}`, `노드 ${check.node}의 STATUS가 ${check.status}`);
    case 'nodeTaint': {
      const taint = `${check.key}${check.effect ? ':' + check.effect : ''}`;
      return check.absent ? L(`Node ${check.node} has no taint ${taint}`, `노드 ${check.node}에 테인트 ${taint}가 없음`) : L(`Node ${check.node} has taint ${taint}`, `노드 ${check.node}에 테인트 ${taint}가 있음`);
    }
    case 'replicas': {
      const parts = replicaGoals(check);
      return L(`${check.kind} ${check.name}: ${parts.en}`, `${kindKo(check.kind)} ${check.name}: ${parts.ko}`);
    }
    case 'fieldEquals':
      return L(`${check.kind} ${check.name}: ${check.path} = ${JSON.stringify(check.value)}`, `${kindKo(check.kind)} ${check.name}: ${check.path} = ${JSON.stringify(check.value)}`);
    case 'all': {
      const inner = check.checks.map(describeCheck);
      return L(inner.map((d) => d.en).join('; and '), inner.map((d) => d.ko).join(' 그리고 '));
    }
    case 'any': {
      const inner = check.checks.map(describeCheck);
      return L(inner.map((d) => d.en).join('; or '), inner.map((d) => d.ko).join(' 또는 '));
    }
    case 'not': {
      const inner = describeCheck(check.check);
      return L(`Not: ${inner.en}`, `다음이 아님: ${inner.ko}`);
    }
  }
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const KIND_KO: Record<string, string> = {
  Pod: '파드',
  Node: '노드',
  ReplicaSet: '레플리카셋',
  ReplicationController: '레플리케이션컨트롤러',
  DaemonSet: '데몬셋',
  Deployment: '디플로이먼트',
  HorizontalPodAutoscaler: 'HPA',
  Namespace: '네임스페이스',
};

function kindKo(kind: string): string {
  return KIND_KO[kind] ?? kind;
}

function podFilters(check: Extract<Check, { type: 'podCount' }>): Localized {
  const en: string[] = [];
  const ko: string[] = [];
  if (check.phase) (en.push(`in phase ${check.phase}`), ko.push(`phase ${check.phase}`));
  if (check.status) (en.push(`with STATUS ${check.status}`), ko.push(`STATUS ${check.status}`));
  if (check.ready !== undefined) (en.push(check.ready ? 'ready' : 'not ready'), ko.push(check.ready ? '준비 완료(READY)' : '준비 안 됨'));
  if (check.node) (en.push(`on node ${check.node}`), ko.push(`노드 ${check.node}`));
  if (check.image) (en.push(`running ${check.image}`), ko.push(`이미지 ${check.image}`));
  return L(en.length ? ' (' + en.join(', ') + ')' : '', ko.length ? '(' + ko.join(', ') + ')' : '');
}

const REPLICA_FIELDS = ['desired', 'current', 'ready', 'updated', 'available'] as const;
type ReplicaField = (typeof REPLICA_FIELDS)[number];
const REPLICA_KO: Record<ReplicaField, string> = { desired: 'DESIRED', current: 'CURRENT', ready: 'READY', updated: 'UP-TO-DATE', available: 'AVAILABLE' };

function replicaGoals(check: Extract<Check, { type: 'replicas' }>): Localized {
  const en: string[] = [];
  const ko: string[] = [];
  for (const field of REPLICA_FIELDS) {
    const want = check[field];
    if (want === undefined) continue;
    en.push(`${field} ${want}`);
    ko.push(`${REPLICA_KO[field]} ${want}`);
  }
  return L(en.join(', ') || 'exists', ko.join(', ') || '존재함');
}

// ---------------------------------------------------------------------------------------------
// evaluateCheck
// ---------------------------------------------------------------------------------------------

/** Evaluates one check against the cluster as it is now. */
export function evaluateCheck(source: CheckSource, check: Check): CheckResult {
  return evaluate(clusterState(source), check);
}

function evaluate(state: ClusterState, check: Check): CheckResult {
  switch (check.type) {
    case 'podStatus':
      return evalPodStatus(state, check);
    case 'podCount':
      return evalPodCount(state, check);
    case 'podOnNode':
      return evalPodOnNode(state, check);
    case 'containerTerminated':
      return evalContainerTerminated(state, check);
    case 'objectExists': {
      const obj = findObject(state, check.kind, check.name, check.namespace);
      const terminating = obj?.metadata.deletionTimestamp ? L(' (terminating)', ' (삭제 중)') : L('', '');
      return obj
        ? result(true, `${check.kind} ${check.name} exists${terminating.en}`, `${kindKo(check.kind)} ${check.name}가 있습니다${terminating.ko}`)
        : result(false, `${check.kind} ${check.name} does not exist (yet)`, `${kindKo(check.kind)} ${check.name}가 (아직) 없습니다`);
    }
    case 'objectGone': {
      const obj = findObject(state, check.kind, check.name, check.namespace);
      if (!obj) return result(true, `${check.kind} ${check.name} is gone`, `${kindKo(check.kind)} ${check.name}가 없습니다`);
      return obj.metadata.deletionTimestamp
        ? result(false, `${check.kind} ${check.name} is still terminating`, `${kindKo(check.kind)} ${check.name}가 아직 삭제 중입니다(Terminating)`)
        : result(false, `${check.kind} ${check.name} still exists`, `${kindKo(check.kind)} ${check.name}가 아직 있습니다`);
    }
    case 'ownerOf':
      return evalOwnerOf(state, check);
    case 'eventSeen':
      return evalEventSeen(state, check);
    case 'nodeLabel': {
      const node = findObject(state, 'Node', check.node);
      if (!node) return result(false, `node ${check.node} not found`, `노드 ${check.node}가 없습니다`);
      const value = node.metadata.labels?.[check.key];
      const shown = value === undefined ? L(`no label ${check.key}`, `라벨 ${check.key} 없음`) : L(`${check.key}=${value}`, `${check.key}=${value}`);
      const passed = check.absent ? value === undefined : value !== undefined && (check.value === undefined || value === check.value);
      return result(passed, `node ${check.node}: ${shown.en}`, `노드 ${check.node}: ${shown.ko}`);
    }
    case 'nodeStatus': {
      const node = findObject(state, 'Node', check.node);
      if (!node) return result(false, `node ${check.node} not found`, `노드 ${check.node}가 없습니다`);
      const status = nodeStatus(node);
      return result(status === check.status, `node ${check.node} is ${status}`, `노드 ${check.node}의 STATUS: ${status}`);
    }
    case 'nodeTaint': {
      const node = findObject(state, 'Node', check.node);
      if (!node) return result(false, `node ${check.node} not found`, `노드 ${check.node}가 없습니다`);
      const taints = ((node.spec as { taints?: { key: string; value?: string; effect: string }[] } | undefined)?.taints ?? []);
      const has = taints.some((t) => t.key === check.key && (!check.effect || t.effect === check.effect));
      const list = taints.length ? taints.map((t) => `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`).join(', ') : '<none>';
      return result(check.absent ? !has : has, `node ${check.node} taints: ${list}`, `노드 ${check.node}의 테인트: ${list}`);
    }
    case 'replicas':
      return evalReplicas(state, check);
    case 'fieldEquals': {
      const obj = findObject(state, check.kind, check.name, check.kind === 'Node' ? undefined : NAMESPACE);
      if (!obj) return result(false, `${check.kind} ${check.name} does not exist`, `${kindKo(check.kind)} ${check.name}가 없습니다`);
      const value = readPath(obj, check.path);
      const shown = value === undefined ? '<unset>' : JSON.stringify(value);
      return result(value === check.value, `${check.kind} ${check.name}: ${check.path} = ${shown}`, `${kindKo(check.kind)} ${check.name}: ${check.path} = ${shown}`);
    }
    case 'all': {
      const results = check.checks.map((c) => evaluate(state, c));
      const failing = results.filter((r) => !r.passed);
      const shown = failing.length ? failing : results;
      return { passed: failing.length === 0, detail: L(shown.map((r) => r.detail.en).join(' · '), shown.map((r) => r.detail.ko).join(' · ')) };
    }
    case 'any': {
      const results = check.checks.map((c) => evaluate(state, c));
      const passing = results.filter((r) => r.passed);
      const shown = passing.length ? passing.slice(0, 1) : results;
      return { passed: passing.length > 0, detail: L(shown.map((r) => r.detail.en).join(' · '), shown.map((r) => r.detail.ko).join(' · ')) };
    }
    case 'not': {
      const inner = evaluate(state, check.check);
      return { passed: !inner.passed, detail: inner.detail };
    }
  }
}

/** Reads `a.b[0].c` from an object; undefined when any part is missing. */
export function readPath(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    if (match[1] !== '') {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[match[1]];
    }
    for (const index of match[2].match(/\d+/g) ?? []) {
      if (!Array.isArray(current)) return undefined;
      current = current[Number(index)];
    }
  }
  return current;
}

function nodeStatus(node: KubeObject): 'Ready' | 'NotReady' {
  const conditions = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.find((c) => c.type === 'Ready')?.status === 'True' ? 'Ready' : 'NotReady';
}

function evalPodStatus(state: ClusterState, check: Extract<Check, { type: 'podStatus' }>): CheckResult {
  const wantTerminating = check.status === 'Terminating';
  let candidates: PodLike[];
  if (check.name) {
    const pod = findPod(state, check.name);
    if (!pod) return result(false, `pod ${check.name} does not exist`, `파드 ${check.name}가 없습니다`);
    candidates = [pod];
  } else {
    const matched = podsMatching(state, check.selector ?? '', true);
    if (typeof matched === 'string') return result(false, `invalid selector ${check.selector}: ${matched}`, `잘못된 셀렉터 ${check.selector}: ${matched}`);
    candidates = wantTerminating ? matched : matched.filter(isActive);
  }
  const ok = candidates.filter((pod) => {
    const c = podColumns(pod, state.nowMs);
    return c.status === check.status && c.restarts >= (check.minRestarts ?? 0) && (check.ready === undefined || c.ready === check.ready);
  });
  const shown = ok.length ? ok.slice(0, 1) : candidates;
  const states = joinStates(shown, state.nowMs);
  return result(ok.length > 0, states.en, states.ko);
}

function evalPodCount(state: ClusterState, check: Extract<Check, { type: 'podCount' }>): CheckResult {
  const includeTerminating = check.includeTerminating === true || check.status === 'Terminating';
  const matched = podsMatching(state, check.selector, includeTerminating);
  if (typeof matched === 'string') return result(false, `invalid selector ${check.selector}: ${matched}`, `잘못된 셀렉터 ${check.selector}: ${matched}`);
  const counted = matched.filter((pod) => {
    if (check.phase && pod.status?.phase !== check.phase) return false;
    if (check.status && podColumns(pod, state.nowMs).status !== check.status) return false;
    if (check.ready !== undefined && allContainersReady(pod) !== check.ready) return false;
    if (check.node && pod.spec?.nodeName !== check.node) return false;
    if (check.image && !(pod.spec?.containers ?? []).some((c) => c.image === check.image)) return false;
    return true;
  });
  const n = counted.length;
  const passed =
    (check.count === undefined || n === check.count) && (check.min === undefined || n >= check.min) && (check.max === undefined || n <= check.max);
  const goal = countGoal(check.count, check.min, check.max);
  const filters = podFilters(check);
  const states = joinStates(matched, state.nowMs);
  return result(
    passed,
    `${n} pod(s) matching ${check.selector}${filters.en} (want ${goal.en}) — ${states.en}`,
    `${check.selector}에 맞는 파드${filters.ko} ${n}개 (목표: ${goal.ko}) — ${states.ko}`,
  );
}

function evalPodOnNode(state: ClusterState, check: Extract<Check, { type: 'podOnNode' }>): CheckResult {
  let candidates: PodLike[];
  if (check.name) {
    const pod = findPod(state, check.name);
    if (!pod) return result(false, `pod ${check.name} does not exist`, `파드 ${check.name}가 없습니다`);
    candidates = [pod];
  } else {
    const matched = podsMatching(state, check.selector ?? '', false);
    if (typeof matched === 'string') return result(false, `invalid selector ${check.selector}: ${matched}`, `잘못된 셀렉터 ${check.selector}: ${matched}`);
    candidates = matched;
  }
  if (candidates.length === 0) return result(false, `no pods match ${check.selector}`, `${check.selector}에 맞는 파드가 없습니다`);
  const nodes = state.list('Node');
  const where = candidates.map((pod) => pod.spec?.nodeName);
  const passed = candidates.every((pod) => {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return false;
    if (check.node && nodeName !== check.node) return false;
    if (check.nodeLabel) {
      const node = nodes.find((n) => n.metadata.name === nodeName);
      if (node?.metadata.labels?.[check.nodeLabel.key] !== check.nodeLabel.value) return false;
    }
    return true;
  });
  const list = candidates.map((pod, i) => `${pod.metadata.name} → ${where[i] ?? '<none>'}`).join(', ');
  return result(passed, `${list}`, `${list}`);
}

function evalContainerTerminated(state: ClusterState, check: Extract<Check, { type: 'containerTerminated' }>): CheckResult {
  const pod = findPod(state, check.pod);
  if (!pod) return result(false, `pod ${check.pod} does not exist`, `파드 ${check.pod}가 없습니다`);
  const statuses = (pod.status?.containerStatuses ?? []).filter((c) => !check.container || c.name === check.container);
  const seen: string[] = [];
  let passed = false;
  for (const c of statuses) {
    for (const term of [c.state?.terminated, c.lastState?.terminated]) {
      if (!term) continue;
      seen.push(`${c.name}: ${term.reason ?? '?'} (exit ${term.exitCode ?? '?'})`);
      if (term.reason === check.reason && (check.exitCode === undefined || term.exitCode === check.exitCode)) passed = true;
    }
  }
  const text = seen.length ? seen.join(', ') : 'no terminated container yet';
  return result(passed, `pod ${check.pod}: ${text}`, `파드 ${check.pod}: ${seen.length ? seen.join(', ') : '아직 종료된 컨테이너 없음'}`);
}

function evalOwnerOf(state: ClusterState, check: Extract<Check, { type: 'ownerOf' }>): CheckResult {
  let candidates: PodLike[];
  if (check.pod) {
    const pod = findPod(state, check.pod);
    if (!pod) return result(false, `pod ${check.pod} does not exist`, `파드 ${check.pod}가 없습니다`);
    candidates = [pod];
  } else {
    const matched = podsMatching(state, check.selector ?? '', false);
    if (typeof matched === 'string') return result(false, `invalid selector ${check.selector}: ${matched}`, `잘못된 셀렉터 ${check.selector}: ${matched}`);
    candidates = matched;
  }
  if (candidates.length === 0) return result(false, `no pods match ${check.selector}`, `${check.selector}에 맞는 파드가 없습니다`);
  const owners = candidates.map(controllerOwner);
  const passed = owners.every((owner) => {
    if (check.orphan) return owner === undefined;
    if (!owner) return false;
    return (check.ownerKind === undefined || owner.kind === check.ownerKind) && (check.ownerName === undefined || owner.name === check.ownerName);
  });
  const en = candidates.map((p, i) => `${p.metadata.name} ← ${owners[i] ? `${owners[i]!.kind}/${owners[i]!.name}` : 'no owner'}`).join(', ');
  const ko = candidates.map((p, i) => `${p.metadata.name} ← ${owners[i] ? `${owners[i]!.kind}/${owners[i]!.name}` : '소유자 없음'}`).join(', ');
  return result(passed, en, ko);
}

function evalEventSeen(state: ClusterState, check: Extract<Check, { type: 'eventSeen' }>): CheckResult {
  const matching = state.events().filter(
    (e) =>
      e.reason === check.reason &&
      (check.involvedKind === undefined || e.involvedObject.kind === check.involvedKind) &&
      (check.involvedName === undefined || e.involvedObject.name === check.involvedName) &&
      (check.eventType === undefined || e.type === check.eventType) &&
      (check.messageIncludes === undefined || e.message.includes(check.messageIncludes)),
  );
  const total = matching.reduce((sum, e) => sum + e.count, 0);
  const want = check.minCount ?? 1;
  const last = matching[matching.length - 1];
  const lastText = last ? ` — last: “${last.message}”` : '';
  return result(total >= want, `${check.reason} seen ${total} time(s) (want ≥ ${want})${lastText}`, `${check.reason} ${total}회 발생 (목표 ${want}회 이상)${lastText}`);
}

function evalReplicas(state: ClusterState, check: Extract<Check, { type: 'replicas' }>): CheckResult {
  const obj = findObject(state, check.kind, check.name, NAMESPACE);
  if (!obj) return result(false, `${check.kind} ${check.name} does not exist`, `${kindKo(check.kind)} ${check.name}가 없습니다`);
  const values = replicaValues(obj);
  const fields = REPLICA_FIELDS.filter((f) => check[f] !== undefined);
  const passed = fields.every((f) => values[f] === check[f]);
  const shownFields = fields.length ? fields : REPLICA_FIELDS.filter((f) => values[f] !== undefined);
  const en = shownFields.map((f) => `${f} ${values[f] ?? 0}${check[f] !== undefined && values[f] !== check[f] ? ` (want ${check[f]})` : ''}`).join(', ');
  const ko = shownFields.map((f) => `${REPLICA_KO[f]} ${values[f] ?? 0}${check[f] !== undefined && values[f] !== check[f] ? ` (목표 ${check[f]})` : ''}`).join(', ');
  return result(passed, `${check.kind} ${check.name}: ${en}`, `${kindKo(check.kind)} ${check.name}: ${ko}`);
}

function replicaValues(obj: KubeObject): Partial<Record<ReplicaField, number>> {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  const status = (obj.status ?? {}) as Record<string, number | undefined>;
  switch (obj.kind) {
    case 'DaemonSet':
      return {
        desired: status.desiredNumberScheduled ?? 0,
        current: status.currentNumberScheduled ?? 0,
        ready: status.numberReady ?? 0,
        updated: status.updatedNumberScheduled ?? 0,
        available: status.numberAvailable ?? 0,
      };
    case 'HorizontalPodAutoscaler':
      return { desired: status.desiredReplicas ?? 0, current: status.currentReplicas ?? 0 };
    default:
      return {
        desired: typeof spec.replicas === 'number' ? spec.replicas : 1,
        current: status.replicas ?? 0,
        ready: status.readyReplicas ?? 0,
        updated: status.updatedReplicas ?? 0,
        available: status.availableReplicas ?? 0,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Command placeholders
// ---------------------------------------------------------------------------------------------

export interface ResolvedCommand {
  /** The line to show and run. Unresolvable placeholders are left as they were. */
  readonly line: string;
  /** Placeholders that matched nothing (the UI can show the line disabled with this note). */
  readonly unresolved: readonly string[];
}

const PLACEHOLDER = /\{(pod|podOf):([^}]+)\}/g;

/** Fills `{pod:<selector>}` / `{podOf:<Kind>/<name>}` with a live pod name (see Step.commands). */
export function resolveCommand(source: CheckSource, line: string): ResolvedCommand {
  if (!hasPlaceholders(line)) return { line, unresolved: [] };
  const state = clusterState(source);
  const unresolved: string[] = [];
  const out = line.replace(PLACEHOLDER, (token, form: string, arg: string) => {
    const name = form === 'pod' ? firstPodMatching(state, arg.trim()) : firstPodOwnedBy(state, arg.trim());
    if (name === undefined) {
      unresolved.push(token);
      return token;
    }
    return name;
  });
  return { line: out, unresolved };
}

function firstPodMatching(state: ClusterState, selectorText: string): string | undefined {
  const matched = podsMatching(state, selectorText, false);
  return typeof matched === 'string' ? undefined : matched[0]?.metadata.name;
}

function firstPodOwnedBy(state: ClusterState, ref: string): string | undefined {
  const slash = ref.indexOf('/');
  if (slash < 0) return undefined;
  const kind = ref.slice(0, slash), name = ref.slice(slash + 1);
  const owned = pods(state)
    .filter((p) => isActive(p))
    .filter((p) => {
      const owner = controllerOwner(p);
      return owner !== undefined && owner.kind === kind && owner.name === name;
    })
    .sort(compareByAge);
  return owned[0]?.metadata.name;
}

/** True when a command line contains placeholders that need `resolveCommand`. */
export function hasPlaceholders(line: string): boolean {
  return /\{(pod|podOf):[^}]+\}/.test(line);
}

// ---------------------------------------------------------------------------------------------
// Scenario progress
// ---------------------------------------------------------------------------------------------

export function startProgress(scenario: Scenario): ScenarioProgress {
  return { scenarioId: scenario.id, current: 0, done: {}, complete: scenario.steps.length === 0 };
}

/**
 * Re-evaluates the current step's check. Steps are taken in order: only the current step's check
 * is evaluated, so a later step's check cannot pass early. When it passes, the step is done (for
 * good) and the next step becomes current; that step is evaluated on the next call, after the
 * learner has had a chance to read it. Steps without a check wait for `markStepDone`.
 */
export function evaluateScenario(source: CheckSource, scenario: Scenario, progress: ScenarioProgress = startProgress(scenario)): ScenarioProgress {
  if (progress.scenarioId !== scenario.id) throw new Error(`progress is for scenario ${progress.scenarioId}, not ${scenario.id}`);
  if (progress.current >= scenario.steps.length) return { ...progress, current: scenario.steps.length, complete: true, currentResult: undefined };
  const step = scenario.steps[progress.current];
  if (!step.check) return { ...progress, currentResult: undefined };
  const state = clusterState(source);
  const checkResult = evaluate(state, step.check);
  if (!checkResult.passed) return { ...progress, currentResult: checkResult };
  const done = { ...progress.done, [step.id]: { atMs: state.nowMs, how: 'check' as const } };
  const current = progress.current + 1;
  return { scenarioId: scenario.id, current, done, currentResult: undefined, complete: current >= scenario.steps.length };
}

/** The learner moves on by hand (a step without a check, or skipping one). */
export function markStepDone(scenario: Scenario, progress: ScenarioProgress, stepId: string, nowMs: number): ScenarioProgress {
  const index = scenario.steps.findIndex((s) => s.id === stepId);
  if (index < 0) return progress;
  const done = { ...progress.done };
  if (!done[stepId]) done[stepId] = { atMs: nowMs, how: 'manual' };
  const current = Math.max(progress.current, index + 1);
  return { scenarioId: scenario.id, current, done, currentResult: undefined, complete: current >= scenario.steps.length };
}
