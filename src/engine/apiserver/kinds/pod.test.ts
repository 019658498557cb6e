import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import { clone } from '../../util/clone';
import './index';

const view = {} as StoreView;

function defaulted(yaml: string): KubeObject {
  const obj = parse(yaml) as KubeObject;
  obj.metadata.namespace ??= 'default';
  strategyFor(obj.kind)!.defaults(obj);
  return obj;
}

function errorsOf(yaml: string): string[] {
  const obj = defaulted(yaml);
  return strategyFor(obj.kind)!.validate(obj, view).map(fieldErrorText);
}

const pod = (containers: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${extra}  containers:
${containers}`;

describe('Pod defaulting', () => {
  it('fills the fields SetDefaults_Pod/PodSpec/Container and admission fill', () => {
    const obj = defaulted(pod('  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n'));
    expect(obj.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          imagePullPolicy: 'Always',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(obj.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry.example.com:5000/team/app', 'Always'],
    ['registry.example.com:5000/team/app:v2', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    const obj = defaulted(pod(`  - name: c\n    image: "${image}"\n`));
    expect((obj.spec as { containers: { imagePullPolicy: string }[] }).containers[0].imagePullPolicy).toBe(policy);
  });

  it('keeps an explicit imagePullPolicy and defaults probe fields, treating 0 as unset', () => {
    const obj = defaulted(pod('  - name: c\n    image: nginx\n    imagePullPolicy: Never\n    livenessProbe:\n      httpGet:\n        port: 80\n      timeoutSeconds: 0\n      initialDelaySeconds: 5\n'));
    const c = (obj.spec as { containers: Record<string, unknown>[] }).containers[0];
    expect(c.imagePullPolicy).toBe('Never');
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  });

  it('copies limits into missing requests (pods only)', () => {
    const obj = defaulted(pod('  - name: c\n    image: nginx\n    resources:\n      limits:\n        cpu: 500m\n        memory: 128Mi\n      requests:\n        cpu: 100m\n'));
    const c = (obj.spec as { containers: { resources: unknown }[] }).containers[0];
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    expect((obj.status as { qosClass: string }).qosClass).toBe('Burstable');
  });

  it('does not add default tolerations a pod already has, nor re-add them', () => {
    const obj = defaulted(pod('  - name: c\n    image: nginx\n', '  tolerations:\n  - operator: Exists\n'));
    expect((obj.spec as { tolerations: unknown[] }).tolerations).toEqual([{ operator: 'Exists' }]);
    const twice = defaulted(pod('  - name: c\n    image: nginx\n'));
    const again = clone(twice);
    strategyFor('Pod')!.defaults(again);
    expect(again).toEqual(twice);
  });

  it('a pod that tolerates not-ready only gets the unreachable toleration', () => {
    const obj = defaulted(pod('  - name: c\n    image: nginx\n', '  tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 10\n'));
    expect((obj.spec as { tolerations: unknown[] }).tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('gives the built-in priority classes their priority', () => {
    const obj = defaulted(pod('  - name: c\n    image: nginx\n', '  priorityClassName: system-node-critical\n'));
    expect((obj.spec as { priority: number }).priority).toBe(2000001000);
  });
});

describe('Pod validation messages', () => {
  it.each([
    ['no containers', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: []\n', ['spec.containers: Required value']],
    ['no spec at all', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n', ['spec.containers: Required value']],
    [
      'duplicate container names',
      pod('  - name: web\n    image: nginx\n  - name: web\n    image: busybox\n'),
      ['spec.containers[1].name: Duplicate value: "web"'],
    ],
    ['missing image', pod('  - name: web\n'), ['spec.containers[0].image: Required value']],
    [
      'container name not a DNS label',
      pod('  - name: Web_1\n    image: nginx\n'),
      [
        `spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    ['container name with dots', pod('  - name: my.app\n    image: nginx\n'), ['spec.containers[0].name: Invalid value: "my.app": must not contain dots']],
    [
      'port out of range',
      pod('  - name: web\n    image: nginx\n    ports:\n    - containerPort: 70000\n'),
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    ['port missing', pod('  - name: web\n    image: nginx\n    ports:\n    - name: http\n'), ['spec.containers[0].ports[0].containerPort: Required value']],
    [
      'probe without handler',
      pod('  - name: web\n    image: nginx\n    livenessProbe:\n      initialDelaySeconds: 5\n'),
      ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    ],
    [
      'probe with two handlers',
      pod('  - name: web\n    image: nginx\n    readinessProbe:\n      exec:\n        command: [cat, /tmp/ok]\n      tcpSocket:\n        port: 80\n'),
      ['spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type'],
    ],
    [
      'liveness successThreshold',
      pod('  - name: web\n    image: nginx\n    livenessProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: 2\n'),
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'startup successThreshold',
      pod('  - name: web\n    image: nginx\n    startupProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: 3\n'),
      ['spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1'],
    ],
    [
      'negative probe numbers',
      pod('  - name: web\n    image: nginx\n    readinessProbe:\n      httpGet:\n        port: 80\n      initialDelaySeconds: -5\n      failureThreshold: -1\n'),
      [
        'spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0',
        'spec.containers[0].readinessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0',
      ],
    ],
    [
      'httpGet without port',
      pod('  - name: web\n    image: nginx\n    livenessProbe:\n      httpGet:\n        path: /health\n'),
      ['spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ],
    ['exec without command', pod('  - name: web\n    image: nginx\n    livenessProbe:\n      exec: {}\n'), ['spec.containers[0].livenessProbe.exec.command: Required value']],
    [
      'readiness probe grace period',
      pod('  - name: web\n    image: nginx\n    readinessProbe:\n      tcpSocket:\n        port: 80\n      terminationGracePeriodSeconds: 10\n'),
      ['spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes'],
    ],
    [
      'requests above limits',
      pod('  - name: web\n    image: nginx\n    resources:\n      limits:\n        memory: 300Mi\n      requests:\n        memory: 500Mi\n'),
      ['spec.containers[0].resources.requests: Invalid value: "500Mi": must be less than or equal to memory limit of 300Mi'],
    ],
    [
      'negative quantity',
      pod('  - name: web\n    image: nginx\n    resources:\n      requests:\n        cpu: "-1"\n'),
      ['spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0'],
    ],
    [
      'unknown resource name (defaulting copies the limit into requests first, as the apiserver does)',
      pod('  - name: web\n    image: nginx\n    resources:\n      limits:\n        gpu: "1"\n'),
      [
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    ],
    [
      'extended resource needs a limit',
      pod('  - name: web\n    image: nginx\n    resources:\n      requests:\n        example.com/gpu: "1"\n'),
      ['spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources'],
    ],
    [
      'restartPolicy',
      pod('  - name: web\n    image: nginx\n', '  restartPolicy: Sometimes\n'),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'nodeSelector label value',
      pod('  - name: web\n    image: nginx\n', '  nodeSelector:\n    disk: "ssd drive"\n'),
      [
        `spec.nodeSelector: Invalid value: "ssd drive": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    [
      'toleration Exists with a value',
      pod('  - name: web\n    image: nginx\n', '  tolerations:\n  - key: dedicated\n    operator: Exists\n    value: gpu\n'),
      ['spec.tolerations[0].operator: Invalid value: "gpu": value must be empty when `operator` is \'Exists\''],
    ],
    [
      'toleration with empty key and Equal',
      pod('  - name: web\n    image: nginx\n', '  tolerations:\n  - operator: Equal\n    value: x\n'),
      ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'],
    ],
    [
      'toleration seconds without NoExecute',
      pod('  - name: web\n    image: nginx\n', '  tolerations:\n  - key: a\n    operator: Exists\n    effect: NoSchedule\n    tolerationSeconds: 5\n'),
      ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"],
    ],
    [
      'toleration bad operator and effect',
      pod('  - name: web\n    image: nginx\n', '  tolerations:\n  - key: a\n    operator: Contains\n    effect: Never\n'),
      [
        'spec.tolerations[0].operator: Unsupported value: "Contains": supported values: "Equal", "Exists"',
        'spec.tolerations[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
    [
      'node affinity without terms and a bad operator',
      pod(
        '  - name: web\n    image: nginx\n',
        '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms: []\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 0\n        preference:\n          matchExpressions:\n          - key: disk\n            operator: Equals\n            values: [ssd]\n',
      ),
      [
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
        'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
        'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      ],
    ],
    [
      'pod anti-affinity without topologyKey',
      pod('  - name: web\n    image: nginx\n', '  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: web\n'),
      [
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
        `spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty`,
        `spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
    [
      'topology spread constraint',
      pod('  - name: web\n    image: nginx\n', '  topologySpreadConstraints:\n  - maxSkew: 0\n    topologyKey: zone\n    whenUnsatisfiable: Maybe\n'),
      [
        'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
        'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"',
      ],
    ],
    [
      'volume mount of an unknown volume',
      pod('  - name: web\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n'),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    ['image with trailing space', pod('  - name: web\n    image: "nginx "\n'), ['spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace']],
    [
      'pod name',
      pod('  - name: web\n    image: nginx\n').replace('name: web\nspec', 'name: Web_Server\nspec'),
      [
        `metadata.name: Invalid value: "Web_Server": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
    [
      'hostPort conflict',
      pod('  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n  - name: b\n    image: nginx\n    ports:\n    - containerPort: 81\n      hostPort: 8080\n'),
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      'deletion cost annotation',
      pod('  - name: web\n    image: nginx\n').replace('name: web\nspec', 'name: web\n  annotations:\n    controller.kubernetes.io/pod-deletion-cost: "high"\nspec'),
      ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "high": must be a 32bit integer'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(errorsOf(yaml)).toEqual(expected);
  });

  it('accepts a complete valid pod', () => {
    expect(
      errorsOf(
        pod(
          '  - name: web\n    image: nginx:1.25\n    ports:\n    - name: http\n      containerPort: 80\n    env:\n    - name: MODE\n      value: prod\n    resources:\n      requests: {cpu: 100m, memory: 64Mi}\n      limits: {cpu: 200m, memory: 128Mi}\n    livenessProbe:\n      httpGet: {path: /health, port: http}\n    readinessProbe:\n      exec: {command: [cat, /ready]}\n',
          '  nodeSelector:\n    disk: ssd\n  tolerations:\n  - key: dedicated\n    operator: Equal\n    value: web\n    effect: NoSchedule\n',
        ),
      ),
    ).toEqual([]);
  });

  it('never throws on wrongly typed fields', () => {
    const obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default', labels: ['a'] }, spec: { containers: 'nginx', tolerations: {}, affinity: 3 } } as unknown as KubeObject;
    const strategy = strategyFor('Pod')!;
    expect(() => strategy.defaults(obj)).not.toThrow();
    const errs = strategy.validate(obj, view).map(fieldErrorText);
    expect(errs).toContain('spec.containers: Invalid value: "nginx": must be a list of containers');
    expect(errs).toContain('spec.tolerations: Invalid value: {}: must be a list of tolerations');
  });
});

describe('Pod QoS class', () => {
  const qos = (resources: string) => (defaulted(pod(`  - name: a\n    image: nginx\n${resources}`)).status as { qosClass: string }).qosClass;
  it.each([
    ['', 'BestEffort'],
    ['    resources:\n      requests: {cpu: 100m}\n', 'Burstable'],
    ['    resources:\n      limits: {cpu: 100m, memory: 64Mi}\n', 'Guaranteed'],
    ['    resources:\n      limits: {cpu: 100m, memory: 64Mi}\n      requests: {cpu: 50m}\n', 'Burstable'],
    ['    resources:\n      limits: {cpu: 100m}\n', 'Burstable'],
    ['    resources:\n      requests: {cpu: "0", memory: "0"}\n', 'BestEffort'],
    ['    resources:\n      limits: {cpu: "1", memory: 1Gi}\n      requests: {cpu: 1000m, memory: 1024Mi}\n', 'Guaranteed'],
  ])('%j → %s', (resources, expected) => {
    expect(qos(resources)).toBe(expected);
  });

  it('is Burstable when one of two containers lacks limits', () => {
    const obj = defaulted(pod('  - name: a\n    image: nginx\n    resources:\n      limits: {cpu: 100m, memory: 64Mi}\n  - name: b\n    image: nginx\n'));
    expect((obj.status as { qosClass: string }).qosClass).toBe('Burstable');
  });
});

describe('Pod updates', () => {
  const base = pod('  - name: web\n    image: nginx:1.24\n    ports:\n    - containerPort: 80\n');
  const update = (from: string, to: string) => {
    const old = defaulted(from);
    const next = defaulted(to);
    return strategyFor('Pod')!.validateUpdate!(next, old).map(fieldErrorText);
  };

  it('allows changing the image', () => {
    expect(update(base, base.replace('nginx:1.24', 'nginx:1.25'))).toEqual([]);
  });

  it('forbids changing anything else, with the apiserver message and a diff', () => {
    const errs = update(base, base.replace('containerPort: 80', 'containerPort: 8080'));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n {2}core\.PodSpec\{\n/,
    );
    expect(errs[0]).toContain('- \tContainers[0].Ports[0].ContainerPort: 80,');
    expect(errs[0]).toContain('+ \tContainers[0].Ports[0].ContainerPort: 8080,');
  });

  it('forbids adding containers', () => {
    expect(update(base, `${base}  - name: sidecar\n    image: busybox\n`)).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });

  it('allows adding tolerations but not changing existing ones', () => {
    const withToleration = pod('  - name: web\n    image: nginx:1.24\n    ports:\n    - containerPort: 80\n', '  tolerations:\n  - key: a\n    operator: Exists\n');
    expect(update(base, withToleration)).toEqual([]);
    const changed = withToleration.replace('key: a', 'key: b');
    expect(update(withToleration, changed)).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
  });

  it('lets activeDeadlineSeconds only shrink', () => {
    const withDeadline = pod('  - name: web\n    image: nginx:1.24\n    ports:\n    - containerPort: 80\n', '  activeDeadlineSeconds: 100\n');
    expect(update(base, withDeadline)).toEqual([]);
    expect(update(withDeadline, withDeadline.replace('100', '50'))).toEqual([]);
    expect(update(withDeadline, withDeadline.replace('100', '200'))).toEqual(['spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value']);
  });

  it('keeps the stored status on update', () => {
    const old = defaulted(base);
    old.status = { phase: 'Running', qosClass: 'BestEffort' };
    const next = defaulted(base);
    next.status = { phase: 'Succeeded' };
    strategyFor('Pod')!.prepareForUpdate!(next, old);
    expect(next.status).toEqual({ phase: 'Running', qosClass: 'BestEffort' });
  });
});
