/**
 * Korean values for the panels that keep their strings in plain modules (graph, inspector and its
 * "why" explanations, timelines and events, time travel). Typed against the English modules, so a
 * string added there without its Korean here fails the type check (and i18n.test.ts).
 * Re-exported from ./ko.ts, which is where the Korean resources live.
 */
import type { ScaleDownDto } from '../../protocol/dto';
import { formatBytes } from '../../store/selectors';
import { formatClock } from '../app/formatClock';
import type { graphText } from '../graph/text';
import type { inspectorText } from '../inspector/text';
import { goDuration, type whyStrings } from '../inspector/whyText';
import type { timelineText } from '../timeline/text';
import type { timeTravelText } from '../timetravel/text';

/** The same shape with string literals widened (Korean replaces `as const` English literals). */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { -readonly [K in keyof T]: Widen<T[K]> }
        : T;

const at = (ms: number) => formatClock(ms);
const orDash = (ms: string | undefined) => (ms ? at(Number(ms)) : '—');

const graph: Widen<typeof graphText> = {
  graphLabel: '클러스터 그래프',
  starting: '클러스터를 시작하는 중…',
  unscheduled: '스케줄 대기',
  laneHintEmpty: '스케줄러가 노드를 고를 때까지 파드가 여기서 기다립니다.',
  laneHint: '스케줄러가 노드를 고르기를 기다리는 중입니다.',
  noOwner: '소유자 없음',
  ownerGone: '소유자 삭제됨',
  orphanTitle: '이 파드를 소유한 컨트롤러가 없습니다. 삭제되면 아무도 다시 만들지 않습니다.',
  ghostTitle: '소유자가 더 이상 없습니다. 가비지 수집기가 이 파드를 삭제합니다.',
  readyTitle: 'READY 컨테이너',
  restartsTitle: (restarts) => `RESTARTS ${restarts}`,
  notScheduled: '스케줄되지 않음',
  onNode: (node) => `노드 ${node}`,
  ownedBy: (kind, name) => `소유자: ${kind} ${name}`,
  podAria: (name, status, tone, ready, restarts) => `파드 ${name}: ${status}, ${tone}, 준비 ${ready}, 재시작 ${restarts}`,
  nodeAria: (name, status) => `노드 ${name}: ${status}`,
  cpu: 'CPU',
  memory: '메모리',
  pods: '파드',
  requested: (label, text) => `${label} 요청량 (할당 가능량 대비): ${text}`,
  collapsedHint: (count) => (count === 0 ? '파드 없음' : `파드 ${count}개 · 확대하거나 클릭해서 보기`),
  moreStatuses: (n) => `+ ${n}개 더`,
  ownerReplicas: (ready, desired) => `${ready ?? 0}/${desired ?? 0} 준비됨`,
  hpaText: (targets, current, min, max) => `${targets} · ${current ?? '?'} (${min}–${max})`,
  selector: (selector) => `셀렉터 ${selector || '<none>'}`,
  edgeCount: (count) => `파드 ${count}개`,
  namespaceLabel: '네임스페이스',
  allNamespaces: '모든 네임스페이스',
  kindLabel: '종류',
  allKinds: '모든 종류',
  podsOnly: '파드만',
  labelFilter: '라벨 셀렉터',
  labelPlaceholder: '라벨 필터, 예: app=web',
  labelInvalid: '라벨 셀렉터가 아닙니다 (예: app=web 또는 tier in (a,b))',
  search: '이름으로 찾기',
  searchPlaceholder: '이름 찾기…',
  searchHits: (n) => `${n}개 일치`,
  detailAll: '모든 파드 보기',
  detailAuto: '노드 접기',
  lodNote: (pods) => `파드 ${pods}개: 노드를 접었습니다. 확대하거나 노드를 클릭하면 파드가 보입니다`,
  minimap: '미니맵',
};

const inspector: Widen<typeof inspectorText> = {
  label: '인스펙터',
  close: '인스펙터 닫기',
  tabs: { why: '이유', yaml: 'YAML', events: '이벤트' },
  loading: '불러오는 중…',
  gone: '이 시점에는 이 오브젝트가 없습니다.',
  goneLive: '이 오브젝트는 더 이상 없습니다.',
  pastNote: (clock) => `${clock} 시점의 모습 (읽기 전용)`,
  owner: '소유자',
  ownerChain: '소유자',
  owned: '소유한 것',
  nothingOwned: '없음',
  noEvents: '이 오브젝트의 이벤트가 없습니다.',
  eventsHead: { time: '마지막 발생', type: '유형', reason: '이유', message: '메시지', count: '횟수' },
  nothingToExplain: '특이 사항 없음: spec이 요구하는 대로 동작하고 있습니다.',
  openTimeline: '타임라인 열기',
  copyYaml: 'kubectl get -o yaml',
};

