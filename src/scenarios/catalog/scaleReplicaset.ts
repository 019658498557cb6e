import type { Scenario } from '../types';

/**
 * The notes' "kubectl 리플리카셋 조작" and "파드 수동 수평 스케일": nginx-pod adopted by
 * nginx-replicaset (only 4 new pods for 5 replicas), then pod-scale.yaml scaled 3 → 8 → 2.
 */
export const scaleReplicaset: Scenario = {
  id: 'scale-replicaset',
  title: { en: 'Scaling a ReplicaSet with kubectl scale', ko: 'kubectl scale로 레플리카셋 스케일하기' },
  summary: {
    en: 'The notes’ nginx-replicaset: first see a bare nginx-pod counted as one of its replicas, then scale out from 3 to 8 pods and back in to 2 with `kubectl scale`.',
    ko: '노트의 nginx-replicaset입니다. 먼저 단독 nginx-pod가 레플리카 하나로 세어지는 것을 보고, `kubectl scale`로 파드를 3개에서 8개로 늘렸다가 2개로 줄입니다.',
  },
  source: { en: 'Notes: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (리플리카셋, 스케일러빌리티)', ko: '노트: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (리플리카셋, 스케일러빌리티)' },
  files: [
    {
      name: 'pod-nginx.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
  labels:
    app: photo-view
spec:
  containers:
  - image: nginx
    name: nginx-container
`,
      note: {
        en: 'The notes’ ReplicaSet/pod-nginx.yaml is not printed; this is a bare nginx pod with the label the notes describe (`photo-view`).',
        ko: '노트에는 ReplicaSet/pod-nginx.yaml 내용이 없어서, 노트가 말한 라벨(`photo-view`)을 가진 단독 nginx 파드로 만들었습니다.',
      },
    },
    {
      name: 'replicaset-nginx.yaml',
      text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: nginx-replicaset
spec:
  replicas: 5
  selector:
    matchLabels:
      app: photo-view
  template:
    metadata:
      labels:
        app: photo-view
    spec:
      containers:
      - image: nginx
        name: photoview-container
`,
      note: {
        en: 'The notes’ ReplicaSet/replicaset-nginx.yaml is not printed either: this is their pod-scale.yaml with 5 replicas, which matches their output (nginx-pod plus 4 new pods).',
        ko: '노트에 ReplicaSet/replicaset-nginx.yaml 내용도 없어서, 노트의 pod-scale.yaml에 replicas 5를 넣었습니다. 노트의 출력(nginx-pod + 새 파드 4개)과 맞습니다.',
      },
    },
    {
      name: 'pod-scale.yaml',
      text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: nginx-replicaset
spec:
  replicas: 3
  selector:
    matchLabels:
      app: photo-view
  template:
    metadata:
      labels:
        app: photo-view
    spec:
      containers:
      - image: nginx
        name: photoview-container
`,
      note: { en: 'The notes’ HPA/pod-scale.yaml, unchanged.', ko: '노트의 HPA/pod-scale.yaml 그대로.' },
    },
  ],
  steps: [
    {
      id: 'bare-pod',
      text: {
        en: `Create a bare pod, \`nginx-pod\`, labelled \`app: photo-view\`.`,
        ko: `\`app: photo-view\` 라벨을 가진 단독 파드 \`nginx-pod\`를 만드세요.`,
      },
      commands: ['kubectl apply -f pod-nginx.yaml', 'kubectl get pod'],
      check: { type: 'podStatus', name: 'nginx-pod', status: 'Running' },
      waitSeconds: 20,
    },
    {
      id: 'replicaset-5',
      text: {
        en: `Create \`nginx-replicaset\` with \`replicas: 5\` and list pods right away. As in the notes there are only **four** new \`nginx-replicaset-…\` pods (\`ContainerCreating\` at first) next to \`nginx-pod\`: the ReplicaSet manages pods purely by label, so it adopted the running \`nginx-pod\` and counted it as one of the five.`,
        ko: `\`replicas: 5\`인 \`nginx-replicaset\`을 만들고 바로 파드를 조회하세요. 노트처럼 \`nginx-pod\` 옆에 새 \`nginx-replicaset-…\` 파드가 **4개**만(처음엔 \`ContainerCreating\`) 생깁니다. 레플리카셋은 철저히 라벨로 파드를 관리하므로, 실행 중인 \`nginx-pod\`를 획득해 다섯 개 중 하나로 셉니다.`,
      },
      commands: ['kubectl apply -f replicaset-nginx.yaml', 'kubectl get pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'ownerOf', pod: 'nginx-pod', ownerKind: 'ReplicaSet', ownerName: 'nginx-replicaset' },
          { type: 'podCount', selector: 'app=photo-view', count: 5, ready: true },
          { type: 'replicas', kind: 'ReplicaSet', name: 'nginx-replicaset', ready: 5 },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'delete-replicaset',
      text: {
        en: `Delete the ReplicaSet. All five pods go — including \`nginx-pod\`: once adopted, it belongs to the ReplicaSet and is deleted with it.`,
        ko: `레플리카셋을 삭제하세요. \`nginx-pod\`를 포함해 다섯 개 모두 사라집니다. 일단 획득된 파드는 레플리카셋 소유이므로 함께 삭제됩니다.`,
      },
      commands: ['kubectl delete rs nginx-replicaset', 'kubectl get pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'ReplicaSet', name: 'nginx-replicaset' },
          { type: 'objectGone', kind: 'Pod', name: 'nginx-pod' },
          { type: 'podCount', selector: 'app=photo-view', count: 0, includeTerminating: true },
        ],
      },
      waitSeconds: 40,
    },
    {
      id: 'replicaset-3',
      text: {
        en: `Create the notes’ \`pod-scale.yaml\`: the same ReplicaSet with \`replicas: 3\`.`,
        ko: `노트의 \`pod-scale.yaml\`을 적용하세요. \`replicas: 3\`인 같은 레플리카셋입니다.`,
      },
      commands: ['kubectl apply -f pod-scale.yaml', 'kubectl get pod'],
      check: { type: 'replicas', kind: 'ReplicaSet', name: 'nginx-replicaset', desired: 3, ready: 3 },
      waitSeconds: 30,
    },
    {
      id: 'scale-out',
      text: {
        en: `Scale out to 8: \`kubectl scale\` changes only \`spec.replicas\`, and the ReplicaSet creates the five missing pods — \`replicaset.apps/nginx-replicaset scaled\`. In the notes’ list, the three old pods are \`2m29s\` old and the five new ones \`19s\`.

This is horizontal scaling (scale-out): more pods of the same kind, as opposed to scale-up, giving one server more CPU and memory.`,
        ko: `8개로 스케일 아웃하세요. \`kubectl scale\`은 \`spec.replicas\`만 바꾸고, 레플리카셋이 모자란 파드 5개를 만듭니다(\`replicaset.apps/nginx-replicaset scaled\`). 노트의 목록에서 기존 3개는 \`2m29s\`, 새 5개는 \`19s\`입니다.

이것이 수평 스케일(스케일 아웃)입니다. 같은 파드를 늘리는 방식으로, 서버 한 대의 CPU와 메모리를 늘리는 스케일 업(수직 스케일)과 다릅니다.`,
      },
      commands: ['kubectl scale --replicas=8 rs/nginx-replicaset', 'kubectl get pod'],
      check: { type: 'replicas', kind: 'ReplicaSet', name: 'nginx-replicaset', desired: 8, ready: 8 },
      waitSeconds: 30,
    },
    {
      id: 'scale-in',
      text: {
        en: `Scale back in to 2. The ReplicaSet deletes six pods, choosing the cheapest to lose first: pending or not-ready pods, then pods on crowded nodes, then the most recently started ones.`,
        ko: `2개로 줄이세요. 레플리카셋은 파드 6개를 지우며, 잃어도 덜 아까운 파드부터 고릅니다. 대기 중이거나 준비되지 않은 파드, 파드가 많이 몰린 노드의 파드, 그리고 가장 최근에 시작한 파드 순입니다.`,
      },
      commands: ['kubectl scale --replicas=2 rs/nginx-replicaset', 'kubectl get pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'replicas', kind: 'ReplicaSet', name: 'nginx-replicaset', desired: 2, current: 2, ready: 2 },
          { type: 'podCount', selector: 'app=photo-view', count: 2, includeTerminating: true },
        ],
      },
      waitSeconds: 40,
    },
  ],
};
