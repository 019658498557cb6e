import type { Scenario } from '../types';
import { MINIKUBE_NODES } from './manifests';

/**
 * The notes' requests-pod (50m / 300Mi) and `kubectl describe node`: the scheduler places pods by
 * their requests, not by what they use. A pod whose request no longer fits stays Pending.
 */
export const resourceRequests: Scenario = {
  id: 'resource-requests',
  title: { en: 'Resource requests fill a node', ko: '리소스 요청(requests)이 노드를 채운다' },
  summary: {
    en: 'Create the notes’ requests-pod and read the allocated figures in `kubectl describe node`. Then ask for more memory than is left: the pod stays Pending with FailedScheduling — although the node is almost idle — until the first pod is deleted.',
    ko: '노트의 requests-pod를 만들고 `kubectl describe node`의 할당량을 읽습니다. 그다음 남은 양보다 많은 메모리를 요청하면 노드가 거의 놀고 있는데도 파드가 FailedScheduling으로 Pending에 머물고, 첫 파드를 지워야 실행됩니다.',
  },
  source: { en: 'Notes: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (노드의 CPU, Memory 리소스)', ko: '노트: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (노드의 CPU, Memory 리소스 확인)' },
  cluster: { nodes: [MINIKUBE_NODES[0]] },
  files: [
    {
      name: 'pod-request.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: requests-pod

spec:
  containers:
  - image: busybox
    command: ["dd", "if=/dev/zero", "of=/dev/null"]
    name: main
    resources:
      requests:
        cpu: 50m
        memory: 300Mi # (K M G T P), (Ki Mi Gi Ti Pi) 사용 가능
`,
      note: { en: 'The notes’ Pod/pod-request.yaml, unchanged.', ko: '노트의 Pod/pod-request.yaml 그대로.' },
    },
    {
      name: 'big-requests-pod.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: big-requests-pod
spec:
  containers:
  - image: busybox
    command: ["dd", "if=/dev/zero", "of=/dev/null"]
    name: main
    resources:
      requests:
        cpu: 50m
        memory: 1800Mi
`,
      note: {
        en: 'Added: the same pod asking for 1800Mi — it would fit on the empty node, but not next to requests-pod.',
        ko: '추가한 파일: 같은 파드가 1800Mi를 요청합니다. 빈 노드에는 들어가지만 requests-pod 옆에는 들어가지 못합니다.',
      },
    },
  ],
  steps: [
    {
      id: 'requests-pod',
      text: {
        en: `This cluster is a single node, \`minikube\`, with the notes’ capacity: 4 CPUs and \`2037260Ki\` (about 1989Mi) of memory. Create \`requests-pod\`: \`dd\` copies zeros forever and burns CPU, and the pod **requests** 50m CPU and 300Mi memory — the minimum the scheduler must find free on a node.`,
        ko: `이 클러스터는 노트와 같은 용량(CPU 4개, 메모리 \`2037260Ki\`, 약 1989Mi)의 노드 \`minikube\` 하나입니다. \`requests-pod\`를 만드세요. \`dd\`는 0을 끝없이 복사하며 CPU를 쓰고, 파드는 CPU 50m와 메모리 300Mi를 **요청(requests)**합니다. 스케줄러가 노드에서 비어 있는지 확인해야 하는 최소량입니다.`,
      },
      commands: ['kubectl create -f pod-request.yaml', 'kubectl get pods --output wide'],
      check: { type: 'podStatus', name: 'requests-pod', status: 'Running' },
      waitSeconds: 20,
    },
    {
      id: 'describe-node',
      text: {
        en: `Describe the node. Under **Non-terminated Pods** the pod is listed with its requests, and **Allocated resources** sums them: \`cpu 50m (1%)\`, \`memory 300Mi (15%)\` of the allocatable 4 CPUs and 1989Mi.

The notes read these figures as “remaining limits”; they are the **sum of requests** (and, in the second column, of limits — this pod sets none). They go up by exactly 50m and 300Mi no matter how much the pod really uses.`,
        ko: `노드를 describe 해 보세요. **Non-terminated Pods**에 파드가 요청량과 함께 나오고, **Allocated resources**가 그 합계를 보여 줍니다: 할당 가능한 CPU 4개, 메모리 1989Mi 중 \`cpu 50m (1%)\`, \`memory 300Mi (15%)\`.

노트는 이 숫자를 “남은 Limits”로 읽었지만, 실제로는 **requests의 합**입니다(두 번째 열은 limits의 합인데, 이 파드는 limits가 없습니다). 파드가 실제로 얼마를 쓰든 정확히 50m, 300Mi만큼 늘어납니다.`,
      },
      commands: ['kubectl describe node minikube'],
    },
    {
      id: 'too-big',
      text: {
        en: `Create \`big-requests-pod\`, which requests 1800Mi. Alone it would fit (1989Mi allocatable), but 300Mi are already reserved, leaving about 1689Mi. The pod stays **Pending** and the scheduler reports **FailedScheduling**:

\`\`\`
0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.
\`\`\`

The node is nearly idle in memory — \`dd\` uses almost none. Scheduling looks at the manifests’ requests, not at real usage: the more a pod requests, the fewer other pods fit on its node.`,
        ko: `1800Mi를 요청하는 \`big-requests-pod\`를 만드세요. 혼자라면 들어가지만(할당 가능 1989Mi), 이미 300Mi가 예약되어 약 1689Mi만 남았습니다. 파드는 **Pending**에 머물고 스케줄러가 **FailedScheduling**을 남깁니다.

\`\`\`
0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.
\`\`\`

노드의 메모리는 거의 비어 있습니다. \`dd\`는 메모리를 거의 쓰지 않으니까요. 스케줄링은 실제 사용량이 아니라 매니페스트의 requests로 결정됩니다. 파드가 많이 요청할수록 그 노드에 다른 파드를 둘 수 없습니다.`,
      },
      commands: ['kubectl create -f big-requests-pod.yaml', 'kubectl get pods', 'kubectl describe pod big-requests-pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'podStatus', name: 'big-requests-pod', status: 'Pending' },
          { type: 'eventSeen', reason: 'FailedScheduling', involvedName: 'big-requests-pod', messageIncludes: 'Insufficient memory' },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'free-up',
      text: {
        en: `Delete \`requests-pod\`. Once it is gone its 300Mi are no longer reserved, the scheduler tries the pending pod again, and \`big-requests-pod\` is scheduled on \`minikube\` and starts.`,
        ko: `\`requests-pod\`를 삭제하세요. 파드가 사라지면 300Mi 예약이 풀리고, 스케줄러가 대기 중인 파드를 다시 시도해 \`big-requests-pod\`가 \`minikube\`에 배치되고 시작됩니다.`,
      },
      commands: ['kubectl delete pod requests-pod', 'kubectl get pods --output wide', 'kubectl describe node minikube'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'Pod', name: 'requests-pod' },
          { type: 'podOnNode', name: 'big-requests-pod', node: 'minikube' },
          { type: 'podStatus', name: 'big-requests-pod', status: 'Running' },
        ],
      },
      waitSeconds: 60,
    },
  ],
};
