import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { recoverFromCrash, restartFresh } from '../commands/session';

/**
 * The engine stopped (an exception in the worker or in the engine): what happened, the seed that
 * reproduces it, and a way back that keeps the learner's work.
 */
function FatalBanner() {
  const { t } = useTranslation();
  const fatal = useStore((s) => s.fatal);
  if (!fatal) return null;
  return (
    <div className="fatal" role="alert" data-testid="fatal">
      <div className="fatal__text">
        <strong>{t('recovery.title')}</strong> <span data-testid="fatal-message">{fatal.message}</span>{' '}
        <span className="fatal__seed" data-testid="fatal-seed">
          {t('recovery.seed', { seed: fatal.seed })}
        </span>
        <div className="fatal__note">{t('recovery.note')}</div>
      </div>
      <div className="fatal__actions">
        <button type="button" className="button button--primary" data-testid="recover" onClick={recoverFromCrash}>
          {t('recovery.restart')}
        </button>
        <button type="button" className="button" onClick={restartFresh}>
          {t('recovery.fresh')}
        </button>
      </div>
    </div>
  );
}

/** A share link that could not be opened. */
function LinkErrorBanner() {
  const { t } = useTranslation();
  const errors = useStore((s) => s.linkError);
  if (!errors) return null;
  return (
    <div className="fatal fatal--link" role="alert" data-testid="link-error">
      <div className="fatal__text">
        <strong>{t('session.badLink')}</strong> {t('session.badLinkNote')}
        <ul className="fatal__list">
          {errors.slice(0, 5).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </div>
      <div className="fatal__actions">
        <button type="button" className="button" onClick={() => useStore.setState({ linkError: undefined })}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  );
}

export function Banners() {
  return (
    <div className="banners">
      <FatalBanner />
      <LinkErrorBanner />
    </div>
  );
}
