import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { openGallery, startPlayground, startScenario } from '../commands/lessons';
import { Dialog } from '../components/Dialog';
import { pick } from '../i18n';

/** The guided lessons, in course order, plus the free playground. */
export function Gallery() {
  const { t } = useTranslation();
  const open = useStore((s) => s.galleryOpen);
  const catalog = useStore((s) => s.scenarios);
  const language = useStore((s) => s.language);
  const activeId = useStore((s) => s.scenario.scenarioId);
  const progress = useStore((s) => s.scenario.progress);
  if (!open) return null;
  return (
    <Dialog title={t('gallery.title')} onClose={() => openGallery(false)} wide testId="gallery">
      <p className="gallery__intro">{t('gallery.intro')}</p>
      <ul className="gallery">
        <li className="gallery__card">
          <h3 className="gallery__name">{t('gallery.playground')}</h3>
          <p className="gallery__summary">{t('gallery.playgroundSummary')}</p>
          <button type="button" className="button" data-testid="gallery-playground" onClick={startPlayground}>
            {t('gallery.openPlayground')}
          </button>
        </li>
        {!catalog && <li className="gallery__card">{t('common.loading')}</li>}
        {catalog?.map((s, i) => (
          <li key={s.id} className={`gallery__card${s.id === activeId ? ' gallery__card--active' : ''}`} data-testid={`gallery-${s.id}`}>
            <h3 className="gallery__name">
              <span className="gallery__number">{i + 1}.</span> {pick(s.title, language)}
            </h3>
            <p className="gallery__summary">{pick(s.summary, language)}</p>
            <div className="gallery__foot">
              <span className="gallery__meta">
                {t('gallery.steps', { count: s.steps.length })}
                {s.id === activeId && progress ? ` · ${progress.complete ? t('lesson.complete') : t('lesson.stepOf', { current: progress.current + 1, total: s.steps.length })}` : ''}
              </span>
              <button type="button" className="button button--primary" onClick={() => void startScenario(s.id)} aria-label={t('gallery.startLabel', { title: pick(s.title, language) })}>
                {s.id === activeId ? t('gallery.restart') : t('gallery.start')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
