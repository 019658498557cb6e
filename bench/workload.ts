import type { NodeConfig } from '../src/engine/index';

/** Enough nodes of the default size to hold the pods (110 pods per node at most). */
export function nodesFor(nodeCount: number, podCount: number): NodeConfig[] {
  const podsPerNode = Math.max(110, Math.ceil((podCount / nodeCount) * 1.2));
  return Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i + 1}`, cpu: '64', memory: '256Gi', pods: podsPerNode }));
}

/**
 * Two ReplicaSets: a healthy one, and one whose liveness probe hits a path nginx answers with 404,
 * so its pods crash-loop exactly as in the notes' liveness example.
 */
export function manifestFor(podCount: number, crashShare: number): string {
  const crashing = Math.round(podCount * crashShare);
  const healthy = podCount - crashing;
  const rs = (name: string, replicas: number, livenessPath: string) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests: {cpu: 10m, memory: 16Mi}
        livenessProbe:
          httpGet: {path: ${livenessPath}, port: 80}
          periodSeconds: 10
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 10
`;
  return [rs('healthy', healthy, '/'), crashing > 0 ? rs('crashing', crashing, '/health') : ''].filter(Boolean).join('---\n');
}
