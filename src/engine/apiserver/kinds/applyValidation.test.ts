import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { KubeObject } from '../../api/types';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const rsMismatch = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: backend
    spec:
      containers:
      - name: php-redis
        image: gcr.io/google_samples/gb-frontend:v3
`;

describe('apply: validation errors through createCluster().apply', () => {
  it('positions a selector/template mismatch on the template labels line', () => {
    const cluster = createCluster();
    const result = cluster.apply(rsMismatch, { fileName: 'rs.yaml' });
    expect(result.applied).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toBe('The ReplicaSet "frontend" is invalid: spec.template.metadata.labels: Invalid value: {"tier":"backend"}: `selector` does not match template `labels`');
    expect(result.errors[0].fieldPath).toBe('spec.template.metadata.labels');
    expect(result.errors[0].position?.line).toBe(lineOf(rsMismatch, '      labels:'));
    expect(cluster.sim.store.get('ReplicaSet', 'default', 'frontend')).toBeUndefined();
  });

  it('lists several errors with the apiserver bullet layout and marks each', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`;
    const result = createCluster().apply(yaml);
    expect(result.errors[0].message).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    );
    expect(result.errors.map((e) => e.fieldPath)).toEqual(['spec.selector', 'spec.template.metadata.labels']);
    expect(result.errors[1].position?.line).toBe(lineOf(yaml, '      labels:'));
  });

  it('applies nothing from a multi-document manifest with one bad document', () => {
    const good = `apiVersion: v1
kind: Pod
metadata:
  name: ok
spec:
  containers:
  - name: c
    image: nginx
`;
    const cluster = createCluster();
    const result = cluster.apply(`${good}---\n${rsMismatch}`);
    expect(result.applied).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].documentIndex).toBe(1);
    expect(result.errors[0].position?.line).toBe(lineOf(good, 'image: nginx') + 1 + lineOf(rsMismatch, '      labels:'));
    expect(cluster.sim.store.get('Pod', 'default', 'ok')).toBeUndefined();
  });

  it('rejects unknown fields with the strict decoding error and marks each field', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: web
    imagee: nginx
    port: 80
`;
    const result = createCluster().apply(yaml, { fileName: 'pod.yaml' });
    expect(result.errors[0].message).toBe(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.containers[0].port"',
    );
    expect(result.errors.map((e) => e.position?.line)).toEqual([lineOf(yaml, 'imagee'), lineOf(yaml, 'port: 80')]);
    expect(result.errors[1].message).toBe(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].port"',
    );
  });

  it('reports a wrongly typed field as the JSON decoder does', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        env:
        - name: DEBUG
          value: true
`;
    const result = createCluster().apply(yaml, { fileName: 'deploy.yaml' });
    // Keys decode in sorted order, so replicas (spec.replicas) is reached before the env value.
    expect(result.errors[0].message).toBe(
      'Error from server (BadRequest): error when creating "deploy.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(result.errors[0].position?.line).toBe(lineOf(yaml, 'replicas'));
  });

  it('reports a bad quantity with the apimachinery parse error', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: mem
spec:
  containers:
  - name: web
    image: nginx
    resources:
      limits:
        memory: 300MB
`;
    const result = createCluster().apply(yaml, { fileName: 'pod.yaml' });
    expect(result.errors[0].message).toBe(
      `Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect(result.errors[0].fieldPath).toBe('spec.containers[0].resources.limits[memory]');
    expect(result.errors[0].position?.line).toBe(lineOf(yaml, '300MB'));
  });

  it('catches the nesting mistake in the DaemonSet from the notes', () => {
    const yaml = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector:
    matchLabels:
      app: ssd-monitor
    template:
      metadata:
        labels:
          app: ssd-monitor
`;
    const result = createCluster().apply(yaml, { fileName: 'ssd-monitor.yaml' });
    expect(result.errors[0].message).toBe(
      'Error from server (BadRequest): error when creating "ssd-monitor.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.selector.template"',
    );
    expect(result.errors[0].position?.line).toBe(lineOf(yaml, '    template:'));
  });

  it('says "patching" when the object already exists', () => {
    const cluster = createCluster();
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    expect(cluster.apply(pod).errors).toEqual([]);
    const result = cluster.apply(pod.replace('image: nginx', 'image: nginx\n    colour: blue'), { fileName: 'p.yaml' });
    expect(result.errors[0].message).toMatch(/^Error from server \(BadRequest\): error when patching "p\.yaml": Pod in version "v1"/);
  });
});

describe('apply: defaults, conversion and updates', () => {
  it('stores the liveness pod from the notes with the probe defaults describe shows', () => {
    const cluster = createCluster();
    const result = cluster.apply(`apiVersion: v1
kind: Pod
metadata:
  name: liveness-pod
spec:
  containers:
  - name: my-app
    image: nginx
    livenessProbe:
      httpGet:
        path: /health
        port: 80
      initialDelaySeconds: 5
      periodSeconds: 10
`);
    expect(result.errors).toEqual([]);
    const pod = cluster.sim.store.get('Pod', 'default', 'liveness-pod')!;
    const probe = (pod.spec as { containers: { livenessProbe: unknown }[] }).containers[0].livenessProbe;
    expect(probe).toEqual({ httpGet: { path: '/health', port: 80, scheme: 'HTTP' }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
    expect(pod.status).toMatchObject({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('stores an autoscaling/v1 HPA as v2 without a deprecation warning', () => {
    const cluster = createCluster();
    const manifest = `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: kubia
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: kubia
  minReplicas: 1
  maxReplicas: 5
  targetCPUUtilizationPercentage: 30
`;
    const result = cluster.apply(manifest);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const hpa = cluster.sim.store.get('HorizontalPodAutoscaler', 'default', 'kubia')!;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(cluster.apply(manifest).applied[0].outcome).toBe('unchanged');
    expect(cluster.apply(manifest.replace('30', '40')).applied[0].outcome).toBe('configured');
    expect((hpa.spec as { metrics: unknown }).metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 30 } } }]);
  });

  it('converts the v2beta1 HPA of older tutorials', () => {
    const cluster = createCluster();
    const result = cluster.apply(`apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata:
  name: kubia
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: kubia}
  maxReplicas: 5
  metrics:
  - type: Resource
    resource:
      name: cpu
      targetAverageUtilization: 30
`);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.fieldPath)).toEqual(['apiVersion']);
    const spec = cluster.sim.store.get('HorizontalPodAutoscaler', 'default', 'kubia')!.spec as { metrics: unknown };
    expect(spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 30 } } }]);
  });

  it('rejects a pod change other than the image on re-apply', () => {
    const cluster = createCluster();
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n  - name: client\n    image: web:1\n    ports:\n    - containerPort: 3000\n';
    expect(cluster.apply(pod).errors).toEqual([]);
    expect(cluster.apply(pod.replace('web:1', 'web:2')).applied[0].outcome).toBe('configured');
    const result = cluster.apply(pod.replace('web:1', 'web:2').replace('3000', '3030'));
    expect(result.errors[0].message).toMatch(/^The Pod "client" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/);
    expect(result.errors[0].position?.line).toBe(5);
  });

  it('rejects a selector change on re-apply of a Deployment', () => {
    const cluster = createCluster();
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
    expect(cluster.apply(deploy).errors).toEqual([]);
    const result = cluster.apply(deploy.replaceAll('app: web', 'app: web2'));
    expect(result.errors[0].message).toBe('The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable');
  });

  it('re-applying an unchanged manifest is "unchanged"', () => {
    const cluster = createCluster();
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
    cluster.apply(deploy);
    expect(cluster.apply(deploy).applied[0].outcome).toBe('unchanged');
  });

  it('warns about set fields Podlab does not simulate, not about defaulted ones', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  volumes:
  - name: data
    emptyDir: {}
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - name: data
      mountPath: /data
`;
    const result = createCluster().apply(yaml);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.fieldPath)).toEqual(['spec.volumes', 'spec.containers[0].volumeMounts']);
    expect(result.warnings[0].message).toBe('Warning: spec.volumes: Podlab has no storage: volumes are stored but never mounted.');
    expect(result.warnings[0].position?.line).toBe(lineOf(yaml, 'volumes:'));
  });
});

