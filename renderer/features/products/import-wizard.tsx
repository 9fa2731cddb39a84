import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { ProgressBar } from '../../ui/progress-bar';
import { ShowInFolderButton } from '../../ui/show-in-folder-button';
import { selectEnabledMarketplaces, useAccountsStore } from '../accounts/accounts-store';
import { useMappingScope } from '../categories/mapping-scope';
import { CatalogMatchProgress } from './catalog-match-progress';
import { ImportReport } from './import-report';
import { ImportFileStep, ImportMappingStep } from './import-steps';
import {
  fileChanged,
  importSteps,
  initialImportState,
  progressReported,
  runCommit,
  selectBusy,
  selectCommitError,
  selectCommitReport,
  selectProgress,
  selectStep,
  stepShown,
  useImportStore,
} from './import-store';
import { reloadProducts } from './products-store';
import './products.css';

/** Main's phase keys (`catalog.progress.importing`) → this screen's own wording. */
function phaseKey(phase: string): string {
  const last = phase.split('.').pop() ?? '';
  return ['previewing', 'importing', 'exporting'].includes(last) ? `progress.${last}` : 'progress.working';
}

async function commit(): Promise<void> {
  if (await runCommit()) void reloadProducts();
}

/** Import a spreadsheet: file → columns and dry run → import with its report. Nothing is saved before "Import". */
export function ImportWizard() {
  const { t } = useTranslation('products');
  const format = useFormat();
  const step = useImportStore(selectStep);
  const busy = useImportStore(selectBusy);
  const progress = useImportStore(selectProgress);
  const committing = useImportStore((s) => s.commit.status === 'loading');
  const commitError = useImportStore(selectCommitError);
  const result = useImportStore(selectCommitReport);
  const index = importSteps.indexOf(step);
  const scope = useMappingScope();
  const chosen = useAccountsStore(useShallow(selectEnabledMarketplaces)).find((m) => m.marketplaceId === scope?.marketplaceId);
  const marketplace = chosen ? t('marketplaceName', { country: format.country(chosen.countryCode) }) : null;

  useEffect(() => {
    useImportStore.setState(initialImportState, true);
    return subscribe('task:progress', (p) => useImportStore.setState((s) => progressReported(s, p)));
  }, []);

  return (
    <section className="page" aria-labelledby="import-title">
      <PageHeader id="import-title" title={t('importWizard.title')} />
      <ol className="stepper" aria-label={t('importWizard.stepsLabel')}>
        {importSteps.map((s, i) => (
          <li key={s} className={i < index ? 'stepper__item stepper__item--done' : 'stepper__item'} aria-current={s === step ? 'step' : undefined}>
            <span className="stepper__number" aria-hidden="true">
              {i + 1}
            </span>
            {t(`importWizard.steps.${s}`)}
          </li>
        ))}
      </ol>
      <div className="card">
        <h2 className="card__title">{t(`importWizard.steps.${step}`)}</h2>
        {step === 'file' ? <ImportFileStep /> : null}
        {step === 'mapping' ? <ImportMappingStep /> : null}
        {step === 'result' && result ? (
          <div className="wizard-step" role="status">
            <p className="test-result__ok">{t('importWizard.done')}</p>
            <ImportReport report={result} format={format} />
            {result.rejectedFile ? <p>{t('importWizard.rejectedSaved', { file: result.rejectedFile })}</p> : null}
            {result.imported + result.updated > 0 ? <p>{t('importWizard.matchingNext')}</p> : null}
            <CatalogMatchProgress marketplaceId={scope?.marketplaceId ?? null} marketplace={marketplace} />
            {result.rejectedFileToken ? (
              <div>
                <ShowInFolderButton fileToken={result.rejectedFileToken} />
              </div>
            ) : null}
          </div>
        ) : null}
        {busy ? (
          <ProgressBar
            label={t('progress.label')}
            text={
              progress
                ? `${t(phaseKey(progress.phase))} ${
                    progress.total
                      ? t('progress.count', { done: format.number(progress.done), total: format.number(progress.total) })
                      : t('progress.countUnknown', { done: format.number(progress.done) })
                  }`
                : committing
                  ? t('progress.importing')
                  : t('progress.previewing')
            }
            done={progress?.done ?? 0}
            total={progress?.total ?? null}
          />
        ) : null}
        {commitError ? <ErrorNotice title={t('importWizard.commitFailed')} error={commitError} /> : null}
      </div>
      <div className="wizard-actions">
        <a className="button button--secondary" href={hrefFor('products')}>
          {step === 'result' ? t('importWizard.toProducts') : t('importWizard.cancel')}
        </a>
        <span className="wizard-actions__spacer" />
        {step === 'mapping' ? (
          <>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => useImportStore.setState((s) => stepShown(s, 'file'))}>
              {t('importWizard.back')}
            </button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void commit()}>
              {committing ? t('importWizard.importing') : t('importWizard.commit')}
            </button>
          </>
        ) : null}
        {step === 'result' ? (
          <button type="button" className="button button--primary" onClick={() => useImportStore.setState((s) => fileChanged(s, s.file))}>
            {t('importWizard.again')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
