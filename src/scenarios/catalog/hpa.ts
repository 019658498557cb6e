import type { Scenario } from '../types';

/**
 * The notes' (commented-out) HPA section: busy-replicaset burning CPU with dd, and an autoscaling/v2
 * HPA written with the old v2beta1 field targetAverageUtilization — rejected — then corrected.
 */
export const hpa: Scenario = {
  id: 'hpa',
  title: { en: 'HorizontalPodAutoscaler on a busy ReplicaSet', ko: '바쁜 레플리카셋에 HorizontalPodAutoscaler 걸기' },
  summary: {
    en: 'Two pods burn CPU with dd. An HPA targeting 30% CPU scales the ReplicaSet up to its maximum of 5. Along the way: why the notes’ HPA manifest is rejected by autoscaling/v2, and what happens if you scale by hand against the HPA.',
    ko: '파드 2개가 dd로 CPU를 태웁니다. CPU 30%를 목표로 하는 HPA가 레플리카셋을 최대 5개까지 늘립니다. 그 과정에서 노트의 HPA 매니페스트가 autoscaling/v2에서 거부되는 이유와, HPA와 반대로 손으로 스케일하면 어떻게 되는지 봅니다.',
  },
  source: { en: 'Notes: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (파드 자동 수평 스케일)', ko: '노트: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (파드 자동 수평 스케일)' },
  files: [
    {
      name: 'replicaset-hpa.yaml',
      text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: busy-replicaset
spec:
  replicas: 2
  selector:
    matchLabels:
      app: busy
  template:
    metadata:
      labels:
        app: busy
    spec:
      containers:
      - image: busybox
        name: hpa-container
        command: ["dd", "if=/dev/zero", "of=/dev/null"]
        resources:
          requests:
            cpu: 100m
          limits:
            cpu: 100m
`,
      note: { en: 'The notes’ HPA/replicaset-hpa.yaml, unchanged.', ko: '노트의 HPA/replicaset-hpa.yaml 그대로.' },
    },
    {
      name: 'hpa-notes.yaml',
      text: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: budy-hpa
spec:
  minReplicas: 1   # 최소 리플리카 수
  maxReplicas: 5   # 최대 리플리카 수
  metrics:
  - resource:
      name: cpu
      targetAverageUtilization: 30  # CPU 가 30% 되도록 조정
    type: Resource
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ReplicaSet
    name: busy-replicaset
`,
      note: {
        en: 'The notes’ HPA exactly as written: `targetAverageUtilization` is the old autoscaling/v2beta1 field, which autoscaling/v2 does not have.',
        ko: '노트의 HPA 그대로입니다. `targetAverageUtilization`은 예전 autoscaling/v2beta1의 필드라서 autoscaling/v2에는 없습니다.',
      },
    },
    {
      name: 'hpa.yaml',
      text: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: budy-hpa
spec:
  minReplicas: 1   # 최소 리플리카 수
  maxReplicas: 5   # 최대 리플리카 수
  metrics:
  - resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 30  # CPU 가 30% 되도록 조정
    type: Resource
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ReplicaSet
    name: busy-replicaset
`,
      note: {
        en: 'The same HPA in autoscaling/v2 form: the target moves into `resource.target` with `type: Utilization` and `averageUtilization`.',
        ko: '같은 HPA를 autoscaling/v2 형식으로 고쳤습니다. 목표값이 `resource.target` 아래로 들어가 `type: Utilization`, `averageUtilization`이 됩니다.',
      },
    },
  ],
  steps: [
    {
      id: 'busy-replicaset',
      text: {
        en: `Create \`busy-replicaset\`: two pods running \`dd if=/dev/zero of=/dev/null\`, which would eat a whole CPU. Each requests and is limited to \`100m\`, so each uses exactly 100m — 100% of its request.`,
        ko: `\`busy-replicaset\`을 만드세요. 파드 2개가 \`dd if=/dev/zero of=/dev/null\`을 실행하는데, 그대로 두면 CPU 하나를 다 씁니다. 각 파드는 \`100m\`를 요청하고 \`100m\`로 제한되어 있으므로 정확히 100m, 즉 요청량의 100%를 씁니다.`,
      },
      commands: ['kubectl apply -f replicaset-hpa.yaml', 'kubectl get pod --show-labels'],
      check: { type: 'replicas', kind: 'ReplicaSet', name: 'busy-replicaset', ready: 2 },
      waitSeconds: 30,
    },
    {
      id: 'top',
      text: {
        en: `Check the usage with \`kubectl top pod\`. In the notes this first failed (\`heapster\` not found) until the minikube \`metrics-server\` addon was enabled; an HPA reads the same metrics. Podlab’s cluster has metrics built in, but like metrics-server it needs a sample window first: if you get \`error: metrics not available yet\`, let the clock run half a minute and try again. Each pod shows \`100m\` of CPU (the limit) and almost no memory.`,
        ko: `\`kubectl top pod\`로 사용량을 확인하세요. 노트에서는 minikube의 \`metrics-server\` 애드온을 켜기 전까지 이 명령이 실패했습니다(\`heapster\`를 찾을 수 없음). HPA도 같은 메트릭을 읽습니다. Podlab 클러스터에는 메트릭이 내장되어 있지만, metrics-server처럼 처음 수집할 시간이 필요합니다. \`error: metrics not available yet\`이 나오면 30초쯤 시간을 흘린 뒤 다시 실행하세요. 파드마다 CPU \`100m\`(limit만큼)와 거의 0에 가까운 메모리가 보입니다.`,
      },
      commands: ['kubectl top pod'],
    },
    {
      id: 'old-field',
      text: {
        en: `Apply the HPA as the notes wrote it. It is rejected: \`targetAverageUtilization\` belongs to the old \`autoscaling/v2beta1\` API, and an \`autoscaling/v2\` server does not know the field:

\`\`\`
Error from server (BadRequest): error when creating "hpa-notes.yaml": HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics[0].resource.targetAverageUtilization"
\`\`\`

(The notes had commented this section out — perhaps this is why.)`,
        ko: `노트에 적힌 그대로 HPA를 적용해 보세요. 거부됩니다. \`targetAverageUtilization\`은 예전 \`autoscaling/v2beta1\` API의 필드라서 \`autoscaling/v2\` 서버는 이 필드를 모릅니다.

\`\`\`
Error from server (BadRequest): error when creating "hpa-notes.yaml": HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics[0].resource.targetAverageUtilization"
\`\`\`

(노트에서 이 부분을 주석 처리해 둔 것도 아마 이 때문일 겁니다.)`,
      },
      commands: ['kubectl apply -f hpa-notes.yaml'],
    },
    {
      id: 'hpa',
      text: {
        en: `Apply the corrected \`hpa.yaml\`. In \`autoscaling/v2\` the goal is written as

\`\`\`
target:
  type: Utilization
  averageUtilization: 30
\`\`\`

Every 15 s the HPA compares average CPU usage with 30% of the **requests**: the pods run at 100%, so it wants \`ceil(2 × 100 / 30) = 7\` replicas, capped by \`maxReplicas: 5\`. Without a \`behavior\` section one step may at most double the count (or go to 4), so it goes **2 → 4**, then **4 → 5** (events **SuccessfulRescale** \`New size: 4\`, \`New size: 5\`). \`kubectl get hpa\` then shows TARGETS \`cpu: 100%/30%\` and REPLICAS 5.

The notes say autoscaling needs both requests and limits; strictly, Utilization needs only **requests** (it is a percentage of them). The limit here just keeps each dd at 100m.`,
        ko: `고친 \`hpa.yaml\`을 적용하세요. \`autoscaling/v2\`에서는 목표를 이렇게 씁니다.

\`\`\`
target:
  type: Utilization
  averageUtilization: 30
\`\`\`

HPA는 15초마다 평균 CPU 사용량을 **requests**의 30%와 비교합니다. 파드가 100%로 돌고 있으니 \`ceil(2 × 100 / 30) = 7\`개를 원하지만 \`maxReplicas: 5\`로 제한됩니다. \`behavior\`를 적지 않으면 한 번에 최대 두 배(또는 4개)까지만 늘리므로 **2 → 4**, 그다음 **4 → 5**로 늘어납니다(**SuccessfulRescale** 이벤트 \`New size: 4\`, \`New size: 5\`). 그 뒤 \`kubectl get hpa\`의 TARGETS는 \`cpu: 100%/30%\`, REPLICAS는 5가 됩니다.

노트에는 자동 스케일에 requests와 limits가 둘 다 필요하다고 되어 있지만, 엄밀히는 Utilization에 **requests**만 있으면 됩니다(requests 대비 백분율이니까요). 여기서 limits는 dd를 100m로 묶어 둘 뿐입니다.`,
      },
      commands: ['kubectl apply -f hpa.yaml', 'kubectl get hpa', 'kubectl get pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'replicas', kind: 'HorizontalPodAutoscaler', name: 'budy-hpa', current: 5, desired: 5 },
          { type: 'replicas', kind: 'ReplicaSet', name: 'busy-replicaset', desired: 5, ready: 5 },
        ],
      },
      hint: { en: 'The HPA needs metrics from the new pods and syncs every 15 s: give it a minute or two.', ko: 'HPA는 새 파드의 메트릭이 필요하고 15초마다 동기화하므로 1~2분 기다리세요.' },
      waitSeconds: 120,
    },
    {
      id: 'against-hpa',
      text: {
        en: `Scale the ReplicaSet down by hand to 1. The ReplicaSet deletes four pods — but the HPA owns \`spec.replicas\` now: at its next syncs it sees one pod at 100% CPU and scales back up, until it is at 5 again. With an HPA in place, change \`minReplicas\`/\`maxReplicas\` instead of scaling by hand.`,
        ko: `레플리카셋을 손으로 1개로 줄여 보세요. 레플리카셋은 파드 4개를 지우지만, 이제 \`spec.replicas\`는 HPA가 관리합니다. 다음 동기화에서 CPU 100%인 파드 하나를 보고 다시 늘려, 결국 5개로 돌아갑니다. HPA가 있을 때는 손으로 스케일하지 말고 \`minReplicas\`/\`maxReplicas\`를 바꾸세요.`,
      },
      commands: ['kubectl scale rs busy-replicaset --replicas=1', 'kubectl get pod', 'kubectl get hpa'],
      check: {
        type: 'all',
        checks: [
          { type: 'eventSeen', reason: 'SuccessfulDelete', involvedKind: 'ReplicaSet', involvedName: 'busy-replicaset' },
          { type: 'replicas', kind: 'ReplicaSet', name: 'busy-replicaset', desired: 5, ready: 5 },
        ],
      },
      waitSeconds: 180,
    },
  ],
};
