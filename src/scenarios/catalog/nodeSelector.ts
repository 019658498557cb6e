import type { Scenario } from '../types';
import { MINIKUBE_NODES } from './manifests';

/** The notes' nodeSelector example: label minikube-m02 server=webap, the nginx pod lands there. */
export const nodeSelector: Scenario = {
  id: 'node-selector',
  title: { en: 'Scheduling with nodeSelector (server=webap)', ko: 'nodeSelector로 스케줄링하기 (server=webap)' },
  summary: {
    en: 'On a three-node minikube-like cluster, label one node and let a pod’s nodeSelector pull it there. Then see that the label matters only at scheduling time, and what FailedScheduling says when no node matches.',
    ko: '노드 3개인 minikube 같은 클러스터에서 노드 하나에 라벨을 붙이고, 파드의 nodeSelector로 그 노드에 배치합니다. 라벨은 스케줄링할 때만 중요하다는 것과, 맞는 노드가 없을 때 FailedScheduling이 뭐라고 하는지 봅니다.',
  },
  source: { en: 'Notes: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (파드 스케줄링)', ko: '노트: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (파드 스케줄링)' },
  cluster: { nodes: [...MINIKUBE_NODES] },
  files: [
    {
      name: 'labels-node.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    env: stage
spec:
  containers:
  - name: nginx
    image: nginx
  nodeSelector:
    server: webap
`,
      note: { en: 'The notes’ Pod/labels-node.yaml, unchanged.', ko: '노트의 Pod/labels-node.yaml 그대로.' },
    },
  ],
  steps: [
    {
      id: 'nodes',
      text: {
        en: `The cluster has the notes’ three nodes: \`minikube\` (the control plane) and the two added with \`minikube node add\`, \`minikube-m02\` and \`minikube-m03\`. List them with their labels: each already carries many (\`kubernetes.io/hostname\`, \`kubernetes.io/os\`, …).`,
        ko: `클러스터에는 노트의 노드 3개가 있습니다. 컨트롤 플레인인 \`minikube\`와 \`minikube node add\`로 추가한 \`minikube-m02\`, \`minikube-m03\`입니다. 라벨과 함께 조회해 보세요. 이미 많은 라벨(\`kubernetes.io/hostname\`, \`kubernetes.io/os\` …)이 붙어 있습니다.`,
      },
      commands: ['kubectl get nodes --show-labels'],
    },
    {
      id: 'label',
      text: {
        en: `Add the label \`server=webap\` to \`minikube-m02\`; kubectl answers \`node/minikube-m02 labeled\` and the label shows at the end of the LABELS column.`,
        ko: `\`minikube-m02\`에 \`server=webap\` 라벨을 추가하세요. kubectl이 \`node/minikube-m02 labeled\`라고 답하고, LABELS 열 끝에 라벨이 보입니다.`,
      },
      commands: ['kubectl label node minikube-m02 server=webap', 'kubectl get nodes --show-labels'],
      check: { type: 'nodeLabel', node: 'minikube-m02', key: 'server', value: 'webap' },
    },
    {
      id: 'create-pod',
      text: {
        en: `Create the pod. Its \`nodeSelector: {server: webap}\` is the scheduler’s first filter: only nodes with that label are candidates, so the pod lands on \`minikube-m02\` (NODE column of \`--output=wide\`). Of the remaining candidates the scheduler would then prefer the least loaded one.`,
        ko: `파드를 만드세요. \`nodeSelector: {server: webap}\`는 스케줄러의 첫 번째 필터입니다. 그 라벨을 가진 노드만 후보가 되므로 파드는 \`minikube-m02\`에 배치됩니다(\`--output=wide\`의 NODE 열). 후보가 여럿이면 그다음 리소스 사용량 기준으로 우선순위를 매깁니다.`,
      },
      commands: ['kubectl create -f labels-node.yaml', 'kubectl get pod --output=wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'podOnNode', name: 'nginx', node: 'minikube-m02' },
          { type: 'podStatus', name: 'nginx', status: 'Running' },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'remove-label',
      text: {
        en: `Remove the label (\`server-\`). The pod keeps running on \`minikube-m02\`: a nodeSelector is checked only when the pod is scheduled, never afterwards.`,
        ko: `라벨을 지우세요(\`server-\`). 파드는 \`minikube-m02\`에서 계속 실행됩니다. nodeSelector는 파드를 스케줄링할 때만 검사하고, 그 뒤에는 보지 않습니다.`,
      },
      commands: ['kubectl label node minikube-m02 server-', 'kubectl get pod --output=wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'nodeLabel', node: 'minikube-m02', key: 'server', absent: true },
          { type: 'podOnNode', name: 'nginx', node: 'minikube-m02' },
          { type: 'podStatus', name: 'nginx', status: 'Running' },
        ],
      },
    },
    {
      id: 'delete-pod',
      text: {
        en: `Delete the pod, and wait until it is gone.`,
        ko: `파드를 삭제하고 사라질 때까지 기다리세요.`,
      },
      commands: ['kubectl delete pod nginx', 'kubectl get pod'],
      check: { type: 'objectGone', kind: 'Pod', name: 'nginx' },
      waitSeconds: 30,
    },
    {
      id: 'no-match',
      text: {
        en: `Create it again. Now no node has \`server=webap\`: the pod stays **Pending**, and \`describe\` shows a **FailedScheduling** event from the scheduler:

\`\`\`
0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
\`\`\``,
        ko: `다시 만드세요. 이제 \`server=webap\` 라벨을 가진 노드가 없으므로 파드는 **Pending**에 머물고, \`describe\`에 스케줄러의 **FailedScheduling** 이벤트가 보입니다.

\`\`\`
0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
\`\`\``,
      },
      commands: ['kubectl create -f labels-node.yaml', 'kubectl get pod --output=wide', 'kubectl describe pod nginx'],
      check: {
        type: 'all',
        checks: [
          { type: 'podStatus', name: 'nginx', status: 'Pending' },
          { type: 'eventSeen', reason: 'FailedScheduling', involvedName: 'nginx', messageIncludes: "didn't match Pod's node affinity/selector" },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'label-m03',
      text: {
        en: `Give \`minikube-m03\` the label. The scheduler retries pending pods when nodes change, finds a match, and the pod starts on \`minikube-m03\`.`,
        ko: `\`minikube-m03\`에 라벨을 붙이세요. 스케줄러는 노드가 바뀌면 대기 중인 파드를 다시 시도하므로, 맞는 노드를 찾아 파드가 \`minikube-m03\`에서 시작됩니다.`,
      },
      commands: ['kubectl label node minikube-m03 server=webap', 'kubectl get pod --output=wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'podOnNode', name: 'nginx', node: 'minikube-m03' },
          { type: 'podStatus', name: 'nginx', status: 'Running' },
        ],
      },
      waitSeconds: 30,
    },
  ],
};
