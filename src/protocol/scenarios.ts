/**
 * WARNING: imported by both threads. Constants only.
 *
 * The scenario a fresh Podlab opens with: the worker applies it on `init` when the page sends no
 * manifests, and the editor starts with the same text so learners see what is running.
 */
export const DEFAULT_SCENARIO_FILE = 'nginx.yaml';

export const DEFAULT_SCENARIO = `# A ReplicaSet keeps 3 copies of this pod running.
# Edit it (try replicas: 5) and press Apply or Ctrl+Enter.
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: nginx
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
          image: nginx:1.27
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`;

export const DEFAULT_SEED = 1;
