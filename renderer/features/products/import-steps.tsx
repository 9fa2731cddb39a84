import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { FileChoice } from '../../ui/file-choice';
import { ShowInFolderButton } from '../../ui/show-in-folder-button';
import { saveTemplate, selectTemplateError, selectTemplateSaved, useExportStore } from './export-store';
import { describeField, fieldOptions } from './field-options';
import { ImportReport } from './import-report';
import { selectSelectedAccount, useAccountsStore } from '../accounts/accounts-store';
import {
  chooseImportFile,
  chooseSampleSheet,
  chooseRejectedFile,
  columnMapped,
  rejectedFileFor,
  runPreview,
  selectChooseError,
  selectPreview,
  selectPreviewError,
  useImportStore,
} from './import-store';

/** Step 1: the file to read (the system's Open dialog), and the template for sellers who have no spreadsheet yet. */
export function ImportFileStep() {
  const { t } = useTranslation('products');
  const { t: tc } = useTranslation('common');
  const file = useImportStore((s) => s.file);
  const error = useImportStore(selectPreviewError);
  const chooseError = useImportStore(selectChooseError);
  const templateSaved = useExportStore(selectTemplateSaved);
  const templateError = useExportStore(selectTemplateError);
  // The sample store only makes sense on the demo account (its simulated Amazon has most of its products).
  const demo = useAccountsStore(selectSelectedAccount)?.simulated === true;
  return (
    <div className="wizard-step">
      <p>{t('importWizard.fileIntro')}</p>
      <div className="inline-form">
        <FileChoice
          label={t('importWizard.file')}
          buttonLabel={tc('files.choose')}
          name={file?.name ?? null}
          placeholder={tc('files.noneChosen')}
          help={t('fileHelp')}
          onChoose={() => void chooseImportFile()}
        />
        <button type="button" className="button button--primary" disabled={!file} onClick={() => void runPreview()}>
          {t('importWizard.preview')}
        </button>
      </div>
      {chooseError ? <ErrorNotice title={t('importWizard.chooseFailed')} error={chooseError} /> : null}
      {error ? <ErrorNotice title={t('importWizard.previewFailed')} error={error} /> : null}
      {demo ? (
        <section className="subtle-box" aria-labelledby="sample-title">
          <h3 id="sample-title" className="section-title">
            {t('importWizard.sampleTitle')}
          </h3>
          <p className="field-help">{t('importWizard.sampleHelp')}</p>
          <div>
            <button type="button" className="button button--secondary" onClick={() => void chooseSampleSheet()}>
              {t('importWizard.useSample')}
            </button>
          </div>
        </section>
      ) : null}
      <section className="subtle-box" aria-labelledby="template-title">
        <h3 id="template-title" className="section-title">
          {t('importWizard.templateTitle')}
        </h3>
        <p className="field-help">{t('importWizard.templateHelp')}</p>
        <div>
          <button type="button" className="button button--secondary" onClick={() => void saveTemplate(t('importWizard.templateName'))}>
            {t('importWizard.template')}
          </button>
        </div>
        <p role="status">{templateSaved ? t('importWizard.templateSaved', { file: templateSaved.name }) : ''}</p>
        {templateSaved ? (
          <div>
            <ShowInFolderButton fileToken={templateSaved.fileToken} />
          </div>
        ) : null}
        {templateError ? <ErrorNotice title={t('importWizard.templateFailed')} error={templateError} /> : null}
      </section>
    </div>
  );
}

/** Where the refused rows go: beside the spreadsheet unless the seller picks another file with "Save as…". */
function RejectedFileChoice() {
  const { t } = useTranslation('products');
  const { t: tc } = useTranslation('common');
  const file = useImportStore((s) => s.file);
  const chosen = useImportStore((s) => s.rejectedFile);
  const suffix = t('importWizard.rejectedSuffix');
  const beside = rejectedFileFor(file?.name ?? '', suffix);
  return (
    <FileChoice
      label={t('importWizard.rejectedFile')}
      buttonLabel={tc('files.saveAs')}
      name={chosen?.name ?? beside}
      placeholder=""
      help={chosen ? t('importWizard.rejectedHelp') : `${t('importWizard.rejectedHelp')} ${t('importWizard.rejectedBeside', { file: beside })}`}
      onChoose={() => void chooseRejectedFile(suffix)}
    />
  );
}

/** Step 2: which column feeds which field (main's guess, editable), and the dry run's report. */
export function ImportMappingStep() {
  const { t } = useTranslation('products');
  const chooseError = useImportStore(selectChooseError);
  const format = useFormat();
  const columns = useImportStore((s) => s.columns);
  const report = useImportStore(selectPreview);
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
      {report && report.rejected > 0 ? <RejectedFileChoice /> : null}
      {chooseError ? <ErrorNotice title={t('importWizard.chooseFailed')} error={chooseError} /> : null}
    </div>
  );
}
