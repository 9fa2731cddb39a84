import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import type { IncludeState } from './products-store';

const SHOWN_REASONS = 5;

/** What "include in the marketplace" did with the ticked products: how many went in, and why the others did not. */
export function IncludeResult({
  state,
  marketplace,
  titleOf,
}: {
  readonly state: IncludeState;
  readonly marketplace: string | null;
  readonly titleOf: (productId: number) => string | undefined;
}) {
  const { t } = useTranslation('products');
  if (state.status === 'failed') return <ErrorNotice title={t('include.failed')} error={state.error} />;
  if (state.status !== 'done') return null;
  const { included, rejected } = state.result;
  return (
    <div
      className={rejected.length > 0 ? 'notice notice--warning include-result' : 'notice notice--success include-result'}
      role="status"
      data-testid="include-result"
    >
      <strong>{included.length > 0 ? t('include.included', { count: included.length, marketplace: marketplace ?? '' }) : t('include.noneIncluded')}</strong>
      {rejected.length > 0 ? (
        <>
          <span>{t('include.rejected', { count: rejected.length })}</span>
          <ul>
            {rejected.slice(0, SHOWN_REASONS).map((r) => (
              <li key={r.productId}>
                <a href={hrefFor('products', String(r.productId))}>{titleOf(r.productId) ?? t('include.product', { id: r.productId })}</a>:{' '}
                {r.reasons.slice(0, 2).join('; ')}
              </li>
            ))}
          </ul>
          <a href={hrefFor('categories', 'include')}>{t('include.seeAll')}</a>
        </>
      ) : null}
    </div>
  );
}
