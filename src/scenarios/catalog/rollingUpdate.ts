import type { Scenario } from '../types';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;

/**
 * The notes end every ReplicaSet section with "use a Deployment instead": this is why. A rolling
 * update nginx:1.26 → 1.27, rollout status / history / undo.
 */
export const rollingUpdate: Scenario = {
  id: 'rolling-update',
  title: { en: 'Deployment rolling update and rollback', ko: '디플로이먼트 롤링 업데이트와 롤백' },
  summary: {
    en: 'A ReplicaSet never updates its pods; a Deployment does, by managing ReplicaSets. Roll nginx from 1.26 to 1.27 one pod at a time, read the rollout history, and undo it.',
    ko: '레플리카셋은 파드를 업데이트하지 않지만, 디플로이먼트는 레플리카셋을 관리해서 업데이트합니다. nginx를 1.26에서 1.27로 파드 하나씩 바꾸고, 롤아웃 기록을 읽고, 되돌립니다.',
  },
  source: {
    en: 'Notes: “레플리카셋을 직접 생성하지 않고 디플로이먼트를 사용” (ReplicaSet docs, Deployment recommended)',
    ko: '노트: “일반적으로 레플리카셋을 직접 생성하지 않고 디플로이먼트를 생성” (레플리카셋 문서의 디플로이먼트 권장)',
  },
  files: [
    { name: 'nginx-deployment.yaml', text: deployment('nginx:1.26'), note: { en: 'The docs’ nginx Deployment, on nginx 1.26.', ko: '문서의 nginx 디플로이먼트, nginx 1.26.' } },
    {
      name: 'nginx-deployment-1.27.yaml',
      text: deployment('nginx:1.27'),
      note: { en: 'The same Deployment with only the image changed to nginx:1.27.', ko: '이미지만 nginx:1.27로 바꾼 같은 디플로이먼트.' },
    },
  ],
  steps: [
    {
      id: 'deploy',
      text: {
        en: `Create the Deployment. It does not create pods itself: it creates a ReplicaSet named \`nginx-deployment-<hash>\` (the hash identifies the pod template), and that ReplicaSet creates the three pods. Compare \`get deployments\`, \`get rs\` and \`get pods\`.`,
        ko: `디플로이먼트를 만드세요. 디플로이먼트는 파드를 직접 만들지 않고 \`nginx-deployment-<해시>\`라는 레플리카셋을 만들며(해시는 파드 템플릿을 나타냄), 그 레플리카셋이 파드 3개를 만듭니다. \`get deployments\`, \`get rs\`, \`get pods\`를 비교해 보세요.`,
      },
      commands: ['kubectl apply -f nginx-deployment.yaml', 'kubectl get deployments', 'kubectl get rs', 'kubectl get pods --show-labels'],
      check: {
        type: 'all',
        checks: [
          { type: 'replicas', kind: 'Deployment', name: 'nginx-deployment', ready: 3, updated: 3, available: 3 },
          { type: 'podCount', selector: 'app=nginx', image: 'nginx:1.26', count: 3, ready: true },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'update',
      text: {
        en: `Apply the version with \`nginx:1.27\` (\`kubectl set image deployment/nginx-deployment nginx=nginx:1.27\` would do the same). The Deployment creates a second ReplicaSet for the new template and shifts pods over step by step. With the defaults \`maxSurge: 25%\` (3 × 25% rounded **up** = 1) and \`maxUnavailable: 25%\` (rounded **down** = 0), there are never more than 4 pods and never fewer than 3 available: one new pod starts, becomes ready, one old pod goes, and so on.

Afterwards the old ReplicaSet is still there with 0 replicas — kept for rollbacks.`,
        ko: `\`nginx:1.27\` 버전을 적용하세요(\`kubectl set image deployment/nginx-deployment nginx=nginx:1.27\`도 같습니다). 디플로이먼트는 새 템플릿용 레플리카셋을 하나 더 만들고 파드를 단계적으로 옮깁니다. 기본값 \`maxSurge: 25%\`(3 × 25%를 **올림** = 1)와 \`maxUnavailable: 25%\`(**내림** = 0) 때문에 파드는 4개를 넘지 않고, 사용 가능한 파드는 3개 밑으로 내려가지 않습니다. 새 파드 하나가 시작해 준비되면 옛 파드 하나가 사라지는 식입니다.

끝나도 옛 레플리카셋은 replicas 0으로 남아 있습니다. 롤백에 쓰입니다.`,
      },
      commands: ['kubectl apply -f nginx-deployment-1.27.yaml', 'kubectl rollout status deployment/nginx-deployment', 'kubectl get rs', 'kubectl get pods'],
      check: {
        type: 'all',
        checks: [
          { type: 'podCount', selector: 'app=nginx', image: 'nginx:1.27', count: 3, ready: true },
          { type: 'podCount', selector: 'app=nginx', image: 'nginx:1.26', count: 0 },
          { type: 'replicas', kind: 'Deployment', name: 'nginx-deployment', updated: 3, ready: 3, available: 3 },
        ],
      },
      waitSeconds: 60,
    },
    {
      id: 'history',
      text: {
        en: `List the revisions: revision 1 is the 1.26 template, revision 2 the 1.27 one. \`describe deployment\` shows the **ScalingReplicaSet** events of the rollout: the new ReplicaSet scaled up and the old one down, one step at a time.`,
        ko: `리비전 목록을 보세요. 리비전 1은 1.26 템플릿, 리비전 2는 1.27 템플릿입니다. \`describe deployment\`에는 롤아웃 동안의 **ScalingReplicaSet** 이벤트가 있습니다. 새 레플리카셋은 늘리고 옛 레플리카셋은 줄이기를 한 단계씩 반복했습니다.`,
      },
      commands: ['kubectl rollout history deployment/nginx-deployment', 'kubectl describe deployment nginx-deployment'],
    },
    {
      id: 'undo',
      text: {
        en: `Roll back. \`rollout undo\` puts the previous template back: the old ReplicaSet (same pod-template hash) is scaled up again and the 1.27 one down, with the same surge rules. The history now shows revisions 2 and 3 — the restored template gets a new revision number.`,
        ko: `롤백하세요. \`rollout undo\`는 이전 템플릿을 되돌려 놓습니다. 옛 레플리카셋(파드 템플릿 해시가 같음)이 다시 늘어나고 1.27 레플리카셋은 줄어들며, 같은 surge 규칙을 따릅니다. 기록에는 이제 리비전 2와 3이 보입니다. 되돌린 템플릿이 새 리비전 번호를 받기 때문입니다.`,
      },
      commands: ['kubectl rollout undo deployment/nginx-deployment', 'kubectl rollout status deployment/nginx-deployment', 'kubectl rollout history deployment/nginx-deployment'],
      check: {
        type: 'all',
        checks: [
          { type: 'podCount', selector: 'app=nginx', image: 'nginx:1.26', count: 3, ready: true },
          { type: 'podCount', selector: 'app=nginx', image: 'nginx:1.27', count: 0 },
          { type: 'replicas', kind: 'Deployment', name: 'nginx-deployment', updated: 3, ready: 3, available: 3 },
        ],
      },
      waitSeconds: 60,
    },
  ],
};
