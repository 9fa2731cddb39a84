import { useTranslation } from 'react-i18next';
import type { Formatters } from '../../app/format';
import type { RunSummary } from './sync-store';

/**
 * The outcome of "Sincronizar agora": a success when Amazon took everything it was sent, a
 * warning (pointing at the causes below) when it refused some. Counts as "label: number", so
 * "1" never meets a plural noun. A cycle covers every marketplace of the account, and says so.
 */
export function RunSummaryNotice({
  summary,
  format,
  allMarketplaces,
}: {
  readonly summary: RunSummary;
  readonly format: Formatters;
  readonly allMarketplaces: boolean;
}) {
  const { t } = useTranslation('sync');
  const tone = summary.failed > 0 ? 'warning' : 'success';
  const headline =
    summary.failed > 0
      ? t('run.refused', { count: summary.failed, n: format.number(summary.failed) })
      : summary.sent === 0
        ? t('run.nothingToSend')
        : t('run.accepted', { count: summary.accepted, n: format.number(summary.accepted) });
  return (
    <div className={`notice notice--${tone} sync-summary`} role="status" data-testid="sync-summary" data-tone={tone}>
      <p className="sync-summary__headline">{headline}</p>
      <dl className="sync-summary__figures">
        {(['sent', 'accepted', 'failed'] as const).map((key) => (
          <div key={key}>
            <dt>{t(`run.figures.${key}`)}</dt>
            <dd>{format.number(summary[key])}</dd>
          </div>
        ))}
      </dl>
      {allMarketplaces ? <p className="sync-summary__scope">{t('run.allMarketplaces')}</p> : null}
    </div>
  );
}