describe('the writer defaults what controllers create', () => {
  it('gives a pod created from a limits-only template its requests, tolerations and status', () => {
    const cluster = createCluster();
    const created = cluster.sim.writer.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'rs-abcde', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.25', resources: { limits: { cpu: '200m', memory: '64Mi' } } }] },
    } as KubeObject);
    expect(created.spec).toMatchObject({
      containers: [{ resources: { limits: { cpu: '200m', memory: '64Mi' }, requests: { cpu: '200m', memory: '64Mi' } }, imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always',
      priority: 0,
    });
    expect((created.spec as { tolerations: unknown[] }).tolerations).toHaveLength(2);
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('labels the namespaces a cluster starts with', () => {
    const ns = createCluster().sim.store.get('Namespace', undefined, 'kube-system')!;
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
    expect(ns.status).toEqual({ phase: 'Active' });
  });
});

describe('the v2beta1 spelling under autoscaling/v2 (learner notes)', () => {
  it('is rejected as a real cluster rejects it, with a Podlab hint beside the error', () => {
    const yaml = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: budy-hpa
spec:
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - resource:
      name: cpu
      targetAverageUtilization: 30
    type: Resource
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ReplicaSet
    name: busy-replicaset
`;
    const result = createCluster().apply(yaml, { fileName: 'hpa.yaml' });
    expect(result.errors.map((e) => e.message)).toEqual([
      'Error from server (BadRequest): error when creating "hpa.yaml": HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics[0].resource.targetAverageUtilization"',
    ]);
    expect(result.errors[0].position?.line).toBe(lineOf(yaml, 'targetAverageUtilization'));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].message).toMatch(/^Podlab hint: targetAverageUtilization is the autoscaling\/v2beta1 spelling/);
  });
});
