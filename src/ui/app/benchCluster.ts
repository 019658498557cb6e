import type { StartOptions } from '../../bridge/engineClient';

/** Pods per bench node (the default node holds 110; bench nodes are bigger). */
const PODS_PER_NODE = 250;

/**
 * The cluster `?bench=N` starts (bench/page.ts measures the graph with it): enough big nodes for N
 * pods, 95 % plain nginx and 5 % crash-looping on a liveness probe answered with 404, so statuses
 * keep changing while the simulation runs at 10×. Pods are up before the first paint (warm-up).
 */
export function benchCluster(pods: number): StartOptions {
  const nodeCount = Math.max(3, Math.ceil((pods * 1.25) / PODS_PER_NODE));
  const flaky = Math.max(1, Math.round(pods * 0.05));
  const rs = (name: string, replicas: number, probe: string) => `apiVersion: apps/v1
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
${probe}`;
  const liveness = `        livenessProbe:
          httpGet: {path: /health, port: 80}
          periodSeconds: 10
`;
  return {
    nodes: Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${i + 1}`, cpu: '64', memory: '256Gi', pods: PODS_PER_NODE })),
    manifests: [{ fileName: 'bench.yaml', text: [rs('bench', pods - flaky, ''), rs('flaky', flaky, liveness)].join('---\n') }],
    speed: 10,
    warmupMs: 20_000,
  };
}
