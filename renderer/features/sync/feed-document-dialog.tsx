import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, valueOf } from '../../app/load';
import { ErrorNotice } from '../../ui/error-notice';
import { prettyDocument } from './sync-format';
import { closeDocument, useSyncStore } from './sync-store';

/**
 * The feed's JSON exactly as uploaded, read only, in a modal <dialog>: the browser keeps focus
 * inside, Escape closes it, and focus returns to the "View document" button.
 */
export function FeedDocumentDialog() {
  const { t } = useTranslation('sync');
  const open = useSyncStore((s) => s.document);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const content = open ? valueOf(open.content) : null;
  const error = open ? errorOf(open.content) : null;
  return (
    <dialog ref={ref} className="sync-document" aria-labelledby="sync-document-title" aria-describedby="sync-document-help" onClose={closeDocument}>
      {open ? (
        <>
          <div className="sync-document__header">
            <h2 id="sync-document-title" className="card__title">
              {t('document.title', { feed: open.label })}
            </h2>
            <button type="button" className="button button--secondary button--small" onClick={closeDocument}>
              {t('document.close')}
            </button>
          </div>
          <p id="sync-document-help" className="field-help">
            {t('document.help')}
          </p>
          {error ? <ErrorNotice title={t('document.loadFailed')} error={error} /> : null}
          {content === null && !error ? <p role="status">{t('document.loading')}</p> : null}
          {content !== null ? (
            <pre className="sync-document__content" tabIndex={0} aria-label={t('document.title', { feed: open.label })} data-testid="sync-document">
              {prettyDocument(content)}
            </pre>
          ) : null}
        </>
      ) : null}
    </dialog>
  );
}
