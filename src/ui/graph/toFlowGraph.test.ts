import { describe, expect, it } from 'vitest';
import type { Topology } from '../../store/topology';
import { GROUP_GAP, GROUP_HEADER, POD_HEIGHT, POD_WIDTH, arrangeGroups, columnsFor, groupHeight, groupWidth, podPosition, rowsFor } from './layout';
import { LANE_ID, toFlowGraph } from './toFlowGraph';

const nodes = ['node-1', 'node-2', 'node-3'].map((name) => ({ uid: `uid-${name}`, name }));
const pod = (name: string, nodeName?: string, namespace = 'default') => ({ uid: `uid-${name}`, namespace, name, nodeName });

describe('layout', () => {
  it('uses 2 columns up to 4 pods, then a rough square', () => {
    expect(columnsFor(0, 2)).toBe(2);
    expect(columnsFor(4, 2)).toBe(2);
    expect(columnsFor(5, 2)).toBe(3);
    expect(columnsFor(110, 2)).toBe(11);
    expect(columnsFor(0, 1)).toBe(2);
  });

  it('sizes groups from columns and rows', () => {
    expect(groupWidth(1)).toBe(2 * 12 + POD_WIDTH);
    expect(rowsFor(0, 2)).toBe(2);
    expect(rowsFor(7, 3)).toBe(3);
    expect(groupHeight(1)).toBe(GROUP_HEADER + POD_HEIGHT + 12);
  });

  it('places pods row by row below the header', () => {
    expect(podPosition(0, 2)).toEqual({ x: 12, y: GROUP_HEADER });
    expect(podPosition(3, 2)).toEqual({ x: 12 + POD_WIDTH + 10, y: GROUP_HEADER + POD_HEIGHT + 10 });
  });
});

describe('arrangeGroups', () => {
  it('keeps one row for a wide viewport and wraps for a squarer one', () => {
    const widths = [200, 400, 400, 400];
    const wide = arrangeGroups(widths, 200, 10);
    expect(wide.placements.map((p) => p.y)).toEqual([0, 0, 0, 0]);
    expect(wide.width).toBe(1400 + 3 * GROUP_GAP);
    const square = arrangeGroups(widths, 200, 1.6);
    expect(square.placements).toEqual([
      { x: 0, y: 0 },
      { x: 200 + GROUP_GAP, y: 0 },
      { x: 0, y: 200 + GROUP_GAP },
      { x: 400 + GROUP_GAP, y: 200 + GROUP_GAP },
    ]);
    expect(square.height).toBe(400 + GROUP_GAP);
  });

  it('handles nothing to place', () => {
    expect(arrangeGroups([], 100, 1)).toEqual({ placements: [], width: 0, height: 0 });
  });
});

describe('toFlowGraph', () => {
  it('draws only the lane for an empty cluster', () => {
    const graph = toFlowGraph({ nodes: [], pods: [] });
    expect(graph.nodes.map((n) => n.id)).toEqual([LANE_ID]);
    expect(graph.width).toBe(graph.nodes[0].width);
  });

  it('puts the lane first, then nodes side by side, pods inside their node', () => {
    const topology: Topology = {
      nodes,
      pods: [pod('web-a', 'node-1'), pod('web-b', 'node-2'), pod('web-c', 'node-1'), pod('web-d'), pod('dns', 'node-3', 'kube-system')],
    };
    const graph = toFlowGraph(topology);
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual([LANE_ID, 'pod-default/web-d', 'node-node-1', 'pod-default/web-a', 'pod-default/web-c', 'node-node-2', 'pod-default/web-b', 'node-node-3', 'pod-kube-system/dns']);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('pod-default/web-a')!.parentId).toBe('node-node-1');
    expect(byId.get('pod-default/web-d')!.parentId).toBe(LANE_ID);
    // Every parent precedes its children, and children fit inside their parent.
    for (const [index, node] of graph.nodes.entries()) {
      if (!node.parentId) continue;
      const parentIndex = ids.indexOf(node.parentId);
      expect(parentIndex).toBeLessThan(index);
      const parent = graph.nodes[parentIndex];
      expect(node.position.x + node.width!).toBeLessThanOrEqual(parent.width!);
      expect(node.position.y + node.height!).toBeLessThanOrEqual(parent.height!);
    }
    // In one row (a wide viewport), groups sit side by side with the same height.
    const wide = toFlowGraph(topology, 100);
    const groups = wide.nodes.filter((n) => !n.parentId);
    for (let i = 1; i < groups.length; i++) {
      expect(groups[i].position.x).toBe(groups[i - 1].position.x + groups[i - 1].width! + GROUP_GAP);
      expect(groups[i].height).toBe(groups[0].height);
    }
    expect(groups.every((g) => g.position.y === 0)).toBe(true);
    expect(byId.get('node-node-1')!.data).toEqual({ uid: 'uid-node-1', name: 'node-1', podCount: 2 });
    expect(byId.get('pod-default/web-a')!.data).toEqual({ uid: 'uid-web-a' });
  });

  it('is pure: the same topology gives equal output', () => {
    const topology: Topology = { nodes, pods: [pod('a', 'node-1'), pod('b')] };
    expect(toFlowGraph(topology)).toEqual(toFlowGraph(structuredClone(topology)));
  });

  it('draws pods bound to a vanished node in the lane', () => {
    const graph = toFlowGraph({ nodes: nodes.slice(0, 1), pods: [pod('ghost', 'node-9')] });
    expect(graph.nodes.find((n) => n.id === 'pod-default/ghost')!.parentId).toBe(LANE_ID);
  });

  it('grows every group to the tallest one', () => {
    const many = Array.from({ length: 12 }, (_, i) => pod(`p${i}`, 'node-2'));
    const graph = toFlowGraph({ nodes, pods: many });
    const heights = new Set(graph.nodes.filter((n) => !n.parentId).map((n) => n.height));
    expect(heights.size).toBe(1);
    expect([...heights][0]).toBe(groupHeight(rowsFor(12, columnsFor(12, 2))));
  });
});
