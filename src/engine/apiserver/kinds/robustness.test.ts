import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import { strictDecode } from '../schema/decode';
import { unsimulatedFieldsOf } from '../schema/unsimulated';
import { clone } from '../../util/clone';
import './index';

const template = `    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 80, name: http}]
        resources: {limits: {cpu: 100m, memory: 64Mi}}
        livenessProbe: {httpGet: {port: http}}
      tolerations: [{key: a, operator: Exists}]
      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: a, operator: In, values: [b]}]}]}}}`;

const MANIFESTS: Record<string, string> = {
  Pod: `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default, labels: {app: web}}\nspec:\n${template.split('\n').slice(3).map((l) => l.slice(4)).join('\n')}\n`,
  ReplicaSet: `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: r, namespace: default}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n${template}\n`,
  Deployment: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: default}\nspec:\n  selector: {matchLabels: {app: web}}\n  strategy: {rollingUpdate: {maxSurge: 1}}\n  template:\n${template}\n`,
  DaemonSet: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds, namespace: default}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n${template}\n`,
  ReplicationController: `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc, namespace: default}\nspec:\n  replicas: 1\n  template:\n${template}\n`,
  HorizontalPodAutoscaler: `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: default}\nspec:\n  scaleTargetRef: {kind: Deployment, name: d}\n  maxReplicas: 3\n  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]\n  behavior: {scaleUp: {policies: [{type: Pods, value: 1, periodSeconds: 15}]}}\n`,
  Node: `apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec:\n  taints: [{key: a, effect: NoSchedule}]\n  podCIDRs: [10.0.0.0/24]\n`,
  Namespace: `apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n`,
};

/** Every path (as key lists) inside a value, so a property can replace any one of them. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let cursor = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path[path.length - 1]] = value;
}

describe('strategies never throw on wrongly typed input', () => {
  for (const [kind, yaml] of Object.entries(MANIFESTS)) {
    it(`${kind}: the valid base passes, and any field replaced by any JSON value yields errors, not exceptions`, () => {
      const base = parse(yaml) as KubeObject;
      const strategy = strategyFor(kind)!;
      const valid = clone(base);
      strategy.defaults(valid);
      expect(strategy.validate(valid, {} as StoreView).map(fieldErrorText)).toEqual([]);
      expect(strictDecode(base, kind, base.apiVersion).ok).toBe(true);
      const all = paths(base).filter((p) => !(p.length === 1 && (p[0] === 'apiVersion' || p[0] === 'kind' || p[0] === 'metadata')));
      fc.assert(
        fc.property(fc.constantFrom(...all), fc.jsonValue({ maxDepth: 2 }), (path, junk) => {
          const obj = clone(base);
          setAt(obj, path, junk);
          strictDecode(obj, kind, obj.apiVersion);
          unsimulatedFieldsOf(obj, kind);
          strategy.convert?.(obj, obj.apiVersion);
          strategy.defaults(obj);
          const errs = strategy.validate(obj, {} as StoreView);
          strategy.validateUpdate?.(obj, valid);
          errs.forEach(fieldErrorText);
        }),
        { numRuns: 250, seed: 42 },
      );
    });
  }
});
