import { describe, expect, it } from 'vitest';
import { makeNode, makePod, runFilter, runScores } from '../testFixtures';
import { ERR_REASON_AFFINITY, ERR_REASON_ANTI_AFFINITY, ERR_REASON_EXISTING_ANTI_AFFINITY, InterPodAffinity } from './InterPodAffinity';

const HOST = 'kubernetes.io/hostname';
const term = (labels: Record<string, string>, topologyKey = HOST) => ({ labelSelector: { matchLabels: labels }, topologyKey });
const nodes = () => [makeNode('n1', { labels: { zone: 'z1' } }), makeNode('n2', { labels: { zone: 'z1' } }), makeNode('n3', { labels: { zone: 'z2' } })];

describe('InterPodAffinity filter', () => {
  it('required anti-affinity keeps replicas off nodes that already run one', () => {
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } };
    const objects = [...nodes(), makePod('web-1', { node: 'n1', labels: { app: 'web' }, affinity: anti })];
    const pod = makePod('web-2', { labels: { app: 'web' }, affinity: anti });
    expect(runFilter(InterPodAffinity, pod, 'n1', objects)).toEqual({ code: 'Unschedulable', reasons: [ERR_REASON_ANTI_AFFINITY] });
    expect(runFilter(InterPodAffinity, pod, 'n2', objects)).toBeUndefined();
    expect(ERR_REASON_ANTI_AFFINITY).toBe("node(s) didn't match pod anti-affinity rules");
  });

  it('an existing pod\'s anti-affinity repels a pod it selects', () => {
    const objects = [...nodes(), makePod('loner', { node: 'n1', affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'noisy' })] } } })];
    expect(runFilter(InterPodAffinity, makePod('noisy', { labels: { app: 'noisy' } }), 'n1', objects)).toEqual({ code: 'Unschedulable', reasons: [ERR_REASON_EXISTING_ANTI_AFFINITY] });
    expect(runFilter(InterPodAffinity, makePod('quiet', { labels: { app: 'quiet' } }), 'n1', objects)).toBeUndefined();
  });

  it('required affinity needs a matching pod in the same topology domain', () => {
    const objects = [...nodes(), makePod('cache', { node: 'n1', labels: { app: 'cache' } })];
    const pod = makePod('web', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'cache' }, 'zone')] } } });
    expect(runFilter(InterPodAffinity, pod, 'n2', objects)).toBeUndefined();
    expect(runFilter(InterPodAffinity, pod, 'n3', objects)).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY] });
  });

  it('lets the first pod of a self-affine group in', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'group' })] } };
    expect(runFilter(InterPodAffinity, makePod('g1', { labels: { app: 'group' }, affinity }), 'n1', nodes())).toBeUndefined();
    expect(runFilter(InterPodAffinity, makePod('other', { labels: { app: 'x' }, affinity }), 'n1', nodes())).toBeDefined();
  });

  it('only looks at the term\'s namespaces', () => {
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } };
    const objects = [...nodes(), makePod('web-other-ns', { namespace: 'kube-system', node: 'n1', labels: { app: 'web' } })];
    expect(runFilter(InterPodAffinity, makePod('web', { labels: { app: 'web' }, affinity: anti }), 'n1', objects)).toBeUndefined();
  });
});

describe('InterPodAffinity score', () => {
  it('adds preferred affinity weights per domain and min-max normalises', () => {
    const objects = [...nodes(), makePod('cache', { node: 'n1', labels: { app: 'cache' } })];
    const affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'cache' }, 'zone') }] } };
    expect(runScores(InterPodAffinity, makePod('web', { affinity }), ['n1', 'n2', 'n3'], objects)).toEqual({ n1: 100, n2: 100, n3: 0 });
    const antiPref = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'cache' }) }] } };
    expect(runScores(InterPodAffinity, makePod('web', { affinity: antiPref }), ['n1', 'n2', 'n3'], objects)).toEqual({ n1: 0, n2: 100, n3: 100 });
  });
  it('skips when nobody has preferences that involve the pod', () => {
    expect(runScores(InterPodAffinity, makePod('p'), ['n1', 'n2'], nodes())).toBeUndefined();
  });
});
