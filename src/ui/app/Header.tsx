import { selectClusterSummary, selectPodCounts } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import { resetCluster } from '../commands/playback';
import { PlaybackBar } from './PlaybackBar';

function toggleTheme(): void {
  useStore.setState((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' }));
}

export function Header() {
  const summary = useStore(selectClusterSummary);
  const podCounts = useStore(selectPodCounts);
  const theme = useStore((s) => s.theme);
  const connected = useStore((s) => s.connected);
  return (
    <header className="header">
      <div className="brand">
        <img src="./podlab.svg" alt="" width={24} height={24} />
        <span className="brand__name">Podlab</span>
      </div>
      <div className="summary">
        <span data-testid="cluster-summary">{summary}</span>
        {podCounts && <span className="summary__pods" data-testid="pod-counts">{podCounts}</span>}
      </div>
      <PlaybackBar />
      <div className="header__actions">
        <button type="button" className="button" onClick={resetCluster} disabled={!connected} title="Start the cluster over from its starting scenario (the editor keeps its text)">
          Reset
        </button>
        <button type="button" className="button button--icon" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} title="Light / dark theme">
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
    </header>
  );
}
