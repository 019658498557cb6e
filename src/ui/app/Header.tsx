import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectPodCounts } from '../../store/selectors';
import { useStore } from '../../store/useStore';
import { openGallery } from '../commands/lessons';
import { resetCluster } from '../commands/playback';
import { setLanguage, setPresenter, toggleTheme } from '../commands/preferences';
import { LANGUAGES, isLanguage } from '../i18n';
import { PlaybackBar } from './PlaybackBar';
import { ShareDialog } from './ShareDialog';
import { selectSummaryKey, summaryText } from './summary';

export function Header() {
  const { t } = useTranslation();
  const summaryKey = useStore(selectSummaryKey);
  const podCounts = useStore(selectPodCounts);
  const theme = useStore((s) => s.theme);
  const connected = useStore((s) => s.connected);
  const language = useStore((s) => s.language);
  const presenter = useStore((s) => s.presenter);
  const [sharing, setSharing] = useState(false);
  return (
    <header className="header">
      <div className="brand">
        <img src="./podlab.svg" alt="" width={24} height={24} />
        <span className="brand__name">Podlab</span>
      </div>
      <div className="summary">
        <span data-testid="cluster-summary">{summaryText(summaryKey, t)}</span>
        {podCounts && (
          <span className="summary__pods" data-testid="pod-counts">
            {podCounts}
          </span>
        )}
      </div>
      <PlaybackBar />
      <div className="header__actions">
        <button type="button" className="button" data-testid="open-lessons" onClick={() => openGallery()} title={t('header.lessonsTitle')}>
          {t('header.lessons')}
        </button>
        <button type="button" className="button" data-testid="share" onClick={() => setSharing(true)} disabled={!connected} title={t('header.shareTitle')}>
          {t('header.share')}
        </button>
        <button type="button" className="button" onClick={resetCluster} disabled={!connected} title={t('header.resetTitle')}>
          {t('header.reset')}
        </button>
        <select className="select" data-testid="language" aria-label={t('header.language')} title={t('header.language')} value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l.id} value={l.id} lang={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <button type="button" className={`button button--icon${presenter ? ' button--on' : ''}`} data-testid="presenter" aria-pressed={presenter} onClick={() => setPresenter(!presenter)} aria-label={t('header.presenter')} title={t('header.presenterTitle')}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <rect x="3" y="4" width="18" height="12" rx="1" />
            <path d="M12 16v4M8 20h8M7 12l3-3 2 2 4-4" />
          </svg>
        </button>
        <button type="button" className="button button--icon" onClick={toggleTheme} aria-label={theme === 'dark' ? t('header.lightTheme') : t('header.darkTheme')} title={t('header.themeTitle')}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
      {sharing && <ShareDialog onClose={() => setSharing(false)} />}
    </header>
  );
}
