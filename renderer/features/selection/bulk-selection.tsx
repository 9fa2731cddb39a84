import { useTranslation } from 'react-i18next';
import type { IncludeAllResult } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { ProgressBar } from '../../ui/progress-bar';
import type { BulkState } from './selection-store';

export interface BulkActionsProps {
  readonly bulk: BulkState;
  /** Products matching the filter, for the confirmation. */
  readonly matching: number;
  readonly format: Formatters;
  readonly onIncludeAll: () => void;
  readonly onAskExcludeAll: (asking: boolean) => void;
  readonly onExcludeAll: () => void;
}

/** "Include all ready" / "Remove all" for every product matching the filter, all pages, and their outcome. */
export function BulkActions({ bulk, matching, format, onIncludeAll, onAskExcludeAll, onExcludeAll }: BulkActionsProps) {
  const { t } = useTranslation('mapping');
  const busy = bulk.status === 'including' || bulk.status === 'excluding';
  return (
    <div className="bulk-selection" role="group" aria-label={t('selection.bulk.label')}>
      <div className="form-row">
        <button type="button" className="button button--primary" disabled={busy || matching === 0} onClick={onIncludeAll}>
          {t('selection.bulk.includeAll')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || matching === 0 || bulk.status === 'confirming-exclude'}
          onClick={() => onAskExcludeAll(true)}
        >
          {t('selection.bulk.excludeAll')}
        </button>
        <span className="field-help">{t('selection.bulk.help', { count: matching, n: format.number(matching) })}</span>
      </div>
      {bulk.status === 'confirming-exclude' ? (
        <div className="confirm" role="group" aria-label={t('selection.bulk.excludeAll')}>
          <p>{t('selection.bulk.confirmExclude', { count: matching, n: format.number(matching) })}</p>
          <button type="button" className="button button--danger" onClick={onExcludeAll}>
            {t('selection.bulk.confirmExcludeButton')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onAskExcludeAll(false)}>
            {t('selection.bulk.keep')}
          </button>
        </div>
      ) : null}
      {bulk.status === 'including' ? (
        <ProgressBar
          label={t('selection.bulk.progressLabel')}
          text={
            bulk.progress?.total
              ? t('selection.bulk.progress', { done: format.number(bulk.progress.done), total: format.number(bulk.progress.total) })
              : t('selection.bulk.starting')
          }
          done={bulk.progress?.done ?? 0}
          total={bulk.progress?.total ?? null}
        />
      ) : null}
      {bulk.status === 'excluding' ? <ProgressBar label={t('selection.bulk.progressLabel')} text={t('selection.bulk.removing')} done={0} total={null} /> : null}
      {bulk.status === 'included' ? <IncludeAllSummary result={bulk.result} format={format} /> : null}
      {bulk.status === 'excluded' ? (
        <p className="status-line" role="status" data-testid="bulk-summary">
          {t('selection.bulk.removed', { count: bulk.removed, n: format.number(bulk.removed) })}
        </p>
      ) : null}
    </div>
  );
}

function IncludeAllSummary({ result, format }: { readonly result: IncludeAllResult; readonly format: Formatters }) {
  const { t } = useTranslation('mapping');
  const leftOut = result.rejected.reduce((n, r) => n + r.count, 0);
  return (
    <div className="bulk-summary" role="status" data-testid="bulk-summary">
      <p>
        <strong>{t('selection.bulk.included', { count: result.included, n: format.number(result.included) })}</strong>
        {result.alreadyIncluded > 0 ? ` ${t('selection.bulk.already', { count: result.alreadyIncluded, n: format.number(result.alreadyIncluded) })}` : ''}
      </p>
      {leftOut > 0 ? (
        <>
          <p>{t('selection.bulk.leftOut', { count: leftOut, n: format.number(leftOut) })}</p>
          <ul aria-label={t('selection.bulk.reasonsLabel')}>
            {result.rejected.map((r) => (
              <li key={r.reason} data-reason={r.reason}>
                {t(`selection.bulk.reasons.${r.reason}`, { count: r.count, n: format.number(r.count) })}
              </li>
            ))}
          </ul>
          <details>
            <summary>{t('selection.bulk.examples', { count: result.rejectedSample.length, n: format.number(result.rejectedSample.length) })}</summary>
            <ul className="problems">
              {result.rejectedSample.map((r) => (
                <li key={r.productId}>
                  <strong>{r.title}</strong>: {r.reasons[0] ?? t(`selection.bulk.reasons.${r.reason}`, { count: 1, n: format.number(1) })}
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </div>
  );
}
