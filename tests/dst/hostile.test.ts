/**
 * Hostile input: what a class of learners will type. The public entry points — cluster.apply,
 * cluster.kubectl, cluster.delete, cluster.advance — must never throw for user input. Each case
 * asserts either a clear error that names the field, or a bounded, honest outcome (capped objects,
 * a returned advance). No wall-clock assertions: bounds are on objects, reconciles and virtual time.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, replayCluster, type Cluster, type ApplyResult, type KubectlResult } from '../../src/engine/index';
import { assertConverged, checkInvariants } from '../../src/engine/sim/invariants';
import { MAX_OBJECTS, MAX_MANIFEST_CHARS, MAX_DOCUMENTS, MAX_ADVANCE_MS } from '../../src/engine/sim/limits';

function newCluster(options: { invariants?: boolean } = {}): Cluster {
  return createCluster({ seed: 5, freezeObjects: true, checkInvariants: options.invariants === false ? undefined : checkInvariants });
}

/** apply must return, never throw; the result is what the editor shows. */
function apply(cluster: Cluster, text: string): ApplyResult {
  let result: ApplyResult | undefined;
  expect(() => (result = cluster.apply(text, { fileName: 'hostile.yaml' }))).not.toThrow();
  return result!;
}

function kubectl(cluster: Cluster, line: string, stdin?: string): KubectlResult {
  let result: KubectlResult | undefined;
  expect(() => (result = cluster.kubectl(line, { stdin }))).not.toThrow();
  expect(typeof result!.stdout).toBe('string');
  expect(typeof result!.stderr).toBe('string');
  return result!;
}

function advance(cluster: Cluster, ms: number): void {
  expect(() => cluster.advance(ms)).not.toThrow();
}

function errorText(result: ApplyResult): string {
  return result.errors.map((e) => `${e.fieldPath ?? ''} | ${e.message}`).join('\n');
}

/** A clear error: the apply was rejected, nothing was written, and the message names the field. */
function expectRejected(result: ApplyResult, field: RegExp | string): void {
  expect(result.errors.length, 'expected the apply to be rejected').toBeGreaterThan(0);
  expect(result.applied).toEqual([]);
  const text = errorText(result);
  if (typeof field === 'string') expect(text).toContain(field);
  else expect(text).toMatch(field);
}

