import type { Scenario } from '../types';

/**
 * The notes' question "ReplicaSet과 DaemonSet이 같은 matchLabels로 파드를 관리할 경우?": on a
 * one-node cluster (the notes used Rancher Desktop), a DaemonSet and a ReplicaSet with the same
 * selector coexist; relabelling the DaemonSet's pod releases it; deleting the DaemonSet removes
 * only the pod it still owns.
 */
export const daemonsetReplicasetShared: Scenario = {
  id: 'daemonset-replicaset-shared',
  title: { en: 'DaemonSet and ReplicaSet with the same selector', ko: '같은 셀렉터를 쓰는 데몬셋과 레플리카셋' },
  summary: {
    en: 'A DaemonSet and a ReplicaSet both select app=my-app. They do not fight over pods: each manages only the pods it owns. Relabel the DaemonSet’s pod and delete the DaemonSet, as in the notes.',
    ko: '데몬셋과 레플리카셋이 둘 다 app=my-app을 선택합니다. 서로 파드를 빼앗지 않고 각자 소유한 파드만 관리합니다. 노트처럼 데몬셋의 파드 라벨을 바꾸고 데몬셋을 삭제해 봅니다.',
  },
  source: { en: 'Notes: “데몬셋” (my-daemonset / my-replicaset)', ko: '노트: “데몬셋” (my-daemonset / my-replicaset)' },
  cluster: { nodes: [{ name: 'lima-rancher-desktop', labels: { 'node-role.kubernetes.io/control-plane': '' } }] },
  files: [
    {
      name: 'my-replicaset.yaml',
      text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: my-replicaset
spec:
  replicas: 3
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: my-container
        image: nginx
`,
      note: { en: 'The notes’ ReplicaSet, unchanged.', ko: '노트의 레플리카셋 그대로.' },
    },
    {
      name: 'my-daemonset.yaml',
      text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: my-daemonset
spec:
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: my-container
        image: nginx
        command: ["sleep", "3600"]
`,
      note: { en: 'The notes’ DaemonSet, unchanged.', ko: '노트의 데몬셋 그대로.' },
    },
  ],
  steps: [
    {
      id: 'replicaset',
      text: {
        en: `This cluster has a single node, \`lima-rancher-desktop\`, like the notes’ Rancher Desktop. Create the ReplicaSet: three \`my-replicaset-…\` pods labelled \`app=my-app\`.`,
        ko: `이 클러스터에는 노트의 Rancher Desktop처럼 노드가 \`lima-rancher-desktop\` 하나뿐입니다. 레플리카셋을 만드세요. \`app=my-app\` 라벨을 가진 \`my-replicaset-…\` 파드 3개가 생깁니다.`,
      },
      commands: ['kubectl apply -f my-replicaset.yaml', 'kubectl get pods'],
      check: { type: 'replicas', kind: 'ReplicaSet', name: 'my-replicaset', ready: 3 },
      waitSeconds: 30,
    },
    {
      id: 'daemonset',
      text: {
        en: `Now create the DaemonSet with the same selector. It runs fine: the notes’ list shows three \`my-replicaset-…\` pods and one \`my-daemonset-…\` pod (one node → one daemon pod).

Why no conflict? A controller only counts pods whose \`ownerReferences\` name it as controller, and only adopts pods that have **no** controller. The ReplicaSet’s pods already belong to it, so the DaemonSet creates its own; the daemon pod belongs to the DaemonSet, so the ReplicaSet ignores it.`,
        ko: `이제 같은 셀렉터의 데몬셋을 만드세요. 잘 실행됩니다. 노트의 목록처럼 \`my-replicaset-…\` 파드 3개와 \`my-daemonset-…\` 파드 1개가 보입니다(노드 1개 → 데몬 파드 1개).

왜 충돌하지 않을까요? 컨트롤러는 \`ownerReferences\`에 자신이 컨트롤러로 적힌 파드만 세고, 컨트롤러가 **없는** 파드만 획득합니다. 레플리카셋의 파드는 이미 레플리카셋 소유이므로 데몬셋은 자기 파드를 따로 만들고, 데몬 파드는 데몬셋 소유이므로 레플리카셋은 무시합니다.`,
      },
      commands: ['kubectl apply -f my-daemonset.yaml', 'kubectl get ds', 'kubectl get pods'],
      check: {
        type: 'all',
        checks: [
          { type: 'replicas', kind: 'DaemonSet', name: 'my-daemonset', desired: 1, ready: 1 },
          { type: 'replicas', kind: 'ReplicaSet', name: 'my-replicaset', ready: 3 },
          { type: 'podCount', selector: 'app=my-app', count: 4, ready: true },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'relabel-daemon-pod',
      text: {
        en: `Relabel the DaemonSet’s pod to \`app=no-app\`, as the notes do. It no longer matches, so the DaemonSet releases it (it keeps running, unowned) and creates another pod for the node. The ReplicaSet is not involved: it still has its three.`,
        ko: `노트처럼 데몬셋의 파드 라벨을 \`app=no-app\`으로 바꾸세요. 셀렉터와 맞지 않으므로 데몬셋이 그 파드를 놓아주고(소유자 없이 계속 실행), 노드에 파드를 하나 더 만듭니다. 레플리카셋은 상관없이 자기 파드 3개를 유지합니다.`,
      },
      commands: ['kubectl label pod {podOf:DaemonSet/my-daemonset} app=no-app --overwrite', 'kubectl get pods --show-labels'],
      check: {
        type: 'all',
        checks: [
          { type: 'podCount', selector: 'app=no-app', count: 1 },
          { type: 'ownerOf', selector: 'app=no-app', orphan: true },
          { type: 'replicas', kind: 'DaemonSet', name: 'my-daemonset', desired: 1, ready: 1 },
          { type: 'podCount', selector: 'app=my-app', count: 4, ready: true },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'delete-daemonset',
      text: {
        en: `Delete the DaemonSet. As in the notes, the relabelled pod stays \`Running\` and the DaemonSet’s newer pod goes **Terminating**: deletion follows ownerReferences, not labels. The ReplicaSet’s pods are untouched.`,
        ko: `데몬셋을 삭제하세요. 노트처럼 라벨을 바꾼 파드는 \`Running\`으로 남고, 데몬셋이 새로 만든 파드는 **Terminating**이 됩니다. 삭제는 라벨이 아니라 ownerReferences를 따라갑니다. 레플리카셋의 파드는 그대로입니다.`,
      },
      commands: ['kubectl delete ds my-daemonset', 'kubectl get pods'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'DaemonSet', name: 'my-daemonset' },
          { type: 'podStatus', selector: 'app=no-app', status: 'Running' },
          { type: 'podCount', selector: 'app=my-app', count: 3, includeTerminating: true },
          { type: 'replicas', kind: 'ReplicaSet', name: 'my-replicaset', ready: 3 },
        ],
      },
      waitSeconds: 40,
    },
  ],
};
