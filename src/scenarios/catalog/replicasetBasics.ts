import type { Scenario } from '../types';

/**
 * The gentle first scenario: a bare pod is not brought back; a ReplicaSet keeps its pods.
 * Follows the notes "파드, ReplicaSet" (인프런 초보를 위한 쿠버네티스 안내서): pod creation flow,
 * echo-rs with matchLabels app=echo, tier=app.
 */
export const replicasetBasics: Scenario = {
  id: 'replicaset-basics',
  title: { en: 'Pods and ReplicaSet basics', ko: '파드와 레플리카셋 기초' },
  summary: {
    en: 'Create a bare pod and watch how it is scheduled and started; delete it and nothing brings it back. Then let a ReplicaSet keep three copies alive and replace the one you delete.',
    ko: '단독 파드를 만들어 스케줄링되고 실행되는 과정을 보고, 지우면 아무도 되살리지 않는다는 것을 확인합니다. 그다음 레플리카셋이 파드 3개를 유지하고, 지운 파드를 새로 만들어 채우는 것을 봅니다.',
  },
  source: { en: 'Notes: “파드, ReplicaSet” (Inflearn beginner course)', ko: '노트: “파드, ReplicaSet” (인프런 초보를 위한 쿠버네티스 안내서)' },
  files: [
    {
      name: 'echo-pod.yml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: echo
  labels:
    app: echo
spec:
  containers:
    - name: app
      image: ghcr.io/subicura/echo:v1
`,
      note: {
        en: 'The course’s echo pod (the notes run `kubectl logs echo` on it but do not print its YAML).',
        ko: '강의의 echo 파드 (노트는 `kubectl logs echo`만 보여 주고 YAML은 싣지 않았습니다).',
      },
    },
    {
      name: 'echo-rs.yml',
      text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: echo-rs
spec:
  replicas: 3
  selector:
    matchLabels:
      app: echo
      tier: app
  template:
    metadata:
      labels:
        app: echo
        tier: app
    spec:
      containers:
        - name: echo
          image: ghcr.io/subicura/echo:v1
`,
      note: { en: 'The notes’ ReplicaSet, unchanged.', ko: '노트의 레플리카셋 그대로.' },
    },
  ],
  steps: [
    {
      id: 'bare-pod',
      text: {
        en: `Create a pod on its own and list pods a few times while the clock runs.

Watch STATUS go **Pending → ContainerCreating → Running**. That is the creation flow from the notes:
- kubectl sends the pod to the **API server**, which stores it without a node
- the **scheduler** notices the unassigned pod and picks a node for it
- the **kubelet** on that node sees a pod assigned to it, pulls the image and starts the container, then reports the status back to the API server`,
        ko: `파드를 단독으로 만들고, 시간이 흐르는 동안 파드 목록을 몇 번 확인해 보세요.

STATUS가 **Pending → ContainerCreating → Running**으로 바뀌는 것을 볼 수 있습니다. 노트의 생성 과정 그대로입니다.
- kubectl이 파드를 **API 서버**에 보내고, API 서버는 노드가 정해지지 않은 채로 파드를 저장
- **스케줄러**가 할당되지 않은 파드를 감지해 적절한 노드에 할당
- 그 노드의 **kubelet**이 자신에게 할당된 파드를 확인해 이미지를 받고 컨테이너를 만든 뒤, 상태를 API 서버에 전달`,
      },
      commands: ['kubectl apply -f echo-pod.yml', 'kubectl get pod'],
      check: { type: 'podStatus', name: 'echo', status: 'Running' },
      hint: { en: 'Let the clock run a few seconds: pulling the image takes a moment.', ko: '이미지를 받는 데 몇 초 걸립니다. 시간을 조금 흘려 보세요.' },
      waitSeconds: 20,
    },
    {
      id: 'pod-events',
      text: {
        en: `Look at the pod’s events at the bottom of \`describe\`. Each line names the component that did the work: \`default-scheduler\` (**Scheduled** to a node), then the \`kubelet\` (**Pulling**, **Pulled**, **Created**, **Started**).`,
        ko: `\`describe\` 출력 맨 아래의 이벤트를 보세요. 각 줄에 일을 한 컴포넌트가 적혀 있습니다. \`default-scheduler\`가 노드를 정하고(**Scheduled**), 그다음 \`kubelet\`이 **Pulling**, **Pulled**, **Created**, **Started**를 남깁니다.`,
      },
      commands: ['kubectl describe pod echo'],
    },
    {
      id: 'delete-bare-pod',
      text: {
        en: `Delete the pod. It shows **Terminating** for up to 30 seconds — the kubelet sends SIGTERM, and this Node.js server (PID 1) ignores it, so the kubelet waits out the grace period and then kills it — and then it is gone. Nothing creates it again.

A pod made on its own has no owner: when it dies or is deleted, nobody recovers it. That is the reason for a ReplicaSet.`,
        ko: `파드를 삭제해 보세요. 최대 30초 동안 **Terminating**으로 보입니다. kubelet이 SIGTERM을 보내지만 이 Node.js 서버(PID 1)는 무시하므로, 유예 시간을 기다렸다가 강제로 종료합니다. 그 뒤 파드는 사라지고, 다시 만들어지지 않습니다.

파드를 단독으로 만들면 소유자가 없어서, 파드가 죽거나 지워져도 아무도 복구하지 않습니다. 그래서 레플리카셋이 필요합니다.`,
      },
      commands: ['kubectl delete pod echo', 'kubectl get pod'],
      check: { type: 'objectGone', kind: 'Pod', name: 'echo' },
      waitSeconds: 40,
    },
    {
      id: 'create-rs',
      text: {
        en: `Create the ReplicaSet. \`replicas: 3\` asks for three pods; the ReplicaSet looks for pods whose labels match **all** of \`matchLabels\` (\`app=echo\` and \`tier=app\`), finds none, and creates three from \`template\`.

\`kubectl get rs\` shows DESIRED, CURRENT and READY; the pods are named \`echo-rs-\` plus five random characters.`,
        ko: `레플리카셋을 만드세요. \`replicas: 3\`이므로 파드 3개를 유지하려 합니다. 레플리카셋은 \`matchLabels\`의 라벨(\`app=echo\`, \`tier=app\`)을 **모두** 가진 파드를 찾고, 없으니 \`template\` 설정대로 3개를 만듭니다.

\`kubectl get rs\`에서 DESIRED, CURRENT, READY를 확인하세요. 파드 이름은 \`echo-rs-\` 뒤에 임의의 다섯 글자가 붙습니다.`,
      },
      commands: ['kubectl apply -f echo-rs.yml', 'kubectl get rs', 'kubectl get pod --show-labels'],
      check: { type: 'replicas', kind: 'ReplicaSet', name: 'echo-rs', ready: 3 },
      waitSeconds: 30,
    },
    {
      id: 'self-heal',
      text: {
        en: `Delete one of the ReplicaSet’s pods. The deleted pod goes **Terminating**, and at once a new \`echo-rs-…\` pod appears: the ReplicaSet controller keeps checking “pods matching my selector = replicas?” and creates a pod when one is missing.`,
        ko: `레플리카셋의 파드 하나를 지워 보세요. 지운 파드는 **Terminating**이 되고, 곧바로 새 \`echo-rs-…\` 파드가 생깁니다. 레플리카셋 컨트롤러는 “셀렉터에 맞는 파드 수 = replicas?”를 계속 확인하고, 모자라면 파드를 만듭니다.`,
      },
      commands: ['kubectl delete pod {pod:app=echo,tier=app}', 'kubectl get pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'eventSeen', reason: 'SuccessfulCreate', involvedKind: 'ReplicaSet', involvedName: 'echo-rs', minCount: 4 },
          { type: 'replicas', kind: 'ReplicaSet', name: 'echo-rs', ready: 3 },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'owner-references',
      text: {
        en: `How does a pod belong to the ReplicaSet? Look at \`metadata.ownerReferences\` in a pod’s YAML: \`kind: ReplicaSet\`, \`name: echo-rs\`, \`controller: true\`. \`describe rs\` lists the **SuccessfulCreate** events, one per pod it created (four so far).`,
        ko: `파드는 어떻게 레플리카셋에 속할까요? 파드 YAML의 \`metadata.ownerReferences\`를 보세요. \`kind: ReplicaSet\`, \`name: echo-rs\`, \`controller: true\`가 있습니다. \`describe rs\`에는 만든 파드마다 **SuccessfulCreate** 이벤트가 남아 있습니다(지금까지 4개).`,
      },
      commands: ['kubectl get pod {pod:app=echo,tier=app} -o yaml', 'kubectl describe rs echo-rs'],
    },
    {
      id: 'delete-rs',
      text: {
        en: `Delete the ReplicaSet. By default kubectl deletes its pods too (the garbage collector follows the ownerReferences), so all three pods terminate and disappear.`,
        ko: `레플리카셋을 삭제하세요. 기본적으로 kubectl은 종속된 파드도 함께 지웁니다(가비지 수집기가 ownerReferences를 따라갑니다). 파드 3개가 모두 종료되어 사라집니다.`,
      },
      commands: ['kubectl delete rs echo-rs', 'kubectl get pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'ReplicaSet', name: 'echo-rs' },
          { type: 'podCount', selector: 'app=echo', count: 0, includeTerminating: true },
        ],
      },
      waitSeconds: 40,
    },
  ],
};
