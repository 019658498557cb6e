import type { Scenario } from '../types';

/**
 * The notes' ssd-monitor DaemonSet: first the YAML exactly as the blog printed it (template ended
 * up under selector — the API server rejects it), then the repaired manifest with nodeSelector
 * disk=ssd, and node labels switching pods on and off.
 */
export const daemonsetSsd: Scenario = {
  id: 'daemonset-ssd',
  title: { en: 'DaemonSet on labelled nodes (disk=ssd)', ko: '라벨이 붙은 노드에만 데몬셋 실행 (disk=ssd)' },
  summary: {
    en: 'Read the API server’s error for the notes’ broken DaemonSet YAML, fix it, and watch a DaemonSet with nodeSelector disk=ssd start one pod on each node you label — and remove it when the label changes to hdd.',
    ko: '노트의 깨진 데몬셋 YAML에 API 서버가 내는 오류를 읽고, 고친 뒤, nodeSelector disk=ssd인 데몬셋이 라벨을 붙인 노드마다 파드를 하나씩 띄우고 라벨이 hdd로 바뀌면 파드를 없애는 것을 봅니다.',
  },
  source: { en: 'Notes: “데몬셋” (ssd-monitor)', ko: '노트: “데몬셋” (ssd-monitor)' },
  files: [
    {
      name: 'ssd-monitor-daemonset.yaml',
      text: `apiVersion: apps/v1beta2
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector: # matchLabels에 해당하는 파드를 관리함
    matchLabels:
      app: ssd-monitor
    template:
      metadata:
        labels:
          app: ssd-monitor
      spec:
        nodeSelector:
          disk: ssd
        containers:
        - name: main
        image: khk9346/ssd-monitor
`,
      note: {
        en: 'Exactly as the notes print it. The indentation puts `template` inside `selector` and `image` outside the container — it is still valid YAML, so the API server is the one that complains.',
        ko: '노트에 실린 그대로입니다. 들여쓰기 때문에 `template`이 `selector` 안에, `image`가 컨테이너 밖에 들어갔습니다. YAML 문법으로는 맞아서 API 서버가 오류를 냅니다.',
      },
    },
    {
      name: 'ssd-monitor.yaml',
      text: `apiVersion: apps/v1beta2
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector: # matchLabels에 해당하는 파드를 관리함
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: main
        image: khk9346/ssd-monitor
`,
      note: {
        en: 'The same DaemonSet with the indentation repaired: `template` is a sibling of `selector`, `image` belongs to the container.',
        ko: '들여쓰기만 고친 같은 데몬셋입니다. `template`은 `selector`와 같은 높이, `image`는 컨테이너 안에 있습니다.',
      },
    },
  ],
  steps: [
    {
      id: 'broken-yaml',
      text: {
        en: `Apply the DaemonSet exactly as the notes print it, and read the error. Because of the indentation, \`template\` became a field of \`selector\`, which has no such field. The API server refuses the object (kubectl asks for strict field validation):

\`\`\`
Error from server (BadRequest): error when creating "ssd-monitor-daemonset.yaml": DaemonSet in version "v1beta2" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.selector.template"
\`\`\`

(A current cluster stops even earlier, because it no longer serves \`apps/v1beta2\` at all: \`no matches for kind "DaemonSet" in version "apps/v1beta2"\`. With \`apps/v1\` you get the error above. With validation off, the unknown field would be dropped and the object would fail anyway: no \`spec.template\` means no containers and no labels matching the selector.) Nothing is created.`,
        ko: `노트에 실린 그대로 데몬셋을 적용하고 오류를 읽어 보세요. 들여쓰기 때문에 \`template\`이 \`selector\`의 필드가 되었는데, selector에는 그런 필드가 없습니다. API 서버는 이 오브젝트를 거부합니다(kubectl이 엄격한 필드 검증을 요청합니다).

\`\`\`
Error from server (BadRequest): error when creating "ssd-monitor-daemonset.yaml": DaemonSet in version "v1beta2" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.selector.template"
\`\`\`

(요즘 클러스터는 \`apps/v1beta2\`를 아예 제공하지 않아서 그보다 먼저 \`no matches for kind "DaemonSet" in version "apps/v1beta2"\`로 멈춥니다. \`apps/v1\`로 쓰면 위 오류가 납니다. 검증을 끄더라도 모르는 필드는 버려지고, \`spec.template\`이 없으니 컨테이너도, 셀렉터와 맞는 라벨도 없어 결국 거부됩니다.) 아무것도 만들어지지 않습니다.`,
      },
      commands: ['kubectl apply -f ssd-monitor-daemonset.yaml'],
    },
    {
      id: 'fixed',
      text: {
        en: `Apply the repaired file. The DaemonSet exists, but \`kubectl get ds\` shows DESIRED 0: no node has the label \`disk=ssd\` yet, and a DaemonSet only places pods on nodes that match its \`nodeSelector\`.

A DaemonSet has no replica count: it wants exactly one pod on every matching node.`,
        ko: `고친 파일을 적용하세요. 데몬셋은 생기지만 \`kubectl get ds\`의 DESIRED가 0입니다. 아직 \`disk=ssd\` 라벨을 가진 노드가 없고, 데몬셋은 \`nodeSelector\`에 맞는 노드에만 파드를 둡니다.

데몬셋에는 복제본 수라는 개념이 없습니다. 조건에 맞는 노드마다 정확히 하나의 파드를 원할 뿐입니다.`,
      },
      commands: ['kubectl apply -f ssd-monitor.yaml', 'kubectl get ds', 'kubectl get nodes --show-labels'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectExists', kind: 'DaemonSet', name: 'ssd-monitor' },
          { type: 'replicas', kind: 'DaemonSet', name: 'ssd-monitor', desired: 0, current: 0 },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'label-node-2',
      text: {
        en: `Label \`node-2\` with \`disk=ssd\`. The DaemonSet controller notices the node now matches and creates one \`ssd-monitor-…\` pod pinned to it; \`-o wide\` shows the NODE column.`,
        ko: `\`node-2\`에 \`disk=ssd\` 라벨을 붙이세요. 데몬셋 컨트롤러가 이제 조건에 맞는 노드를 발견하고 그 노드에 고정된 \`ssd-monitor-…\` 파드를 하나 만듭니다. \`-o wide\`로 NODE 열을 확인하세요.`,
      },
      commands: ['kubectl label node node-2 disk=ssd', 'kubectl get pods -o wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'podOnNode', selector: 'app=ssd-monitor', node: 'node-2' },
          { type: 'podCount', selector: 'app=ssd-monitor', count: 1, ready: true },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'label-node-3',
      text: {
        en: `Label \`node-3\` too. A second pod starts, on \`node-3\`: one per matching node, never two on the same node.`,
        ko: `\`node-3\`에도 라벨을 붙이세요. 두 번째 파드가 \`node-3\`에 생깁니다. 조건에 맞는 노드마다 하나씩이며, 한 노드에 두 개가 생기지는 않습니다.`,
      },
      commands: ['kubectl label node node-3 disk=ssd', 'kubectl get ds', 'kubectl get pods -o wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'podCount', selector: 'app=ssd-monitor', count: 2, ready: true },
          { type: 'podCount', selector: 'app=ssd-monitor', node: 'node-3', count: 1 },
          { type: 'replicas', kind: 'DaemonSet', name: 'ssd-monitor', desired: 2, ready: 2 },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'relabel-hdd',
      text: {
        en: `Overwrite \`node-2\`’s label with \`disk=hdd\`. The node no longer matches the nodeSelector, so the DaemonSet deletes its pod there (**Terminating**, then gone). \`node-3\` keeps its pod.

Careful with the notes’ wording here: relabelling the **node** changes where the DaemonSet runs; relabelling a **pod** (next scenario) takes that pod away from the DaemonSet. To remove a label entirely: \`kubectl label node node-2 disk-\`.`,
        ko: `\`node-2\`의 라벨을 \`disk=hdd\`로 덮어쓰세요. 노드가 더 이상 nodeSelector와 맞지 않으므로 데몬셋이 그 노드의 파드를 지웁니다(**Terminating** 후 사라짐). \`node-3\`의 파드는 그대로입니다.

노트의 설명과 헷갈리지 않게 주의하세요. **노드**의 라벨을 바꾸면 데몬셋이 실행될 노드가 바뀌고, **파드**의 라벨을 바꾸면(다음 시나리오) 그 파드가 데몬셋에서 빠집니다. 라벨을 아예 지우려면 \`kubectl label node node-2 disk-\`를 씁니다.`,
      },
      commands: ['kubectl label node node-2 disk=hdd --overwrite', 'kubectl get pods -o wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'nodeLabel', node: 'node-2', key: 'disk', value: 'hdd' },
          { type: 'podCount', selector: 'app=ssd-monitor', node: 'node-2', count: 0, includeTerminating: true },
          { type: 'podCount', selector: 'app=ssd-monitor', count: 1, ready: true },
          { type: 'replicas', kind: 'DaemonSet', name: 'ssd-monitor', desired: 1 },
        ],
      },
      waitSeconds: 40,
    },
  ],
};
