import { useMemo } from 'react';
import type { ObjectDto } from '../../protocol/dto';
import { viewOf } from '../../store/clusterSlice';
import { selectFocus, selectViewingPast } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import type { InspectorTab } from '../../store/uiSlice';
import { formatClock } from '../app/formatClock';
import { select } from '../commands/select';
import { inspectorText as t } from './text';
import { explain } from './whyText';

const TABS: InspectorTab[] = ['why', 'yaml', 'events'];

function ObjectLink({ obj }: { obj: ObjectDto }) {
  return (
    <button type="button" className="link" onClick={() => select(obj.uid)} data-testid={`link-${obj.kind}/${obj.name}`}>
      {obj.kind}/{obj.name}
    </button>
  );
}

/** Owner chain upwards and owned objects downwards, from the view's DTOs. */
function Relations({ uid }: { uid: string }) {
  const objects = useStore((s) => viewOf(s).objects);
  const { chain, owned } = useMemo(() => {
    const chain: ObjectDto[] = [];
    let next = objects.get(uid)?.owner?.uid;
    while (next && chain.length < 8) {
      const owner = objects.get(next);
      if (!owner) break;
      chain.push(owner);
      next = owner.owner?.uid;
    }
    const owned: ObjectDto[] = [];
    for (const obj of objects.values()) if (obj.owner?.uid === uid) owned.push(obj);
    owned.sort((a, b) => (a.kind + a.name < b.kind + b.name ? -1 : 1));
    return { chain, owned };
  }, [objects, uid]);
  return (
    <dl className="relations">
      {chain.length > 0 && (
        <>
          <dt>{t.ownerChain}</dt>
          <dd>
            {chain.map((o, i) => (
              <span key={o.uid}>
                {i > 0 && ' ← '}
                <ObjectLink obj={o} />
              </span>
            ))}
          </dd>
        </>
      )}
      <dt>{t.owned}</dt>
      <dd data-testid="owned-list">
        {owned.length === 0
          ? t.nothingOwned
          : owned.slice(0, 50).map((o) => (
              <span key={o.uid} className="relations__item">
                <ObjectLink obj={o} />
              </span>
            ))}
        {owned.length > 50 && <span> … +{owned.length - 50}</span>}
      </dd>
    </dl>
  );
}

/**
 * Everything about the selected object: plain-language "why" explanations, its live YAML (status
 * included) and its events. Reads the view, so in the past it shows the object as it was.
 */
export function Inspector() {
  const uid = useStore((s) => s.selection);
  const tab = useStore((s) => s.inspectorTab);
  const dto = useStore((s) => (s.selection ? viewOf(s).objects.get(s.selection) : undefined));
  const focus = useStore(selectFocus);
  const past = useStore(selectViewingPast);
  const clockMs = useStore((s) => s.past?.clockMs);
  const items = useMemo(() => (focus?.data ? explain(focus.data, dto) : []), [focus, dto]);
  if (!uid) return null;
  const data = focus?.data;
  const missing = focus !== undefined && data === null;
  return (
    <aside className={`inspector${past ? ' inspector--past' : ''}`} aria-label={t.label} data-testid="inspector">
      <header className="inspector__head">
        <div className="inspector__title">
          <span className="inspector__kind">{dto?.kind ?? data?.kind ?? ''}</span>
          <span className="inspector__name" data-testid="inspector-name">
            {dto?.namespace && dto.namespace !== 'default' ? `${dto.namespace}/` : ''}
            {dto?.name ?? data?.name ?? uid}
          </span>
        </div>
        <button type="button" className="button button--icon button--small" onClick={() => select(undefined)} aria-label={t.close} title={t.close}>
          ✕
        </button>
      </header>
      {past && clockMs !== undefined && <div className="inspector__past">{t.pastNote(formatClock(clockMs))}</div>}
      <div className="tabs" role="tablist" aria-label={t.label}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`tab${tab === id ? ' tab--active' : ''}`}
            data-testid={`inspector-tab-${id}`}
            onClick={() => useStore.setState({ inspectorTab: id })}
          >
            {t.tabs[id]}
            {id === 'events' && data ? ` (${data.events.length})` : ''}
          </button>
        ))}
      </div>
      {/* Focusable: keyboard users can scroll long explanations and YAML. */}
      <div className="inspector__body" role="tabpanel" tabIndex={0} aria-label={t.tabs[tab]}>
        {missing && <p className="inspector__note">{past ? t.gone : t.goneLive}</p>}
        {!focus && <p className="inspector__note">{t.loading}</p>}
        {data && tab === 'why' && (
          <div data-testid="why">
            {items.length === 0 && <p className="inspector__note">{t.nothingToExplain}</p>}
            {items.map((item) => (
              <section key={item.id} className={`why why--${item.tone}`} data-testid={`why-${item.id}`}>
                <h3 className="why__title">{item.title}</h3>
                <ul className="why__lines">
                  {item.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </section>
            ))}
            <Relations uid={uid} />
          </div>
        )}
        {data && tab === 'yaml' && (
          <pre className="yaml" data-testid="inspector-yaml" tabIndex={0}>
            {data.yaml}
          </pre>
        )}
        {data && tab === 'events' && (
          <div data-testid="inspector-events">
            {data.events.length === 0 ? (
              <p className="inspector__note">{t.noEvents}</p>
            ) : (
              <table className="events-table">
                <thead>
                  <tr>
                    <th>{t.eventsHead.time}</th>
                    <th>{t.eventsHead.type}</th>
                    <th>{t.eventsHead.reason}</th>
                    <th>{t.eventsHead.message}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.events].reverse().map((e) => (
                    <tr key={e.uid} className={e.type === 'Warning' ? 'event--warning' : undefined}>
                      <td className="mono">{formatClock(e.lastMs)}</td>
                      <td>{e.type}</td>
                      <td>{e.reason}</td>
                      <td>
                        {e.message}
                        {e.count > 1 ? ` (×${e.count})` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </aside>
  );
}