const timeTravel: Widen<typeof timeTravelText> = {
  barLabel: '시간 여행',
  scrubberLabel: '가상 시간',
  live: '현재',
  backToLive: '현재로 돌아가기',
  viewingPast: '과거를 보는 중 — 읽기 전용',
  replaying: '다시 실행하는 중…',
  replayInfo: (fromMs, wallMs) => `${fromMs}부터 ${wallMs} ms 동안 다시 실행함`,
  liveAt: (now) => `현재: ${now}`,
  back: (seconds) => `${seconds}초 뒤로`,
  forward: (seconds) => `${seconds}초 앞으로`,
  replayFailed: '과거를 다시 실행하지 못했습니다',
  pastHint: '끌어서 이전의 어느 시점이든 클러스터를 볼 수 있습니다',
  marksHint: '이벤트 (빨강: 경고). 클릭하면 그 시점으로 가서 해당 오브젝트를 선택합니다.',
  readOnly: '과거를 보는 중: 클러스터를 바꾸려면 현재로 돌아가세요.',
};

const timeline: Widen<typeof timelineText> = {
  dockLabel: '자세히',
  tabs: { console: '콘솔', timeline: '파드 타임라인', events: '이벤트' },
  noPod: '그래프에서 파드를 선택하면 컨테이너의 시간에 따른 변화를 볼 수 있습니다.',
  notPod: '타임라인은 파드에 대해 그립니다. 파드를 선택하세요.',
  noTimeline: '타임라인 없음: 파드가 아직 노드에 없습니다 (또는 kubelet이 잊었습니다).',
  loading: '불러오는 중…',
  span: '시간 범위',
  spans: { all: '전체', 300000: '5분', 60000: '1분' },
  container: (name, init) => (init ? `${name} (init)` : name),
  restarts: (n) => `재시작 ${n}회`,
  state: '상태',
  probe: { liveness: 'liveness', readiness: 'readiness', startup: 'startup' },
  events: '이벤트',
  restartsRow: '재시작',
  killsRow: '강제 종료',
  memory: '메모리',
  memoryNow: (bytes, limit) => `${bytes === undefined ? '—' : formatBytes(bytes)}${limit ? ` / 제한 ${formatBytes(limit)}` : ''}`,
  band: (state, reason, ready, fromMs, toMs) =>
    `${state}${reason ? ` (${reason})` : ''}${state === 'running' ? (ready ? ', 준비됨' : ', 준비 안 됨') : ''}: ${formatClock(fromMs)} – ${formatClock(toMs)} (${goDuration(toMs - fromMs)})`,
  tick: (type, ok, atMs, message) => `${formatClock(atMs)} ${type} 프로브 ${ok ? '성공' : '실패'}${message ? `: ${message}` : ''}`,
  backoff: (lengthMs, fromMs) => `CrashLoopBackOff: ${formatClock(fromMs)}부터 ${goDuration(lengthMs)} 기다린 뒤 다시 시작`,
  backoffLabel: (lengthMs) => goDuration(lengthMs),
  restartMarker: (n, atMs) => `${formatClock(atMs)} ${n}번째 재시작`,
  oomMarker: (usage, limit, atMs) => `${formatClock(atMs)} OOMKilled: ${formatBytes(usage)} 사용, 제한 ${formatBytes(limit)}`,
  killMarker: (reason, atMs) => (reason === 'spec' ? `${formatClock(atMs)} 강제 종료: spec이 바뀜` : `${formatClock(atMs)} 강제 종료: ${reason} 프로브 실패`),
  eventsFilter: '이벤트 필터',
  eventsList: '클러스터 이벤트',
  eventsPlaceholder: '필터: 이유, 오브젝트, 메시지…',
  typeAll: '모든 유형',
  kindAll: '모든 종류',
  noEvents: '일치하는 이벤트가 없습니다.',
  eventsHead: { time: '마지막 발생', type: '유형', reason: '이유', object: '오브젝트', message: '메시지' },
  eventRowTitle: '이 오브젝트 선택',
  shown: (shown, total) => (shown === total ? `이벤트 ${total}개` : `이벤트 ${total}개 중 ${shown}개`),
};

