/**
 * Manifests used by more than one scenario. Texts are the study notes' / Kubernetes docs' YAML;
 * where the notes' blog formatting lost the indentation, it is restored as in the original docs.
 */
import type { ScenarioFile } from '../types';

/** kubernetes.io/examples/controllers/frontend.yaml, as the Korean ReplicaSet page gives it (indentation restored). */
export const FRONTEND_YAML: ScenarioFile = {
  name: 'frontend.yaml',
  text: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
    tier: frontend
spec:
  # 케이스에 따라 레플리카를 수정한다.
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: gcr.io/google_samples/gb-frontend:v3
`,
  note: {
    en: 'The ReplicaSet example from the Kubernetes docs (the notes copy it; indentation restored).',
    ko: '쿠버네티스 문서의 레플리카셋 예제 (노트에 복사되면서 사라진 들여쓰기를 복원).',
  },
};

/** kubernetes.io/examples/pods/pod-rs.yaml (indentation restored). */
export const POD_RS_YAML: ScenarioFile = {
  name: 'pod-rs.yaml',
  text: `apiVersion: v1
kind: Pod
metadata:
  name: pod1
  labels:
    tier: frontend
spec:
  containers:
  - name: hello1
    image: gcr.io/google-samples/hello-app:2.0

---

apiVersion: v1
kind: Pod
metadata:
  name: pod2
  labels:
    tier: frontend
spec:
  containers:
  - name: hello2
    image: gcr.io/google-samples/hello-app:1.0
`,
  note: {
    en: 'Two bare pods whose label matches the frontend ReplicaSet’s selector (Kubernetes docs, indentation restored).',
    ko: 'frontend 레플리카셋의 셀렉터와 라벨이 일치하는 단독 파드 두 개 (쿠버네티스 문서, 들여쓰기 복원).',
  },
};

/** Minikube-like nodes from the scheduling notes: a control-plane node (not tainted, as minikube leaves it) and two added nodes. */
export const MINIKUBE_NODES = [
  { name: 'minikube', cpu: '4', memory: '2037260Ki', labels: { 'node-role.kubernetes.io/control-plane': '' } },
  { name: 'minikube-m02', cpu: '2', memory: '2037260Ki' },
  { name: 'minikube-m03', cpu: '2', memory: '2037260Ki' },
] as const;
