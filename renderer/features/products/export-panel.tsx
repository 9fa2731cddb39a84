import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { ProgressBar } from '../../ui/progress-bar';
import {
  exportFileChanged,
  exportProgress,
  runExport,
  selectExportDone,
  selectExportError,
  selectExporting,
  useExportStore,
} from './export-store';

/** Exports the whole catalog to a spreadsheet that imports back unchanged. */
export function ExportPanel({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation('products');
  const format = useFormat();
  const file = useExportStore((s) => s.file);
  const progress = useExportStore((s) => s.progress);
  const running = useExportStore(selectExporting);
  const done = useExportStore(selectExportDone);
  const error = useExportStore(selectExportError);
  const fileId = useId();

  useEffect(() => subscribe('task:progress', (p) => useExportStore.setState((s) => exportProgress(s, p))), []);

  return (
    <section className="card export-panel" aria-labelledby="export-title">
      <h2 id="export-title" className="card__title">
        {t('exportPanel.title')}
      </h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runExport();
        }}
      >
        <div className="field field--stacked inline-form__grow">
          <label htmlFor={fileId}>{t('exportPanel.file')}</label>
          <input
            id={fileId}
            type="text"
            spellCheck={false}
            value={file}
            aria-describedby={`${fileId}-help`}
            onChange={(e) => useExportStore.setState((s) => exportFileChanged(s, e.target.value))}
          />
          <span id={`${fileId}-help`} className="field-help">
            {t('fileHelp')}
          </span>
        </div>
        <button type="submit" className="button button--primary" disabled={running || file.trim() === ''}>
          {running ? t('exportPanel.running') : t('exportPanel.run')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('exportPanel.close')}
        </button>
      </form>
      {running ? (
        <ProgressBar
          label={t('progress.label')}
          text={
            progress?.total
              ? t('progress.count', { done: format.number(progress.done), total: format.number(progress.total) })
              : t('progress.exporting')
          }
          done={progress?.done ?? 0}
          total={progress?.total ?? null}
        />
      ) : null}
      <p role="status">{done ? t('exportPanel.done', { count: done.rows, file: done.file }) : ''}</p>
      {error ? <ErrorNotice title={t('exportPanel.failed')} error={error} /> : null}
    </section>
  );
}
