import { useTranslation } from 'react-i18next';
import type { ImportReportView } from '../../../preload/contract';
import type { Formatters } from '../../app/format';

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
      {report.errorCount === 0 ? (
        <p className="test-result__ok">{t('importWizard.noErrors')}</p>
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
