import type { NodeConfig } from '../src/engine/index';

/** Enough nodes of the default size to hold the pods (110 pods per node at most). */
export function nodesFor(nodeCount: number, podCount: number): NodeConfig[] {
  const podsPerNode = Math.max(110, Math.ceil((podCount / nodeCount) * 1.2));
  return Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i + 1}`, cpu: '64', memory: '256Gi', pods: podsPerNode }));
}

/** Replicas per ReplicaSet: big clusters run many workloads, as real ones do (and MAX_REPLICAS caps one). */
export const REPLICAS_PER_RS = 5_000;

/**
 * Healthy ReplicaSets, and ReplicaSets whose liveness probe hits a path nginx answers with 404, so
 * their pods crash-loop exactly as in the notes' liveness example. Every pod has an httpGet
 * liveness and readiness probe every 10 s.
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
  const docs: string[] = [];
  const split = (prefix: string, total: number, livenessPath: string) => {
    const count = Math.ceil(total / REPLICAS_PER_RS);
    for (let i = 0; i < count; i++) {
      const replicas = Math.min(REPLICAS_PER_RS, total - i * REPLICAS_PER_RS);
      docs.push(rs(count === 1 ? prefix : `${prefix}-${i + 1}`, replicas, livenessPath));
    }
  };
  split('healthy', healthy, '/');
  if (crashing > 0) split('crashing', crashing, '/health');
  return docs.join('---\n');
}
