import { describe, expect, it } from 'vitest';
import type { Topology, TopologyOwner, TopologyPod } from '../../store/topology';
import { EMPTY_MEMORY, type LayoutMemory } from './layout';
import { LANE_ID, POD_EDGES_MAX, toFlowGraph, visibleSets, type FlowGraph } from './toFlowGraph';

const nodes = ['node-1', 'node-2', 'node-3'].map((name) => ({ uid: `uid-${name}`, name }));
const pod = (name: string, nodeName?: string, extra: Partial<TopologyPod> = {}): TopologyPod => ({ uid: `uid-${name}`, namespace: 'default', name, nodeName, labels: { app: name.split('-')[0] }, ...extra });
const owner = (kind: TopologyOwner['kind'], name: string, extra: Partial<TopologyOwner> = {}): TopologyOwner => ({ uid: `uid-${name}`, kind, namespace: 'default', name, labels: {}, ...extra });
const topo = (pods: TopologyPod[], owners: TopologyOwner[] = []): Topology => ({ nodes, pods, owners, namespaces: ['default'] });

/** Absolute position of every pod node. */
function podPositions(graph: FlowGraph): Map<string, { x: number; y: number; parent?: string }> {
  const groups = new Map(graph.nodes.filter((n) => !n.parentId).map((n) => [n.id, n.position]));
  const out = new Map<string, { x: number; y: number; parent?: string }>();
  for (const n of graph.nodes) {
    if (n.type !== 'pod') continue;
    const g = groups.get(n.parentId!)!;
    out.set(n.id, { x: g.x + n.position.x, y: g.y + n.position.y, parent: n.parentId });
  }
  return out;
}

/** Runs a sequence of topologies through the layout, feeding its memory back like the graph does. */
function sequence(steps: Topology[], aspect = 16 / 9): FlowGraph[] {
  let memory: LayoutMemory = EMPTY_MEMORY;
  return steps.map((t) => {
    const graph = toFlowGraph(t, memory, { aspect });
    memory = graph.memory;
    return graph;
  });
}

