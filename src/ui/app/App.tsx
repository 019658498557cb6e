import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useStore } from '../../store/useStore';
import { ClusterGraph } from '../graph/ClusterGraph';
import { Inspector } from '../inspector/Inspector';
import { BottomDock } from '../timeline/BottomDock';
import { TimeBar } from '../timetravel/TimeBar';
import { Gallery } from '../lesson/Gallery';
import { Banners } from './Banners';
import { Header } from './Header';
import { Sidebar } from './Sidebar';

/** Composes the panels; logic lives in commands/, the store and the bridge. */
export function App() {
  const theme = useStore((s) => s.theme);
  const past = useStore((s) => s.past !== undefined || s.scrubMs !== undefined);
  // The graph, inspector, dock and time bar read their strings from text modules that a language
  // switch rewrites in place (i18n/textModules.ts): keyed by language, they render again.
  const language = useStore((s) => s.language);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className={`app${past ? ' app--past' : ''}`} data-mode={past ? 'past' : 'live'}>
      <Header />
      <Banners />
      <TimeBar key={`timebar-${language}`} />
      <main className="workspace">
        <div className="workspace__main">
          <ReactFlowProvider key={`graph-${language}`}>
            <ClusterGraph />
          </ReactFlowProvider>
          <Inspector key={`inspector-${language}`} />
        </div>
        <Sidebar />
      </main>
      <BottomDock key={`dock-${language}`} />
      <Gallery />
    </div>
  );
}
