import { useTranslation } from 'react-i18next';
import type { ImportReportView } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { setQuery } from './products-store';

const EAN_CAUSES = ['missing', 'checkDigit', 'inStore', 'duplicate', 'other'] as const;

/**
 * The imported rows whose EAN keeps them from Amazon (the send's own verdict): not an error of
 * the import — they are stored — but a warning with each cause and a way to the products to fix.
 */
function EanWarning({ report, format }: { readonly report: ImportReportView; readonly format: Formatters }) {
  const { t } = useTranslation('products');
  const { ean } = report;
  const showProducts = () => {
    void setQuery({ search: '', gtinStatus: 'problem', stock: null, categoryId: null, amazonStatus: null });
    window.location.hash = '#/products';
  };
  return (
    <section className="import-report__ean" aria-labelledby="import-ean-title" data-testid="import-ean-warning">
      <h3 id="import-ean-title" className="section-title section-title--warning">
        {t(report.committed ? 'importWizard.ean.title' : 'importWizard.ean.titlePreview', { count: ean.total, formatted: format.number(ean.total) })}
      </h3>
      <ul className="import-report__ean-causes">
        {EAN_CAUSES.filter((c) => ean.byCause[c] > 0).map((c) => (
          <li key={c} data-cause={c}>
            {t(`importWizard.ean.cause.${c}`, { count: ean.byCause[c], formatted: format.number(ean.byCause[c]) })}
          </li>
        ))}
      </ul>
      <p className="field-help">{report.committed ? `${t('importWizard.ean.saved')} ${t('importWizard.ean.fix')}` : t('importWizard.ean.fix')}</p>
      {report.committed ? (
        <button type="button" className="button" onClick={showProducts} data-testid="import-ean-show">
          {t('importWizard.ean.show', { count: ean.total })}
        </button>
      ) : null}
    </section>
  );
}

/** The counts of a preview or an import, and the rows main refused with the reason for each. */
export function ImportReport({ report, format }: { readonly report: ImportReportView; readonly format: Formatters }) {
  const { t } = useTranslation('products');
  const n = format.number;
  return (
    <div className="import-report">
      <p className="import-report__summary" data-testid="import-summary">
        {t('importWizard.summary', {
          rows: n(report.rows),
          imported: n(report.imported),
          updated: n(report.updated),
          unchanged: n(report.unchanged),
          rejected: n(report.rejected),
        })}
      </p>
      {report.ean.total > 0 ? <EanWarning report={report} format={format} /> : null}
      {report.errorCount === 0 ? (
        <p className="test-result__ok">{t(report.ean.total > 0 ? 'importWizard.noRowErrors' : 'importWizard.noErrors')}</p>
      ) : (
        <section aria-labelledby="import-errors-title">
          <h3 id="import-errors-title" className="section-title section-title--danger">
            {t('importWizard.errorsTitle', { count: report.errorCount })}
          </h3>
          {report.errors.length < report.errorCount ? (
            <p className="field-help">{t('importWizard.errorsShown', { shown: n(report.errors.length), total: n(report.errorCount) })}</p>
          ) : null}
          <div className="import-report__errors">
            <table className="data-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('importWizard.errorRow')}</th>
                  <th scope="col">{t('importWizard.errorField')}</th>
                  <th scope="col">{t('importWizard.errorMessage')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={`${e.row}:${e.field}:${i}`}>
                    <td className="num">{n(e.row)}</td>
                    <td>{e.field}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
