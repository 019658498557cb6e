import { useMemo } from 'react';
import type { EventDto } from '../../protocol/dto';
import { selectEvents } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import type { EventFilter } from '../../store/uiSlice';
import { formatClock } from '../app/formatClock';
import { selectInvolved } from '../commands/select';
import { timelineText as t } from './text';

/** Rows drawn (the newest matching). */
const ROWS_MAX = 300;

export function filterEvents(events: readonly EventDto[], filter: EventFilter): EventDto[] {
  const needle = filter.text.trim().toLowerCase();
  return events.filter(
    (e) =>
      (filter.type === 'all' || e.type === filter.type) &&
      (filter.kind === '' || e.involved.kind === filter.kind) &&
      (needle === '' || `${e.reason} ${e.involved.kind}/${e.involved.name} ${e.message} ${e.source}`.toLowerCase().includes(needle)),
  );
}

function setFilter(patch: Partial<EventFilter>): void {
  useStore.setState((s) => ({ eventFilter: { ...s.eventFilter, ...patch } }));
}

/** The cluster's events in time order (newest first), filterable; a click selects the object. */
export function EventsPanel() {
  const events = useStore(selectEvents);
  const filter = useStore((s) => s.eventFilter);
  const selection = useStore((s) => s.selection);
  const kinds = useMemo(() => [...new Set(events.map((e) => e.involved.kind))].sort(), [events]);
  const matching = useMemo(() => filterEvents(events, filter), [events, filter]);
  const rows = useMemo(() => [...matching].sort((a, b) => b.lastMs - a.lastMs || b.seq - a.seq).slice(0, ROWS_MAX), [matching]);
  return (
    <div className="events-panel" data-testid="events-panel">
      <div className="events-panel__bar">
        <input className="input input--small" type="search" aria-label={t.eventsFilter} placeholder={t.eventsPlaceholder} value={filter.text} onChange={(e) => setFilter({ text: e.target.value })} data-testid="events-filter" />
        <select className="select select--small" aria-label={t.eventsHead.type} value={filter.type} onChange={(e) => setFilter({ type: e.target.value as EventFilter['type'] })} data-testid="events-type">
          <option value="all">{t.typeAll}</option>
          <option value="Warning">Warning</option>
          <option value="Normal">Normal</option>
        </select>
        <select className="select select--small" aria-label={t.eventsHead.object} value={filter.kind} onChange={(e) => setFilter({ kind: e.target.value })}>
          <option value="">{t.kindAll}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <span className="events-panel__count">{t.shown(matching.length, events.length)}</span>
      </div>
      <div className="events-panel__list" tabIndex={0} aria-label={t.eventsList}>
        {rows.length === 0 ? (
          <p className="dock__note">{t.noEvents}</p>
        ) : (
          <table className="events-table events-table--clickable">
            <thead>
              <tr>
                <th>{t.eventsHead.time}</th>
                <th>{t.eventsHead.type}</th>
                <th>{t.eventsHead.reason}</th>
                <th>{t.eventsHead.object}</th>
                <th>{t.eventsHead.message}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr
                  key={e.uid}
                  className={`${e.type === 'Warning' ? 'event--warning' : ''}${e.involved.uid && e.involved.uid === selection ? ' event--selected' : ''}`}
                  onClick={() => selectInvolved(e.involved)}
                  title={t.eventRowTitle}
                  data-testid="event-row"
                  data-reason={e.reason}
                >
                  <td className="mono">{formatClock(e.lastMs)}</td>
                  <td>{e.type}</td>
                  <td>{e.reason}</td>
                  <td className="mono">
                    <button type="button" className="link" onClick={(ev) => { ev.stopPropagation(); selectInvolved(e.involved); }}>
                      {e.involved.kind.toLowerCase()}/{e.involved.name}
                    </button>
                  </td>
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
    </div>
  );
}
