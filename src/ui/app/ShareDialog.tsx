import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { createShareLink, exportSessionFile, importSessionFile } from '../commands/session';
import { Dialog } from '../components/Dialog';
import { formatClock } from './formatClock';

/** Share link, export to a file, import from a file. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const files = useStore((s) => s.files.length);
  // The link is made once, when the dialog opens: it shows that moment.
  const [link] = useState(createShareLink);
  const [moment] = useState(() => formatClock(useStore.getState().clockMs));
  const [copied, setCopied] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const kb = Math.ceil(link.length / 1024);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      const input = document.getElementById('share-link') as HTMLInputElement | null;
      input?.select();
    }
  };

  return (
    <Dialog title={t('share.title')} onClose={onClose} testId="share-dialog">
      <p>{t('share.explain', { time: moment, files })}</p>
      <label className="field">
        <span className="field__label">{t('share.link')}</span>
        <input id="share-link" className="field__input" data-testid="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="dialog__row">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {copied ? t('share.copied') : t('share.copy')}
        </button>
        <span className="dialog__note">{t('share.size', { kb })}</span>
      </div>
      <h3 className="dialog__subtitle">{t('share.fileTitle')}</h3>
      <p className="dialog__note">{t('share.fileExplain')}</p>
      <div className="dialog__row">
        <button type="button" className="button" data-testid="export" onClick={exportSessionFile}>
          {t('share.export')}
        </button>
        <button type="button" className="button" data-testid="import" onClick={() => fileInput.current?.click()}>
          {t('share.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          data-testid="import-file"
          tabIndex={-1}
          aria-label={t('share.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importSessionFile(file).then((ok) => ok && onClose());
          }}
        />
      </div>
    </Dialog>
  );
}