describe('toFlowGraph', () => {
  it('draws the lane and the nodes for an empty cluster', () => {
    const graph = toFlowGraph(topo([]));
    expect(graph.nodes.map((n) => n.id)).toEqual([LANE_ID, 'node-node-1', 'node-node-2', 'node-node-3']);
    expect(graph.edges).toEqual([]);
  });

  it('puts pods inside their node, pending ones in the lane, parents first', () => {
    const graph = toFlowGraph(topo([pod('web-a', 'node-1'), pod('web-b', 'node-2'), pod('web-c'), pod('ghost', 'node-9')]));
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('pod-default/web-a')!.parentId).toBe('node-node-1');
    expect(byId.get('pod-default/web-c')!.parentId).toBe(LANE_ID);
    // Bound to a node that no longer exists: drawn in the lane.
    expect(byId.get('pod-default/ghost')!.parentId).toBe(LANE_ID);
    const ids = graph.nodes.map((n) => n.id);
    for (const [i, n] of graph.nodes.entries()) {
      if (!n.parentId) continue;
      const parent = graph.nodes[ids.indexOf(n.parentId)];
      expect(ids.indexOf(n.parentId)).toBeLessThan(i);
      expect(n.position.x + n.width!).toBeLessThanOrEqual(parent.width!);
      expect(n.position.y + n.height!).toBeLessThanOrEqual(parent.height!);
    }
  });

  it('is pure: the same inputs give equal output', () => {
    const t = topo([pod('a-1', 'node-1'), pod('b-1')], [owner('ReplicaSet', 'a')]);
    expect(toFlowGraph(t)).toEqual(toFlowGraph(structuredClone(t)));
  });

  it('never moves existing pods when a pod is added, anywhere', () => {
    const base = [pod('web-1', 'node-1'), pod('web-2', 'node-2'), pod('web-3', 'node-1'), pod('web-4')];
    const [before, after] = sequence([topo(base), topo([...base, pod('web-5', 'node-1')])]);
    const a = podPositions(before);
    const b = podPositions(after);
    for (const [id, position] of a) expect(b.get(id)).toEqual(position);
    expect(b.has('pod-default/web-5')).toBe(true);
  });

  it('keeps every pod in its slot when one leaves and another arrives (it takes the free slot)', () => {
    const base = [pod('web-1', 'node-1'), pod('web-2', 'node-1'), pod('web-3', 'node-1')];
    const [before, , after] = sequence([topo(base), topo([base[0], base[2]]), topo([base[0], base[2], pod('web-9', 'node-1')])]);
    const a = podPositions(before);
    const b = podPositions(after);
    expect(b.get('pod-default/web-1')).toEqual(a.get('pod-default/web-1'));
    expect(b.get('pod-default/web-3')).toEqual(a.get('pod-default/web-3'));
    expect(b.get('pod-default/web-9')).toEqual(a.get('pod-default/web-2'));
  });

  it('keeps relative places when the capacity doubles (groups grow, pods stay put inside them)', () => {
    const four = Array.from({ length: 4 }, (_, i) => pod(`web-${i}`, 'node-2'));
    const [before, after] = sequence([topo(four), topo([...four, pod('web-4', 'node-2')])]);
    const rel = (g: FlowGraph) => new Map(g.nodes.filter((n) => n.type === 'pod').map((n) => [n.id, n.position]));
    const a = rel(before);
    const b = rel(after);
    for (const [id, position] of a) expect(b.get(id)).toEqual(position);
    expect(after.memory.capacity).toBe(8);
  });

  it('does not shrink while pods come and go, so groups do not jump back', () => {
    const five = Array.from({ length: 5 }, (_, i) => pod(`web-${i}`, 'node-1'));
    const [big, small] = sequence([topo(five), topo(five.slice(0, 2))]);
    expect(small.memory.capacity).toBe(big.memory.capacity);
    expect(small.nodes.find((n) => n.id === 'node-node-1')!.position).toEqual(big.nodes.find((n) => n.id === 'node-node-1')!.position);
  });

  it('draws owners above the nodes with ownerReference edges', () => {
    const deploy = owner('Deployment', 'web');
    const rs = owner('ReplicaSet', 'web-7d9', { ownerUid: deploy.uid });
    const hpa = owner('HorizontalPodAutoscaler', 'web-hpa', { targetUid: deploy.uid });
    const graph = toFlowGraph(topo([pod('web-7d9-a', 'node-1', { ownerUid: rs.uid }), pod('stray', 'node-2')], [deploy, rs, hpa]));
    const owners = graph.nodes.filter((n) => n.type === 'owner');
    expect(owners.map((n) => n.id).sort()).toEqual(['owner-Deployment/default/web', 'owner-HorizontalPodAutoscaler/default/web-hpa', 'owner-ReplicaSet/default/web-7d9']);
    for (const o of owners) expect(o.position.y).toBeLessThan(0);
    // The Deployment's ReplicaSet sits in the tier nearest the pods.
    const y = (id: string) => graph.nodes.find((n) => n.id === id)!.position.y;
    expect(y('owner-ReplicaSet/default/web-7d9')).toBeGreaterThan(y('owner-Deployment/default/web'));
    const edges = graph.edges.map((e) => `${e.source} -> ${e.target} (${e.data!.kind})`).sort();
    expect(edges).toEqual([
      'owner-Deployment/default/web -> owner-ReplicaSet/default/web-7d9 (owns)',
      'owner-HorizontalPodAutoscaler/default/web-hpa -> owner-Deployment/default/web (scales)',
      'owner-ReplicaSet/default/web-7d9 -> pod-default/web-7d9-a (owns)',
    ]);
    // The orphan has no edge.
    expect(graph.edges.some((e) => e.target === 'pod-default/stray')).toBe(false);
  });

  it('adding an owner does not move pods or nodes', () => {
    const base = topo([pod('web-1', 'node-1')], [owner('ReplicaSet', 'web')]);
    const more = topo([pod('web-1', 'node-1')], [owner('ReplicaSet', 'web'), ...Array.from({ length: 9 }, (_, i) => owner('ReplicaSet', `other-${i}`))]);
    const [a, b] = sequence([base, more]);
    expect(podPositions(b)).toEqual(podPositions(a));
    expect(b.nodes.filter((n) => n.type === 'clusterNode').map((n) => n.position)).toEqual(a.nodes.filter((n) => n.type === 'clusterNode').map((n) => n.position));
  });

  it('counts pods per node on one edge when there are too many to draw one by one', () => {
    const rs = owner('ReplicaSet', 'big');
    const many = Array.from({ length: POD_EDGES_MAX + 10 }, (_, i) => pod(`big-${i}`, `node-${(i % 3) + 1}`, { ownerUid: rs.uid }));
    const graph = toFlowGraph(topo(many, [rs]));
    expect(graph.edges.every((e) => e.data!.kind === 'aggregate')).toBe(true);
    expect(graph.edges.reduce((sum, e) => sum + (e.data!.count ?? 0), 0)).toBe(many.length);
    expect(graph.edges.map((e) => e.target).sort()).toEqual(['node-node-1', 'node-node-2', 'node-node-3']);
  });

  it('collapses groups not in the detail set (level of detail) without moving anything', () => {
    const pods = [pod('web-1', 'node-1'), pod('web-2', 'node-2')];
    const full = toFlowGraph(topo(pods));
    const collapsed = toFlowGraph(topo(pods), EMPTY_MEMORY, { detail: new Set(['node-node-2']) });
    expect(collapsed.nodes.find((n) => n.id === 'pod-default/web-1')).toBeUndefined();
    expect(collapsed.nodes.find((n) => n.id === 'pod-default/web-2')!.position).toEqual(full.nodes.find((n) => n.id === 'pod-default/web-2')!.position);
    const group = collapsed.nodes.find((n) => n.id === 'node-node-1')!;
    expect(group.data).toMatchObject({ collapsed: true, podUids: ['uid-web-1'] });
    expect(collapsed.groups).toEqual(full.groups);
  });
});

