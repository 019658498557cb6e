import { useStore } from '../../store/useStore';
import { formatClock } from '../app/formatClock';

const ICON = { info: 'ℹ', success: '✓', warning: '⚠', error: '✕' } as const;

/** Apply results and engine notices, newest first. */
export function MessageList() {
  const messages = useStore((s) => s.messages);
  return (
    <div className="messages" data-testid="messages" aria-live="polite" aria-label="Messages">
      {messages.length === 0 ? (
        <div className="messages__empty">Apply a manifest to see what happened here.</div>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m.id} className={`message message--${m.level}`} data-level={m.level}>
              <div className="message__title">
                <span className="message__icon" aria-hidden="true">{ICON[m.level]}</span>
                <span>{m.title}</span>
                <span className="message__time">{formatClock(m.clockMs)}</span>
              </div>
              {m.lines.length > 0 && (
                <pre className="message__lines">{m.lines.join('\n')}</pre>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
