import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useStore } from '../../store/useStore';
import { Console } from '../console/Console';
import { EditorPanel } from '../editor/EditorPanel';
import { ClusterGraph } from '../graph/ClusterGraph';
import { resetCluster } from '../commands/playback';
import { Header } from './Header';

function FatalBanner() {
  const fatal = useStore((s) => s.fatal);
  if (!fatal) return null;
  return (
    <div className="fatal" role="alert">
      <strong>The simulation stopped:</strong> {fatal.message} <span className="fatal__seed">(seed {fatal.seed})</span>
      <button type="button" className="button" onClick={resetCluster}>
        Reset
      </button>
    </div>
  );
}

/** Composes the panels; logic lives in commands/, the store and the bridge. */
export function App() {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <Header />
      <FatalBanner />
      <main className="workspace">
        <ReactFlowProvider>
          <ClusterGraph />
        </ReactFlowProvider>
        <EditorPanel />
      </main>
      <Console />
    </div>
  );
}