describe('filters', () => {
  const deploy = owner('Deployment', 'web', { labels: { tier: 'front' } });
  const rs = owner('ReplicaSet', 'web-1', { ownerUid: deploy.uid });
  const other = owner('ReplicaSet', 'db');
  const t: Topology = {
    nodes,
    pods: [pod('web-1-a', 'node-1', { ownerUid: rs.uid }), pod('db-a', 'node-2', { ownerUid: other.uid, namespace: 'data' }), pod('lone', 'node-3', { labels: { app: 'lone', debug: 'true' } })],
    owners: [deploy, rs, other],
    namespaces: ['data', 'default'],
  };

  it('keeps a kind and the subtree it controls', () => {
    const v = visibleSets(t, { namespace: '', label: '', kind: 'Deployment' });
    expect([...v.owners].sort()).toEqual(['uid-web', 'uid-web-1']);
    expect([...v.pods]).toEqual(['uid-web-1-a']);
  });

  it('filters by namespace and label selector; pods only hides owners', () => {
    expect([...visibleSets(t, { namespace: 'data', label: '', kind: 'all' }).pods]).toEqual(['uid-db-a']);
    expect([...visibleSets(t, { namespace: '', label: 'debug', kind: 'all' }).pods]).toEqual(['uid-lone']);
    expect([...visibleSets(t, { namespace: '', label: 'app in (web, lone)', kind: 'all' }).pods]).toEqual(['uid-web-1-a', 'uid-lone']);
    expect(visibleSets(t, { namespace: '', label: '', kind: 'pods' }).owners.size).toBe(0);
    expect(visibleSets(t, { namespace: '', label: 'app=(', kind: 'all' }).labelValid).toBe(false);
  });

  it('hides filtered pods in place: the others keep their positions', () => {
    const all = toFlowGraph(t);
    const some = toFlowGraph(t, EMPTY_MEMORY, { filter: { namespace: 'default', label: '', kind: 'all' } });
    expect(some.nodes.find((n) => n.id === 'pod-data/db-a')).toBeUndefined();
    expect(some.nodes.find((n) => n.id === 'pod-default/lone')!.position).toEqual(all.nodes.find((n) => n.id === 'pod-default/lone')!.position);
  });
});
