import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { formatClock } from '../app/formatClock';

const ICON = { info: 'ℹ', success: '✓', warning: '⚠', error: '✕' } as const;

/** Apply results and engine notices, newest first. Titles with a key follow the language. */
export function MessageList() {
  const { t } = useTranslation();
  const messages = useStore((s) => s.messages);
  return (
    <div className="messages" data-testid="messages" aria-live="polite" aria-label={t('messages.label')} role="region">
      {messages.length === 0 ? (
        <div className="messages__empty">{t('messages.empty')}</div>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m.id} className={`message message--${m.level}`} data-level={m.level}>
              <div className="message__title">
                <span className="message__icon" aria-hidden="true">{ICON[m.level]}</span>
                <span>{m.key ? t(m.key, { ...m.params, defaultValue: m.title }) : m.title}</span>
                <span className="message__time">{formatClock(m.clockMs)}</span>
              </div>
              {m.lines.length > 0 && <pre className="message__lines">{m.lines.join('\n')}</pre>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
