/**
 * A starting manifest for each kind Podlab simulates, in Monaco snippet syntax (`${1:web}` is a
 * tab stop with a default). Offered by completion at the start of a line and by the toolbar.
 */
export interface Snippet {
  readonly kind: string;
  readonly body: string;
}

const container = (indent: string, name = '${2:app}', image = '${3:nginx:1.27}') =>
  `${indent}containers:
${indent}  - name: ${name}
${indent}    image: ${image}
${indent}    resources:
${indent}      requests:
${indent}        cpu: 100m
${indent}        memory: 64Mi`;

const workload = (apiVersion: string, kind: string, replicas: boolean) => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: \${1:web}
spec:
${replicas ? '  replicas: ${4:3}\n' : ''}  selector:
    matchLabels:
      app: \${1:web}
  template:
    metadata:
      labels:
        app: \${1:web}
    spec:
${container('      ')}
`;

export const SNIPPETS: readonly Snippet[] = [
  {
    kind: 'Pod',
    body: `apiVersion: v1
kind: Pod
metadata:
  name: \${1:web}
  labels:
    app: \${1:web}
spec:
${container('  ')}
`,
  },
  { kind: 'ReplicaSet', body: workload('apps/v1', 'ReplicaSet', true) },
  { kind: 'Deployment', body: workload('apps/v1', 'Deployment', true) },
  { kind: 'DaemonSet', body: workload('apps/v1', 'DaemonSet', false) },
  {
    kind: 'ReplicationController',
    body: `apiVersion: v1
kind: ReplicationController
metadata:
  name: \${1:web}
spec:
  replicas: \${4:3}
  selector:
    app: \${1:web}
  template:
    metadata:
      labels:
        app: \${1:web}
    spec:
${container('      ')}
`,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    body: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: \${1:web}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: \${2|ReplicaSet,Deployment|}
    name: \${1:web}
  minReplicas: \${3:1}
  maxReplicas: \${4:5}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: \${5:50}
`,
  },
  {
    kind: 'Namespace',
    body: `apiVersion: v1
kind: Namespace
metadata:
  name: \${1:team-a}
`,
  },
];

/** The snippet as plain text: every tab stop replaced by its default (first choice for `${1|a,b|}`). */
export function plainSnippet(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

/** Text to add at the end of `current` so the snippet becomes its own YAML document. */
export function appendDocument(current: string, snippet: string): string {
  if (current.trim() === '') return snippet;
  const sep = current.endsWith('\n') ? '' : '\n';
  return `${sep}---\n${snippet}`;
}
