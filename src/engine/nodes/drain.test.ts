import { describe, expect, it } from 'vitest';
import { clusterOf, makeNode, makePod } from '../scheduler/testFixtures';
import { cordonNode, planDrain } from './drain';
import type { KubeObject } from '../api/types';

const ds: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'kube-proxy', namespace: 'kube-system', uid: 'ds-uid' }, spec: {} };
function objects(): KubeObject[] {
  return [
    makeNode('node-1'),
    ds,
    makePod('kube-proxy-abcde', { namespace: 'kube-system', node: 'node-1', owner: { kind: 'DaemonSet', name: 'kube-proxy', uid: 'ds-uid' } }),
    makePod('web-7d9f5-x2x4b', { node: 'node-1', owner: { kind: 'ReplicaSet', name: 'web-7d9f5' } }),
    makePod('bare', { node: 'node-1' }),
  ];
}

describe('planDrain', () => {
  it('refuses DaemonSet and bare pods with kubectl\'s texts, after cordoning', () => {
    const { store } = clusterOf(objects());
    const plan = planDrain(store, 'node-1')!;
    expect(plan.exitCode).toBe(1);
    expect(plan.podsToEvict).toEqual([]);
    expect(plan.errors).toEqual([
      'cannot delete Pods that declare no controller (use --force to override): default/bare',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-abcde',
    ]);
    expect(plan.lines.map((l) => `${l.stream}: ${l.text}`)).toEqual([
      'stdout: node/node-1 cordoned',
      'stderr: error: unable to drain node "node-1" due to error: [cannot delete Pods that declare no controller (use --force to override): default/bare, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-abcde], continuing command...',
      'stderr: There are pending nodes to be drained:',
      'stderr:  node-1',
      'stderr: cannot delete Pods that declare no controller (use --force to override): default/bare',
      'stderr: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-abcde',
    ]);
    expect(plan.actions).toHaveLength(1);
    expect((plan.actions[0] as { object: { spec: { unschedulable: boolean } } }).object.spec.unschedulable).toBe(true);
  });

  it('evicts everything but DaemonSet pods with --ignore-daemonsets --force', () => {
    const { store } = clusterOf(objects());
    const plan = planDrain(store, 'node-1', { ignoreDaemonsets: true, force: true })!;
    expect(plan.exitCode).toBe(0);
    expect(plan.podsToEvict.map((p) => p.metadata.name)).toEqual(['bare', 'web-7d9f5-x2x4b']);
    expect(plan.lines.map((l) => `${l.stream}: ${l.text}`)).toEqual([
      'stdout: node/node-1 cordoned',
      'stderr: Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: kube-system/kube-proxy-abcde',
      'stdout: evicting pod default/bare',
      'stdout: evicting pod default/web-7d9f5-x2x4b',
      'stdout: pod/bare evicted',
      'stdout: pod/web-7d9f5-x2x4b evicted',
      'stdout: node/node-1 drained',
    ]);
    const types = plan.actions.map((a) => a.type);
    expect(types).toEqual(['update', 'update', 'delete', 'update', 'delete']);
    const eviction = plan.actions[1] as { object: { status: { conditions: { type: string; reason: string; message: string }[] } } };
    expect(eviction.object.status.conditions.at(-1)).toMatchObject({ type: 'DisruptionTarget', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
  });

  it('needs --delete-emptydir-data for emptyDir pods and prints dry runs', () => {
    const withVolume = makePod('cache-1', { node: 'node-1', owner: { kind: 'ReplicaSet', name: 'cache' } });
    withVolume.spec!.volumes = [{ name: 'scratch', emptyDir: {} }];
    const { store } = clusterOf([makeNode('node-1'), withVolume]);
    expect(planDrain(store, 'node-1')!.errors).toEqual(['cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-1']);
    const dry = planDrain(store, 'node-1', { deleteEmptydirData: true, dryRun: 'client' })!;
    expect(dry.actions).toEqual([]);
    // kubectl keeps only the last filter's verdict, so the local-storage warning of a managed pod is dropped.
    expect(dry.lines.map((l) => l.text)).toEqual(['node/node-1 cordoned (dry run)', 'evicting pod default/cache-1 (dry run)', 'node/node-1 drained (dry run)']);
  });

  it('reports an orphaned DaemonSet pod, which --force removes (its warning dropped by the later filters)', () => {
    const orphan = makePod('agent-x', { node: 'node-1', owner: { kind: 'DaemonSet', name: 'gone' } });
    const { store } = clusterOf([makeNode('node-1'), orphan]);
    expect(planDrain(store, 'node-1', { ignoreDaemonsets: true })!.errors).toEqual(['cannot delete daemonsets.apps "gone" not found: default/agent-x']);
    const forced = planDrain(store, 'node-1', { ignoreDaemonsets: true, force: true })!;
    expect(forced.podsToEvict.map((p) => p.metadata.name)).toEqual(['agent-x']);
    expect(forced.warnings).toBe('');
  });

  it('is undefined for a node that does not exist', () => {
    expect(planDrain(clusterOf([]).store, 'nope')).toBeUndefined();
  });
});

describe('cordonNode', () => {
  it('sets or removes spec.unschedulable and says so', () => {
    const node = makeNode('n1');
    const c = cordonNode(node, true);
    expect(c).toMatchObject({ changed: true, message: 'node/n1 cordoned' });
    expect(c.node!.spec!.unschedulable).toBe(true);
    expect(cordonNode(c.node!, true).message).toBe('node/n1 already cordoned');
    const u = cordonNode(c.node!, false, 'client');
    expect(u.message).toBe('node/n1 uncordoned (dry run)');
    expect(u.node!.spec!.unschedulable).toBeUndefined();
    expect(cordonNode(node, false).message).toBe('node/n1 already uncordoned');
  });
});