const criterion: Record<ScaleDownDto['criterion'], (other: string, mine?: string, theirs?: string) => string> = {
  unassigned: (other) => `${other}은(는) 노드에 배치됐지만 이 파드는 아직 스케줄되지 않았습니다: 스케줄되지 않은 파드가 먼저입니다.`,
  phase: (other, mine, theirs) => `이 파드는 ${mine}, ${other}은(는) ${theirs} 상태였습니다: Pending이 Unknown보다, Unknown이 Running보다 먼저입니다.`,
  notReady: (other) => `${other}은(는) Ready였지만 이 파드는 아니었습니다: 준비되지 않은 파드가 먼저입니다.`,
  deletionCost: (other, mine, theirs) => `controller.kubernetes.io/pod-deletion-cost(${mine})가 ${other}의 값(${theirs})보다 낮았습니다: 비용이 낮은 파드가 먼저입니다.`,
  colocated: (other, mine, theirs) => `이 파드의 노드에 같은 디플로이먼트의 파드가 ${other}의 노드(${theirs})보다 많았습니다(${mine}): 붐비는 노드의 파드가 먼저입니다.`,
  readySince: (other, mine, theirs) => `${other}(${orDash(theirs)})보다 더 최근에 Ready가 됐습니다(${orDash(mine)}): 가장 최근에 준비된 파드가 먼저입니다.`,
  restarts: (other, mine, theirs) => `${other}(${theirs})보다 더 많이 재시작했습니다(${mine}): 재시작이 많은 파드가 먼저입니다.`,
  newer: (other, mine, theirs) => `${other}(${orDash(theirs)})보다 더 최근에 만들어졌습니다(${orDash(mine)}): 새 파드가 먼저입니다.`,
  tie: (other) => `모든 규칙에서 ${other}와(과) 같은 순위였습니다(시간은 2의 거듭제곱 단위로 비교하므로 가까운 시간은 같습니다). 같은 순위끼리는 순서가 임의입니다.`,
  other: () => '순위 규칙만으로는 남은 파드들과 구별되지 않습니다.',
};

