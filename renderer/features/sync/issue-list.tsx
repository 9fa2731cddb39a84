import { useTranslation } from 'react-i18next';
import type { SyncStatusRow } from '../../../preload/contract';

/**
 * Amazon's words verbatim (code, field, message), then ours: what it means and how to fix it.
 * Shared by the Sends screen and the product's "On Amazon" card.
 */
export function IssueList({ issues, label, testId }: { readonly issues: SyncStatusRow['issues']; readonly label: string; readonly testId?: string }) {
  const { t } = useTranslation('sync');
  return (
    <section className="sync-issues" aria-label={label} {...(testId ? { 'data-testid': testId } : {})}>
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.code}-${i}`} className={`sync-issue sync-issue--${issue.severity.toLowerCase()}`}>
            <dl className="facts sync-issue__facts">
              <dt>{t('issues.code')}</dt>
              <dd>
                <code>{issue.code}</code> <span className="tag">{t(`issues.severity.${issue.severity}`)}</span>
              </dd>
              {issue.attributeName ? (
                <>
                  <dt>{t('issues.attribute')}</dt>
                  <dd>
                    <code>{issue.attributeName}</code>
                  </dd>
                </>
              ) : null}
              {issue.message ? (
                <>
                  <dt>{t('issues.message')}</dt>
                  <dd className="sync-issue__message">{issue.message}</dd>
                </>
              ) : null}
              <dt>{t('issues.explanation')}</dt>
              <dd className="sync-issue__explanation">{issue.explanation}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
