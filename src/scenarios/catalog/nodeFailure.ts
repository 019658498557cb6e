import type { Scenario } from '../types';

/**
 * A node stops: NotReady after the 50 s grace period, unreachable taints, eviction after the
 * default 300 s toleration; the ReplicaSet replaces its pods elsewhere, the bare pod is lost, the
 * DaemonSet pod stays. Ties the notes' "ReplicaSet replaces pods lost to node failure" and
 * "a DaemonSet does not move to another node" to what a learner sees.
 */
export const nodeFailure: Scenario = {
  id: 'node-failure',
  title: { en: 'Node failure: NotReady, eviction and replacement', ko: '노드 장애: NotReady, 축출, 교체' },
  summary: {
    en: 'Stop node-2’s kubelet. Watch the node turn NotReady after about 50 s, its pods get evicted after 5 minutes, the ReplicaSet recreate them on other nodes — while the bare pod is simply lost and the DaemonSet pod stays put.',
    ko: 'node-2의 kubelet을 멈춥니다. 약 50초 뒤 노드가 NotReady가 되고, 5분 뒤 파드가 축출되고, 레플리카셋이 다른 노드에 파드를 다시 만드는 것을 봅니다. 단독 파드는 그냥 사라지고, 데몬셋 파드는 그 자리에 남습니다.',
  },
  source: {
    en: 'Notes: why pods need a controller; “노드가 다운되어도 데몬셋은 다른 곳에 파드를 생성하지 않는다”; ReplicaSet docs on node failure',
    ko: '노트: 파드에 상위 리소스가 필요한 이유, “노드가 다운되어도 데몬셋은 다른 곳에 파드를 생성하지 않는다”, 레플리카셋 문서의 노드 장애 설명',
  },
  files: [
    {
      name: 'web-rs.yaml',
      text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 6
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`,
      note: { en: 'Six nginx pods, spread over the three nodes.', ko: '세 노드에 퍼지는 nginx 파드 6개.' },
    },
    {
      name: 'solo-pod.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: solo
  labels:
    app: solo
spec:
  nodeSelector:
    kubernetes.io/hostname: node-2
  containers:
  - name: nginx
    image: nginx:1.27
`,
      note: { en: 'A bare pod, placed on node-2 with a nodeSelector on the hostname label.', ko: '호스트 이름 라벨을 nodeSelector로 지정해 node-2에 둔 단독 파드.' },
    },
    {
      name: 'node-agent.yaml',
      text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: busybox
        command: ["sleep", "86400"]
`,
      note: { en: 'A DaemonSet: one agent pod per node.', ko: '노드마다 에이전트 파드 하나를 두는 데몬셋.' },
    },
  ],
  steps: [
    {
      id: 'deploy',
      text: {
        en: `Create the three workloads: the \`web\` ReplicaSet (6 pods spread over the nodes), the bare pod \`solo\` on \`node-2\`, and the \`node-agent\` DaemonSet (one pod per node). \`-o wide\` shows where each pod runs.`,
        ko: `워크로드 세 개를 만드세요. \`web\` 레플리카셋(노드에 퍼진 파드 6개), \`node-2\`에 둔 단독 파드 \`solo\`, 그리고 \`node-agent\` 데몬셋(노드마다 파드 1개)입니다. \`-o wide\`로 각 파드가 어디서 실행되는지 보세요.`,
      },
      commands: ['kubectl apply -f web-rs.yaml', 'kubectl apply -f solo-pod.yaml', 'kubectl apply -f node-agent.yaml', 'kubectl get pods -o wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'replicas', kind: 'ReplicaSet', name: 'web', ready: 6 },
          { type: 'podStatus', name: 'solo', status: 'Running' },
          { type: 'replicas', kind: 'DaemonSet', name: 'node-agent', desired: 3, ready: 3 },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'stop-node',
      text: {
        en: `Pull the plug on \`node-2\`: the annotation \`podlab.dev/failure=stopped\` is Podlab’s way to stop a node’s kubelet (no more heartbeats, probes or status updates).

Nothing changes at first. The node lifecycle controller waits for the grace period (about **50 s**) without a heartbeat, then sets the node’s Ready condition to \`Unknown\` — \`kubectl get nodes\` shows **NotReady** — and taints it \`node.kubernetes.io/unreachable\` (NoSchedule and NoExecute). The pods on it get their Ready condition set to False (a Service would stop sending them traffic), yet \`kubectl get pods\` still lists them as \`Running\`: nobody on that node can report anything new.`,
        ko: `\`node-2\`의 전원을 뽑아 봅시다. \`podlab.dev/failure=stopped\` 어노테이션은 노드의 kubelet을 멈추는 Podlab의 방법입니다(하트비트, 프로브, 상태 갱신이 모두 멈춤).

처음엔 아무 일도 없습니다. 노드 수명 주기 컨트롤러가 하트비트 없이 유예 시간(약 **50초**)을 기다린 뒤, 노드의 Ready 조건을 \`Unknown\`으로 바꾸고(\`kubectl get nodes\`에 **NotReady**) \`node.kubernetes.io/unreachable\` 테인트(NoSchedule, NoExecute)를 붙입니다. 그 노드의 파드는 Ready 조건이 False가 되지만(서비스라면 트래픽을 보내지 않음) \`kubectl get pods\`에는 여전히 \`Running\`으로 보입니다. 그 노드에서 새로 상태를 보고할 수 있는 것이 없기 때문입니다.`,
      },
      commands: ['kubectl annotate node node-2 podlab.dev/failure=stopped', 'kubectl get nodes'],
      check: {
        type: 'all',
        checks: [
          { type: 'nodeStatus', node: 'node-2', status: 'NotReady' },
          { type: 'nodeTaint', node: 'node-2', key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
        ],
      },
      waitSeconds: 60,
    },
    {
      id: 'tolerations',
      text: {
        en: `Why are the pods not moved right away? Describe \`solo\`: under **Tolerations** every pod got \`node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\` automatically. A pod tolerates an unreachable node for 300 s in case it comes back quickly. The DaemonSet’s pods tolerate it with no time limit.`,
        ko: `왜 파드가 바로 옮겨지지 않을까요? \`solo\`를 describe 해 보세요. **Tolerations**에 \`node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\`가 자동으로 들어가 있습니다. 노드가 금방 돌아올 수도 있으니 파드는 연결이 끊긴 노드를 300초 동안 견딥니다. 데몬셋의 파드는 시간 제한 없이 견딥니다.`,
      },
      commands: ['kubectl describe node node-2', 'kubectl describe pod solo', 'kubectl get pods -o wide'],
    },
    {
      id: 'eviction',
      text: {
        en: `Fast-forward 5 minutes. When the 300 s run out, the pods on \`node-2\` are evicted (deleted). They stay listed as **Terminating**, because the stopped kubelet cannot confirm that they ended.
- The \`web\` ReplicaSet no longer counts pods being deleted, so it creates replacements — on \`node-1\` and \`node-3\`, since \`node-2\` is tainted. This is what the docs mean by a ReplicaSet replacing pods lost to a node failure.
- The bare pod \`solo\` has no controller: nobody replaces it.
- The DaemonSet pod on \`node-2\` is not evicted, and no extra daemon pod appears elsewhere — as the notes say, a DaemonSet does not move to another node.`,
        ko: `5분 빨리 감기하세요. 300초가 지나면 \`node-2\`의 파드가 축출(삭제)됩니다. 멈춘 kubelet이 종료를 확인해 줄 수 없으므로 파드는 **Terminating**으로 남아 있습니다.
- \`web\` 레플리카셋은 삭제 중인 파드를 세지 않으므로 교체 파드를 만듭니다. \`node-2\`에는 테인트가 있어서 \`node-1\`, \`node-3\`에 생깁니다. 노드 장애로 잃은 파드를 레플리카셋이 교체한다는 문서의 설명이 이것입니다.
- 단독 파드 \`solo\`는 컨트롤러가 없어서 아무도 교체하지 않습니다.
- \`node-2\`의 데몬셋 파드는 축출되지 않고, 다른 노드에 데몬 파드가 더 생기지도 않습니다. 노트 말대로 데몬셋은 다른 곳에 파드를 만들지 않습니다.`,
      },
      commands: ['kubectl get pods -o wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'podCount', selector: 'app=web', node: 'node-2', count: 0 },
          { type: 'podCount', selector: 'app=web', count: 6, ready: true },
          { type: 'podStatus', name: 'solo', status: 'Terminating' },
          { type: 'podCount', selector: 'app=node-agent', node: 'node-2', count: 1 },
        ],
      },
      hint: { en: 'Eviction comes 300 s after the node became NotReady.', ko: '축출은 노드가 NotReady가 되고 300초 뒤에 일어납니다.' },
      waitSeconds: 320,
    },
    {
      id: 'recover',
      text: {
        en: `Bring \`node-2\` back by removing the annotation. Its kubelet reports again, the node turns **Ready**, the taints go away, and the kubelet finishes the pending deletions: the Terminating pods, \`solo\` included, disappear.

The ReplicaSet does not move pods back — it already has 6. Pods are never rebalanced on their own; new pods will simply find \`node-2\` emptier.`,
        ko: `어노테이션을 지워 \`node-2\`를 되살리세요. kubelet이 다시 보고하면서 노드가 **Ready**가 되고, 테인트가 사라지고, kubelet이 남은 삭제를 마무리합니다. \`solo\`를 포함한 Terminating 파드가 사라집니다.

레플리카셋은 파드를 되돌려 놓지 않습니다. 이미 6개가 있기 때문입니다. 파드는 저절로 재배치되지 않으며, 앞으로 생기는 파드가 비어 있는 \`node-2\`를 고를 뿐입니다.`,
      },
      commands: ['kubectl annotate node node-2 podlab.dev/failure-', 'kubectl get nodes', 'kubectl get pods -o wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'nodeStatus', node: 'node-2', status: 'Ready' },
          { type: 'objectGone', kind: 'Pod', name: 'solo' },
          { type: 'podCount', selector: 'app=web', node: 'node-2', count: 0, includeTerminating: true },
          { type: 'podCount', selector: 'app=web', count: 6, ready: true },
        ],
      },
      waitSeconds: 60,
    },
  ],
};
