import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type NodeMouseHandler, type Viewport } from '@xyflow/react';
import { searchHit } from '../../store/labelSelector';
import { selectTopology, selectViewingPast } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import { setHover, toggleSelect } from '../commands/select';
import { EMPTY_MEMORY, type LayoutMemory } from './layout';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { GraphToolbar } from './GraphToolbar';
import { LOD_PODS, toFlowGraph, type FlowNode, type GroupBox } from './toFlowGraph';
import { graphText as t } from './text';

const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.1 } as const;
/** In level-of-detail mode, groups on screen show their pods from this zoom up. */
export const LOD_ZOOM = 0.45;
/** Above this many drawn pods, changes are not animated (graph--calm): repainting costs too much. */
export const ANIMATED_PODS_MAX = 150;

/** Refits the view when the drawn cluster changes size (a node, a row of owners, a capacity step). */
function FitOnResize({ x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ ...FIT_OPTIONS, duration: 200 }));
    return () => cancelAnimationFrame(frame);
  }, [fitView, x, y, width, height]);
  return null;
}

/** The container's size, and its width/height ratio rounded to quarters so small resizes do not relayout. */
function useContainer(ref: React.RefObject<HTMLDivElement | null>): { aspect: number; size: React.RefObject<{ width: number; height: number }> } {
  const [aspect, setAspect] = useState(16 / 9);
  const size = useRef({ width: 1, height: 1 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      size.current = { width, height };
      if (width > 0 && height > 0) setAspect(Math.max(0.25, Math.round((width / height) * 4) / 4));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return { aspect, size };
}

/** Groups whose box meets the visible part of the flow. */
function groupsInView(groups: readonly GroupBox[], viewport: Viewport, size: { width: number; height: number }): Set<string> {
  const left = -viewport.x / viewport.zoom;
  const top = -viewport.y / viewport.zoom;
  const right = left + size.width / viewport.zoom;
  const bottom = top + size.height / viewport.zoom;
  return new Set(groups.filter((g) => g.x < right && g.x + g.width > left && g.y < bottom && g.y + g.height > top).map((g) => g.id));
}

const MINIMAP_COLORS: Record<string, string> = { clusterNode: '#2a3441', lane: '#1f3550', pod: '#3fb950', owner: '#b083f0' };
const minimapColor = (node: FlowNode) => MINIMAP_COLORS[node.type ?? ''] ?? '#888';

export function ClusterGraph() {
  const topology = useStore(selectTopology);
  const filter = useStore((s) => s.graphFilter);
  const theme = useStore((s) => s.theme);
  const connected = useStore((s) => s.connected);
  const past = useStore(selectViewingPast);
  const containerRef = useRef<HTMLDivElement>(null);
  const { aspect, size } = useContainer(containerRef);
  const { fitView, fitBounds, getViewport } = useReactFlow();

  // Level of detail: big clusters start collapsed; groups on screen expand when zoomed in.
  const manyPods = topology.pods.length > LOD_PODS;
  const [showAll, setShowAll] = useState(false);
  const [inView, setInView] = useState<ReadonlySet<string>>(() => new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const lod = manyPods && !showAll;
  const detail = useMemo(() => (lod ? new Set([...inView, ...expanded]) : 'all'), [lod, inView, expanded]);

  // The layout's memory keeps every pod in its slot from one topology to the next (and into the past).
  const memory = useRef<LayoutMemory>(EMPTY_MEMORY);
  const filterKey = `${filter.namespace}\n${filter.label}\n${filter.kind}`;
  // Rebuilt only when the topology is replaced (pods/nodes/owners/placement), a filter or the level
  // of detail changes, or the panel's shape does — never per tick: statuses reach nodes through
  // their own selectors.
  const graph = useMemo(() => {
    const result = toFlowGraph(topology, memory.current, { aspect, filter, detail });
    memory.current = result.memory;
    return result;
  }, [topology, aspect, filterKey, detail]); // `filter` is read through filterKey (search is not part of it)

  const drawnPods = useMemo(() => graph.nodes.reduce((n, node) => n + (node.type === 'pod' ? 1 : 0), 0), [graph.nodes]);

  const updateDetail = useCallback(
    (viewport: Viewport) => {
      if (!lod) return;
      const next = viewport.zoom >= LOD_ZOOM ? groupsInView(graph.groups, viewport, size.current) : new Set<string>();
      setInView((prev) => (prev.size === next.size && [...next].every((id) => prev.has(id)) ? prev : next));
    },
    [lod, graph.groups, size],
  );
  useEffect(() => {
    if (lod) updateDetail(getViewport());
  }, [lod, updateDetail, getViewport]);

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_, node) => {
      if (node.type === 'pod' || node.type === 'owner') {
        toggleSelect(node.data.uid);
        return;
      }
      const box = graph.groups.find((g) => g.id === node.id);
      if (node.data.collapsed && box) {
        // Expand this node's pods and bring it into view.
        setExpanded((prev) => new Set([...prev, node.id]));
        void fitBounds({ x: box.x, y: box.y, width: box.width, height: box.height }, { padding: 0.05, duration: 300 });
        return;
      }
      if (node.type === 'clusterNode') toggleSelect(node.data.uid);
    },
    [graph.groups, fitBounds],
  );
  const onPaneClick = useCallback(() => toggleSelect(undefined), []);
  const onNodeMouseEnter: NodeMouseHandler<FlowNode> = useCallback((_, node) => {
    if (node.type === 'pod' || node.type === 'owner') setHover(node.data.uid);
  }, []);
  const onNodeMouseLeave: NodeMouseHandler<FlowNode> = useCallback(() => setHover(undefined), []);

  const searchIds = useMemo(() => {
    if (filter.search.trim() === '') return [];
    const ids: string[] = [];
    for (const node of graph.nodes) {
      if (node.type !== 'pod' && node.type !== 'owner') continue;
      const obj = useStore.getState();
      const dto = (obj.past ?? obj).objects.get(node.data.uid);
      if (dto && searchHit(filter.search, dto.name)) ids.push(node.id);
    }
    return ids;
  }, [graph.nodes, filter.search]);
  const onSearchEnter = useCallback(() => {
    if (searchIds.length > 0) void fitView({ nodes: searchIds.map((id) => ({ id })), padding: 0.3, maxZoom: 1.2, duration: 300 });
  }, [searchIds, fitView]);

  return (
    <div className={`graph${past ? ' graph--past' : ''}${drawnPods > ANIMATED_PODS_MAX ? ' graph--calm' : ''}`} data-testid="graph" aria-label={t.graphLabel} data-lod={lod ? 'collapsed' : 'detail'}>
      <GraphToolbar
        namespaces={topology.namespaces}
        labelValid={graph.labelFilterValid}
        searchHits={searchIds.length}
        onSearchEnter={onSearchEnter}
        lod={manyPods ? { collapsed: lod, pods: topology.pods.length, toggle: () => setShowAll((v) => !v) } : undefined}
      />
      {!connected && <div className="graph__loading">{t.starting}</div>}
      <div className="graph__flow" ref={containerRef}>
        <ReactFlow<FlowNode>
          nodes={graph.nodes}
          edges={graph.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          colorMode={theme}
          fitView
          fitViewOptions={FIT_OPTIONS}
          minZoom={0.02}
          maxZoom={2}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements={manyPods}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onNodeMouseEnter={onNodeMouseEnter}
          onNodeMouseLeave={onNodeMouseLeave}
          onMoveEnd={(_, viewport) => updateDetail(viewport)}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
          <MiniMap<FlowNode> pannable zoomable nodeColor={minimapColor} ariaLabel={t.minimap} className="minimap" style={{ width: 150, height: 96 }} />
          <FitOnResize x={graph.x} y={graph.y} width={graph.width} height={graph.height} />
        </ReactFlow>
      </div>
    </div>
  );
}