const why: Widen<typeof whyStrings> = {
  pendingTitle: '왜 Pending일까?',
  notLookedAt: '스케줄러가 아직 이 파드를 보지 않았습니다. 노드가 없는 파드마다 노드를 하나 고릅니다.',
  gated: (message) => [`스케줄링이 막혀 있습니다: ${message}`, 'spec.schedulingGates의 항목이 모두 없어질 때까지 스케줄러는 이 파드를 무시합니다.'],
  triedAt: (atMs, attempt) => `스케줄러가 ${at(atMs)}에 시도했지만(${attempt}번째) 맞는 노드가 없습니다:`,
  nodeFits: (node) => `${node}: 맞음`,
  nodeRejected: (node, reasons, plugin) => `${node}: ${reasons.join('; ') || '거부됨'}${plugin ? ` (${plugin})` : ''}`,
  omitted: (n) => `…같은 이유로 맞지 않는 노드 ${n}개 더.`,
  retried: '파드는 Pending으로 남아 있다가 클러스터가 바뀌면(노드 추가, 파드 종료, 요청량 감소) 다시 시도됩니다.',
  whyNodeTitle: (node) => `왜 ${node}일까?`,
  noDecision: '기록된 스케줄링 결정이 없습니다: spec.nodeName을 직접 지정했거나(스케줄러가 배치하지 않음), 결정이 너무 오래되어 지워졌습니다.',
  scheduledAt: (atMs, feasible, all) => `${at(atMs)}에 스케줄됨: 노드 ${all}개 중 ${feasible}개가 모든 필터를 통과했습니다.`,
  onlyOne: (node) => `${node}만 맞아서 점수 계산이 필요 없었습니다.`,
  scores: (list) => `점수 (높을수록 유리): ${list}.`,
  tied: (nodes) => `${nodes.join(', ')}이(가) 최고 점수로 같아서 스케줄러가 그중 하나를 무작위로 골랐습니다.`,
  didNotFit: (node, reasons, plugin) => `${node}에는 맞지 않음: ${reasons.join('; ') || '거부됨'}${plugin ? ` (${plugin})` : ''}`,
  restartTitle: (total) => (total === 1 ? '왜 재시작했을까?' : '왜 계속 재시작할까?'),
  containerHeading: (name) => `컨테이너 ${name}:`,
  restart: (n, atMs, cause) => `${at(atMs)}의 ${n}번째 재시작: ${cause}`,
  oomCause: (atMs, usage, limit) => `${at(atMs)}에 OOMKilled: 메모리 사용량이 ${formatBytes(usage)}로 제한 ${formatBytes(limit)}을(를) 넘어서 커널이 종료시켰습니다.`,
  probeCause: (probe, action, threshold, answer, killMs) =>
    `${probe} 프로브${action ? ` (${action})` : ''}가 연속 ${threshold}번 실패해서${answer ? ` (“${answer}”)` : ''} kubelet이 ${at(killMs)}에 컨테이너를 종료했습니다.`,
  exitCause: (reason) => (reason ? `컨테이너가 종료되었고(${reason}) restartPolicy에 따라 다시 시작합니다.` : '컨테이너가 멈췄고 restartPolicy에 따라 다시 시작합니다.'),
  immediate: (n) => `1–${n}번째 재시작은 기다림 없이 일어났습니다: 백오프(10초, 재시작마다 두 배)는 이전 컨테이너가 끝난 때부터 세는데, 종료될 때까지 각 컨테이너가 그보다 오래 실행됐기 때문입니다.`,
  waits: (list) => `지금까지의 백오프 대기: ${list}. 재시작마다 두 배가 되어 최대 5분까지 늘고, 10분 동안 문제가 없으면 다시 10초부터 시작합니다.`,
  waitingNow: (length, untilMs) => `지금 CrashLoopBackOff: kubelet이 ${length}(${at(untilMs)}까지) 기다린 뒤 다시 시작합니다.`,
  containersTitle: '컨테이너',
  waiting: (name, reason, message) => `${name} 대기 중: ${reason}${message ? ` — ${message}` : ''}`,
  terminated: (name, reason, exitCode, message) => `${name} 종료됨: ${reason ?? 'exit'}${exitCode !== undefined ? ` (종료 코드 ${exitCode})` : ''}${message ? ` — ${message}` : ''}`,
  notReady: (name) => `${name}은(는) 실행 중이지만 준비되지 않았습니다: readiness 프로브를 통과하지 못해서 서비스가 트래픽을 보내지 않습니다.`,
  lastOom: (name, limit) => `${name}은(는) 마지막에 OOMKilled로 종료됐습니다${limit ? ` (제한 ${formatBytes(limit)})` : ''}.`,
  scaleDownTitle: '왜 삭제 대상으로 골랐을까?',
  scaledDown: (atMs, owner, before, desired, together) =>
    `${at(atMs)}에 ${owner}의 파드는 ${before}개였지만 원하는 수는 ${desired}개라서 ${before - desired}개를 지웠습니다${together.length > 0 ? ` (함께 지운 파드: ${together.slice(0, 6).join(', ')}${together.length > 6 ? ', …' : ''})` : ''}.`,
  rules: '쿠버네티스가 먼저 지우는 순서: 스케줄되지 않은 파드, Pending/Unknown, 준비되지 않은 파드, pod-deletion-cost가 낮은 파드, 같은 디플로이먼트의 파드가 몰린 노드의 파드, 가장 최근에 준비된 파드, 재시작이 많은 파드, 가장 새 파드.',
  criterion,
  theOthers: '나머지 파드',
  created: (atMs, owner) => `${at(atMs)}: ${owner}이(가) 만듦.`,
  adopted: (atMs, owner, labels, selector) => `${at(atMs)}: ${owner}이(가) 획득 — 컨트롤러가 없었고 라벨(${labels})이 셀렉터 ${selector}에 맞았습니다.`,
  released: (atMs, owner, labels, selector) => `${at(atMs)}: ${owner}이(가) 놓아줌 — 라벨(${labels})이 더 이상 셀렉터 ${selector}에 맞지 않습니다.`,
  orphaned: (atMs, owner) => `${at(atMs)}: 고아가 됨 — ${owner}이(가) --cascade=orphan으로 삭제되어 가비지 수집기가 ownerReference만 지우고 오브젝트는 남겼습니다.`,
  controlledBy: (owner) => `${owner}이(가) 관리합니다.`,
  alsoMatched: (other, selector, name) => `${other}의 셀렉터(${selector})도 맞지만 오브젝트의 컨트롤러는 하나뿐이라서 ${name}은(는) 손대지 않습니다.`,
  ownerGone: (owner) => `소유자 ${owner}이(가) 더 이상 없습니다: 가비지 수집기는 소유자가 없어진 오브젝트를 삭제합니다.`,
  noOwnerPod: '소유자 없음: 이 파드가 삭제되거나 노드가 고장 나면 아무도 다시 만들지 않습니다.',
  noOwner: '소유자 없음.',
  wouldAdopt: (other, selector) => `${other}의 셀렉터(${selector})가 이 라벨에 맞습니다: 그 컨트롤러는 컨트롤러가 없는 맞는 파드를 획득합니다.`,
  ownedTitle: '누가 소유할까?',
  orphanTitle: '왜 소유자가 없을까?',
  nodeStatus: (name, status, reason, message) => `${name}은(는) ${status}${reason ? `: ${reason}` : ''}${message ? ` — ${message}` : ''}`,
  cordoned: '코든됨 (spec.unschedulable): 스케줄러가 새 파드를 여기 배치하지 않습니다. 이미 있는 파드는 계속 실행됩니다.',
  taint: (taint, effect) => `테인트 ${taint} — 이를 용인하는 파드만 ${effect === 'NoExecute' ? '남을 수 있습니다' : '여기 스케줄됩니다'}.`,
  nodeTitle: (status) => `왜 ${status}일까?`,
};

export const koTextModules = { graphText: graph, inspectorText: inspector, timeTravelText: timeTravel, timelineText: timeline, whyStrings: why };
