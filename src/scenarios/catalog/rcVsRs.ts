import type { Scenario } from '../types';

/**
 * The notes' ReplicationController and ReplicaSet sections (kubia examples): RC equality selector,
 * a relabelled pod left behind, RC deleted with its pods orphaned, RS adopting them with
 * matchLabels, then matchExpressions — which can group two label values in one ReplicaSet.
 */
export const rcVsRs: Scenario = {
  id: 'rc-vs-rs',
  title: { en: 'ReplicationController vs ReplicaSet selectors', ko: '레플리케이션컨트롤러와 레플리카셋의 셀렉터' },
  summary: {
    en: 'Run the kubia pods under a ReplicationController, hand them over to a ReplicaSet without restarting them (delete with --cascade=orphan), and compare the selectors: RC’s plain label map, RS’s matchLabels and matchExpressions.',
    ko: 'kubia 파드를 레플리케이션컨트롤러로 실행하고, 파드를 재시작하지 않고 레플리카셋에 넘긴 뒤(--cascade=orphan 삭제), 셀렉터를 비교합니다. RC의 단순한 라벨 맵, RS의 matchLabels와 matchExpressions.',
  },
  source: { en: 'Notes: “레플리케이션컨트롤러”, “레플리카셋” (kubia examples)', ko: '노트: “레플리케이션컨트롤러”, “레플리카셋” (kubia 예제)' },
  files: [
    {
      name: 'kubia-rc.yaml',
      text: `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: khk9346/kubia
        ports:
        - containerPort: 8080
`,
      note: {
        en: 'The kubia ReplicationController the notes describe (from “Kubernetes in Action”), with the notes’ image. The notes do not print its YAML.',
        ko: '노트가 설명하는 kubia 레플리케이션컨트롤러(『쿠버네티스 인 액션』 예제)에 노트의 이미지를 넣었습니다. 노트에는 YAML이 없습니다.',
      },
    },
    {
      name: 'kubia-replicaset.yaml',
      text: `apiVersion: apps/v1beta2
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector: 
    matchLabels:
      app: kubia
  template:
      metadata:
        labels:
          app: kubia
      spec:
        containers:
        - name: kubia
          image: khk9346/kubia
`,
      note: {
        en: 'The notes’ ReplicaSet. The blog indented it with tabs, which YAML forbids; each tab became two spaces. `apps/v1beta2` is kept as in the notes.',
        ko: '노트의 레플리카셋입니다. 블로그가 탭으로 들여쓰기를 했는데 YAML은 탭을 허용하지 않으므로 탭 하나를 공백 두 칸으로 바꿨습니다. `apps/v1beta2`는 노트 그대로 두었습니다.',
      },
    },
    {
      name: 'kubia-replicaset-matchexpressions.yaml',
      text: `apiVersion: apps/v1beta2
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector: 
    matchExpressions: # 파드의 키가 app인 레이블을 포함하라는 의미
    - key: app
      operator: In
      values:
        - kubia
  template:
      metadata:
        labels:
          app: kubia
      spec:
        containers:
        - name: kubia
          image: khk9346/kubia
`,
      note: {
        en: 'The notes’ matchExpressions ReplicaSet (tabs → two spaces).',
        ko: '노트의 matchExpressions 레플리카셋 (탭 → 공백 두 칸).',
      },
    },
    {
      name: 'kubia-replicaset-both.yaml',
      text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 4
  selector:
    matchExpressions:
    - key: app
      operator: In
      values:
      - kubia
      - foo
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: khk9346/kubia
`,
      note: {
        en: 'Added for the notes’ point that one ReplicaSet can match two sets of pods: `app In (kubia, foo)`.',
        ko: '“하나의 레플리카셋으로 두 파드 세트를 모두 매칭”한다는 노트의 설명을 확인하려고 추가한 파일입니다: `app In (kubia, foo)`.',
      },
    },
  ],
  steps: [
    {
      id: 'rc',
      text: {
        en: `Create the ReplicationController. Its \`selector\` is a label map written directly under \`selector\` (\`app: kubia\`): it matches pods that carry all of these labels, by equality only. It creates three pods from its template. List it with \`kubectl get rc\`.`,
        ko: `레플리케이션컨트롤러를 만드세요. \`selector\` 바로 아래에 라벨 맵(\`app: kubia\`)을 쓰며, 이 라벨을 모두 가진 파드만 매칭합니다(값이 같은지만 봅니다). 템플릿으로 파드 3개를 만듭니다. \`kubectl get rc\`로 확인하세요.`,
      },
      commands: ['kubectl apply -f kubia-rc.yaml', 'kubectl get rc', 'kubectl get pods --show-labels'],
      check: { type: 'replicas', kind: 'ReplicationController', name: 'kubia', ready: 3 },
      waitSeconds: 30,
    },
    {
      id: 'relabel',
      text: {
        en: `Change one pod’s label to \`app=foo\`. The RC no longer finds it, counts only 2 pods and creates a new one. The relabelled pod keeps running with no controller — what the notes call a zombie pod: nobody will restart or replace it.`,
        ko: `파드 하나의 라벨을 \`app=foo\`로 바꾸세요. RC는 그 파드를 찾지 못해 2개로 세고 새 파드를 만듭니다. 라벨이 바뀐 파드는 컨트롤러 없이 계속 실행됩니다. 노트가 말하는 좀비 파드로, 아무도 재시작하거나 교체해 주지 않습니다.`,
      },
      commands: ['kubectl label pod {pod:app=kubia} app=foo --overwrite', 'kubectl get pods --show-labels'],
      check: {
        type: 'all',
        checks: [
          { type: 'podCount', selector: 'app=foo', count: 1 },
          { type: 'ownerOf', selector: 'app=foo', orphan: true },
          { type: 'podCount', selector: 'app=kubia', count: 3, ready: true },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'orphan-rc',
      text: {
        en: `Delete only the controller: \`--cascade=orphan\` (the notes write \`--cascade=false\`, the older spelling of the same thing). The RC disappears and the three \`app=kubia\` pods keep running without an owner — useful when you want to swap the controller, as the notes say.`,
        ko: `컨트롤러만 삭제하세요: \`--cascade=orphan\` (노트의 \`--cascade=false\`는 같은 뜻의 예전 표기입니다). RC는 사라지고 \`app=kubia\` 파드 3개는 소유자 없이 계속 실행됩니다. 노트 말대로 컨트롤러를 바꿀 때 유용합니다.`,
      },
      commands: ['kubectl delete rc kubia --cascade=orphan', 'kubectl get rc', 'kubectl get pods --show-labels'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'ReplicationController', name: 'kubia' },
          { type: 'podCount', selector: 'app=kubia', count: 3 },
          { type: 'ownerOf', selector: 'app=kubia', orphan: true },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'rs-matchlabels',
      text: {
        en: `Create the notes’ ReplicaSet. Its selector sits one level deeper, under \`selector.matchLabels\`; otherwise it works like the RC’s. It adopts the three orphaned \`app=kubia\` pods and creates none. List it with \`kubectl get rs\` (not \`rc\`).

The file says \`apiVersion: apps/v1beta2\`, as in the notes (from an old book). Clusters since Kubernetes 1.16 only serve \`apps/v1\`; Podlab reads it as \`apps/v1\` and prints a warning. Write \`apps/v1\` in your own manifests.`,
        ko: `노트의 레플리카셋을 만드세요. 셀렉터가 한 단계 아래인 \`selector.matchLabels\`에 있을 뿐, 동작은 RC와 같습니다. 고아가 된 \`app=kubia\` 파드 3개를 획득하고 새 파드는 만들지 않습니다. 조회는 \`rc\`가 아니라 \`kubectl get rs\`입니다.

파일의 \`apiVersion: apps/v1beta2\`는 노트(예전 책) 그대로입니다. 쿠버네티스 1.16부터는 \`apps/v1\`만 제공하므로, Podlab은 \`apps/v1\`로 읽고 경고를 출력합니다. 직접 작성할 때는 \`apps/v1\`을 쓰세요.`,
      },
      commands: ['kubectl apply -f kubia-replicaset.yaml', 'kubectl get rs', 'kubectl get pods --show-labels'],
      check: {
        type: 'all',
        checks: [
          { type: 'ownerOf', selector: 'app=kubia', ownerKind: 'ReplicaSet', ownerName: 'kubia' },
          { type: 'podCount', selector: 'app=kubia', count: 3, ready: true },
          { type: 'replicas', kind: 'ReplicaSet', name: 'kubia', ready: 3 },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'rs-matchexpressions',
      text: {
        en: `A ReplicaSet’s selector cannot be changed in place, so hand the pods over once more: orphan them and create the notes’ matchExpressions version. Each expression has a \`key\`, an \`operator\` and, for \`In\`/\`NotIn\`, \`values\`:
- \`In\`: the label’s value is one of the values
- \`NotIn\`: the label’s value is none of them
- \`Exists\`: the pod has a label with this key (any value)
- \`DoesNotExist\`: the pod has no label with this key
\`matchLabels\` and \`matchExpressions\` can be combined; then everything must hold. \`describe rs\` prints the selector as \`app in (kubia)\`.`,
        ko: `레플리카셋의 셀렉터는 바꿀 수 없으므로, 파드를 한 번 더 넘겨 줍니다. 고아로 만든 뒤 노트의 matchExpressions 버전을 만드세요. 표현식에는 \`key\`, \`operator\`, 그리고 \`In\`/\`NotIn\`이면 \`values\`가 있습니다.
- \`In\`: 레이블의 값이 지정된 값 중 하나와 일치
- \`NotIn\`: 레이블의 값이 지정된 값과 일치하지 않음
- \`Exists\`: 지정된 키의 레이블이 있음 (값 상관없음)
- \`DoesNotExist\`: 지정된 키의 레이블이 없음
\`matchLabels\`와 \`matchExpressions\`를 함께 쓸 수 있고, 그러면 모두 만족해야 합니다. \`describe rs\`는 셀렉터를 \`app in (kubia)\`로 보여 줍니다.`,
      },
      commands: ['kubectl delete rs kubia --cascade=orphan', 'kubectl apply -f kubia-replicaset-matchexpressions.yaml', 'kubectl describe rs kubia'],
      check: {
        type: 'all',
        checks: [
          { type: 'fieldEquals', kind: 'ReplicaSet', name: 'kubia', path: 'spec.selector.matchExpressions[0].operator', value: 'In' },
          { type: 'ownerOf', selector: 'app=kubia', ownerKind: 'ReplicaSet', ownerName: 'kubia' },
          { type: 'podCount', selector: 'app=kubia', count: 3, ready: true },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'two-sets',
      text: {
        en: `The notes’ key point: one ReplicaSet can treat two sets of pods as one group. \`kubia-replicaset-both.yaml\` selects \`app In (kubia, foo)\` with \`replicas: 4\`, so it adopts the three \`app=kubia\` pods **and** the zombie \`app=foo\` pod, and creates nothing. An RC cannot express this.

The same set-based syntax works on the command line: \`-l 'app in (kubia,foo)'\`, \`-l 'app notin (foo)'\`, \`-l app\` (exists), \`-l '!app'\` (does not exist).`,
        ko: `노트의 핵심: 레플리카셋 하나로 두 파드 세트를 하나의 그룹으로 다룰 수 있습니다. \`kubia-replicaset-both.yaml\`은 \`app In (kubia, foo)\`, \`replicas: 4\`이므로 \`app=kubia\` 파드 3개와 좀비가 된 \`app=foo\` 파드까지 **모두** 획득하고 새 파드는 만들지 않습니다. RC로는 표현할 수 없습니다.

명령줄에서도 같은 집합 기반 문법을 씁니다: \`-l 'app in (kubia,foo)'\`, \`-l 'app notin (foo)'\`, \`-l app\`(키 존재), \`-l '!app'\`(키 없음).`,
      },
      commands: [
        'kubectl delete rs kubia --cascade=orphan',
        'kubectl apply -f kubia-replicaset-both.yaml',
        "kubectl get pods -l 'app in (kubia,foo)' --show-labels",
      ],
      check: {
        type: 'all',
        checks: [
          { type: 'ownerOf', selector: 'app in (kubia,foo)', ownerKind: 'ReplicaSet', ownerName: 'kubia' },
          { type: 'podCount', selector: 'app in (kubia,foo)', count: 4, ready: true },
          { type: 'replicas', kind: 'ReplicaSet', name: 'kubia', ready: 4 },
        ],
      },
      waitSeconds: 5,
    },
  ],
};
