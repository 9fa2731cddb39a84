import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestrictionItem } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { errorOf, valueOf } from '../../app/load';
import { ErrorNotice } from '../../ui/error-notice';
import { loadRestrictions, queryKey, recheckKey, recheckRestriction, useRestrictionsStore, type RestrictionsQuery } from './restrictions-store';
import './restrictions.css';

/** How many held-back products a cause shows with their links; the rest are one click away. */
export const RESTRICTIONS_SHOWN = 5;

/** Amazon's approval page opens in the system browser (the window only lets https links out). */
function ApprovalLinks({ item }: { readonly item: RestrictionItem }) {
  const { t } = useTranslation('sync');
  const links = item.reasons.flatMap((r) => r.links).filter((l, i, all) => all.findIndex((x) => x.url === l.url) === i);
  if (links.length === 0) return null;
  return (
    <>
      {links.map((l) => (
        <a key={l.url} className="button button--primary button--small" href={l.url} target="_blank" rel="noreferrer" data-testid="restriction-approval">
          {t('restrictions.openApproval')}
        </a>
      ))}
    </>
  );
}

function RecheckFeedback({ item }: { readonly item: RestrictionItem }) {
  const { t } = useTranslation('sync');
  const recheck = useRestrictionsStore((s) => s.rechecks[recheckKey(item)]);
  if (!recheck || recheck.kind === 'running') return null;
  if (recheck.kind === 'failed')
    return <p className="restriction__feedback restriction__feedback--bad">{t('restrictions.recheckFailed', { error: recheck.error.message })}</p>;
  const { result } = recheck;
  if (result.error !== null)
    return <p className="restriction__feedback restriction__feedback--bad">{t('restrictions.recheckFailed', { error: result.error })}</p>;
  if (result.allowed > 0)
    return (
      <p className="restriction__feedback restriction__feedback--good">{t('restrictions.recheckAllowed', { count: result.allowed, n: result.allowed })}</p>
    );
  return <p className="restriction__feedback">{t('restrictions.recheckStill')}</p>;
}

/**
 * One product Amazon holds back: our label and explanation, Amazon's own message verbatim, the
 * approval link and "Verificar de novo" (after the seller got the approval).
 */
export function RestrictionDetails(props: {
  readonly item: RestrictionItem;
  readonly accountId: string;
  readonly reload: RestrictionsQuery;
  readonly format: Formatters;
  /** Shown in a list of several products: name the product. */
  readonly showProduct?: boolean;
}) {
  const { item, accountId, reload, format } = props;
  const { t } = useTranslation('sync');
  const running = useRestrictionsStore((s) => s.rechecks[recheckKey(item)]?.kind === 'running');
  const tone = item.state === 'restricted' ? 'restriction--restricted' : item.state === 'allowed' ? 'restriction--allowed' : 'restriction--waiting';
  return (
    <div className={`restriction ${tone}`} data-testid="restriction" data-sku={item.sku} data-state={item.state}>
      <p className="restriction__label">
        <strong>{item.label}</strong>
        {props.showProduct ? <span className="restriction__product">{`${item.title} · ${item.sku}`}</span> : null}
        <span className="restriction__asin">{t('restrictions.asin', { asin: item.asin })}</span>
      </p>
      {item.hint ? <p className="restriction__hint">{item.hint}</p> : null}
      {item.reasons.map((r, i) => (
        <div key={`${r.code ?? ''} ${i}`} className="restriction__reason">
          <p className="restriction__hint">{r.explanation}</p>
          {r.message ? (
            <blockquote className="restriction__amazon">
              <span className="restriction__amazon-label">{t('restrictions.amazonSays')}</span>{' '}
              {/* Amazon's words, verbatim, in whatever language Amazon answered. */}
              <span translate="no">{r.message}</span>
            </blockquote>
          ) : null}
        </div>
      ))}
      {item.state === 'pending' && item.lastError ? <p className="restriction__hint">{t('restrictions.lastError', { error: item.lastError })}</p> : null}
      <p className="restriction__when">
        {item.checkedAt !== null
          ? t('restrictions.checkedAt', { when: format.dateTime(item.checkedAt) })
          : item.pendingSince !== null
            ? t('restrictions.pendingSince', { when: format.dateTime(item.pendingSince) })
            : null}
      </p>
      <div className="restriction__actions">
        <ApprovalLinks item={item} />
        {item.state !== 'allowed' ? (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={running}
            onClick={() => void recheckRestriction(accountId, item, reload)}
          >
            {running ? t('restrictions.rechecking') : t('restrictions.recheck')}
          </button>
        ) : null}
      </div>
      <RecheckFeedback item={item} />
    </div>
  );
}

