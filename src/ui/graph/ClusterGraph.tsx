import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, ReactFlow, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { selectTopology } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import { nodeTypes } from './nodeTypes';
import { toFlowGraph, type FlowNode } from './toFlowGraph';

const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.1 } as const;

/** Refits the view when the drawn cluster changes size (a node or a row of pods appears). */
function FitOnResize({ width, height }: { width: number; height: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ ...FIT_OPTIONS, duration: 200 }));
    return () => cancelAnimationFrame(frame);
  }, [fitView, width, height]);
  return null;
}

/** The container's width/height ratio, rounded to quarters so small resizes do not relayout. */
function useAspect(ref: React.RefObject<HTMLDivElement | null>): number {
  const [aspect, setAspect] = useState(16 / 9);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) setAspect(Math.max(0.25, Math.round((width / height) * 4) / 4));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return aspect;
}

export function ClusterGraph() {
  const topology = useStore(selectTopology);
  const theme = useStore((s) => s.theme);
  const connected = useStore((s) => s.connected);
  const containerRef = useRef<HTMLDivElement>(null);
  const aspect = useAspect(containerRef);
  // Rebuilt only when the topology object is replaced (pods/nodes/placement) or the panel's shape
  // changes, never per tick: statuses reach pods through their own selectors.
  const graph = useMemo(() => toFlowGraph(topology, aspect), [topology, aspect]);
  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback((_, node) => {
    const uid = node.type === 'lane' ? undefined : node.data.uid;
    useStore.setState((s) => ({ selection: s.selection === uid ? undefined : uid }));
  }, []);
  const onPaneClick = useCallback(() => useStore.setState({ selection: undefined }), []);

  return (
    <div className="graph" data-testid="graph" aria-label="Cluster graph" ref={containerRef}>
      {!connected && <div className="graph__loading">Starting the cluster…</div>}
      <ReactFlow<FlowNode>
        nodes={graph.nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        colorMode={theme}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        <FitOnResize width={graph.width} height={graph.height} />
      </ReactFlow>
    </div>
  );
}
