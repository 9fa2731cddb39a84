import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { FileChoice } from '../../ui/file-choice';
import { ProgressBar } from '../../ui/progress-bar';
import { ShowInFolderButton } from '../../ui/show-in-folder-button';
import { chooseExportFile, exportProgress, runExport, selectExportDone, selectExportError, selectExporting, useExportStore } from './export-store';
import { filterInput, useProductsStore } from './products-store';

interface ExportPanelProps {
  /** Products the list shows now (under its filter). */
  readonly total: number | null;
  readonly filtered: boolean;
  readonly onClose: () => void;
}

/** Exports the list as filtered, or the whole catalog, to a spreadsheet that imports back unchanged. */
export function ExportPanel({ total, filtered, onClose }: ExportPanelProps) {
  const { t } = useTranslation('products');
  const [scope, setScope] = useState<'filtered' | 'all'>(filtered ? 'filtered' : 'all');
  const onlyFiltered = filtered && scope === 'filtered';
  const { t: tc } = useTranslation('common');
  const format = useFormat();
  const file = useExportStore((s) => s.file);
  const progress = useExportStore((s) => s.progress);
  const running = useExportStore(selectExporting);
  const done = useExportStore(selectExportDone);
  const error = useExportStore(selectExportError);

  useEffect(() => subscribe('task:progress', (p) => useExportStore.setState((s) => exportProgress(s, p))), []);

  return (
    <section className="card export-panel" aria-labelledby="export-title">
      <h2 id="export-title" className="card__title">
        {t('exportPanel.title')}
      </h2>
      {filtered ? (
        <fieldset className="choice-group choice-group--column">
          <legend className="field-legend">{t('exportPanel.what')}</legend>
          <label className="choice">
            <input type="radio" name="export-scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} />
            {t('exportPanel.filtered', { count: total ?? 0, formatted: format.number(total ?? 0) })}
          </label>
          <label className="choice">
            <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('exportPanel.all')}
          </label>
        </fieldset>
      ) : (
        <p className="field-help">{t('exportPanel.allOnly')}</p>
      )}
      <div className="inline-form">
        <FileChoice
          label={t('exportPanel.file')}
          buttonLabel={tc('files.saveAs')}
          name={file?.name ?? null}
          placeholder={tc('files.noneChosen')}
          help={t('exportPanel.help')}
          disabled={running}
          onChoose={() => void chooseExportFile(t('exportPanel.fileName'))}
        />
        <button
          type="button"
          className="button button--primary"
          disabled={running || !file}
          onClick={() => {
            const { query, scope: amazon } = useProductsStore.getState();
            void runExport(onlyFiltered ? filterInput(query, amazon) : undefined);
          }}
        >
          {running ? t('exportPanel.running') : onlyFiltered ? t('exportPanel.runFiltered') : t('exportPanel.runAll')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('exportPanel.close')}
        </button>
      </div>
      {running ? (
        <ProgressBar
          label={t('progress.label')}
          text={progress?.total ? t('progress.count', { done: format.number(progress.done), total: format.number(progress.total) }) : t('progress.exporting')}
          done={progress?.done ?? 0}
          total={progress?.total ?? null}
        />
      ) : null}
      <p role="status">{done ? t('exportPanel.done', { count: done.rows, file: done.name }) : ''}</p>
      {done ? (
        <div>
          <ShowInFolderButton fileToken={done.fileToken} />
        </div>
      ) : null}
      {error ? <ErrorNotice title={t('exportPanel.failed')} error={error} /> : null}
    </section>
  );
}