const pod = (name: string, spec = `  containers:\n  - name: c\n    image: nginx`, meta = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${meta}spec:\n${spec}\n`;

const rs = (fields: { name?: string; replicas?: string; selector?: string; labels?: string; template?: string } = {}) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${fields.name ?? 'web'}
spec:
  replicas: ${fields.replicas ?? '2'}
  selector:
${fields.selector ?? '    matchLabels:\n      app: web'}
  template:
    metadata:
      labels:
${fields.labels ?? '        app: web'}
    spec:
${fields.template ?? '      containers:\n      - name: nginx\n        image: nginx'}
`;

const DNS_SUBDOMAIN = /a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '\.', and must start and end with an alphanumeric character/;

describe('hostile input: malformed YAML', () => {
  const cases: Record<string, string> = {
    'unclosed flow sequence': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec: [\n',
    'bad indentation': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n spec:\n   containers: []\n',
    'tab indentation': 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n',
    'unclosed quote': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a\n',
    'duplicate keys': 'apiVersion: v1\nkind: Pod\nkind: Pod\nmetadata:\n  name: a\n',
    'control characters': 'apiVersion: v1\u0000\u0001\nkind: Pod\n',
    'a bare scalar': 'hello world',
    'a list at the top': '- apiVersion: v1\n  kind: Pod\n',
    'colons everywhere': ': : :\n:::',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`rejects ${name} with an error, without throwing`, () => {
      const cluster = newCluster();
      const result = apply(cluster, text);
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.applied).toEqual([]);
      expect(cluster.sim.store.count('Pod')).toBe(0);
    });
  }

  it('says there is nothing to apply for an empty file or bare separators', () => {
    const cluster = newCluster();
    expect(errorText(apply(cluster, ''))).toMatch(/no objects passed to apply/);
    expect(errorText(apply(cluster, '---\n---\n# just a comment\n'))).toMatch(/no objects passed to apply/);
  });

  it('stops a YAML alias bomb (billion laughs) with an error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n  annotations:\n${lines.map((l) => '    ' + l).join('\n')}\nspec:\n  containers: []\n`;
    const result = apply(newCluster(), text);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe('hostile input: wrong types', () => {
  it('replicas: "three" names spec.replicas', () => {
    expectRejected(apply(newCluster(), rs({ replicas: '"three"' })), 'spec.replicas');
  });

  it('containers: "nginx" names spec.containers', () => {
    expectRejected(apply(newCluster(), pod('a', '  containers: "nginx"')), 'spec.containers');
  });

  it('a numeric label value names metadata.labels', () => {
    expectRejected(apply(newCluster(), pod('a', undefined, '  labels:\n    app: 5\n')), 'metadata.labels');
  });

  it('metadata as a list is rejected', () => {
    expectRejected(apply(newCluster(), 'apiVersion: v1\nkind: Pod\nmetadata: []\nspec: {}\n'), 'metadata');
  });

  it('an image that is a number names the image field', () => {
    expectRejected(apply(newCluster(), pod('a', '  containers:\n  - name: c\n    image: 123')), 'spec.containers[0].image');
  });

  it('a resource quantity that does not parse names the field', () => {
    expectRejected(apply(newCluster(), pod('a', '  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: lots')), 'spec.containers[0].resources.requests');
  });

  it('an unknown kind gets the resource-mapping error, an unknown namespace NotFound', () => {
    expectRejected(apply(newCluster(), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n'), /no matches for kind "Secret"/);
    expectRejected(apply(newCluster(), pod('a', undefined, '  namespace: nope\n')), /namespaces "nope" not found/);
  });
});

describe('hostile input: huge numbers', () => {
  it('replicas: 1e12 is rejected naming spec.replicas', () => {
    expectRejected(apply(newCluster(), rs({ replicas: '1e12' })), 'spec.replicas');
  });

  it('replicas: 2147483648 (int32 overflow) is rejected naming spec.replicas', () => {
    expectRejected(apply(newCluster(), rs({ replicas: '2147483648' })), 'spec.replicas');
  });

  it('kubectl scale to absurd counts fails cleanly', () => {
    const cluster = newCluster();
    apply(cluster, rs({ replicas: '1' }));
    for (const n of ['1e12', '-1', 'abc', '99999999999999999999', '']) {
      const result = kubectl(cluster, `kubectl scale rs web --replicas=${n}`);
      expect(result.exitCode, `--replicas=${n}`).not.toBe(0);
      expect(result.stderr.length).toBeGreaterThan(0);
    }
    expect(cluster.sim.store.get<{ spec: { replicas: number } }>('ReplicaSet', 'default', 'web')?.spec.replicas).toBe(1);
  });

  it('a 10,000-replica ReplicaSet ends bounded: advance(60s) returns, objects stay capped, placements fit', () => {
    const cluster = newCluster({ invariants: false });
    const result = apply(cluster, rs({ replicas: '10000' }));
    if (result.errors.length > 0) {
      // A cap is an honest outcome too, as long as the message says so.
      expect(errorText(result)).toMatch(/replicas/);
      return;
    }
    advance(cluster, 60_000);
    const pods = cluster.sim.store.count('Pod');
    expect(pods).toBeLessThanOrEqual(Math.min(10_000, MAX_OBJECTS));
    expect(pods).toBeGreaterThan(0);
    // Three 110-pod nodes: at most 330 bound, the rest Pending.
    const bound = cluster.sim.store.list<{ spec: { nodeName?: string } }>('Pod').filter((p) => p.spec.nodeName).length;
    expect(bound).toBeLessThanOrEqual(330);
    expect(() => checkInvariants(cluster.sim)).not.toThrow();
    expect(kubectl(cluster, 'kubectl get rs web').stdout).toMatch(/web\s+10000/);
  }, 300_000);

  it('terminationGracePeriodSeconds: 1e15 cannot make delete or advance throw', () => {
    const cluster = newCluster();
    // Bound directly, so the delete waits for a kubelet even before any scheduler runs.
    const result = apply(cluster, pod('slow', '  nodeName: node-1\n  terminationGracePeriodSeconds: 1000000000000000\n  containers:\n  - name: c\n    image: nginx'));
    if (result.errors.length > 0) {
      expect(errorText(result)).toContain('terminationGracePeriodSeconds');
      return;
    }
    advance(cluster, 10_000);
    kubectl(cluster, 'kubectl delete pod slow --wait=false');
    advance(cluster, 60_000);
    kubectl(cluster, 'kubectl get pods');
    kubectl(cluster, 'kubectl describe pod slow');
  });

  it('advance(huge) is capped at the per-command maximum and returns', () => {
    const cluster = newCluster();
    advance(cluster, Number.MAX_SAFE_INTEGER);
    expect(cluster.now()).toBe(MAX_ADVANCE_MS);
  });

  it('two capped advances fold into one log entry that replays to the same moment', () => {
    const cluster = createCluster({ seed: 5, nodes: [{ name: 'n1' }] });
    advance(cluster, Number.POSITIVE_INFINITY);
    advance(cluster, MAX_ADVANCE_MS + 1);
    expect(cluster.now()).toBe(2 * MAX_ADVANCE_MS);
    const replayed = replayCluster({ seed: 5, nodes: [{ name: 'n1' }] }, cluster.commandLog());
    expect(replayed.now()).toBe(cluster.now());
    expect(replayed.fingerprint()).toBe(cluster.fingerprint());
  }, 120_000);
});

describe('hostile input: enormous and deeply nested documents', () => {
  it('1 MB of labels: accepted or rejected, never thrown, and the cluster keeps working', () => {
    const cluster = newCluster();
    const labels = Array.from({ length: 16_000 }, (_, i) => `    k${i}: v${i}-${'x'.repeat(50)}`).join('\n');
    const text = pod('big', undefined, `  labels:\n${labels}\n`);
    expect(text.length).toBeGreaterThan(1_000_000);
    apply(cluster, text);
    advance(cluster, 10_000);
    kubectl(cluster, 'kubectl get pods --show-labels');
  });

  it(`a manifest beyond ${MAX_MANIFEST_CHARS} characters is refused with its size`, () => {
    const text = pod('big', undefined, `  annotations:\n    blob: "${'x'.repeat(MAX_MANIFEST_CHARS)}"\n`);
    expectRejected(apply(newCluster(), text), /characters long/);
  });

  it(`more than ${MAX_DOCUMENTS} documents are refused`, () => {
    const text = Array.from({ length: MAX_DOCUMENTS + 1 }, (_, i) => pod(`p${i}`)).join('---\n');
    expectRejected(apply(newCluster(), text), /documents/);
  });

  it('10,000 nested lists in a field: an error, not a stack overflow', () => {
    const nested = '['.repeat(10_000) + ']'.repeat(10_000);
    const cluster = newCluster();
    const result = apply(cluster, pod('deep', `  containers: ${nested}`));
    expect(errorText(result)).toMatch(/line \d+: exceeded max depth of \d+/);
    expect(errorText(result)).not.toMatch(/call stack/);
    expect(cluster.sim.store.count('Pod')).toBe(0);
  });

  it('10,000 nested maps under an unknown field: an error or a stored object, not a stack overflow', () => {
    const nested = '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000);
    const cluster = newCluster();
    const result = apply(cluster, pod('deep', `  containers:\n  - name: c\n    image: nginx\n  extra: ${nested}`));
    expect(errorText(result)).toMatch(/line \d+: exceeded max depth of \d+ \(Podlab accepts at most \d+ nested levels\)/);
    advance(cluster, 5_000);
    kubectl(cluster, 'kubectl get pods -o yaml');
  });

  it('10,000 nested block lists (`- - - …`) are refused with the depth message', () => {
    const result = apply(newCluster(), pod('deep', `  containers:\n  - name: c\n    image: nginx\n    args:\n    ${'- '.repeat(10_000)}x`));
    expect(errorText(result)).toMatch(/exceeded max depth/);
  });

  it('10,000 nested maps in an annotation value stay a string', () => {
    const cluster = newCluster();
    const value = '{a:'.repeat(10_000) + '}'.repeat(10_000);
    apply(cluster, pod('anno', undefined, `  annotations:\n    note: '${value}'\n`));
    expect(cluster.sim.store.get('Pod', 'default', 'anno')?.metadata.annotations?.note).toBe(value);
  });
});

describe('hostile input: names, labels and selectors', () => {
  for (const name of ['café', '🚀', 'web\u200b', 'ｗｅｂ', 'מִבְחָן']) {
    it(`unicode name ${JSON.stringify(name)} is rejected with the DNS-1123 message`, () => {
      const result = apply(newCluster(), pod(JSON.stringify(name)));
      expectRejected(result, 'metadata.name');
      expect(errorText(result)).toMatch(DNS_SUBDOMAIN);
    });
  }

  for (const name of ['-web', 'Web', 'web_1', 'web.', 'a..b', 'x'.repeat(254)]) {
    it(`invalid name ${JSON.stringify(name.length > 20 ? name.slice(0, 8) + '…' : name)} is rejected naming metadata.name`, () => {
      const result = apply(newCluster(), rs({ name: JSON.stringify(name) }));
      expectRejected(result, 'metadata.name');
    });
  }

  it('a <script> name is rejected with the DNS-1123 message', () => {
    const result = apply(newCluster(), pod('"<script>alert(1)</script>"'));
    expectRejected(result, 'metadata.name');
    expect(errorText(result)).toMatch(DNS_SUBDOMAIN);
  });

  for (const [label, why] of [['"a/b/c": x', 'two slashes'], ['"-k": x', 'leading dash'], ['k: "has space"', 'space in value'], [`k: "${'v'.repeat(64)}"`, '64-character value'], ['k: "<script>alert(1)</script>"', 'script in value'], ['"__proto__": x', '__proto__ key'], ['"Ünïcode": x', 'unicode key']]) {
    it(`label ${why} is rejected naming metadata.labels`, () => {
      expectRejected(apply(newCluster(), pod('a', undefined, `  labels:\n    ${label}\n`)), 'metadata.labels');
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  }

  it('a <script> annotation is stored as plain text and printed verbatim', () => {
    const cluster = newCluster();
    const script = '<script>alert(1)</script>';
    const result = apply(cluster, pod('anno', undefined, `  annotations:\n    note: "${script}"\n`));
    expect(result.errors).toEqual([]);
    expect(cluster.sim.store.get('Pod', 'default', 'anno')?.metadata.annotations?.note).toBe(script);
    expect(kubectl(cluster, 'kubectl get pod anno -o yaml').stdout).toContain(script);
    expect(kubectl(cluster, 'kubectl describe pod anno').stdout).toContain(script);
  });

  it('log lines with <script> come back as plain text', () => {
    const cluster = newCluster();
    apply(cluster, pod('echo', `  containers:\n  - name: c\n    image: busybox\n    command: ["sh", "-c", "echo '<script>alert(1)</script>'; sleep 3600"]`));
    advance(cluster, 60_000);
    const logs = kubectl(cluster, 'kubectl logs echo');
    expect(logs.stdout + logs.stderr).not.toMatch(/&lt;|&gt;/);
  });

  it('selector typo matchLabel is rejected naming spec.selector', () => {
    expectRejected(apply(newCluster(), rs({ selector: '    matchLabel:\n      app: web' })), 'spec.selector');
  });

  it('a selector that does not match the template labels is rejected', () => {
    expectRejected(apply(newCluster(), rs({ labels: '        app: wbe' })), /`selector` does not match template `labels`/);
  });

  it('an unknown selector operator is rejected', () => {
    expectRejected(apply(newCluster(), rs({ selector: '    matchExpressions:\n    - key: app\n      operator: Equals\n      values: [web]' })), /operator/);
  });

  it('an empty selector is rejected', () => {
    expectRejected(apply(newCluster(), rs({ selector: '    {}' })), 'spec.selector');
  });

  it('kubectl label with an invalid key or value fails cleanly', () => {
    const cluster = newCluster();
    apply(cluster, pod('a'));
    for (const line of ['kubectl label pod a "bad key"=v', 'kubectl label pod a k=<script>', 'kubectl label pod a ünï=x', 'kubectl label node node-1 k=v=w']) {
      const result = kubectl(cluster, line);
      expect(result.exitCode, line).not.toBe(0);
    }
    expect(cluster.sim.store.get('Pod', 'default', 'a')?.metadata.labels ?? {}).toEqual({});
  });
});

describe('hostile input: ownerReferences', () => {
  function uidOf(cluster: Cluster, name: string): string {
    return cluster.sim.store.get('Pod', 'default', name)!.metadata.uid!;
  }
  const owned = (name: string, owner: string, uid: string) => pod(name, undefined, `  ownerReferences:\n  - apiVersion: v1\n    kind: Pod\n    name: ${owner}\n    uid: ${uid}\n    blockOwnerDeletion: true\n`);

  it('cyclic owners (A owns B owns A) do not make the GC loop', () => {
    const cluster = newCluster();
    apply(cluster, pod('a'));
    apply(cluster, owned('b', 'a', uidOf(cluster, 'a')));
    apply(cluster, owned('a', 'b', uidOf(cluster, 'b')));
    advance(cluster, 5_000);
    const before = cluster.sim.reconcileCount;
    kubectl(cluster, 'kubectl delete pod a --cascade=foreground --wait=false');
    advance(cluster, 120_000);
    expect(cluster.sim.backlogWarning).toBeUndefined();
    expect(cluster.sim.reconcileCount - before).toBeLessThan(20_000);
    kubectl(cluster, 'kubectl get pods');
    // Nothing may stay Terminating forever (regression: a foreground-deleted pod whose finalizer
    // outlived its kubelet's final delete stayed Succeeded + Terminating for good).
    advance(cluster, 10 * 60_000);
    expect(() => assertConverged(cluster)).not.toThrow();
  });

  it('a foreground delete of an owner pod with a blocking dependent completes', () => {
    const cluster = newCluster();
    apply(cluster, pod('a'));
    apply(cluster, owned('b', 'a', uidOf(cluster, 'a')));
    advance(cluster, 5_000);
    kubectl(cluster, 'kubectl delete pod a --cascade=foreground --wait=false');
    advance(cluster, 5 * 60_000);
    expect(cluster.sim.store.list('Pod').map((p) => p.metadata.name)).toEqual([]);
  });

  it('a pod that owns itself does not make the GC loop and can be deleted', () => {
    const cluster = newCluster();
    apply(cluster, pod('self'));
    apply(cluster, owned('self', 'self', uidOf(cluster, 'self')));
    advance(cluster, 5_000);
    const before = cluster.sim.reconcileCount;
    kubectl(cluster, 'kubectl delete pod self --grace-period=0 --force');
    advance(cluster, 60_000);
    expect(cluster.sim.reconcileCount - before).toBeLessThan(20_000);
    expect(cluster.sim.store.get('Pod', 'default', 'self')).toBeUndefined();
  });

  it('an ownerReference to a uid that does not exist gets the dependent collected', () => {
    const cluster = newCluster();
    apply(cluster, owned('stray', 'ghost', '00000000-0000-4000-8000-000000000000'));
    advance(cluster, 1_000);
    const stray = cluster.sim.store.get('Pod', 'default', 'stray');
    expect(stray === undefined || stray.metadata.deletionTimestamp !== undefined).toBe(true);
  });
});

describe('hostile input: durations and time', () => {
  it('initialDelaySeconds: -5 names the probe field', () => {
    const result = apply(newCluster(), pod('p', '  containers:\n  - name: c\n    image: nginx\n    livenessProbe:\n      httpGet: {path: /, port: 80}\n      initialDelaySeconds: -5'));
    expectRejected(result, 'spec.containers[0].livenessProbe.initialDelaySeconds');
    expect(errorText(result)).toMatch(/must be greater than or equal to 0/);
  });

  it('periodSeconds: -1 and timeoutSeconds: -1 name their fields', () => {
    expectRejected(apply(newCluster(), pod('p', '  containers:\n  - name: c\n    image: nginx\n    readinessProbe:\n      httpGet: {path: /, port: 80}\n      periodSeconds: -1')), 'spec.containers[0].readinessProbe.periodSeconds');
    expectRejected(apply(newCluster(), pod('p', '  containers:\n  - name: c\n    image: nginx\n    readinessProbe:\n      httpGet: {path: /, port: 80}\n      timeoutSeconds: -1')), 'spec.containers[0].readinessProbe.timeoutSeconds');
  });

  it('terminationGracePeriodSeconds: -1 is rejected naming the field, or accepted and deletable', () => {
    const cluster = newCluster();
    const result = apply(cluster, pod('p', '  terminationGracePeriodSeconds: -1\n  containers:\n  - name: c\n    image: nginx'));
    if (result.errors.length > 0) expect(errorText(result)).toContain('terminationGracePeriodSeconds');
    advance(cluster, 5_000);
    kubectl(cluster, 'kubectl delete pod p');
    advance(cluster, 60_000);
  });

  for (const ms of [-1, -1e9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    it(`advance(${ms}) does not throw and does not move time backwards`, () => {
      const cluster = newCluster();
      advance(cluster, 1_000);
      const before = cluster.now();
      advance(cluster, ms);
      expect(cluster.now()).toBeGreaterThanOrEqual(before);
      expect(Number.isFinite(cluster.now())).toBe(true);
      advance(cluster, 1_000);
      expect(cluster.now()).toBeGreaterThanOrEqual(before + 1_000);
    });
  }

  it('kubectl delete --grace-period=-5 and --timeout=-1s do not throw', () => {
    const cluster = newCluster();
    apply(cluster, pod('p'));
    advance(cluster, 5_000);
    kubectl(cluster, 'kubectl delete pod p --grace-period=-5 --timeout=-1s');
    advance(cluster, 60_000);
  });
});

describe('hostile input: kubectl lines', () => {
  const lines = [
    '',
    'kubectl',
    '   ',
    'kubectl ' + 'x'.repeat(100_000),
    'kubectl get pods -l \'app=',
    'kubectl get pods -o jsonpath=\'{.items[\'',
    'kubectl get pods -o jsonpath={.items[*].metadata.name',
    'kubectl get pods --selector=!!!',
    'kubectl get pods -o',
    'kubectl get pods -n',
    'kubectl get pods -w',
    'kubectl get pods --watch',
    'kubectl logs -f pod-that-does-not-exist',
    'kubectl rollout status deployment/nope',
    'kubectl wait --for=condition=Ready pod/nope --timeout=1h',
    'kubectl delete pods --all',
    'kubectl drain node-404 --ignore-daemonsets',
    'kubectl cordon',
    'kubectl taint nodes node-1 =:NoSchedule',
    'kubectl taint nodes node-1 k=v:Sometimes',
    'kubectl scale',
    'kubectl exec -it nope -- sh',
    'kubectl get pods ünïcödé 🚀',
    'kubectl get pods "unterminated',
    'kubectl annotate node node-1 podlab.dev/failure=',
    'kubectl get <script>alert(1)</script>',
    'kubectl apply -f -',
    'kubectl apply -f nowhere.yaml',
    'kubectl create deployment Bad_Name --image=nginx',
    'kubectl run x --image=',
    'kubectl --namespace= get pods',
    'kubectl get pods --sort-by=.metadata.creationTimestamp --sort-by=',
  ];
  for (const line of lines) {
    it(`does not throw for ${JSON.stringify(line.length > 60 ? line.slice(0, 60) + '…' : line)}`, () => {
      const cluster = newCluster();
      kubectl(cluster, line, line.includes('-f -') ? ':::' : undefined);
      advance(cluster, 1_000);
    });
  }

  it('cluster.delete of nonsense returns an error instead of throwing', () => {
    const cluster = newCluster();
    expect(() => cluster.delete('Bogus', 'x')).not.toThrow();
    expect(() => cluster.delete('Pod', '')).not.toThrow();
    expect(() => cluster.delete('Pod', 'nope', 'no-such-namespace', { gracePeriodSeconds: -1 })).not.toThrow();
  });
});
