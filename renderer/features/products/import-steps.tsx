import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import {
  templateFileChanged,
  saveTemplate,
  selectTemplateError,
  selectTemplateSaved,
  useExportStore,
} from './export-store';
import { describeField, fieldOptions } from './field-options';
import { ImportReport } from './import-report';
import { columnMapped, fileChanged, rejectedFileChanged, runPreview, selectPreview, selectPreviewError, useImportStore } from './import-store';

/** Step 1: the file to read, and the template for sellers who have no spreadsheet yet. */
export function ImportFileStep() {
  const { t } = useTranslation('products');
  const file = useImportStore((s) => s.file);
  const error = useImportStore(selectPreviewError);
  const templateFile = useExportStore((s) => s.templateFile);
  const templateSaved = useExportStore(selectTemplateSaved);
  const templateError = useExportStore(selectTemplateError);
  const fileId = useId();
  const templateId = useId();
  return (
    <div className="wizard-step">
      <p>{t('importWizard.fileIntro')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runPreview(t('importWizard.rejectedSuffix'));
        }}
      >
        <div className="field field--stacked inline-form__grow">
          <label htmlFor={fileId}>{t('importWizard.file')}</label>
          <input
            id={fileId}
            type="text"
            spellCheck={false}
            value={file}
            aria-describedby={`${fileId}-help`}
            onChange={(e) => useImportStore.setState((s) => fileChanged(s, e.target.value))}
          />
          <span id={`${fileId}-help`} className="field-help">
            {t('fileHelp')}
          </span>
        </div>
        <button type="submit" className="button button--primary" disabled={file.trim() === ''}>
          {t('importWizard.preview')}
        </button>
      </form>
      {error ? <ErrorNotice title={t('importWizard.previewFailed')} error={error} /> : null}
      <section className="subtle-box" aria-labelledby="template-title">
        <h3 id="template-title" className="section-title">
          {t('importWizard.templateTitle')}
        </h3>
        <p className="field-help">{t('importWizard.templateHelp')}</p>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveTemplate();
          }}
        >
          <div className="field field--stacked inline-form__grow">
            <label htmlFor={templateId}>{t('importWizard.templateFile')}</label>
            <input
              id={templateId}
              type="text"
              spellCheck={false}
              value={templateFile}
              onChange={(e) => useExportStore.setState((s) => templateFileChanged(s, e.target.value))}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={templateFile.trim() === ''}>
            {t('importWizard.template')}
          </button>
        </form>
        <p role="status">{templateSaved ? t('importWizard.templateSaved', { file: templateSaved }) : ''}</p>
        {templateError ? <ErrorNotice title={t('importWizard.templateFailed')} error={templateError} /> : null}
      </section>
    </div>
  );
}

/** Step 2: which column feeds which field (main's guess, editable), and the dry run's report. */
export function ImportMappingStep() {
  const { t } = useTranslation('products');
  const format = useFormat();
  const columns = useImportStore((s) => s.columns);
  const report = useImportStore(selectPreview);
  const rejectedFile = useImportStore((s) => s.rejectedFile);
  const edited = useImportStore((s) => s.mappingEdited);
  const error = useImportStore(selectPreviewError);
  const label = (value: string) => {
    const f = describeField(value);
    return t(`importWizard.fields.${f.labelKey}`, f.params ?? {});
  };
  return (
    <div className="wizard-step">
      <p>{t('importWizard.mappingIntro')}</p>
      <div className="mapping-table">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('importWizard.column')}</th>
              <th scope="col">{t('importWizard.sample')}</th>
              <th scope="col">{t('importWizard.field')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.column}>
                <th scope="row">{c.header}</th>
                <td className="mapping-table__sample">
                  {(report?.sample ?? [])
                    .slice(0, 3)
                    .map((row) => row[c.column] ?? '')
                    .filter((v) => v !== '')
                    .join(' · ')}
                </td>
                <td>
                  <select
                    aria-label={t('importWizard.fieldFor', { header: c.header })}
                    value={c.field ?? ''}
                    onChange={(e) => useImportStore.setState((s) => columnMapped(s, { column: c.column, field: e.target.value || null }))}
                  >
                    <option value="">{t('importWizard.ignore')}</option>
                    {fieldOptions(c.header, c.field).map((o) => (
                      <option key={o.value} value={o.value}>
                        {label(o.value)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {edited ? (
        <div>
          <button type="button" className="button button--secondary" onClick={() => void runPreview()}>
            {t('importWizard.refresh')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorNotice title={t('importWizard.previewFailed')} error={error} /> : null}
      {report ? <ImportReport report={report} format={format} /> : null}
      {report && report.rejected > 0 ? (
        <div className="field field--stacked">
          <label htmlFor="rejected-file">{t('importWizard.rejectedFile')}</label>
          <input
            id="rejected-file"
            type="text"
            spellCheck={false}
            value={rejectedFile}
            aria-describedby="rejected-file-help"
            onChange={(e) => useImportStore.setState((s) => rejectedFileChanged(s, e.target.value))}
          />
          <span id="rejected-file-help" className="field-help">
            {t('importWizard.rejectedHelp')}
          </span>
        </div>
      ) : null}
    </div>
  );
}