/**
 * Inside Sincronização's cause "A Amazon exige aprovação…" (or "Verificando na Amazon"): the first
 * products with Amazon's reason and approval link each.
 */
export function RestrictionCauseList(props: {
  readonly accountId: string;
  readonly marketplaceId: string;
  readonly reason: 'restricted' | 'restriction_pending';
  /** The cause's product count: a cycle that changes it re-reads the list. */
  readonly count: number;
  readonly format: Formatters;
}) {
  const { accountId, marketplaceId, reason, count, format } = props;
  const { t } = useTranslation('sync');
  const query: RestrictionsQuery = {
    accountId,
    marketplaceId,
    states: reason === 'restricted' ? ['restricted'] : ['pending'],
    offset: 0,
    limit: RESTRICTIONS_SHOWN,
  };
  const key = queryKey(query);
  const load = useRestrictionsStore((s) => s.lists[key]);
  useEffect(() => {
    // The query is rebuilt each render; its key says when it really changed.
    void loadRestrictions(JSON.parse(key) as RestrictionsQuery);
  }, [key, count]);
  const error = load ? errorOf(load) : null;
  const page = load ? valueOf(load) : null;
  if (error) return <ErrorNotice title={t('restrictions.loadFailed')} error={error} onRetry={() => void loadRestrictions(query)} />;
  if (!page || page.items.length === 0) return null;
  const more = page.total - page.items.length;
  const item = (i: (typeof page.items)[number]) => (
    <li key={recheckKey(i)}>
      <RestrictionDetails item={i} accountId={accountId} reload={query} format={format} showProduct />
    </li>
  );
  return (
    <div className="restriction-list">
      {/* One product shows what to do inline; several fold behind one line, so they do not fill the page. */}
      {page.items.length === 1 ? (
        <ul aria-label={t('restrictions.listLabel')}>{page.items.map(item)}</ul>
      ) : (
        <details className="restriction-list__more" data-testid="restriction-more">
          <summary>{t('restrictions.showOthers', { count: page.items.length, n: format.number(page.items.length) })}</summary>
          <ul aria-label={t('restrictions.listLabel')}>{page.items.map(item)}</ul>
        </details>
      )}
      {more > 0 ? <p className="restriction__hint">{t('restrictions.more', { count: more, n: format.number(more) })}</p> : null}
    </div>
  );
}

/**
 * The product screen's "Na Amazon" card: each SKU Amazon holds back in one of the account's
 * marketplaces (or is being asked about), with the approval link; a SKU the seller just had
 * checked again stays to show Amazon's new answer.
 */
export function ProductRestrictions(props: {
  readonly accountId: string;
  readonly productId: number;
  readonly format: Formatters;
  readonly marketplaceName: (id: string) => string;
}) {
  const { accountId, productId, format, marketplaceName } = props;
  const { t } = useTranslation('sync');
  const query: RestrictionsQuery = { accountId, productId };
  const key = queryKey(query);
  const load = useRestrictionsStore((s) => s.lists[key]);
  const rechecks = useRestrictionsStore((s) => s.rechecks);
  useEffect(() => {
    void loadRestrictions(JSON.parse(key) as RestrictionsQuery);
  }, [key]);
  const error = load ? errorOf(load) : null;
  if (error) return <ErrorNotice title={t('restrictions.loadFailed')} error={error} onRetry={() => void loadRestrictions(query)} />;
  const items = (load ? valueOf(load)?.items : null)?.filter((i) => i.state !== 'allowed' || rechecks[recheckKey(i)] !== undefined) ?? [];
  if (items.length === 0) return null;
  return (
    <ul className="product-restrictions" aria-label={t('restrictions.listLabel')}>
      {items.map((item) => (
        <li key={recheckKey(item)} data-marketplace={item.marketplaceId}>
          <p className="restriction__asin">{`${item.sku} · ${marketplaceName(item.marketplaceId)}`}</p>
          <RestrictionDetails item={item} accountId={accountId} reload={query} format={format} />
        </li>
      ))}
    </ul>
  );
}
