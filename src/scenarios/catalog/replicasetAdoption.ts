import type { Scenario } from '../types';
import { FRONTEND_YAML, POD_RS_YAML } from './manifests';

/**
 * Kubernetes docs (Korean ReplicaSet page, in the notes): bare pods matching a ReplicaSet's selector
 * are adopted — after the RS is satisfied they are deleted, before it they count toward replicas —
 * and a pod relabelled out of the selector is released and replaced.
 */
export const replicasetAdoption: Scenario = {
  id: 'replicaset-adoption',
  title: { en: 'ReplicaSet adoption: bare pods with matching labels', ko: '레플리카셋의 파드 획득: 라벨이 일치하는 단독 파드' },
  summary: {
    en: 'A ReplicaSet owns every pod its selector matches, not only the ones it made. Create matching bare pods after the ReplicaSet (they are adopted and deleted) and before it (they are adopted and counted), then relabel a pod to take it out.',
    ko: '레플리카셋은 자신이 만든 파드뿐 아니라 셀렉터에 맞는 모든 파드를 소유합니다. 라벨이 맞는 단독 파드를 레플리카셋 다음에 만들면(획득 후 삭제), 먼저 만들면(획득 후 개수에 포함) 어떻게 되는지 보고, 라벨을 바꿔 파드를 빼내 봅니다.',
  },
  source: { en: 'Kubernetes docs “ReplicaSet” (Korean), as copied in the notes', ko: '쿠버네티스 문서 “레플리카셋” (노트에 복사된 한국어판)' },
  files: [FRONTEND_YAML, POD_RS_YAML],
  steps: [
    {
      id: 'frontend',
      text: {
        en: `Create the frontend ReplicaSet and check it: \`kubectl get rs\` should show \`frontend   3   3   3\` (DESIRED, CURRENT, READY).

Its selector is \`tier=frontend\`; the pod template carries the same label, as the API requires.`,
        ko: `frontend 레플리카셋을 만들고 확인하세요. \`kubectl get rs\`에 \`frontend   3   3   3\`(DESIRED, CURRENT, READY)이 보여야 합니다.

셀렉터는 \`tier=frontend\`이고, API가 요구하는 대로 파드 템플릿에도 같은 라벨이 있습니다.`,
      },
      commands: ['kubectl apply -f frontend.yaml', 'kubectl get rs', 'kubectl get pods'],
      check: { type: 'replicas', kind: 'ReplicaSet', name: 'frontend', ready: 3 },
      waitSeconds: 30,
    },
    {
      id: 'pods-after',
      text: {
        en: `Now create two bare pods, \`pod1\` and \`pod2\`, labelled \`tier: frontend\`. They have no owner, so the ReplicaSet acquires them at once — and now it has 5 pods for 3 replicas, so it deletes two. The newest, not-yet-ready ones go first: \`pod1\` and \`pod2\` are deleted at once — when you list the pods they are already gone, or shown as **Terminating** for a moment (the docs saw \`pod1 0/1 Terminating 0 1s\`). \`describe rs frontend\` lists two **SuccessfulDelete** events.

This is why the docs strongly recommend that bare pods never carry labels matching a ReplicaSet’s selector.`,
        ko: `이제 \`tier: frontend\` 라벨을 가진 단독 파드 \`pod1\`, \`pod2\`를 만드세요. 소유자가 없으므로 레플리카셋이 즉시 획득합니다. 그러면 replicas 3에 파드가 5개이므로 두 개를 지웁니다. 가장 새롭고 아직 준비되지 않은 파드가 먼저 지워지므로 \`pod1\`, \`pod2\`는 곧바로 삭제됩니다. 파드 목록을 보면 이미 사라졌거나 잠깐 **Terminating**으로 보입니다(문서에서는 \`pod1 0/1 Terminating 0 1s\`). \`describe rs frontend\`에 **SuccessfulDelete** 이벤트가 두 개 있습니다.

그래서 문서는 단독 파드가 레플리카셋의 셀렉터와 일치하는 라벨을 갖지 않도록 강력히 권장합니다.`,
      },
      commands: ['kubectl apply -f pod-rs.yaml', 'kubectl get pods', 'kubectl describe rs frontend'],
      check: {
        type: 'all',
        checks: [
          { type: 'eventSeen', reason: 'SuccessfulDelete', involvedKind: 'ReplicaSet', involvedName: 'frontend', minCount: 2 },
          { type: 'objectGone', kind: 'Pod', name: 'pod1' },
          { type: 'objectGone', kind: 'Pod', name: 'pod2' },
          { type: 'replicas', kind: 'ReplicaSet', name: 'frontend', ready: 3 },
        ],
      },
      waitSeconds: 40,
    },
    {
      id: 'delete-frontend',
      text: {
        en: `Delete the ReplicaSet (and with it its pods) to start the second experiment from a clean slate.`,
        ko: `두 번째 실험을 깨끗한 상태에서 시작하려고 레플리카셋(과 그 파드)을 지웁니다.`,
      },
      commands: ['kubectl delete rs frontend', 'kubectl get pods'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'ReplicaSet', name: 'frontend' },
          { type: 'podCount', selector: 'tier=frontend', count: 0, includeTerminating: true },
        ],
      },
      waitSeconds: 40,
    },
    {
      id: 'pods-first',
      text: {
        en: `Reverse the order: create \`pod1\` and \`pod2\` first. With no ReplicaSet around they are just two running pods.`,
        ko: `순서를 바꿔 \`pod1\`, \`pod2\`를 먼저 만드세요. 레플리카셋이 없으니 그냥 실행 중인 파드 두 개입니다.`,
      },
      commands: ['kubectl apply -f pod-rs.yaml', 'kubectl get pods'],
      check: {
        type: 'all',
        checks: [
          { type: 'podStatus', name: 'pod1', status: 'Running' },
          { type: 'podStatus', name: 'pod2', status: 'Running' },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'frontend-after',
      text: {
        en: `Now create the ReplicaSet. It finds two matching pods without an owner, acquires them, and creates only **one** new pod to reach 3 — the docs’ output: \`frontend-hmmj2\`, \`pod1\`, \`pod2\`.

\`pod1\` runs \`hello-app:2.0\`, not the template’s image: a ReplicaSet counts pods by label and never makes adopted pods match its template.`,
        ko: `이제 레플리카셋을 만드세요. 소유자가 없는 일치 파드 두 개를 찾아 획득하고, 3개를 채우기 위해 새 파드를 **하나만** 만듭니다. 문서의 출력처럼 \`frontend-hmmj2\`, \`pod1\`, \`pod2\`가 됩니다.

\`pod1\`은 템플릿의 이미지가 아니라 \`hello-app:2.0\`을 실행합니다. 레플리카셋은 라벨로 파드를 셀 뿐, 획득한 파드를 템플릿에 맞게 바꾸지 않습니다.`,
      },
      commands: ['kubectl apply -f frontend.yaml', 'kubectl get pods', 'kubectl get pod pod1 -o yaml'],
      check: {
        type: 'all',
        checks: [
          { type: 'ownerOf', pod: 'pod1', ownerKind: 'ReplicaSet', ownerName: 'frontend' },
          { type: 'ownerOf', pod: 'pod2', ownerKind: 'ReplicaSet', ownerName: 'frontend' },
          { type: 'podCount', selector: 'tier=frontend', count: 3, ready: true },
          { type: 'replicas', kind: 'ReplicaSet', name: 'frontend', ready: 3 },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'isolate',
      text: {
        en: `Change \`pod1\`’s label so it no longer matches. The ReplicaSet releases it (its ownerReference is removed) and, seeing only 2 pods, creates a replacement. \`pod1\` keeps running on its own — handy to take a pod out of service for debugging, as the docs suggest. Use \`--show-labels\` to see who is who.`,
        ko: `\`pod1\`의 라벨을 바꿔 셀렉터와 맞지 않게 하세요. 레플리카셋은 \`pod1\`을 놓아주고(ownerReference 제거), 파드가 2개뿐이니 새 파드를 만듭니다. \`pod1\`은 혼자 계속 실행됩니다. 문서 말대로 디버깅을 위해 파드를 서비스에서 빼낼 때 쓸 수 있는 방법입니다. \`--show-labels\`로 확인하세요.`,
      },
      commands: ['kubectl label pod pod1 tier=isolated --overwrite', 'kubectl get pods --show-labels'],
      check: {
        type: 'all',
        checks: [
          { type: 'ownerOf', pod: 'pod1', orphan: true },
          { type: 'podStatus', name: 'pod1', status: 'Running' },
          { type: 'podCount', selector: 'tier=frontend', count: 3, ready: true },
        ],
      },
      waitSeconds: 30,
    },
  ],
};
