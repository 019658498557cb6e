import { useStore } from '../../store/useStore';
import type { DockTab } from '../../store/uiSlice';
import { Console } from '../console/Console';
import { EventsPanel } from './EventsPanel';
import { PodTimeline } from './PodTimeline';
import { timelineText as t } from './text';

const TABS: DockTab[] = ['console', 'timeline', 'events'];

/** The bottom panel: the kubectl console, the selected pod's timeline, the cluster's events. */
export function BottomDock() {
  const tab = useStore((s) => s.dockTab);
  return (
    <section className="dock" aria-label={t.dockLabel}>
      <div className="tabs tabs--dock" role="tablist" aria-label={t.dockLabel}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`tab${tab === id ? ' tab--active' : ''}`}
            data-testid={`dock-tab-${id}`}
            onClick={() => useStore.setState({ dockTab: id })}
          >
            {t.tabs[id]}
          </button>
        ))}
      </div>
      {/* The console stays mounted (its input and scroll survive tab switches). */}
      <div className="dock__panel" hidden={tab !== 'console'}>
        <Console />
      </div>
      {tab === 'timeline' && (
        <div className="dock__panel dock__panel--scroll" tabIndex={0} aria-label={t.tabs.timeline}>
          <PodTimeline />
        </div>
      )}
      {tab === 'events' && (
        <div className="dock__panel">
          <EventsPanel />
        </div>
      )}
    </section>
  );
}
