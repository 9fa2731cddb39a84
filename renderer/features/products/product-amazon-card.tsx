import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { request } from '../../app/api';
import { useFormat, type Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { selectEnabledMarketplaces, selectSelectedAccount, useAccountsStore } from '../accounts/accounts-store';
import { IssueList } from '../sync/issue-list';
import { ProductRestrictions } from '../sync/restriction-notice';
import '../sync/sync.css';
import {
  amazonLines,
  loadAmazonStatus,
  selectAmazonError,
  selectAmazonRows,
  useProductDetailStore,
  watchAmazonStatus,
  type AmazonLine,
} from './product-detail-store';

/** "On Amazon": what the send engine did with each of the product's SKUs, in every enabled marketplace of the header's account. */
export function ProductAmazonCard({ productId, skus }: { readonly productId: number; readonly skus: readonly string[] }) {
  const { t } = useTranslation('products');
  const format = useFormat();
  const accountId = useAccountsStore(selectSelectedAccount)?.id ?? null;
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const rows = useProductDetailStore(selectAmazonRows);
  const error = useProductDetailStore(selectAmazonError);

  useEffect(() => {
    if (accountId) void loadAmazonStatus(productId, accountId);
  }, [productId, accountId]);
  useEffect(() => watchAmazonStatus(), []);

  const marketplaceName = (id: string): string => {
    const m = marketplaces.find((x) => x.marketplaceId === id);
    return m ? format.country(m.countryCode) : id;
  };
  const marketplaceIds = marketplaces.map((m) => m.marketplaceId);
  const missing = useMissing(productId, accountId, marketplaceIds);
  const lines = rows && accountId ? amazonLines(skus, marketplaceIds, rows) : [];

  return (
    <div className="card card--flush" data-testid="product-amazon">
      <div className="product-amazon__head">
        <h2 className="card__title card__title--padded">{t('detail.amazon.title')}</h2>
        <a href={hrefFor('sync')}>{t('detail.amazon.seeInSends')}</a>
      </div>
      {!accountId ? <p className="empty-state">{t('detail.amazon.noAccount')}</p> : null}
      {accountId && marketplaces.length === 0 ? <p className="empty-state">{t('detail.amazon.noMarketplace')}</p> : null}
      {accountId && error ? (
        <ErrorNotice title={t('detail.amazon.loadFailed')} error={error} onRetry={() => void loadAmazonStatus(productId, accountId)} />
      ) : null}
      {lines.length > 0 ? <AmazonTable lines={lines} format={format} marketplaceName={marketplaceName} missing={missing} /> : null}
      {accountId && marketplaces.length > 0 ? (
        <ProductRestrictions accountId={accountId} productId={productId} format={format} marketplaceName={marketplaceName} />
      ) : null}
    </div>
  );
}

/** `<marketplaceId> <sku>` → what keeps that SKU from being sent there (empty: nothing, or not known yet). */
type Missing = ReadonlyMap<string, readonly string[]>;

/**
 * What each SKU still lacks to be sent, per marketplace, in the words "Incluir produtos" uses (the
 * same readiness check as the send engine): a SKU nobody can include yet says why, rather than
 * only "not selected".
 */
function useMissing(productId: number, accountId: string | null, marketplaceIds: readonly string[]): Missing {
  const [missing, setMissing] = useState<Missing>(new Map());
  const key = marketplaceIds.join(',');
  useEffect(() => {
    if (!accountId) return undefined;
    let alive = true;
    void Promise.all(
      marketplaceIds.map((marketplaceId) => request('mapping:preview', { accountId, marketplaceId, productId }).then((o) => [marketplaceId, o] as const)),
    ).then((answers) => {
      if (!alive) return;
      const out = new Map<string, string[]>();
      for (const [marketplaceId, outcome] of answers) {
        if (!outcome.ok) continue;
        for (const sku of outcome.value.skus) {
          if (sku.status === 'ready') continue;
          out.set(`${marketplaceId} ${sku.sku}`, [...(sku.blocked ? [sku.blocked.message] : []), ...sku.issues.map((i) => i.message)]);
        }
      }
      setMissing(out);
    });
    return () => {
      alive = false;
    };
  }, [productId, accountId, key]);
  return missing;
}

/** Rows where the engine did not send the SKU: what it lacks is worth saying there. */
const UNSENT = new Set(['skipped', 'removed', 'paused']);

interface AmazonTableProps {
  readonly lines: readonly AmazonLine[];
  readonly format: Formatters;
  readonly marketplaceName: (id: string) => string;
  readonly missing: Missing;
}

function AmazonTable({ lines, format, marketplaceName, missing }: AmazonTableProps) {
  const { t } = useTranslation('products');
  const none = t('detail.none');
  return (
    <div className="table-scroll">
      <table className="data-table sync-table">
        <thead>
          <tr>
            {(['sku', 'marketplace', 'status', 'reason', 'asin', 'updated'] as const).map((k) => (
              <th key={k} scope="col">
                {t(`detail.amazon.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map(({ sku, marketplaceId, row }) => {
            const reason = row ? (row.reason ?? row.issues[0]?.explanation ?? none) : t('detail.amazon.notSentReason');
            return (
              <Fragment key={`${marketplaceId} ${sku} ${row?.sku ?? ''}`}>
                <tr data-sku={sku} data-marketplace={marketplaceId} data-status={row?.status ?? 'not-sent'}>
                  <th scope="row" className="sync-table__sku">
                    {sku}
                    {row && row.sku !== sku ? <span className="product-table__sub">{t('detail.amazon.sentAs', { sku: row.sku })}</span> : null}
                  </th>
                  <td>{marketplaceName(marketplaceId)}</td>
                  <td>
                    <span className={row ? `sync-status sync-status--${row.status}` : 'sync-status'}>{row ? row.label : t('detail.amazon.notSent')}</span>
                  </td>
                  <td className="sync-table__reason">
                    {reason}
                    <MissingList messages={!row || UNSENT.has(row.status) ? (missing.get(`${marketplaceId} ${sku}`) ?? []).filter((m) => m !== reason) : []} />
                  </td>
                  <td>{row?.asin ?? none}</td>
                  <td>{row ? format.dateTime(row.updatedAt) : none}</td>
                </tr>
                {row && row.issues.length > 0 ? (
                  <tr className="sync-table__details">
                    <td colSpan={6}>
                      <IssueList issues={row.issues} label={t('detail.amazon.issues', { sku, marketplace: marketplaceName(marketplaceId) })} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function MissingList({ messages }: { readonly messages: readonly string[] }) {
  const { t } = useTranslation('products');
  if (messages.length === 0) return null;
  return (
    <div className="product-amazon__missing" data-testid="product-missing">
      <p>{t('detail.amazon.missing')}</p>
      <ul>
        {[...new Set(messages)].map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
