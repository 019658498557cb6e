import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { strictDecode } from './decode';

const decode = (yaml: string, kind?: string, apiVersion?: string) => {
  const obj = parse(yaml) as { kind: string; apiVersion: string };
  return strictDecode(obj, kind ?? obj.kind, apiVersion ?? obj.apiVersion);
};

describe('strictDecode', () => {
  it('accepts valid manifests, including fields Podlab does not simulate and null values', () => {
    const result = decode(`apiVersion: v1
kind: Pod
metadata:
  name: x
  labels: {app: web}
  annotations: {note: "1"}
spec:
  securityContext:
    runAsUser: 1000
  volumes:
  - name: cfg
    configMap: {name: cfg, items: [{key: a, path: a}]}
  containers:
  - name: web
    image: nginx
    env:
    - name: POD
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    resources:
      limits: {cpu: 0.5, memory: 1Gi}
    livenessProbe:
      httpGet: {port: http, path: /}
    readinessProbe:
      tcpSocket: {port: 8080}
  nodeSelector:
  tolerations: ~
status:
  phase: Running
`);
    expect(result).toEqual({ ok: true, issues: [] });
  });

  it('lists every unknown field, with list indices, in sorted key order', () => {
    const result = decode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  lables: {a: b}\nspec:\n  containers:\n  - name: a\n    imagee: nginx\n  restartpolicy: Never\nselector: {}\n');
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.lables", unknown field "selector", unknown field "spec.containers[0].imagee", unknown field "spec.restartpolicy"',
    );
    expect(result.issues.map((i) => i.path)).toEqual(['metadata.lables', 'selector', 'spec.containers[0].imagee', 'spec.restartpolicy']);
  });

  it('is case sensitive, as Kubernetes decoding is', () => {
    expect(decode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  Containers: []\n').message).toContain('unknown field "spec.Containers"');
  });

  it.each([
    ['a string where an int32 belongs', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: "2"\n', 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['a fraction where an int32 belongs', 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: x}\nspec:\n  replicas: 1.5\n', 'json: cannot unmarshal number 1.5 into Go struct field ReplicaSetSpec.spec.replicas of type int32'],
    ['an int32 overflow', 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: x}\nspec:\n  replicas: 3000000000\n', 'json: cannot unmarshal number 3000000000 into Go struct field ReplicaSetSpec.spec.replicas of type int32'],
    ['a number as a label value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    version: 1\n', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['a bool as an env value', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    env:\n    - {name: A, value: true}\n', 'json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string'],
    ['a map where a list belongs', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    name: a\n', 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'],
    ['a string where an object belongs', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: nginx\n', 'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec'],
    ['a string list item where a container belongs', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [nginx]\n', 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container'],
    ['an int64 field', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  terminationGracePeriodSeconds: "30"\n', 'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64'],
    ['a string where a bool belongs', 'apiVersion: v1\nkind: Node\nmetadata: {name: x}\nspec:\n  unschedulable: "yes"\n', 'json: cannot unmarshal string into Go struct field NodeSpec.spec.unschedulable of type bool'],
    ['a bad quantity suffix', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    resources:\n      requests: {memory: 1Gii}\n', "unable to parse quantity's suffix"],
    ['a quantity with spaces', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    resources:\n      requests: {cpu: "1 cpu"}\n', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['a bool port', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    livenessProbe:\n      tcpSocket: {port: true}\n', 'json: cannot unmarshal bool into Go value of type int32'],
  ])('%s', (_name, yaml, detail) => {
    const result = decode(yaml);
    expect(result.ok).toBe(false);
    expect(result.message).toBe(`${(parse(yaml) as { kind: string }).kind} in version "${(parse(yaml) as { apiVersion: string }).apiVersion.split('/').pop()}" cannot be handled as a ${(parse(yaml) as { kind: string }).kind}: ${detail}`);
    expect(result.issues).toHaveLength(1);
  });

  it('reports the first type error before unknown fields, and an unmarshaler error before both', () => {
    const typeFirst = decode('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: x}\nspec:\n  minReadySeconds: "1"\n  replicas: "2"\n  zzz: 1\n');
    expect(typeFirst.message).toContain('ReplicaSetSpec.spec.minReadySeconds');
    expect(typeFirst.issues.map((i) => i.path)).toEqual(['spec.minReadySeconds']);
    const quantityFirst = decode('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  activeDeadlineSeconds: "1"\n  containers:\n  - name: a\n    resources: {limits: {cpu: lots}}\n');
    expect(quantityFirst.message).toContain('quantities must match');
  });

  it('decodes each HPA version against its own shape', () => {
    const v1 = 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: x}\nspec:\n  scaleTargetRef: {kind: Deployment, name: x}\n  maxReplicas: 3\n  targetCPUUtilizationPercentage: 50\n';
    expect(decode(v1).ok).toBe(true);
    expect(decode(v1, 'HorizontalPodAutoscaler', 'autoscaling/v2').message).toBe(
      'HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.targetCPUUtilizationPercentage"',
    );
    const v2beta1 = 'apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata: {name: x}\nspec:\n  scaleTargetRef: {kind: Deployment, name: x}\n  maxReplicas: 3\n  metrics:\n  - type: Resource\n    resource: {name: cpu, targetAverageUtilization: 50}\n';
    expect(decode(v2beta1).ok).toBe(true);
    expect(decode(v2beta1, 'HorizontalPodAutoscaler', 'autoscaling/v2').issues.map((i) => i.path)).toEqual(['spec.metrics[0].resource.targetAverageUtilization']);
  });

  it('never throws on odd input', () => {
    expect(() => strictDecode(null, 'Pod', 'v1')).not.toThrow();
    expect(strictDecode([1, 2], 'Pod', 'v1').message).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go value of type v1.Pod');
    expect(strictDecode({}, 'Unknown', 'v1').ok).toBe(true);
  });
});
